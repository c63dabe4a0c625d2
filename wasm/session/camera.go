package session

import "math"

// Camera is the reader's zoom and pan over the fitted picture: a point at
// (x, y) of the fitted picture is drawn at (x·Zoom + X, y·Zoom + Y), in
// device pixels. The zero Camera is the fitted picture.
type Camera struct {
	Zoom float64 // 1 shows the whole network; 0 counts as 1
	X, Y float64 // offset in device pixels
}

// Zoom limits: closer than maxZoom nothing more can be read; further than
// minZoom the network is only a speck.
const (
	minZoom = 0.5
	maxZoom = 12
	// frameMinZoom is how far out framing may go to fit a step into
	// the strip a phone's caption leaves.
	frameMinZoom = 0.15
)

// Rect is a rectangle in device pixels.
type Rect struct{ X0, Y0, X1, Y1 float64 }

func (c Camera) zoom() float64 {
	if c.Zoom <= 0 {
		return 1
	}
	return c.Zoom
}

// Apply maps a point of the fitted picture to the screen.
func (c Camera) Apply(x, y float64) (float64, float64) {
	z := c.zoom()
	return x*z + c.X, y*z + c.Y
}

// ZoomAt scales by f about the screen point (px, py), which stays put.
func (c *Camera) ZoomAt(f, px, py float64) {
	z := c.zoom()
	nz := math.Max(minZoom, math.Min(maxZoom, z*f))
	f = nz / z
	c.X = px - (px-c.X)*f
	c.Y = py - (py-c.Y)*f
	c.Zoom = nz
}

// PanBy moves the picture by (dx, dy) device pixels.
func (c *Camera) PanBy(dx, dy float64) {
	c.X += dx
	c.Y += dy
}

// CentreOn zooms to z and moves the fitted-picture point (x, y) to the
// centre of the screen.
func (c *Camera) CentreOn(x, y, z float64, screen Rect) {
	c.centre(x, y, math.Max(minZoom, math.Min(maxZoom, z)), screen)
}

// centre is CentreOn at any zoom: framing may go further out than the
// reader can, when the chrome leaves only a strip of the canvas clear.
func (c *Camera) centre(x, y, z float64, screen Rect) {
	c.Zoom = z
	c.X = (screen.X0+screen.X1)/2 - x*c.Zoom
	c.Y = (screen.Y0+screen.Y1)/2 - y*c.Zoom
}

// Keep stops the network from being lost: at least a third of the screen's
// width and height (or the whole network, when it is smaller) stays
// covered by the fitted picture's area.
func (c *Camera) Keep(area, screen Rect) {
	z := c.zoom()
	x0, y0 := c.Apply(area.X0, area.Y0)
	x1, y1 := x0+(area.X1-area.X0)*z, y0+(area.Y1-area.Y0)*z
	c.X += keep(x0, x1, screen.X0, screen.X1)
	c.Y += keep(y0, y1, screen.Y0, screen.Y1)
}

// keep returns the shift that makes [a0, a1] overlap [s0, s1] by at least
// a third of the screen, or all of [a0, a1] when it is shorter.
func keep(a0, a1, s0, s1 float64) float64 {
	need := math.Min((s1-s0)/3, a1-a0)
	if over := a1 - s0; over < need {
		return need - over
	}
	if over := s1 - a0; over < need {
		return over - need
	}
	return 0
}

// Geometry is what moving the camera needs to know of the picture.
type Geometry struct {
	Screen Rect // the canvas, device pixels
	Area   Rect // the fitted picture's area, before the camera
	// Selected is the selection's place in the fitted picture; ok is false
	// when nothing is selected.
	Selected   [2]float64
	IsSelected bool
	// Free is the space round the title and the timeline (see Free) and
	// Covered the page's boxes over it, in device pixels: framing puts
	// what it frames in the part of Free that they leave clear.
	Free    Rect
	Covered []Rect
}

// clear is the part of the free space that no box covers, for a frame of
// the given aspect; with no free space given, the screen.
func (g Geometry) clear(aspect float64) Rect {
	if g.Free == (Rect{}) {
		return Clear(g.Screen, g.Covered, aspect)
	}
	return Clear(g.Free, g.Covered, aspect)
}

// keyZoom is how much + and - zoom.
const keyZoom = 1.25

