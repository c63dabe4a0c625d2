package session_test

import (
	"testing"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset/datasettest"
	"ouroboros/wasm/session"
)

func TestCanvasKeyIntent(t *testing.T) {
	for _, tc := range []struct {
		key  string
		want session.Intent
	}{
		{"ArrowRight", session.Intent{Kind: session.WalkEntity, Entity: 1}},
		{"ArrowLeft", session.Intent{Kind: session.WalkEntity, Entity: -1}},
		{"ArrowDown", session.Intent{Kind: session.WalkLoop, Entity: 1}},
		{"ArrowUp", session.Intent{Kind: session.WalkLoop, Entity: -1}},
		{"Escape", session.Intent{Kind: session.LeaveCanvas}},
		{"Enter", session.Intent{Kind: session.Activate}},
		{"+", session.Intent{Kind: session.ZoomIn}},
		{" ", session.Intent{Kind: session.ToggleTimeline}},
	} {
		t.Run(tc.key, func(t *testing.T) {
			if got, ok := session.CanvasKeyIntent(tc.key); !ok || got != tc.want {
				t.Errorf("got %+v %v, want %+v", got, ok, tc.want)
			}
		})
	}
	for _, key := range []string{"Tab", "Shift+Tab", "q"} {
		if _, ok := session.CanvasKeyIntent(key); ok {
			t.Errorf("%q is taken in the canvas; Tab must leave it", key)
		}
	}
}

