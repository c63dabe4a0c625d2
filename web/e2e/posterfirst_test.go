//go:build browser

package e2e_test

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"ouroboros/wasm/poster"
	"ouroboros/web/server"
)

// The poster as the first paint (issue 19): in the page's first answer,
// placed by the style sheet before any script runs.

// TestPosterInTheFirstResponse fetches the page as a plain HTTP client
// would, no script run: the poster's SVG is in the first answer, shown (no
// hidden attribute), and the page's own inline style sheet holds the rules
// that place it.
func TestPosterInTheFirstResponse(t *testing.T) {
	res, err := http.Get(baseURL + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("GET /: %v %v", res.Status, err)
	}
	page := string(body)
	start := strings.Index(page, `<div id="poster"`)
	if start < 0 {
		t.Fatal("the page's first answer has no poster")
	}
	tag := page[start : start+strings.Index(page[start:], ">")+1]
	if regexp.MustCompile(`\shidden[\s=>]`).MatchString(tag) {
		t.Errorf("the poster is hidden: %.200s", tag)
	}
	rest := page[start:]
	wide, tall := strings.Index(rest, `<svg class="poster-wide"`), strings.Index(rest, `<svg class="poster-tall"`)
	end := strings.Index(rest, "</div>")
	if wide < 0 || tall < 0 || end < tall || strings.Count(rest[:end], "<circle ") < len(bundledPoster(t).DS.Entities) {
		t.Errorf("the poster holds no wide and tall SVG with a disc per entity: %.300s", rest)
	}
	// The style sheet is in the page itself, in its head, before the
	// poster, and the page's policy lets exactly it apply.
	css := regexp.MustCompile(`(?s)<style data-inline="style.css">(.*?)</style>`).FindStringSubmatch(page)
	if css == nil || strings.Index(page, css[0]) > start {
		t.Fatalf("no style sheet inline in the head before the poster")
	}
	if !strings.Contains(css[1], "#poster { --band:") || strings.Contains(css[1], poster.MarkerCSS) {
		t.Errorf("the page's style sheet has no rules placing the poster")
	}
	if strings.Contains(page, `rel="stylesheet"`) {
		t.Errorf("the page still loads a style sheet by a request")
	}
	sum := sha256.Sum256([]byte(css[1]))
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'") {
		t.Errorf("the page's policy %q does not allow its style sheet", csp)
	}
}

// TestPosterWithoutScripts holds every script and the program: no script
// of the page runs, yet the poster is on screen, placed by the style sheet
// alone where the program will draw the network, with the loader in the
// strip below it; then the scripts go and the poster hands over as ever.
func TestPosterWithoutScripts(t *testing.T) {
	for _, tc := range []struct {
		w, h int64
		tall bool
	}{{1280, 720, false}, {1024, 640, false}, {poster.TallWidth, poster.TallHeight, true}} {
		t.Run(fmt.Sprintf("%dx%d", tc.w, tc.h), func(t *testing.T) {
			p := bundledPoster(t)
			if tc.tall {
				var err error
				if p, err = poster.New(p.DS, poster.TallWidth, poster.TallHeight); err != nil {
					t.Fatal(err)
				}
			}
			posterWithoutScripts(t, p, tc.w, tc.h)
		})
	}
}

