//go:build js

package app

import (
	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/scene"
	"ouroboros/wasm/session"
)

// timelineTicks is how long a playing timeline rests on each date.
const timelineTicks = 45

// flashTicks is how long a loop stays lit after it closes on the timeline.
const flashTicks = 150

// translate turns the intents that need the current picture (the dates,
// the drawn edges, the keyboard's focus) into plain ones.
func (g *Game) translate(in session.Intent) session.Intent {
	switch in.Kind {
	case session.StepTime:
		return session.Intent{Kind: session.SetAsOf, AsOf: session.StepDate(g.an.Dates(), g.now.AsOf, in.Entity)}
	case session.Activate:
		if g.now.Focus >= 0 {
			return session.Intent{Kind: session.Select, Entity: g.now.Focus}
		}
	case session.FollowOut, session.FollowIn:
		from := g.now.Selection
		if from < 0 {
			from = g.now.Focus
		}
		if from < 0 {
			break
		}
		var links []session.Link
		for ei, e := range g.net.Edges {
			if g.edgeShown(ei) && !e.Terminated {
				links = append(links, session.Link{From: e.From, To: e.To, Total: e.Total})
			}
		}
		if to := session.Follow(links, from, in.Kind == session.FollowOut); to >= 0 {
			g.setFocus(to)
			return session.Intent{Kind: session.Select, Entity: to}
		}
	case session.Drift:
		g.setDrift(in.Entity == 1)
	case session.PlayTimeline, session.ToggleTimeline:
		if !g.now.Playing || in.Kind == session.PlayTimeline {
			// Playing from the end starts again from the first date.
			if g.now.AsOf.IsZero() && len(g.an.Dates()) > 0 {
				g.apply(session.Intent{Kind: session.SetAsOf, AsOf: g.an.Dates()[0]})
			}
			g.nextStep = g.view.Tick + timelineTicks
		}
	}
	return in
}

func (g *Game) edgeShown(ei int) bool {
	if g.dealShown == nil {
		return true
	}
	for _, d := range g.net.Edges[ei].Deals {
		if g.dealShown[d] {
			return true
		}
	}
	return false
}

// setFocus moves the keyboard's ring.
func (g *Game) setFocus(i int) {
	g.now.Focus = i
	g.builder.Focus(i)
}

// focusKey moves the keyboard focus for Tab (by +1) or Shift+Tab (-1) and
// reports whether it stayed on an entity; when it leaves the ends, Tab
// moves on to the page's other controls. It acts at once rather than in
// Update because the page must know, while handling the key, whether to
// keep Tab for the canvas.
func (g *Game) focusKey(by int) bool {
	order := session.TabOrder(g.ds, g.net.Money, g.shown)
	g.setFocus(session.NextFocus(order, g.now.Focus, by))
	return g.now.Focus >= 0
}

// playTimeline moves a playing timeline on to the next date every
// timelineTicks, and stops it after the last.
func (g *Game) playTimeline() {
	if !g.now.Playing || g.now.Paused || g.view.Tick < g.nextStep {
		return
	}
	g.nextStep = g.view.Tick + timelineTicks
	next := session.StepDate(g.an.Dates(), g.now.AsOf, 1)
	g.apply(session.Intent{Kind: session.SetAsOf, AsOf: next})
	if next.IsZero() {
		g.apply(session.Intent{Kind: session.PauseTimeline})
	}
}

// flashClosed lights the loop that the new date closed, if any, so that the
// reader sees the circle close.
func (g *Game) flashClosed(before *analysis.Snapshot) {
	if before == nil || !g.now.Playing && g.snap.AsOf.Compare(before.AsOf) <= 0 {
		return // only a date moving forward closes loops
	}
	old := session.LoopKeys(g.ds, before)
	for _, lp := range g.snap.Loops {
		if !old[session.LoopKey(g.ds, lp.Entities)] {
			g.flash = lp.Entities
			g.flashUntil = g.view.Tick + flashTicks
			g.showLoop()
			return
		}
	}
}

// endFlash puts out a flashing loop whose time is up.
func (g *Game) endFlash() {
	if g.flash != nil && g.view.Tick >= g.flashUntil {
		g.flash = nil
		g.showLoop()
	}
}

// showLoop highlights the picked loop, or else the flashing one.
func (g *Game) showLoop() {
	g.rebuild = true
	if g.now.Loop != "" {
		for _, lp := range g.snap.Loops {
			if session.LoopKey(g.ds, lp.Entities) == g.now.Loop {
				g.builder.Loop(lp.Entities, g.view.Tick)
				return
			}
		}
		g.builder.Loop(nil, 0)
		return
	}
	g.builder.Loop(g.flash, g.view.Tick)
}

// showStep lights the open story step's focus and frames it; with no step
// open, the spotlight goes out and the whole network comes back.
func (g *Game) showStep() {
	g.rebuild = true
	if g.now.Story < 0 {
		g.builder.Spotlight(nil, nil, false)
		g.startFade()
		g.glideTo(session.Camera{Zoom: 1})
		return
	}
	st := g.ds.Stories[g.now.Story].Steps[g.now.Step]
	g.builder.Spotlight(st.FocusEntities, st.FocusDeals, true)
	g.startFade()
	g.frameStep = true
}

