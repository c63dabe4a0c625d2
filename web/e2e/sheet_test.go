//go:build browser

package e2e_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// sheetState is the caption as a reader of a phone sees it.
type sheetState struct {
	Expanded  string  // the handle's aria-expanded
	TextShown bool    // the step's text takes room on the screen
	Height    float64 // the caption's box in geometry().chrome, 0 if none
}

func sheetNow(t *testing.T, ctx context.Context) sheetState {
	t.Helper()
	return eval[sheetState](t, ctx, `(() => {
		const c = (window.ouroboros.geometry().chrome || []).find((b) => b.name === 'caption');
		return {expanded: document.getElementById('caption-toggle').getAttribute('aria-expanded'),
			textShown: document.getElementById('caption-text').getClientRects().length > 0, height: c ? c.height : 0};
	})()`)
}

// waitSheet waits for the caption to be folded (expanded false) or not,
// with the box geometry() reports in that state.
func waitSheet(t *testing.T, ctx context.Context, what string, expanded bool) sheetState {
	t.Helper()
	var s sheetState
	until(t, what, waitLong, func() (bool, string) {
		s = sheetNow(t, ctx)
		return s.Expanded == fmt.Sprint(expanded) && s.TextShown == expanded && s.Height > 0, fmt.Sprintf("%+v", s)
	})
	return s
}

// TestPhoneCaptionSheet pins issue 18's bottom sheet: on a 390×844 phone a
// story opens with its caption folded to the handle, the step's title and
// Back/Next; a click on the handle unfolds it (the text shown, the box in
// geometry().chrome taller, so the program frames the step above it), a
// swipe down with a finger folds it again, a swipe up and the keyboard
// unfold it. Next stays a 44 px target that nothing covers in each state.
func TestPhoneCaptionSheet(t *testing.T) {
	ctx := openPage(t, 390, 844, "/?motion=reduced")
	ready(t, ctx)
	ouroborosSend(t, ctx, `{type: "goToStep", story: "circle", step: 1}`)
	waitState(t, ctx, "the story open", func(s pageState) bool { return s.Story != nil && !s.View.Moving })
	folded := waitSheet(t, ctx, "the caption to open folded", false)
	nextReachable(t, ctx)
	shoot(t, ctx, "390x844-sheet-folded")

	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("caption-toggle"))); err != nil {
		t.Fatal(err)
	}
	full := waitSheet(t, ctx, "a click on the handle to unfold the caption", true)
	if full.Height < folded.Height+40 {
		t.Errorf("unfolded, the caption's chrome box is %.0f px high, folded %.0f: want it taller", full.Height, folded.Height)
	}
	nextReachable(t, ctx)
	shoot(t, ctx, "390x844-sheet-full")

	swipe(t, ctx, "caption-toggle", 90)
	again := waitSheet(t, ctx, "a swipe down on the handle to fold the caption", false)
	if again.Height > folded.Height+1 {
		t.Errorf("folded again, the caption's box is %.0f px high, want %.0f", again.Height, folded.Height)
	}
	nextReachable(t, ctx)

	swipe(t, ctx, "caption-toggle", -90)
	waitSheet(t, ctx, "a swipe up on the handle to unfold the caption", true)
	eval[bool](t, ctx, `(document.getElementById('caption-toggle').focus(), true)`)
	key(t, ctx, kb.Enter)
	waitSheet(t, ctx, "Enter on the handle to fold the caption", false)

	// The reader's choice stays from step to step; another story opens folded.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("caption-toggle"))); err != nil {
		t.Fatal(err)
	}
	waitSheet(t, ctx, "unfolded", true)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("step-next"))); err != nil {
		t.Fatal(err)
	}
	waitState(t, ctx, "step 2", func(s pageState) bool { return s.Step != nil && *s.Step == 2 })
	waitSheet(t, ctx, "the caption still unfolded at step 2", true)
	ouroborosSend(t, ctx, `{type: "goToStep", story: "risk", step: 1}`)
	waitState(t, ctx, "another story", func(s pageState) bool { return s.Story != nil && *s.Story == "risk" })
	waitSheet(t, ctx, "another story to open folded", false)
}

