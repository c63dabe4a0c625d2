package session

import (
	"slices"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
)

// TicksPerSecond is how many ticks make a second: Ebitengine's default
// TPS, which the adapter keeps. Every timer of the session (the kiosk's
// seconds, the autoplay's rest, the glides) counts ticks, and this is the
// one place where seconds become ticks.
const TicksPerSecond = 60

// Session is the reader's session: what is selected, the story and its
// step, the date on screen and the one asked for, the filters, the camera
// and its glides, the fades, the autoplay and the kiosk's attract loop,
// the flashes and the drift. It changes only by intents (Do) and ticks
// (Tick), and the picture is a function of its Look. It has no lock: the
// adapter calls it from the one thread that runs the engine and the page.
type Session struct {
	ds      *dataset.Dataset
	an      *analysis.Analysis
	opts    Options
	now     Now
	intents []Intent // waiting for the next Tick
	events  []Event  // waiting for the adapter to drain them
	drained []Event  // the batch Events handed out last

	// shownAsOf is the date on screen and snap its analysis: the step's
	// date (now.AsOf) once a walk along the timeline is over.
	shownAsOf dataset.Date
	snap      *analysis.Snapshot

	view      View // the screen; the camera is set on it by Look
	camera    Camera
	glide     Glide
	fade      Fade
	walkFrom  dataset.Date // where the fade's walk along the timeline began
	spot      Spot         // the open step's focus
	fromSpot  Spot         // the step before's
	auto      Autoplay
	frameStep bool // frame the open step once the layout has settled
	shown     bool // the first picture is on screen: from now on steps ease
	// yearsCounted says every year of the timeline's marks is counted
	// (years.go).
	yearsCounted bool

	// shownEntities and shownDeals are what the filter keeps (nil: all).
	shownEntities, shownDeals []bool
	// loop is the highlighted loop (picked or flashing), lit since
	// loopTick; flash is the loop that just closed on the timeline, lit
	// until the tick flashUntil.
	loop       []int
	loopTick   int64
	flash      []int
	flashUntil int64
	// loops are more loops lit at once (the reading order with reduced
	// motion), tour the reading order's state (tour.go).
	loops [][]int
	tour  tour
	// covered are the page's boxes over the canvas that stay while the
	// reader looks, passing those that come and go (SetCovered).
	covered, passing [][4]float64
	// follows is what the camera was last pointed at, by a step or a
	// selection, until the reader takes it; refit asks, on the next tick,
	// to point it again at what it follows, because the boxes moved or
	// the selection changed.
	follows follow
	refit   bool
	// nextDate is the tick at which a playing timeline moves on.
	nextDate int64
	// drifting is the attract loop's camera wander, on for driftT ticks.
	drifting bool
	driftT   int64
	kiosk    kiosk
	// hoverEntity and hoverEdge are under the mouse, or -1; the edge is
	// an index of the scene's network at the date on screen.
	hoverEntity, hoverEdge int

	// pos are the layout's positions as the adapter handed them; fitted
	// is their place in the drawing area, worked out when needed.
	pos     [][2]float64
	settled bool
	fitted  [][2]float64
	// version counts the changes to the Look outside its View.
	version uint64
}

// Event is something the page must hear of: its type ("select", "asof",
// "step", "autoplay", "ui", "pause", "hover", "kiosk", "focus") and its detail, as
// the page's events carry them.
type Event struct {
	Type   string
	Detail map[string]any
}

// KioskTextScale is how much larger a kiosk sets the picture's names and
// figures: 24 CSS pixels and more on a 1920×1080 touch screen, read
// standing a metre away, where a desk's 15 are too small.
const KioskTextScale = 1.6

// New starts a session on a valid dataset, its analysis and the options a
// link asked for.
func New(ds *dataset.Dataset, an *analysis.Analysis, opts Options) *Session {
	s := &Session{ds: ds, an: an, opts: opts, now: Start(opts), hoverEntity: -1, hoverEdge: -1,
		camera: Camera{Zoom: 1}}
	s.view.Motion = !opts.Reduced
	s.view.Zoom = 1
	s.shownAsOf = s.now.AsOf
	s.snap = an.At(s.now.AsOf)
	s.countYearsAtOnce()
	if s.now.Story >= 0 {
		s.showStep()
	}
	if opts.Mode == Kiosk {
		s.view.TextScale = KioskTextScale
		s.kiosk.times = opts.Kiosk.Resolved()
		s.kiosk.begin = true
	}
	return s
}

// Do queues an intent for the next Tick, as the engine's Update takes the
// page's calls: a call can come from the page at any moment.
func (s *Session) Do(in Intent) { s.intents = append(s.intents, in) }

// SetScreen sets the canvas: Width, Height and DPR, the insets kept free
// (TopInset, ReadingInset, BottomInset) and the layout's Aspect. The session keeps its
// own Tick, Motion and camera.
func (s *Session) SetScreen(v View) {
	s.view.Width, s.view.Height, s.view.DPR = v.Width, v.Height, v.DPR
	s.view.TopInset, s.view.BottomInset, s.view.Aspect = v.TopInset, v.BottomInset, v.Aspect
	s.view.ReadingInset = v.ReadingInset
	if s.view.DPR <= 0 {
		s.view.DPR = 1
	}
}

// SetLayout hands the session the layout's positions (in [0, 1]; the
// session reads them, never changes them) and whether the layout has
// settled. Framing a step or zooming to an entity fits them to the screen.
func (s *Session) SetLayout(pos [][2]float64, settled bool) {
	s.pos, s.settled = pos, settled
}

