package session_test

import (
	"ouroboros/wasm/dataset/datasettest"
	"testing"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/session"
)

func TestStepDate(t *testing.T) {
	d := func(y, m int) dataset.Date { return dataset.Date{Year: y, Month: m} }
	dates := []dataset.Date{d(2024, 1), d(2025, 3), d(2025, 9)}
	for _, tc := range []struct {
		name string
		cur  dataset.Date
		by   int
		want dataset.Date
	}{
		{"forward from all stays", dataset.Date{}, 1, dataset.Date{}},
		{"back from all", dataset.Date{}, -1, d(2025, 3)},
		{"forward", d(2024, 1), 1, d(2025, 3)},
		{"forward from the last returns to all", d(2025, 9), 1, dataset.Date{}},
		{"back", d(2025, 9), -1, d(2025, 3)},
		{"back from the first stays", d(2024, 1), -1, d(2024, 1)},
		{"from between dates", d(2025, 5), 1, d(2025, 9)},
		{"back from between dates", d(2025, 5), -1, d(2024, 1)},
		{"before every date", d(2020, 1), 1, d(2024, 1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := session.StepDate(dates, tc.cur, tc.by); got != tc.want {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestTabOrderAndFocus(t *testing.T) {
	d := datasettest.TwoWay() // b, a
	order := session.TabOrder(d, []float64{5, 12}, nil)
	if len(order) != 2 || order[0] != 1 || order[1] != 0 {
		t.Errorf("order %v, want a (more money) then b", order)
	}
	if got := session.TabOrder(d, []float64{5, 12}, []bool{true, false}); len(got) != 1 || got[0] != 0 {
		t.Errorf("with a hidden: %v", got)
	}
	for _, tc := range []struct {
		name            string
		focus, by, want int
	}{
		{"from none to the first", -1, 1, 1},
		{"on", 1, 1, 0},
		{"round from the last to the first", 0, 1, 1},
		{"back from none to the last", -1, -1, 0},
		{"round from the first back to the last", 1, -1, 0},
		{"from a hidden entity to the first", 7, 1, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := session.Walk(order, tc.focus, tc.by); got != tc.want {
				t.Errorf("Walk(%d, %d) = %d, want %d", tc.focus, tc.by, got, tc.want)
			}
		})
	}
	if got := session.Walk(nil, 0, 1); got != -1 {
		t.Errorf("Walk with nothing to walk = %d, want -1", got)
	}
}

func TestFollow(t *testing.T) {
	links := []session.Link{{0, 1, 5}, {0, 2, 9}, {3, 0, 1}}
	if got := session.Follow(links, 0, true); got != 2 {
		t.Errorf("out of 0: %d, want 2 (the larger)", got)
	}
	if got := session.Follow(links, 0, false); got != 3 {
		t.Errorf("into 0: %d, want 3", got)
	}
	if got := session.Follow(links, 2, true); got != -1 {
		t.Errorf("out of 2: %d, want -1", got)
	}
}
