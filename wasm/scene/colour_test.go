package scene_test

import (
	"math"
	"testing"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/scene"
	"ouroboros/wasm/session"
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

// TestColoursHaveOneMeaningEach: in each theme, the loop's reserved colour
// reads apart from the background and from both flows (at least 3:1, so
// by lightness alone, whatever the reader's colour vision), and neither
// ring of the selection or the keyboard's focus is gold, which means money.
func TestColoursHaveOneMeaningEach(t *testing.T) {
	for _, theme := range []session.Theme{session.Dark, session.Light} {
		p := scene.PaletteFor(theme)
		t.Run(theme.String(), func(t *testing.T) {
			for _, tc := range []struct {
				name string
				a, b scene.Color
			}{
				{"loop on background", p.Loop, p.Background},
				{"loop against money", p.Loop, p.Money},
				{"loop against capacity", p.Loop, p.Capacity},
				{"focus on background", p.Focus, p.Background},
				{"selection on background", p.Select, p.Background},
			} {
				if got := contrast(tc.a, tc.b); got < 3 {
					t.Errorf("%s: contrast %.2f:1, want at least 3:1", tc.name, got)
				}
			}
			if p.Loop.A != 1 {
				t.Errorf("Loop alpha %v: a translucent loop mixes with what is under it", p.Loop.A)
			}
			same := func(a, b scene.Color) bool { return a.R == b.R && a.G == b.G && a.B == b.B }
			for name, c := range map[string]scene.Color{"Focus": p.Focus, "Select": p.Select, "Edge": p.Edge, "LabelInk": p.LabelInk, "FigureInk": p.FigureInk} {
				if same(c, p.Loop) {
					t.Errorf("%s is the loop's colour, which is reserved", name)
				}
				if same(c, p.Money) {
					t.Errorf("%s is money's gold", name)
				}
			}
		})
	}
}

// The themes differ where a reader sees them: a light canvas with dark
// ink, a dark canvas with light ink.
func TestPaletteForTheme(t *testing.T) {
	dark, light := scene.PaletteFor(session.Dark), scene.PaletteFor(session.Light)
	if luminance(dark.Background) > 0.05 || luminance(dark.LabelInk) < 0.5 {
		t.Errorf("dark theme: background %v, ink %v", dark.Background, dark.LabelInk)
	}
	if luminance(light.Background) < 0.85 || luminance(light.LabelInk) > 0.05 {
		t.Errorf("light theme: background %v, ink %v", light.Background, light.LabelInk)
	}
}

// A kind's light colour is its own hue in less light: 3:1 on the light
// canvas, its channels in the same order, and kinds keep their order of
// lightness; the dark theme shows the dataset's colour as it is.
func TestKindColor(t *testing.T) {
	bg := scene.PaletteFor(session.Light).Background
	var last float64
	// From the lightest to the darkest.
	for _, tc := range []struct {
		name string
		in   dataset.RGB
	}{
		{"white", dataset.RGB{R: 0xff, G: 0xff, B: 0xff}},
		{"mint", dataset.RGB{R: 0xba, G: 0xf4, B: 0xb1}},
		{"gold", dataset.RGB{R: 0xf2, G: 0xc1, B: 0x4e}},
		{"violet", dataset.RGB{R: 0x9e, G: 0x82, B: 0xe3}},
		{"slate", dataset.RGB{R: 0x6d, G: 0x7f, B: 0x98}},
		{"navy", dataset.RGB{R: 0x1f, G: 0x3a, B: 0x80}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			k := dataset.Kind{Key: "k", Color: tc.in}
			if got := scene.KindColor(k, session.Dark); got != tc.in {
				t.Errorf("dark: %v, want the dataset's %v", got, tc.in)
			}
			got := scene.KindColor(k, session.Light)
			c := scene.RGBA8(got.R, got.G, got.B, 1)
			if k := contrast(c, bg); k < 3 {
				t.Errorf("light %v on the light canvas: %.2f:1, want 3:1", got, k)
			}
			if tc.in.R != tc.in.G && strongest(tc.in) != strongest(got) {
				t.Errorf("light %v from %v changed its hue", got, tc.in)
			}
			if l := luminance(c); last > 0 && l > last {
				t.Errorf("light %v is lighter than the lighter kind before it", got)
			} else {
				last = l
			}
		})
	}
}

// A kind with its own colorLight is drawn in it on the light theme, as the
// dataset gives it, and in its color on the dark one.
func TestKindColorLightFromTheDataset(t *testing.T) {
	dark, light := dataset.RGB{R: 0xf2, G: 0xc1, B: 0x4e}, dataset.RGB{R: 0x1a, G: 0x3f, B: 0xb0}
	k := dataset.Kind{Key: "k", Color: dark, ColorLight: light, HasColorLight: true}
	if got := scene.KindColor(k, session.Light); got != light {
		t.Errorf("light: %v, want the dataset's colorLight %v", got, light)
	}
	if got := scene.KindColor(k, session.Dark); got != dark {
		t.Errorf("dark: %v, want the dataset's color %v", got, dark)
	}
}

func strongest(c dataset.RGB) int {
	switch {
	case c.R >= c.G && c.R >= c.B:
		return 0
	case c.G >= c.B:
		return 1
	}
	return 2
}

// The look's theme picks the palette the frame is drawn in: a light look
// draws the discs' halos in the light background and the kinds in their
// light colours, and nothing in the dark theme's background or capacity
// cyan; the same frame drawn dark again has no light left.
func TestBuildDrawsTheLooksTheme(t *testing.T) {
	d := tiny()
	b := newRig(d, network(d, dataset.Date{}))
	dark, light := scene.PaletteFor(session.Dark), scene.PaletteFor(session.Light)
	for _, tc := range []struct {
		theme      session.Theme
		want, gone scene.Palette
	}{{session.Light, light, dark}, {session.Dark, dark, light}} {
		t.Run(tc.theme.String(), func(t *testing.T) {
			b.look.Theme = tc.theme
			b.Build(pos, still())
			if countColour(b.Mesh, tc.want.Background) == 0 || countColour(b.Mesh, tc.want.Capacity) == 0 {
				t.Errorf("no halo or kite in the %s palette", tc.theme)
			}
			if n := countColour(b.Mesh, tc.gone.Background) + countColour(b.Mesh, tc.gone.Capacity); n != 0 {
				t.Errorf("%d vertices in the other theme's background or capacity colour", n)
			}
			for i, e := range d.Entities {
				k := scene.KindColor(d.Kinds[e.Kind], tc.theme)
				if got, want := b.DiscColor(i), scene.RGBA8(k.R, k.G, k.B, 1); b.Lit(i) && got != want {
					t.Errorf("%s's disc %v, want its kind's %s colour %v", e.ID, got, tc.theme, want)
				}
			}
		})
	}
}
