//go:build browser

package e2e_test

import (
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"

	"ouroboros/web/e2e/browser"
)

// TestTheSteadyFrameAllocatesNothingOfOurs records every heap allocation
// of the program in the browser over 30 steady frames and finds none made
// by the program's own code: the app, the session's tick, the scene, the
// bridge, and whatever the page's scripts ask of it while frames run.
// The frames are those of a selected entity, its money moving on its
// edges (wasm/bridge, Boot.AllocSites): a selection holds the reading
// order, whose next deal, every four seconds, builds a new picture and is
// no steady frame. A first run of 30 frames lets the page's answer to the
// selection play out (its card, which the camera then keeps the entity
// clear of: a new picture too); an allocation made in every frame is in
// the second run as well. The engine's and syscall/js's own allocations in
// every frame (issue 19) are counted, to show the recording works.
func TestTheSteadyFrameAllocatesNothingOfOurs(t *testing.T) {
	ctx := openPage(t, 800, 500, "/")
	s := ready(t, ctx)
	if len(s.View.Entities) == 0 {
		t.Fatal("no entity drawn")
	}
	ouroborosSend(t, ctx, `{type: 'select', id: `+strconv.Quote(s.View.Entities[0].ID)+`}`)
	waitState(t, ctx, "the selection, the reading order held", func(s pageState) bool {
		return s.Selection != nil && !s.View.Moving && !s.View.Touring
	})
	const frames = 30
	record := func() []browser.AllocSite {
		t.Helper()
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
		return sites
	}
	record()
	sites := record()
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
}