func TestWalkLoopsGoesRoundInTheTwinsOrder(t *testing.T) {
	d := datasettest.Bundled(t)
	loops := analysis.New(d).At(d.AsOf).Loops
	if len(loops) < 3 {
		t.Fatalf("%d loops in the bundled dataset, want a few", len(loops))
	}
	key := func(i int) string { return session.LoopKey(d, loops[i].Entities) }
	last := len(loops) - 1
	for _, tc := range []struct {
		name string
		cur  string
		by   int
		want string
	}{
		{"from none, the first", "", 1, key(0)},
		{"back from none, the last", "", -1, key(last)},
		{"on", key(0), 1, key(1)},
		{"back", key(2), -1, key(1)},
		{"round from the last", key(last), 1, key(0)},
		{"round back from the first", key(0), -1, key(last)},
		{"from a loop not at this date, the first", "nobody else", 1, key(0)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := session.WalkLoops(d, loops, tc.cur, tc.by); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	if got := session.WalkLoops(d, nil, "", 1); got != "" {
		t.Errorf("with no loops: %q, want none", got)
	}
}

// focusEvents returns the details of the "focus" events heard.
func focusEvents(s *session.Session) []map[string]any {
	var out []map[string]any
	for _, e := range s.Events() {
		if e.Type == "focus" {
			out = append(out, e.Detail)
		}
	}
	return out
}

// The arrows in the canvas walk the entities round, and the loops in the
// twin's order, each move told to the page; Esc clears it all.
func TestCanvasArrowsWalkAndTell(t *testing.T) {
	d := datasettest.TwoWay()
	s := open(t, d, nil)
	order := []string{"a", "b"} // as much money through each: by id
	right := session.Intent{Kind: session.WalkEntity, Entity: 1}
	for k, want := range []string{order[0], order[1], order[0]} {
		do(s, right)
		if got := s.Now().Focus; got < 0 || d.Entities[got].ID != want {
			t.Fatalf("after %d → the focus is on %d, want %s", k+1, got, want)
		}
		if ev := focusEvents(s); len(ev) != 1 || ev[0]["id"] != want {
			t.Errorf("after %d → heard %v, want one focus event for %s", k+1, ev, want)
		}
	}
	do(s, session.Intent{Kind: session.WalkEntity, Entity: -1})
	if ev := focusEvents(s); len(ev) != 1 || ev[0]["id"] != order[1] {
		t.Errorf("← went round back to %v, want %s", ev, order[1])
	}

	do(s, session.Intent{Kind: session.WalkLoop, Entity: 1})
	want := session.LoopKey(d, s.Snapshot().Loops[0].Entities)
	if got := s.Now().Loop; got != want {
		t.Errorf("↓ picked %q, want the first loop %q", got, want)
	}
	if ev := focusEvents(s); len(ev) != 1 || ev[0]["loop"] != want || ev[0]["id"] != nil {
		t.Errorf("↓ told %v, want the loop %q", ev, want)
	}
	do(s, session.Intent{Kind: session.WalkLoop, Entity: 1}) // one loop: round to itself, said again
	if ev := focusEvents(s); len(ev) != 1 || ev[0]["loop"] != want {
		t.Errorf("↓ again told %v, want the same loop said again", ev)
	}

	do(s, session.Intent{Kind: session.Activate})
	do(s, session.Intent{Kind: session.LeaveCanvas})
	if n := s.Now(); n.Focus != -1 || n.Selection != -1 || n.Loop != "" {
		t.Errorf("after Esc: focus %d, selection %d, loop %q; want all cleared", n.Focus, n.Selection, n.Loop)
	}
	if ev := focusEvents(s); len(ev) != 1 || ev[0]["id"] != nil {
		t.Errorf("Esc told %v, want the focus cleared", ev)
	}
}

// A focused entity under one of the page's boxes is panned out from
// under it; one in sight leaves the camera where it is.
func TestFocusComesIntoSight(t *testing.T) {
	d := datasettest.TwoWay()
	s := open(t, d, nil)
	fitted := session.Fit(nil, grid(len(d.Entities)), screen)
	drawn := func(i int) (float64, float64) {
		v := s.Look().View
		return fitted[i][0]*v.Zoom + v.PanX, fitted[i][1]*v.Zoom + v.PanY
	}
	right := session.Intent{Kind: session.WalkEntity, Entity: 1}
	before := s.Look().View
	do(s, right)
	ticks(s, 120)
	if v := s.Look().View; v.PanX != before.PanX || v.PanY != before.PanY {
		t.Errorf("focusing an entity in sight moved the camera from %+v to %+v", before, v)
	}
	// Cover the other entity with a box, then walk on to it.
	next := session.Walk(session.TabOrder(d, []float64{12, 12}, nil), s.Now().Focus, 1)
	x, y := drawn(next)
	box := [4]float64{x - 60, y - 60, 120, 120}
	s.SetCovered([][4]float64{box}, nil)
	ticks(s, 5)
	do(s, right)
	if s.Now().Focus != next {
		t.Fatalf("focus on %d, want %d", s.Now().Focus, next)
	}
	ticks(s, 120)
	if x, y := drawn(next); x > box[0] && x < box[0]+box[2] && y > box[1] && y < box[1]+box[3] {
		t.Errorf("the focused entity is drawn at (%v, %v), under the box %v", x, y, box)
	}
}

// When the page's focus leaves the canvas the keyboard's ring goes, and
// what the reader picked stays (issue 18's review: the ring stayed drawn,
// and Enter anywhere then selected the entity it was on).
func TestBlurDropsTheRingOnly(t *testing.T) {
	d := datasettest.Bundled(t)
	s := open(t, d, nil)
	do(s, session.Intent{Kind: session.WalkEntity, Entity: 1})
	do(s, session.Intent{Kind: session.Activate})
	do(s, session.Intent{Kind: session.WalkEntity, Entity: 1})
	before := s.Now()
	if before.Focus < 0 || before.Selection < 0 {
		t.Fatalf("set-up: focus %d, selection %d", before.Focus, before.Selection)
	}
	in, ok := session.KeyIntent(session.Blur)
	if !ok {
		t.Fatal("the page's blur is not taken")
	}
	do(s, in)
	if n := s.Now(); n.Focus != -1 || n.Selection != before.Selection || n.Loop != before.Loop {
		t.Errorf("after blur: focus %d, selection %d, loop %q; want no focus, selection %d and loop %q kept",
			n.Focus, n.Selection, n.Loop, before.Selection, before.Loop)
	}
	if _, ok := session.KeyIntent("Enter"); ok {
		t.Error("Enter outside the canvas still does something")
	}
}
