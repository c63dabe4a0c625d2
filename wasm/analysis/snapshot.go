package analysis

import (
	"cmp"
	"slices"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/loops"
)

// TypeCount is the number of deal types; Money by type is indexed by
// dataset.DealType.
const TypeCount = int(dataset.Acquisition) + 1

// Money is the sum of some counted deals.
type Money struct {
	// Total is the sum of the disclosed amounts, in the dataset's currency.
	Total float64
	// Deals is the number of deals; Undisclosed of them have no amount.
	Deals, Undisclosed int
}

// Known reports whether Total is a known figure: there is no deal, or at
// least one of them is disclosed.
func (m Money) Known() bool { return m.Deals == 0 || m.Deals > m.Undisclosed }

func (m *Money) add(a *dataset.Amount) {
	m.Deals++
	if a == nil {
		m.Undisclosed++
		return
	}
	m.Total += a.Value
}

// EntityFlows are the figures of one entity at a snapshot's date.
type EntityFlows struct {
	// Out sums the counted deals the entity pays, In those it receives.
	Out, In Money
	// OutByType and InByType split Out and In by dataset.DealType.
	OutByType, InByType [TypeCount]Money
	// BoughtMW is the capacity in megawatts of the counted deals it pays;
	// SoldMW that of the counted deals it receives.
	BoughtMW, SoldMW float64
	// Loops are the indexes into Snapshot.Loops of the loops through it,
	// ascending; only loops that Snapshot.Loops keeps when it is Truncated.
	Loops []int
	// Shares has one entry per counterparty the entity pays: largest share
	// first, unknown shares last, then by counterparty id.
	Shares []Share
}

// Share is an entity's part in a counterparty's incoming commitments.
type Share struct {
	// To is the counterparty, an index into Dataset.Entities.
	To int
	// Amount is the disclosed total of the entity's counted deals to To;
	// Deals and Undisclosed count those deals.
	Amount             float64
	Deals, Undisclosed int
	// Incoming is To's disclosed incoming total (its In.Total).
	Incoming float64
	// Share is Amount / Incoming, in [0, 1]; 0 when not Known.
	Share float64
}

// Known reports whether the share is known: at least one of the deals is
// disclosed.
func (s Share) Known() bool { return s.Amount > 0 }

// LoopInfo is one loop at a snapshot's date.
type LoopInfo struct {
	loops.Loop
	// Disclosed is the sum of the disclosed hop totals: the money going
	// round, in the dataset's currency.
	Disclosed float64
	// Closed is the date the loop closed: the latest over the hops of the
	// earliest counted deal of each hop, as that deal gives it.
	Closed dataset.Date
	// Class says whether the loop is a circular deal (see Classify).
	Class Class
}

// Snapshot is the analysis at one date. Its slices are shared between the
// snapshots of the same figures; do not modify them.
type Snapshot struct {
	// AsOf is the date asked for; the zero Date counts every deal that is
	// not terminated.
	AsOf dataset.Date
	// DateIndex is the index into Analysis.Dates of the date whose figures
	// these are (the latest on or before AsOf), -1 when no deal counts yet.
	// Snapshots with the same DateIndex have the same figures.
	DateIndex int
	// Entities holds the figures of each entity, by index into
	// Dataset.Entities.
	Entities []EntityFlows
	// Loops are the loops of the money graph in the format's order, at most
	// loops.Limit of them.
	Loops []LoopInfo
	// Truncated reports whether more loops exist than Loops holds.
	Truncated bool
	// circular ranks the circular deals among Loops (see Circular).
	circular []int

	a *Analysis
	// at is the date of the figures: deals are taken as of it.
	at dataset.Date
	g  *loops.Graph
	// in[e] holds the indexes into g.Edges of the edges into entity e.
	in [][]int
}

// empty returns the snapshot in which no deal counts.
func empty(a *Analysis) *Snapshot {
	n := len(a.d.Entities)
	return &Snapshot{
		Entities: make([]EntityFlows, n),
		Loops:    []LoopInfo{},
		a:        a,
		g:        &loops.Graph{Out: make([][]int, n)},
		in:       make([][]int, n),
	}
}

