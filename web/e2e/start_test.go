//go:build browser

package e2e_test

import (
	"encoding/json"
	"html"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"ouroboros/wasm/layout"
	"ouroboros/web/server"
)

// layoutsAttr is the poster's data-layouts attribute in the built page.
var layoutsAttr = regexp.MustCompile(`data-layouts="([^"]*)"`)

// servePageWithLayouts serves the built site with the poster's shipped
// layouts (data-layouts) replaced by what change makes of them.
func servePageWithLayouts(t *testing.T, change func([]layout.Settled) []layout.Settled) string {
	t.Helper()
	dist, _ := filepath.Abs("../../dist")
	page, err := os.ReadFile(filepath.Join(dist, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	m := layoutsAttr.FindSubmatchIndex(page)
	if m == nil {
		t.Fatal("the built page's poster has no data-layouts")
	}
	settled, err := layout.ParseSettled(html.UnescapeString(string(page[m[2]:m[3]])))
	if err != nil || len(settled) == 0 {
		t.Fatalf("data-layouts: %d layouts, %v", len(settled), err)
	}
	doc := layout.FormatSettled(change(settled))
	changed := append(append(append([]byte(nil), page[:m[2]]...), html.EscapeString(doc)...), page[m[3]:]...)
	files := server.New(dist, server.Options{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/" || r.URL.Path == "/index.html" {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(changed)
			return
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/"
}

// firstState opens url in a laptop's window and returns the state ready
// resolves with, the first frame's, and the state once settled.
func firstState(t *testing.T, url string) (first, settled pageState) {
	t.Helper()
	ctx := openPage(t, 1280, 720, "")
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](
		`(window.ouroboros.ready.then((s) => { window.__readyState = JSON.stringify(s); }, () => {}), true)`)); err != nil {
		t.Fatal(err)
	}
	settled = ready(t, ctx)
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`window.__readyState || ''`))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(raw), &first); err != nil {
		t.Fatalf("the state ready resolved with: %v\n%s", err, raw)
	}
	return first, settled
}

// The program starts from the layout the build settled for the poster
// (issue 19): given one mirrored left to right, of the same graph and
// shape, it draws the network mirrored from its first frame on; given one
// of another graph, it takes the layout's own steps and draws the network
// as the bundled page does.
func TestTheProgramStartsFromThePostersLayout(t *testing.T) {
	_, plain := firstState(t, servePageWithLayouts(t, func(s []layout.Settled) []layout.Settled { return s }))

	mirrored := servePageWithLayouts(t, func(s []layout.Settled) []layout.Settled {
		for i := range s {
			s[i].Positions = append([][2]float64(nil), s[i].Positions...)
			for j, p := range s[i].Positions {
				s[i].Positions[j] = [2]float64{1 - p[0], p[1]}
			}
		}
		return s
	})
	first, later := firstState(t, mirrored)
	if !first.View.Settled {
		t.Fatal("the first frame's layout was not settled")
	}
	// Mirrored about the drawing area's middle: x + x' is the same for
	// every entity, y the same.
	var sums []float64
	for i, e := range first.View.Entities {
		p := plain.View.Entities[i]
		if e.ID != p.ID {
			t.Fatalf("entity %d is %s, %s on the plain page", i, e.ID, p.ID)
		}
		sums = append(sums, e.X+p.X)
		if math.Abs(e.Y-p.Y) > 1 {
			t.Errorf("%s at y %.1f, %.1f on the plain page; want the same height", e.ID, e.Y, p.Y)
		}
		if l := later.View.Entities[i]; math.Hypot(l.X-e.X, l.Y-e.Y) > 0.5 {
			t.Errorf("%s moved from (%.1f, %.1f) to (%.1f, %.1f) after the first frame", e.ID, e.X, e.Y, l.X, l.Y)
		}
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range sums {
		lo, hi = math.Min(lo, s), math.Max(hi, s)
	}
	if hi-lo > 2 {
		t.Errorf("x + mirrored x runs from %.1f to %.1f; want one value (the network drawn mirrored)", lo, hi)
	}

	other := servePageWithLayouts(t, func(s []layout.Settled) []layout.Settled {
		for i := range s {
			s[i].Graph = "another-graph"
			for j, p := range s[i].Positions {
				s[i].Positions[j] = [2]float64{1 - p[0], p[1]}
			}
		}
		return s
	})
	_, own := firstState(t, other)
	for i, e := range own.View.Entities {
		if p := plain.View.Entities[i]; math.Hypot(e.X-p.X, e.Y-p.Y) > 0.5 {
			t.Errorf("with another graph's layout, %s is at (%.1f, %.1f), at (%.1f, %.1f) on the plain page", e.ID, e.X, e.Y, p.X, p.Y)
		}
	}
}

// frameCounter counts the page's animation frame callbacks (the engine
// asks for one before each of its ticks) and notes the count at each of
// the start's performance marks.
const frameCounter = `(() => {
  window.__frames = 0;
  window.__marks = {};
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (fn) => raf((ts) => { window.__frames++; fn(ts); });
  const mark = performance.mark.bind(performance);
  performance.mark = (name, ...rest) => { window.__marks[name] = window.__frames; return mark(name, ...rest); };
})()`

// Ready resolves as the first frame is drawn, before the engine's next
// frame: the page wires up while the GPU process draws the first frame
// (on two cores a quarter of a second that it used to wait, issue 19).
func TestReadyComesWithTheFirstFrame(t *testing.T) {
	ctx := openPage(t, 1024, 640, "")
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: frameCounter}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(baseURL+"/")); err != nil {
		t.Fatal(err)
	}
	ready(t, ctx)
	marks := eval[map[string]int](t, ctx, `window.__marks`)
	first, drawn := marks["ouroboros:first-frame"]
	called, told := marks["ouroboros:ready-called"]
	if !drawn || !told {
		t.Fatalf("the start's marks %v lack first-frame or ready-called", marks)
	}
	if called != first {
		t.Errorf("the first frame was drawn after %d animation frames and the page told it was ready after %d; want no frame between", first, called)
	}
}

// The text view (the twin, for screen readers and the Text button) is
// written in a task after ready, not before it: ready, a host's commands
// and the second frame do not wait for a third of the page's answer to
// the first frame (issue 19). It is written all the same, at once.
func TestTheTextViewIsWrittenAfterReady(t *testing.T) {
	ctx := openPage(t, 1024, 640, "")
	// After the page's modules ran, and so after the text view's own
	// handler of ready, before ready can resolve.
	const watch = `document.addEventListener('DOMContentLoaded', () => window.ouroboros.ready.then(() => {
	  window.__twinAtReady = document.getElementById('twin-body').childElementCount;
	}));`
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: watch}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(baseURL+"/")); err != nil {
		t.Fatal(err)
	}
	ready(t, ctx)
	if n := eval[int](t, ctx, `window.__twinAtReady ?? -1`); n != 0 {
		t.Errorf("the text view held %d elements when ready resolved; want it written after", n)
	}
	if n := eval[int](t, ctx, `document.getElementById('twin-body').childElementCount`); n == 0 {
		t.Error("the text view was never written")
	}
}