// startFade eases the spotlight from the step before's to the new one's
// and walks the timeline from the date on screen to the step's, over the
// camera's glide; with reduced motion, or a link that opens at a step, it
// cuts, as the camera does.
func (g *Game) startFade() {
	ticks := session.GlideTicks
	if g.opts.Reduced || !g.drawn {
		ticks = 0
	}
	g.walkFrom = g.shownAsOf
	g.fade.Start(ticks)
	g.builder.FadeSpot(float32(g.fade.Mix()))
	if ticks == 0 {
		g.fade.Stop()
		g.builder.FadeSpot(1)
	}
}

// stepFade moves a step's fade on by a tick: the spotlight's mix, and the
// date on screen along the dataset's dates to the step's.
func (g *Game) stepFade() {
	if !g.fade.Active() {
		return
	}
	s := g.fade.Next()
	g.builder.FadeSpot(float32(g.fade.Mix()))
	g.rebuild = true
	if d := session.DateOnPath(g.an.Dates(), g.walkFrom, g.now.AsOf, s); d != g.shownAsOf {
		g.showDate(d)
		if g.emit != nil {
			g.emit("ui", map[string]any{}) // the scrubber follows
		}
	}
}

// endFade ends a step's fade at its target: the spotlight and the date
// are the step's.
func (g *Game) endFade() {
	if !g.fade.Active() {
		return
	}
	g.fade.Stop()
	g.builder.FadeSpot(1)
	g.rebuild = true
	if g.shownAsOf != g.now.AsOf {
		g.showDate(g.now.AsOf)
		if g.emit != nil {
			g.emit("ui", map[string]any{})
		}
	}
}

// showDate puts the network of a date on screen.
func (g *Game) showDate(d dataset.Date) {
	before := g.snap
	g.shownAsOf = d
	g.snap = g.an.At(d)
	g.net = scene.NewNetwork(g.ds, g.snap)
	g.builder.SetNetwork(g.net)
	g.hoverEdge = -1 // edge indexes belong to the old network
	g.flashClosed(before)
	g.showLoop()
}

// frame points the camera at the open step's focus once the picture has
// placed it.
func (g *Game) frame() {
	if !g.frameStep || g.layout == nil || !g.layout.Settled() {
		return
	}
	g.frameStep = false
	st := g.ds.Stories[g.now.Story].Steps[g.now.Step]
	var pts [][2]float64
	for _, e := range st.FocusEntities {
		pts = append(pts, g.builder.Fitted[e])
	}
	for _, d := range st.FocusDeals {
		x := g.ds.Deals[d]
		pts = append(pts, g.builder.Fitted[x.From], g.builder.Fitted[x.To])
	}
	to := g.camera
	to.FitPoints(pts, g.geometry())
	g.glideTo(to)
}

// glideTo eases the camera to another view; with reduced motion it cuts,
// so that the picture after a step is still at once, and so does a link
// that opens at a step: the first picture is already the step's.
func (g *Game) glideTo(to session.Camera) {
	ticks := session.GlideTicks
	if g.opts.Reduced || !g.drawn {
		ticks = 0
	}
	g.glide.Start(g.camera, to, session.Rect{X1: g.view.Width, Y1: g.view.Height}, ticks)
}

// setAutoplay turns the story's autoplay on (resting ticks on each step; 0
// for the default) or off, and tells the page.
func (g *Game) setAutoplay(on bool, ticks int) {
	if on == g.auto.On {
		return
	}
	if !on {
		g.auto.Stop()
	} else {
		if in, ok := g.auto.Start(g.ds, g.now, ticks); ok {
			g.apply(in)
		}
		if !g.auto.On {
			return // a dataset without stories has nothing to play
		}
	}
	if g.emit != nil {
		g.emit("autoplay", map[string]any{"on": g.auto.On})
	}
}

// playStory moves a story with autoplay on to its next step when the
// step's time is up, and turns autoplay off after the last.
func (g *Game) playStory() {
	in, move, stop := g.auto.Tick(g.ds, g.now)
	switch {
	case move:
		g.apply(in)
	case stop && g.emit != nil:
		g.emit("autoplay", map[string]any{"on": false})
	}
}

// setDrift turns the attract loop's camera wander on or off. Off, the
// camera keeps the drifted view, so that the picture does not jump under
// the visitor's first touch. Reduced motion keeps the camera still.
func (g *Game) setDrift(on bool) {
	on = on && !g.opts.Reduced
	if on == g.drifting {
		return
	}
	if !on {
		g.camera = session.Camera{Zoom: g.view.Zoom, X: g.view.PanX, Y: g.view.PanY}
	}
	g.drifting, g.driftT = on, 0
}

// drift moves the view by the attract loop's wander, on top of the camera.
func (g *Game) drift() {
	if !g.drifting {
		return
	}
	g.driftT++
	f, dx, dy := session.DriftAt(g.driftT, g.view.Width, g.view.Height)
	g.view.Zoom, g.view.PanX, g.view.PanY = session.Drifted(g.view.Zoom, g.view.PanX, g.view.PanY, f, dx, dy, g.view.Width, g.view.Height)
}
