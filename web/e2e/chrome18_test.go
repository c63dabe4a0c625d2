//go:build browser

package e2e_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestPhoneStoryFromPanel pins issue 18: on a 390×844 phone the ☰ panel
// stayed open over the story it had just opened and covered Next. Opening
// a story from the panel now closes it; Next is then a 44 px target that
// nothing covers at its centre. The caption's sheet leaves ☰ uncovered,
// which it used to hide on a phone, the toolbar wrapping to two rows there.
func TestPhoneStoryFromPanel(t *testing.T) {
	ctx := openPage(t, 390, 844, "/")
	ready(t, ctx)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("panel-toggle"))); err != nil {
		t.Fatal(err)
	}
	waitJS(t, ctx, "the panel open", `!document.getElementById('panel').hidden`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#story-list button:first-child`))); err != nil {
		t.Fatal(err)
	}
	waitState(t, ctx, "a story open", func(s pageState) bool { return s.Story != nil })
	waitJS(t, ctx, "the panel closed and marked so",
		`document.getElementById('panel').hidden && document.getElementById('panel-toggle').getAttribute('aria-expanded') === 'false'`)
	nextReachable(t, ctx)
	x, y := centre(t, ctx, "panel-toggle")
	if on := eval[string](t, ctx, fmt.Sprintf(`(e => e ? e.id || e.tagName : '')(document.elementFromPoint(%f, %f))`, x, y)); on != "panel-toggle" {
		t.Errorf("over an open story, ☰'s centre is covered by %q", on)
	}
}

// nextReachable fails unless the caption's Next button is at least 44×44
// CSS px, inside the window, and the element at its centre is Next itself.
func nextReachable(t *testing.T, ctx context.Context) {
	t.Helper()
	type target struct {
		W, H   float64
		Inside bool
		Top    string
	}
	js := `(() => { const b = document.getElementById('step-next'); const r = b.getBoundingClientRect();
	  const x = r.left + r.width / 2, y = r.top + r.height / 2; const e = document.elementFromPoint(x, y);
	  return { w: r.width, h: r.height, inside: r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth,
	    top: e ? (e.id || e.tagName) : 'nothing' }; })()`
	got, err := chromedp.Run(ctx, chromedp.Evaluate[target](js))
	if err != nil {
		t.Fatal(err)
	}
	if got.W < 44 || got.H < 44 || !got.Inside || (got.Top != "step-next") {
		t.Errorf("Next: %.0f×%.0f px, inside the window %v, element at its centre %q; want ≥44×44, inside, step-next", got.W, got.H, got.Inside, got.Top)
	}
}
