package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/chromedp/chromedp"
)

// visitAgainAndTimeFrames opens the page in a new tab of the same profile
// (the hashed assets now come from the HTTP cache), then times frames while
// the layout runs, once it has settled (the steady frames, with their
// allocations), and paused.
func visitAgainAndTimeFrames(tab context.Context, url string, cfg config, out io.Writer) (result, error) {
	r := result{allocs: -1, own: -1}
	again, cancel := chromedp.NewContext(tab)
	defer cancel()
	l, err := visit(again, url, cfg)
	if err != nil {
		return r, err
	}
	ctx, cancel := context.WithTimeout(again, 15*time.Minute)
	defer cancel()
	fmt.Fprintf(out, "  repeat visit (HTTP cache): ready at %.0f ms (%.0f bytes of program on the wire)\n", l.Ready, l.WasmBytes)

	laidOut, animating, paused := "laying out (ready → settled)", "settled, animating", "paused"
	if l.Settled {
		laidOut = "ready → the first poll (the layout was settled from the first frame: the build's)"
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`window.ouroboros.state().view.settled`,
		pollEvery, chromedp.WithPollingTimeout(settleWait))); err != nil {
		// A large network may take minutes to settle at headless
		// SwiftShader's frame rate; time its frames as they are.
		laidOut = fmt.Sprintf("laying out (ready → still not settled %.0f s later)", settleWait.Seconds())
		animating, paused = "animating, layout still running", "paused, layout still running"
		r.steadyNote = "layout still running"
	}
	settledAt, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`performance.now()`))
	if err != nil {
		return r, err
	}
	if _, err := report(ctx, out, laidOut, l.Ready, settledAt); err != nil {
		return r, err
	}
	if r.steady, r.allocs, err = timeWindow(ctx, out, animating, cfg.window); err != nil {
		return r, err
	}
	if r.own, err = allocSites(ctx, out, animating, cfg.window); err != nil {
		return r, err
	}
	if err := timeInputs(ctx, out, animating); err != nil {
		return r, err
	}
	problem, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`(() => { try { window.ouroboros.send({ type: 'pause' }); return ''; } catch (e) { return String(e.message); } })()`))
	if err != nil {
		return r, err
	}
	if problem != "" {
		fmt.Fprintf(out, "  paused: not measured, the page refused {type: 'pause'}: %s\n", problem)
		return r, nil
	}
	// A story step still easing in (the input trials above end in one)
	// goes on easing while paused: its frames are the ease's, not a paused
	// page's. The window begins once it is over.
	pausedAt, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`performance.now()`))
	if err != nil {
		return r, err
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`(() => { const s = window.ouroboros.state(); return s.paused && !s.view.moving; })()`,
		pollEvery, chromedp.WithPollingTimeout(time.Minute))); err != nil {
		return r, fmt.Errorf("waiting for the paused page's story step to ease in: %w", err)
	}
	still, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`performance.now()`))
	if err != nil {
		return r, err
	}
	if still-pausedAt > 500 {
		fmt.Fprintf(out, "  paused: the story step's ease went on for %.0f ms; the window begins after it\n", still-pausedAt)
	}
	if _, _, err := timeWindow(ctx, out, paused, cfg.window); err != nil {
		return r, err
	}
	return r, timeInputs(ctx, out, paused)
}

// readMallocs reads the time and the program's allocation count twice
// (what one read costs is the difference), or -1s when the program tells
// none.
const readMallocs = `(() => {
  const f = globalThis.ouroborosBoot && globalThis.ouroborosBoot.goMallocs;
  if (typeof f !== 'function') return [performance.now(), -1, -1];
  const a = f();
  const b = f();
  return [performance.now(), a, b];
})()`

// timeWindow times the frames of the next window and counts the program's
// allocations over them, and prints both.
func timeWindow(ctx context.Context, out io.Writer, what string, window time.Duration) (frameStats, float64, error) {
	start, err := chromedp.Run(ctx, chromedp.Evaluate[[3]float64](readMallocs))
	if err != nil {
		return frameStats{}, -1, err
	}
	if err := chromedp.Do(ctx, chromedp.Sleep(window)); err != nil {
		return frameStats{}, -1, err
	}
	end, err := chromedp.Run(ctx, chromedp.Evaluate[[3]float64](readMallocs))
	if err != nil {
		return frameStats{}, -1, err
	}
	stats, err := report(ctx, out, what, start[0], end[0])
	if err != nil {
		return stats, -1, err
	}
	allocs := allocsPerFrame(start[1], start[2], end[1], stats.N)
	if allocs >= 0 {
		fmt.Fprintf(out, "    Go heap allocations: %.1f per frame (%.0f in %d frames)\n", allocs, allocs*float64(stats.N), stats.N)
	}
	return stats, allocs, nil
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
func report(ctx context.Context, out io.Writer, what string, from, to float64) (frameStats, error) {
	callbacks, err := chromedp.Run(ctx, chromedp.Evaluate[[][3]float64](`window.__bench.frames`))
	if err != nil {
		return frameStats{}, err
	}
	stats := newFrameStats(perFrame(callbacks, from, to), (to-from)/1000)
	fmt.Fprintf(out, "  %s: %s\n", what, stats)
	return stats, nil
}

// perFrame sums the callbacks ([timestamp, start, ms]) that started
// between from and to by frame: every callback of one frame has its
// timestamp.
func perFrame(callbacks [][3]float64, from, to float64) []float64 {
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
	return ms
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
