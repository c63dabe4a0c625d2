//go:build browser

package e2e_test

import (
	"fmt"
	"image"
	"math"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"ouroboros/wasm/scene"
	"ouroboros/wasm/session"
)

// The first view's promise (issue 16), checked through geometry() and the
// screenshot's pixels at a phone's, a small phone's, a laptop's and a big
// screen's size, on the bundled dataset and on a generated one: the top
// circular deals are in view and clear of the page's chrome, the deal the
// reading order lights carries its amounts on every hop, no two labels
// overlap, and the loop's reserved colour marks that ring and nothing else.

// ranked are the circular deals of a state by rank, from 1.
func ranked(s pageState) map[int]loopState {
	out := map[int]loopState{}
	for _, l := range s.Loops {
		if l.Kind == "circular" && l.Rank != nil {
			out[*l.Rank] = l
		}
	}
	return out
}

func TestLoopsAtFirstSight(t *testing.T) {
	for _, size := range [][2]int64{{320, 568}, {390, 844}, {1280, 800}, {1920, 1080}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			ctx := openPageFor(t, size[0], size[1], 1, "", 4*time.Minute)
			for _, path := range []string{"/", "/?data=" + generatedPath[1:]} {
				navigate(t, ctx, path)
				ready(t, ctx)
				// The reading order lights a top deal; pausing holds it.
				waitState(t, ctx, "the reading order to light a circular deal", func(s pageState) bool {
					return s.View.Touring && s.View.TourRank > 0 && !s.View.Moving
				})
				if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`ouroboros.send({type: 'pause'})`)); err != nil {
					t.Fatal(err)
				}
				s := waitState(t, ctx, "the pause", func(s pageState) bool { return s.Paused })
				g := geometryNow(t, ctx)
				img := screenshot(t, ctx)
				checkFirstSight(t, path, s, g, img)
			}
		})
	}
}

func checkFirstSight(t *testing.T, path string, s pageState, g pageGeometry, img image.Image) {
	t.Helper()
	deals := ranked(s)
	if len(deals) < 3 {
		t.Fatalf("%s: %d circular deals in state(), want at least 3", path, len(deals))
	}
	at := map[string]int{}
	for i, e := range g.Entities {
		at[e.ID] = i
	}
	// The members of the top three are drawn, in the canvas, under no chrome.
	for r := 1; r <= 3; r++ {
		for _, id := range deals[r].Entities {
			i, ok := at[id]
			if !ok {
				t.Errorf("%s: %s (circular deal %d) is not in geometry()", path, id, r)
				continue
			}
			e := g.Entities[i]
			disc := geomBox{e.X - e.R, e.Y - e.R, 2 * e.R, 2 * e.R}
			if !e.Visible || !disc.inside(g.Canvas) {
				t.Errorf("%s: %s (circular deal %d) at (%.0f, %.0f) r %.0f is not visible inside the canvas %+v", path, id, r, e.X, e.Y, e.R, g.Canvas)
			}
			for _, c := range g.Chrome {
				if disc.overlaps(c.geomBox) {
					t.Errorf("%s: %s (circular deal %d) at (%.0f, %.0f) lies under the %s %+v", path, id, r, e.X, e.Y, c.Name, c.geomBox)
				}
			}
		}
	}
	// The reading sentence keeps its own room: no disc lies under it.
	for _, c := range g.Chrome {
		if c.Name != "headline" {
			continue
		}
		for _, e := range g.Entities {
			if disc := (geomBox{e.X - e.R, e.Y - e.R, 2 * e.R, 2 * e.R}); e.Visible && disc.overlaps(c.geomBox) {
				t.Errorf("%s: %s at (%.0f, %.0f) lies under the reading sentence %+v", path, e.ID, e.X, e.Y, c.geomBox)
			}
		}
	}
	// Every hop of the lit deal carries its amount.
	lit := deals[s.View.TourRank]
	for i, from := range lit.Entities {
		to := lit.Entities[(i+1)%len(lit.Entities)]
		found := false
		for _, l := range g.EdgeLabels {
			found = found || l.From == from && l.To == to && l.Text != ""
		}
		if !found {
			t.Errorf("%s: the lit circular deal %v has no amount on its hop %s → %s; edge labels: %+v", path, lit.Entities, from, to, g.EdgeLabels)
		}
	}
	// No label overlaps another or leaves the canvas.
	var boxes []geomBox
	var names []string
	for _, e := range g.Entities {
		if e.Label != nil {
			boxes, names = append(boxes, *e.Label), append(names, e.ID)
		}
	}
	for _, l := range g.EdgeLabels {
		boxes, names = append(boxes, l.geomBox), append(names, l.From+"→"+l.To+" "+l.Text)
	}
	for i := range boxes {
		if !boxes[i].inside(g.Canvas) {
			t.Errorf("%s: the label of %s %+v is clipped by the canvas %+v", path, names[i], boxes[i], g.Canvas)
		}
		for j := i + 1; j < len(boxes); j++ {
			if boxes[i].overlaps(boxes[j]) {
				t.Errorf("%s: the labels of %s %+v and %s %+v overlap", path, names[i], boxes[i], names[j], boxes[j])
			}
		}
	}
	checkLoopColour(t, path, lit, g, img)
}

