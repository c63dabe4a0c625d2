package scene

import (
	"math"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/session"
)

// Palette is the picture's colours in one theme; the kinds' colours come
// from the dataset (KindColor). web/palette's tests hold every one of them
// to WCAG's contrast: text 4.5:1 on Background, marks 3:1.
type Palette struct {
	// Background is the canvas, and the halo round its text and discs.
	Background Color
	// Edge is the deals' lines, translucent.
	Edge Color
	// Money is the gold of money particles (round).
	Money Color
	// Capacity is the cyan of capacity particles (diamonds).
	Capacity Color
	// Select rings the selected entity.
	Select Color
	// Focus rings the entity the keyboard is on: like the selection's ring
	// but wider and further out, since gold means money.
	Focus Color
	// Loop draws a highlighted loop and rims its figures, and is used for
	// nothing else: at least 3:1 against Background, Money and Capacity,
	// so that it reads apart from both flows by lightness alone, whatever
	// the reader's colour vision.
	Loop Color
	// LabelInk is the names and titles, FigureInk the dimmer figures and
	// subtitles: both sit on Background, with a halo of it where they
	// cross an edge.
	LabelInk, FigureInk Color
}

// PaletteFor returns theme t's palette. The dark one is the project's
// first look; the light one keeps each colour's meaning on a near-white
// canvas: the flows and the kinds darkened to 3:1, the loop's magenta
// the darkest mark, so that it stays 3:1 from both flows.
func PaletteFor(t session.Theme) Palette {
	if t == session.Light {
		return Palette{
			Background: RGBA8(0xf6, 0xf7, 0xfa, 1),
			Edge:       RGBA8(0x3d, 0x48, 0x66, 0.42),
			Money:      RGBA8(0xb0, 0x74, 0x00, 1),
			Capacity:   RGBA8(0x00, 0x88, 0xb0, 1),
			Select:     RGBA8(0x14, 0x1a, 0x2e, 1),
			Focus:      RGBA8(0x14, 0x1a, 0x2e, 1),
			Loop:       RGBA8(0x5c, 0x08, 0x40, 1),
			LabelInk:   RGBA8(0x14, 0x1a, 0x2e, 1),
			FigureInk:  RGBA8(0x4a, 0x55, 0x70, 1),
		}
	}
	return Palette{
		Background: RGBA8(0x0b, 0x10, 0x20, 1),
		Edge:       RGBA8(0x9a, 0xa8, 0xc8, 0.42),
		Money:      RGBA8(0xf2, 0xc1, 0x4e, 1),
		Capacity:   RGBA8(0x4d, 0xd6, 0xff, 1),
		Select:     RGBA8(0xff, 0xff, 0xff, 1),
		Focus:      RGBA8(0xff, 0xff, 0xff, 1),
		// A magenta of relative luminance about 0.148.
		Loop:      RGBA8(0xc4, 0x23, 0x8c, 1),
		LabelInk:  RGBA8(0xe8, 0xec, 0xf5, 1),
		FigureInk: RGBA8(0xa9, 0xb4, 0xcc, 1),
	}
}

// KindColor is kind k's disc colour in theme t, in the 8-bit channels the
// canvas, the legend and the card all show. The dataset's colour is the
// dark theme's; the light theme's is derived from it (lightKind).
func KindColor(k dataset.Kind, t session.Theme) dataset.RGB {
	if t == session.Light {
		// TODO(lead): a dataset's colorLight, once dataset.Kind has it,
		// is taken as it is here instead of the derived colour.
		return lightKind(k.Color, PaletteFor(session.Light).Background)
	}
	return k.Color
}

// markContrast is what lightKind darkens to: WCAG's 3:1 for marks, with a
// margin for the rounding to 8 bits.
const markContrast = 3.05

// lightKind darkens a kind's colour until it stands markContrast from the
// light background bg, in OKLab (Ottosson 2020): only its perceived
// lightness falls, its hue stays, and its chroma shrinks only as far as
// sRGB's gamut makes it. A colour already dark enough is kept.
func lightKind(c dataset.RGB, bg Color) dataset.RGB {
	lbg := luminance(float64(bg.R), float64(bg.G), float64(bg.B))
	enough := func(r, g, b float64) bool { return (lbg+0.05)/(luminance(r, g, b)+0.05) >= markContrast }
	r, g, b := float64(c.R)/255, float64(c.G)/255, float64(c.B)/255
	if enough(r, g, b) {
		return c
	}
	l, a, bb := oklab(r, g, b)
	for l > 0 {
		l -= 0.005
		// Shrink the chroma until the colour is in sRGB's gamut.
		k := 1.0
		r, g, b = fromOklab(l, a*k, bb*k)
		for k > 0 && (r < 0 || g < 0 || b < 0 || r > 1 || g > 1 || b > 1) {
			k -= 0.02
			r, g, b = fromOklab(l, a*k, bb*k)
		}
		out := dataset.RGB{R: to8(r), G: to8(g), B: to8(b)}
		if enough(float64(out.R)/255, float64(out.G)/255, float64(out.B)/255) {
			return out
		}
	}
	return dataset.RGB{}
}

func to8(v float64) uint8 { return uint8(math.Round(math.Max(0, math.Min(1, v)) * 255)) }

// luminance is WCAG 2's relative luminance of sRGB channels in [0, 1].
func luminance(r, g, b float64) float64 {
	return 0.2126*linear(r) + 0.7152*linear(g) + 0.0722*linear(b)
}

func linear(c float64) float64 {
	if c <= 0.04045 {
		return c / 12.92
	}
	return math.Pow((c+0.055)/1.055, 2.4)
}

func gamma(c float64) float64 {
	if c <= 0.0031308 {
		return 12.92 * c
	}
	return 1.055*math.Pow(c, 1/2.4) - 0.055
}

// oklab converts sRGB channels to OKLab (Björn Ottosson, "A perceptual
// color space for image processing", 2020).
func oklab(r, g, b float64) (l, a, bb float64) {
	r, g, b = linear(r), linear(g), linear(b)
	lm := math.Cbrt(0.4122214708*r + 0.5363325363*g + 0.0514459929*b)
	m := math.Cbrt(0.2119034982*r + 0.6806995451*g + 0.1073969566*b)
	s := math.Cbrt(0.0883024619*r + 0.2817188376*g + 0.6299787005*b)
	return 0.2104542553*lm + 0.7936177850*m - 0.0040720468*s,
		1.9779984951*lm - 2.4285922050*m + 0.4505937099*s,
		0.0259040371*lm + 0.7827717662*m - 0.8086757660*s
}

// fromOklab is oklab's inverse; its channels may leave [0, 1].
func fromOklab(l, a, b float64) (r, g, bl float64) {
	lm := l + 0.3963377774*a + 0.2158037573*b
	m := l - 0.1055613458*a - 0.0638541728*b
	s := l - 0.0894841775*a - 1.2914855480*b
	lm, m, s = lm*lm*lm, m*m*m, s*s*s
	return gamma(4.0767416621*lm - 3.3077115913*m + 0.2309699292*s),
		gamma(-1.2684380046*lm + 2.6097574011*m - 0.3413193965*s),
		gamma(-0.0041960863*lm - 0.7034186147*m + 1.7076127010*s)
}
