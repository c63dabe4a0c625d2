//go:build browser

package e2e_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/poster"
	"ouroboros/web/server"
)

// stallServer serves dist/ but holds every request for the program until
// release is called, or answers it with an error when broken is set: the
// page must show the poster while it waits.
type stallServer struct {
	*httptest.Server
	once    sync.Once
	release chan struct{}
	broken  bool
}

func newStallServer(t *testing.T, broken bool) *stallServer {
	t.Helper()
	dist, _ := filepath.Abs("../../dist")
	s := &stallServer{release: make(chan struct{}), broken: broken}
	files := server.New(dist, server.Options{})
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, ".wasm") {
			if s.broken {
				http.Error(w, "the program is unavailable", http.StatusServiceUnavailable)
				return
			}
			select {
			case <-s.release:
			case <-r.Context().Done():
				return
			}
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(func() { s.Release(); s.Close() })
	return s
}

// Release lets the program's download go.
func (s *stallServer) Release() { s.once.Do(func() { close(s.release) }) }

// bundledPoster draws the bundled dataset as the build does.
func bundledPoster(t *testing.T) *poster.Poster {
	t.Helper()
	doc, err := os.ReadFile("../../data/ai-compute.json")
	if err != nil {
		t.Fatal(err)
	}
	ds, err := dataset.Load(doc)
	if err != nil {
		t.Fatal(err)
	}
	p, err := poster.New(ds, poster.CardWidth, poster.CardHeight)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func kindHex(p *poster.Poster, i int) string {
	c := p.DS.Kinds[p.DS.Entities[i].Kind].Color
	return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)
}

// posterCovered reports whether a disc drawn after entity i hides its
// centre in the poster.
func posterCovered(p *poster.Poster, i int) bool {
	d := p.Frame.Discs[i]
	for _, o := range p.Frame.Discs[i+1:] {
		if math.Hypot(float64(o.X-d.X), float64(o.Y-d.Y)) < float64(o.R)+3 {
			return true
		}
	}
	return false
}

type posterBox struct {
	Shown, Decoded, Ready bool
	Left, Top, Width      float64
	Loader                bool
}

func readPosterBox(t *testing.T, ctx context.Context) posterBox {
	t.Helper()
	box, err := chromedp.Run(ctx, chromedp.Evaluate[posterBox](`(() => {
	  const img = document.getElementById('poster');
	  const r = img.getBoundingClientRect();
	  return {
	    shown: !img.hidden && getComputedStyle(img).display !== 'none' && r.width > 0 &&
	      r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight,
	    decoded: [...img.querySelectorAll('svg')].some((s) => s.getBoundingClientRect().width > 0),
	    ready: window.__readySettled === true,
	    left: r.left, top: r.top, width: r.width,
	    loader: !document.getElementById('loader').hidden,
	  };
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	return box
}

// TestPosterBeforeReady holds the program's download: the poster is on
// screen, decoded, and its pixels show the network where the program will
// draw it; once the program is let through and ready resolves, the poster
// is gone and the canvas draws the same network in the same place. The
// windows are those the posters were drawn for (the card's shape of layout
// at two sizes, and a phone's), where the places must agree.
func TestPosterBeforeReady(t *testing.T) {
	for _, tc := range []struct {
		w, h int64
		tall bool
	}{{1280, 720, false}, {1600, 900, false}, {poster.TallWidth, poster.TallHeight, true}} {
		t.Run(fmt.Sprintf("%dx%d", tc.w, tc.h), func(t *testing.T) {
			p := bundledPoster(t)
			if tc.tall {
				var err error
				if p, err = poster.New(p.DS, poster.TallWidth, poster.TallHeight); err != nil {
					t.Fatal(err)
				}
			}
			posterBeforeReady(t, p, tc.w, tc.h)
		})
	}
}

func posterBeforeReady(t *testing.T, p *poster.Poster, w, h int64) {
	srv := newStallServer(t, false)
	ctx := openPage(t, w, h, "")
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](
		`(window.ouroboros.ready.then((s) => { window.__readyState = JSON.stringify(s); window.__readySettled = true; }, () => { window.__readySettled = true; }), true)`)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`(() => {
	  const img = document.getElementById('poster');
	  return !!img && !img.hidden && img.getBoundingClientRect().width > 0;
	})()`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("the poster never showed: %v", err)
	}
	box := readPosterBox(t, ctx)
	if !box.Shown || !box.Decoded || box.Ready || !box.Loader {
		t.Fatalf("before the program arrives: %+v, want the poster shown and decoded, the loader up, ready pending", box)
	}
	shot := screenshot(t, ctx)
	scale := box.Width / p.View.Width
	checked := 0
	posterAt := make([][2]float64, len(p.DS.Entities))
	for i, d := range p.Frame.Discs {
		x, y := box.Left+float64(d.X)*scale, box.Top+float64(d.Y)*scale
		posterAt[i] = [2]float64{x, y}
		if posterCovered(p, i) {
			continue
		}
		checked++
		if c := shot.At(int(x), int(y)); !near(c, kindHex(p, i), 24) && !near(c, outerBand(kindHex(p, i)), 24) {
			t.Errorf("poster: %s at (%.0f, %.0f) is %v, want its kind's %s", p.DS.Entities[i].ID, x, y, c, kindHex(p, i))
		}
	}
	if checked < len(p.DS.Entities)*9/10 {
		t.Errorf("only %d of %d discs could be checked", checked, len(p.DS.Entities))
	}

	srv.Release()
	s := ready(t, ctx)
	box = readPosterBox(t, ctx)
	if box.Shown || !box.Ready || box.Loader {
		t.Fatalf("after ready: %+v, want the poster gone", box)
	}
	if canvas, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!document.querySelector('#stage > canvas')`)); err != nil || !canvas {
		t.Fatalf("no canvas after ready (%v)", err)
	}
	shot = screenshot(t, ctx)
	worst := 0.0
	for i, e := range s.View.Entities {
		if e.ID != p.DS.Entities[i].ID {
			t.Fatalf("entity %d is %s on the page, %s in the poster", i, e.ID, p.DS.Entities[i].ID)
		}
		worst = math.Max(worst, math.Hypot(e.X-posterAt[i][0], e.Y-posterAt[i][1]))
		if covered(s, i) {
			continue
		}
		if c := shot.At(int(e.X), int(e.Y)); !near(c, e.Color, 24) && !near(c, outerBand(e.Color), 24) {
			t.Errorf("canvas: %s at (%.0f, %.0f) is %v, want %s", e.ID, e.X, e.Y, c, e.Color)
		}
	}
	// The same layout fitted the same way: each disc of the canvas is where
	// the poster had it (the layout runs in float64 both natively and in
	// WebAssembly; a few pixels allow for rounding).
	t.Logf("the farthest entity moved %.1f CSS pixels from the poster to the canvas", worst)
	if worst > 4 {
		t.Errorf("an entity moved %.1f CSS pixels from the poster to the canvas, want the same place", worst)
	}
	firstFrameIsSettled(t, ctx, s)
}