// Move applies a camera intent and keeps the network on screen; it
// reports whether the intent was one for the camera.
func (c *Camera) Move(in Intent, g Geometry) bool {
	switch in.Kind {
	case ZoomAt:
		c.ZoomAt(in.F, in.X, in.Y)
	case PanBy:
		c.PanBy(in.X, in.Y)
	case FitAll:
		*c = Camera{Zoom: 1}
	case ZoomIn, ZoomOut:
		f := keyZoom
		if in.Kind == ZoomOut {
			f = 1 / keyZoom
		}
		// About the selection, so that it stays where the reader looks;
		// otherwise about the middle of the screen.
		px, py := (g.Screen.X0+g.Screen.X1)/2, (g.Screen.Y0+g.Screen.Y1)/2
		if g.IsSelected {
			px, py = c.Apply(g.Selected[0], g.Selected[1])
		}
		c.ZoomAt(f, px, py)
	default:
		return false
	}
	c.Keep(g.Area, g.Screen)
	return true
}

// ZoomTo brings a point of the fitted picture to the middle of the clear
// space, close enough to read its neighbourhood.
func (c *Camera) ZoomTo(x, y float64, g Geometry) {
	c.CentreOn(x, y, math.Max(2.5, c.zoom()*1.5), g.clear(1))
	c.Keep(g.Area, g.Screen)
}

// revealMargin is how far inside the clear space, as a fraction of its
// size, Reveal brings a point: a disc's centre on the edge of a caption
// would leave half of it under the caption.
const revealMargin = 0.12

// Reveal pans, as little as it can, so that a point of the fitted picture
// lies inside the clear space, and reports whether it moved: a card or a
// caption that opens over the selection moves the picture, not the
// reader's zoom.
func (c *Camera) Reveal(x, y float64, g Geometry) bool {
	f := g.clear(1).inset(revealMargin)
	px, py := c.Apply(x, y)
	dx, dy := into(px, f.X0, f.X1), into(py, f.Y0, f.Y1)
	c.X += dx
	c.Y += dy
	return dx != 0 || dy != 0
}

// into is the shift that brings v inside [lo, hi].
func into(v, lo, hi float64) float64 {
	switch {
	case v < lo:
		return lo - v
	case v > hi:
		return hi - v
	}
	return 0
}

// FitPoints frames points of the fitted picture: it zooms so their box
// fills most of the clear space (never closer than 4×) and centres it
// there. No points means the whole network, which keeps the fitted view
// when nothing covers it and otherwise shrinks into the clear space.
func (c *Camera) FitPoints(points [][2]float64, g Geometry) {
	aw, ah := g.Area.X1-g.Area.X0, g.Area.Y1-g.Area.Y0
	if len(points) == 0 {
		if !hitsAny(g.Area, g.Covered) {
			*c = Camera{Zoom: 1}
			return
		}
		f := g.clear(aw / ah)
		z := math.Max(frameMinZoom, math.Min(1, math.Min((f.X1-f.X0)/aw, (f.Y1-f.Y0)/ah)))
		c.centre((g.Area.X0+g.Area.X1)/2, (g.Area.Y0+g.Area.Y1)/2, z, f)
		return
	}
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range points {
		x0, y0 = math.Min(x0, p[0]), math.Min(y0, p[1])
		x1, y1 = math.Max(x1, p[0]), math.Max(y1, p[1])
	}
	// Room round the box for discs and labels: a fifth of the area.
	w, h := x1-x0+aw/5, y1-y0+ah/5
	f := g.clear(w / h)
	z := math.Min((f.X1-f.X0)*0.8/w, (f.Y1-f.Y0)*0.8/h)
	if z <= 1 && !hitsAny(g.Area, g.Covered) {
		// Focus as wide as the network, with nothing over it: the whole
		// network, as fitted.
		*c = Camera{Zoom: 1}
		return
	}
	z = math.Max(frameMinZoom, math.Min(4, z))
	c.centre((x0+x1)/2, (y0+y1)/2, z, f)
	c.Keep(g.Area, g.Screen)
}

// hides reports whether a point of the screen is out of sight: off the
// canvas or under one of the page's boxes.
func (g Geometry) hides(x, y float64) bool {
	s := g.Screen
	if x < s.X0 || x > s.X1 || y < s.Y0 || y > s.Y1 {
		return true
	}
	for _, b := range g.Covered {
		if x > b.X0 && x < b.X1 && y > b.Y0 && y < b.Y1 {
			return true
		}
	}
	return false
}
