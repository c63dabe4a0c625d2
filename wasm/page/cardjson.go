package page

import (
	"strconv"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/jsonout"
)

// The cards' part of the state's JSON (appendState): the selected
// entity's card and report, the hover card.

// appendEntityCardFields opens an object with c's fields, for the card
// alone and for Selected, which embeds it.
func appendEntityCardFields(b []byte, c *EntityCard) []byte {
	b = append(b, `{"id":`...)
	b = jsonout.String(b, c.ID)
	b = append(b, `,"name":`...)
	b = jsonout.String(b, c.Name)
	b = append(b, `,"kind":`...)
	b = jsonout.String(b, c.Kind)
	b = append(b, `,"kindLabel":`...)
	b = jsonout.String(b, c.KindLabel)
	b = append(b, `,"color":`...)
	b = jsonout.String(b, c.Color)
	b = append(b, `,"note":`...)
	return jsonout.String(b, c.Note)
}

func appendHover(b []byte, h *Hover) []byte {
	if h == nil {
		return append(b, "null"...)
	}
	b = append(b, '{')
	if h.Entity != nil {
		b = append(b, `"entity":`...)
		b = appendEntityCardFields(b, h.Entity)
		b = append(b, '}')
	}
	if h.Edge != nil {
		if h.Entity != nil {
			b = append(b, ',')
		}
		e := h.Edge
		b = append(b, `"edge":{"from":`...)
		b = jsonout.String(b, e.From)
		b = append(b, `,"to":`...)
		b = jsonout.String(b, e.To)
		b = append(b, `,"fromName":`...)
		b = jsonout.String(b, e.FromName)
		b = append(b, `,"toName":`...)
		b = jsonout.String(b, e.ToName)
		b = append(b, `,"deals":`...)
		b = jsonout.List(b, e.Deals, appendDealCard)
		b = append(b, '}')
	}
	return append(b, '}')
}

func appendDealCard(b []byte, d *DealCard) []byte {
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
	b = append(b, `,"currency":`...)
	b = jsonout.String(b, d.Currency)
	if d.CapacityMW != 0 {
		b = append(b, `,"capacityMW":`...)
		b = jsonout.Number(b, d.CapacityMW)
	}
	if d.CapacityText != "" {
		b = append(b, `,"capacityText":`...)
		b = jsonout.String(b, d.CapacityText)
	}
	b = append(b, `,"status":`...)
	b = jsonout.String(b, d.Status)
	b = append(b, `,"date":`...)
	b = jsonout.String(b, d.Date)
	if d.Until != "" {
		b = append(b, `,"until":`...)
		b = jsonout.String(b, d.Until)
	}
	b = append(b, `,"summary":`...)
	b = jsonout.String(b, d.Summary)
	b = append(b, `,"publishers":`...)
	b = jsonout.Strings(b, d.Publishers)
	b = append(b, `,"history":`...)
	b = jsonout.List(b, d.History, appendHistoryEntry)
	return append(b, '}')
}

func appendHistoryEntry(b []byte, h *HistoryEntry) []byte {
	b = append(b, `{"date":`...)
	b = jsonout.String(b, h.Date)
	b = append(b, `,"change":`...)
	b = jsonout.String(b, h.Change)
	b = append(b, `,"summary":`...)
	b = jsonout.String(b, h.Summary)
	b = append(b, `,"sources":`...)
	b = jsonout.List(b, h.Sources, appendSourceLink)
	return append(b, '}')
}

func appendSourceLink(b []byte, s *SourceLink) []byte {
	b = append(b, `{"publisher":`...)
	b = jsonout.String(b, s.Publisher)
	b = append(b, `,"title":`...)
	b = jsonout.String(b, s.Title)
	b = append(b, `,"url":`...)
	b = jsonout.String(b, s.URL)
	return append(b, '}')
}

