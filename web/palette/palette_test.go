package palette_test

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/scene"
	"ouroboros/wasm/session"
	"ouroboros/web/palette"
)

// WCAG 2.1: text at least 4.5:1 (1.4.3), the marks and focus rings that
// carry meaning at least 3:1 (1.4.11).
const (
	textContrast    = 4.5
	graphicContrast = 3
)

// minDeltaE is the least CIE76 difference between two kind colours, for
// typical vision and under each simulated dichromacy. 2.3 is a
// just-noticeable difference for large patches side by side; discs a few
// pixels wide, seen apart, need several times that, so 12 (about five
// JNDs) is asked. The bundled palette's worst pair under any simulation is
// 16, Tableau 10's three colours in the examples 15.
const minDeltaE = 12

// minDerivedDeltaE is minDeltaE for the light theme's kind colours, which
// scene.KindColor derives from the dark ones by darkening: the light
// canvas leaves marks less lightness to differ by (3:1 on near-white),
// and the nearest pairs come to ΔE 10 to 12 under a dichromacy
// (ai-compute's investor and datacenter 10.2 for protanopia, the
// examples' Tableau blue and green 10.0 for tritanopia). Darkening each
// kind only to 3:1 would bring them to 5: this floor fails then. A dataset's own light colours (colorLight, to come in
// dataset.Kind) will be held to minDeltaE.
const minDerivedDeltaE = 9.5

