//go:build browser

package e2e_test

import (
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"

	"ouroboros/web/e2e/browser"
)

// TestTheSteadyFrameAllocatesNothingOfOurs records every heap allocation
// of the program in the browser over 30 steady frames (settled, the
// particles moving; wasm/bridge, Boot.AllocSites) and finds none made by
// the program's own code: the app, the session's tick, the scene, the
// bridge, and whatever the page's scripts ask of it while frames run.
// The engine's and syscall/js's own allocations in every frame (issue 19)
// are counted, to show the recording works. A window in which the reading
// order lit the next deal (a new picture built, an event to the page) is
// not a steady one and is taken again.
func TestTheSteadyFrameAllocatesNothingOfOurs(t *testing.T) {
	ctx := openPage(t, 800, 500, "/")
	ready(t, ctx)
	const frames = 30
	for try := 0; ; try++ {
		before := state(t, ctx).View.TourRank
		if err := browser.StartAllocSites(ctx); err != nil {
			t.Fatal(err)
		}
		// Frames counted by the page's own requestAnimationFrame, so that
		// nothing calls into the program while they run.
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`new Promise((done) => {
  let n = 0;
  const frame = () => (++n >= `+strconv.Itoa(frames)+` ? done(true) : requestAnimationFrame(frame));
  requestAnimationFrame(frame);
})`, chromedp.EvalAwaitPromise)); err != nil {
			t.Fatal(err)
		}
		sites, err := browser.EndAllocSites(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if after := state(t, ctx).View.TourRank; after != before && try < 3 {
			t.Logf("the reading order lit deal %d after %d during the window; again", after, before)
			continue
		}
		by := map[string]int64{}
		for _, s := range sites {
			by[s.Owner()] += s.Count
			if s.Owner() == browser.Program {
				t.Errorf("%d allocations in %d steady frames at %s", s.Count, frames, s.Stack)
			}
		}
		t.Logf("allocations in %d steady frames, by whose code: %v", frames, by)
		if by["Ebitengine"] == 0 {
			t.Fatalf("no allocation of the engine's recorded in %d frames, which makes some every frame: the recording does not work (%d sites)", frames, len(sites))
		}
		return
	}
}
