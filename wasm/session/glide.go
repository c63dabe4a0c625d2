package session

import "math"

// GlideTicks is how long the camera takes to move to a story step: about
// three quarters of a second at the engine's 60 ticks a second.
const GlideTicks = 45

// Glide moves the camera from one view to another over a number of ticks,
// easing in and out. It counts ticks rather than reading a clock, so that a
// slow machine shows the same path, only slower, and a test sees the same
// cameras on every run. The zero Glide is still.
type Glide struct {
	from, to Camera
	screen   Rect
	n, t     int
}

// Start begins a glide from the camera from to the camera to on a screen.
// With ticks of 0 or less (reduced motion) it is a cut: the first Next
// returns to.
func (g *Glide) Start(from, to Camera, screen Rect, ticks int) {
	*g = Glide{from: from, to: to, screen: screen, n: max(ticks, 1)}
}

// Active reports whether the glide has ticks left.
func (g *Glide) Active() bool { return g.t < g.n }

// Stop ends the glide where it is: the reader took the camera.
func (g *Glide) Stop() { g.t = g.n }

// Next advances the glide by one tick and returns the camera for that
// tick; the last tick returns exactly the target.
func (g *Glide) Next() Camera {
	if g.t < g.n {
		g.t++
	}
	if g.t >= g.n {
		return g.to
	}
	return g.at(ease(float64(g.t) / float64(g.n)))
}

// at is the camera a fraction e of the way. Zoom changes geometrically
// (each tick zooms by the same factor) and the picture's point at the
// screen's centre moves in a straight line, so the view neither swings
// sideways nor lurches at the ends of a long zoom.
func (g *Glide) at(e float64) Camera {
	cx, cy := (g.screen.X0+g.screen.X1)/2, (g.screen.Y0+g.screen.Y1)/2
	z0, z1 := g.from.zoom(), g.to.zoom()
	z := z0 * math.Pow(z1/z0, e)
	// The fitted points at the centre before and after.
	fx0, fy0 := (cx-g.from.X)/z0, (cy-g.from.Y)/z0
	fx1, fy1 := (cx-g.to.X)/z1, (cy-g.to.Y)/z1
	fx, fy := fx0+(fx1-fx0)*e, fy0+(fy1-fy0)*e
	return Camera{Zoom: z, X: cx - fx*z, Y: cy - fy*z}
}

// ease is the cubic ease-in-out: slow to leave, slow to arrive.
func ease(s float64) float64 {
	if s < 0.5 {
		return 4 * s * s * s
	}
	u := -2*s + 2
	return 1 - u*u*u/2
}

// To is where the glide ends.
func (g *Glide) To() Camera { return g.to }
