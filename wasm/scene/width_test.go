package scene_test

import (
	"testing"

	"ouroboros/wasm/scene"
)

func TestEdgeWidthGrowsByTheSameStepPerDecade(t *testing.T) {
	max := 300e9
	w300, w30, w3 := scene.EdgeWidthCSS(300e9, max), scene.EdgeWidthCSS(30e9, max), scene.EdgeWidthCSS(3e9, max)
	if w300 < 13.9 || w300 > 14.1 {
		t.Errorf("largest edge is %.2f px wide, want 14", w300)
	}
	if d1, d2 := w300-w30, w30-w3; d1 < 4 || d2 < 4 || d1-d2 > 1e-9 || d2-d1 > 1e-9 {
		t.Errorf("steps per decade %.2f and %.2f px: want equal and at least 4", d1, d2)
	}
	if w := scene.EdgeWidthCSS(0, max); w != 1.5 {
		t.Errorf("undisclosed edge is %.2f px wide, want 1.5", w)
	}
	if w := scene.EdgeWidthCSS(1e6, max); w != 1.5 {
		t.Errorf("an edge five decades down is %.2f px wide, want the floor 1.5", w)
	}
}

func TestReferenceAmounts(t *testing.T) {
	got := scene.ReferenceAmounts(310e9)
	want := [3]float64{300e9, 30e9, 3e9}
	if got != want {
		t.Errorf("ReferenceAmounts(310e9) = %v, want %v", got, want)
	}
}
