package scene_test

import (
	"testing"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/scene"
	"ouroboros/wasm/session"
)

func still() session.View {
	v := view(0)
	v.Motion = false
	return v
}

// countColour counts the vertices of colour c (alpha aside).
func countColour(m scene.Mesh, c scene.Color) int {
	n := 0
	for _, v := range m.Vertices {
		if v.R == c.R && v.G == c.G && v.B == c.B {
			n++
		}
	}
	return n
}

// Every mode writes the edges' figures (issue 16: amounts on the canvas
// in every mode, not only with reduced motion).
func TestEdgesCarryTheirFigures(t *testing.T) {
	d := tiny()
	d.Currency = "USD"
	b := newRig(d, network(d, dataset.Date{}))
	b.Build(pos, view(7))
	var texts []string
	for ei := range 3 {
		texts = append(texts, b.FigureText(ei))
	}
	// a→b $100; b→c $25 buying 1,000 MW; c→a undisclosed.
	if texts[0] != "$100" || texts[1] != "$25 · 1 GW" || texts[2] != "undisclosed" {
		t.Fatalf("figures %q", texts)
	}
	// An undisclosed edge says so only on a lit loop's hop (or next to the
	// selection): elsewhere the largest amounts have the room.
	for _, v := range []session.View{view(7), still()} {
		b.Build(pos, v)
		for ei, f := range b.Figures {
			if want := ei != 2; f.Visible != want {
				t.Errorf("motion %v: figure %d (%q) visible %v, want %v", v.Motion, ei, texts[ei], f.Visible, want)
			}
		}
	}
	b.look.Loop = []int{0, 1, 2}
	b.Build(pos, view(7))
	if !b.Figures[2].Visible {
		t.Error("the undisclosed hop of a lit loop has no figure")
	}
	b.look.Loop = nil
	// A figure sits on its edge, between the two discs.
	f, from, to := b.Figures[0], b.Discs[0], b.Discs[1]
	if f.X < min(from.X, to.X) || f.X > max(from.X, to.X) {
		t.Errorf("figure of a→b at x %v, not between %v and %v", f.X, from.X, to.X)
	}
	// Selecting c fades a→b, whose figure goes.
	b.look.Selected = 2
	b.Build(pos, still())
	if b.Figures[0].Visible || !b.Figures[1].Visible {
		t.Errorf("with c selected: a→b figure %v, b→c figure %v; want only the selection's", b.Figures[0].Visible, b.Figures[1].Visible)
	}
}

// A figure says a ceiling or an estimate as the deal's amount does.
func TestFigureWordsACeiling(t *testing.T) {
	d := tiny()
	d.Deals[0].Amount = &dataset.Amount{Value: 100e9, UpTo: true}
	b := newRig(d, network(d, dataset.Date{}))
	b.Build(pos, view(0))
	if got, want := b.FigureText(0), "up to $100B"; got != want {
		t.Errorf("figure %q, want %q", got, want)
	}
}

func TestStillPictureMarksCapacityByShape(t *testing.T) {
	d := tiny()
	b := newRig(d, network(d, dataset.Date{}))
	b.Build(pos, still())
	// One kite of four corners, on b→c, the only edge that buys capacity.
	if got := countColour(b.Mesh, scene.PaletteFor(session.Dark).Capacity); got != 4 {
		t.Errorf("%d capacity-coloured vertices on a still picture, want one kite (4)", got)
	}
	if got := countColour(b.Mesh, scene.PaletteFor(session.Dark).Money); got != 0 {
		t.Errorf("%d money particle vertices on a still picture, want none", got)
	}
	// The kite is nearer the payer (b) than the payee (c): capacity goes back.
	var x, y float32
	for _, v := range b.Mesh.Vertices {
		if v.R == scene.PaletteFor(session.Dark).Capacity.R && v.G == scene.PaletteFor(session.Dark).Capacity.G && v.B == scene.PaletteFor(session.Dark).Capacity.B {
			x, y = x+v.DstX/4, y+v.DstY/4
		}
	}
	db, dc := b.Discs[1], b.Discs[2]
	if sq(x-db.X)+sq(y-db.Y) >= sq(x-dc.X)+sq(y-dc.Y) {
		t.Errorf("kite at (%v, %v) is not nearer the payer b %v than c %v", x, y, db, dc)
	}
	// Without capacity there is no kite.
	d.Deals[1].CapacityMW = 0
	b = newRig(d, network(d, dataset.Date{}))
	b.Build(pos, still())
	if got := countColour(b.Mesh, scene.PaletteFor(session.Dark).Capacity); got != 0 {
		t.Errorf("%d capacity-coloured vertices with no capacity bought", got)
	}
}

func sq(x float32) float32 { return x * x }

func TestFiguresCoverNoNameAndNoOtherFigure(t *testing.T) {
	d := tiny()
	d.Deals[2].Amount = &dataset.Amount{Value: 5} // every edge has a figure
	b := newRigMeasured(d, network(d, dataset.Date{}), nil, func(s string) float32 { return 300 })
	b.Build(pos, still())
	type box struct{ x0, y0, x1, y1 float32 }
	var boxes []box
	for i, l := range b.Labels {
		if l.Visible {
			w := float32(len([]rune(d.Entities[i].Name))) * scene.LabelSize * 0.55
			boxes = append(boxes, box{l.X - w/2, l.Y, l.X + w/2, l.Y + 15})
		}
	}
	shown := 0
	for _, f := range b.Figures {
		if f.Visible {
			shown++
			boxes = append(boxes, box{f.X - 150, f.Y, f.X + 150, f.Y + 14})
		}
	}
	for i := range boxes {
		for j := i + 1; j < len(boxes); j++ {
			a, c := boxes[i], boxes[j]
			if a.x0 < c.x1 && c.x0 < a.x1 && a.y0 < c.y1 && c.y0 < a.y1 {
				t.Errorf("%v and %v overlap", a, c)
			}
		}
	}
	// 300 px figures on a 576 px triangle: not all three fit.
	if shown == 0 || shown == 3 {
		t.Errorf("%d of 3 figures 300 px wide shown, want some left out for lack of room", shown)
	}
}

func TestSteadyStillFrameAllocatesNothing(t *testing.T) {
	d := tiny()
	b := newRig(d, network(d, dataset.Date{}))
	b.Build(pos, still())
	allocs := testing.AllocsPerRun(100, func() { b.Build(pos, still()) })
	if allocs != 0 {
		t.Errorf("%v allocations per still frame, want 0", allocs)
	}
}