func appendEntityReport(b []byte, r *analysis.EntityReport) []byte {
	b = append(b, `{"id":`...)
	b = jsonout.String(b, r.ID)
	b = append(b, `,"name":`...)
	b = jsonout.String(b, r.Name)
	b = append(b, `,"kind":`...)
	b = jsonout.String(b, r.Kind)
	b = append(b, `,"note":`...)
	b = jsonout.String(b, r.Note)
	b = append(b, `,"asOf":`...)
	b = jsonout.String(b, r.AsOf)
	b = append(b, `,"out":`...)
	b = appendFlowReport(b, &r.Out)
	b = append(b, `,"in":`...)
	b = appendFlowReport(b, &r.In)
	c := &r.Capacity
	b = append(b, `,"capacity":{"boughtMW":`...)
	b = jsonout.Number(b, c.BoughtMW)
	b = append(b, `,"soldMW":`...)
	b = jsonout.Number(b, c.SoldMW)
	b = append(b, `,"boughtText":`...)
	b = jsonout.String(b, c.BoughtText)
	b = append(b, `,"soldText":`...)
	b = jsonout.String(b, c.SoldText)
	b = append(b, `},"loops":`...)
	b = jsonout.List(b, r.Loops, func(b []byte, l *analysis.LoopRef) []byte {
		b = append(b, `{"index":`...)
		b = strconv.AppendInt(b, int64(l.Index), 10)
		b = append(b, `,"entities":`...)
		b = jsonout.Strings(b, l.Entities)
		b = append(b, `,"roundTripValue":`...)
		b = jsonout.FloatPtr(b, l.RoundTripValue)
		b = append(b, `,"roundTripText":`...)
		b = jsonout.String(b, l.RoundTripText)
		return append(b, '}')
	})
	b = append(b, `,"shares":`...)
	b = jsonout.List(b, r.Shares, func(b []byte, s *analysis.ShareReport) []byte {
		b = append(b, `{"id":`...)
		b = jsonout.String(b, s.ID)
		b = append(b, `,"name":`...)
		b = jsonout.String(b, s.Name)
		b = append(b, `,"amount":`...)
		b = jsonout.FloatPtr(b, s.Amount)
		b = append(b, `,"deals":`...)
		b = strconv.AppendInt(b, int64(s.Deals), 10)
		b = append(b, `,"undisclosed":`...)
		b = strconv.AppendInt(b, int64(s.Undisclosed), 10)
		b = append(b, `,"incoming":`...)
		b = jsonout.Number(b, s.Incoming)
		b = append(b, `,"share":`...)
		b = jsonout.FloatPtr(b, s.Share)
		return append(b, '}')
	})
	x := &r.Exposure
	b = append(b, `,"exposure":{"dealsAtRisk":`...)
	b = jsonout.Strings(b, x.DealsAtRisk)
	b = append(b, `,"atRisk":`...)
	b = appendMoneyFields(b, &x.AtRisk)
	b = append(b, `},"loopsBroken":`...)
	b = jsonout.List(b, x.LoopsBroken, func(b []byte, i *int) []byte { return strconv.AppendInt(b, int64(*i), 10) })
	b = append(b, `,"failing":`...)
	b = jsonout.Strings(b, x.Failing)
	b = append(b, `,"losers":`...)
	b = jsonout.List(b, x.Losers, appendLossReport)
	return append(b, "}}"...)
}

// appendMoneyFields opens an object with m's fields, for MoneyReport
// alone and for FlowReport, which embeds it.
func appendMoneyFields(b []byte, m *analysis.MoneyReport) []byte {
	b = append(b, `{"total":`...)
	b = jsonout.FloatPtr(b, m.Total)
	b = append(b, `,"totalText":`...)
	b = jsonout.String(b, m.TotalText)
	b = append(b, `,"deals":`...)
	b = strconv.AppendInt(b, int64(m.Deals), 10)
	b = append(b, `,"undisclosed":`...)
	return strconv.AppendInt(b, int64(m.Undisclosed), 10)
}

func appendFlowReport(b []byte, f *analysis.FlowReport) []byte {
	b = appendMoneyFields(b, &f.MoneyReport)
	b = append(b, `,"byType":`...)
	b = jsonout.Map(b, f.ByType, jsonout.FloatPtr)
	return append(b, '}')
}

func appendLossReport(b []byte, l *analysis.LossReport) []byte {
	b = append(b, `{"id":`...)
	b = jsonout.String(b, l.ID)
	b = append(b, `,"name":`...)
	b = jsonout.String(b, l.Name)
	b = append(b, `,"lost":`...)
	b = jsonout.Number(b, l.Lost)
	b = append(b, `,"direct":`...)
	b = jsonout.Number(b, l.Direct)
	b = append(b, `,"indirect":`...)
	b = jsonout.Number(b, l.Indirect)
	b = append(b, `,"deals":`...)
	b = strconv.AppendInt(b, int64(l.Deals), 10)
	b = append(b, `,"undisclosed":`...)
	b = strconv.AppendInt(b, int64(l.Undisclosed), 10)
	b = append(b, `,"incoming":`...)
	b = jsonout.Number(b, l.Incoming)
	b = append(b, `,"share":`...)
	b = jsonout.FloatPtr(b, l.Share)
	b = append(b, `,"shareText":`...)
	b = jsonout.String(b, l.ShareText)
	b = append(b, `,"order":`...)
	b = strconv.AppendInt(b, int64(l.Order), 10)
	b = append(b, `,"through":`...)
	b = jsonout.Strings(b, l.Through)
	return append(b, '}')
}
