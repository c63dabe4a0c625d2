package session

// KioskPhase is where the kiosk's loop is (mode=kiosk in the link).
type KioskPhase int

// The kiosk's phases. Out of kiosk mode the phase is KioskOff.
const (
	KioskOff       KioskPhase = iota
	KioskAttract              // nobody is there: the stories play round, the camera drifts
	KioskVisitor              // someone is exploring
	KioskCountdown            // nobody touched for the idle time: "Still there?"
)

func (p KioskPhase) String() string {
	switch p {
	case KioskAttract:
		return "attract"
	case KioskVisitor:
		return "visitor"
	case KioskCountdown:
		return "countdown"
	}
	return ""
}

// kiosk is the attract loop's state. Its timers count ticks.
type kiosk struct {
	times KioskTimes // resolved
	phase KioskPhase
	// begin starts the attract loop on the first tick with a screen.
	begin bool
	// idle counts the visitor's ticks since the last touch; left counts
	// the countdown's ticks down; timeline counts down to the next look
	// at a dataset's timeline when it has no stories to play.
	idle, left, timeline int
	// resets and steps count the attract loops begun and the steps they
	// showed, for tests and tools.
	resets, steps int
}

// counting reports whether the kiosk counts ticks: always, in kiosk mode.
// The visitor's idle time and the countdown need ticks even when the
// picture is still, so a kiosk never lets the engine idle.
func (k *kiosk) counting() bool { return k.phase != KioskOff || k.begin }

// KioskState is the kiosk's loop as the page shows it: the phase ("" out
// of kiosk mode), the whole seconds left of the countdown, and how many
// attract loops began and steps they showed.
type KioskState struct {
	Phase      string `json:"phase"`
	Left       int    `json:"left"`
	Resets     int    `json:"resets"`
	StepsShown int    `json:"stepsShown"`
}

// Kiosk is the kiosk's loop as the page shows it.
func (s *Session) Kiosk() KioskState {
	k := &s.kiosk
	return KioskState{Phase: k.phase.String(), Left: k.secondsLeft(), Resets: k.resets, StepsShown: k.steps}
}

func (k *kiosk) secondsLeft() int {
	if k.phase != KioskCountdown {
		return 0
	}
	return (k.left + TicksPerSecond - 1) / TicksPerSecond
}

// tickKiosk moves the kiosk's loop on by a tick: the attract loop begins,
// the visitor's idle time runs into the countdown, and the countdown runs
// out into a new attract loop. The attract loop's steps are the story's
// autoplay, going round every story.
func (s *Session) tickKiosk() {
	k := &s.kiosk
	switch {
	case k.begin:
		k.begin = false
		s.startAttract()
	case k.phase == KioskVisitor:
		if k.idle++; k.idle >= k.times.Idle*TicksPerSecond {
			k.left = k.times.Countdown * TicksPerSecond
			s.setPhase(KioskCountdown)
		}
	case k.phase == KioskCountdown:
		was := k.secondsLeft()
		if k.left--; k.left <= 0 {
			s.startAttract()
		} else if k.secondsLeft() != was {
			s.tellKiosk()
		}
	case k.phase == KioskAttract && len(s.ds.Stories) == 0:
		// Without stories the attract loop plays the timeline, again
		// when it has run to the end.
		if k.timeline--; k.timeline <= 0 {
			k.timeline = k.times.Attract * TicksPerSecond
			if !s.now.Playing {
				s.apply(s.translate(Intent{Kind: PlayTimeline}))
				k.steps++
			}
		}
	}
}

// startAttract goes back to the attract loop: the view resets (the page
// closes what the visitor opened when it hears the phase), the camera
// drifts and the stories play round from the first, a step every attract
// seconds; without stories the timeline plays.
func (s *Session) startAttract() {
	k := &s.kiosk
	s.auto.Stop()
	s.apply(Intent{Kind: Reset})
	s.setDrift(true)
	k.resets++
	k.phase = KioskAttract
	if len(s.ds.Stories) > 0 {
		s.setAutoplay(true, k.times.Attract*TicksPerSecond)
		s.auto.Round = true
	} else {
		s.apply(s.translate(Intent{Kind: PlayTimeline}))
		k.timeline = k.times.Attract * TicksPerSecond
	}
	k.steps++
	s.tellKiosk()
}

// present hears that someone is at the screen: the attract loop hands
// over (its story stays where it is, the camera stops drifting), the
// countdown stops, and the idle time starts again.
func (s *Session) present() {
	k := &s.kiosk
	k.idle = 0
	switch k.phase {
	case KioskAttract:
		s.setAutoplay(false, 0)
		s.setDrift(false)
		s.setPhase(KioskVisitor)
	case KioskCountdown:
		s.setPhase(KioskVisitor)
	}
}

func (s *Session) setPhase(p KioskPhase) {
	s.kiosk.phase = p
	s.tellKiosk()
}

func (s *Session) tellKiosk() {
	s.emit("kiosk", map[string]any{"phase": s.kiosk.phase.String(), "left": s.kiosk.secondsLeft()})
}
