// Command bench measures the built page (dist/) in headless Chromium, the
// way the browser tests drive it: the real server, the real WebAssembly and
// software WebGL (SwiftShader). `./build.sh bench` runs it; it is never part
// of `./build.sh test`, because timings on a shared machine are figures to
// record, not assertions.
//
// It measures the engine's floor first (-floor, built by ./build.sh bench:
// web/cmd/bench/floor, three discs and nothing else, built, packed and
// served as the explainer is), then each page, and ends with a table of
// every figure of ours beside the floor's and their ratio (issue 19):
//
//   - first contentful paint: Chromium's paint timing, on a cold load (a
//     new browser profile each run, so nothing is cached);
//   - ready: ouroboros.ready on a cold load (the floor's: its first frame
//     drawn), and on a repeat visit;
//   - the phases of the start, as a table of milliseconds from the
//     navigation's start: the program's download from Resource Timing, and
//     the performance marks the page (web/app.js) and the program
//     (wasm/app/phases.go, through ouroborosBoot.mark) leave;
//   - main-thread milliseconds per frame, median and 95th percentile: every
//     requestAnimationFrame callback is timed by a wrapper installed before
//     the page's own scripts, so the figure is what the Go program's frame
//     (update, draw, WebGL calls) costs the thread that also runs the
//     page's input; timed while the layout runs, once it has settled
//     (steady: the figure set beside the floor's), and paused;
//   - Go heap allocations per frame, from the program's malloc count
//     (ouroborosBoot.goMallocs) before and after the frames, and then, in
//     a window of their own with every allocation recorded, whose code
//     made them: the program's, the engine's, syscall/js's or the
//     runtime's (sites.go);
//   - the input's latency (latency.go), and the time to the poster, the
//     picture the page shows while the program downloads: the first frame
//     after it was both shown and decoded (largest-contentful-paint does
//     not see it: Chromium leaves out images as large as the viewport).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"ouroboros/web/e2e/browser"
	"ouroboros/web/server"
)

// instrument runs in every document before the page's scripts. It wraps
// requestAnimationFrame to time each callback, keyed by the frame's
// timestamp (every callback of one frame gets the same), and notes when
// ouroboros.ready resolves (app.js defines it in a module, which like a
// deferred script runs before DOMContentLoaded; the floor's floor.js too),
// and the first contentful paint.
const instrument = `(() => {
  const b = { frames: [], ready: null, failed: null, poster: null, fcp: 0 };
  Object.defineProperty(window, '__bench', { value: b });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') b.fcp = e.startTime;
    }).observe({ type: 'paint', buffered: true });
  } catch (e) { /* no paint timing: the figure stays unknown */ }
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((ts) => {
    const start = performance.now();
    try { cb(ts); } finally { b.frames.push([ts, start, performance.now() - start]); }
  });
  // The poster is inline SVG in the page (issue 19): its time is the first
  // frame begun with all of it parsed (the element after it is) and
  // shown, the frame that paints it.
  const look = () => {
    const p = document.getElementById('poster');
    if (p && p.nextElementSibling && !p.hidden && getComputedStyle(p).display !== 'none' && p.getBoundingClientRect().width > 0) {
      b.poster = performance.now();
      return;
    }
    if (b.ready === null && b.failed === null) raf(look);
  };
  raf(look);
  document.addEventListener('DOMContentLoaded', () => {
    window.ouroboros.ready.then(
      (s) => { b.ready = performance.now(); b.settled = !!(s && s.view && s.view.settled); },
      (e) => { b.failed = String(e && e.message); });
  });
})();`

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "bench:", err)
		}
		os.Exit(1)
	}
}

