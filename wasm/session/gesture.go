package session

import "math"

// tapCSS is how far, in CSS pixels, a press may move and still be a tap
// rather than a drag.
const tapCSS = 8

// doubleTapMS and doubleTapCSS bound a double tap: the second tap comes
// this soon after the first, this near it.
const (
	doubleTapMS  = 400
	doubleTapCSS = 24
)

// Gestures turns pointer events into intents: a tap, a double tap, a drag
// that pans, a pinch that zooms, and hovering. It remembers the pointers
// that are down and the last tap.
type Gestures struct {
	down    []pointerDown
	lastTap struct {
		x, y, t float64
		ok      bool
	}
}

type pointerDown struct {
	id       int
	x0, y0   float64 // where it went down
	x, y     float64 // where it is
	dragging bool
}

// Pointer takes one event ("down", "move", "up" or "cancel") of pointer id
// at (x, y) in device pixels at time t in milliseconds, and appends the
// intents it makes to out.
func (g *Gestures) Pointer(kind string, id int, x, y, t, dpr float64, out []Intent) []Intent {
	i := g.find(id)
	switch kind {
	case "down":
		if i >= 0 {
			g.forget(i)
		}
		g.down = append(g.down, pointerDown{id: id, x0: x, y0: y, x: x, y: y})
		for j := range g.down {
			// A second finger turns any press into a pinch, never a tap.
			if len(g.down) > 1 {
				g.down[j].dragging = true
			}
		}
	case "move":
		if i < 0 {
			return append(out, Intent{Kind: HoverAt, Entity: -1, Edge: -1, X: x, Y: y})
		}
		p := &g.down[i]
		if len(g.down) >= 2 {
			// Pinch: the first two pointers; zoom by the change of their
			// distance about their midpoint, and pan with the midpoint.
			a, b := g.down[0], g.down[1]
			d0, mx0, my0 := span(a.x, a.y, b.x, b.y)
			p.x, p.y = x, y
			a, b = g.down[0], g.down[1]
			d1, mx1, my1 := span(a.x, a.y, b.x, b.y)
			if d0 > 0 && d1 > 0 {
				out = append(out, Intent{Kind: ZoomAt, F: d1 / d0, X: mx1, Y: my1})
			}
			return append(out, Intent{Kind: PanBy, X: mx1 - mx0, Y: my1 - my0})
		}
		if !p.dragging && far(p.x0, p.y0, x, y, tapCSS*dpr) {
			p.dragging = true
		}
		dx, dy := x-p.x, y-p.y
		p.x, p.y = x, y
		if p.dragging {
			out = append(out, Intent{Kind: PanBy, X: dx, Y: dy})
		}
	case "up", "cancel":
		if i < 0 {
			return out
		}
		p := g.down[i]
		g.forget(i)
		if kind == "cancel" || p.dragging || far(p.x0, p.y0, x, y, tapCSS*dpr) {
			return out
		}
		l := g.lastTap
		if l.ok && t-l.t <= doubleTapMS && !far(l.x, l.y, x, y, doubleTapCSS*dpr) {
			g.lastTap.ok = false
			return append(out, Intent{Kind: DoubleTap, Entity: -1, Edge: -1, X: x, Y: y})
		}
		g.lastTap.x, g.lastTap.y, g.lastTap.t, g.lastTap.ok = x, y, t, true
		return append(out, Intent{Kind: Tap, Entity: -1, Edge: -1, X: x, Y: y})
	}
	return out
}

// Wheel turns a wheel turn of dy device pixels at (x, y) into a zoom about
// the pointer; one notch (100 px) zooms by about 1.2.
func Wheel(dy, x, y float64) Intent {
	return Intent{Kind: ZoomAt, F: math.Exp(-dy / 550), X: x, Y: y}
}

func span(ax, ay, bx, by float64) (d, mx, my float64) {
	return math.Hypot(bx-ax, by-ay), (ax + bx) / 2, (ay + by) / 2
}

func far(x0, y0, x1, y1, r float64) bool {
	return (x1-x0)*(x1-x0)+(y1-y0)*(y1-y0) > r*r
}

func (g *Gestures) find(id int) int {
	for i, d := range g.down {
		if d.id == id {
			return i
		}
	}
	return -1
}

func (g *Gestures) forget(i int) {
	g.down = append(g.down[:i], g.down[i+1:]...)
}
