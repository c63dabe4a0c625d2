// Package scene turns a dataset, its layout and the view into what is drawn:
// a mesh of coloured triangles (edges, arrows, particles, discs) and a list of
// labels to place. It is pure and allocation-free per frame once warmed up;
// the drawing package only hands its output to the engine.
package scene

import (
	"math"

	"ouroboros/wasm/dataset"
)

// Edge is every deal from one entity to another that the date filter keeps,
// drawn as one curved, directed edge.
type Edge struct {
	From, To int   // entity indexes
	Deals    []int // deal indexes, dataset order
	// Total is the disclosed money of the live (not terminated) deals.
	Total float64
	// Disclosed reports whether any live deal has an amount.
	Disclosed bool
	// CapacityMW is the capacity bought over the live deals, flowing To → From.
	CapacityMW float64
	// Terminated reports that every deal on the edge was called off.
	Terminated bool
}

// Network is the drawable part of a dataset at one date.
type Network struct {
	Edges []Edge
	// Money is, per entity, the disclosed money of the live deals through it
	// (in and out), which sizes its disc.
	Money []float64
	// MaxMoney and MaxTotal are the largest of Money and of Edge.Total.
	MaxMoney, MaxTotal float64
	// MaxCapacityMW is the largest Edge.CapacityMW.
	MaxCapacityMW float64
}

// NewNetwork groups the deals dated on or before asOf (all of them when asOf
// is zero) into edges, in order of first appearance.
func NewNetwork(d *dataset.Dataset, asOf dataset.Date) *Network {
	n := &Network{Money: make([]float64, len(d.Entities))}
	index := map[[2]int]int{}
	for i, deal := range d.Deals {
		if !asOf.IsZero() && deal.Date.Compare(asOf) > 0 {
			continue
		}
		key := [2]int{deal.From, deal.To}
		e, ok := index[key]
		if !ok {
			e = len(n.Edges)
			index[key] = e
			n.Edges = append(n.Edges, Edge{From: deal.From, To: deal.To, Terminated: true})
		}
		edge := &n.Edges[e]
		edge.Deals = append(edge.Deals, i)
		if deal.Status == dataset.Terminated {
			continue
		}
		edge.Terminated = false
		edge.CapacityMW += deal.CapacityMW
		if deal.Amount != nil {
			edge.Disclosed = true
			edge.Total += deal.Amount.Value
			n.Money[deal.From] += deal.Amount.Value
			n.Money[deal.To] += deal.Amount.Value
		}
	}
	for _, e := range n.Edges {
		n.MaxTotal = math.Max(n.MaxTotal, e.Total)
		n.MaxCapacityMW = math.Max(n.MaxCapacityMW, e.CapacityMW)
	}
	for _, m := range n.Money {
		n.MaxMoney = math.Max(n.MaxMoney, m)
	}
	return n
}

// Links lists each edge's endpoints, for the layout.
func (n *Network) Links() [][2]int {
	out := make([][2]int, len(n.Edges))
	for i, e := range n.Edges {
		out[i] = [2]int{e.From, e.To}
	}
	return out
}
