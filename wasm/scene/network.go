// Package scene turns a network, its layout and the reader's look (a
// session.Look: the view, the selection, the story step, the filters, the
// loop) into what is drawn: a mesh of coloured triangles (edges, arrows,
// particles, discs) and the labels and figures to place. Build is a
// function of those inputs, pure and allocation-free per frame once warmed
// up; the drawing package only hands its output to the engine.
package scene

import (
	"math"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
)

// Edge is every deal from one entity to another dated on or before the
// snapshot's date, drawn as one curved, directed edge. Its deals are taken
// as of that date (dataset.Deal.At): their updates dated later are not
// yet known.
type Edge struct {
	From, To int   // entity indexes
	Deals    []int // deal indexes, dataset order
	// Total is the disclosed money of the live (not terminated) deals.
	Total float64
	// Disclosed reports whether any live deal has an amount.
	Disclosed bool
	// UpTo and Estimate report whether a live deal's amount is a ceiling
	// or an estimate, which the edge's figure says ("up to $100B").
	UpTo, Estimate bool
	// CapacityMW is the capacity bought over the live deals, flowing To → From.
	CapacityMW float64
	// Terminated reports that every deal on the edge was called off.
	Terminated bool
	// Tentative reports that every live deal on the edge is only in talks
	// or a letter of intent, which the edge's dashes say.
	Tentative bool
}

// Network is the drawable part of a dataset at one date. Its figures come
// from the analysis, so that the picture and the cards never disagree; it
// only groups deals into edges, keeping terminated ones to draw them faint.
type Network struct {
	Edges []Edge
	// Money is, per entity, the disclosed money of the live deals through it
	// (in and out), which sizes its disc.
	Money []float64
	// MaxMoney and MaxTotal are the largest of Money and of Edge.Total.
	MaxMoney, MaxTotal float64
	// Outer marks, per entity, those in no circular deal of the snapshot,
	// which are drawn smaller and fainter so that the rings stand out; none
	// is marked when the snapshot has no circular deal.
	Outer []bool
}

// NewNetwork groups the deals dated on or before the snapshot's date (all of
// them when it is zero) into edges, in order of first appearance, with the
// snapshot's figures and each deal as of the snapshot's date.
func NewNetwork(d *dataset.Dataset, snap *analysis.Snapshot) *Network {
	n := &Network{Money: make([]float64, len(d.Entities))}
	index := map[[2]int]int{}
	for i := range d.Deals {
		deal := &d.Deals[i]
		if !snap.AsOf.IsZero() && deal.Date.Compare(snap.AsOf) > 0 {
			continue
		}
		key := [2]int{deal.From, deal.To}
		e, ok := index[key]
		if !ok {
			e = len(n.Edges)
			index[key] = e
			n.Edges = append(n.Edges, Edge{From: deal.From, To: deal.To, Terminated: true, Tentative: true})
		}
		edge := &n.Edges[e]
		edge.Deals = append(edge.Deals, i)
		st := deal.At(snap.AsOf)
		if st.Status == dataset.Terminated {
			continue
		}
		edge.Terminated = false
		edge.CapacityMW += st.CapacityMW
		edge.Tentative = edge.Tentative && (st.Status == dataset.Talks || st.Status == dataset.LOI)
		if a := st.Amount; a != nil {
			edge.UpTo = edge.UpTo || a.UpTo
			edge.Estimate = edge.Estimate || a.Estimate
		}
	}
	for i := range n.Edges {
		e := &n.Edges[i]
		if e.Terminated {
			e.Tentative = false
		}
		for _, s := range snap.Entities[e.From].Shares {
			if s.To == e.To {
				e.Total, e.Disclosed = s.Amount, s.Deals > s.Undisclosed
			}
		}
		n.MaxTotal = math.Max(n.MaxTotal, e.Total)
	}
	for i, f := range snap.Entities {
		n.Money[i] = f.Out.Total + f.In.Total
		n.MaxMoney = math.Max(n.MaxMoney, n.Money[i])
	}
	n.Outer = outer(len(d.Entities), snap)
	return n
}

// outer marks the entities in no circular deal of snap, or none when it
// has no circular deal.
func outer(entities int, snap *analysis.Snapshot) []bool {
	out := make([]bool, entities)
	if len(snap.Circular()) == 0 {
		return out
	}
	for i := range out {
		out[i] = true
	}
	for _, k := range snap.Circular() {
		for _, e := range snap.Loops[k].Entities {
			out[e] = false
		}
	}
	return out
}

// Links lists each edge's endpoints, for the layout.
func (n *Network) Links() [][2]int {
	out := make([][2]int, len(n.Edges))
	for i, e := range n.Edges {
		out[i] = [2]int{e.From, e.To}
	}
	return out
}