type config struct {
	dir           string
	floor         string // the floor program's site; "" for none
	paths         []string
	runs          int
	window        time.Duration
	width, height int64
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	dir := fs.String("dir", "dist", "the built site")
	floor := fs.String("floor", "", "the floor program's site (built by ./build.sh bench), packed here and served under /floor/; empty for none")
	paths := fs.String("paths", "/,/?data=data/bench/random-1000x3000.json,/?data=data/bench/random-2000x8000.json",
		"comma-separated pages to measure, such as /?data=data/examples/tiny.json; data/bench/random-NxM.json is generated (synth.go)")
	runs := fs.Int("runs", 3, "cold loads per page")
	seconds := fs.Float64("seconds", 5, "how long to time frames in each state")
	width := fs.Int64("width", 1280, "viewport width in CSS pixels")
	height := fs.Int64("height", 800, "viewport height in CSS pixels")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg := config{dir: *dir, floor: *floor, runs: max(1, *runs), window: time.Duration(*seconds * float64(time.Second)), width: *width, height: *height}
	for p := range strings.SplitSeq(*paths, ",") {
		if p = strings.TrimSpace(p); p != "" {
			cfg.paths = append(cfg.paths, p)
		}
	}
	if _, err := os.Stat(filepath.Join(cfg.dir, "index.html")); err != nil {
		return fmt.Errorf("%w; run ./build.sh first", err)
	}
	site := withSynthetic(server.New(cfg.dir, server.Options{}))
	if cfg.floor != "" {
		if err := packFloor(cfg.floor); err != nil {
			return fmt.Errorf("packing the floor program: %w", err)
		}
		site = withFloor(cfg.floor, site)
	}
	srv := httptest.NewServer(site)
	defer srv.Close()

	exe := browser.Path()
	allocCtx, cancel := browser.NewAllocator(context.Background())
	defer cancel()
	browser, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	if err := chromedp.Do(browser); err != nil {
		return fmt.Errorf("starting %s: %w", exe, err)
	}
	version := "Chromium"
	if b, err := exec.Command(exe, "--version").Output(); err == nil {
		version = strings.TrimSpace(string(b))
	}
	fmt.Fprintf(out, "%s, headless, SwiftShader WebGL; viewport %d×%d CSS px at DPR 1; served from %s over loopback\n",
		version, cfg.width, cfg.height, cfg.dir)
	var floorResult *result
	if cfg.floor != "" {
		r, err := benchFloor(browser, srv.URL, cfg, out)
		if err != nil {
			return fmt.Errorf("the floor program: %w", err)
		}
		floorResult = &r
	}
	var figs []figure
	for _, p := range cfg.paths {
		r, err := benchPage(browser, srv.URL, p, cfg, floorResult, out)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		figs = append(figs, r.figures(p, floorResult)...)
	}
	if floorResult == nil {
		return nil
	}
	fmt.Fprintf(out, "\nours beside the floor (a minimal Ebitengine program: three discs; ratio = ours / floor):\n")
	return writeFigures(out, figs)
}

// A load is what one visit of the page measured, in milliseconds since the
// navigation started.
type load struct {
	Ready float64 `json:"ready"`
	// Settled says the first frame's layout was settled: the program
	// started from the build's (layout.Settled), with no steps to take.
	Settled   bool    `json:"settled"`
	WasmFetch float64 `json:"wasmFetch"` // the program's download ended
	WasmBytes float64 `json:"wasmBytes"` // its body's bytes on the wire (0 when cached)
	WasmSize  float64 `json:"wasmSize"`  // its decoded size
	WasmName  string  `json:"wasmName"`  // the URL the loader fetched
	// Poster is the first frame begun with the poster parsed and shown; 0
	// when the page showed none.
	Poster float64 `json:"poster"`
	FCP    float64 `json:"fcp"` // first contentful paint; 0 when none
	// Marks are the moments of the start (see phases in compare.go).
	Marks map[string]float64 `json:"marks"`
}

// A result is what the bench sets beside the floor's: medians over the
// cold loads, and the steady frames.
type result struct {
	fcp, ready float64            // ms; -1 when unknown
	marks      map[string]float64 // medians, ms
	steady     frameStats
	steadyNote string  // how steady the steady frames were
	allocs     float64 // Go heap allocations per steady frame; -1 unknown
	own        float64 // of them, the program's own code's (sites.go); -1 unknown
}

// figures are r's lines of the table beside the floor's.
func (r result) figures(page string, floor *result) []figure {
	f := result{fcp: -1, ready: -1, allocs: -1, own: -1}
	if floor != nil {
		f = *floor
	}
	frames := func(s frameStats, v float64) float64 {
		if s.N == 0 {
			return -1
		}
		return v
	}
	return []figure{
		{page, "first contentful paint, cold", r.fcp, f.fcp, "ms", ""},
		{page, "ready, cold", r.ready, f.ready, "ms", ""},
		{page, "main thread per steady frame, median", frames(r.steady, r.steady.Median), frames(f.steady, f.steady.Median), "ms", r.steadyNote},
		{page, "main thread per steady frame, p95", frames(r.steady, r.steady.P95), frames(f.steady, f.steady.P95), "ms", r.steadyNote},
		{page, "Go allocations per steady frame", r.allocs, f.allocs, "", r.steadyNote},
		{page, "  of them the program's own code's", r.own, f.own, "", r.steadyNote},
	}
}

// coldLoads loads url runs times, each in a new browser profile, and
// prints each load. last, when not nil, runs in the last load's tab.
func coldLoads(browser context.Context, url string, cfg config, out io.Writer, last func(tab context.Context) error) ([]load, error) {
	var colds []load
	for i := range cfg.runs {
		// A new browser context has an empty HTTP and code cache.
		tab, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
		l, err := visit(tab, url, cfg)
		if err != nil {
			cancel()
			return nil, err
		}
		colds = append(colds, l)
		fmt.Fprintf(out, "  cold load %d: first contentful paint at %.0f ms, ready at %.0f ms (program %s: %.0f bytes on the wire for %.0f, downloaded by %.0f ms)\n",
			i+1, l.FCP, l.Ready, l.WasmName, l.WasmBytes, l.WasmSize, l.WasmFetch)
		if l.Poster > 0 {
			fmt.Fprintf(out, "    poster at %.0f ms\n", l.Poster)
		}
		if i == cfg.runs-1 && last != nil {
			err = last(tab)
		}
		cancel()
		if err != nil {
			return nil, err
		}
	}
	return colds, nil
}

