package main

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

func TestRatio(t *testing.T) {
	tests := []struct {
		name        string
		ours, floor float64
		want        string
	}{
		{"slower", 3000, 2000, "1.50×"},
		{"faster", 1, 4, "0.25×"},
		{"floor zero", 3, 0, "—"},
		{"ours unknown", -1, 2, "—"},
		{"floor unknown", 2, -1, "—"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ratio(tt.ours, tt.floor); got != tt.want {
				t.Errorf("ratio(%v, %v) = %q, want %q", tt.ours, tt.floor, got, tt.want)
			}
		})
	}
}

func TestAllocsPerFrameSubtractsTheReadsOwnCost(t *testing.T) {
	// Two reads at the start 10 apart: a read costs 10; 10 frames later
	// the count is 1010 + 10 (the end read) + 100 (the frames').
	if got := allocsPerFrame(1000, 1010, 1120, 10); got != 10 {
		t.Errorf("got %v per frame, want 10", got)
	}
	if got := allocsPerFrame(1000, 1010, 1015, 10); got != 0 {
		t.Errorf("fewer than the reads' cost: got %v, want 0", got)
	}
	for _, c := range [][4]float64{{-1, -1, 5, 3}, {0, 0, 5, 0}} {
		if got := allocsPerFrame(c[0], c[1], c[2], int(c[3])); got != -1 {
			t.Errorf("allocsPerFrame%v = %v, want -1 (unknown)", c, got)
		}
	}
}

func TestFrameStats(t *testing.T) {
	ms := make([]float64, 100)
	for i := range ms {
		ms[i] = float64(100 - i) // 100 … 1, unsorted
	}
	s := newFrameStats(ms, 2)
	if s.N != 100 || s.Median != 50.5 || s.P95 != 96 || s.Max != 100 || s.Mean != 50.5 {
		t.Errorf("got %+v", s)
	}
	if got := newFrameStats(nil, 2).String(); got != "no frames in 2.0 s" {
		t.Errorf("no frames: %q", got)
	}
}

func TestPhaseRowsRunInTimeWithUnknownMarksKept(t *testing.T) {
	ours := map[string]float64{"wasm-requested": 300, "fcp": 100, "main": 900, "instantiated": 800, "new-phase": 850, "ready": 2000}
	floor := map[string]float64{"fcp": 90, "main": 500, "floor-only": 600, "ready": 700}
	var got []string
	for _, p := range phaseRows(ours, floor) {
		got = append(got, p.mark)
	}
	want := []string{"fcp", "wasm-requested", "floor-only", "instantiated", "new-phase", "main", "ready"}
	if !slices.Equal(got, want) {
		t.Errorf("rows %v, want %v", got, want)
	}
}

func TestWritePhasesAndFigures(t *testing.T) {
	var b bytes.Buffer
	if err := writePhases(&b, "  ", map[string]float64{"main": 900, "ready": 2000}, map[string]float64{"main": 500}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != 3 || !strings.Contains(lines[1], "900") || !strings.Contains(lines[1], "500") ||
		!strings.Contains(lines[2], "+1100") || !strings.Contains(lines[2], "—") {
		t.Errorf("phases table:\n%s", b.String())
	}
	b.Reset()
	figs := result{fcp: 300, ready: 2600, allocs: 0, steady: frameStats{N: 10, Median: 3, P95: 6}}.figures("/", &result{fcp: 100, ready: 2000, allocs: 0, steady: frameStats{N: 10, Median: 2, P95: 3}})
	if err := writeFigures(&b, figs); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"3.00×", "1.30×", "1.50×", "2.00×"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("figures lack %s:\n%s", want, b.String())
		}
	}
}
