package analysis

import (
	"cmp"
	"slices"
)

// Exposure is what happens if one entity cannot pay (see the package
// comment for the definition).
type Exposure struct {
	// Entity is the entity that fails, an index into Dataset.Entities.
	Entity int
	// Deals are the deals at risk: the counted deals to and from Entity, as
	// indexes into Dataset.Deals, ascending.
	Deals []int
	// AtRisk sums Deals.
	AtRisk Money
	// Loops are the loops that break: the indexes into Snapshot.Loops of
	// the loops through Entity, ascending.
	Loops []int
	// Failing are the counterparties assumed to fail too, having lost more
	// than half of their disclosed incoming commitments, in id order.
	Failing []int
	// Losers are sorted by share, largest first, unknown shares last, then
	// by id.
	Losers []Loss
}

// Loss is what one entity loses when another cannot pay.
type Loss struct {
	// Entity is the loser, an index into Dataset.Entities.
	Entity int
	// Direct is the disclosed total of the failed entity's counted deals to
	// Entity; Indirect that of the failing counterparties' counted deals to
	// it.
	Direct, Indirect float64
	// Deals is the number of lost deals; Undisclosed of them have no amount.
	Deals, Undisclosed int
	// Incoming is Entity's disclosed incoming total.
	Incoming float64
	// Share is (Direct + Indirect) / Incoming, in [0, 1]; 0 when not Known.
	Share float64
	// Order is 1 when the failed entity pays Entity, 2 when Entity loses
	// only through failing counterparties.
	Order int
	// Through are the failing counterparties Entity loses by, in id order.
	Through []int
}

// Lost is the disclosed total lost: Direct + Indirect.
func (l Loss) Lost() float64 { return l.Direct + l.Indirect }

// Known reports whether the share is known: at least one lost deal is
// disclosed.
func (l Loss) Known() bool { return l.Lost() > 0 }

// Exposure returns what happens at the snapshot's date if entity (an index
// into Dataset.Entities) cannot pay.
func (s *Snapshot) Exposure(entity int) Exposure {
	g, byID := s.g, s.a.rank
	x := Exposure{Entity: entity, Loops: s.Entities[entity].Loops, Failing: []int{}, Losers: []Loss{}}

	for _, e := range s.g.Out[entity] {
		x.Deals = append(x.Deals, g.Edges[e].Deals...)
	}
	for _, e := range s.in[entity] {
		x.Deals = append(x.Deals, g.Edges[e].Deals...)
	}
	slices.Sort(x.Deals)
	if x.Deals == nil {
		x.Deals = []int{}
	}
	for _, i := range x.Deals {
		x.AtRisk.add(s.a.d.Deals[i].At(s.at).Amount)
	}

	// at[e] is 1 + the index into x.Losers of entity e's loss, 0 for none.
	// Entities lose only through edges of the graph, so a map stays small.
	at := make(map[int]int, len(g.Out[entity]))
	lose := func(from int, order int) {
		for _, e := range g.Out[from] {
			h := &g.Edges[e]
			if h.To == entity {
				continue
			}
			k := at[h.To]
			if k == 0 {
				x.Losers = append(x.Losers, Loss{Entity: h.To, Incoming: s.Entities[h.To].In.Total, Order: order})
				k = len(x.Losers)
				at[h.To] = k
			}
			l := &x.Losers[k-1]
			if order == 1 {
				l.Direct += h.Total
			} else {
				l.Indirect += h.Total
				l.Through = append(l.Through, from)
			}
			l.Deals += len(h.Deals)
			for _, i := range h.Deals {
				if s.a.d.Deals[i].At(s.at).Amount == nil {
					l.Undisclosed++
				}
			}
		}
	}
	lose(entity, 1)
	for _, l := range x.Losers {
		if l.Direct > l.Incoming/2 {
			x.Failing = append(x.Failing, l.Entity)
		}
	}
	slices.SortFunc(x.Failing, func(a, b int) int { return cmp.Compare(byID[a], byID[b]) })
	for _, c := range x.Failing {
		lose(c, 2)
	}

	for k := range x.Losers {
		l := &x.Losers[k]
		if l.Known() {
			l.Share = min(l.Lost()/l.Incoming, 1)
		}
		if l.Through == nil {
			l.Through = []int{}
		}
	}
	slices.SortFunc(x.Losers, func(a, b Loss) int {
		if c := compareShares(a.Share, a.Known(), b.Share, b.Known()); c != 0 {
			return c
		}
		return cmp.Compare(byID[a.Entity], byID[b.Entity])
	})
	return x
}
