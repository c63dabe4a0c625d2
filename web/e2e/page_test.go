//go:build browser

package e2e_test

import (
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/loops"
)

// expectedLoops computes, with the Go packages, what state().loops must hold
// for a dataset file at a date.
func expectedLoops(t *testing.T, file string, asOf dataset.Date) ([]loopState, bool) {
	t.Helper()
	doc, err := os.ReadFile(filepath.Join("../..", file))
	if err != nil {
		t.Fatal(err)
	}
	d, err := dataset.Load(doc)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	res := loops.Find(d, asOf, loops.Limit)
	// Which loops are circular deals and their ranks, from the analysis
	// (its own tests check it against the format's words).
	snap := analysis.New(d).At(asOf)
	rank := map[int]int{}
	for r, k := range snap.Circular() {
		rank[k] = r + 1
	}
	out := []loopState{}
	for k, lp := range res.Loops {
		l := loopState{Deals: []string{}}
		for _, e := range lp.Entities {
			l.Entities = append(l.Entities, d.Entities[e].ID)
		}
		for _, h := range lp.Hops {
			for _, di := range h.Deals {
				l.Deals = append(l.Deals, d.Deals[di].ID)
			}
		}
		if lp.RoundTripKnown {
			v := lp.RoundTrip
			l.RoundTripValue = &v
		}
		l.Kind = "other"
		if r, ok := rank[k]; ok {
			l.Kind, l.Rank = "circular", &r
		}
		out = append(out, l)
	}
	return out, res.Truncated
}

func expectedLoopsAt(t *testing.T, file, date string) ([]loopState, bool) {
	t.Helper()
	d, err := dataset.ParseDate(date)
	if err != nil {
		t.Fatal(err)
	}
	return expectedLoops(t, file, d)
}

func TestLoopsMatchTheGoPackage(t *testing.T) {
	for _, tc := range []struct {
		name, file, query string
		asOf              dataset.Date
	}{
		{"bundled", "data/ai-compute.json", "/", dataset.Date{}},
		{"example", "data/examples/twoloops.json", "/?data=data/examples/twoloops.json", dataset.Date{}},
		{"example as of 2025-06", "data/examples/twoloops.json", "/?data=data/examples/twoloops.json&asOf=2025-06", dataset.Date{Year: 2025, Month: 6}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want, truncated := expectedLoops(t, tc.file, tc.asOf)
			ctx := openPage(t, 800, 600, tc.query)
			got := ready(t, ctx)
			if len(want) == 0 {
				t.Fatalf("%s has no loops at %v; the test needs some", tc.file, tc.asOf)
			}
			if !reflect.DeepEqual(got.Loops, want) {
				t.Errorf("state().loops differs from loops.Find:\n got %s\nwant %s", show(got.Loops), show(want))
			}
			if got.LoopsTruncated != truncated {
				t.Errorf("loopsTruncated = %v, want %v", got.LoopsTruncated, truncated)
			}
		})
	}
}

func show(ls []loopState) string {
	var b strings.Builder
	for _, l := range ls {
		v := "null"
		if l.RoundTripValue != nil {
			v = fmt.Sprint(*l.RoundTripValue)
		}
		fmt.Fprintf(&b, "\n  %v %v %s", l.Entities, l.Deals, v)
	}
	return b.String()
}

// The discs on screen carry their kinds' colours where the state says they
// are: read back from real screenshot pixels.
func TestKindColoursOnScreen(t *testing.T) {
	for _, tc := range []struct {
		name  string
		query string
		w, h  int64
		dpr   float64
	}{
		{"bundled desktop", "/", 960, 640, 1},
		// 800×600: a 640×480 window leaves the network too small (the
		// title, the reading sentence and the legend's key over it) for
		// three discs of 4 px clear of each other.
		{"bundled HiDPI", "/", 800, 600, 2},
		{"example phone", "/?data=data/examples/twoloops.json", 390, 844, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := openPageScaled(t, tc.w, tc.h, tc.dpr, tc.query)
			s := ready(t, ctx)
			if s.View.DPR != tc.dpr {
				t.Errorf("state().view.dpr = %v, want %v", s.View.DPR, tc.dpr)
			}
			// Crisp: the canvas has a device pixel for every screen pixel.
			backing, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](
				`(() => { const c = document.querySelector('canvas'); return [c.width, c.height, c.clientWidth, c.clientHeight]; })()`))
			if err != nil {
				t.Fatal(err)
			}
			if want := []float64{float64(tc.w) * tc.dpr, float64(tc.h) * tc.dpr, float64(tc.w), float64(tc.h)}; !reflect.DeepEqual(backing, want) {
				t.Errorf("canvas width, height, CSS width, CSS height = %v, want %v", backing, want)
			}
			checkKindColours(t, ctx, s, screenshot(t, ctx))
		})
	}
}

