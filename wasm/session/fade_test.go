package session_test

import (
	"strings"
	"testing"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/session"
)

func TestFadeMixesInAndOut(t *testing.T) {
	var f session.Fade
	if f.Active() || f.Mix() != 1 {
		t.Fatalf("the zero fade is active or not at its target: mix %v", f.Mix())
	}
	tests := []struct {
		name  string
		ticks int
		want  []float64 // Progress after each Next
	}{
		{"cut", 0, []float64{1}},
		{"one tick", 1, []float64{1}},
		{"four ticks", 4, []float64{0.25, 0.5, 0.75, 1}},
	}
	for _, tt := range tests {
		f.Start(tt.ticks)
		if tt.ticks > 1 && f.Mix() != 0 {
			t.Errorf("%s: mix %v before the first tick, want 0", tt.name, f.Mix())
		}
		var got []float64
		for f.Active() {
			got = append(got, f.Next())
		}
		if len(got) != len(tt.want) {
			t.Fatalf("%s: progress %v, want %v", tt.name, got, tt.want)
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s: progress %v, want %v", tt.name, got, tt.want)
			}
		}
		if f.Mix() != 1 || f.Next() != 1 {
			t.Errorf("%s: ends at mix %v, want exactly 1", tt.name, f.Mix())
		}
	}
	// Eased: slow to leave and slow to arrive, passing through the middle.
	f.Start(10)
	var mixes []float64
	for f.Active() {
		f.Next()
		mixes = append(mixes, f.Mix())
	}
	if !(mixes[0] > 0 && mixes[0] < 0.1 && mixes[4] == 0.5 && mixes[8] > 0.9 && mixes[8] < 1) {
		t.Errorf("mixes %v are not eased from 0 to 1", mixes)
	}
	f.Start(10)
	f.Next()
	f.Stop()
	if f.Active() || f.Mix() != 1 {
		t.Errorf("a stopped fade is active or not at its target: mix %v", f.Mix())
	}
}

func TestDateOnPathStepsThroughTheDatesBetween(t *testing.T) {
	d := func(s string) dataset.Date {
		if s == "" {
			return dataset.Date{}
		}
		x, err := dataset.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	dates := []dataset.Date{d("2024-01"), d("2024-06"), d("2025-01"), d("2025-03"), d("2025-09")}
	tests := []struct {
		name     string
		from, to string
		want     string // the dates shown at s = 0, 0.1, 0.2 … 1, joined
	}{
		{"forward through three dates", "2024-01", "2025-09",
			"2024-01 2024-01 2024-01 2024-06 2024-06 2025-01 2025-01 2025-01 2025-03 2025-03 2025-09"},
		{"backward, deals go in reverse order", "2025-09", "2024-01",
			"2025-09 2025-09 2025-09 2025-03 2025-03 2025-01 2025-01 2025-01 2024-06 2024-06 2024-01"},
		{"to every date", "2025-01", "",
			"2025-01 2025-01 2025-01 2025-01 2025-03 2025-03 2025-03 2025-09 2025-09 2025-09 all"},
		{"from every date", "", "2025-01",
			"all all all all 2025-09 2025-09 2025-09 2025-03 2025-03 2025-03 2025-01"},
		{"between dataset dates", "2024-03", "2025-02",
			"2024-03 2024-03 2024-03 2024-03 2024-06 2024-06 2024-06 2025-01 2025-01 2025-01 2025-02"},
		{"neighbours: a cut at the end", "2025-01", "2025-03",
			"2025-01 2025-01 2025-01 2025-01 2025-01 2025-01 2025-01 2025-01 2025-01 2025-01 2025-03"},
		{"same date", "2025-01", "2025-01",
			"2025-01 2025-01 2025-01 2025-01 2025-01 2025-01 2025-01 2025-01 2025-01 2025-01 2025-01"},
	}
	for _, tt := range tests {
		var got []string
		for i := 0; i <= 10; i++ {
			x := session.DateOnPath(dates, d(tt.from), d(tt.to), float64(i)/10)
			s := x.String()
			if x.IsZero() {
				s = "all"
			}
			got = append(got, s)
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, g, tt.want)
		}
	}
	if x := session.DateOnPath(nil, d("2024-01"), d("2025-01"), 0.5); x != d("2024-01") {
		t.Errorf("with no dates, half way shows %v, want the start (a cut at the end)", x)
	}
	if n := testing.AllocsPerRun(100, func() { session.DateOnPath(dates, d("2024-01"), d(""), 0.5) }); n != 0 {
		t.Errorf("DateOnPath allocates %v times a call", n)
	}
}
