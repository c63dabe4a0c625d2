//go:build browser

package e2e_test

import (
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// geomBox is a box of geometry(), in CSS pixels of the page.
type geomBox struct {
	X, Y, Width, Height float64
}

func (a geomBox) overlaps(b geomBox) bool {
	const slack = 0.5 // rounding between device and CSS pixels
	return a.X+slack < b.X+b.Width && b.X+slack < a.X+a.Width && a.Y+slack < b.Y+b.Height && b.Y+slack < a.Y+a.Height
}

func (a geomBox) inside(b geomBox) bool {
	const slack = 0.5
	return a.X >= b.X-slack && a.Y >= b.Y-slack && a.X+a.Width <= b.X+b.Width+slack && a.Y+a.Height <= b.Y+b.Height+slack
}

// pageGeometry mirrors window.ouroboros.geometry() (page-api.md §2).
type pageGeometry struct {
	Canvas   geomBox `json:"canvas"`
	Entities []struct {
		ID      string   `json:"id"`
		X, Y, R float64  // centre and radius
		Label   *geomBox `json:"label"`
		Visible bool     `json:"visible"`
	} `json:"entities"`
	EdgeLabels []struct {
		From, To, Text string
		geomBox
	} `json:"edgeLabels"`
	Chrome []struct {
		Name string
		geomBox
	} `json:"chrome"`
	raw string
}

func geometryNow(t *testing.T, ctx context.Context) pageGeometry {
	t.Helper()
	raw := eval[string](t, ctx, `JSON.stringify(window.ouroboros.geometry())`)
	var g pageGeometry
	if err := json.Unmarshal([]byte(raw), &g); err != nil {
		t.Fatalf("geometry() is not the documented object: %v\n%s", err, raw)
	}
	g.raw = raw
	return g
}

// checkLabels checks that no two labels overlap, entity names or edges'
// figures, and that every one lies inside the canvas.
func checkLabels(t *testing.T, g pageGeometry, when string) {
	t.Helper()
	type named struct {
		what string
		b    geomBox
	}
	var all []named
	for _, e := range g.Entities {
		if e.Label != nil {
			all = append(all, named{"name of " + e.ID, *e.Label})
		}
	}
	for _, l := range g.EdgeLabels {
		all = append(all, named{fmt.Sprintf("figure %q of %s→%s", l.Text, l.From, l.To), l.geomBox})
	}
	for i, a := range all {
		if !a.b.inside(g.Canvas) {
			t.Errorf("%s: %s at %+v leaves the canvas %+v", when, a.what, a.b, g.Canvas)
		}
		for _, c := range all[i+1:] {
			if a.b.overlaps(c.b) {
				t.Errorf("%s: %s %+v overlaps %s %+v", when, a.what, a.b, c.what, c.b)
			}
		}
	}
}

// loopPixels counts the screenshot's pixels of the loop's reserved colour
// (#c4238c, scene.LoopColor) within box, or the whole image for nil.
func loopPixels(img image.Image, box *image.Rectangle) int {
	r := img.Bounds()
	if box != nil {
		r = box.Intersect(r)
	}
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if near(img.At(x, y), "#c4238c", 28) {
				n++
			}
		}
	}
	return n
}

// keepShot writes a screenshot to $E2E_SHOTS, when set, to look at.
func keepShot(t *testing.T, img image.Image, name string) {
	dir := os.Getenv("E2E_SHOTS")
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Log(err)
		return
	}
	defer f.Close()
	png.Encode(f, img)
}

