//go:build browser

package e2e_test

import (
	"context"
	"fmt"
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

// storyControl reports, for the focused element, whether it is a story
// control the reader can see: the toolbar's Stories, a story's chip or the
// caption's buttons, with a box inside the viewport that nothing covers at
// its centre; else what it is, for the failure.
const storyControl = `(() => {
	const a = document.activeElement;
	const what = a ? (a.id || a.tagName) + ' ' + JSON.stringify(a.getBoundingClientRect()) : 'nothing';
	if (!a || !a.matches('#stories, #story-list button, #caption button')) return 'not a story control: ' + what;
	const r = a.getBoundingClientRect();
	if (r.width < 1 || r.height < 1 || r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight) return 'out of sight: ' + what;
	const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
	if (!top || !a.contains(top)) return 'covered by ' + (top ? top.id || top.tagName : 'nothing') + ': ' + what;
	return '';
})()`

// TestFourthTabIsAStoryControl: from the page's load at 1280×800, the first
// Tab reaches the skip link and three more a story control that shows
// (issue 18), with real Tab keys; Enter on it puts the keyboard on the
// stories in the ☰ panel.
func TestFourthTabIsAStoryControl(t *testing.T) {
	ctx := openPage(t, 1280, 800, "/")
	ready(t, ctx)
	key(t, ctx, kb.Tab)
	if got := eval[string](t, ctx, `document.activeElement.id`); got != "skip" {
		t.Fatalf("the first Tab reaches %q, want the skip link", got)
	}
	var order []string
	for range 3 {
		key(t, ctx, kb.Tab)
		order = append(order, eval[string](t, ctx, `document.activeElement.id || document.activeElement.tagName`))
	}
	if why := eval[string](t, ctx, storyControl); why != "" {
		t.Fatalf("after the skip link, Tabs reach %v; the last is %s", order, why)
	}
	key(t, ctx, kb.Enter)
	until(t, "the keyboard on a story in the open panel", waitLong, func() (bool, string) {
		got := eval[string](t, ctx, `(a => (a.closest('#story-list') ? 'in the stories ' : '') + (document.getElementById('panel').hidden ? 'panel hidden' : 'panel open'))(document.activeElement)`)
		return got == "in the stories panel open", got
	})
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
	// The cue follows the box's size (a ResizeObserver), so it comes
	// with the unfolded sheet's next layout, not with the click.
	until(t, "the cue on a long caption on a phone", waitLong, func() (bool, string) {
		return more(), fmt.Sprint("no cue; scroll and client height ", eval[any](t, ctx,
			`(b => [b.scrollHeight, b.clientHeight])(document.getElementById('caption-body'))`))
	})
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