// build computes the snapshot at asOf.
func build(a *Analysis, asOf dataset.Date) *Snapshot {
	d := a.d
	s := measure(a, asOf)
	found := loops.Find(d, asOf, loops.Limit)
	s.Truncated = found.Truncated
	s.Loops = make([]LoopInfo, len(found.Loops))
	members := 0
	for k, l := range found.Loops {
		s.Loops[k] = info(d, l)
		members += len(l.Entities)
	}
	s.circular = rankCircular(s.Loops)
	// One backing array for all the entities' loop lists, carved in
	// entity order once each list's length is known.
	count := make([]int, len(d.Entities))
	for _, l := range found.Loops {
		for _, e := range l.Entities {
			count[e]++
		}
	}
	backing := make([]int, members)
	for e, n := range count {
		if n > 0 {
			s.Entities[e].Loops = backing[:0:n]
			backing = backing[n:]
		}
	}
	for k, l := range found.Loops {
		for _, e := range l.Entities {
			s.Entities[e].Loops = append(s.Entities[e].Loops, k)
		}
	}
	return s
}

// measure returns the snapshot at asOf without its loops: the money
// graph and the entities' money, capacity and shares.
func measure(a *Analysis, asOf dataset.Date) *Snapshot {
	d := a.d
	s := empty(a)
	s.at = asOf
	s.g = loops.NewGraph(d, asOf)
	for i := range d.Deals {
		x := &d.Deals[i]
		if !loops.Counted(x, asOf) {
			continue
		}
		st := x.At(asOf)
		from, to := &s.Entities[x.From], &s.Entities[x.To]
		from.Out.add(st.Amount)
		from.OutByType[x.Type].add(st.Amount)
		to.In.add(st.Amount)
		to.InByType[x.Type].add(st.Amount)
		from.BoughtMW += st.CapacityMW
		to.SoldMW += st.CapacityMW
	}

	inCount := make([]int, len(d.Entities))
	for _, h := range s.g.Edges {
		inCount[h.To]++
	}
	inBacking := make([]int, len(s.g.Edges))
	for e, n := range inCount {
		s.in[e] = inBacking[:0:n]
		inBacking = inBacking[n:]
	}
	shares := make([]Share, len(s.g.Edges))
	for from, out := range s.g.Out {
		if len(out) == 0 {
			continue
		}
		list := shares[:len(out):len(out)]
		shares = shares[len(out):]
		for k, e := range out {
			h := &s.g.Edges[e]
			s.in[h.To] = append(s.in[h.To], e)
			sh := Share{To: h.To, Amount: h.Total, Deals: len(h.Deals), Incoming: s.Entities[h.To].In.Total}
			for _, i := range h.Deals {
				if d.Deals[i].At(asOf).Amount == nil {
					sh.Undisclosed++
				}
			}
			if sh.Known() {
				sh.Share = min(sh.Amount/sh.Incoming, 1)
			}
			list[k] = sh
		}
		slices.SortFunc(list, func(x, y Share) int {
			if c := compareShares(x.Share, x.Known(), y.Share, y.Known()); c != 0 {
				return c
			}
			return cmp.Compare(s.a.rank[x.To], s.a.rank[y.To])
		})
		s.Entities[from].Shares = list
	}
	return s
}

// compareShares orders known shares largest first, then unknown ones.
func compareShares(x float64, xKnown bool, y float64, yKnown bool) int {
	switch {
	case xKnown && !yKnown:
		return -1
	case !xKnown && yKnown:
		return 1
	}
	return -cmp.Compare(x, y)
}

// info adds the disclosed total, the closing date and the class to a loop.
func info(d *dataset.Dataset, l loops.Loop) LoopInfo {
	li := LoopInfo{Loop: l, Class: Classify(d, l)}
	for k, h := range l.Hops {
		li.Disclosed += h.Total
		first := d.Deals[h.Deals[0]].Date
		for _, i := range h.Deals[1:] {
			if dt := d.Deals[i].Date; dt.Compare(first) < 0 {
				first = dt
			}
		}
		if k == 0 || first.Compare(li.Closed) > 0 {
			li.Closed = first
		}
	}
	return li
}
