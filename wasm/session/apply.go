package session

import "ouroboros/wasm/dataset"

// handle takes one intent: the kiosk hears that someone is there, the
// reader's input stops the autoplay and lands on the step's picture, the
// camera takes its own intents, and the rest changes the reader's state.
func (s *Session) handle(in Intent) {
	if presence(in.Kind) {
		s.present()
	}
	s.holdTour(in.Kind)
	if in.Kind == Activity {
		return
	}
	if Interrupts(in.Kind) {
		s.setAutoplay(false, 0)
		s.endFade() // the reader's input lands on the step's picture
	}
	if in.Kind == SetAutoplay {
		s.setAutoplay(in.Entity == 1 || in.Entity < 0 && !s.auto.On, in.Ticks)
		return
	}
	in, ok := s.resolve(in)
	if !ok {
		return
	}
	if s.camera.Move(in, s.geometry()) {
		s.glide.Stop() // the reader took the camera
		s.follows = followNone
		return
	}
	s.apply(s.translate(in))
}

// presence reports whether an intent says that someone is at the screen:
// only a person touches, points or turns the wheel.
func presence(k IntentKind) bool {
	switch k {
	case Activity, Tap, DoubleTap, HoverAt, ZoomAt, PanBy:
		return true
	}
	return false
}

// resolve turns a pointer intent, whose hit the adapter resolved, into
// what it means here: a tap selects what is under it, a double tap zooms
// to it, hovering points at it.
func (s *Session) resolve(in Intent) (Intent, bool) {
	switch in.Kind {
	case Tap:
		return Intent{Kind: Select, Entity: in.Entity}, true
	case DoubleTap:
		p, ok := s.fittedAt(in.Entity)
		if !ok {
			return Intent{Kind: ZoomAt, F: 2, X: in.X, Y: in.Y}, true
		}
		s.glide.Stop()
		s.camera.ZoomTo(p[0], p[1], s.geometry())
		s.follows = followSelection
		return Intent{Kind: Select, Entity: in.Entity}, true
	case HoverAt:
		edge := in.Edge
		if in.Entity >= 0 {
			edge = -1
		}
		if in.Entity != s.hoverEntity || edge != s.hoverEdge {
			s.hoverEntity, s.hoverEdge = in.Entity, edge
			s.emit("hover", map[string]any{"x": in.X / s.view.DPR, "y": in.Y / s.view.DPR})
		}
		return in, false
	}
	return in, true
}

// fittedAt is where entity e sits in the drawing area, before the camera.
func (s *Session) fittedAt(e int) ([2]float64, bool) {
	if e < 0 || e >= len(s.pos) {
		return [2]float64{}, false
	}
	s.fitted = Fit(s.fitted, s.pos, s.view)
	return s.fitted[e], true
}

// geometry is what the camera needs to know of the picture.
func (s *Session) geometry() Geometry {
	ax, ay, aw, ah := Area(s.view)
	fx, fy, fw, fh := Free(s.view)
	g := Geometry{
		Screen: Rect{X1: s.view.Width, Y1: s.view.Height},
		Area:   Rect{X0: ax, Y0: ay, X1: ax + aw, Y1: ay + ah},
		Free:   Rect{X0: fx, Y0: fy, X1: fx + fw, Y1: fy + fh},
	}
	d := s.view.DPR
	for _, list := range [2][][4]float64{s.covered, s.passing} {
		for _, b := range list {
			g.Covered = append(g.Covered, Rect{X0: b[0] * d, Y0: b[1] * d, X1: (b[0] + b[2]) * d, Y1: (b[1] + b[3]) * d})
		}
	}
	g.Selected, g.IsSelected = s.fittedAt(s.now.Selection)
	return g
}

