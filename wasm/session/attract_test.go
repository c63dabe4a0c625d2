package session_test

import (
	"ouroboros/wasm/dataset/datasettest"
	"testing"

	"ouroboros/wasm/session"
)

// kioskAt opens the bundled dataset as a kiosk with short timers: idle 3 s,
// countdown 2 s, a step every 2 s.
func kioskAt(t *testing.T, reduced bool) *session.Session {
	p := map[string]string{"mode": "kiosk", "idle": "3", "countdown": "2", "attract": "2"}
	if reduced {
		p["motion"] = "reduced"
	}
	return open(t, datasettest.Bundled(t), p)
}

const second = session.TicksPerSecond

func TestKioskAttractLoop(t *testing.T) {
	s := kioskAt(t, false)
	k := s.Kiosk()
	if k.Phase != "attract" || k.Resets != 1 || s.Now().Story != 0 || !s.Autoplay() || !s.Drifting() {
		t.Fatalf("kiosk %+v, story %d, autoplay %v, drifting %v; want the attract loop on the first story", k, s.Now().Story, s.Autoplay(), s.Drifting())
	}
	ticks(s, 2*second)
	if s.Now().Step != 1 {
		t.Errorf("after 2 s: step %d, want 1", s.Now().Step)
	}
	// Round every story: after the first story's six steps, the second.
	ticks(s, 5*2*second)
	if n := s.Now(); n.Story != 1 || n.Step != 0 || s.Kiosk().StepsShown != 7 {
		t.Errorf("after 12 s: story %d step %d, %d steps shown; want story 1 step 0, 7", n.Story, n.Step, s.Kiosk().StepsShown)
	}
}

func TestKioskPhases(t *testing.T) {
	touch := session.Intent{Kind: session.Activity}
	tap := session.Intent{Kind: session.Tap}.Resolved(2, -1)
	for _, tc := range []struct {
		name   string
		script func(s *session.Session)
		phase  string
		resets int
		sel    int // the selection at the end
	}{
		{"a touch hands the attract loop over", func(s *session.Session) { do(s, touch) }, "visitor", 1, -1},
		{"a tap in the attract loop also selects", func(s *session.Session) { do(s, tap) }, "visitor", 1, 2},
		{"idle brings the countdown", func(s *session.Session) { do(s, tap); ticks(s, 3*second) }, "countdown", 1, 2},
		{"activity keeps the visitor", func(s *session.Session) {
			do(s, tap)
			for range 4 {
				ticks(s, 2*second)
				do(s, touch)
			}
		}, "visitor", 1, 2},
		{"a touch in the countdown returns to the visitor", func(s *session.Session) {
			do(s, tap)
			ticks(s, 3*second+second)
			do(s, touch)
		}, "visitor", 1, 2},
		{"the countdown runs out into a reset", func(s *session.Session) { do(s, tap); ticks(s, 5*second+1) }, "attract", 2, -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := kioskAt(t, false)
			tc.script(s)
			k := s.Kiosk()
			if k.Phase != tc.phase || k.Resets != tc.resets || s.Now().Selection != tc.sel {
				t.Errorf("kiosk %+v, selection %d; want %s, %d resets, selection %d", k, s.Now().Selection, tc.phase, tc.resets, tc.sel)
			}
			attract := tc.phase == "attract"
			if s.Drifting() != attract || s.Autoplay() != attract {
				t.Errorf("drifting %v, autoplay %v; want both %v", s.Drifting(), s.Autoplay(), attract)
			}
		})
	}
}

func TestKioskCountdownSecondsAndEvents(t *testing.T) {
	s := kioskAt(t, false)
	do(s, session.Intent{Kind: session.Activity})
	s.Events()
	ticks(s, 3*second)
	if k := s.Kiosk(); k.Phase != "countdown" || k.Left != 2 {
		t.Fatalf("kiosk %+v, want the countdown at 2 s", k)
	}
	if got := heard(s); !has(got, "kiosk") {
		t.Errorf("events %v, want kiosk", got)
	}
	ticks(s, second)
	if k := s.Kiosk(); k.Left != 1 || !has(heard(s), "kiosk") {
		t.Errorf("a second later: %+v, want 1 s left, told", k)
	}
}