// swipe moves one finger from the middle of the element with id by dy CSS
// pixels, in steps, through the browser's touch input (as a phone does).
func swipe(t *testing.T, ctx context.Context, id string, dy float64) {
	t.Helper()
	x, y := centre(t, ctx, id)
	touch(t, ctx, input.DispatchTouchEventTypeTouchStart, &input.TouchPoint{X: x, Y: y, ID: f(1)})
	for i := 1; i <= 6; i++ {
		touch(t, ctx, input.DispatchTouchEventTypeTouchMove, &input.TouchPoint{X: x, Y: y + dy*float64(i)/6, ID: f(1)})
	}
	touch(t, ctx, input.DispatchTouchEventTypeTouchEnd)
}

// TestEmbedDemoHeightStaysAndCaptionFolds: in the demo article, whose
// paragraphs drive the story, the frame keeps one height through every
// step (it changes with the host's width only), and the caption inside
// shows only each step's title, the paragraph being its text (issue 18).
// At 1400 px the frame is more than 720 px wide, where a caption the host
// does not drive would show its text.
func TestEmbedDemoHeightStaysAndCaptionFolds(t *testing.T) {
	d := bundledDataset(t)
	story := d.Stories[0]
	ctx := openPage(t, 1400, 900, "")
	// Every height the frame takes, as the host's layout gives it.
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `if (window === top) { window.msgs = []; addEventListener('message', (e) => { if (e.data && e.data.ouroboros === 1) msgs.push(e.data); }); }`,
	}); err != nil {
		t.Fatal(err)
	}
	navigate(t, ctx, "/embed-demo.html")
	waitJS(t, ctx, "ready", `msgs.some(m => m.type === 'ready')`)
	frameSettled(t, ctx)
	waitJS(t, ctx, "the frame sized to its height", `msgs.some(m => m.type === 'height') && (() => { const h = msgs.filter(m => m.type === 'height').pop().height;
		return `+frameJS+`.style.height === Math.round(h) + 'px'; })()`)
	eval[bool](t, ctx, `(window.heights = [], new ResizeObserver(() => heights.push(`+frameJS+`.getBoundingClientRect().height)).observe(`+frameJS+`), true)`)
	h0 := eval[float64](t, ctx, frameJS+`.getBoundingClientRect().height`)
	if w := eval[float64](t, ctx, frameJS+`.getBoundingClientRect().width`); w < 720 {
		t.Fatalf("the frame is %.0f px wide, want 720 or more for this test", w)
	}
	order := []int{}
	for k := range story.Steps {
		order = append(order, k+1)
	}
	order = append(order, 3, 1)
	for _, k := range order {
		eval[bool](t, ctx, fmt.Sprintf(`(document.querySelector('[data-ouroboros-step="%d"]').scrollIntoView({block: 'center'}), true)`, k))
		waitJS(t, ctx, fmt.Sprintf("step %d in the frame", k), fmt.Sprintf(`(() => { const s = %s.contentWindow.ouroboros.state(); return s.story === %s && s.step === %d && !s.view.moving; })()`, frameJS, quoteJS(story.ID), k))
		got := eval[map[string]any](t, ctx, `(() => { const doc = `+frameJS+`.contentWindow.document; const $ = (id) => doc.getElementById(id);
			return {hidden: $('caption').hidden, title: $('caption-title').textContent, text: $('caption-text').getClientRects().length > 0,
				sources: $('caption-sources').getClientRects().length > 0, expanded: $('caption-toggle').getAttribute('aria-expanded')}; })()`)
		if got["hidden"] != false || got["title"] != story.Steps[k-1].Title || got["text"] != false || got["sources"] != false || got["expanded"] != "false" {
			t.Errorf("step %d: the caption in the frame is %v; want shown, titled %q, its text and sources folded away", k, got, story.Steps[k-1].Title)
		}
		if h := eval[float64](t, ctx, frameJS+`.getBoundingClientRect().height`); h != h0 {
			t.Errorf("step %d: the frame is %.1f px high, it was %.1f", k, h, h0)
		}
	}
	shoot(t, ctx, "1400x900-embed-demo")
	if hs := eval[[]float64](t, ctx, `heights`); len(hs) > 1 {
		t.Errorf("the frame's height changed while the steps went by: %v", hs)
	}
}
