//go:build browser

package e2e_test

import (
	"context"
	"math"
	"testing"

	"github.com/chromedp/chromedp"
)

// A page where nothing moves (reduced motion, or paused) stops running the
// program's frames, and wakes for the page's commands and for real clicks.
// In reduced motion the tick shows whether Update runs (it counts every
// Update that is not paused); paused, it stands still either way, so that
// case checks that the page still wakes.
func TestStillPageSleepsAndWakes(t *testing.T) {
	for _, tc := range []struct{ name, path string }{
		{"reduced motion", "/?data=data/examples/twoloops.json&motion=reduced"},
		{"paused", "/?data=data/examples/twoloops.json"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := openPage(t, 960, 640, tc.path)
			s := ready(t, ctx)
			if tc.name == "paused" {
				if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`ouroboros.send({type: 'pause'})`)); err != nil {
					t.Fatal(err)
				}
			}
			asleep := waitQuiet(t, ctx)

			// A command from the page wakes it.
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`ouroboros.send({type: 'select', id: 'vega-ai'})`)); err != nil {
				t.Fatal(err)
			}
			waitSelection(t, ctx, "vega-ai")
			if again := waitQuiet(t, ctx); tc.name == "reduced motion" && again <= asleep {
				t.Errorf("tick %d after the command, %d before: want the program to have run", again, asleep)
			}
			// It sleeps with the new picture: the selection ring is drawn.
			if n := ringPoints(t, ctx, "vega-ai"); n < 20 {
				t.Errorf("%d of 63 points round vega-ai are white, want its selection ring", n)
			}
			// A real click on empty canvas (left of the card) wakes it too.
			x, y := emptySpot(t, s)
			if err := chromedp.Do(ctx, chromedp.MouseClickXY(x, y)); err != nil {
				t.Fatal(err)
			}
			waitSelection(t, ctx, "")
			waitQuiet(t, ctx)
			if n := ringPoints(t, ctx, "vega-ai"); n > 5 {
				t.Errorf("%d of 63 points round vega-ai are white, want the ring gone", n)
			}
		})
	}
}

// ringPoints counts the white pixels of the screenshot on the circle where
// entity id's selection ring is drawn.
func ringPoints(t *testing.T, ctx context.Context, id string) int {
	t.Helper()
	s := state(t, ctx)
	x, y, r := entityOnScreen(t, s, id)
	img := screenshot(t, ctx)
	scale := float64(img.Bounds().Dx()) / s.View.Width
	n := 0
	for a := 0.0; a < 6.28; a += 0.1 {
		px := img.At(int((x+(r+4)*math.Cos(a))*scale), int((y+(r+4)*math.Sin(a))*scale))
		if cr, cg, cb, _ := px.RGBA(); cr>>8 > 0xd0 && cg>>8 > 0xd0 && cb>>8 > 0xd0 {
			n++
		}
	}
	return n
}

// emptySpot finds a point in the left half of the screen, below the title,
// at least 40 CSS pixels from every entity's disc.
func emptySpot(t *testing.T, s pageState) (float64, float64) {
	t.Helper()
	for y := 120.0; y < s.View.Height-80; y += 10 {
	next:
		for x := 20.0; x < s.View.Width/2; x += 10 {
			for _, e := range s.View.Entities {
				if math.Hypot(e.X-x, e.Y-y) < e.R+40 {
					continue next
				}
			}
			return x, y
		}
	}
	t.Fatal("no empty spot on the canvas")
	return 0, 0
}