// SetCovered tells the session which boxes of the canvas the page covers
// (x, y, width, height in CSS pixels): stay, those that stay while the
// reader looks (the caption, the legend, the toolbar), under which the
// picture sets no text; passing, those that come and go (a card, the ☰
// panel), which only framing keeps clear. When they change, the camera
// frames the step or the selection it follows again. The session keeps
// its own copies.
func (s *Session) SetCovered(stay, passing [][4]float64) {
	if !slices.Equal(s.covered, stay) {
		s.covered = append(s.covered[:0], stay...)
		s.version++
		s.refit = true
	}
	if !slices.Equal(s.passing, passing) {
		s.passing = append(s.passing[:0], passing...)
		s.refit = true
	}
}

// Shown tells the session that the first picture is on screen: until then
// a story step cuts to its view (a link opening at a step shows the step
// at once), after it steps ease.
func (s *Session) Shown() { s.shown = true }

// Tick advances the session by one tick: the intents queued, then the
// timeline's play, the story's autoplay, the kiosk's phases, the flashes,
// a year of the timeline's marks still to count, the step's framing once
// the layout has settled, the camera's glide, the fades and the walk along
// the dates, and the drift. Before the canvas has a size nothing moves.
func (s *Session) Tick() {
	if s.view.Width <= 0 {
		return
	}
	if len(s.intents) > 0 {
		s.version++
	}
	for i := 0; i < len(s.intents); i++ {
		s.handle(s.intents[i])
	}
	s.intents = s.intents[:0]
	s.playTimeline()
	s.playStory()
	s.tickKiosk()
	s.endFlash()
	s.tickTour()
	s.countYear()
	if s.refit && s.settled {
		s.refollow()
	}
	if s.frameStep && s.settled {
		s.frame()
	}
	if s.glide.Active() {
		s.camera = s.glide.Next()
	}
	s.stepFade()
	if s.drifting {
		s.driftT++
	}
	if !s.now.Paused {
		s.view.Tick++
	}
}

// Moves reports whether a tick could change anything: an intent waits,
// the layout has not settled, a step is easing in or waits to be framed,
// a story or the kiosk counts ticks, the camera drifts, or the picture is
// moving (particles, a playing timeline, a flashing loop) and not paused,
// or a year of the timeline's marks is still to count.
// When it is false the adapter may let the engine idle until the next
// input or call from the page.
func (s *Session) Moves() bool {
	return len(s.intents) > 0 || !s.settled || s.Easing() || s.auto.On || s.drifting || s.kiosk.counting() || s.shown && !s.yearsCounted ||
		!s.now.Paused && (s.view.Motion || s.now.Playing || s.flash != nil)
}

// Easing reports whether a story step is easing in: its camera, its
// spotlight or its date.
func (s *Session) Easing() bool { return s.frameStep || s.glide.Active() || s.fade.Active() }

// Events returns the events since the last call, for the adapter to pass
// on to the page. The slice is the session's and stays as it is until the
// next call, even if passing an event on calls back into the session.
func (s *Session) Events() []Event {
	s.events, s.drained = s.drained[:0], s.events
	return s.drained
}

func (s *Session) emit(typ string, detail map[string]any) {
	s.events = append(s.events, Event{Type: typ, Detail: detail})
}

// Look is what the picture depends on now.
func (s *Session) Look() Look {
	v := s.view
	v.Zoom, v.PanX, v.PanY = s.camera.Zoom, s.camera.X, s.camera.Y
	if s.drifting {
		f, dx, dy := DriftAt(s.driftT, v.Width, v.Height)
		v.Zoom, v.PanX, v.PanY = Drifted(v.Zoom, v.PanX, v.PanY, f, dx, dy, v.Width, v.Height)
	}
	return Look{View: v, AsOf: s.shownAsOf, Selected: s.now.Selection, Focus: s.now.Focus,
		Spot: s.spot, From: s.fromSpot, SpotMix: float32(s.fade.Mix()),
		Shown: s.shownEntities, DealShown: s.shownDeals, Loop: s.loop, LoopTick: s.loopTick,
		Loops: s.loops, Covered: s.covered, Theme: s.opts.Theme}
}

// Version counts the changes to the Look outside its View (selection,
// focus, spotlight, filters, loop, date): with the View it tells the
// adapter whether the frame must be built again.
func (s *Session) Version() uint64 { return s.version }

// Now is the reader's state: selection, date asked for, story and step,
// filters, focus, pause and the timeline's play.
func (s *Session) Now() Now { return s.now }

// Options are the options the session started with.
func (s *Session) Options() Options { return s.opts }

// Dataset is the session's dataset; Analysis its analysis.
func (s *Session) Dataset() *dataset.Dataset { return s.ds }

// Analysis is the dataset's analysis.
func (s *Session) Analysis() *analysis.Analysis { return s.an }

// Snapshot is the analysis at the date on screen.
func (s *Session) Snapshot() *analysis.Snapshot { return s.snap }

// ShownAsOf is the date on screen: while a step walks the timeline it
// passes through the dates between the old one and the step's.
func (s *Session) ShownAsOf() dataset.Date { return s.shownAsOf }

// Flash is the loop that just closed on the timeline, lit; nil for none.
func (s *Session) Flash() []int { return s.flash }

// Hover is what the mouse rests on: an entity, or an edge of the scene's
// network at the date on screen; -1 for none.
func (s *Session) Hover() (entity, edge int) { return s.hoverEntity, s.hoverEdge }

// Autoplay reports whether the open story moves on by itself.
func (s *Session) Autoplay() bool { return s.auto.On }

// Drifting reports whether the attract loop's camera wander is on.
func (s *Session) Drifting() bool { return s.drifting }

// Settled reports whether the layout has settled, as the adapter said.
func (s *Session) Settled() bool { return s.settled }
