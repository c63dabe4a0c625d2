package scene

import (
	"math"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/layout"
)

// LayoutGraph is what the layout needs of a dataset. It takes the snapshot
// of every date, so that entities keep their places while the timeline
// moves; discs are weighted by the money through them.
func LayoutGraph(ds *dataset.Dataset, everything *analysis.Snapshot) layout.Graph {
	n := len(ds.Entities)
	all := NewNetwork(ds, everything)
	g := layout.Graph{
		N:      n,
		Edges:  all.Links(),
		Weight: make([]float64, n),
		Radius: make([]float64, n),
		Pinned: make([]bool, n),
		Pin:    make([][2]float64, n),
	}
	// The circular deals, top ranked first, make the picture loop-first;
	// a dataset without any falls back to rings of its shortest loops
	// (more than the layout makes rings of, so it can choose).
	for _, k := range everything.Circular() {
		g.Circular = append(g.Circular, everything.Loops[k].Entities)
	}
	if len(g.Circular) == 0 {
		for _, lp := range everything.Loops[:min(len(everything.Loops), layout.MaxRings*4)] {
			g.Loops = append(g.Loops, lp.Entities)
		}
	}
	// The outer band groups entities by kind.
	g.Group = make([]int, n)
	for i, m := range all.Money {
		if all.MaxMoney > 0 {
			g.Weight[i] = math.Sqrt(m / all.MaxMoney)
		}
		g.Radius[i] = DiscShare(m, all.MaxMoney)
	}
	for i, e := range ds.Entities {
		g.Pinned[i], g.Pin[i] = e.Pinned, e.Pin
		g.Group[i] = e.Kind
	}
	return g
}
