package session_test

import (
	"slices"
	"testing"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/dataset/datasettest"
	"ouroboros/wasm/session"
)

// topDeals are the entities of the bundled dataset's top n circular deals
// at every date, in rank order.
func topDeals(t *testing.T, d *dataset.Dataset, n int) [][]int {
	snap := analysis.New(d).At(dataset.Date{})
	var out [][]int
	for _, k := range snap.Circular()[:n] {
		out = append(out, snap.Loops[k].Entities)
	}
	return out
}

// The first picture has the top deal lit: the reading order starts with
// the first tick of a settled layout, not once that picture is on screen,
// so the page's first frame shows what the poster before it showed and the
// next frame need not draw everything again.
func TestTheFirstPictureHasTheTopDealLit(t *testing.T) {
	d := datasettest.Bundled(t)
	opts, _ := session.ParseOptions(d, nil, session.Prefers{})
	s := session.New(d, analysis.New(d), opts)
	s.SetScreen(screen)
	s.SetLayout(grid(len(d.Entities)), true)
	s.Tick()
	if top := topDeals(t, d, 1)[0]; !s.Touring() || !slices.Equal(s.Look().Loop, top) {
		t.Fatalf("first tick: touring %v, lit %v; want the top deal %v lit", s.Touring(), s.Look().Loop, top)
	}
	v := s.Version()
	s.Shown()
	s.Tick()
	if s.Version() != v {
		t.Errorf("the tick after the first picture changed the picture (version %d → %d)", v, s.Version())
	}
	// A layout still settling waits: the tour starts once it has.
	s = session.New(d, analysis.New(d), opts)
	s.SetScreen(screen)
	s.SetLayout(grid(len(d.Entities)), false)
	s.Tick()
	if s.Touring() {
		t.Error("the reading order started before the layout settled")
	}
}

func TestReadingOrderLightsTheTopCircularDealsInTurn(t *testing.T) {
	d := datasettest.Bundled(t)
	s := open(t, d, nil)
	s.Tick()
	top := topDeals(t, d, session.TourDeals)
	// From the first picture, the reading order lights the top deal, then
	// each of the others in rank order, a few seconds each, and comes
	// round again.
	for round := 0; round < 2; round++ {
		for r, want := range top {
			look := s.Look()
			if !slices.Equal(look.Loop, want) || s.TourRank() != r+1 {
				t.Fatalf("round %d: lit %v (rank %d), want the rank %d deal %v", round, look.Loop, s.TourRank(), r+1, want)
			}
			ticks(s, 4*session.TicksPerSecond)
		}
	}
	// A click elsewhere stops it at once and it stays off while the
	// reader is busy...
	do(s, session.Intent{Kind: session.Tap, Entity: -1, Edge: -1})
	if s.Look().Loop != nil || s.Touring() {
		t.Fatalf("after a tap the reading order still lights %v", s.Look().Loop)
	}
	ticks(s, 19*session.TicksPerSecond)
	if s.Touring() {
		t.Fatal("the reading order came back 19 s after the reader's tap, want 20 s")
	}
	// ...and comes back after 20 s of quiet, from the top.
	ticks(s, 2*session.TicksPerSecond)
	if !s.Touring() || !slices.Equal(s.Look().Loop, top[0]) {
		t.Fatalf("20 s after the tap: touring %v, lit %v, want the top deal %v", s.Touring(), s.Look().Loop, top[0])
	}
	// Hovering does not stop it.
	do(s, session.Intent{Kind: session.HoverAt, Entity: 3, Edge: -1})
	if !s.Touring() {
		t.Fatal("hovering stopped the reading order")
	}
}

func TestReadingOrderGivesWayToTheReader(t *testing.T) {
	d := datasettest.Bundled(t)
	for _, tc := range []struct {
		name   string
		params map[string]string
	}{
		{"a selection", map[string]string{"select": "nvidia"}},
		{"a story", map[string]string{"story": d.Stories[0].ID, "step": "1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t, d, tc.params)
			ticks(s, 30*session.TicksPerSecond)
			if s.Touring() {
				t.Errorf("the reading order shows over %s", tc.name)
			}
		})
	}
	// A pause freezes it where it is: the picture does not change.
	s := open(t, d, nil)
	ticks(s, 5*session.TicksPerSecond)
	lit := s.Look().Loop
	do(s, session.Intent{Kind: session.Pause})
	v := s.Version()
	ticks(s, 30*session.TicksPerSecond)
	if !slices.Equal(s.Look().Loop, lit) || s.Version() != v {
		t.Errorf("paused, the reading order moved from %v to %v", lit, s.Look().Loop)
	}
}

func TestReadingOrderWithReducedMotionLightsAllAtOnce(t *testing.T) {
	d := datasettest.Bundled(t)
	s := open(t, d, map[string]string{"motion": "reduced"})
	s.Tick()
	top := topDeals(t, d, session.TourDeals)
	check := func(when string) {
		t.Helper()
		look := s.Look()
		if look.Loop != nil || len(look.Loops) != len(top) {
			t.Fatalf("%s: Loop %v and %d loops lit, want none and all %d top deals together", when, look.Loop, len(look.Loops), len(top))
		}
		for r := range top {
			if !slices.Equal(look.Loops[r], top[r]) {
				t.Errorf("%s: loop %d lit is %v, want %v", when, r, look.Loops[r], top[r])
			}
		}
	}
	check("at once")
	v := s.Version()
	ticks(s, 30*session.TicksPerSecond)
	check("30 s later")
	if s.Version() != v {
		t.Error("with reduced motion the reading order changed the picture while nobody touched it")
	}
}