// summarizeLoads gives the medians of the cold loads.
func summarizeLoads(colds []load) result {
	r := result{fcp: -1, ready: -1, allocs: -1, own: -1}
	var readies, fcps []float64
	var marks []map[string]float64
	for _, l := range colds {
		readies = append(readies, l.Ready)
		if l.FCP > 0 {
			fcps = append(fcps, l.FCP)
		}
		marks = append(marks, l.Marks)
	}
	if len(readies) > 0 {
		r.ready = median(readies)
	}
	if len(fcps) > 0 {
		r.fcp = median(fcps)
	}
	r.marks = medianMarks(marks)
	return r
}

func benchPage(browser context.Context, base, path string, cfg config, floor *result, out io.Writer) (result, error) {
	fmt.Fprintf(out, "\npage %s\n", path)
	var steady result
	colds, err := coldLoads(browser, base+path, cfg, out, func(tab context.Context) error {
		// Stop this tab's program so that it does not compete with the
		// next for the CPU; its profile, and so its cache, stays.
		err := chromedp.Do(tab, chromedp.Navigate("about:blank"))
		if err == nil {
			steady, err = visitAgainAndTimeFrames(tab, base+path, cfg, out)
		}
		return err
	})
	if err != nil {
		return result{}, err
	}
	r := summarizeLoads(colds)
	r.steady, r.steadyNote, r.allocs, r.own = steady.steady, steady.steadyNote, steady.allocs, steady.own
	var posters []float64
	for _, l := range colds {
		if l.Poster > 0 {
			posters = append(posters, l.Poster)
		}
	}
	if len(posters) > 0 {
		fmt.Fprintf(out, "  time to the poster, cold: median %.0f ms of %d loads\n", median(posters), len(posters))
	} else {
		fmt.Fprintf(out, "  time to the poster: the page showed none\n")
	}
	fmt.Fprintf(out, "  first contentful paint, cold: median %.0f ms; time to ready, cold: median %.0f ms of %d loads\n", r.fcp, r.ready, len(colds))
	fmt.Fprintf(out, "  the start's phases, cold (median ms from the navigation's start; +ms: since the row above):\n")
	var floorMarks map[string]float64
	if floor != nil {
		floorMarks = floor.marks
	}
	return r, writePhases(out, "    ", r.marks, floorMarks)
}

// visit loads url in the tab and waits for ouroboros.ready.
func visit(tab context.Context, url string, cfg config) (load, error) {
	// The first action on a tab's context opens the tab, which lives as long
	// as that action's context: it must not be the timed one below.
	if err := chromedp.Do(tab); err != nil {
		return load{}, err
	}
	ctx, cancel := context.WithTimeout(tab, 3*time.Minute)
	defer cancel()
	addScript := func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: instrument})
		return chromedp.Void{}, err
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(cfg.width, cfg.height), addScript, chromedp.Navigate(url)); err != nil {
		return load{}, err
	}
	return waitReady(ctx)
}

func waitReady(ctx context.Context) (load, error) {
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`window.__bench.ready !== null || window.__bench.failed !== null`,
		pollEvery, chromedp.WithPollingTimeout(3*time.Minute))); err != nil {
		return load{}, fmt.Errorf("waiting for ouroboros.ready: %w", err)
	}
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
	  const b = window.__bench;
	  if (b.failed !== null) return JSON.stringify({ failed: b.failed });
	  const w = performance.getEntriesByType('resource').find((e) => /\.wasm$/.test(new URL(e.name).pathname));
	  const marks = (b, w) => {
	    const m = {};
	    for (const e of performance.getEntriesByType('mark')) {
	      if (e.name.startsWith('ouroboros:')) m[e.name.slice('ouroboros:'.length)] = e.startTime;
	    }
	    if (w) { m['wasm-requested'] = w.startTime; m['wasm-downloaded'] = w.responseEnd; }
	    if (b.fcp) m.fcp = b.fcp;
	    m.ready = b.ready;
	    return m;
	  };
	  return JSON.stringify({
	    ready: b.ready,
	    settled: !!b.settled,
	    wasmFetch: w ? w.responseEnd : 0,
	    wasmBytes: w && w.transferSize ? w.encodedBodySize : 0,
	    wasmSize: w ? w.decodedBodySize : 0,
	    wasmName: w ? new URL(w.name).pathname.slice(1) : '(none)',
	    poster: b.poster || 0,
	    fcp: b.fcp,
	    marks: marks(b, w),
	  });
	})()`))
	if err != nil {
		return load{}, err
	}
	var l struct {
		load
		Failed string `json:"failed"`
	}
	if err := json.Unmarshal([]byte(raw), &l); err != nil {
		return load{}, err
	}
	if l.Failed != "" {
		return load{}, fmt.Errorf("ouroboros.ready rejected: %s", l.Failed)
	}
	return l.load, nil
}
