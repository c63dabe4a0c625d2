//go:build js

package app

import (
	"ouroboros/wasm/view"
)

// Pointer takes one pointer event from the page (web/app.js listens on the
// canvas). Events come from the page rather than from the engine's per-tick
// input state because a quick click or tap can begin and end between two
// ticks, which is common when software WebGL draws a few frames a second.
// kind is "down", "up" or "cancel"; x and y are CSS pixels; touch tells a
// finger from a mouse or pen.
func (g *Game) Pointer(kind string, id int, x, y float64, touch bool) {
	dpr := g.view.DPR
	if tap, ok := g.gestures.Pointer(kind, id, x*dpr, y*dpr, dpr); ok {
		slop := mouseSlop
		if touch {
			slop = fingerSlop
		}
		e := g.builder.EntityAt(float32(tap[0]), float32(tap[1]), float32(slop*dpr))
		g.intents = append(g.intents, view.Intent{Kind: view.Select, Entity: e})
	}
}

// Key takes one key press from the page, by its KeyboardEvent.key name.
func (g *Game) Key(key string) {
	if in, ok := view.KeyIntent(key); ok {
		g.intents = append(g.intents, in)
	}
}

// Finger and pointer sizes in CSS pixels: how far from a small disc a tap
// still reaches it.
const (
	fingerSlop = 14.0
	mouseSlop  = 4.0
)
