package session

import (
	"fmt"

	"ouroboros/wasm/dataset"
)

// FindStep finds a story by id and checks that it has step (from 1).
func FindStep(d *dataset.Dataset, id string, step int) (int, error) {
	for i, s := range d.Stories {
		if s.ID != id {
			continue
		}
		if step < 1 || step > len(s.Steps) {
			return -1, fmt.Errorf("story %q has steps 1 to %d, not %d", id, len(s.Steps), step)
		}
		return i, nil
	}
	if len(d.Stories) == 0 {
		return -1, fmt.Errorf("%q is not a story: this dataset has none", id)
	}
	return -1, fmt.Errorf("%q is not a story of this dataset", id)
}

// ApplyStory moves through the stories: GoToStep opens a step, NextStep and
// PrevStep move within the open story (NextStep with none open starts the
// first). Opening a step moves the date to the step's, when it has one,
// and clears the selection so the step's focus shows. It reports whether
// the intent was one for stories.
func (n *Now) ApplyStory(d *dataset.Dataset, in Intent) bool {
	switch in.Kind {
	case GoToStep:
		if in.Story < 0 {
			n.Story, n.Step = -1, 0
			return true
		}
		n.open(d, in.Story, in.Step)
	case NextStep:
		switch {
		case n.Story < 0 && len(d.Stories) > 0:
			n.open(d, 0, 0)
		case n.Story >= 0 && n.Step+1 < len(d.Stories[n.Story].Steps):
			n.open(d, n.Story, n.Step+1)
		}
	case PrevStep:
		if n.Story >= 0 && n.Step > 0 {
			n.open(d, n.Story, n.Step-1)
		}
	default:
		return false
	}
	return true
}

func (n *Now) open(d *dataset.Dataset, story, step int) {
	n.Story, n.Step = story, step
	st := d.Stories[story].Steps[step]
	if !st.AsOf.IsZero() {
		n.AsOf = st.AsOf
	}
	n.Selection = -1
	n.Loop = ""
}

// AutoplayTicks is how long autoplay rests on a step by default: eight
// seconds at the engine's 60 ticks a second, time to read a caption.
// Autoplay counts ticks, not time, like the camera's glide.
const AutoplayTicks = 480

// The ticks per step that the autoplay command accepts.
const (
	minAutoplayTicks = 10
	maxAutoplayTicks = 36000
)

// Autoplay moves an open story on by itself, one step every so many ticks,
// until the story ends or the reader (or a host page) does anything. The
// zero Autoplay is off.
type Autoplay struct {
	On bool
	// Round goes on from a story's last step to the next story's first,
	// round and round, rather than stopping: the kiosk's attract loop.
	Round bool
	every int // ticks per step
	left  int // ticks until the next step
}

// Start turns autoplay on, resting every ticks on each step (0 or less:
// AutoplayTicks). It returns the intent that opens the first step to show:
// the first story's first step when none is open, the open story's first
// step when it is at its last (playing from the end plays it again), or
// none (ok false) when the open step is the one to show.
func (a *Autoplay) Start(d *dataset.Dataset, n Now, every int) (in Intent, ok bool) {
	if len(d.Stories) == 0 {
		return Intent{}, false
	}
	if every <= 0 {
		every = AutoplayTicks
	}
	*a = Autoplay{On: true, every: every, left: every}
	switch {
	case n.Story < 0:
		return Intent{Kind: GoToStep, Story: 0}, true
	case n.Step+1 >= len(d.Stories[n.Story].Steps):
		return Intent{Kind: GoToStep, Story: n.Story}, true
	}
	return Intent{}, false
}

// Stop turns autoplay off.
func (a *Autoplay) Stop() { a.On = false }

// Tick counts one tick of a playing story and returns the intent to apply
// when the step's time is up: the next step, or, after the last step has
// had its time (or with no story open), stop is true and autoplay is off.
func (a *Autoplay) Tick(d *dataset.Dataset, n Now) (next Intent, move, stop bool) {
	if !a.On {
		return Intent{}, false, false
	}
	if a.left--; a.left > 0 {
		return Intent{}, false, false
	}
	a.left = a.every
	if a.Round && len(d.Stories) > 0 && (n.Story < 0 || n.Story >= len(d.Stories) || n.Step+1 >= len(d.Stories[n.Story].Steps)) {
		return Intent{Kind: GoToStep, Story: (n.Story + 1) % len(d.Stories)}, true, false
	}
	if n.Story < 0 || n.Story >= len(d.Stories) || n.Step+1 >= len(d.Stories[n.Story].Steps) {
		a.On = false
		return Intent{}, false, true
	}
	return Intent{Kind: NextStep}, true, false
}

// Interrupts reports whether an intent stops autoplay: anything the reader
// or a host page asks for does, except hovering, which is only looking,
// autoplay's own command, and the kiosk's word that someone is there.
func Interrupts(k IntentKind) bool {
	return k != HoverAt && k != SetAutoplay && k != Activity
}
