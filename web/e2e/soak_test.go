//go:build browser && soak

package e2e_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/heapprofiler"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// soakGrowth is how much either heap may grow from just after warm-up to
// the end of the run: more means something accumulates, which a kiosk that
// runs for days cannot afford.
const soakGrowth = 0.05

// TestSoak runs the kiosk for SOAK_MINUTES (default 20) with its timers
// shortened through the link: the attract loop steps every 2 s, and every
// minute a touch hands over to a "visitor" who leaves, so that the idle
// countdown and the reset run too. Every 30 s it collects garbage in both
// heaps and samples them: the Go heap (ouroborosBoot.goHeap) and the
// JavaScript heap (Runtime.getHeapUsage). Neither may grow more than 5%
// after the warm-up (the first fifth), the loop must keep stepping and
// resetting, and the console must stay free of errors. Run it with ./build.sh soak.
func TestSoak(t *testing.T) {
	minutes := 20.0
	if s := os.Getenv("SOAK_MINUTES"); s != "" {
		m, err := strconv.ParseFloat(s, 64)
		if err != nil || m < 2 {
			t.Fatalf("SOAK_MINUTES=%q: want a number of minutes, at least 2", s)
		}
		minutes = m
	}
	run := time.Duration(minutes * float64(time.Minute))
	ctx, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, run+5*time.Minute)
	defer cancelT()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800)); err != nil {
		t.Fatal(err)
	}
	problems := consoleErrors(ctx)
	navigate(t, ctx, "/?mode=kiosk&idle=5&countdown=3&attract=2")
	ready(t, ctx)
	kioskWait(t, ctx, "the attract loop", `ouroborosKiosk.phase === 'attract'`, time.Minute)

	samples := soakSamples(t, ctx, run)
	checkSoakGrowth(t, samples, run)
	last := samples[len(samples)-1]
	if want := int(run / (3 * time.Second)); last.steps < want {
		t.Errorf("the attract loop showed %d steps in %s; want at least %d", last.steps, run, want)
	}
	if want := int(minutes) - 2; last.reset < want {
		t.Errorf("the kiosk reset %d times in %s; want at least %d (a visitor a minute)", last.reset, run, want)
	}
	if p := problems(); len(p) > 0 {
		t.Errorf("console errors during the soak:\n%s", strings.Join(p, "\n"))
	}
	fmt.Fprintf(os.Stderr, "soak: %d samples over %s\n", len(samples), run)
}

// soakSample is one sampling of the soak: both heaps after collecting
// garbage, and the kiosk's counts of steps shown and resets.
type soakSample struct {
	at           time.Duration
	goHeap, js   float64
	steps, reset int
}

// consoleErrors collects the tab's console errors and exceptions, and
// returns a function that reads them.
func consoleErrors(ctx context.Context) func() []string {
	var mu sync.Mutex
	var problems []string
	go func() {
		for m, err := range chromedp.Console(ctx) {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
				mu.Lock()
				problems = append(problems, m.String())
				mu.Unlock()
			}
		}
	}()
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(problems)
	}
}

// soakSamples runs the kiosk for run: every 30 s it samples both heaps,
// and every minute a visitor touches the date (inert), then leaves.
func soakSamples(t *testing.T, ctx context.Context, run time.Duration) []soakSample {
	t.Helper()
	const every = 30 * time.Second
	var samples []soakSample
	start := time.Now()
	nextTouch := start.Add(time.Minute)
	for next := start; ; next = next.Add(every) {
		for time.Now().Before(next) {
			if time.Now().After(nextTouch) {
				// A visitor: a touch on the date (inert), then nobody.
				x, y := centre(t, ctx, "scrub-date")
				tap(t, ctx, x, y)
				nextTouch = nextTouch.Add(time.Minute)
			}
			wake := next
			if nextTouch.Before(wake) {
				wake = nextTouch
			}
			soakPause(wake)
		}
		for range 2 { // the second catches what the first's finalizers freed
			if _, err := chromedp.Call(ctx, heapprofiler.CollectGarbage, struct{}{}); err != nil {
				t.Fatalf("collecting JavaScript garbage: %v", err)
			}
		}
		use, err := chromedp.Call(ctx, runtime.GetHeapUsage, struct{}{})
		if err != nil {
			t.Fatalf("reading the JavaScript heap: %v", err)
		}
		k := eval[[]float64](t, ctx, `[ouroborosBoot.goHeap(), ouroborosKiosk.stepsShown, ouroborosKiosk.resets]`)
		s := soakSample{at: time.Since(start).Round(time.Second), goHeap: k[0], js: use.UsedSize, steps: int(k[1]), reset: int(k[2])}
		samples = append(samples, s)
		t.Logf("%6s  Go heap %8.0f KB  JS heap %8.0f KB  steps %4d  resets %3d", s.at, s.goHeap/1024, s.js/1024, s.steps, s.reset)
		if time.Since(start) >= run {
			return samples
		}
	}
}

// checkSoakGrowth: the lowest sample of the last third against the lowest
// of the first third after the warm-up (the first fifth of the run). What
// a leak keeps raises the floor that every collection comes back to; what
// a step or a reset happened to hold at one sampling lifts a single sample
// only (the JavaScript heap is under 2 MB, so that is several percent
// either way).
func checkSoakGrowth(t *testing.T, samples []soakSample, run time.Duration) {
	t.Helper()
	warm := 0
	for warm < len(samples) && samples[warm].at < run/5 {
		warm++
	}
	after := samples[warm:]
	if len(after) < 6 {
		t.Fatalf("only %d samples after the warm-up; run longer", len(after))
	}
	third := len(after) / 3
	floor := func(ss []soakSample, f func(soakSample) float64) float64 {
		m := f(ss[0])
		for _, s := range ss[1:] {
			m = min(m, f(s))
		}
		return m
	}
	for _, h := range []struct {
		name string
		f    func(soakSample) float64
	}{{"Go", func(s soakSample) float64 { return s.goHeap }}, {"JavaScript", func(s soakSample) float64 { return s.js }}} {
		base, end := floor(after[:third], h.f), floor(after[len(after)-third:], h.f)
		growth := end/base - 1
		t.Logf("%s heap: %.0f KB after the warm-up, %.0f KB at the end (lowest of each third): %+.1f%%", h.name, base/1024, end/1024, growth*100)
		if growth > soakGrowth {
			t.Errorf("the %s heap grew %.1f%% (from %.0f to %.0f bytes), over %.0f%%", h.name, growth*100, base, end, soakGrowth*100)
		}
	}
}
