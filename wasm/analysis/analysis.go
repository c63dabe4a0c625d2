// Package analysis is the single source of every number the page shows
// about entities, loops and exposure: what each party commits and receives,
// the loops it sits in and how much goes round them, and what happens to the
// others if it cannot pay. It is pure: it reads a valid dataset and never
// imports the engine or the browser.
//
// # Counted deals
//
// A deal counts at a date exactly as for loops (loops.Counted): its date is
// on or before the date, a partial date counting as its first day, and as
// of the date it is not terminated; at the zero Date every deal that is not
// currently terminated counts. Only counted deals enter any figure of a
// Snapshot, and each as of the snapshot's date (dataset.Deal.At): its
// status, amount and capacity with the updates dated on or before it.
//
// # Money
//
// Amounts are in the dataset's currency. A total sums the disclosed amounts
// of some counted deals, "up to" and estimated figures at face value; deals
// with no amount add nothing to it and are counted apart as undisclosed. A
// total over deals none of which is disclosed is unknown (null in a report);
// a total over no deal at all is 0.
//
// # Per entity (EntityFlows)
//
//   - Out and In: the counted deals the entity pays (it is "from") and
//     receives (it is "to"), in total and by deal type.
//   - Capacity bought: the capacityMW of the counted deals it pays (capacity
//     flows from the payee to the payer); capacity sold: that of the counted
//     deals it receives.
//   - Loops: the indexes into Snapshot.Loops of the loops through it.
//   - Shares: for each counterparty C that it pays, its disclosed
//     commitments to C divided by C's disclosed incoming total (In.Total):
//     "OpenAI is 90% of Oracle's incoming". The share is unknown when none of
//     its deals to C is disclosed.
//
// # Per loop (LoopInfo)
//
// The loops package's loop (entities, hops with their deals and totals,
// round-trip value: the smallest hop total, unknown when a hop is
// undisclosed), plus the disclosed total going round (the sum of the hop
// totals, undisclosed hops adding 0) and the date the loop closed: the
// earliest date at which every hop had a counted deal, that is the latest
// over the hops of the earliest counted deal of the hop. A deal that is
// counted at the snapshot's date was counted at every later date too, so
// that date is when the last hop first existed.
//
// # Circular deals
//
// A loop is a circular deal (Class Circular) when it has at most three hops
// and, among the deals behind its hops, at least one finances (equity,
// warrants, debt, backstop, acquisition) and at least one buys something
// real (compute, chips, power); every other loop is Other. Snapshot.Circular
// ranks the circular deals by round-trip value, largest first, unknown
// last; ties by the disclosed total going round, largest first, then by
// loop order.
//
// # Exposure: what if X cannot pay
//
// Remove entity X. The deals at risk are the counted deals to and from X;
// the loops that break are exactly the loops through X. Losses:
//
//   - First order: every entity E that X pays loses Direct(E), the disclosed
//     total of X's counted deals to E.
//   - The failing counterparties are the entities E whose first-order share
//     Direct(E) / In(E) is more than one half (In(E) is E's disclosed
//     incoming total): they are assumed not to pay either. The cascade stops
//     there: their own failing payees are not assumed to fail.
//   - Second order: every entity E other than X loses Indirect(E), the
//     disclosed total of the counted deals to E from the failing
//     counterparties (a failing counterparty paid by another failing one
//     loses that too).
//
// A loser is an entity E ≠ X with at least one lost deal. Its loss is
// Direct(E) + Indirect(E), its share is loss / In(E), in [0, 1], unknown
// when every lost deal is undisclosed. Its order is 1 when X pays it,
// otherwise 2, and Through lists the failing counterparties it loses by.
// Losers are sorted by share, largest first, unknown shares last, then by
// id.
//
// # Dates
//
// The figures change only at the dates of deals that can count (not
// terminated as announced) and at the dates of updates that change a
// status, an amount or a capacity. Analysis keeps one Snapshot per such date, computed the first
// time it is asked for, so that moving the date filter is a lookup.
package analysis

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"ouroboros/wasm/dataset"
)

