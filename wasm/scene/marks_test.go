package scene_test

import (
	"testing"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/scene"
	"ouroboros/wasm/session"
)

// Status reads in the stroke as of the date on screen: a deal's updates
// dated later are not yet known.
func TestStatusReadsAsOfTheDate(t *testing.T) {
	d := tiny()
	for i := range d.Deals {
		d.Deals[i].Status = dataset.Definitive
	}
	d.Deals[0].Status = dataset.LOI
	d.Deals[0].Updates = []dataset.Update{{Date: dataset.Date{Year: 2025, Month: 6}, HasStatus: true, Status: dataset.Definitive}}
	d.Deals[1].Updates = []dataset.Update{{Date: dataset.Date{Year: 2026, Month: 1}, HasStatus: true, Status: dataset.Terminated}}
	for _, tc := range []struct {
		name                   string
		asOf                   dataset.Date
		abTentative, bcStopped bool
	}{
		{"as a letter of intent", dataset.Date{Year: 2025, Month: 3}, true, false},
		{"once signed", dataset.Date{Year: 2025, Month: 9}, false, false},
		{"after b→c was called off", dataset.Date{Year: 2026, Month: 2}, false, true},
		{"as it stands", dataset.Date{}, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := network(d, tc.asOf)
			if got := n.Edges[0].Tentative; got != tc.abTentative {
				t.Errorf("a→b tentative %v, want %v", got, tc.abTentative)
			}
			if got := n.Edges[1].Terminated; got != tc.bcStopped {
				t.Errorf("b→c terminated %v, want %v", got, tc.bcStopped)
			}
		})
	}
}

// Dashes mean tentative and dots undisclosed, never both: the two strokes
// draw different patterns, and a signed, disclosed edge is solid.
func TestTentativeIsDashedAndUndisclosedDotted(t *testing.T) {
	d := tiny()
	d.Deals[0].Status = dataset.Talks // a→b, $100: dashed
	d.Deals[1].Status = dataset.Definitive
	d.Deals[2].Status = dataset.Definitive // c→a undisclosed: dotted
	net := network(d, dataset.Date{})
	quads := func(edge int) int {
		keep := make([]bool, 3)
		keep[edge] = true
		b := newRig(d, net)
		b.look.DealShown = keep
		b.Build(pos, still())
		return len(b.Mesh.Vertices)
	}
	solid, dashed, dotted := quads(1), quads(0), quads(2)
	if dashed <= solid || dotted <= dashed {
		t.Errorf("vertices: solid %d, dashed %d, dotted %d; want more pieces the finer the pattern", solid, dashed, dotted)
	}
}

// Entities in no circular deal sit in the outer band, drawn smaller.
func TestOuterBandIsSmaller(t *testing.T) {
	d := tiny()
	d.Entities = append(d.Entities, dataset.Entity{ID: "d", Name: "Delta Fund", Kind: 0})
	d.Deals = append(d.Deals, dataset.Deal{ID: "ad", From: 0, To: 3, Type: dataset.Equity, Amount: &dataset.Amount{Value: 100}, Date: dataset.Date{Year: 2025}})
	net := network(d, dataset.Date{})
	if want := []bool{false, false, false, true}; len(net.Outer) != 4 || net.Outer[0] || net.Outer[3] != want[3] {
		t.Fatalf("outer %v, want %v", net.Outer, want)
	}
	p := append(append([][2]float64(nil), pos...), [2]float64{0.5, 0.1})
	b := newRig(d, net)
	b.Build(p, view(0))
	small := b.Discs[3].R
	flat := *net
	flat.Outer = nil
	b = newRig(d, &flat)
	b.Build(p, view(0))
	if full := b.Discs[3].R; small > full*0.75 || small < full*0.65 {
		t.Errorf("outer disc radius %v against %v in a ring: want about 0.7 of it", small, full)
	}
	// Without any circular deal, nobody is in the band.
	d.Deals[1].Type = dataset.Equity
	if n := network(d, dataset.Date{}); n.Outer[3] {
		t.Error("with no circular deal, d is still in the outer band")
	}
}

// Every loop of the look's Loops is lit like the picked one: its hops in
// the loop's colour, each with its figure on a pill; with reduced motion
// no token runs round them.
func TestLoopsAreAllLit(t *testing.T) {
	d := tiny()
	b := newRig(d, network(d, dataset.Date{}))
	b.Build(pos, still())
	if n := countColour(b.Mesh, scene.PaletteFor(session.Dark).Loop); n != 0 {
		t.Fatalf("%d loop-coloured vertices with no loop lit", n)
	}
	b.look.Loops = [][]int{{0, 1, 2}}
	b.Build(pos, still())
	if n := countColour(b.Mesh, scene.PaletteFor(session.Dark).Loop); n == 0 {
		t.Error("the look's Loops are not drawn in the loop's colour")
	}
	if n := countColour(b.Mesh, scene.PaletteFor(session.Dark).Money); n != 0 {
		t.Errorf("%d token vertices on a still picture of the look's Loops, want none", n)
	}
	for ei, f := range b.Figures {
		if !f.Visible || !f.Loop {
			t.Errorf("hop %d: figure %+v, want it shown on the loop's pill", ei, f)
		}
	}
	b.Build(pos, view(40))
	if n := countColour(b.Mesh, scene.PaletteFor(session.Dark).Money); n == 0 {
		t.Error("no token runs round the lit loop in motion")
	}
}

