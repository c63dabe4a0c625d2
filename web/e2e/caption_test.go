//go:build browser

package e2e_test

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/chromedp/chromedp/kb"
)

// TestSkipLinkReachesTheStoryControls: the first Tab from the page's load
// is the skip link, and following it puts the keyboard on a story control:
// the first story in the ☰ panel, or Next once a story is open (issue 18).
func TestSkipLinkReachesTheStoryControls(t *testing.T) {
	ctx := openPage(t, 1280, 800, "/?motion=reduced")
	ready(t, ctx)
	active := func() string {
		return eval[string](t, ctx, `(a => a ? (a.id || (a.closest('[id]') || {id: a.tagName}).id) : '')(document.activeElement)`)
	}
	key(t, ctx, kb.Tab)
	if got := active(); got != "skip" {
		t.Fatalf("the first Tab reaches %q, want the skip link", got)
	}
	enterWithoutKeypress(t, ctx)
	if got := active(); got != "story-list" {
		t.Fatalf("the skip link puts the focus on %q, want a story in the panel (%s)", got, state(t, ctx).summary())
	}
	key(t, ctx, kb.Enter) // open that story
	waitState(t, ctx, "a story open", func(s pageState) bool { return s.Story != nil })
	eval[bool](t, ctx, `(document.getElementById('skip').focus(), true)`)
	enterWithoutKeypress(t, ctx)
	if got := active(); got != "step-next" {
		t.Errorf("with a story open the skip link puts the focus on %q, want Next", got)
	}
}

// enterWithoutKeypress presses Enter as a browser does when the page takes
// its keydown (preventDefault): no keypress follows. chromedp's KeyEvent
// sends the keypress as an event of its own, which Chromium then delivers
// to whatever has the focus by then, whatever the keydown's handler did.
func enterWithoutKeypress(t *testing.T, ctx context.Context) {
	t.Helper()
	for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeRawKeyDown, input.DispatchKeyEventTypeKeyUp} {
		if _, err := chromedp.Call(ctx, input.DispatchKeyEvent, input.DispatchKeyEventParams{
			Type: typ, Key: "Enter", Code: "Enter", WindowsVirtualKeyCode: 13}); err != nil {
			t.Fatal(err)
		}
	}
}

// TestLongCaptionSaysItScrolls: a caption whose text does not fit its box
// fades and shows a cue at its foot; the arrow keys scroll it once it has
// the focus, and at its end the cue goes (issue 18). On a phone the caption
// opens folded to its title (sheet.js): the reader unfolds it to read.
func TestLongCaptionSaysItScrolls(t *testing.T) {
	ctx := openPage(t, 390, 844, "/?motion=reduced&story=risk&step=3")
	ready(t, ctx)
	unfold := func() {
		t.Helper()
		waitJS(t, ctx, "the caption folded", `document.getElementById('caption-toggle').getAttribute('aria-expanded') === 'false'`)
		eval[bool](t, ctx, `(document.getElementById('caption-toggle').click(), true)`)
		waitJS(t, ctx, "the caption unfolded", `document.getElementById('caption-toggle').getAttribute('aria-expanded') === 'true'`)
	}
	unfold()
	more := func() bool {
		return eval[bool](t, ctx, `document.getElementById('caption-body').classList.contains('more')`)
	}
	if !more() {
		t.Fatalf("a long caption on a phone shows no cue: %v", eval[any](t, ctx,
			`(b => [b.scrollHeight, b.clientHeight])(document.getElementById('caption-body'))`))
	}
	eval[bool](t, ctx, `(document.getElementById('caption-body').focus(), true)`)
	key(t, ctx, kb.ArrowDown)
	until(t, "ArrowDown in the focused caption to scroll it", waitLong, func() (bool, string) {
		top := eval[float64](t, ctx, `document.getElementById('caption-body').scrollTop`)
		return top > 0, "scrollTop 0"
	})
	eval[bool](t, ctx, `(b => (b.scrollTop = b.scrollHeight, true))(document.getElementById('caption-body'))`)
	until(t, "the cue to go at the caption's end", waitLong, func() (bool, string) { return !more(), "cue still shown" })
	ouroborosSend(t, ctx, `{type: "goToStep", story: "circle", step: 1}`)
	waitState(t, ctx, "a short step", func(s pageState) bool { return s.Story != nil && *s.Story == "circle" })
	unfold()
	eval[bool](t, ctx, `(document.getElementById('caption-body').scrollTop = 0, true)`)
	until(t, "a caption that fits to show no cue", waitLong, func() (bool, string) {
		fits := eval[bool](t, ctx, `(b => b.scrollHeight <= b.clientHeight + 1)(document.getElementById('caption-body'))`)
		return !fits || !more(), "cue shown on a caption that fits"
	})
}
