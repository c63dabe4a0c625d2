package scene

import (
	"fmt"
	"math"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/session"
)

// KindNotices lists the dataset's kind colours that would hardly show on
// the canvas: a disc, like every mark, needs WCAG's 3:1 against the
// background of the theme it is drawn in. The dark theme draws a kind's
// color, the light one its colorLight (a light colour derived from color
// always reaches 3:1, see lightKind). The dataset stays valid: these are
// notices, located as its problems are, for the desk that made it.
func KindNotices(d *dataset.Dataset) []dataset.Problem {
	var out []dataset.Problem
	for _, k := range d.Kinds {
		if p, low := lowContrast(k.Key, "color", k.Color, k.ColorAt, session.Dark); low {
			out = append(out, p)
		}
		if !k.HasColorLight {
			continue
		}
		if p, low := lowContrast(k.Key, "colorLight", k.ColorLight, k.ColorLightAt, session.Light); low {
			out = append(out, p)
		}
	}
	return out
}

// lowContrast is the notice for kind key's colour c, the value of member
// at offset at, when it is under 3:1 on theme t's canvas.
func lowContrast(key, member string, c dataset.RGB, at int, t session.Theme) (dataset.Problem, bool) {
	bg := PaletteFor(t).Background
	// The ratio is said rounded down: 2.96:1 must not read "3.0:1 … needs 3:1".
	ratio := contrastRGB(c, bg)
	if ratio >= 3 {
		return dataset.Problem{}, false
	}
	way := "lighter"
	if t == session.Light {
		way = "darker"
	}
	b := dataset.RGB{R: to8(float64(bg.R)), G: to8(float64(bg.G)), B: to8(float64(bg.B))}
	return dataset.Problem{
		Path: dataset.MemberPath("kinds", key, member),
		Message: fmt.Sprintf("%s is %.1f:1 against the %s canvas (%s): this kind's discs need 3:1 to be seen there; use a %s colour",
			hex(c), math.Floor(ratio*10)/10, t, hex(b), way),
		Offset: at,
	}, true
}

// contrastRGB is WCAG 2's contrast ratio of c and bg.
func contrastRGB(c dataset.RGB, bg Color) float64 {
	a := luminance(float64(c.R)/255, float64(c.G)/255, float64(c.B)/255)
	b := luminance(float64(bg.R), float64(bg.G), float64(bg.B))
	return (max(a, b) + 0.05) / (min(a, b) + 0.05)
}

// hex writes c as #rrggbb.
func hex(c dataset.RGB) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }
