package analysis

import (
	"cmp"
	"slices"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/loops"
)

// Class says what a reader would call a loop (the format's "Circular
// deals").
type Class int

const (
	// Other is every loop that is not a circular deal: a long chain through
	// a hub, or money that only finances or only buys.
	Other Class = iota
	// Circular is a loop of at most three hops whose deals include at least
	// one that finances and one that buys something real: money goes out as
	// investment and comes back as sales.
	Circular
)

// MaxCircularHops is the longest loop that can be a circular deal.
const MaxCircularHops = 3

// String returns "circular" or "other".
func (c Class) String() string {
	if c == Circular {
		return "circular"
	}
	return "other"
}

// Finances reports whether a deal of type t finances: equity, warrants,
// debt, backstop or acquisition.
func Finances(t dataset.DealType) bool {
	switch t {
	case dataset.Equity, dataset.Warrants, dataset.Debt, dataset.Backstop, dataset.Acquisition:
		return true
	}
	return false
}

// Classify returns the class of a loop of d's money graph: Circular when
// it has at most MaxCircularHops hops and, among the deals behind them, at
// least one finances and one buys something real (compute, chips, power).
func Classify(d *dataset.Dataset, l loops.Loop) Class {
	if len(l.Hops) > MaxCircularHops {
		return Other
	}
	var finances, buys bool
	for _, h := range l.Hops {
		for _, i := range h.Deals {
			t := d.Deals[i].Type
			finances = finances || Finances(t)
			buys = buys || t.BuysCapacity()
		}
	}
	if finances && buys {
		return Circular
	}
	return Other
}

// rankCircular returns the indexes into loops of the circular ones, ranked
// by round-trip value, largest first, unknown last; ties by the disclosed
// total going round (the sum of the hop totals), largest first; then by
// loop order.
func rankCircular(list []LoopInfo) []int {
	var out []int
	for k := range list {
		if list[k].Class == Circular {
			out = append(out, k)
		}
	}
	slices.SortStableFunc(out, func(x, y int) int {
		a, b := &list[x], &list[y]
		if a.RoundTripKnown != b.RoundTripKnown {
			if a.RoundTripKnown {
				return -1
			}
			return 1
		}
		if c := -cmp.Compare(a.RoundTrip, b.RoundTrip); c != 0 {
			return c
		}
		if c := -cmp.Compare(a.Disclosed, b.Disclosed); c != 0 {
			return c
		}
		return cmp.Compare(x, y)
	})
	return out
}

// Circular returns the circular deals at the snapshot's date, as indexes
// into Loops, ranked by round-trip value, largest first, unknown last;
// ties by the sum of the hop totals, largest first, then by loop order.
// Programs show these first and keep the others (Class Other) one step
// away. The slice is shared; do not modify it.
func (s *Snapshot) Circular() []int { return s.circular }
