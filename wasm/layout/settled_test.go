package layout_test

import (
	"math"
	"reflect"
	"strings"
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

// A layout restored from a settled one, shipped as the page ships it
// (FormatSettled, ParseSettled), is settled where that one came to rest,
// to the last bit, without a step.
func TestRestoreStartsWhereTheSettledLayoutCameToRest(t *testing.T) {
	g := loopFirst()
	a := layout.New(g, 1)
	a.Settle()
	shipped, err := layout.ParseSettled(layout.FormatSettled([]layout.Settled{layout.SettledOf(g, a)}))
	if err != nil {
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

// The page's form of the settled layouts reads back to the same bits:
// several layouts, every kind of float, none at all.
func TestSettledReadBackAsWritten(t *testing.T) {
	g := loopFirst()
	a := layout.New(g, 1)
	a.Settle()
	tall := g
	tall.Aspect = 0.6
	b := layout.New(tall, 2)
	b.Settle()
	odd := layout.Settled{Graph: "ff", Aspect: 1e-300, Positions: [][2]float64{
		{0, math.Copysign(0, -1)}, {math.SmallestNonzeroFloat64, math.MaxFloat64}, {1.0 / 3, -2.5e21}}}
	cases := map[string][]layout.Settled{
		"none":          nil,
		"one":           {layout.SettledOf(g, a)},
		"wide and tall": {layout.SettledOf(g, a), layout.SettledOf(tall, b)},
		"odd floats":    {odd},
		"no positions":  {{Graph: "0", Aspect: 2}},
	}
	for name, want := range cases {
		got, err := layout.ParseSettled(layout.FormatSettled(want))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(got) != len(want) {
			t.Errorf("%s: %d layouts read back, %d written", name, len(got), len(want))
			continue
		}
		for i := range want {
			if got[i].Graph != want[i].Graph || math.Float64bits(got[i].Aspect) != math.Float64bits(want[i].Aspect) || len(got[i].Positions) != len(want[i].Positions) {
				t.Errorf("%s: layout %d read back as %v, written %v", name, i, got[i], want[i])
				continue
			}
			for k, p := range want[i].Positions {
				q := got[i].Positions[k]
				if math.Float64bits(q[0]) != math.Float64bits(p[0]) || math.Float64bits(q[1]) != math.Float64bits(p[1]) {
					t.Errorf("%s: layout %d position %d read back as %v, written %v", name, i, k, q, p)
				}
			}
		}
	}
}

// What is not the page's form of settled layouts is refused with the
// layout and the field that is wrong, and no layouts.
func TestParseSettledSaysWhatIsWrong(t *testing.T) {
	cases := map[string]struct{ doc, want string }{
		"JSON":                {`[{"graph":"ab","aspect":1.5,"positions":[[0,1]]}]`, "layout 1: no fingerprint"},
		"a bare fingerprint":  {"ab", "layout 1: no fingerprint"},
		"an empty layout":     {"ab 1.5 0 1;", "layout 2: no fingerprint"},
		"an x without its y":  {"ab 1.5 0 1 0.5", "layout 1: 3 coordinates"},
		"a word for a number": {"ab 1.5 0 1;cd 2 0.5 half", "layout 2: position 1"},
		"no aspect":           {"ab x 0 1", "layout 1: aspect"},
	}
	for name, c := range cases {
		got, err := layout.ParseSettled(c.doc)
		if err == nil || got != nil {
			t.Errorf("%s: %q read as %v, %v; want an error", name, c.doc, got, err)
			continue
		}
		if !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: %q: error %q, want it to begin %q", name, c.doc, err, c.want)
		}
	}
}

// ParseSettled never panics, and what it reads, written again, reads
// back the same.
func FuzzParseSettled(f *testing.F) {
	for _, seed := range []string{"", "ab 1.5 0 1 0.25 0.75", "ab 1.5;cd 0.6 1 1", "ab NaN +Inf -Inf 1e-320", "ab 1.5 0x1p-2 1_0", " ; ", "ab\t1\n2 3"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		got, err := layout.ParseSettled(doc)
		if err != nil {
			return
		}
		again, err := layout.ParseSettled(layout.FormatSettled(got))
		if err != nil {
			t.Fatalf("%q read as %v, which written reads as an error: %v", doc, got, err)
		}
		if !reflect.DeepEqual(again, got) && !hasNaN(got) {
			t.Fatalf("%q read as %v, written and read again %v", doc, got, again)
		}
	})
}

func hasNaN(settled []layout.Settled) bool {
	for _, s := range settled {
		if math.IsNaN(s.Aspect) {
			return true
		}
		for _, p := range s.Positions {
			if math.IsNaN(p[0]) || math.IsNaN(p[1]) {
				return true
			}
		}
	}
	return false
}
