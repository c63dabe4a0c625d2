package scene_test

import (
	"math/rand"
	"ouroboros/wasm/dataset/datasettest"
	"testing"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/scene"
	"ouroboros/wasm/session"
)

func randomPos(n int, seed int64) [][2]float64 {
	rng := rand.New(rand.NewSource(seed))
	p := make([][2]float64, n)
	for i := range p {
		p[i] = [2]float64{rng.Float64(), rng.Float64()}
	}
	return p
}

// The bundled dataset is far below every budget: every edge is drawn in
// full and every lit live edge carries its particles, at any zoom that
// keeps the picture on screen.
func TestSmallNetworkKeepsFullDetail(t *testing.T) {
	d := datasettest.Bundled(t)
	net := network(d, dataset.Date{})
	b := newRig(d, net)
	for _, dpr := range []float64{1, 2, 3} {
		b.Build(randomPos(len(d.Entities), 2), session.View{Width: 1280 * dpr, Height: 800 * dpr, DPR: dpr, Motion: true})
		got := b.Detail()
		if got.FullEdges != len(net.Edges) || got.Hairlines != 0 || got.Merged != 0 {
			t.Errorf("DPR %v: %+v, want all %d edges in full", dpr, got, len(net.Edges))
		}
		for ei := range net.Edges {
			if b.EdgeDetail(ei) != "full" {
				t.Errorf("DPR %v: edge %d drawn %s", dpr, ei, b.EdgeDetail(ei))
			}
		}
	}
}

// A network of 2,000 entities and 10,000 deals stays within the budgets:
// at most MaxFullEdges edges in full, the rest on screen as hairlines or
// merged into one, at most MaxFrameParticles particles.
func TestLargeNetworkWithinBudgets(t *testing.T) {
	d := randomDataset(2000, 10000, 1)
	net := network(d, dataset.Date{})
	b := newRig(d, net)
	b.Build(randomPos(len(d.Entities), 2), session.View{Width: 1280, Height: 800, DPR: 1, Motion: true, Tick: 40})
	got := b.Detail()
	if got.FullEdges != scene.MaxFullEdges {
		t.Errorf("%d edges in full, want the budget, %d", got.FullEdges, scene.MaxFullEdges)
	}
	if got.FullEdges+got.Hairlines+got.Merged != len(net.Edges) {
		t.Errorf("%+v: want all %d edges accounted for (every one is on screen)", got, len(net.Edges))
	}
	if got.Hairlines == 0 {
		t.Errorf("%+v: want hairlines", got)
	}
	if got.Particles == 0 || got.Particles > scene.MaxFrameParticles {
		t.Errorf("%d particles, want some and at most %d", got.Particles, scene.MaxFrameParticles)
	}
	// The heaviest edges are the full ones: no hairline outweighs a full edge.
	lightestFull, heaviestThin := 1e300, 0.0
	for ei, e := range net.Edges {
		if e.Terminated || !e.Disclosed {
			continue
		}
		switch b.EdgeDetail(ei) {
		case "full":
			lightestFull = min(lightestFull, e.Total)
		case "hairline", "merged":
			heaviestThin = max(heaviestThin, e.Total)
		}
	}
	if heaviestThin > lightestFull {
		t.Errorf("a thin edge of %v outweighs a full one of %v", heaviestThin, lightestFull)
	}
	// Under half the vertices of 10,000 edges in full (about a hundred
	// each), discs and particles included.
	if n := len(b.Mesh.Vertices); n > len(net.Edges)*100/2 {
		t.Errorf("%d vertices, want at most %d", n, len(net.Edges)*100/2)
	}
}

// The selection's edges are always drawn in full, however light.
func TestSelectionKeepsItsEdgesInFull(t *testing.T) {
	d := randomDataset(2000, 10000, 1)
	net := network(d, dataset.Date{})
	b := newRig(d, net)
	// The entity with the lightest edges is the hardest case.
	sel := net.Edges[len(net.Edges)-1].To
	b.look.Selected = sel
	b.Build(randomPos(len(d.Entities), 2), session.View{Width: 1280, Height: 800, DPR: 1, Motion: true})
	n := 0
	for ei, e := range net.Edges {
		if e.From == sel || e.To == sel {
			n++
			if got := b.EdgeDetail(ei); got != "full" {
				t.Errorf("edge %d of the selection drawn %s, want full", ei, got)
			}
		}
	}
	if n == 0 {
		t.Fatal("the selection has no edges")
	}
}