func posterWithoutScripts(t *testing.T, p *poster.Poster, w, h int64) {
	dist, _ := filepath.Abs("../../dist")
	files := server.New(dist, server.Options{})
	scripts, program := make(chan struct{}), make(chan struct{})
	var scriptsOnce, programOnce sync.Once
	letScripts := func() { scriptsOnce.Do(func() { close(scripts) }) }
	letProgram := func() { programOnce.Do(func() { close(program) }) }
	srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		// Every script and style sheet is held: the page carries inline
		// what its first paint needs (the style sheet and theme.js, which
		// picks the light or dark theme), so the poster shows with the
		// HTML alone.
		held := strings.HasSuffix(r.URL.Path, ".js") || strings.HasSuffix(r.URL.Path, ".css")
		hold := map[bool]chan struct{}{held: scripts, strings.HasSuffix(r.URL.Path, ".wasm"): program}[true]
		if hold != nil {
			select {
			case <-hold:
			case <-r.Context().Done():
				return
			}
		}
		files.ServeHTTP(rw, r)
	}))
	t.Cleanup(func() { letScripts(); letProgram(); srv.Close() })
	ctx := openPage(t, w, h, "")
	// Not chromedp.Navigate: it waits for the load event, which the held
	// scripts hold back.
	if _, err := chromedp.Call(ctx, page.Navigate, page.NavigateParams{URL: srv.URL + "/"}); err != nil {
		t.Fatal(err)
	}
	type state struct {
		Shown, Placed, Scripts, Loader bool
		Left, Top, Width               float64
	}
	got, err := chromedp.Run(ctx, chromedp.Poll[state](`(() => {
	  const img = document.getElementById('poster');
	  const loader = document.getElementById('loader');
	  if (!img || !loader || document.readyState === 'loading') return null;
	  const r = img.getBoundingClientRect(), l = loader.getBoundingClientRect();
	  return {
	    shown: !img.hidden && getComputedStyle(img).display !== 'none' && r.width > 0 && r.height > 0 &&
	      r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight,
	    placed: img.style.left === '' && img.style.width === '',
	    scripts: !!window.ouroboros,
	    loader: l.height > 0 && l.height < 80 && l.bottom >= innerHeight - 1,
	    left: r.left, top: r.top, width: r.width,
	  };
	})()`, chromedp.WithPollingTimeout(30*time.Second)))
	if err != nil {
		t.Fatalf("the page never parsed: %v", err)
	}
	if !got.Shown || !got.Placed || got.Scripts || !got.Loader {
		t.Fatalf("no script run: %+v, want the poster shown, placed by the style sheet alone, the loader in the strip below", got)
	}
	shot := screenshot(t, ctx)
	scale := got.Width / p.View.Width
	checked := 0
	for i, d := range p.Frame.Discs {
		if posterCovered(p, i) {
			continue
		}
		checked++
		x, y := got.Left+float64(d.X)*scale, got.Top+float64(d.Y)*scale
		if c := shot.At(int(x), int(y)); !near(c, kindHex(p, i), 24) && !near(c, outerBand(kindHex(p, i)), 24) {
			t.Errorf("%s at (%.0f, %.0f) is %v, want its kind's %s", p.DS.Entities[i].ID, x, y, c, kindHex(p, i))
		}
	}
	if checked < len(p.DS.Entities)*9/10 {
		t.Errorf("only %d of %d discs could be checked", checked, len(p.DS.Entities))
	}
	// poster.js places it as the program will draw its first frame; the
	// style sheet put it there already.
	letScripts()
	moved, err := chromedp.Run(ctx, chromedp.Poll[[]float64](`(() => {
	  const img = document.getElementById('poster');
	  if (img.style.left === '' || img.hidden) return null;
	  const r = img.getBoundingClientRect();
	  return [r.left, r.top, r.width];
	})()`, chromedp.WithPollingTimeout(60*time.Second)))
	if err != nil {
		t.Fatalf("poster.js never placed the poster: %v", err)
	}
	if d := math.Max(math.Abs(moved[0]-got.Left), math.Max(math.Abs(moved[1]-got.Top), math.Abs(moved[2]-got.Width))); d > 1 {
		t.Errorf("poster.js moved the poster by %.1f CSS pixels: from (%.1f, %.1f) %.1f wide to (%.1f, %.1f) %.1f wide", d, got.Left, got.Top, got.Width, moved[0], moved[1], moved[2])
	}
	letProgram()
	ready(t, ctx)
	if box := readPosterBox(t, ctx); box.Shown {
		t.Errorf("after ready: %+v, want the poster gone", box)
	}
}
