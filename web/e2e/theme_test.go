//go:build browser

package e2e_test

import (
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"ouroboros/wasm/scene"
	"ouroboros/wasm/session"
)

// emulateColourScheme asks the page, before it loads, for
// prefers-color-scheme: scheme ("light" or "dark").
func emulateColourScheme(t *testing.T, ctx context.Context, scheme string) {
	t.Helper()
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	}); err != nil {
		t.Fatal(err)
	}
}

// The theme in the link, or else the system's colour scheme, paints the
// canvas and the page: real pixels of the canvas' empty margin and of the
// page's own background (the timeline's strip, the page's colour over
// the canvas) are the theme's background, light or dark, as the program
// says in state().theme. A link's theme wins over the system's.
func TestThemePaintsCanvasAndPage(t *testing.T) {
	for _, tc := range []struct {
		name, scheme, hash string
		want               session.Theme
	}{
		{"link asks light", "dark", "#theme=light", session.Light},
		{"link asks dark over a light system", "light", "#theme=dark", session.Dark},
		{"light system, no theme in the link", "light", "", session.Light},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := openPage(t, 1000, 700, "")
			emulateColourScheme(t, ctx, tc.scheme)
			navigate(t, ctx, twoloopsPath+tc.hash)
			s := ready(t, ctx)
			if got := eval[string](t, ctx, `ouroboros.state().theme`); got != tc.want.String() {
				t.Fatalf("state().theme %q, want %q", got, tc.want)
			}
			if light := eval[bool](t, ctx, `document.documentElement.classList.contains('light')`); light != (tc.want == session.Light) {
				t.Errorf("html.light %v, want the %s theme", light, tc.want)
			}
			bg := scene.PaletteFor(tc.want).Background
			want := [3]uint8{uint8(bg.R*255 + 0.5), uint8(bg.G*255 + 0.5), uint8(bg.B*255 + 0.5)}
			img := screenshot(t, ctx)
			saveShot(t, img, tc.want.String())
			// The canvas' left margin (its padding: nothing is drawn there)
			// half-way down, and the bottom-left corner of the timeline's
			// strip, which the page paints.
			for _, p := range []struct {
				what string
				x, y int
			}{{"the canvas' empty margin", 3, int(s.View.Height / 2)}, {"the page's background", 3, 700 - 3}} {
				r, g, b, _ := img.At(p.x, p.y).RGBA()
				got := [3]uint8{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8)}
				if !near3(got, want, 3) {
					t.Errorf("%s at (%d, %d) is #%02x%02x%02x, want the %s theme's #%02x%02x%02x", p.what, p.x, p.y, got[0], got[1], got[2], tc.want, want[0], want[1], want[2])
				}
				lum := (0.2126*float64(got[0]) + 0.7152*float64(got[1]) + 0.0722*float64(got[2])) / 255
				if light := lum > 0.5; light != (tc.want == session.Light) {
					t.Errorf("%s is %s (%.2f), want %s", p.what, map[bool]string{true: "light", false: "dark"}[light], lum, tc.want)
				}
			}
		})
	}
}

// A bad theme is a notice in the page, located by its parameter, and the
// page still comes up in the system's theme.
func TestBadThemeIsANotice(t *testing.T) {
	ctx := openPage(t, 1000, 700, "")
	emulateColourScheme(t, ctx, "dark")
	navigate(t, ctx, twoloopsPath+"#theme=sepia")
	ready(t, ctx)
	waitJS(t, ctx, "the theme's notice", `[...document.querySelectorAll('#notices p')].some((p) => p.textContent.includes('theme: "sepia" is not a theme'))`)
	if got := eval[string](t, ctx, `ouroboros.state().theme + (document.documentElement.classList.contains('light') ? ' light' : ' dark')`); got != "dark dark" {
		t.Errorf("theme and page %q, want dark dark", got)
	}
}

func near3(a, b [3]uint8, tol int) bool {
	for i := range a {
		if d := int(a[i]) - int(b[i]); d > tol || d < -tol {
			return false
		}
	}
	return true
}

// saveShot writes the screenshot to $OUROBOROS_SHOTS, when it is set, for
// a person to look at.
func saveShot(t *testing.T, img image.Image, name string) {
	dir := os.Getenv("OUROBOROS_SHOTS")
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, fmt.Sprintf("%s-%s.png", filepath.Base(t.Name()), name)))
	if err != nil {
		t.Log(err)
		return
	}
	defer f.Close()
	_ = png.Encode(f, img)
}
