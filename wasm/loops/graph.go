package loops

import (
	"cmp"
	"slices"

	"ouroboros/wasm/dataset"
)

// Counted reports whether a deal makes an edge of the money graph at asOf:
// unless asOf is the zero Date, its date is on or before asOf, a partial
// date counting as its first day; and as of asOf (currently, for the zero
// Date) it is not terminated.
func Counted(deal *dataset.Deal, asOf dataset.Date) bool {
	if !asOf.IsZero() && deal.Date.Compare(asOf) > 0 {
		return false
	}
	return deal.At(asOf).Status != dataset.Terminated
}

// Hop is one edge of the money graph, from one entity to another, with the
// counted deals behind it.
type Hop struct {
	From, To int // indexes into Dataset.Entities
	// Deals are the counted deals from From to To, as indexes into
	// Dataset.Deals in dataset order. The slice is shared; do not modify it.
	Deals []int
	// Total is the sum of the disclosed amounts of Deals as of the graph's
	// date, in the dataset's currency; 0 when none is disclosed.
	Total float64
	// Disclosed reports whether at least one of Deals has an amount.
	Disclosed bool
}

// Graph is the money graph of a dataset at a date: one edge for each
// ordered pair of entities with at least one counted deal between them (see
// Counted).
type Graph struct {
	// Edges are ordered by From, then To.
	Edges []Hop
	// Out[e] holds the indexes into Edges of the edges leaving entity e,
	// ordered by To.
	Out [][]int
}

// NewGraph returns the money graph of d at asOf; the zero asOf counts every
// deal that is not terminated.
func NewGraph(d *dataset.Dataset, asOf dataset.Date) *Graph {
	// Bucket the counted deals by payer, then group each bucket by payee;
	// the stable sort keeps dataset order among the deals of one edge.
	byFrom := make([][]int, len(d.Entities))
	for i := range d.Deals {
		if deal := &d.Deals[i]; Counted(deal, asOf) {
			byFrom[deal.From] = append(byFrom[deal.From], i)
		}
	}
	g := &Graph{Out: make([][]int, len(d.Entities))}
	for from, deals := range byFrom {
		slices.SortStableFunc(deals, func(a, b int) int {
			return cmp.Compare(d.Deals[a].To, d.Deals[b].To)
		})
		for len(deals) > 0 {
			to := d.Deals[deals[0]].To
			n := 1
			for n < len(deals) && d.Deals[deals[n]].To == to {
				n++
			}
			h := Hop{From: from, To: to, Deals: deals[:n:n]}
			for _, i := range h.Deals {
				if a := d.Deals[i].At(asOf).Amount; a != nil {
					h.Total += a.Value
					h.Disclosed = true
				}
			}
			g.Out[from] = append(g.Out[from], len(g.Edges))
			g.Edges = append(g.Edges, h)
			deals = deals[n:]
		}
	}
	return g
}

// Edge returns the edge from one entity to another, and whether there is one.
func (g *Graph) Edge(from, to int) (Hop, bool) {
	out := g.Out[from]
	k, ok := slices.BinarySearchFunc(out, to, func(e, to int) int {
		return cmp.Compare(g.Edges[e].To, to)
	})
	if !ok {
		return Hop{}, false
	}
	return g.Edges[out[k]], true
}
