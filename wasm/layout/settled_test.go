package layout_test

import (
	"encoding/json"
	"math"
	"testing"

	"ouroboros/wasm/layout"
)

// loopFirst is a random graph with circular deals, in the shape of a
// laptop's window: the bundled network's kind of layout.
func loopFirst() layout.Graph {
	g := random(60, 150, 3)
	g.Aspect = 1.9
	g.Circular = [][]int{{0, 1, 2}, {3, 4, 5, 6}, {0, 7}}
	g.Group = make([]int, g.N)
	for i := range g.Group {
		g.Group[i] = i % 4
	}
	return g
}

// A layout restored from a settled one, shipped as JSON as the page ships
// it, is settled where that one came to rest, to the last bit, without a
// step.
func TestRestoreStartsWhereTheSettledLayoutCameToRest(t *testing.T) {
	g := loopFirst()
	a := layout.New(g, 1)
	a.Settle()
	doc, err := json.Marshal([]layout.Settled{layout.SettledOf(g, a)})
	if err != nil {
		t.Fatal(err)
	}
	var shipped []layout.Settled
	if err := json.Unmarshal(doc, &shipped); err != nil {
		t.Fatal(err)
	}
	b := layout.New(g, 1)
	if b.Settled() {
		t.Fatal("a fresh layout is settled")
	}
	if !b.Restore(g.Fingerprint(), shipped) {
		t.Fatal("Restore refused the layout's own settled positions")
	}
	if !b.Settled() {
		t.Error("a restored layout is not settled")
	}
	want, got := a.Positions(), b.Positions()
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("node %d restored at %v, settled at %v", i, got[i], want[i])
		}
	}
}

// Restore takes only a layout of the same graph in an area of the same
// shape, whole and in the unit square, and only before the first step.
func TestRestoreRefusesAnotherLayout(t *testing.T) {
	g := loopFirst()
	a := layout.New(g, 1)
	a.Settle()
	good := layout.SettledOf(g, a)
	other := g
	other.Edges = append(append([][2]int(nil), g.Edges...), [2]int{8, 9})
	cases := map[string]func(s *layout.Settled) string{
		"another graph": func(*layout.Settled) string { return other.Fingerprint() },
		"another shape": func(s *layout.Settled) string { s.Aspect = 1.5; return g.Fingerprint() },
		"a node short": func(s *layout.Settled) string {
			s.Positions = s.Positions[:len(s.Positions)-1]
			return g.Fingerprint()
		},
		"a position outside": func(s *layout.Settled) string {
			s.Positions = append([][2]float64(nil), s.Positions...)
			s.Positions[3] = [2]float64{1.2, 0.5}
			return g.Fingerprint()
		},
		"a position that is no number": func(s *layout.Settled) string {
			s.Positions = append([][2]float64(nil), s.Positions...)
			s.Positions[3] = [2]float64{math.NaN(), 0.5}
			return g.Fingerprint()
		},
	}
	for name, spoil := range cases {
		s := good
		fp := spoil(&s)
		b := layout.New(g, 1)
		before := append([][2]float64(nil), b.Positions()...)
		if b.Restore(fp, []layout.Settled{s}) {
			t.Errorf("%s: restored", name)
		}
		if b.Settled() {
			t.Errorf("%s: settled without a step", name)
		}
		for i, p := range b.Positions() {
			if p != before[i] {
				t.Fatalf("%s: node %d moved from %v to %v", name, i, before[i], p)
			}
		}
	}
	b := layout.New(g, 1)
	b.Step()
	if b.Restore(g.Fingerprint(), []layout.Settled{good}) {
		t.Error("a layout that has begun stepping was restored")
	}
}

// The fingerprint names what shapes the layout: it changes with every
// field but the area's shape.
func TestFingerprintNamesWhatShapesTheLayout(t *testing.T) {
	g := loopFirst()
	fp := g.Fingerprint()
	same := g
	same.Aspect = 0.6
	if same.Fingerprint() != fp {
		t.Error("the area's shape changed the fingerprint")
	}
	spoil := map[string]func(g *layout.Graph){
		"a node":      func(g *layout.Graph) { g.N++ },
		"an edge":     func(g *layout.Graph) { g.Edges = append(g.Edges[:len(g.Edges):len(g.Edges)], [2]int{1, 2}) },
		"a loop":      func(g *layout.Graph) { g.Loops = g.Loops[1:] },
		"a pin":       func(g *layout.Graph) { g.Pinned = make([]bool, g.N); g.Pinned[2] = true },
		"a weight":    func(g *layout.Graph) { g.Weight = make([]float64, g.N); g.Weight[0] = 0.5 },
		"a radius":    func(g *layout.Graph) { g.Radius = make([]float64, g.N); g.Radius[0] = 0.01 },
		"a circular":  func(g *layout.Graph) { g.Circular = g.Circular[:2] },
		"a group":     func(g *layout.Graph) { g.Group = make([]int, g.N) },
		"a loop turn": func(g *layout.Graph) { g.Circular = [][]int{{0, 2, 1}, {3, 4, 5, 6}, {0, 7}} },
	}
	for name, f := range spoil {
		h := loopFirst()
		f(&h)
		if h.Fingerprint() == fp {
			t.Errorf("%s changed, the fingerprint did not", name)
		}
	}
}