func TestContrastAndDeltaE(t *testing.T) {
	white, black := must(palette.ParseHex("#fff")), must(palette.ParseHex("#000000"))
	if c := palette.Contrast(white, black); math.Abs(c-21) > 1e-9 {
		t.Errorf("white on black %v, want 21", c)
	}
	// WebAIM's contrast checker: #767676 on white is 4.54:1.
	if c := palette.Contrast(must(palette.ParseHex("#767676")), white); math.Abs(c-4.54) > 0.01 {
		t.Errorf("#767676 on white %v, want 4.54", c)
	}
	if c := palette.Contrast(white, white); c != 1 {
		t.Errorf("white on white %v", c)
	}
	half := must(palette.ParseHex("#ffffff80")).Over(black)
	if half.R != 128 || half.A != 1 {
		t.Errorf("50%% white over black = %v", half)
	}
	// Red and green, far apart for typical vision, come close for a
	// deuteranope; blue and yellow stay apart.
	red, green := must(palette.ParseHex("#d62728")), must(palette.ParseHex("#2ca02c"))
	deut := &palette.Deficiencies[1]
	if n, d := palette.DeltaE76(palette.Seen(red, nil), palette.Seen(green, nil)), palette.DeltaE76(palette.Seen(red, deut), palette.Seen(green, deut)); d > n/3 {
		t.Errorf("red–green ΔE %v for typical vision, %v for deuteranopia; want it to collapse", n, d)
	}
	if l := palette.Seen(white, nil); math.Abs(l.L-100) > 0.01 || math.Abs(l.A) > 0.01 || math.Abs(l.B) > 0.01 {
		t.Errorf("white in Lab %+v", l)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// textless are the rules whose elements hold no text: their backgrounds
// are marks (bars, swatches, the legend's shapes), never behind text.
var textless = map[string]bool{
	".bar": true, "#bar-fill": true, ".swatch": true, ".shape-money": true, ".shape-capacity": true, "#help::backdrop": true,
	// The phone's caption sheet's grab handle, the story's progress dots
	// and the kiosk's range thumb and track.
	"#caption .grip":            true,
	"#step-dots button::before": true, `#step-dots button[aria-current="step"]::before`: true,
	"html.kiosk #scrub::-webkit-slider-thumb": true, "html.kiosk #scrub::-moz-range-thumb": true,
	"html.kiosk #scrub::-webkit-slider-runnable-track": true, "html.kiosk #scrub::-moz-range-track": true,
}

type rule struct {
	palette.Rule
	color, bg    palette.RGBA
	hasColor     bool
	hasBg        bool
	opacity      float64
	exemptReason string
}

// Every text colour of the page against every background it can sit on,
// translucent panels composited over the page's background, faded
// controls as faded; and the focus ring against every background.
// Each theme is checked with its own custom properties (themes).
func TestPageContrast(t *testing.T) {
	for _, th := range themes {
		t.Run(th.theme.String(), func(t *testing.T) {
			css := readPageCSS(t, th.selector)
			surfaces := css.surfaces()
			checked := css.checkTexts(t, surfaces)
			checked += css.checkFaded(t, surfaces)
			rings := css.checkRings(t, surfaces)
			if rings == 0 || len(surfaces) < 5 || checked < 50 {
				t.Errorf("only %d rings, %d surfaces and %d pairs found in web/style.css: is the parser reading it?", rings, len(surfaces), checked)
			}
			// The page around the canvas is the canvas' own background.
			if bg := rgba(scene.PaletteFor(th.theme).Background); css.page != bg {
				t.Errorf("--bg %v, want the canvas' background %v", css.page, bg)
			}
			t.Logf("%d text/background pairs, %d surfaces, %d focus rings", checked, len(surfaces), rings)
		})
	}
}

// themes are the page's themes and the selector that declares each one's
// custom properties over :root's (web/style.css; web/theme.js sets the
// class).
var themes = []struct {
	theme    session.Theme
	selector string
}{{session.Dark, ":root"}, {session.Light, "html.light"}}

// Every colour of the page is a custom property that each theme declares:
// a literal colour in a rule, or a property only one theme sets, would be
// the same in both themes, and the checks above would read one theme's
// colour as the other's.
func TestThemesDeclareEveryColour(t *testing.T) {
	b, err := os.ReadFile("../style.css")
	if err != nil {
		t.Fatal(err)
	}
	rules, err := palette.ParseCSS(string(b))
	if err != nil {
		t.Fatal(err)
	}
	declared := map[string]map[string]bool{}
	literal := regexp.MustCompile(`#[0-9a-fA-F]{3,8}\b|\b(rgba?|hsla?)\(`)
	for _, r := range rules {
		for k, v := range r.Decls {
			if strings.HasPrefix(k, "--") {
				if declared[r.Selector] == nil {
					declared[r.Selector] = map[string]bool{}
				}
				declared[r.Selector][k] = true
				continue
			}
			// A mask's black is its opacity, not a colour anyone sees.
			if literal.MatchString(v) && !strings.HasSuffix(k, "mask-image") {
				t.Errorf("%s { %s: %s }: a literal colour; use a theme's custom property", r.Selector, k, v)
			}
		}
	}
	dark, light := palette.ThemeVars(rules, ":root"), declared["html.light"]
	if len(light) < 10 {
		t.Fatalf("html.light declares only %v", light)
	}
	for k, v := range dark {
		if _, isColour, _ := palette.Colour(v, dark); isColour && !light[k] {
			t.Errorf("%s (%s) has no light value in html.light", k, v)
		}
	}
	for k := range light {
		if _, ok := dark[k]; !ok {
			t.Errorf("html.light sets %s, which :root does not", k)
		}
	}
}

// pageCSS is web/style.css read for its colours: the page's background
// and ink, and every rule's colour, background and opacity.
type pageCSS struct {
	page, ink palette.RGBA
	rules     []rule
	// colour resolves a CSS value (var() included) to a colour; false when
	// it is not one.
	colour func(v string) (palette.RGBA, bool)
}

func readPageCSS(t *testing.T, theme string) *pageCSS {
	t.Helper()
	css, err := os.ReadFile("../style.css")
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := palette.ParseCSS(string(css))
	if err != nil {
		t.Fatalf("web/style.css: %v", err)
	}
	vars := palette.ThemeVars(parsed, theme)
	p := &pageCSS{colour: func(v string) (palette.RGBA, bool) {
		c, ok, err := palette.Colour(v, vars)
		if err != nil {
			t.Fatalf("web/style.css: %v", err)
		}
		return c, ok
	}}
	var ok, ok2 bool
	p.page, ok = p.colour("var(--bg)")
	p.ink, ok2 = p.colour("var(--ink)")
	if !ok || !ok2 {
		t.Fatal("web/style.css has no --bg or --ink")
	}
	for _, r := range parsed {
		x := rule{Rule: r, opacity: 1}
		if v, ok := r.Decls["color"]; ok {
			x.color, x.hasColor = p.colour(v)
		}
		for _, prop := range []string{"background", "background-color"} {
			if v, ok := r.Decls[prop]; ok {
				if c, ok := p.colour(v); ok {
					x.bg, x.hasBg = c.Over(p.page), true
				}
			}
		}
		if v, ok := r.Decls["opacity"]; ok {
			if _, err := fmtSscan(v, &x.opacity); err != nil {
				t.Fatalf("%s: opacity %q", r.Selector, v)
			}
		}
		p.rules = append(p.rules, x)
	}
	return p
}

// surfaces are the surfaces text sits on: the page, and the backgrounds of
// every rule that does not paint its own special text colour on it.
func (p *pageCSS) surfaces() map[string]palette.RGBA {
	surfaces := map[string]palette.RGBA{"the page (--bg)": p.page}
	for _, r := range p.rules {
		if !r.hasBg || textless[r.Selector] {
			continue
		}
		if !r.hasColor || r.color == p.ink {
			surfaces[r.Selector] = r.bg
		}
	}
	return surfaces
}

// checkTexts checks each rule's text on its own background, and the text
// colours that sit on any surface (the inherited ink, --dim, the colours
// of rules with no background of their own) on every surface. It returns
// the number of pairs checked.
func (p *pageCSS) checkTexts(t *testing.T, surfaces map[string]palette.RGBA) int {
	t.Helper()
	texts := map[string]palette.RGBA{"the page's ink (--ink)": p.ink}
	if dim, ok := p.colour("var(--dim)"); ok {
		texts["--dim"] = dim
	}
	checked := 0
	for _, r := range p.rules {
		switch {
		case r.hasColor && r.hasBg:
			checked++
			if c := palette.Contrast(r.color, r.bg); c < textContrast {
				t.Errorf("%s: %v on %v is %.2f:1, want %.1f", r.Selector, r.color, r.bg, c, textContrast)
			}
		case r.hasColor:
			texts[r.Selector] = r.color.Over(p.page)
		}
	}
	for tn, tc := range texts {
		for sn, sc := range surfaces {
			checked++
			if c := palette.Contrast(tc, sc); c < textContrast {
				t.Errorf("text %s %v on %s %v is %.2f:1, want %.1f", tn, tc, sn, sc, c, textContrast)
			}
		}
	}
	return checked
}

// checkFaded checks that faded controls (opacity) stay readable on every
// surface, except disabled ones, which WCAG exempts. It returns the number
// of pairs checked.
func (p *pageCSS) checkFaded(t *testing.T, surfaces map[string]palette.RGBA) int {
	t.Helper()
	checked := 0
	for _, r := range p.rules {
		if r.opacity >= 1 || strings.Contains(r.Selector, ":disabled") {
			continue
		}
		fg, bg := p.ink, palette.RGBA{}
		hasBg := false
		for _, base := range p.rules {
			if base.Selector != r.Selector && strings.HasPrefix(r.Selector, base.Selector) {
				if base.hasColor {
					fg = base.color
				}
				if base.hasBg {
					bg, hasBg = base.bg, true
				}
			}
		}
		if r.hasColor {
			fg = r.color
		}
		for sn, behind := range surfaces {
			own := behind
			if hasBg {
				own = bg
			}
			checked++
			f, b := fg.Fade(r.opacity, behind), own.Fade(r.opacity, behind)
			if c := palette.Contrast(f, b); c < textContrast {
				t.Errorf("%s at opacity %v on %s: %v on %v is %.2f:1, want %.1f", r.Selector, r.opacity, sn, f, b, c, textContrast)
			}
		}
	}
	return checked
}

// checkRings checks the focus rings against every surface, and returns how
// many rings it found.
func (p *pageCSS) checkRings(t *testing.T, surfaces map[string]palette.RGBA) int {
	t.Helper()
	rings := 0
	for _, r := range p.rules {
		v, ok := r.Decls["outline"]
		if !ok || v == "none" {
			continue
		}
		for _, word := range strings.Fields(v) {
			if c, ok := p.colour(word); ok {
				rings++
				for sn, sc := range surfaces {
					if k := palette.Contrast(c, sc); k < graphicContrast {
						t.Errorf("%s: focus ring %v on %s %v is %.2f:1, want %v", r.Selector, c, sn, sc, k, graphicContrast)
					}
				}
			}
		}
	}
	return rings
}

func rgba(c scene.Color) palette.RGBA {
	return palette.RGBA{R: uint8(math.Round(float64(c.R) * 255)), G: uint8(math.Round(float64(c.G) * 255)), B: uint8(math.Round(float64(c.B) * 255)), A: 1}
}

// The canvas, in each theme: names, titles and figures on its background
// (each drawn with a halo of it); money and capacity marks as graphics.
func TestCanvasContrast(t *testing.T) {
	for _, th := range themes {
		p := scene.PaletteFor(th.theme)
		bg := rgba(p.Background)
		for name, c := range map[string]scene.Color{"labels and title": p.LabelInk, "figures and subtitle": p.FigureInk} {
			if k := palette.Contrast(rgba(c), bg); k < textContrast {
				t.Errorf("%s: %s %v on the canvas %v: %.2f:1, want %.1f", th.theme, name, rgba(c), bg, k, textContrast)
			}
		}
		for name, c := range map[string]scene.Color{"money": p.Money, "capacity": p.Capacity, "selection ring": p.Select, "focus ring": p.Focus, "loop": p.Loop} {
			if k := palette.Contrast(rgba(c), bg); k < graphicContrast {
				t.Errorf("%s: %s %v on the canvas: %.2f:1, want %v", th.theme, name, rgba(c), k, graphicContrast)
			}
		}
	}
}

// Every shipped dataset's kinds, in each theme: each disc stands out from
// the canvas, and any two kinds stay apart for typical vision and for each
// dichromacy.
func TestKindColours(t *testing.T) {
	files, _ := filepath.Glob("../../data/examples/*.json")
	files = append(files, "../../data/ai-compute.json")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := dataset.Load(b)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, th := range themes {
			bg := rgba(scene.PaletteFor(th.theme).Background)
			least := float64(minDeltaE)
			if th.theme == session.Light {
				least = minDerivedDeltaE
			}
			t.Run(filepath.Base(f)+"/"+th.theme.String(), func(t *testing.T) {
				colours := make([]palette.RGBA, len(d.Kinds))
				for i, k := range d.Kinds {
					c := scene.KindColor(k, th.theme)
					colours[i] = palette.RGBA{R: c.R, G: c.G, B: c.B, A: 1}
					if c := palette.Contrast(colours[i], bg); c < graphicContrast {
						t.Errorf("kind %s %v on the canvas: %.2f:1, want %v", k.Key, colours[i], c, graphicContrast)
					}
				}
				for _, def := range append([]*palette.Deficiency{nil}, deficiencies()...) {
					name := "typical vision"
					if def != nil {
						name = def.Name
					}
					worst := math.Inf(1)
					for i := range colours {
						for j := i + 1; j < len(colours); j++ {
							de := palette.DeltaE76(palette.Seen(colours[i], def), palette.Seen(colours[j], def))
							worst = math.Min(worst, de)
							if de < least {
								t.Errorf("%s: kinds %s %v and %s %v are ΔE %.1f apart, want %v", name, d.Kinds[i].Key, colours[i], d.Kinds[j].Key, colours[j], de, least)
							}
						}
					}
					t.Logf("%s: nearest kinds ΔE %.1f", name, worst)
				}
			})
		}
	}
}

func deficiencies() []*palette.Deficiency {
	var out []*palette.Deficiency
	for i := range palette.Deficiencies {
		out = append(out, &palette.Deficiencies[i])
	}
	return out
}

func fmtSscan(s string, v *float64) (int, error) { return fmt.Sscan(s, v) }
