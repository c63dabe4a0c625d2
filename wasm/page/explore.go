package page

import (
	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/scene"
	"ouroboros/wasm/session"
	"ouroboros/wasm/wording"
)

// Explore is the state of the page's exploring controls: the legend and
// its filters, the timeline, the picked or flashing loop, the keyboard's
// focus. It is part of state().
type Explore struct {
	Legend   Legend               `json:"legend"`
	Filter   session.FilterState  `json:"filter"`
	Timeline Timeline             `json:"timeline"`
	Loop     *analysis.LoopReport `json:"loop"`  // the picked loop
	Flash    []string             `json:"flash"` // the loop that just closed, lit
	Focus    *string              `json:"focus"` // the entity the keyboard is on
	// Histories are the histories of the picked loop's deals as of the
	// date on screen, by deal id; empty when no loop is picked.
	Histories map[string][]HistoryEntry `json:"histories"`
}

// Legend lists what the filters can hide.
type Legend struct {
	Kinds     []LegendKind `json:"kinds"`
	DealTypes []string     `json:"dealTypes"`
	Statuses  []string     `json:"statuses"`
	// Key is the canvas legend's colours and reference widths.
	Key LegendKey `json:"key"`
}

// LegendKind is one entity kind in the legend.
type LegendKind struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	Color string `json:"color"`
}

// Timeline is the scrubber: the distinct deal dates, where it is (-1 for
// every date, past the last) and whether it plays, and the year marks a
// reader can jump to.
type Timeline struct {
	Dates   []string   `json:"dates"`
	Index   int        `json:"index"`
	Playing bool       `json:"playing"`
	Years   []YearMark `json:"years"`
}

// YearMark is one year of the timeline's dates, a chapter a reader can
// jump to: the year's last date and the circular deals as of it, in words
// (the loops, for a dataset with no circular deal at any date).
type YearMark struct {
	Year  string `json:"year"`  // "2025"
	AsOf  string `json:"asOf"`  // the year's last date on the timeline
	Loops int    `json:"loops"` // loops as of AsOf, as state().loops counts them
	// Circular counts the circular deals among them.
	Circular int `json:"circular"`
	// LoopsText is the count the mark shows in words, "9 circular deals"
	// (or "120 loops", "120+ loops" when there are more than the finder
	// keeps); Label is "2025 · 9 circular deals" and Spoken adds every
	// loop and the date for a screen reader and a tooltip, "2025 · 9
	// circular deals, 72 loops in all, as of 2025-12-18".
	LoopsText string `json:"loopsText"`
	Label     string `json:"label"`
	Spoken    string `json:"spoken"`
	// Current says the timeline's date is in this year.
	Current bool `json:"current"`
	// Counting says the loops as of AsOf are still being counted: a large
	// network's earlier years are counted after the first frame, one a
	// tick (session.Session.Tick); Loops and Circular are 0 until then,
	// LoopsText is "…" and Spoken says so.
	Counting bool `json:"counting"`
}

// YearMarks returns a mark for each year of an's dates, in order: the
// year's last date and the loops as of it, or, for a year whose snapshot
// an has not built yet, a mark still counting (it finds no loop).
// current is the date the timeline is at (zero for every date, which is in
// the last year).
func YearMarks(an *analysis.Analysis, current dataset.Date) []YearMark {
	out := []YearMark{}
	ends := an.YearEnds()
	say := wording.Said()
	circularAtAll := len(an.At(dataset.Date{}).Circular()) > 0
	for i, dt := range ends {
		year := wording.Date(dataset.Date{Year: dt.Year})
		m := YearMark{Year: year, AsOf: wording.Date(dt),
			Current: current.Year == dt.Year || current.IsZero() && i == len(ends)-1}
		if !an.Built(dt) {
			m.Counting = true
			m.LoopsText = say.Say("years.counting")
			m.Label = say.Say("years.label", "year", year, "loops", m.LoopsText)
			m.Spoken = say.Say("years.spokenCounting", "year", year, "date", wording.DateText(dt))
			out = append(out, m)
			continue
		}
		snap := an.At(dt)
		m.Loops, m.Circular = len(snap.Loops), len(snap.Circular())
		loops := say.Count("count.loops", m.Loops)
		if snap.Truncated {
			loops = say.Say("count.loops.other", "n", say.Locale().Int(m.Loops)+"+")
		}
		m.LoopsText, m.Spoken = loops, say.Say("years.spokenLoops", "year", year, "loops", loops, "date", wording.DateText(dt))
		if circularAtAll {
			m.LoopsText = say.Count("count.circular", m.Circular)
			m.Spoken = say.Say("years.spoken", "year", year, "circular", m.LoopsText, "loops", loops, "date", wording.DateText(dt))
		}
		m.Label = say.Say("years.label", "year", year, "loops", m.LoopsText)
		out = append(out, m)
	}
	return out
}

// NewExplore describes the exploring controls, the kinds' colours in
// theme t.
func NewExplore(d *dataset.Dataset, an *analysis.Analysis, snap *analysis.Snapshot, now session.Now, flash []int, t session.Theme) *Explore {
	e := &Explore{Filter: now.Filter.State(d), Flash: nil, Histories: map[string][]HistoryEntry{}}
	for _, k := range d.Kinds {
		e.Legend.Kinds = append(e.Legend.Kinds, LegendKind{Key: k.Key, Label: k.Label, Color: hex(scene.KindColor(k, t))})
	}
	e.Legend.DealTypes, e.Legend.Statuses = wording.DealTypes(), wording.Statuses()
	e.Timeline = Timeline{Dates: []string{}, Index: -1, Playing: now.Playing, Years: YearMarks(an, now.AsOf)}
	for i, dt := range an.Dates() {
		e.Timeline.Dates = append(e.Timeline.Dates, dt.String())
		if !now.AsOf.IsZero() && dt.Compare(now.AsOf) <= 0 {
			e.Timeline.Index = i
		}
	}
	if !now.AsOf.IsZero() && e.Timeline.Index < 0 {
		e.Timeline.Index = 0
	}
	for i, lp := range snap.Loops {
		if now.Loop != "" && session.LoopKey(d, lp.Entities) == now.Loop {
			r := snap.LoopReport(i)
			e.Loop = &r
			for _, h := range lp.Hops {
				for _, di := range h.Deals {
					e.Histories[d.Deals[di].ID] = History(d, di, now.AsOf)
				}
			}
		}
	}
	for _, x := range flash {
		e.Flash = append(e.Flash, d.Entities[x].ID)
	}
	if now.Focus >= 0 {
		e.Focus = &d.Entities[now.Focus].ID
	}
	return e
}