// TestGeometryIsWhatIsDrawn: geometry() reports every entity where it is
// drawn, names and figures that overlap nothing and stay on the canvas,
// the loop's figures on every hop and its reserved colour on screen only
// while a loop is lit, and a disc centre a real click selects.
func TestGeometryIsWhatIsDrawn(t *testing.T) {
	ctx := openPage(t, 1280, 800, "/")
	s := ready(t, ctx)
	waitCameraRest(t, ctx)
	waitDrawn(t, ctx)
	g := geometryNow(t, ctx)
	if g.Canvas.Width <= 0 || g.Canvas.Height <= 0 {
		t.Fatalf("canvas %+v", g.Canvas)
	}
	ids := map[string]int{}
	for i, e := range g.Entities {
		ids[e.ID] = i
		for _, v := range []float64{e.X, e.Y, e.R} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Errorf("%s at (%v, %v) r %v", e.ID, e.X, e.Y, e.R)
			}
		}
	}
	for _, e := range s.View.Entities {
		if _, ok := ids[e.ID]; !ok {
			t.Errorf("entity %s of state() is missing from geometry()", e.ID)
		}
	}
	if len(g.Entities) != len(s.View.Entities) {
		t.Errorf("%d entities in geometry(), %d in state()", len(g.Entities), len(s.View.Entities))
	}
	checkLabels(t, g, "first view")

	keepShot(t, screenshot(t, ctx), "geometry-first")

	// A loop picked: every hop carries its figure, on the loop's colour.
	if len(s.Loops) == 0 {
		t.Fatal("the bundled dataset has no loop")
	}
	loop := s.Loops[0].Entities
	js, _ := json.Marshal(loop)
	eval[bool](t, ctx, fmt.Sprintf(`ouroboros.send({type: "pickLoop", entities: %s})`, js))
	until(t, "every hop of the picked loop to carry its figure", waitLong, func() (bool, string) {
		g = geometryNow(t, ctx)
		missing := 0
		for k, from := range loop {
			to := loop[(k+1)%len(loop)]
			found := false
			for _, l := range g.EdgeLabels {
				found = found || l.From == from && l.To == to
			}
			if !found {
				missing++
			}
		}
		return missing == 0, fmt.Sprintf("%d hops of %v without a figure; figures %+v", missing, loop, g.EdgeLabels)
	})
	waitDrawn(t, ctx)
	checkLabels(t, g, "loop picked")
	lit := screenshot(t, ctx)
	keepShot(t, lit, "geometry-loop")
	for k, from := range loop {
		to := loop[(k+1)%len(loop)]
		for _, l := range g.EdgeLabels {
			if l.From != from || l.To != to {
				continue
			}
			box := image.Rect(int(l.X)-6, int(l.Y)-6, int(l.X+l.Width)+6, int(l.Y+l.Height)+6)
			if n := loopPixels(lit, &box); n < 4 {
				t.Errorf("the figure of hop %s→%s at %v shows %d pixels of the loop's colour, want its rim", from, to, box, n)
			}
		}
	}

	// Put out, the loop's colour is nowhere on screen (the reading order,
	// which lights loops by itself, holds off once the reader has acted).
	eval[bool](t, ctx, `ouroboros.send({type: "pickLoop", entities: []})`)
	waitState(t, ctx, "no loop lit", func(pageState) bool {
		return eval[bool](t, ctx, `(() => { const s = ouroboros.state(); return s.explore.loop === null && !s.view.touring; })()`)
	})
	waitDrawn(t, ctx)
	plain := screenshot(t, ctx)
	keepShot(t, plain, "geometry-none")
	// The legend shows the colour as its key: only the picture counts.
	n := loopPixels(plain, nil)
	for _, c := range geometryNow(t, ctx).Chrome {
		box := image.Rect(int(c.X), int(c.Y), int(math.Ceil(c.X+c.Width)), int(math.Ceil(c.Y+c.Height)))
		n -= loopPixels(plain, &box)
	}
	if n > 0 {
		t.Errorf("%d pixels of the loop's reserved colour with no loop lit", n)
	}

	// Selecting Nvidia moves the picture; geometry() follows the glide.
	before := geometryNow(t, ctx)
	eval[bool](t, ctx, `ouroboros.send({type: "select", id: "nvidia"})`)
	waitSelection(t, ctx, "nvidia")
	waitCameraRest(t, ctx)
	after := geometryNow(t, ctx)
	if after.raw == before.raw {
		t.Error("geometry() did not change when Nvidia was selected")
	}
	checkLabels(t, after, "Nvidia selected")

	// Where geometry() says Nvidia's disc is, a real click selects it.
	eval[bool](t, ctx, `ouroboros.send({type: "select", id: null})`)
	waitState(t, ctx, "the selection cleared", func(s pageState) bool { return s.Selection == nil })
	waitCameraRest(t, ctx)
	g = geometryNow(t, ctx)
	nv := g.Entities[ids["nvidia"]]
	if !nv.Visible {
		t.Fatalf("Nvidia is not visible: %+v", nv)
	}
	for _, c := range g.Chrome {
		if nv.X >= c.X && nv.X <= c.X+c.Width && nv.Y >= c.Y && nv.Y <= c.Y+c.Height {
			t.Fatalf("Nvidia's centre (%v, %v) is under the %s", nv.X, nv.Y, c.Name)
		}
	}
	if err := chromedp.Do(ctx, chromedp.MouseClickXY(nv.X, nv.Y)); err != nil {
		t.Fatal(err)
	}
	waitSelection(t, ctx, "nvidia")
}
