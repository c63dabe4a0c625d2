package scene_test

import (
	"ouroboros/wasm/dataset/datasettest"
	"testing"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/scene"
)

func TestLayoutGraph(t *testing.T) {
	d := datasettest.TwoWay()
	d.Entities[0].Pinned, d.Entities[0].Pin = true, [2]float64{0.1, 0.9}
	g := scene.LayoutGraph(d, analysis.New(d).At(dataset.Date{}))
	if g.N != 2 || len(g.Edges) != 2 || len(g.Loops) != 1 {
		t.Errorf("N %d, %d edges, %d loops; want 2, 2 (one per ordered pair), 1", g.N, len(g.Edges), len(g.Loops))
	}
	if !g.Pinned[0] || g.Pin[0] != [2]float64{0.1, 0.9} || g.Pinned[1] {
		t.Errorf("pins %v %v, want entity 0 pinned at (0.1, 0.9)", g.Pinned, g.Pin)
	}
	// Both entities carry the same money (12 in, 12 out), so the same weight.
	if g.Weight[0] != 1 || g.Weight[1] != 1 || g.Radius[0] != g.Radius[1] {
		t.Errorf("weights %v, radii %v", g.Weight, g.Radius)
	}
}
