//go:build browser

package e2e_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// Issue 16, the page's side: the reading sentence over the canvas, the
// legend on it (open from 720 px wide, a one-line key on a phone), the
// "What makes a loop circular?" card, and the loops list with circular
// deals first by rank and the others behind a toggle.
func TestLegendReadingAndLoopsList(t *testing.T) {
	for _, size := range []struct{ w, h int64 }{{1280, 800}, {390, 844}} {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			ctx := openPage(t, size.w, size.h, "/")
			ready(t, ctx)
			click := func(id string) {
				t.Helper()
				if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID(id))); err != nil {
					t.Fatalf("clicking #%s: %v", id, err)
				}
			}
			shown := func(id string) bool {
				t.Helper()
				return eval[bool](t, ctx, `(() => { const e = document.getElementById('`+id+`'); const r = e.getBoundingClientRect();
					return !e.hidden && getComputedStyle(e).display !== 'none' && r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight; })()`)
			}
			// The reading sentence is the program's, word for word.
			waitJS(t, ctx, "the headline", `document.getElementById('headline').textContent === ouroboros.state().reading.headline && ouroboros.state().reading.headline.startsWith('Money goes round')`)
			if !shown("headline") {
				t.Error("the headline is not shown inside the window")
			}
			// The legend: open from 720 px wide, behind its key below.
			wide := size.w >= 720
			if !wide {
				// Folded, its key hangs just under the reading sentence,
				// wherever the sentence's lines end, also once a narrower
				// window wraps them again (--reading-bottom, measured by a
				// ResizeObserver rather than a forced layout).
				under := `(() => { const h = document.getElementById('headline').getBoundingClientRect();
					const l = document.getElementById('legend').getBoundingClientRect();
					return l.top >= h.bottom && l.top <= h.bottom + 12; })()`
				waitJS(t, ctx, "the legend under the reading sentence", under)
				lines := eval[float64](t, ctx, `document.getElementById('headline').getBoundingClientRect().height`)
				if err := chromedp.Do(ctx, chromedp.EmulateViewport(300, size.h)); err != nil {
					t.Fatal(err)
				}
				waitJS(t, ctx, "the sentence rewrapped, the legend under it", `document.getElementById('headline').getBoundingClientRect().height > `+fmt.Sprint(lines)+` && `+under)
				if err := chromedp.Do(ctx, chromedp.EmulateViewport(size.w, size.h)); err != nil {
					t.Fatal(err)
				}
				waitJS(t, ctx, "the sentence back, the legend under it", `document.getElementById('headline').getBoundingClientRect().height === `+fmt.Sprint(lines)+` && `+under)
			}
			if wide {
				if !shown("legend-body") || shown("legend-key") {
					t.Errorf("at %d px the legend's body shown %v, its key %v; want the body and no key", size.w, shown("legend-body"), shown("legend-key"))
				}
			} else {
				if shown("legend-body") || !shown("legend-key") {
					t.Fatalf("at %d px the legend's body shown %v, its key %v; want the key only", size.w, shown("legend-body"), shown("legend-key"))
				}
				click("legend-key")
				waitJS(t, ctx, "the legend opened", `document.getElementById('legend-key').getAttribute('aria-expanded') === 'true'`)
				if !shown("legend-body") {
					t.Error("the key does not open the legend")
				}
			}
			if n := eval[int](t, ctx, `document.querySelectorAll('#legend-widths li').length`); n != 3 {
				t.Errorf("%d reference widths, want 3", n)
			}
			if got, want := eval[string](t, ctx, `getComputedStyle(document.getElementById('legend-loop')).borderTopColor`),
				eval[string](t, ctx, `(() => { const h = ouroboros.state().explore.legend.key.loop; return 'rgb(' + [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)).join(', ') + ')'; })()`); got != want {
				t.Errorf("the legend's loop line is %s, want the scene's %s", got, want)
			}
			shoot(t, ctx, fmt.Sprintf("%dx%d-legend", size.w, size.h))

			// The circular card names the top circular deal's entities.
			click("circular-open")
			waitJS(t, ctx, "the circular card", `!document.getElementById('circular-card').hidden`)
			if !shown("circular-card") {
				t.Error("the circular card is not inside the window")
			}
			top := eval[[]string](t, ctx, `(() => { const s = ouroboros.state(); const ids = s.loops.find((l) => l.rank === 1).entities;
				const names = new Map(s.view.entities.map((e) => [e.id, e.name])); return ids.map((id) => names.get(id)); })()`)
			example := eval[string](t, ctx, `document.getElementById('circular-example').textContent`)
			for _, name := range top {
				if !strings.Contains(example, name) {
					t.Errorf("the card's example %q does not name %s", example, name)
				}
			}
			shoot(t, ctx, fmt.Sprintf("%dx%d-circular", size.w, size.h))
			click("circular-close")
			waitJS(t, ctx, "the circular card closed", `document.getElementById('circular-card').hidden`)

			// The loops list: circular deals first, in the order of their rank.
			click("panel-toggle")
			waitJS(t, ctx, "the panel", `!document.getElementById('panel').hidden && document.querySelectorAll('#loop-list button').length > 0`)
			got := eval[[]string](t, ctx, `[...document.querySelectorAll('#loop-list button')].map((b) => b.textContent)`)
			want := eval[[]string](t, ctx, `(() => { const s = ouroboros.state(); const names = new Map(s.view.entities.map((e) => [e.id, e.name]));
				return s.loops.filter((l) => l.kind === 'circular').sort((a, b) => a.rank - b.rank).slice(0, 50)
					.map((l) => l.entities.concat(l.entities[0]).map((id) => names.get(id)).join(' → ') + ' · ' + l.roundTripText); })()`)
			if len(got) != len(want) || len(got) < 5 {
				t.Fatalf("%d circular deals listed, want %d (at least 5)", len(got), len(want))
			}
			for i := range want {
				if !strings.HasPrefix(got[i], want[i]) {
					t.Errorf("circular deal %d listed as %q, want %q first", i+1, got[i], want[i])
				}
			}
			// The other loops wait behind the toggle.
			others := eval[int](t, ctx, `Math.min(50, ouroboros.state().loops.filter((l) => l.kind === 'other').length)`)
			if others == 0 || !eval[bool](t, ctx, `document.getElementById('other-list').hidden && document.getElementById('other-toggle').getAttribute('aria-expanded') === 'false'`) {
				t.Fatalf("%d other loops; want some, hidden behind a closed toggle", others)
			}
			click("other-toggle")
			waitJS(t, ctx, "the other loops", `!document.getElementById('other-list').hidden && document.getElementById('other-toggle').getAttribute('aria-expanded') === 'true'`)
			if n := eval[int](t, ctx, `document.querySelectorAll('#other-list button .loop-tag').length`); n != others {
				t.Errorf("%d other loops shown with their tag, want %d", n, others)
			}
			// Picking the first circular deal highlights it.
			if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#loop-list li:first-child button`))); err != nil {
				t.Fatal(err)
			}
			waitJS(t, ctx, "the top loop picked", `(() => { const s = ouroboros.state(); return !!s.explore.loop &&
				s.explore.loop.entities.join(' ') === s.loops.find((l) => l.rank === 1).entities.join(' '); })()`)
			if !eval[bool](t, ctx, `document.querySelector('#loop-list li:first-child button').getAttribute('aria-pressed') === 'true'`) {
				t.Error("the picked loop's button is not pressed")
			}
			// Its deals that changed since they were announced list their
			// history, with sources.
			changed := eval[int](t, ctx, `Object.values(ouroboros.state().explore.histories).filter((h) => h.length > 1).length`)
			if got := eval[int](t, ctx, `document.querySelectorAll('#loop-detail .history').length`); changed == 0 || got != changed {
				t.Errorf("%d histories in the loop detail, want %d (and some)", got, changed)
			}
			waitDrawn(t, ctx)
			shoot(t, ctx, fmt.Sprintf("%dx%d-picked", size.w, size.h))
		})
	}
}

