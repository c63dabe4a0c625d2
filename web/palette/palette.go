// Package palette checks the colours readers see: WCAG 2 contrast of text
// and of the marks that carry meaning, and how far apart colours stay for
// readers with a colour vision deficiency. Its tests read the colours in
// use: the page's stylesheet (web/style.css), the canvas' palette
// (wasm/scene) and the datasets' kind colours (data/).
package palette

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// RGBA is an sRGB colour with 8-bit channels and an alpha in [0, 1].
type RGBA struct {
	R, G, B uint8
	A       float64
}

func (c RGBA) String() string {
	if c.A < 1 {
		return fmt.Sprintf("#%02x%02x%02x@%.2f", c.R, c.G, c.B, c.A)
	}
	return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)
}

// ParseHex reads #rgb, #rgba, #rrggbb or #rrggbbaa.
func ParseHex(s string) (RGBA, error) {
	h := strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(h) == 3 || len(h) == 4 {
		var b strings.Builder
		for _, r := range h {
			b.WriteRune(r)
			b.WriteRune(r)
		}
		h = b.String()
	}
	if len(h) != 6 && len(h) != 8 || !strings.HasPrefix(strings.TrimSpace(s), "#") {
		return RGBA{}, fmt.Errorf("%q is not a hex colour", s)
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return RGBA{}, fmt.Errorf("%q is not a hex colour", s)
	}
	if len(h) == 6 {
		v = v<<8 | 0xff
	}
	return RGBA{uint8(v >> 24), uint8(v >> 16), uint8(v >> 8), float64(v&0xff) / 255}, nil
}

// Over composites c over an opaque background.
func (c RGBA) Over(bg RGBA) RGBA {
	m := func(a, b uint8) uint8 { return uint8(math.Round(float64(a)*c.A + float64(b)*(1-c.A))) }
	return RGBA{m(c.R, bg.R), m(c.G, bg.G), m(c.B, bg.B), 1}
}

// Fade is c drawn at opacity o over an opaque background.
func (c RGBA) Fade(o float64, bg RGBA) RGBA {
	c.A *= o
	return c.Over(bg)
}

func linear(v uint8) float64 {
	c := float64(v) / 255
	if c <= 0.04045 {
		return c / 12.92
	}
	return math.Pow((c+0.055)/1.055, 2.4)
}

// Luminance is WCAG 2's relative luminance of an opaque colour.
func Luminance(c RGBA) float64 {
	return 0.2126*linear(c.R) + 0.7152*linear(c.G) + 0.0722*linear(c.B)
}

// Contrast is WCAG 2's contrast ratio of two opaque colours, from 1 to 21.
func Contrast(a, b RGBA) float64 {
	la, lb := Luminance(a), Luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// Deficiency is a colour vision deficiency, simulated at full severity.
type Deficiency struct {
	Name string
	m    [3][3]float64
}

// Deficiencies are Machado, Oliveira and Fernandes' (2009) matrices at
// severity 1.0, applied to linear RGB: the three dichromacies.
var Deficiencies = []Deficiency{
	{"protanopia", [3][3]float64{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}},
	{"deuteranopia", [3][3]float64{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}},
	{"tritanopia", [3][3]float64{{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}}},
}

// Lab is a CIE L*a*b* colour (D65).
type Lab struct{ L, A, B float64 }

// Seen returns the CIE Lab of c as a reader with deficiency d sees it;
// nil d is typical vision.
func Seen(c RGBA, d *Deficiency) Lab {
	rgb := [3]float64{linear(c.R), linear(c.G), linear(c.B)}
	if d != nil {
		var o [3]float64
		for i := range 3 {
			for j := range 3 {
				o[i] += d.m[i][j] * rgb[j]
			}
			o[i] = math.Max(0, math.Min(1, o[i]))
		}
		rgb = o
	}
	x := 0.4124564*rgb[0] + 0.3575761*rgb[1] + 0.1804375*rgb[2]
	y := 0.2126729*rgb[0] + 0.7151522*rgb[1] + 0.0721750*rgb[2]
	z := 0.0193339*rgb[0] + 0.1191920*rgb[1] + 0.9503041*rgb[2]
	f := func(t float64) float64 {
		if t > 216.0/24389 {
			return math.Cbrt(t)
		}
		return (24389.0/27*t + 16) / 116
	}
	fx, fy, fz := f(x/0.95047), f(y), f(z/1.08883)
	return Lab{116*fy - 16, 500 * (fx - fy), 200 * (fy - fz)}
}

// DeltaE76 is the CIE 1976 colour difference: the distance in Lab.
func DeltaE76(a, b Lab) float64 {
	return math.Sqrt((a.L-b.L)*(a.L-b.L) + (a.A-b.A)*(a.A-b.A) + (a.B-b.B)*(a.B-b.B))
}
