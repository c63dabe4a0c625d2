// Command bench measures the built page (dist/) in headless Chromium, the
// way the browser tests drive it: the real server, the real WebAssembly and
// software WebGL (SwiftShader). `./build.sh bench` runs it; it is never part
// of `./build.sh test`, because timings on a shared machine are figures to
// record, not assertions.
//
// For each page it prints the time to `ouroboros.ready` on a cold load (a
// new browser profile each run, so nothing is cached) and on a repeat visit,
// and the main-thread milliseconds per frame: every requestAnimationFrame
// callback is timed by a wrapper installed before the page's own scripts, so
// the figure is what the Go program's frame (update, draw, WebGL calls) costs
// the thread that also runs the page's input. It also prints the time to the
// poster, the picture the page shows while the program downloads: the first
// frame after it was both shown and decoded. (largest-contentful-paint does
// not see it: Chromium leaves out images as large as the viewport.)
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
	"slices"
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
// deferred script runs before DOMContentLoaded).
const instrument = `(() => {
  const b = { frames: [], ready: null, failed: null, poster: null };
  Object.defineProperty(window, '__bench', { value: b });
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((ts) => {
    const start = performance.now();
    try { cb(ts); } finally { b.frames.push([ts, start, performance.now() - start]); }
  });
  document.addEventListener('DOMContentLoaded', () => {
    const img = document.getElementById('poster');
    if (img) {
      let seen = false;
      const check = () => {
        if (seen || img.hidden || !img.complete || img.naturalWidth === 0) return;
        seen = true;
        img.decode().then(() => raf(() => { b.poster = performance.now(); }), () => {});
      };
      img.addEventListener('load', check);
      check();
    }
    window.ouroboros.ready.then(
      () => { b.ready = performance.now(); },
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
	paths         []string
	runs          int
	window        time.Duration
	width, height int64
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	dir := fs.String("dir", "dist", "the built site")
	paths := fs.String("paths", "/,/?data=data/bench/random-1000x3000.json",
		"comma-separated pages to measure, such as /?data=data/examples/tiny.json; data/bench/random-NxM.json is generated (synth.go)")
	runs := fs.Int("runs", 3, "cold loads per page")
	seconds := fs.Float64("seconds", 5, "how long to time frames in each state")
	width := fs.Int64("width", 1280, "viewport width in CSS pixels")
	height := fs.Int64("height", 800, "viewport height in CSS pixels")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg := config{dir: *dir, runs: max(1, *runs), window: time.Duration(*seconds * float64(time.Second)), width: *width, height: *height}
	for p := range strings.SplitSeq(*paths, ",") {
		if p = strings.TrimSpace(p); p != "" {
			cfg.paths = append(cfg.paths, p)
		}
	}
	if _, err := os.Stat(filepath.Join(cfg.dir, "index.html")); err != nil {
		return fmt.Errorf("%w; run ./build.sh first", err)
	}
	srv := httptest.NewServer(withSynthetic(server.New(cfg.dir, server.Options{})))
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
	for _, p := range cfg.paths {
		if err := benchPage(browser, srv.URL, p, cfg, out); err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
	}
	return nil
}

// A load is what one visit of the page measured, in milliseconds since the
// navigation started.
type load struct {
	Ready     float64 `json:"ready"`
	WasmFetch float64 `json:"wasmFetch"` // the program's download ended
	WasmBytes float64 `json:"wasmBytes"` // its body's bytes on the wire (0 when cached)
	WasmSize  float64 `json:"wasmSize"`  // its decoded size
	WasmName  string  `json:"wasmName"`  // the URL the loader fetched
	// Poster is the first frame with the poster shown and decoded; 0 when
	// the page showed none.
	Poster float64 `json:"poster"`
}

func benchPage(browser context.Context, base, path string, cfg config, out io.Writer) error {
	fmt.Fprintf(out, "\npage %s\n", path)
	var colds []load
	for i := range cfg.runs {
		// A new browser context has an empty HTTP and code cache.
		tab, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
		l, err := visit(tab, base+path, cfg)
		if err != nil {
			cancel()
			return err
		}
		colds = append(colds, l)
		fmt.Fprintf(out, "  cold load %d: ready at %.0f ms (program %s: %.0f bytes on the wire for %.0f, downloaded by %.0f ms)\n",
			i+1, l.Ready, l.WasmName, l.WasmBytes, l.WasmSize, l.WasmFetch)
		if l.Poster > 0 {
			fmt.Fprintf(out, "    poster at %.0f ms\n", l.Poster)
		}
		if i == cfg.runs-1 {
			// Stop this tab's program so that it does not compete with the
			// next for the CPU; its profile, and so its cache, stays.
			err = chromedp.Do(tab, chromedp.Navigate("about:blank"))
			if err == nil {
				err = visitAgainAndTimeFrames(tab, base+path, cfg, out)
			}
		}
		cancel()
		if err != nil {
			return err
		}
	}
	readies := make([]float64, len(colds))
	var posters []float64
	for i, l := range colds {
		readies[i] = l.Ready
		if l.Poster > 0 {
			posters = append(posters, l.Poster)
		}
	}
	if len(posters) > 0 {
		fmt.Fprintf(out, "  time to the poster, cold: median %.0f ms of %d loads\n", median(posters), len(posters))
	} else {
		fmt.Fprintf(out, "  time to the poster: the page showed none\n")
	}
	fmt.Fprintf(out, "  time to ready, cold: median %.0f ms of %d loads\n", median(readies), len(readies))
	return nil
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
	  return JSON.stringify({
	    ready: b.ready,
	    wasmFetch: w ? w.responseEnd : 0,
	    wasmBytes: w && w.transferSize ? w.encodedBodySize : 0,
	    wasmSize: w ? w.decodedBodySize : 0,
	    wasmName: w ? new URL(w.name).pathname.slice(1) : '(none)',
	    poster: b.poster || 0,
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

// visitAgainAndTimeFrames opens the page in a new tab of the same profile
// (the hashed assets now come from the HTTP cache), then times frames while
// the layout runs, once it has settled, and paused.
func visitAgainAndTimeFrames(tab context.Context, url string, cfg config, out io.Writer) error {
	again, cancel := chromedp.NewContext(tab)
	defer cancel()
	l, err := visit(again, url, cfg)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(again, 15*time.Minute)
	defer cancel()
	fmt.Fprintf(out, "  repeat visit (HTTP cache): ready at %.0f ms (%.0f bytes of program on the wire)\n", l.Ready, l.WasmBytes)

	mark := func() (float64, error) {
		return chromedp.Run(ctx, chromedp.Evaluate[float64](`performance.now()`))
	}
	readyAt := l.Ready
	laidOut, animating, paused := "laying out (ready → settled)", "settled, animating", "paused"
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`window.ouroboros.state().view.settled`,
		pollEvery, chromedp.WithPollingTimeout(settleWait))); err != nil {
		// A large network may take minutes to settle at headless
		// SwiftShader's frame rate; time its frames as they are.
		laidOut = fmt.Sprintf("laying out (ready → still not settled %.0f s later)", settleWait.Seconds())
		animating, paused = "animating, layout still running", "paused, layout still running"
	}
	settledAt, err := mark()
	if err != nil {
		return err
	}
	if err := report(ctx, out, laidOut, readyAt, settledAt); err != nil {
		return err
	}
	if err := chromedp.Do(ctx, chromedp.Sleep(cfg.window)); err != nil {
		return err
	}
	end, err := mark()
	if err != nil {
		return err
	}
	if err := report(ctx, out, animating, settledAt, end); err != nil {
		return err
	}
	if err := timeInputs(ctx, out, animating); err != nil {
		return err
	}
	problem, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`(() => { try { window.ouroboros.send({ type: 'pause' }); return ''; } catch (e) { return String(e.message); } })()`))
	if err != nil {
		return err
	}
	if problem != "" {
		fmt.Fprintf(out, "  paused: not measured, the page refused {type: 'pause'}: %s\n", problem)
		return nil
	}
	start, err := mark()
	if err != nil {
		return err
	}
	if err := chromedp.Do(ctx, chromedp.Sleep(cfg.window)); err != nil {
		return err
	}
	end, err = mark()
	if err != nil {
		return err
	}
	if err := report(ctx, out, paused, start, end); err != nil {
		return err
	}
	return timeInputs(ctx, out, paused)
}

// settleWait is how long the bench waits for the layout to settle before it
// times the frames anyway.
const settleWait = 90 * time.Second

// pollEvery polls on a timer: chromedp's default polls in
// requestAnimationFrame callbacks, which would add work to the frames timed.
var pollEvery = chromedp.WithPollingInterval(100 * time.Millisecond)

// report prints the main-thread time of the frames that started between
// from and to (milliseconds since navigation): per frame, the sum of its
// requestAnimationFrame callbacks.
func report(ctx context.Context, out io.Writer, what string, from, to float64) error {
	callbacks, err := chromedp.Run(ctx, chromedp.Evaluate[[][3]float64](`window.__bench.frames`))
	if err != nil {
		return err
	}
	var ms []float64
	last := -1.0
	for _, c := range callbacks {
		ts, start, dur := c[0], c[1], c[2]
		if start < from || start >= to {
			continue
		}
		if ts == last && len(ms) > 0 {
			ms[len(ms)-1] += dur
			continue
		}
		ms = append(ms, dur)
		last = ts
	}
	secs := (to - from) / 1000
	if len(ms) == 0 {
		fmt.Fprintf(out, "  %s: no frames in %.1f s\n", what, secs)
		return nil
	}
	sum := 0.0
	for _, v := range ms {
		sum += v
	}
	slices.Sort(ms)
	fmt.Fprintf(out, "  %s: %d frames in %.1f s (%.1f fps); main thread per frame: median %.2f ms, mean %.2f ms, p95 %.2f ms, max %.2f ms\n",
		what, len(ms), secs, float64(len(ms))/secs, median(ms), sum/float64(len(ms)), ms[min(len(ms)-1, len(ms)*95/100)], ms[len(ms)-1])
	return nil
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	n := len(s)
	if n == 0 {
		return 0
	}
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
