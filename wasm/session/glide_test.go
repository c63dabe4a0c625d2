package session_test

import (
	"math"
	"testing"

	"ouroboros/wasm/session"
)

func TestGlideEasesToTheTarget(t *testing.T) {
	screen := session.Rect{X1: 800, Y1: 600}
	from := session.Camera{Zoom: 1}
	to := session.Camera{Zoom: 4, X: -900, Y: -500}
	var g session.Glide
	if g.Active() {
		t.Fatal("the zero glide is active")
	}
	g.Start(from, to, screen, 10)
	var zooms, steps []float64
	prev := from
	for g.Active() {
		c := g.Next()
		zooms = append(zooms, c.Zoom)
		steps = append(steps, c.Zoom/prev.Zoom)
		prev = c
	}
	if len(zooms) != 10 {
		t.Fatalf("%d ticks, want 10", len(zooms))
	}
	if prev != to {
		t.Errorf("ends at %+v, want exactly %+v", prev, to)
	}
	for i := 1; i < len(zooms); i++ {
		if zooms[i] < zooms[i-1] {
			t.Errorf("zoom goes back at tick %d: %v", i, zooms)
		}
	}
	// Eased: the first and last ticks move less than the middle ones.
	if !(steps[0] < steps[4] && steps[9] < steps[5]) {
		t.Errorf("zoom factors per tick %v are not eased in and out", steps)
	}
}

func TestGlideMovesTheCentreStraight(t *testing.T) {
	screen := session.Rect{X1: 800, Y1: 600}
	from := session.Camera{Zoom: 1}
	var to session.Camera
	to.CentreOn(200, 150, 3, screen) // the fitted point (200, 150) to the centre
	var g session.Glide
	g.Start(from, to, screen, 8)
	for g.Active() {
		c := g.Next()
		// The fitted point at the centre lies on the segment from
		// (400, 300) to (200, 150).
		fx, fy := (400-c.X)/c.Zoom, (300-c.Y)/c.Zoom
		if math.Abs((fx-400)*(150-300)-(fy-300)*(200-400)) > 1e-6 {
			t.Errorf("centre (%v, %v) leaves the straight path", fx, fy)
		}
	}
}

func TestGlideCutsWithReducedMotion(t *testing.T) {
	to := session.Camera{Zoom: 2, X: -10, Y: -20}
	var g session.Glide
	g.Start(session.Camera{Zoom: 1}, to, session.Rect{X1: 800, Y1: 600}, 0)
	if c := g.Next(); c != to || g.Active() {
		t.Errorf("a glide of 0 ticks gives %+v (active %v), want the target at once", c, g.Active())
	}
}

func TestGlideStops(t *testing.T) {
	var g session.Glide
	g.Start(session.Camera{Zoom: 1}, session.Camera{Zoom: 3}, session.Rect{X1: 800, Y1: 600}, 30)
	g.Next()
	g.Stop()
	if g.Active() {
		t.Error("a stopped glide is still active")
	}
}
