package layout_test

import (
	"math"
	"testing"

	"ouroboros/wasm/layout"
)

// flower is three circular deals sharing hub 0 (triangles 0→1→2→0 and
// 0→3→4→0, and the pair 0→5→0), with twelve nodes in no deal, in two
// groups, each hanging off one member of a deal.
func flower() layout.Graph {
	n := 18
	g := layout.Graph{
		N:        n,
		Edges:    [][2]int{{0, 1}, {1, 2}, {2, 0}, {0, 3}, {3, 4}, {4, 0}, {0, 5}, {5, 0}},
		Circular: [][]int{{0, 1, 2}, {0, 3, 4}, {0, 5}},
		Group:    make([]int, n),
		Pinned:   make([]bool, n),
		Pin:      make([][2]float64, n),
		Aspect:   1.6,
	}
	for v := 6; v < n; v++ {
		g.Edges = append(g.Edges, [2]int{v, 1 + v%5})
		g.Group[v] = v % 2
	}
	return g
}

// circle is the centre and mean radius of points, with the largest
// departure of a point's radius from the mean, as a share of the mean.
func circle(pts [][2]float64) (cx, cy, r, off float64) {
	for _, p := range pts {
		cx, cy = cx+p[0], cy+p[1]
	}
	cx, cy = cx/float64(len(pts)), cy/float64(len(pts))
	for _, p := range pts {
		r += math.Hypot(p[0]-cx, p[1]-cy)
	}
	r /= float64(len(pts))
	for _, p := range pts {
		off = math.Max(off, math.Abs(math.Hypot(p[0]-cx, p[1]-cy)-r)/r)
	}
	return cx, cy, r, off
}

// onScreen turns layout positions into screen units for an area of aspect a.
func onScreen(pos [][2]float64, a float64) [][2]float64 {
	out := make([][2]float64, len(pos))
	for i, p := range pos {
		out[i] = [2]float64{p[0] * a, p[1]}
	}
	return out
}

func TestRingsOfCircularDealsAreRound(t *testing.T) {
	for _, aspect := range []float64{0.55, 1, 1.6, 1.9} {
		g := flower()
		g.Aspect = aspect
		pos := onScreen(settled(g, 1), aspect)
		for _, lp := range g.Circular {
			if len(lp) < 3 {
				continue
			}
			pts := make([][2]float64, len(lp))
			for i, v := range lp {
				pts[i] = pos[v]
			}
			cx, cy, r, off := circle(pts)
			// Members lie on one circle within 20% of its radius, and
			// evenly round it: each turn from one member to the next is a
			// third of a circle within 25°, and all turn the same way.
			if off > 0.2 {
				t.Errorf("aspect %.2f: ring %v strays %.0f%% from its circle", aspect, lp, off*100)
			}
			for i := range pts {
				a := math.Atan2(pts[i][1]-cy, pts[i][0]-cx)
				b := math.Atan2(pts[(i+1)%len(pts)][1]-cy, pts[(i+1)%len(pts)][0]-cx)
				turn := math.Mod(a-b+4*math.Pi, 2*math.Pi) // counterclockwise on screen
				if want := 2 * math.Pi / float64(len(pts)); math.Abs(turn-want) > 25*math.Pi/180 {
					t.Errorf("aspect %.2f: ring %v turns %.0f° from %d to %d, want %.0f° the same way round",
						aspect, lp, turn*180/math.Pi, lp[i], lp[(i+1)%len(lp)], want*180/math.Pi)
				}
			}
			_ = r
		}
	}
}

func TestBandLiesOutsideTheRings(t *testing.T) {
	for _, aspect := range []float64{0.55, 1.6} {
		g := flower()
		g.Aspect = aspect
		pos := onScreen(settled(g, 2), aspect)
		core := map[int]bool{}
		for _, lp := range g.Circular {
			for _, v := range lp {
				core[v] = true
			}
		}
		// The ellipse that fits the area: band nodes lie further out on it
		// than any member of a circular deal, and outside every ring.
		rho := func(p [2]float64) float64 {
			return math.Hypot((p[0]-aspect/2)/(aspect/2), (p[1]-0.5)/0.5)
		}
		outerCore := 0.0
		for v := range core {
			outerCore = math.Max(outerCore, rho(pos[v]))
		}
		for v := 0; v < g.N; v++ {
			if core[v] {
				continue
			}
			if rho(pos[v]) <= outerCore {
				t.Errorf("aspect %.2f: band node %d at %.2f of the half-extent, inside the core (%.2f)", aspect, v, rho(pos[v]), outerCore)
			}
			for _, lp := range g.Circular {
				pts := make([][2]float64, len(lp))
				for i, u := range lp {
					pts[i] = pos[u]
				}
				cx, cy, r, _ := circle(pts)
				if math.Hypot(pos[v][0]-cx, pos[v][1]-cy) <= r {
					t.Errorf("aspect %.2f: band node %d inside ring %v", aspect, v, lp)
				}
			}
		}
	}
}

func TestBandGroupsSitTogether(t *testing.T) {
	g := flower()
	pos := onScreen(settled(g, 3), g.Aspect)
	// Going round the centre, the band's group changes exactly once per
	// group: each group is one run.
	type at struct {
		angle float64
		group int
	}
	var band []at
	for v := 6; v < g.N; v++ {
		band = append(band, at{math.Atan2(pos[v][1]-0.5, pos[v][0]-g.Aspect/2), g.Group[v]})
	}
	for i := range band {
		for j := i + 1; j < len(band); j++ {
			if band[j].angle < band[i].angle {
				band[i], band[j] = band[j], band[i]
			}
		}
	}
	changes := 0
	for i := range band {
		if band[i].group != band[(i+1)%len(band)].group {
			changes++
		}
	}
	if changes != 2 {
		t.Errorf("the band's two groups change %d times going round, want 2 (one run each): %v", changes, band)
	}
}

func TestLoopFirstInsideTheArea(t *testing.T) {
	g := flower()
	for i, p := range settled(g, 4) {
		if math.IsNaN(p[0]) || p[0] < 0 || p[0] > 1 || p[1] < 0 || p[1] > 1 {
			t.Errorf("node %d at %v, want inside [0,1]²", i, p)
		}
	}
}

func TestLoopFirstStepDoesNotAllocate(t *testing.T) {
	l := layout.New(flower(), 1)
	l.Step()
	if n := testing.AllocsPerRun(50, func() { l.Step() }); n != 0 {
		t.Errorf("a loop-first step allocates %.0f times, want 0", n)
	}
}
