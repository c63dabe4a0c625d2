package page

import (
	"strconv"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/jsonout"
	"ouroboros/wasm/session"
)

// The explore panel's part of the state's JSON (appendState).

func appendExplore(b []byte, e *Explore) []byte {
	if e == nil {
		return append(b, "null"...)
	}
	b = append(b, `{"legend":{"kinds":`...)
	b = jsonout.List(b, e.Legend.Kinds, appendLegendKind)
	b = append(b, `,"dealTypes":`...)
	b = jsonout.Strings(b, e.Legend.DealTypes)
	b = append(b, `,"statuses":`...)
	b = jsonout.Strings(b, e.Legend.Statuses)
	b = append(b, `,"key":`...)
	b = appendLegendKey(b, &e.Legend.Key)
	b = append(b, `},"filter":`...)
	b = appendFilter(b, &e.Filter)
	b = append(b, `,"timeline":{"dates":`...)
	b = jsonout.Strings(b, e.Timeline.Dates)
	b = append(b, `,"index":`...)
	b = strconv.AppendInt(b, int64(e.Timeline.Index), 10)
	b = append(b, `,"playing":`...)
	b = strconv.AppendBool(b, e.Timeline.Playing)
	b = append(b, `,"years":`...)
	b = jsonout.List(b, e.Timeline.Years, appendYearMark)
	b = append(b, `},"loop":`...)
	b = appendLoopReport(b, e.Loop)
	b = append(b, `,"flash":`...)
	b = jsonout.Strings(b, e.Flash)
	b = append(b, `,"focus":`...)
	b = jsonout.StringPtr(b, e.Focus)
	b = append(b, `,"histories":`...)
	b = jsonout.Map(b, e.Histories, func(b []byte, h []HistoryEntry) []byte { return jsonout.List(b, h, appendHistoryEntry) })
	return append(b, '}')
}

func appendLegendKind(b []byte, k *LegendKind) []byte {
	b = append(b, `{"key":`...)
	b = jsonout.String(b, k.Key)
	b = append(b, `,"label":`...)
	b = jsonout.String(b, k.Label)
	b = append(b, `,"color":`...)
	b = jsonout.String(b, k.Color)
	return append(b, '}')
}

func appendLegendKey(b []byte, k *LegendKey) []byte {
	b = append(b, `{"money":`...)
	b = jsonout.String(b, k.Money)
	b = append(b, `,"capacity":`...)
	b = jsonout.String(b, k.Capacity)
	b = append(b, `,"loop":`...)
	b = jsonout.String(b, k.Loop)
	b = append(b, `,"edge":`...)
	b = jsonout.String(b, k.Edge)
	b = append(b, `,"faded":`...)
	b = jsonout.String(b, k.Faded)
	b = append(b, `,"undisclosedCSS":`...)
	b = jsonout.Number(b, k.UndisclosedCSS)
	b = append(b, `,"widths":`...)
	b = jsonout.List(b, k.Widths, func(b []byte, w *LegendWidth) []byte {
		b = append(b, `{"amount":`...)
		b = jsonout.Number(b, w.Amount)
		b = append(b, `,"text":`...)
		b = jsonout.String(b, w.Text)
		b = append(b, `,"css":`...)
		b = jsonout.Number(b, w.CSS)
		return append(b, '}')
	})
	return append(b, '}')
}

func appendFilter(b []byte, f *session.FilterState) []byte {
	b = append(b, `{"hiddenKinds":`...)
	b = jsonout.Strings(b, f.HiddenKinds)
	b = append(b, `,"hiddenTypes":`...)
	b = jsonout.Strings(b, f.HiddenTypes)
	b = append(b, `,"hiddenStatuses":`...)
	b = jsonout.Strings(b, f.HiddenStatuses)
	b = append(b, `,"bindingOnly":`...)
	b = strconv.AppendBool(b, f.BindingOnly)
	return append(b, '}')
}

func appendYearMark(b []byte, m *YearMark) []byte {
	b = append(b, `{"year":`...)
	b = jsonout.String(b, m.Year)
	b = append(b, `,"asOf":`...)
	b = jsonout.String(b, m.AsOf)
	b = append(b, `,"loops":`...)
	b = strconv.AppendInt(b, int64(m.Loops), 10)
	b = append(b, `,"circular":`...)
	b = strconv.AppendInt(b, int64(m.Circular), 10)
	b = append(b, `,"loopsText":`...)
	b = jsonout.String(b, m.LoopsText)
	b = append(b, `,"label":`...)
	b = jsonout.String(b, m.Label)
	b = append(b, `,"spoken":`...)
	b = jsonout.String(b, m.Spoken)
	b = append(b, `,"current":`...)
	b = strconv.AppendBool(b, m.Current)
	b = append(b, `,"counting":`...)
	b = strconv.AppendBool(b, m.Counting)
	return append(b, '}')
}

func appendLoopReport(b []byte, l *analysis.LoopReport) []byte {
	if l == nil {
		return append(b, "null"...)
	}
	b = append(b, `{"index":`...)
	b = strconv.AppendInt(b, int64(l.Index), 10)
	b = append(b, `,"entities":`...)
	b = jsonout.Strings(b, l.Entities)
	b = append(b, `,"hops":`...)
	b = jsonout.List(b, l.Hops, func(b []byte, h *analysis.HopReport) []byte {
		b = append(b, `{"from":`...)
		b = jsonout.String(b, h.From)
		b = append(b, `,"to":`...)
		b = jsonout.String(b, h.To)
		b = append(b, `,"deals":`...)
		b = jsonout.List(b, h.Deals, appendDealReport)
		b = append(b, `,"total":`...)
		b = jsonout.FloatPtr(b, h.Total)
		b = append(b, `,"totalText":`...)
		b = jsonout.String(b, h.TotalText)
		return append(b, '}')
	})
	b = append(b, `,"roundTripValue":`...)
	b = jsonout.FloatPtr(b, l.RoundTripValue)
	b = append(b, `,"roundTripText":`...)
	b = jsonout.String(b, l.RoundTripText)
	b = append(b, `,"disclosedTotal":`...)
	b = jsonout.Number(b, l.DisclosedTotal)
	b = append(b, `,"disclosedText":`...)
	b = jsonout.String(b, l.DisclosedText)
	b = append(b, `,"closed":`...)
	b = jsonout.String(b, l.Closed)
	return append(b, '}')
}

func appendDealReport(b []byte, d *analysis.DealReport) []byte {
	b = append(b, `{"id":`...)
	b = jsonout.String(b, d.ID)
	b = append(b, `,"type":`...)
	b = jsonout.String(b, d.Type)
	b = append(b, `,"amount":`...)
	b = jsonout.FloatPtr(b, d.Amount)
	b = append(b, `,"upTo":`...)
	b = strconv.AppendBool(b, d.UpTo)
	b = append(b, `,"estimate":`...)
	b = strconv.AppendBool(b, d.Estimate)
	b = append(b, `,"amountText":`...)
	b = jsonout.String(b, d.AmountText)
	b = append(b, `,"status":`...)
	b = jsonout.String(b, d.Status)
	b = append(b, `,"date":`...)
	b = jsonout.String(b, d.Date)
	b = append(b, `,"summary":`...)
	b = jsonout.String(b, d.Summary)
	return append(b, '}')
}
