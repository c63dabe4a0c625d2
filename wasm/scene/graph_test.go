package scene_test

import (
	"testing"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/scene"
)

func TestLayoutGraph(t *testing.T) {
	d := twoWay()
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

// twoWay is two entities paying each other: one loop.
func twoWay() *dataset.Dataset {
	doc := `{"format":"ouroboros/1","title":"T","asOf":"2026-01","kinds":{"k":{"label":"K","color":"#112233"}},
	"entities":[{"id":"b","name":"B","kind":"k"},{"id":"a","name":"A","kind":"k"}],
	"deals":[{"id":"d1","from":"b","to":"a","type":"equity","amount":{"value":5},"date":"2025","status":"completed","summary":"s","sources":["s"]},
	         {"id":"d2","from":"a","to":"b","type":"compute","date":"2025-06","status":"announced","summary":"s","sources":["s"]},
	         {"id":"d3","from":"a","to":"b","type":"chips","amount":{"value":7},"date":"2025-07","status":"reported","summary":"s","sources":["s"]}],
	"sources":{"s":{"publisher":"P","url":"https://example.com/"}}}`
	d, err := dataset.Load([]byte(doc))
	if err != nil {
		panic(err)
	}
	return d
}
