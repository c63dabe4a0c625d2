package session_test

import (
	"testing"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/dataset/datasettest"
	"ouroboros/wasm/session"
)

// While a story step shows, only its subjects light up (issue 18): the
// loops its walk through the dates closes do not flash, and a flash lit
// before the story opened goes out.
func TestStoryStepPausesAmbientHighlights(t *testing.T) {
	d := datasettest.Bundled(t)
	first := analysis.New(d).Dates()[0]
	t.Run("the step's walk through the dates flashes nothing", func(t *testing.T) {
		s := open(t, d, nil)
		do(s, session.Intent{Kind: session.SetAsOf, AsOf: first})
		do(s, session.Intent{Kind: session.GoToStep, Story: 0, Step: lastStep(d, 0)})
		for range 2 * session.GlideTicks {
			if s.Flash() != nil || s.Look().Loop != nil || s.Touring() {
				t.Fatalf("during the step: flash %v, lit %v, touring %v", s.Flash(), s.Look().Loop, s.Touring())
			}
			s.Tick()
		}
	})
	t.Run("a flash lit before the story goes out", func(t *testing.T) {
		s := open(t, d, nil)
		do(s, session.Intent{Kind: session.SetAsOf, AsOf: first})
		do(s, session.Intent{Kind: session.PlayTimeline})
		for i := 0; s.Flash() == nil; i++ {
			if i > 100*60 {
				t.Fatal("the playing timeline closed no loop")
			}
			s.Tick()
		}
		do(s, session.Intent{Kind: session.GoToStep, Story: 0, Step: 0})
		if s.Flash() != nil || s.Look().Loop != nil {
			t.Fatalf("the step opened with flash %v, lit %v", s.Flash(), s.Look().Loop)
		}
	})
}

// lastStep is the index of story k's last step.
func lastStep(d *dataset.Dataset, k int) int { return len(d.Stories[k].Steps) - 1 }
