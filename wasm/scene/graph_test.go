package scene_test

import (
	"math"

	"ouroboros/wasm/dataset/datasettest"
	"ouroboros/wasm/layout"
	"testing"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/scene"
)

func TestLayoutGraph(t *testing.T) {
	d := datasettest.TwoWay()
	d.Entities[0].Pinned, d.Entities[0].Pin = true, [2]float64{0.1, 0.9}
	g := scene.LayoutGraph(d, analysis.New(d).At(dataset.Date{}))
	// The one loop finances (equity) and buys (compute): a circular deal,
	// so the picture is loop-first and the fallback's loops stay empty.
	if g.N != 2 || len(g.Edges) != 2 || len(g.Circular) != 1 || len(g.Loops) != 0 {
		t.Errorf("N %d, %d edges, %d circular deals, %d loops; want 2, 2 (one per ordered pair), 1, 0",
			g.N, len(g.Edges), len(g.Circular), len(g.Loops))
	}
	if !g.Pinned[0] || g.Pin[0] != [2]float64{0.1, 0.9} || g.Pinned[1] {
		t.Errorf("pins %v %v, want entity 0 pinned at (0.1, 0.9)", g.Pinned, g.Pin)
	}
	// Both entities carry the same money (12 in, 12 out), so the same weight.
	if g.Weight[0] != 1 || g.Weight[1] != 1 || g.Radius[0] != g.Radius[1] {
		t.Errorf("weights %v, radii %v", g.Weight, g.Radius)
	}
}

// TestBundledLoopFirst settles the bundled dataset's layout as the
// program does and checks the first view's promise: the top circular
// deals of three members sit evenly round a circle, and every entity in
// no circular deal lies further out than every member of one.
func TestBundledLoopFirst(t *testing.T) {
	d := datasettest.Bundled(t)
	snap := analysis.New(d).At(dataset.Date{})
	for _, aspect := range []float64{0.55, 1.6} {
		g := scene.LayoutGraph(d, snap)
		g.Aspect = aspect
		if len(g.Circular) < 5 {
			t.Fatalf("%d circular deals, want at least 5", len(g.Circular))
		}
		l := layout.New(g, 1)
		l.Settle()
		pos := l.Positions()
		at := func(v int) (float64, float64) { return pos[v][0] * aspect, pos[v][1] }
		core := map[int]bool{}
		for _, lp := range g.Circular {
			for _, v := range lp {
				core[v] = true
			}
		}
		for r, lp := range g.Circular[:5] {
			if len(lp) != 3 {
				continue
			}
			var cx, cy float64
			for _, v := range lp {
				x, y := at(v)
				cx, cy = cx+x/3, cy+y/3
			}
			for i, v := range lp {
				x0, y0 := at(v)
				x1, y1 := at(lp[(i+1)%3])
				turn := math.Mod(math.Atan2(y0-cy, x0-cx)-math.Atan2(y1-cy, x1-cx)+4*math.Pi, 2*math.Pi)
				if math.Abs(turn-2*math.Pi/3) > 35*math.Pi/180 {
					t.Errorf("aspect %.2f: circular deal %d turns %.0f° from %s to %s, want 120° the same way round",
						aspect, r+1, turn*180/math.Pi, d.Entities[v].ID, d.Entities[lp[(i+1)%3]].ID)
				}
			}
		}
		rho := func(v int) float64 {
			x, y := at(v)
			return math.Hypot((x-aspect/2)/(aspect/2), (y-0.5)/0.5)
		}
		outer := 0.0
		for v := range core {
			outer = math.Max(outer, rho(v))
		}
		for v := range d.Entities {
			if !core[v] && rho(v) <= outer {
				t.Errorf("aspect %.2f: %s, in no circular deal, lies at %.2f, inside the rings (out to %.2f)", aspect, d.Entities[v].ID, rho(v), outer)
			}
		}
	}
}