// firstFrameIsSettled checks that the program drew its first frame with
// the layout the build settled for the poster (data-layouts): the state
// that ready resolves with is settled, its entities already where they
// rest, without the layout's 400 steps at the start (issue 19).
func firstFrameIsSettled(t *testing.T, ctx context.Context, settled pageState) {
	t.Helper()
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`window.__readyState || ''`))
	if err != nil {
		t.Fatal(err)
	}
	var first pageState
	if err := json.Unmarshal([]byte(raw), &first); err != nil {
		t.Fatalf("the state ready resolved with: %v\n%s", err, raw)
	}
	if !first.View.Settled {
		t.Fatalf("the first frame's layout was not settled: the program took the layout's steps instead of starting from the poster's")
	}
	for i, e := range first.View.Entities {
		if d := math.Hypot(e.X-settled.View.Entities[i].X, e.Y-settled.View.Entities[i].Y); d > 0.5 {
			t.Errorf("%s moved %.1f CSS pixels after the first frame", e.ID, d)
		}
	}
}

// TestPosterGivesWayToTheError: when the program cannot be downloaded the
// error panel shows and the poster goes.
func TestPosterGivesWayToTheError(t *testing.T) {
	srv := newStallServer(t, true)
	ctx := openPage(t, 1024, 700, "")
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	if ok, msg := outcome(t, ctx); ok || !strings.Contains(msg, "503") {
		t.Fatalf("ready: %v %q, want a rejection naming the server's answer", ok, msg)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[struct{ Poster, Error bool }](`({
	  poster: !document.getElementById('poster').hidden,
	  error: !document.getElementById('error').hidden && document.getElementById('error').getBoundingClientRect().width > 0,
	})`))
	if err != nil {
		t.Fatal(err)
	}
	if got.Poster || !got.Error {
		t.Fatalf("%+v, want the error panel and no poster", got)
	}
}

// TestPosterOnlyForItsDataset: a link to another dataset gets no poster of
// the bundled one.
func TestPosterOnlyForItsDataset(t *testing.T) {
	srv := newStallServer(t, false)
	ctx := openPage(t, 1024, 700, "")
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/?data=data/examples/tiny.json")); err != nil {
		t.Fatal(err)
	}
	state, err := chromedp.Run(ctx, chromedp.Evaluate[struct{ Poster, Loader bool }](`({
	  poster: !document.getElementById('poster').hidden,
	  loader: !document.getElementById('loader').hidden,
	})`))
	if err != nil {
		t.Fatal(err)
	}
	if state.Poster || !state.Loader {
		t.Fatalf("%+v, want the loader without the poster", state)
	}
}

