package page

import (
	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
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
}

// Legend lists what the filters can hide.
type Legend struct {
	Kinds     []LegendKind `json:"kinds"`
	DealTypes []string     `json:"dealTypes"`
	Statuses  []string     `json:"statuses"`
}

// LegendKind is one entity kind in the legend.
type LegendKind struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	Color string `json:"color"`
}

// Timeline is the scrubber: the distinct deal dates, where it is (-1 for
// every date, past the last) and whether it plays.
type Timeline struct {
	Dates   []string `json:"dates"`
	Index   int      `json:"index"`
	Playing bool     `json:"playing"`
}

// NewExplore describes the exploring controls.
func NewExplore(d *dataset.Dataset, an *analysis.Analysis, snap *analysis.Snapshot, now session.Now, flash []int) *Explore {
	e := &Explore{Filter: now.Filter.State(d), Flash: nil}
	for _, k := range d.Kinds {
		e.Legend.Kinds = append(e.Legend.Kinds, LegendKind{Key: k.Key, Label: k.Label, Color: hex(k.Color)})
	}
	e.Legend.DealTypes, e.Legend.Statuses = wording.DealTypes(), wording.Statuses()
	e.Timeline = Timeline{Dates: []string{}, Index: -1, Playing: now.Playing}
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