// Hairlines that would be drawn over one another are drawn once.
func TestHairlinesBetweenTheSameCellsMerge(t *testing.T) {
	// Two clusters of 60 entities, each cluster at one point, and a deal
	// from every entity of the first to every one of the second: 3,600
	// edges along the same curve.
	const k = 60
	d := &dataset.Dataset{Kinds: []dataset.Kind{{Key: "k"}}, EntityIndex: map[string]int{}, DealIndex: map[string]int{}}
	var p [][2]float64
	for i := 0; i < 2*k; i++ {
		id := string(rune('A'+i/26)) + string(rune('a'+i%26))
		d.EntityIndex[id] = i
		d.Entities = append(d.Entities, dataset.Entity{ID: id, Name: id})
		p = append(p, [2]float64{0.2 + 0.6*float64(i/k), 0.5})
	}
	for a := 0; a < k; a++ {
		for c := k; c < 2*k; c++ {
			d.Deals = append(d.Deals, dataset.Deal{From: a, To: c, Amount: &dataset.Amount{Value: float64(1 + a)}, Date: dataset.Date{Year: 2025}})
		}
	}
	b := newRig(d, network(d, dataset.Date{}))
	b.Build(p, session.View{Width: 1280, Height: 800, DPR: 1})
	got := b.Detail()
	if want := (scene.DetailCounts{FullEdges: scene.MaxFullEdges, Hairlines: 1, Merged: k*k - scene.MaxFullEdges - 1}); got != want {
		t.Errorf("%+v, want %+v", got, want)
	}
}

// Zooming in leaves the edges off screen undrawn and brings detail to those
// on it.
func TestOffScreenEdgesAreNotDrawn(t *testing.T) {
	d := randomDataset(2000, 10000, 1)
	net := network(d, dataset.Date{})
	b := newRig(d, net)
	p := randomPos(len(d.Entities), 2)
	v := session.View{Width: 1280, Height: 800, DPR: 1, Zoom: 16, PanX: -8 * 1280, PanY: -8 * 800}
	b.Build(p, v)
	got := b.Detail()
	drawn := got.FullEdges + got.Hairlines + got.Merged
	if drawn == 0 || drawn >= len(net.Edges)/2 {
		t.Errorf("%+v at zoom 16: want some edges, and most of the %d off screen", got, len(net.Edges))
	}
	for ei := range net.Edges {
		if b.EdgeDetail(ei) != "none" {
			continue
		}
		// Undrawn: every point of its curve is off screen.
		for _, q := range b.Curve(ei) {
			if q[0] >= 0 && q[0] <= 1280 && q[1] >= 0 && q[1] <= 800 {
				t.Fatalf("edge %d passes through (%v, %v) on screen, but is not drawn", ei, q[0], q[1])
			}
		}
	}
}

// The label grid places labels exactly as testing every pair would, on
// screen and off, zoomed in and out, at any device pixel ratio.
func TestLabelGridAgreesWithTheQuadraticSearch(t *testing.T) {
	for _, tc := range []struct {
		name string
		d    *dataset.Dataset
		v    session.View
	}{
		{"bundled", datasettest.Bundled(t), session.View{Width: 1280, Height: 800, DPR: 1, TopInset: 70, BottomInset: 50}},
		{"bundled DPR 2", datasettest.Bundled(t), session.View{Width: 2560, Height: 1600, DPR: 2, TopInset: 70}},
		{"bundled zoomed", datasettest.Bundled(t), session.View{Width: 900, Height: 700, DPR: 1, Zoom: 3, PanX: -700, PanY: -500}},
		{"500", randomDataset(500, 2000, 3), session.View{Width: 1280, Height: 800, DPR: 1}},
		{"2000 zoomed", randomDataset(2000, 10000, 1), session.View{Width: 1280, Height: 800, DPR: 1.5, Zoom: 2.5, PanX: -900, PanY: -400}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rng := rand.New(rand.NewSource(5))
			widths := make([]float32, len(tc.d.Entities))
			for i := range widths {
				widths[i] = float32(20 + rng.Intn(120))
			}
			b := newRigMeasured(tc.d, network(tc.d, dataset.Date{}), widths, nil)
			b.Build(randomPos(len(tc.d.Entities), 4), tc.v)
			want := b.LabelsByQuadraticSearch(tc.v)
			shown := 0
			for i, l := range b.Labels {
				if l != want[i] {
					t.Errorf("label %d: %+v, want %+v", i, l, want[i])
				}
				if l.Visible {
					shown++
				}
			}
			if shown == 0 {
				t.Error("no label shown")
			}
		})
	}
}

func TestLargeSteadyFrameAllocatesNothing(t *testing.T) {
	d := randomDataset(2000, 10000, 1)
	b := newRig(d, network(d, dataset.Date{}))
	p := randomPos(len(d.Entities), 2)
	v := session.View{Width: 1280, Height: 800, DPR: 1, Motion: true}
	b.Build(p, v)
	if allocs := testing.AllocsPerRun(5, func() {
		v.Tick++
		b.Build(p, v)
	}); allocs != 0 {
		t.Errorf("%v allocations per frame, want 0", allocs)
	}
}