// TestPosterCard fetches the link-preview card as a preview service would:
// a PNG at a stable address, whose pixels show the network.
func TestPosterCard(t *testing.T) {
	p := bundledPoster(t)
	res, err := http.Get(baseURL + "/poster.png")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "image/png" {
		t.Fatalf("GET /poster.png: %s, %s", res.Status, res.Header.Get("Content-Type"))
	}
	img, err := png.Decode(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds() != image.Rect(0, 0, poster.CardWidth, poster.CardHeight) {
		t.Fatalf("the card is %v, want %dx%d", img.Bounds(), poster.CardWidth, poster.CardHeight)
	}
	kinds := map[string]bool{}
	for i, d := range p.Frame.Discs {
		if posterCovered(p, i) {
			continue
		}
		if c := img.At(int(d.X), int(d.Y)); !near(c, kindHex(p, i), 3) && !near(c, outerBand(kindHex(p, i)), 3) {
			t.Errorf("%s at (%.0f, %.0f) is %v, want %s (or %s in the outer band)", p.DS.Entities[i].ID, d.X, d.Y, c, kindHex(p, i), outerBand(kindHex(p, i)))
		}
		kinds[kindHex(p, i)] = true
	}
	if len(kinds) < len(p.DS.Kinds) {
		t.Errorf("%d of %d kinds' colours checked", len(kinds), len(p.DS.Kinds))
	}
	// The page names it as its card.
	ctx := openPage(t, 800, 600, "/")
	meta, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[
	  document.querySelector('meta[property="og:image"]').content,
	  document.querySelector('meta[name="twitter:card"]').content]`))
	if err != nil {
		t.Fatal(err)
	}
	og, tw := meta[0], meta[1]
	if !strings.HasSuffix(og, "poster.png") || tw != "summary_large_image" {
		t.Errorf("og:image %q, twitter:card %q", og, tw)
	}
}

// TestNoscript opens the page with JavaScript off: the card and a table
// row for every entity and every deal are there, and no loader poster.
func TestNoscript(t *testing.T) {
	p := bundledPoster(t)
	ctx := openPage(t, 1024, 768, "")
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	navigate(t, ctx, "/")
	// Scripts are off in the page; the test's own evaluation still runs.
	got, err := chromedp.Run(ctx, chromedp.Poll[struct {
		Entities, Deals []string
		Card, Poster    bool
		Loader          bool
		Links, Unsafe   int
	}](`(() => {
	  const card = document.querySelector('img.noscript-poster');
	  if (!card || !card.complete) return null;
	  const rows = (sel, attr) => Array.from(document.querySelectorAll(sel)).map((r) => r.getAttribute(attr));
	  const links = Array.from(document.querySelectorAll('#noscript-deals a'));
	  const r = card.getBoundingClientRect();
	  return {
	    entities: rows('#noscript-entities tbody tr', 'data-entity'),
	    deals: rows('#noscript-deals tbody tr', 'data-deal'),
	    card: card.naturalWidth > 0 && r.width > 0 && r.top < innerHeight,
	    poster: getComputedStyle(document.getElementById('poster')).display !== 'none',
	    loader: getComputedStyle(document.getElementById('loader')).display !== 'none',
	    links: links.length,
	    unsafe: links.filter((a) => !/^https?:$/.test(a.protocol) || a.rel !== 'noopener noreferrer').length,
	  };
	})()`, chromedp.WithPollingTimeout(20*time.Second)))
	if err != nil {
		t.Fatal(err)
	}
	if !got.Card || got.Poster || got.Loader {
		t.Errorf("card shown %v, loading poster shown %v, loader shown %v; want the card only", got.Card, got.Poster, got.Loader)
	}
	var wantE, wantD []string
	for _, e := range p.DS.Entities {
		wantE = append(wantE, e.ID)
	}
	for _, d := range p.DS.Deals {
		wantD = append(wantD, d.ID)
	}
	if strings.Join(got.Entities, " ") != strings.Join(wantE, " ") {
		t.Errorf("entity rows %v, want %v", got.Entities, wantE)
	}
	if strings.Join(got.Deals, " ") != strings.Join(wantD, " ") {
		t.Errorf("deal rows %v, want %v", got.Deals, wantD)
	}
	if got.Links < len(p.DS.Deals) || got.Unsafe != 0 {
		t.Errorf("%d source links, %d not http(s) with rel=noopener noreferrer", got.Links, got.Unsafe)
	}
}
