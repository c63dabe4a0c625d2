//go:build browser

// Package e2e drives the built page (dist/) in Debian's Chromium the way a
// reader's browser runs it: the real server, the real WebAssembly, software
// WebGL, and pixels read back from screenshots. Run it with
// `go test -tags browser ./web/e2e/` after `./build.sh`; `./build.sh test`
// does both.
package e2e_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"ouroboros/web/e2e/browser"
	"ouroboros/web/server"
)

var (
	baseURL  string
	allocCtx context.Context
)

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	dist, _ := filepath.Abs("../../dist")
	for _, f := range []string{"index.html", "ouroboros.wasm", "wasm_exec.js"} {
		if _, err := os.Stat(filepath.Join(dist, f)); err != nil {
			fmt.Fprintf(os.Stderr, "e2e: %s is missing; run ./build.sh first\n", filepath.Join(dist, f))
			return 1
		}
	}
	srv := httptest.NewServer(withGenerated(server.New(dist, server.Options{})))
	defer srv.Close()
	baseURL = srv.URL

	ctx, cancel := browser.NewAllocator(context.Background())
	defer cancel()
	allocCtx = ctx
	return m.Run()
}

// page opens a new tab of the given CSS size and loads path into it.
func openPage(t *testing.T, w, h int64, path string) context.Context {
	t.Helper()
	return openPageScaled(t, w, h, 1, path)
}

// openPageScaled is openPage on a screen with the given device pixel ratio.
func openPageScaled(t *testing.T, w, h int64, dpr float64, path string) context.Context {
	t.Helper()
	return openPageFor(t, w, h, dpr, path, 90*time.Second)
}

// openPageFor is openPageScaled with the time the whole test may spend in
// the tab: a test that loads the page many times needs more than one
// page's 90 s.
func openPageFor(t *testing.T, w, h int64, dpr float64, path string, budget time.Duration) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(cancel)
	ctx, cancelT := context.WithTimeout(ctx, budget)
	t.Cleanup(cancelT)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, h, chromedp.EmulateScale(dpr))); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	// Keep the page's console, and show it when the test fails.
	var mu sync.Mutex
	var console []string
	go func() {
		for m, err := range chromedp.Console(ctx) {
			if err != nil {
				return
			}
			mu.Lock()
			console = append(console, m.String())
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		if t.Failed() {
			mu.Lock()
			defer mu.Unlock()
			for _, line := range console {
				t.Logf("console: %s", line)
			}
		}
	})
	if path != "" {
		navigate(t, ctx, path)
	}
	return ctx
}

func navigate(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(baseURL+path)); err != nil {
		t.Fatalf("loading %s: %v", path, err)
	}
}

// outcome waits until ouroboros.ready settles and says how: "resolved", or
// the rejection's message.
func outcome(t *testing.T, ctx context.Context) (resolved bool, message string) {
	t.Helper()
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]any](
		`window.ouroboros.ready.then(() => [true, ""], (e) => [false, String(e && e.message)])`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("waiting for ouroboros.ready: %v", err)
	}
	return got[0].(bool), got[1].(string)
}

// ready waits for ouroboros.ready to resolve and for the layout to settle,
// and returns the state.
func ready(t *testing.T, ctx context.Context) pageState {
	t.Helper()
	if ok, msg := outcome(t, ctx); !ok {
		t.Fatalf("ouroboros.ready rejected: %s", msg)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`window.ouroboros.state().view.settled`, chromedp.WithPollingTimeout(2*time.Minute))); err != nil {
		t.Fatalf("waiting for the layout to settle: %v", err)
	}
	return state(t, ctx)
}

func state(t *testing.T, ctx context.Context) pageState {
	t.Helper()
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify(window.ouroboros.state())`))
	if err != nil {
		t.Fatalf("reading state(): %v", err)
	}
	var s pageState
	if err := json.Unmarshal([]byte(raw), &s); err != nil {
		t.Fatalf("state() is not the documented object: %v\n%s", err, raw)
	}
	return s
}

func screenshot(t *testing.T, ctx context.Context) image.Image {
	t.Helper()
	b, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("decoding the screenshot: %v", err)
	}
	return img
}

// pageState mirrors window.ouroboros.state().
type pageState struct {
	Dataset struct {
		Title    string `json:"title"`
		AsOf     string `json:"asOf"`
		Entities int    `json:"entities"`
		Deals    int    `json:"deals"`
	} `json:"dataset"`
	Loops          []loopState `json:"loops"`
	LoopsTruncated bool        `json:"loopsTruncated"`
	Selection      *string     `json:"selection"`
	Story          *string     `json:"story"`
	Step           *int        `json:"step"`
	AsOf           *string     `json:"asOf"`
	Paused         bool        `json:"paused"`
	Mode           string      `json:"mode"`
	Motion         string      `json:"motion"`
	Problems       []string    `json:"problems"`
	Selected       *struct {
		ID, Name, Kind, KindLabel, Color, Note string
	} `json:"selected"`
	View struct {
		Width, Height, DPR float64
		Settled, Drifting  bool
		Touring            bool // the reading order lights the circular deals
		TourRank           int  // the rank of the one it lights, 0 for none or all
		Moving             bool // a story step easing in
		Tick               int64
		Zoom, PanX, PanY   float64
		Entities           []struct {
			ID      string
			X, Y, R float64
			Color   string
			Label   bool
		}
	} `json:"view"`
}

type loopState struct {
	Entities       []string `json:"entities"`
	Deals          []string `json:"deals"`
	RoundTripValue *float64 `json:"roundTripValue"`
	Kind           string   `json:"kind"`
	Rank           *int     `json:"rank"`
}

func chromedpScreenshot(ctx context.Context) ([]byte, error) {
	return chromedp.Run(ctx, chromedp.CaptureScreenshot())
}

// aboveTimeline returns a y in CSS pixels on the canvas just above the
// page's timeline bar and the legend's strip over it (or the canvas's
// bottom when the bar is hidden):
// empty space in the tests' small networks, and never under the page's
// own controls, whatever height the bar has.
func aboveTimeline(t *testing.T, ctx context.Context, s pageState) float64 {
	t.Helper()
	top, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`(() => {
		let top = innerHeight;
		for (const id of ['timeline', 'legend']) {
			const bar = document.getElementById(id);
			if (!bar || bar.hidden) continue;
			const r = bar.getBoundingClientRect();
			// The bar at the canvas's foot: the timeline, and the legend's
			// strip above it (not the legend folded at the top).
			if (r.height > 0 && r.top > innerHeight / 2) top = Math.min(top, r.top);
		}
		return top;
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	return min(top, s.View.Height) - 24
}
