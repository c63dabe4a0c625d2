package session

// The reading order: while nobody touches the picture, it lights the top
// circular deals one after another, each for a few seconds, a token going
// round the ring and its amounts showing; with reduced motion it lights
// them all at once and keeps still. Any reader's intent but hovering
// (or pausing) stops it; it comes back after the reader has left the picture alone for
// a while with nothing selected, picked or playing.

// TourDeals is how many of the top circular deals the reading order shows:
// the ones the layout draws as strong rings.
const TourDeals = 6

// tourTicks is how long the reading order lights each circular deal.
const tourTicks = 4 * TicksPerSecond

// tourIdleTicks is how long the picture must be left alone before the
// reading order comes back.
const tourIdleTicks = 20 * TicksPerSecond

// tour is the reading order's state.
type tour struct {
	on    bool
	index int   // the circular deal lit, by rank from 0
	next  int64 // the tick at which it starts again or moves on
}

// TourRank is the rank (from 1) of the circular deal the reading order
// lights now, 0 when it is not showing, or with reduced motion (all of
// them are lit).
func (s *Session) TourRank() int {
	if !s.tour.on || s.opts.Reduced {
		return 0
	}
	return s.tour.index + 1
}

// Touring reports whether the reading order is showing.
func (s *Session) Touring() bool { return s.tour.on }

// tourDeals is how many circular deals the reading order goes through at
// the date on screen.
func (s *Session) tourDeals() int { return min(TourDeals, len(s.snap.Circular())) }

// holdTour stops the reading order for a reader's intent and puts off its
// return; hovering, presence and pausing (which freezes the picture as it
// is) do not count.
func (s *Session) holdTour(k IntentKind) {
	switch k {
	case HoverAt, Activity, Pause, Play, TogglePlay:
		return
	}
	s.tour.next = s.view.Tick + tourIdleTicks
	if s.tour.on {
		s.tour.on = false
		s.showLoop()
	}
}

// tickTour starts, moves on or ends the reading order. It starts with the
// first tick whose layout has settled, before the first picture is shown:
// the page's first frame, drawn from the build's settled layout, then has
// the top deal lit already (the poster before it has the top deals lit),
// and the frame after it does not draw the whole picture again to light
// it (issue 19).
// A pause freezes it where it is.
func (s *Session) tickTour() {
	if s.now.Paused {
		return
	}
	quiet := s.settled && s.now.Story < 0 && s.now.Selection < 0 && s.now.Loop == "" &&
		!s.now.Playing && s.flash == nil && s.tourDeals() > 0
	switch {
	case !quiet:
		if s.tour.on {
			s.tour.on = false
			s.showLoop()
		}
	case !s.tour.on:
		if s.view.Tick >= s.tour.next {
			s.tour = tour{on: true, next: s.view.Tick + tourTicks}
			s.showLoop()
		}
	case !s.opts.Reduced && s.view.Tick >= s.tour.next:
		s.tour.index = (s.tour.index + 1) % s.tourDeals()
		s.tour.next = s.view.Tick + tourTicks
		s.showLoop()
	}
}

// tourLoops lights the reading order's deals: the one whose turn it is,
// or all of them, still, with reduced motion.
func (s *Session) tourLoops() {
	circ := s.snap.Circular()
	n := s.tourDeals()
	if s.opts.Reduced {
		s.loops = s.loops[:0]
		for _, k := range circ[:n] {
			s.loops = append(s.loops, s.snap.Loops[k].Entities)
		}
		return
	}
	s.loop = s.snap.Loops[circ[s.tour.index%n]].Entities
}