func checkKindColours(t *testing.T, ctx context.Context, s pageState, img image.Image) {
	t.Helper()
	scale := float64(img.Bounds().Dx()) / s.View.Width
	// The page's own boxes over the canvas (data-chrome: the reading
	// sentence, the legend, issue 16) cover what lies under them.
	chrome := eval[[][4]float64](t, ctx, `[...document.querySelectorAll('[data-chrome]')].filter((e) => !e.hidden && getComputedStyle(e).display !== 'none')
		.map((e) => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })`)
	underChrome := func(x, y float64) bool {
		for _, r := range chrome {
			if x >= r[0] && x <= r[2] && y >= r[1] && y <= r[3] {
				return true
			}
		}
		return false
	}
	checked := 0
	for i, e := range s.View.Entities {
		if e.R < 4 || covered(s, i) || underChrome(e.X, e.Y) {
			continue
		}
		got := img.At(int(math.Round(e.X*scale)), int(math.Round(e.Y*scale)))
		if !near(got, e.Color, 4) && !near(got, outerBand(e.Color), 4) {
			r, g, b, _ := got.RGBA()
			t.Errorf("%s at (%.0f, %.0f): pixel #%02x%02x%02x, want its kind colour %s (or %s in the outer band)", e.ID, e.X, e.Y, r>>8, g>>8, b>>8, e.Color, outerBand(e.Color))
		}
		checked++
	}
	if checked < 3 {
		t.Fatalf("checked %d entities, want at least 3", checked)
	}
	if t.Failed() {
		t.Logf("the page's boxes over the canvas: %v", chrome)
	}
}

// outerBand is a kind's colour as the outer band draws it (entities in no
// circular deal, issue 16): 0.55 of the way from the background #0b1020.
func outerBand(hex string) string {
	var c [3]int
	fmt.Sscanf(hex, "#%02x%02x%02x", &c[0], &c[1], &c[2])
	bg := [3]int{0x0b, 0x10, 0x20}
	for i := range c {
		c[i] = int(math.Round(float64(bg[i]) + float64(c[i]-bg[i])*0.55))
	}
	return fmt.Sprintf("#%02x%02x%02x", c[0], c[1], c[2])
}

// The picture fills the window and follows it when it is resized.
func TestFillsWindowOnResize(t *testing.T) {
	ctx := openPage(t, 900, 600, "/")
	ready(t, ctx)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(420, 760)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`window.ouroboros.state().view.width === 420`, chromedp.WithPollingTimeout(time.Minute))); err != nil {
		t.Fatalf("the view did not follow the resize: %v", err)
	}
	// Give the engine a few frames at the new size before reading pixels.
	s := waitTicks(t, ctx, 5)
	for _, e := range s.View.Entities {
		if e.X < 0 || e.X > 420 || e.Y < 0 || e.Y > 760 {
			t.Errorf("%s at (%v, %v), outside the 420×760 window", e.ID, e.X, e.Y)
		}
	}
	checkKindColours(t, ctx, s, screenshot(t, ctx))
}

// covered reports whether entity i's centre lies under a disc drawn after it.
func covered(s pageState, i int) bool {
	e := s.View.Entities[i]
	for _, o := range s.View.Entities[i+1:] {
		if math.Hypot(o.X-e.X, o.Y-e.Y) < o.R+2 {
			return true
		}
	}
	return false
}

func near(c interface{ RGBA() (r, g, b, a uint32) }, hex string, tol int) bool {
	var want [3]int
	fmt.Sscanf(hex, "#%02x%02x%02x", &want[0], &want[1], &want[2])
	r, g, b, _ := c.RGBA()
	got := [3]int{int(r >> 8), int(g >> 8), int(b >> 8)}
	for i := range got {
		if d := got[i] - want[i]; d > tol || d < -tol {
			return false
		}
	}
	return true
}

// The money flows: two screenshots 10 ticks apart differ. With reduced
// motion nothing moves over as many frames, so the difference comes from
// the flow.
func TestFlowMoves(t *testing.T) {
	t.Run("full", func(t *testing.T) {
		ctx := openPage(t, 640, 480, "/")
		ready(t, ctx)
		waitDrawn(t, ctx)
		a := screenshot(t, ctx)
		waitTicks(t, ctx, 10)
		if differing(a, screenshot(t, ctx)) == 0 {
			t.Error("two screenshots 10 ticks apart are identical, want the flow to move")
		}
	})
	t.Run("reduced", func(t *testing.T) {
		ctx := openPage(t, 640, 480, "/?motion=reduced")
		ready(t, ctx)
		waitDrawn(t, ctx)
		checkStill(t, ctx, "with reduced motion")
	})
}

// changedPixels writes a picture of where b differs from a (a dimmed, the
// changed pixels magenta) to a PNG under $TMPDIR that outlives the test,
// and returns its path for a failure message.
func changedPixels(t *testing.T, a, b image.Image) string {
	t.Helper()
	out := image.NewRGBA(a.Bounds())
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				out.Set(x, y, color.RGBA{0xff, 0, 0xff, 0xff})
				continue
			}
			r, g, bl, _ := a.At(x, y).RGBA()
			out.Set(x, y, color.RGBA{uint8(r >> 10), uint8(g >> 10), uint8(bl >> 10), 0xff})
		}
	}
	f, err := os.CreateTemp("", "ouroboros-e2e-changed-*.png")
	if err != nil {
		return "(not written: " + err.Error() + ")"
	}
	defer f.Close()
	if err := png.Encode(f, out); err != nil {
		return "(not written: " + err.Error() + ")"
	}
	return f.Name()
}

