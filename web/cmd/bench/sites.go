package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	"ouroboros/web/e2e/browser"
)

// owners are AllocSite.Owner's answers, in the order the bench prints them.
var owners = []string{browser.Program, "Ebitengine", "syscall/js", "Go's runtime"}

// allocSites records every heap allocation of the program over the next
// window (wasm/bridge, Boot.AllocSites), prints them per frame by whose
// code made them, with the largest sites, and returns the program's own
// per frame (-1 when the program reports none). It runs after the timed
// windows: recording every allocation slows each one down.
func allocSites(ctx context.Context, out io.Writer, what string, window time.Duration) (float64, error) {
	if err := browser.StartAllocSites(ctx); err != nil {
		fmt.Fprintf(out, "    whose allocations: not measured: %v\n", err)
		return -1, nil
	}
	from, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`performance.now()`))
	if err != nil {
		return -1, err
	}
	if err := chromedp.Do(ctx, chromedp.Sleep(window)); err != nil {
		return -1, err
	}
	to, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`performance.now()`))
	if err != nil {
		return -1, err
	}
	sites, err := browser.EndAllocSites(ctx)
	if err != nil {
		return -1, err
	}
	callbacks, err := chromedp.Run(ctx, chromedp.Evaluate[[][3]float64](`window.__bench.frames`))
	if err != nil {
		return -1, err
	}
	frames := float64(len(perFrame(callbacks, from, to)))
	if frames == 0 {
		fmt.Fprintf(out, "    whose allocations, %s: no frame in %.1f s\n", what, window.Seconds())
		return -1, nil
	}
	by := map[string]int64{}
	for _, s := range sites {
		by[s.Owner()] += s.Count
	}
	parts := make([]string, len(owners))
	for i, o := range owners {
		parts[i] = fmt.Sprintf("%s %.1f", o, float64(by[o])/frames)
	}
	fmt.Fprintf(out, "    whose allocations, %s, every one recorded (%.0f frames in %.1f s), per frame: %s\n",
		what, frames, (to-from)/1000, strings.Join(parts, "; "))
	slices.SortFunc(sites, func(a, b browser.AllocSite) int { return cmp.Compare(b.Count, a.Count) })
	// The largest sites, and the program's own largest: in a steady window
	// it has none, but the reading order lighting the next deal builds a
	// new picture (TestTheSteadyFrameAllocatesNothingOfOurs holds it with a
	// selection).
	own := 0
	for i, s := range sites {
		if i >= 6 && (s.Owner() != browser.Program || own >= 3) {
			continue
		}
		if s.Owner() == browser.Program {
			own++
		}
		stack := strings.Split(s.Stack, " < ")
		fmt.Fprintf(out, "      %5.1f a frame, %s: %s\n", float64(s.Count)/frames, s.Owner(), strings.Join(stack[:min(len(stack), 4)], " < "))
	}
	return float64(by[browser.Program]) / frames, nil
}
