package layout_test

import (
	"math"
	"math/rand"
	"testing"

	"ouroboros/wasm/layout"
)

// ring3 is a triangle 0→1→2→0 with a tail 2→3 and a loose node 4.
func ring3() layout.Graph {
	return layout.Graph{
		N:      5,
		Edges:  [][2]int{{0, 1}, {1, 2}, {2, 0}, {2, 3}},
		Loops:  [][]int{{0, 1, 2}},
		Pinned: make([]bool, 5),
		Pin:    make([][2]float64, 5),
	}
}

func settled(g layout.Graph, seed int64) [][2]float64 {
	l := layout.New(g, seed)
	l.Settle()
	return append([][2]float64(nil), l.Positions()...)
}

func TestDeterministic(t *testing.T) {
	g := random(40, 90, 7)
	a, b := settled(g, 3), settled(g, 3)
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("node %d: got %v and %v from the same input", i, a[i], b[i])
		}
	}
}

func TestInsideUnitSquare(t *testing.T) {
	for _, tc := range []struct {
		name string
		g    layout.Graph
	}{
		{"ring", ring3()},
		{"random 60/150", random(60, 150, 1)},
		{"no edges", layout.Graph{N: 6, Pinned: make([]bool, 6), Pin: make([][2]float64, 6)}},
		{"one node", layout.Graph{N: 1, Pinned: make([]bool, 1), Pin: make([][2]float64, 1)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for i, p := range settled(tc.g, 1) {
				if math.IsNaN(p[0]) || math.IsNaN(p[1]) || p[0] < 0 || p[0] > 1 || p[1] < 0 || p[1] > 1 {
					t.Errorf("node %d at %v, want inside [0,1]²", i, p)
				}
			}
		})
	}
}

func TestPinHonoured(t *testing.T) {
	g := ring3()
	g.Pinned[1] = true
	g.Pin[1] = [2]float64{0.9, 0.1}
	got := settled(g, 1)[1]
	if got != g.Pin[1] {
		t.Errorf("pinned node at %v, want %v", got, g.Pin[1])
	}
}

func TestNoOverlap(t *testing.T) {
	g := random(60, 150, 2)
	pos := settled(g, 1)
	min := math.Inf(1)
	for i := range pos {
		for j := i + 1; j < len(pos); j++ {
			min = math.Min(min, math.Hypot(pos[i][0]-pos[j][0], pos[i][1]-pos[j][1]))
		}
	}
	if min < 0.02 {
		t.Errorf("closest pair %.4f apart, want at least 0.02 of the drawing area", min)
	}
}

// A loop must read as a loop: its members sit at about the same distance
// from their centre, in loop order round it.
func TestLoopsAreRings(t *testing.T) {
	// Two loops sharing node 0, with chords across them and leaves that
	// pull their members every way: forces alone fold such loops up.
	g := layout.Graph{
		N:     11,
		Edges: [][2]int{{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 0}, {0, 6}, {6, 7}, {7, 8}, {8, 0}, {0, 3}, {1, 4}, {2, 5}, {9, 2}, {10, 7}},
		Loops: [][]int{{0, 1, 2, 3, 4, 5}, {0, 6, 7, 8}},
	}
	g.Pinned, g.Pin = make([]bool, g.N), make([][2]float64, g.N)
	pos := settled(g, 1)
	for _, lp := range g.Loops {
		var cx, cy float64
		for _, v := range lp {
			cx += pos[v][0] / float64(len(lp))
			cy += pos[v][1] / float64(len(lp))
		}
		var radii []float64
		var turn float64
		for i, v := range lp {
			w := lp[(i+1)%len(lp)]
			radii = append(radii, math.Hypot(pos[v][0]-cx, pos[v][1]-cy))
			a := math.Atan2(pos[v][1]-cy, pos[v][0]-cx)
			b := math.Atan2(pos[w][1]-cy, pos[w][0]-cx)
			d := math.Remainder(b-a, 2*math.Pi)
			turn += d
		}
		// Walking the loop in order goes once round its centre.
		if math.Abs(math.Abs(turn)-2*math.Pi) > 0.3 {
			t.Errorf("loop %v: members turn %.2f rad round their centre, want ±2π", lp, turn)
		}
		lo, hi := math.Inf(1), 0.0
		for _, r := range radii {
			lo, hi = math.Min(lo, r), math.Max(hi, r)
		}
		if lo < 0.6*hi {
			t.Errorf("loop %v: radii %v from its centre, want within 40%% of each other", lp, radii)
		}
	}
}

func TestStepsAreBounded(t *testing.T) {
	l := layout.New(random(30, 60, 1), 1)
	steps := 0
	for !l.Step() {
		steps++
		if steps > layout.Iterations {
			t.Fatalf("not settled after %d steps", steps)
		}
	}
	if !l.Settled() || l.Progress() != 1 {
		t.Errorf("Settled() = %v, Progress() = %v after the last step", l.Settled(), l.Progress())
	}
}

func random(n, m int, seed int64) layout.Graph {
	rng := rand.New(rand.NewSource(seed))
	g := layout.Graph{N: n, Pinned: make([]bool, n), Pin: make([][2]float64, n)}
	for i := 0; i < m; i++ {
		a, b := rng.Intn(n), rng.Intn(n)
		if a != b {
			g.Edges = append(g.Edges, [2]int{a, b})
		}
	}
	for i := 0; i+2 < n; i += 3 {
		g.Loops = append(g.Loops, []int{i, i + 1, i + 2})
	}
	return g
}

func BenchmarkSettle(b *testing.B) {
	for _, n := range []int{60, 500} {
		g := random(n, 3*n, 1)
		b.Run(itoa(n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				layout.New(g, 1).Settle()
			}
		})
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