// translate turns the intents that need the current picture (the dates,
// the drawn edges, the keyboard's focus) into plain ones.
func (s *Session) translate(in Intent) Intent {
	dates := s.an.Dates()
	switch in.Kind {
	case StepTime:
		return Intent{Kind: SetAsOf, AsOf: StepDate(dates, s.now.AsOf, in.Entity)}
	case Activate:
		if s.now.Focus >= 0 {
			return Intent{Kind: Select, Entity: s.now.Focus}
		}
	case FollowOut, FollowIn:
		from := s.now.Selection
		if from < 0 {
			from = s.now.Focus
		}
		if from < 0 {
			break
		}
		if to := Follow(s.links(), from, in.Kind == FollowOut); to >= 0 {
			s.setFocus(to)
			return Intent{Kind: Select, Entity: to}
		}
	case WalkEntity:
		s.setFocus(Walk(TabOrder(s.ds, s.money(), s.shownEntities), s.now.Focus, in.Entity))
	case WalkLoop:
		return s.walkLoop(in.Entity)
	case Drift:
		s.setDrift(in.Entity == 1)
	case PlayTimeline, ToggleTimeline:
		if !s.now.Playing || in.Kind == PlayTimeline {
			// Playing from the end starts again from the first date.
			if s.now.AsOf.IsZero() && len(dates) > 0 {
				s.apply(Intent{Kind: SetAsOf, AsOf: dates[0]})
			}
			s.nextDate = s.view.Tick + timelineTicks
		}
	}
	return in
}

// apply changes the reader's state by one intent and tells the page what
// changed.
func (s *Session) apply(in Intent) {
	s.version++
	before := s.now
	if !s.now.ApplyStory(s.ds, in) {
		s.now.Apply(in)
	}
	c := Diff(before, s.now)
	if c.Step {
		s.showStep()
	}
	if c.Selection && s.now.Selection >= 0 {
		s.follows, s.refit = followSelection, true
	}
	if c.AsOf && !(c.Step && s.fade.Active()) {
		// A date set any other way than by a step easing to it cuts, and
		// ends a walk under way.
		s.endFade()
		s.showDate(s.now.AsOf)
	}
	if c.Filter {
		s.shownEntities, s.shownDeals = s.now.Filter.Visible(s.ds)
	}
	if c.AsOf || c.Loop || c.Filter {
		s.showLoop()
	}
	if in.Kind == Reset {
		s.endFade() // a reset cuts, the spotlight and the date too
		s.glide.Stop()
		s.camera = Camera{Zoom: 1}
		s.follows = followNone
	}
	s.tell(c)
}

// tell passes the changes on to the page as events.
func (s *Session) tell(c Changed) {
	if c.Filter || c.Loop || c.Playing || c.AsOf {
		s.emit("ui", map[string]any{})
	}
	if c.Focus {
		s.tellFocus()
	}
	if c.Selection {
		var id any
		if s.now.Selection >= 0 {
			id = s.ds.Entities[s.now.Selection].ID
		}
		s.emit("select", map[string]any{"id": id})
	}
	if c.AsOf {
		var date any
		if !s.now.AsOf.IsZero() {
			date = s.now.AsOf.String()
		}
		s.emit("asof", map[string]any{"date": date})
	}
	if c.Paused {
		s.emit("pause", map[string]any{"paused": s.now.Paused})
	}
	if c.Step {
		detail := map[string]any{"story": nil, "step": nil}
		if s.now.Story >= 0 {
			detail["story"], detail["step"] = s.ds.Stories[s.now.Story].ID, s.now.Step+1
		}
		s.emit("step", detail)
	}
}

// money is the disclosed money through each entity at the date on screen,
// which orders the keyboard's walk.
func (s *Session) money() []float64 {
	m := make([]float64, len(s.snap.Entities))
	for i, f := range s.snap.Entities {
		m[i] = f.Out.Total + f.In.Total
	}
	return m
}

// links lists the live edges drawn at the date on screen that the filter
// keeps, one per payer and payee in order of first appearance (as the
// scene draws them), with their disclosed totals, for Follow.
func (s *Session) links() []Link {
	index := map[[2]int]int{}
	var all []Link
	var live, shown []bool
	for i, d := range s.ds.Deals {
		if !s.shownAsOf.IsZero() && d.Date.Compare(s.shownAsOf) > 0 {
			continue
		}
		k := [2]int{d.From, d.To}
		j, ok := index[k]
		if !ok {
			j = len(all)
			index[k] = j
			all = append(all, Link{From: d.From, To: d.To})
			live, shown = append(live, false), append(shown, false)
		}
		live[j] = live[j] || d.Status != dataset.Terminated
		shown[j] = shown[j] || s.shownDeals == nil || s.shownDeals[i]
	}
	var out []Link
	for j, l := range all {
		if !live[j] || !shown[j] {
			continue
		}
		for _, sh := range s.snap.Entities[l.From].Shares {
			if sh.To == l.To {
				l.Total = sh.Amount
			}
		}
		out = append(out, l)
	}
	return out
}