// checkLoopColour counts the pixels of the loop's reserved colour: many
// along the lit ring (the boxes spanning its hops and their labels), few
// anywhere else outside the page's chrome (the legend shows the colour).
func checkLoopColour(t *testing.T, path string, lit loopState, g pageGeometry, img image.Image) {
	t.Helper()
	at := map[string]int{}
	for i, e := range g.Entities {
		at[e.ID] = i
	}
	var ring []geomBox
	for i, from := range lit.Entities {
		a, b := g.Entities[at[from]], g.Entities[at[lit.Entities[(i+1)%len(lit.Entities)]]]
		pad := 0.35*hypot(a.X-b.X, a.Y-b.Y) + 12
		ring = append(ring, geomBox{min(a.X, b.X) - pad, min(a.Y, b.Y) - pad, abs(a.X-b.X) + 2*pad, abs(a.Y-b.Y) + 2*pad})
	}
	for _, l := range g.EdgeLabels {
		ring = append(ring, geomBox{l.X - 4, l.Y - 4, l.Width + 8, l.Height + 8})
	}
	c := scene.PaletteFor(session.Dark).Loop
	want := [3]float64{float64(c.R) * 255, float64(c.G) * 255, float64(c.B) * 255}
	on, off := 0, 0
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			r, gg, b, _ := img.At(x, y).RGBA()
			d := hypot3(float64(r>>8)-want[0], float64(gg>>8)-want[1], float64(b>>8)-want[2])
			if d > 40 {
				continue
			}
			p := geomBox{float64(x), float64(y), 1, 1}
			if anyOverlaps(p, ring) {
				on++
				continue
			}
			chrome := false
			for _, ch := range g.Chrome {
				chrome = chrome || p.overlaps(ch.geomBox)
			}
			if !chrome {
				off++
			}
		}
	}
	if on < 40 || off > on/20+20 {
		t.Errorf("%s: %d pixels of the loop colour on the lit ring %v and %d elsewhere; want at least 40 on it and almost none elsewhere", path, on, lit.Entities, off)
	}
}

func anyOverlaps(p geomBox, boxes []geomBox) bool {
	for _, b := range boxes {
		if p.overlaps(b) {
			return true
		}
	}
	return false
}

func hypot(x, y float64) float64 { return math.Sqrt(x*x + y*y) }

func hypot3(x, y, z float64) float64 { return math.Sqrt(x*x + y*y + z*z) }

func abs(x float64) float64 { return math.Abs(x) }
