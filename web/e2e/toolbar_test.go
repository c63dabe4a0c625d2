//go:build browser

package e2e_test

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"ouroboros/wasm/session"
)

// The program wraps the title to the room the toolbar leaves it at the top
// right (session.Chrome, ToolbarCSS, on screens wider than NarrowCSS), and
// the build's poster does too: the toolbar as the page lays it out must fit
// in that room, or the title's end runs under the search box (a reader at
// 1280 px saw "mid-June" half hidden).
func TestToolbarFitsTheRoomTheTitleLeavesIt(t *testing.T) {
	ctx := openPage(t, 1280, 800, "/")
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!document.getElementById('controls').hidden`, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		t.Fatalf("waiting for the toolbar: %v", err)
	}
	for _, w := range []int64{session.NarrowCSS + 1, 800, 1024, 1280, 1920} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, 800)); err != nil {
			t.Fatal(err)
		}
		left := eval[float64](t, ctx, `new Promise((r) => requestAnimationFrame(() => r(document.getElementById('controls').getBoundingClientRect().left)))`)
		titleW, _ := session.Chrome(float64(w))
		if right := session.TitleLeft + titleW; right > left {
			t.Errorf("%d px wide: the title wraps to %.0f px from the left, the toolbar starts at %.0f px (it is %.0f px wide, ToolbarCSS %d)",
				w, right, left, float64(w)-left, session.ToolbarCSS)
		}
	}
}
