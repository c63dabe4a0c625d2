package session_test

import (
	"testing"

	"ouroboros/wasm/session"
)

func TestClear(t *testing.T) {
	space := session.Rect{X1: 1000, Y1: 600}
	caption := session.Rect{X0: 0, Y0: 200, X1: 400, Y1: 600} // bottom left
	tests := []struct {
		name   string
		boxes  []session.Rect
		aspect float64
		want   session.Rect
	}{
		{"nothing over it", nil, 1, space},
		{"a wide frame beside a caption", []session.Rect{caption}, 1.6, session.Rect{X0: 400, X1: 1000, Y1: 600}},
		{"a flat frame above it", []session.Rect{caption}, 10, session.Rect{X1: 1000, Y1: 200}},
		{"a box over everything", []session.Rect{{X0: -1, Y0: -1, X1: 1001, Y1: 601}}, 1, space},
	}
	for _, tt := range tests {
		if got := session.Clear(space, tt.boxes, tt.aspect); got != tt.want {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

// A step's focus goes where the caption leaves room, and a selection
// under a card is panned out from under it at the reader's zoom.
func TestFramingKeepsClearOfBoxes(t *testing.T) {
	caption := session.Rect{X0: 0, Y0: 0, X1: 400, Y1: 600}
	g := session.Geometry{Screen: session.Rect{X1: 1000, Y1: 600}, Area: session.Rect{X0: 200, X1: 800, Y1: 600},
		Free: session.Rect{X1: 1000, Y1: 600}, Covered: []session.Rect{caption}}
	inside := func(x, y float64, r session.Rect) bool { return x > r.X0 && x < r.X1 && y > r.Y0 && y < r.Y1 }
	var c session.Camera
	pts := [][2]float64{{250, 100}, {350, 500}, {300, 300}}
	c.FitPoints(pts, g)
	for _, p := range pts {
		if x, y := c.Apply(p[0], p[1]); inside(x, y, caption) || x > 1000 || y < 0 || y > 600 {
			t.Errorf("step point %v drawn at (%v, %v): under the caption or off screen", p, x, y)
		}
	}
	c.FitPoints(nil, g)
	x0, y0 := c.Apply(200, 0)
	if x0 < 400 || y0 < 0 || c.Zoom > 1 {
		t.Errorf("whole network beside a caption: %+v puts its corner at (%v, %v)", c, x0, y0)
	}
	c = session.Camera{Zoom: 2}
	if !c.Reveal(150, 300, g) {
		t.Fatal("a point under the caption: Reveal did not move")
	}
	if x, y := c.Apply(150, 300); inside(x, y, caption) || c.Zoom != 2 {
		t.Errorf("revealed point at (%v, %v), zoom %v", x, y, c.Zoom)
	}
	if c.Reveal(150, 300, g) {
		t.Error("Reveal moved a point already clear")
	}
}
