//go:build js

package app

import "ouroboros/wasm/session"

// Pointer takes one pointer event from the page (web/app.js listens on the
// canvas). Events come from the page rather than from the engine's per-tick
// input state because a quick click or tap can begin and end between two
// ticks, which is common when software WebGL draws a few frames a second.
// kind is "down", "move", "up" or "cancel"; x and y are CSS pixels; t is the
// event's time in milliseconds; touch tells a finger from a mouse or pen.
func (g *Game) Pointer(kind string, id int, x, y, t float64, touch bool) {
	wake()
	g.touch = touch
	dpr := g.screen.DPR
	g.pointed = g.gestures.Pointer(kind, id, x*dpr, y*dpr, t, dpr, g.pointed[:0])
	for _, in := range g.pointed {
		g.sess.Do(g.hit(in))
	}
}

// Wheel takes a wheel turn of dy CSS pixels at (x, y) in CSS pixels.
func (g *Game) Wheel(dy, x, y float64) {
	wake()
	dpr := g.screen.DPR
	g.sess.Do(session.Wheel(dy*dpr, x*dpr, y*dpr))
}

// Cover takes the boxes the page's chrome covers on the canvas, in CSS
// pixels: stay, those that stay while the reader looks, under which the
// picture sets no names or figures; passing, a card or the panel, which
// only the camera's framing keeps clear.
func (g *Game) Cover(stay, passing [][4]float64) {
	g.sess.SetCovered(stay, passing)
	wake()
}

// Key takes one key press from the page, by its KeyboardEvent.key name,
// with whether the canvas has the page's focus (there the arrows walk the
// entities and loops, session.CanvasKeyIntent), and reports whether it was
// used, so that the page can keep the browser from acting on it too. Tab
// is never used: it is the browser's, and leaves the canvas.
func (g *Game) Key(key string, canvas bool) bool {
	wake()
	in, ok := session.KeyIntent(key)
	if canvas {
		in, ok = session.CanvasKeyIntent(key)
	}
	if ok {
		g.sess.Do(in)
	}
	return ok
}

// Send queues a command of the page API for the next tick, or says what
// is wrong with it.
func (g *Game) Send(command []byte) error {
	wake()
	in, err := session.ParseCommand(g.ds, command)
	if err != nil {
		return err
	}
	g.sess.Do(in)
	return nil
}

// Finger and pointer sizes in CSS pixels: how far from a small disc or a
// thin edge a tap or a hover still reaches it.
const (
	fingerSlop = 14.0
	mouseSlop  = 4.0
)

// hit resolves what is under a pointer intent on the last frame built:
// the session never hit-tests pixels.
func (g *Game) hit(in session.Intent) session.Intent {
	if !in.Kind.Pointer() {
		return in
	}
	slop := float32(mouseSlop * g.screen.DPR)
	if g.touch {
		slop = float32(fingerSlop * g.screen.DPR)
	}
	x, y := float32(in.X), float32(in.Y)
	e, edge := g.frame.EntityAt(x, y, slop), -1
	if e < 0 && in.Kind == session.HoverAt && g.frame.Network() == g.net {
		// The frame's edges are those of the network on screen.
		edge = g.frame.EdgeAt(x, y, slop)
	}
	return in.Resolved(e, edge)
}

// StateJSON returns the page state as JSON for window.ouroboros.state().
func (g *Game) StateJSON() string {
	return g.state.JSON(g.sess, g.frame, g.problems)
}

// TwinFactsJSON returns the dataset's facts for the text twin as JSON.
func (g *Game) TwinFactsJSON() string { return g.twin.FactsJSON(g.sess) }

// TwinJSON returns the text twin's figures for the current view as JSON.
func (g *Game) TwinJSON() string { return g.twin.JSON(g.sess) }
