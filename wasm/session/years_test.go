package session_test

import (
	"testing"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/dataset/datasettest"
	"ouroboros/wasm/session"
)

func dense(t *testing.T, n int) *dataset.Dataset {
	t.Helper()
	d, err := dataset.Load(datasettest.Dense(n))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// A large network's earlier years are counted after the first picture, one
// a tick, each told to the page (ui), so that the first state, which the
// page's ready waits for, does not find their loops (issue 19); a small
// network's are counted as the session is made.
func TestYearsAreCountedOneATickAfterTheFirstPicture(t *testing.T) {
	d := dense(t, 8)
	an := analysis.New(d)
	s := session.New(d, an, session.Options{Select: -1, Story: -1})
	if n := len(an.At(dataset.Date{}).Loops); n <= 1000 {
		t.Fatalf("the dense network has %d loops; the test wants more than 1,000", n)
	}
	ends := an.YearEnds()
	if len(ends) != 3 {
		t.Fatalf("year ends %v, want three", ends)
	}
	built := func() (n int) {
		for _, e := range ends {
			if an.Built(e) {
				n++
			}
		}
		return n
	}
	if got := built(); got != 1 {
		t.Fatalf("%d years counted as the session was made, want 1 (the last, every date's)", got)
	}
	s.SetScreen(screen)
	s.SetLayout(grid(len(d.Entities)), true)
	s.Tick()
	s.Tick()
	if got := built(); got != 1 {
		t.Errorf("%d years counted before the first picture, want 1", got)
	}
	s.Events()
	s.Shown()
	for want := 2; want <= 3; want++ {
		if !s.Moves() {
			t.Errorf("with %d of 3 years counted the session does not move: the engine would idle", built())
		}
		s.Tick()
		if got := built(); got != want {
			t.Fatalf("after %d ticks shown, %d years counted, want %d", want-1, got, want)
		}
		if ev := s.Events(); len(ev) != 1 || ev[0].Type != "ui" {
			t.Errorf("counting a year told the page %v, want one ui event", ev)
		}
	}
	s.Tick()
	if ev := s.Events(); len(ev) != 0 {
		t.Errorf("with every year counted, a tick told the page %v", ev)
	}

	small := datasettest.Bundled(t)
	an = analysis.New(small)
	session.New(small, an, session.Options{Select: -1, Story: -1})
	for _, e := range an.YearEnds() {
		if !an.Built(e) {
			t.Errorf("the bundled network's year to %v is not counted as the session is made", e)
		}
	}
}
