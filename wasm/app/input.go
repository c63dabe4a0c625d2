//go:build js

package app

import (
	"ouroboros/wasm/scene"
	"ouroboros/wasm/session"
)

// Pointer takes one pointer event from the page (web/app.js listens on the
// canvas). Events come from the page rather than from the engine's per-tick
// input state because a quick click or tap can begin and end between two
// ticks, which is common when software WebGL draws a few frames a second.
// kind is "down", "move", "up" or "cancel"; x and y are CSS pixels; t is the
// event's time in milliseconds; touch tells a finger from a mouse or pen.
func (g *Game) Pointer(kind string, id int, x, y, t float64, touch bool) {
	wake()
	g.touch = touch
	dpr := g.view.DPR
	g.intents = g.gestures.Pointer(kind, id, x*dpr, y*dpr, t, dpr, g.intents)
}

// Wheel takes a wheel turn of dy CSS pixels at (x, y) in CSS pixels.
func (g *Game) Wheel(dy, x, y float64) {
	wake()
	dpr := g.view.DPR
	g.intents = append(g.intents, session.Wheel(dy*dpr, x*dpr, y*dpr))
}

// Key takes one key press from the page, by its KeyboardEvent.key name
// ("Shift+Tab" for a shifted Tab), and reports whether it was used, so that
// the page can keep the browser from acting on it too.
func (g *Game) Key(key string) bool {
	wake()
	switch key {
	case "Tab", "Shift+Tab":
		// Walking the entities is the reader at work: a playing story stops.
		g.setAutoplay(false, 0)
	}
	switch key {
	case "Tab":
		return g.focusKey(1)
	case "Shift+Tab":
		return g.focusKey(-1)
	}
	in, ok := session.KeyIntent(key)
	if ok {
		g.intents = append(g.intents, in)
	}
	return ok
}

// Finger and pointer sizes in CSS pixels: how far from a small disc or a
// thin edge a tap or a hover still reaches it.
const (
	fingerSlop = 14.0
	mouseSlop  = 4.0
)

func (g *Game) slop() float32 {
	if g.touch {
		return float32(fingerSlop * g.view.DPR)
	}
	return float32(mouseSlop * g.view.DPR)
}

// resolve turns a pointer intent into what it means here: a tap selects
// what is under it, a double tap zooms to it, hovering points at it.
func (g *Game) resolve(in session.Intent) (session.Intent, bool) {
	x, y := float32(in.X), float32(in.Y)
	switch in.Kind {
	case session.Tap:
		return session.Intent{Kind: session.Select, Entity: g.builder.EntityAt(x, y, g.slop())}, true
	case session.DoubleTap:
		e := g.builder.EntityAt(x, y, g.slop())
		if e < 0 {
			return session.Intent{Kind: session.ZoomAt, F: 2, X: in.X, Y: in.Y}, true
		}
		f := g.builder.Fitted[e]
		g.glide.Stop()
		g.camera.ZoomTo(f[0], f[1], g.geometry())
		return session.Intent{Kind: session.Select, Entity: e}, true
	case session.HoverAt:
		e := g.builder.EntityAt(x, y, g.slop())
		edge := -1
		if e < 0 {
			edge = g.builder.EdgeAt(x, y, g.slop())
		}
		if e != g.hoverEntity || edge != g.hoverEdge {
			g.hoverEntity, g.hoverEdge = e, edge
			if g.emit != nil {
				g.emit("hover", map[string]any{"x": in.X / g.view.DPR, "y": in.Y / g.view.DPR})
			}
		}
		return in, false
	}
	return in, true
}

// geometry is what the camera needs to know of the current picture.
func (g *Game) geometry() session.Geometry {
	ax, ay, aw, ah := scene.Area(g.view)
	geo := session.Geometry{
		Screen: session.Rect{X1: g.view.Width, Y1: g.view.Height},
		Area:   session.Rect{X0: ax, Y0: ay, X1: ax + aw, Y1: ay + ah},
	}
	if s := g.now.Selection; s >= 0 {
		geo.Selected, geo.IsSelected = g.builder.Fitted[s], true
	}
	return geo
}
