package session_test

import (
	"ouroboros/wasm/dataset/datasettest"
	"strings"
	"testing"

	"ouroboros/wasm/session"
)

func TestStories(t *testing.T) {
	d := datasettest.Bundled(t)
	first := d.Stories[0]
	in, err := session.ParseCommand(d, []byte(`{"type":"goToStep","story":"`+first.ID+`","step":2}`))
	if err != nil || in.Story != 0 || in.Step != 1 {
		t.Fatalf("goToStep: %+v %v", in, err)
	}
	if _, err := session.ParseCommand(d, []byte(`{"type":"goToStep","story":"`+first.ID+`","step":99}`)); err == nil || !strings.Contains(err.Error(), "has steps 1 to") {
		t.Errorf("step 99: %v", err)
	}
	n := session.Now{Selection: 3, Focus: -1, Story: -1}
	n.ApplyStory(d, in)
	if n.Story != 0 || n.Step != 1 || n.Selection != -1 || n.AsOf != first.Steps[1].AsOf {
		t.Errorf("after goToStep: %+v, want story 0 step 1 at %v, nothing selected", n, first.Steps[1].AsOf)
	}
	n.ApplyStory(d, session.Intent{Kind: session.PrevStep})
	n.ApplyStory(d, session.Intent{Kind: session.PrevStep})
	if n.Step != 0 {
		t.Errorf("prev twice from step 2: step %d, want 0 (it stops at the first)", n.Step)
	}
	for i := 0; i < 20; i++ {
		n.ApplyStory(d, session.Intent{Kind: session.NextStep})
	}
	if n.Step != len(first.Steps)-1 {
		t.Errorf("next many times: step %d, want the last, %d", n.Step, len(first.Steps)-1)
	}
	n.ApplyStory(d, session.Intent{Kind: session.GoToStep, Story: -1})
	if n.Story != -1 {
		t.Errorf("leaving: %+v", n)
	}
	o, problems := session.ParseOptions(d, map[string]string{"story": first.ID, "step": "3"}, session.Prefers{})
	if len(problems) != 0 || o.Story != 0 || o.Step != 2 || o.AsOf != first.Steps[2].AsOf {
		t.Errorf("link story: %+v %v", o, problems)
	}
}

func TestAutoplayCommand(t *testing.T) {
	d := datasettest.Bundled(t)
	for _, tc := range []struct {
		cmd   string
		on    int
		ticks int
		bad   bool
	}{
		{`{"type":"autoplay","on":true}`, 1, 0, false},
		{`{"type":"autoplay","on":false}`, 0, 0, false},
		{`{"type":"autoplay"}`, -1, 0, false},
		{`{"type":"autoplay","on":true,"ticks":30}`, 1, 30, false},
		{`{"type":"autoplay","on":true,"ticks":3}`, 0, 0, true},
		{`{"type":"autoplay","on":"yes"}`, 0, 0, true},
	} {
		in, err := session.ParseCommand(d, []byte(tc.cmd))
		if (err != nil) != tc.bad {
			t.Errorf("%s: error %v", tc.cmd, err)
			continue
		}
		if !tc.bad && (in.Kind != session.SetAutoplay || in.Entity != tc.on || in.Ticks != tc.ticks) {
			t.Errorf("%s: %+v, want on %d ticks %d", tc.cmd, in, tc.on, tc.ticks)
		}
	}
}

func TestAutoplayPlaysToTheEndAndStops(t *testing.T) {
	d := datasettest.Bundled(t)
	n := session.Now{Selection: -1, Focus: -1, Story: -1}
	var a session.Autoplay
	in, ok := a.Start(d, n, 3)
	if !ok || in.Kind != session.GoToStep || in.Story != 0 || in.Step != 0 {
		t.Fatalf("starting with no story open: %+v %v, want the first story's first step", in, ok)
	}
	n.ApplyStory(d, in)
	steps := len(d.Stories[0].Steps)
	ticks := 0
	for a.On && ticks < 1000 {
		ticks++
		next, move, stop := a.Tick(d, n)
		if move {
			n.ApplyStory(d, next)
		}
		if stop && a.On {
			t.Fatal("stopped but still on")
		}
	}
	if n.Story != 0 || n.Step != steps-1 {
		t.Errorf("autoplay ended at story %d step %d, want the last step %d", n.Story, n.Step, steps-1)
	}
	// Every step rests 3 ticks, the last one too, before autoplay stops.
	if ticks != 3*steps {
		t.Errorf("%d ticks for %d steps, want %d", ticks, steps, 3*steps)
	}
	// From the last step, playing starts the story again.
	if in, ok := a.Start(d, n, 0); !ok || in.Kind != session.GoToStep || in.Story != 0 || in.Step != 0 {
		t.Errorf("playing from the last step: %+v %v, want step 1", in, ok)
	}
	// From a middle step it goes on from there.
	n.ApplyStory(d, session.Intent{Kind: session.GoToStep, Story: 0, Step: 1})
	if _, ok := a.Start(d, n, 0); ok {
		t.Error("playing from step 2 jumps elsewhere")
	}
	if !session.Interrupts(session.Tap) || !session.Interrupts(session.NextStep) || !session.Interrupts(session.ZoomAt) || session.Interrupts(session.HoverAt) || session.Interrupts(session.SetAutoplay) {
		t.Error("Interrupts: reader input and commands stop autoplay; hovering and autoplay's own command do not")
	}
}
