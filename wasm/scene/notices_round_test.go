package scene

import (
	"strings"
	"testing"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/session"
)

// A colour just under 3:1 is said to be under it: its ratio is rounded
// down, never up to "3.0:1".
func TestLowContrastRoundsDown(t *testing.T) {
	for _, theme := range []session.Theme{session.Dark, session.Light} {
		found := false
		for v := 0; v < 256; v++ {
			c := dataset.RGB{R: uint8(v), G: uint8(v), B: uint8(v)}
			r := contrastRGB(c, PaletteFor(theme).Background)
			if r < 2.95 || r >= 3 {
				continue
			}
			found = true
			p, ok := lowContrast("chips", "color", c, 0, theme)
			if !ok {
				t.Fatalf("%s: %v at %.3f:1 is no notice", theme, c, r)
			}
			if !strings.Contains(p.Message, " is 2.9:1 ") {
				t.Errorf("%s: %v at %.3f:1 says %q, want 2.9:1", theme, c, r, p.Message)
			}
		}
		if !found {
			t.Fatalf("%s: no grey between 2.95:1 and 3:1 to try", theme)
		}
	}
}