// shoot saves a screenshot to $SHOTS/name.png when SHOTS names a folder,
// for a person to look at.
func shoot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("SHOTS")
	if dir == "" {
		return
	}
	b, err := chromedpScreenshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// While a story's caption holds the bottom-left corner, the legend folds
// to its one-line key at the top, which still opens it, over the caption.
func TestLegendFoldsForAStory(t *testing.T) {
	ctx := openPage(t, 1280, 800, "/#story=circle&step=1")
	ready(t, ctx)
	waitJS(t, ctx, "the caption", `!document.getElementById('caption').hidden`)
	if eval[bool](t, ctx, `getComputedStyle(document.getElementById('legend-body')).display !== 'none'`) {
		t.Error("the legend's body is open under the story's caption")
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("legend-key"))); err != nil {
		t.Fatal(err)
	}
	waitJS(t, ctx, "the legend opened", `getComputedStyle(document.getElementById('legend-body')).display !== 'none'`)
	// Opened, it lies over the caption, not under it.
	onTop := eval[bool](t, ctx, `(() => { const r = document.getElementById('legend-body').getBoundingClientRect();
		return document.getElementById('legend').contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)); })()`)
	shoot(t, ctx, "1280x800-story")
	if !onTop {
		t.Error("the open legend lies under the story's caption")
	}
}