// Geometry reports what was drawn: every entity, names and figures that
// overlap nothing and stay on the canvas, and every hop of a lit loop.
func TestGeometryIsWhatWasDrawn(t *testing.T) {
	d := tiny()
	b := newRig(d, network(d, dataset.Date{}))
	b.look.Loop = []int{0, 1, 2}
	v := view(5)
	b.Build(pos, v)
	var g scene.Geometry
	b.Geometry(&g)
	if len(g.Entities) != 3 {
		t.Fatalf("%d entities, want 3", len(g.Entities))
	}
	var boxes []scene.Box
	for i, e := range g.Entities {
		if dd := b.Discs[i]; e.X != dd.X || e.Y != dd.Y || e.R != dd.R || !e.Visible {
			t.Errorf("entity %d: %+v, disc %+v", i, e, dd)
		}
		if e.Labelled {
			boxes = append(boxes, e.Label)
		}
	}
	if len(g.EdgeLabels) != 3 {
		t.Fatalf("%d edge labels, want the loop's three hops", len(g.EdgeLabels))
	}
	for _, l := range g.EdgeLabels {
		if want := b.FigureText(l.Edge); l.Text != want || l.From != b.Network().Edges[l.Edge].From {
			t.Errorf("edge label %+v, want text %q", l, want)
		}
		boxes = append(boxes, l.Box)
	}
	for i, a := range boxes {
		if a.X < 0 || a.Y < 0 || a.X+a.W > float32(v.Width) || a.Y+a.H > float32(v.Height) {
			t.Errorf("box %+v leaves the canvas", a)
		}
		for _, c := range boxes[i+1:] {
			if a.X < c.X+c.W && c.X < a.X+a.W && a.Y < c.Y+c.H && c.Y < a.Y+a.H {
				t.Errorf("boxes %+v and %+v overlap", a, c)
			}
		}
	}
	// Panning moves it all; the entity pushed off the canvas is not visible.
	v.PanX = -float64(b.Discs[0].X) - 10
	b.Build(pos, v)
	b.Geometry(&g)
	if g.Entities[0].Visible || g.Entities[0].X != b.Discs[0].X {
		t.Errorf("after panning a off the canvas: %+v", g.Entities[0])
	}
	if n := testing.AllocsPerRun(20, func() { b.Geometry(&g) }); n != 0 {
		t.Errorf("%v allocations filling a kept Geometry, want 0", n)
	}
}

// Text scales with the canvas: at least 13 CSS pixels on a phone, at
// least 15 on a wide screen, the outer band's names smaller than the
// rings'.
func TestTextSizesFollowTheViewport(t *testing.T) {
	for _, tc := range []struct {
		width float64
		least float32
	}{{320, 13}, {390, 13}, {1280, 13}, {1920, 15}} {
		s := scene.TextSizesFor(tc.width)
		if s.Name < tc.least || s.Outer < tc.least || s.Figure < tc.least {
			t.Errorf("%v px wide: %+v, want every size at least %v", tc.width, s, tc.least)
		}
		if s.Outer >= s.Name {
			t.Errorf("%v px wide: outer band's names %v, rings' %v; want them smaller", tc.width, s.Outer, s.Name)
		}
	}
}

// While a loop is lit, the edges off it (and their particles) fade to
// half, so that the ring stands out; a selection or a story step takes
// over the dimming, and with no loop lit nothing fades.
func TestEdgesBesideALitLoopFade(t *testing.T) {
	d := tiny()
	d.Deals = append(d.Deals, dataset.Deal{ID: "ba", From: 1, To: 0, Type: dataset.Equity, Amount: &dataset.Amount{Value: 9}, Date: dataset.Date{Year: 2025}})
	net := network(d, dataset.Date{})
	edge := func(from, to int) int {
		for ei, e := range net.Edges {
			if e.From == from && e.To == to {
				return ei
			}
		}
		t.Fatalf("no edge %d→%d", from, to)
		return -1
	}
	ab, bc := edge(0, 1), edge(1, 2)
	b := newRig(d, net)
	b.Build(pos, still())
	if b.BesideLoop(bc) != 1 {
		t.Errorf("with no loop lit b→c keeps %v of its colour, want all", b.BesideLoop(bc))
	}
	b.look.Loop = []int{0, 1}
	b.Build(pos, still())
	if b.BesideLoop(bc) != 0.5 || b.BesideLoop(ab) != 1 {
		t.Errorf("with a↔b lit: b→c keeps %v, a→b %v; want 0.5 and 1", b.BesideLoop(bc), b.BesideLoop(ab))
	}
	b.look.Selected = 2
	b.Build(pos, still())
	if b.BesideLoop(bc) != 1 {
		t.Errorf("with c selected b→c keeps %v, want the selection's own dimming only", b.BesideLoop(bc))
	}
}

// A kiosk's 1920×1080 screen, read from a metre away, sets names and
// figures at 24 CSS pixels or more (issue 18): the session's kiosk View
// carries the scale and the frame sets its text by it.
func TestKioskTextIsReadableFromAMetre(t *testing.T) {
	d := tiny()
	b := newRig(d, network(d, dataset.Date{}))
	b.look.Loop = []int{0, 1, 2}
	v := session.View{Width: 1920, Height: 1080, DPR: 1, Motion: true, TextScale: session.KioskTextScale}
	b.Build(pos, v)
	var g scene.Geometry
	b.Geometry(&g)
	labelled := 0
	for i, l := range b.Labels {
		if l.Visible {
			labelled++
			if l.Size < 24 {
				t.Errorf("entity %d's name set at %v px, want at least 24", i, l.Size)
			}
		}
	}
	if labelled == 0 {
		t.Fatal("no names drawn")
	}
	for _, l := range g.EdgeLabels {
		if l.Box.H < 24 {
			t.Errorf("figure %q %v px high, want at least 24", l.Text, l.Box.H)
		}
	}
}