// Analysis holds a dataset's snapshots, one per distinct deal date, each
// computed on first use. It is safe for concurrent use.
type Analysis struct {
	d *dataset.Dataset
	// dates are the distinct dates at which the figures can change (see
	// Dates), by Key.
	dates []dataset.Date
	// rank[e] is the position of entity e in id order (byte order).
	rank []int

	mu sync.Mutex
	// cache[i+1] is the snapshot at dates[i]; cache[0] is the one before
	// the first date, when nothing counts.
	cache []*Snapshot
}

// New prepares the analysis of d, a valid dataset. It computes no snapshot
// yet.
func New(d *dataset.Dataset) *Analysis {
	a := &Analysis{d: d, rank: make([]int, len(d.Entities))}
	for i := range d.Deals {
		x := &d.Deals[i]
		if x.At(x.Date).Status != dataset.Terminated {
			a.dates = append(a.dates, x.Date)
		}
		for _, u := range x.Updates {
			if u.HasStatus || u.Amount != nil || u.CapacityMW > 0 {
				a.dates = append(a.dates, u.Date)
			}
		}
	}
	// Among dates of one Key (2025-09 and 2025-09-01), keep the most precise.
	slices.SortFunc(a.dates, func(x, y dataset.Date) int {
		if c := x.Compare(y); c != 0 {
			return c
		}
		return -cmp.Compare(precision(x), precision(y))
	})
	a.dates = slices.CompactFunc(a.dates, func(x, y dataset.Date) bool { return x.Compare(y) == 0 })
	a.dates = slices.Clip(a.dates)
	a.cache = make([]*Snapshot, len(a.dates)+1)

	byID := make([]int, len(d.Entities))
	for i := range byID {
		byID[i] = i
	}
	slices.SortFunc(byID, func(x, y int) int { return strings.Compare(d.Entities[x].ID, d.Entities[y].ID) })
	for r, e := range byID {
		a.rank[e] = r
	}
	return a
}

// precision is 1, 2 or 3 for a date given to the year, the month or the day.
func precision(d dataset.Date) int {
	switch {
	case d.Day > 0:
		return 3
	case d.Month > 0:
		return 2
	}
	return 1
}

// Dataset returns the dataset being analysed.
func (a *Analysis) Dataset() *dataset.Dataset { return a.d }

// Dates returns the distinct dates of the deals that are not terminated as
// announced and of the updates that change a status, an amount or a
// capacity, in ascending order: the dates at which the figures change, for
// the timeline.
// Of dates that order alike (2025-09 and 2025-09-01) it keeps the most
// precise. The slice is shared; do not modify it.
func (a *Analysis) Dates() []dataset.Date { return a.dates }

// YearEnds returns the last of Dates in each year, in order: where the
// timeline's year marks count the loops.
func (a *Analysis) YearEnds() []dataset.Date {
	var out []dataset.Date
	for i, dt := range a.dates {
		if i+1 == len(a.dates) || a.dates[i+1].Year != dt.Year {
			out = append(out, dt)
		}
	}
	return out
}

// Built reports whether the snapshot at asOf has been computed, so that At
// returns it without finding any loop.
func (a *Analysis) Built(asOf dataset.Date) bool {
	i := a.index(asOf)
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.cache[i+1] != nil
}

// At returns the snapshot at asOf; the zero Date counts every deal that is
// not terminated. The figures are those of the latest date of Dates on or
// before asOf, computed the first time that date is asked for and then
// shared; the snapshot's AsOf is asOf itself.
func (a *Analysis) At(asOf dataset.Date) *Snapshot {
	i := a.index(asOf)
	a.mu.Lock()
	s := a.cache[i+1]
	if s == nil {
		if i < 0 {
			s = empty(a)
		} else {
			s = build(a, a.dates[i])
		}
		s.DateIndex = i
		a.cache[i+1] = s
	}
	a.mu.Unlock()
	c := *s
	c.AsOf = asOf
	return &c
}

// index returns the index into a.dates of the latest date on or before asOf
// (the last one for the zero Date), or -1 when there is none.
func (a *Analysis) index(asOf dataset.Date) int {
	if asOf.IsZero() {
		return len(a.dates) - 1
	}
	n, _ := slices.BinarySearchFunc(a.dates, asOf.Key()+1, func(d dataset.Date, key int) int {
		return cmp.Compare(d.Key(), key)
	})
	return n - 1
}
