package session_test

import (
	"math"
	"testing"

	"ouroboros/wasm/session"
)

func TestZoomAtKeepsThePointerPut(t *testing.T) {
	var c session.Camera
	px, py := 300.0, 200.0
	// The fitted point under the pointer before zooming…
	fx, fy := px, py
	c.ZoomAt(2, px, py)
	if x, y := c.Apply(fx, fy); math.Abs(x-px) > 1e-9 || math.Abs(y-py) > 1e-9 {
		t.Errorf("the point under the pointer moved to (%v, %v)", x, y)
	}
	c.ZoomAt(1000, 0, 0)
	if c.Zoom != 12 {
		t.Errorf("zoom %v, want capped at 12", c.Zoom)
	}
	c.ZoomAt(1e-6, 0, 0)
	if c.Zoom != 0.5 {
		t.Errorf("zoom %v, want at least 0.5", c.Zoom)
	}
}

func TestCentreOn(t *testing.T) {
	var c session.Camera
	screen := session.Rect{X1: 800, Y1: 600}
	c.CentreOn(100, 50, 4, screen)
	if x, y := c.Apply(100, 50); x != 400 || y != 300 {
		t.Errorf("(100, 50) drawn at (%v, %v), want the centre", x, y)
	}
}

func TestKeepNeverLosesTheNetwork(t *testing.T) {
	area := session.Rect{X0: 100, Y0: 50, X1: 700, Y1: 550}
	screen := session.Rect{X1: 800, Y1: 600}
	for _, tc := range []struct {
		name string
		c    session.Camera
	}{
		{"panned far right", session.Camera{Zoom: 1, X: 5000}},
		{"panned far up", session.Camera{Zoom: 1, Y: -9000}},
		{"zoomed in and away", session.Camera{Zoom: 8, X: 20000, Y: -20000}},
		{"zoomed out and away", session.Camera{Zoom: 0.5, X: -3000, Y: 3000}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.c
			c.Keep(area, screen)
			x0, y0 := c.Apply(area.X0, area.Y0)
			x1, y1 := c.Apply(area.X1, area.Y1)
			ox := math.Min(x1, screen.X1) - math.Max(x0, screen.X0)
			oy := math.Min(y1, screen.Y1) - math.Max(y0, screen.Y0)
			wantX := math.Min(screen.X1/3, x1-x0) - 1e-9
			wantY := math.Min(screen.Y1/3, y1-y0) - 1e-9
			if ox < wantX || oy < wantY {
				t.Errorf("network overlaps the screen by %.0f×%.0f px, want at least %.0f×%.0f", ox, oy, wantX, wantY)
			}
		})
	}
	c := session.Camera{Zoom: 1}
	c.Keep(area, screen)
	if c != (session.Camera{Zoom: 1}) {
		t.Errorf("Keep moved a fitted camera to %+v", c)
	}
}

func TestMove(t *testing.T) {
	g := session.Geometry{Screen: session.Rect{X1: 800, Y1: 600}, Area: session.Rect{X0: 100, Y0: 0, X1: 700, Y1: 600}}
	c := session.Camera{Zoom: 1}
	if !c.Move(session.Intent{Kind: session.ZoomIn}, g) || c.Zoom != 1.25 {
		t.Errorf("+ gave %+v, want zoom 1.25", c)
	}
	// With a selection, + and - keep it where it is on screen.
	g.IsSelected, g.Selected = true, [2]float64{650, 80}
	bx, by := c.Apply(650, 80)
	c.Move(session.Intent{Kind: session.ZoomIn}, g)
	c.Move(session.Intent{Kind: session.ZoomIn}, g)
	if x, y := c.Apply(650, 80); math.Abs(x-bx) > 1e-6 || math.Abs(y-by) > 1e-6 {
		t.Errorf("the selection moved from (%v, %v) to (%v, %v)", bx, by, x, y)
	}
	c.Move(session.Intent{Kind: session.PanBy, X: 1e6, Y: 0}, g)
	if x, _ := c.Apply(100, 0); x > 800 {
		t.Errorf("panned the network off screen: its left edge at %v", x)
	}
	if !c.Move(session.Intent{Kind: session.FitAll}, g) || c != (session.Camera{Zoom: 1}) {
		t.Errorf("fit gave %+v", c)
	}
	if c.Move(session.Intent{Kind: session.Select}, g) {
		t.Error("select moved the camera")
	}
	c.ZoomTo(650, 80, g)
	if x, y := c.Apply(650, 80); c.Zoom < 2.5 || math.Abs(x-400) > 1 && x < 800-800/3 {
		t.Errorf("zoom to (650, 80): zoom %v, drawn at (%v, %v)", c.Zoom, x, y)
	}
}

func TestFitPoints(t *testing.T) {
	g := session.Geometry{Screen: session.Rect{X1: 800, Y1: 600}, Area: session.Rect{X0: 100, Y0: 0, X1: 700, Y1: 600}}
	var c session.Camera
	c.FitPoints([][2]float64{{200, 100}, {260, 140}}, g)
	if c.Zoom <= 1 {
		t.Errorf("two close points: zoom %v, want closer", c.Zoom)
	}
	for _, p := range [][2]float64{{200, 100}, {260, 140}} {
		if x, y := c.Apply(p[0], p[1]); x < 0 || x > 800 || y < 0 || y > 600 {
			t.Errorf("%v drawn at (%v, %v), off screen", p, x, y)
		}
	}
	c.FitPoints([][2]float64{{100, 0}, {700, 600}}, g)
	if c != (session.Camera{Zoom: 1}) {
		t.Errorf("the whole area: %+v, want the fitted view", c)
	}
	c.FitPoints(nil, g)
	if c != (session.Camera{Zoom: 1}) {
		t.Errorf("no points: %+v", c)
	}
}
