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
// dark theme's; the light theme's is the dataset's colorLight when it has
// one, taken as it is, else derived from the dark one (lightKind).
func KindColor(k dataset.Kind, t session.Theme) dataset.RGB {
	if t == session.Light {
		if k.HasColorLight {
			return k.ColorLight
		}
		return lightKind(k.Color, PaletteFor(session.Light).Background)
	}
	return k.Color
}

// markContrast is what lightKind darkens to: WCAG's 3:1 for marks, with a
// margin for the rounding to 8 bits.
const markContrast = 3.05

// lightKind is a kind's colour on the light background bg: the colour in
// less light, each channel's linear intensity scaled by the one factor
// that would put white at markContrast from bg (then a little more, should
// rounding leave it short). Its hue and saturation stay, and so do the
// kinds' lightness ratios, which is what tells them apart to readers with
// a colour vision deficiency: darkening each kind only to the threshold
// would give them all one lightness, and (tried) brought the bundled
// palette's nearest pair under protanopia from ΔE 16 to 5; this way it is
// 10.
func lightKind(c dataset.RGB, bg Color) dataset.RGB {
	lbg := luminance(float64(bg.R), float64(bg.G), float64(bg.B))
	r, g, b := linear(float64(c.R)/255), linear(float64(c.G)/255), linear(float64(c.B)/255)
	for f := (lbg+0.05)/markContrast - 0.05; f > 0; f -= 0.005 {
		out := dataset.RGB{R: to8(gamma(r * f)), G: to8(gamma(g * f)), B: to8(gamma(b * f))}
		y := luminance(float64(out.R)/255, float64(out.G)/255, float64(out.B)/255)
		if (lbg+0.05)/(y+0.05) >= markContrast {
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

// linear and gamma convert an sRGB channel to linear intensity and back.
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
