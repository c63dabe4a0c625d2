//go:build browser

package e2e_test

import (
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// frameCounter counts the page's animation frame callbacks (the engine
// asks for one before each of its ticks) and notes the count at each of
// the start's performance marks.
const frameCounter = `(() => {
  window.__frames = 0;
  window.__marks = {};
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (fn) => raf((ts) => { window.__frames++; fn(ts); });
  const mark = performance.mark.bind(performance);
  performance.mark = (name, ...rest) => { window.__marks[name] = window.__frames; return mark(name, ...rest); };
})()`

// Ready resolves as the first frame is drawn, before the engine's next
// frame: the page wires up while the GPU process draws the first frame
// (on two cores a quarter of a second that it used to wait, issue 19).
func TestReadyComesWithTheFirstFrame(t *testing.T) {
	ctx := openPage(t, 1024, 640, "")
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: frameCounter}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(baseURL+"/")); err != nil {
		t.Fatal(err)
	}
	ready(t, ctx)
	marks := eval[map[string]int](t, ctx, `window.__marks`)
	first, drawn := marks["ouroboros:first-frame"]
	called, told := marks["ouroboros:ready-called"]
	if !drawn || !told {
		t.Fatalf("the start's marks %v lack first-frame or ready-called", marks)
	}
	if called != first {
		t.Errorf("the first frame was drawn after %d animation frames and the page told it was ready after %d; want no frame between", first, called)
	}
}