func differing(a, b image.Image) int {
	n := 0
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				n++
			}
		}
	}
	return n
}

// Every refused example: ready rejects with the located problems, and the
// page lists them.
func TestRefusedDatasetsShowTheirProblems(t *testing.T) {
	files, _ := filepath.Glob("../../data/examples/refused/*.json")
	if len(files) == 0 {
		t.Fatal("no refused examples under data/examples/refused")
	}
	// Every example loads the page again: 15 s each on a slow machine.
	ctx := openPageFor(t, 640, 480, 1, "", time.Duration(len(files))*15*time.Second)
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			doc, _ := os.ReadFile(f)
			_, err := dataset.Load(doc)
			problems, ok := err.(dataset.Problems)
			if !ok || len(problems) == 0 {
				t.Fatalf("the loader accepts %s", name)
			}
			navigate(t, ctx, "/?data=data/examples/refused/"+name)
			resolved, msg := outcome(t, ctx)
			if resolved {
				t.Fatal("ouroboros.ready resolved, want it rejected")
			}
			items, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
				`[...document.querySelectorAll('#error:not([hidden]) #error-problems li')].map(li => li.textContent)`))
			if err != nil {
				t.Fatal(err)
			}
			if len(items) != len(problems) {
				t.Errorf("the page lists %d problems, the loader finds %d", len(items), len(problems))
			}
			for i, p := range problems {
				if i < len(items) && items[i] != p.String() {
					t.Errorf("problem %d on the page: %q, want %q", i, items[i], p.String())
				}
				if !strings.Contains(msg, p.String()) {
					t.Errorf("ready's message %q lacks %q", msg, p.String())
				}
			}
			canvases, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('canvas').length`))
			if canvases != 0 {
				t.Errorf("%d canvas(es) on the page, want nothing drawn from a refused dataset", canvases)
			}
		})
	}
}

func TestCannotStart(t *testing.T) {
	for _, tc := range []struct {
		name, query, setup, want string
	}{
		{"another site", "/?data=https://example.com/x.json", "", "must be a path to a dataset on this site"},
		{"protocol-relative", "/?data=//example.com/x.json", "", "names another site"},
		{"dot dot", "/?data=data/../../secret.json", "", `contains ".."`},
		{"missing file", "/?data=data/nothing-here.json", "", "the server answered 404"},
		{"not JSON", "/?data=index.html", "", "(document)"},
		{"no WebGL2", "/", `HTMLCanvasElement.prototype.getContext = function () { return null; };`, "WebGL 2"},
		// Without WebGL 2 nothing can be drawn: that is what the reader
		// hears, before the dataset's own problems.
		{"no WebGL2, a refused dataset", "/?data=data/examples/refused/amount-type.json", `HTMLCanvasElement.prototype.getContext = function () { return null; };`, "WebGL 2"},
		{"no WebAssembly", "/", `delete window.WebAssembly;`, "cannot run WebAssembly"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := openPage(t, 640, 480, "")
			if tc.setup != "" {
				if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: tc.setup}); err != nil {
					t.Fatal(err)
				}
			}
			navigate(t, ctx, tc.query)
			resolved, msg := outcome(t, ctx)
			if resolved {
				t.Fatal("ouroboros.ready resolved, want it rejected")
			}
			if !strings.Contains(msg, tc.want) {
				t.Errorf("ready rejected with %q, want it to say %q", msg, tc.want)
			}
			shown, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('error').hidden ? '' : document.getElementById('error').textContent`))
			if !strings.Contains(shown, tc.want) {
				t.Errorf("the error panel says %q, want %q", shown, tc.want)
			}
		})
	}
}

func TestBadLinkParameterIsReportedAndTheRestLoads(t *testing.T) {
	ctx := openPage(t, 640, 480, "/?asOf=2025-13&mode=poster")
	s := ready(t, ctx)
	if len(s.Problems) != 2 || !strings.HasPrefix(s.Problems[0], "asOf:") || !strings.HasPrefix(s.Problems[1], "mode:") {
		t.Errorf("state().problems = %q, want the asOf and the mode problems", s.Problems)
	}
	shown, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('notices').hidden ? '' : document.getElementById('notices').textContent`))
	if !strings.Contains(shown, "2025-13") {
		t.Errorf("the page shows %q, want the bad asOf reported", shown)
	}
	if s.AsOf != nil || s.Mode != "page" || len(s.View.Entities) == 0 {
		t.Errorf("asOf %v, mode %q, %d entities: want no filter, page mode, the network drawn", s.AsOf, s.Mode, len(s.View.Entities))
	}
}
