package scene_test

import (
	"math"
	"testing"

	"ouroboros/wasm/scene"
)

// luminance is c's relative luminance (WCAG 2), alpha aside.
func luminance(c scene.Color) float64 {
	lin := func(v float32) float64 {
		x := float64(v)
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// contrast is the WCAG contrast ratio of a and b.
func contrast(a, b scene.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// TestColoursHaveOneMeaningEach: the loop's reserved colour reads apart
// from the background and from both flows (at least 3:1, so by lightness
// alone, whatever the reader's colour vision), and neither ring of the
// selection or the keyboard's focus is gold, which means money.
func TestColoursHaveOneMeaningEach(t *testing.T) {
	for _, tc := range []struct {
		name string
		a, b scene.Color
	}{
		{"loop on background", scene.LoopColor, scene.Background},
		{"loop against money", scene.LoopColor, scene.MoneyColor},
		{"loop against capacity", scene.LoopColor, scene.CapacityColor},
		{"focus on background", scene.FocusColor, scene.Background},
		{"selection on background", scene.SelectColor, scene.Background},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := contrast(tc.a, tc.b); got < 3 {
				t.Errorf("contrast %.2f:1, want at least 3:1", got)
			}
		})
	}
	if scene.LoopColor.A != 1 {
		t.Errorf("LoopColor alpha %v: a translucent loop mixes with what is under it", scene.LoopColor.A)
	}
	same := func(a, b scene.Color) bool { return a.R == b.R && a.G == b.G && a.B == b.B }
	for name, c := range map[string]scene.Color{"FocusColor": scene.FocusColor, "SelectColor": scene.SelectColor, "EdgeColor": scene.EdgeColor, "LabelInk": scene.LabelInk, "FigureInk": scene.FigureInk} {
		if same(c, scene.LoopColor) {
			t.Errorf("%s is the loop's colour, which is reserved", name)
		}
		if same(c, scene.MoneyColor) {
			t.Errorf("%s is money's gold", name)
		}
	}
}
