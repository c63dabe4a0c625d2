package session

import (
	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
)

// timelineTicks is how long a playing timeline rests on each date.
const timelineTicks = 45

// flashTicks is how long a loop stays lit after it closes on the timeline.
const flashTicks = 150

// playTimeline moves a playing timeline on to the next date every
// timelineTicks, and stops it after the last.
func (s *Session) playTimeline() {
	if !s.now.Playing || s.now.Paused || s.view.Tick < s.nextDate {
		return
	}
	s.nextDate = s.view.Tick + timelineTicks
	next := StepDate(s.an.Dates(), s.now.AsOf, 1)
	s.apply(Intent{Kind: SetAsOf, AsOf: next})
	if next.IsZero() {
		s.apply(Intent{Kind: PauseTimeline})
	}
}

// showDate puts the network of a date on screen.
func (s *Session) showDate(d dataset.Date) {
	before := s.snap
	s.shownAsOf = d
	s.snap = s.an.At(d)
	s.hoverEdge = -1 // edge indexes belong to the old network
	s.version++
	s.flashClosed(before)
	s.showLoop()
}

// flashClosed lights the loop that the new date closed, if any, so that the
// reader sees the circle close. While a story step shows, its walk through
// the dates closes loops too, but only the step's subjects light up then.
func (s *Session) flashClosed(before *analysis.Snapshot) {
	if before == nil || s.now.Story >= 0 || !s.now.Playing && s.snap.AsOf.Compare(before.AsOf) <= 0 {
		return // only a date moving forward closes loops
	}
	old := LoopKeys(s.ds, before)
	for _, lp := range s.snap.Loops {
		if !old[LoopKey(s.ds, lp.Entities)] {
			s.flash = lp.Entities
			s.flashUntil = s.view.Tick + flashTicks
			s.showLoop()
			return
		}
	}
}

// endFlash puts out a flashing loop whose time is up.
func (s *Session) endFlash() {
	if s.flash != nil && s.view.Tick >= s.flashUntil {
		s.flash = nil
		s.showLoop()
	}
}

// showLoop highlights the picked loop, or else the flashing one, or else
// the reading order's.
func (s *Session) showLoop() {
	s.version++
	s.loop, s.loopTick = s.flash, s.view.Tick
	s.loops = s.loops[:0]
	if s.now.Loop == "" {
		if s.loop == nil && s.tour.on {
			s.tourLoops()
		}
		return
	}
	s.loop = nil
	for _, lp := range s.snap.Loops {
		if LoopKey(s.ds, lp.Entities) == s.now.Loop {
			s.loop = lp.Entities
			return
		}
	}
}

// showStep lights the open story step's focus and frames it; with no step
// open, the spotlight goes out and the whole network comes back.
func (s *Session) showStep() {
	s.version++
	s.fromSpot = s.spot
	if s.now.Story < 0 {
		s.spot = Spot{}
		s.frameStep = false
		s.follows = followNone
		s.startFade()
		s.glideTo(Camera{Zoom: 1})
		return
	}
	if s.flash != nil { // an ambient highlight would compete with the step's
		s.flash = nil
		s.showLoop()
	}
	st := s.ds.Stories[s.now.Story].Steps[s.now.Step]
	s.spot = Spot{On: true, Entities: st.FocusEntities, Deals: st.FocusDeals}
	s.startFade()
	s.frameStep = true
}

// easeTicks is how long a step eases in: GlideTicks, or a cut with reduced
// motion, or before the first picture (a link that opens at a step shows
// the step's picture at once).
func (s *Session) easeTicks() int {
	if s.opts.Reduced || !s.shown {
		return 0
	}
	return GlideTicks
}

// startFade eases the spotlight from the step before's to the new one's
// and walks the timeline from the date on screen to the step's, over the
// camera's glide.
func (s *Session) startFade() {
	ticks := s.easeTicks()
	s.walkFrom = s.shownAsOf
	s.fade.Start(ticks)
	if ticks == 0 {
		s.fade.Stop()
	}
}

// stepFade moves a step's fade on by a tick: the spotlight's mix, and the
// date on screen along the dataset's dates to the step's.
func (s *Session) stepFade() {
	if !s.fade.Active() {
		return
	}
	at := s.fade.Next()
	s.version++
	if d := DateOnPath(s.an.Dates(), s.walkFrom, s.now.AsOf, at); d != s.shownAsOf {
		s.showDate(d)
		s.emit("ui", map[string]any{}) // the scrubber follows
	}
}

// endFade ends a step's fade at its target: the spotlight and the date
// are the step's.
func (s *Session) endFade() {
	if !s.fade.Active() {
		return
	}
	s.fade.Stop()
	s.version++
	if s.shownAsOf != s.now.AsOf {
		s.showDate(s.now.AsOf)
		s.emit("ui", map[string]any{})
	}
}

// frame points the camera at the open step's focus, placed as the layout
// has settled.
func (s *Session) frame() {
	s.frameStep = false
	if s.now.Story < 0 {
		return
	}
	st := s.ds.Stories[s.now.Story].Steps[s.now.Step]
	s.fitted = Fit(s.fitted, s.pos, s.view)
	var pts [][2]float64
	for _, e := range st.FocusEntities {
		pts = append(pts, s.fitted[e])
	}
	for _, d := range st.FocusDeals {
		x := s.ds.Deals[d]
		pts = append(pts, s.fitted[x.From], s.fitted[x.To])
	}
	to := s.camera
	to.FitPoints(pts, s.geometry())
	s.glideTo(to)
	s.follows = followStep
}

// glideTo eases the camera to another view, or cuts (easeTicks).
func (s *Session) glideTo(to Camera) {
	s.glide.Start(s.camera, to, Rect{X1: s.view.Width, Y1: s.view.Height}, s.easeTicks())
}

// setAutoplay turns the story's autoplay on (resting ticks on each step; 0
// for the default) or off, and tells the page.
func (s *Session) setAutoplay(on bool, ticks int) {
	if on == s.auto.On {
		return
	}
	if !on {
		s.auto.Stop()
	} else {
		if in, ok := s.auto.Start(s.ds, s.now, ticks); ok {
			s.apply(in)
		}
		if !s.auto.On {
			return // a dataset without stories has nothing to play
		}
	}
	s.emit("autoplay", map[string]any{"on": s.auto.On})
}

// playStory moves a story with autoplay on to its next step when the
// step's time is up, and turns autoplay off after the last.
func (s *Session) playStory() {
	in, move, stop := s.auto.Tick(s.ds, s.now)
	switch {
	case move:
		s.apply(in)
		if s.kiosk.phase == KioskAttract {
			s.kiosk.steps++
		}
	case stop:
		s.emit("autoplay", map[string]any{"on": false})
	}
}

// setDrift turns the attract loop's camera wander on or off. Off, the
// camera keeps the drifted view, so that the picture does not jump under
// the visitor's first touch. Reduced motion keeps the camera still.
func (s *Session) setDrift(on bool) {
	on = on && !s.opts.Reduced
	if on == s.drifting {
		return
	}
	if !on {
		v := s.Look().View
		s.camera = Camera{Zoom: v.Zoom, X: v.PanX, Y: v.PanY}
	}
	s.drifting, s.driftT = on, 0
}
