//go:build browser

package e2e_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp/kb"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/session"
)

// announced is what the live region says now.
func announced(t *testing.T, ctx context.Context) string {
	t.Helper()
	return eval[string](t, ctx, `document.getElementById('announce').textContent`)
}

// waitAnnounced waits until the live region says something other than
// before, and returns it.
func waitAnnounced(t *testing.T, ctx context.Context, what, before string) string {
	t.Helper()
	got := before
	until(t, what, waitLong, func() (bool, string) {
		got = announced(t, ctx)
		return got != "" && got != before, "announce " + got
	})
	return got
}

// activeID is the id of the element with the page's focus ("canvas" for
// the canvas, "" for none).
func activeID(t *testing.T, ctx context.Context) string {
	t.Helper()
	return eval[string](t, ctx, `(a => !a || a === document.body ? '' : a.tagName === 'CANVAS' ? 'canvas' : a.id || a.tagName)(document.activeElement)`)
}

// TestCanvasIsOneTabStop: the canvas is one Tab stop; in it → moves from
// entity to entity and ↓ from loop to loop, each move said in the live
// region in the text view's words; Tab leaves it at once, and Esc leaves
// it for ☰ (issue 18).
func TestCanvasIsOneTabStop(t *testing.T) {
	d := loadExample(t, "twoloops.json")
	ctx := openPage(t, 1000, 700, twoloopsPath+"&motion=reduced")
	ready(t, ctx)
	// Into the canvas as a reader comes: Tab from the control before it.
	eval[bool](t, ctx, `(document.getElementById('text-view').focus(), true)`)
	key(t, ctx, kb.Tab)
	if got := activeID(t, ctx); got != "canvas" {
		t.Fatalf("Tab from the Text button reaches %q, want the canvas", got)
	}
	// The twin's line for an entity: "Name: AI lab; pays …".
	twinLine := func(name string) string {
		return eval[string](t, ctx, `(n => { for (const li of document.querySelectorAll('#twin-body .twin-entities li')) {
			if (li.querySelector('strong').textContent === n) return li.textContent.replace(/ \((selected|in this story step)\)/g, ''); }
			return ''; })(`+quoteJS(name)+`)`)
	}
	order := tabOrder(d)
	before := announced(t, ctx)
	key(t, ctx, kb.ArrowRight)
	said := waitAnnounced(t, ctx, "→ to be said", before)
	first := d.Entities[order[0]]
	if want := twinLine(first.Name); said != want || want == "" {
		t.Errorf("→ says %q, want the twin's words for %s: %q", said, first.Name, want)
	}
	if got := eval[string](t, ctx, `ouroboros.state().explore.focus || ''`); got != first.ID {
		t.Errorf("→ puts the focus on %q, want %s, the most money through it", got, first.ID)
	}
	key(t, ctx, kb.ArrowRight)
	said2 := waitAnnounced(t, ctx, "→ again to say the next entity", said)
	second := d.Entities[order[1]]
	if want := twinLine(second.Name); said2 != want {
		t.Errorf("→ again says %q, want %q", said2, want)
	}
	if got := eval[string](t, ctx, `ouroboros.state().explore.focus || ''`); got != second.ID {
		t.Errorf("→ again puts the focus on %q, want %s", got, second.ID)
	}
	// ↓ picks the twin's first loop and says it as the twin lists it.
	key(t, ctx, kb.ArrowDown)
	loop := waitAnnounced(t, ctx, "↓ to say a loop", said2)
	want := eval[string](t, ctx, `document.querySelector('#twin-body .twin-loops > li').firstChild.textContent`)
	if loop != want || !strings.Contains(loop, " → ") {
		t.Errorf("↓ says %q, want the twin's first loop %q", loop, want)
	}
	if eval[bool](t, ctx, `!ouroboros.state().explore.loop`) {
		t.Error("↓ lit no loop")
	}
	// Tab leaves the canvas in one press.
	key(t, ctx, kb.Tab)
	if got := activeID(t, ctx); got == "canvas" {
		t.Error("Tab in the canvas kept the focus in it")
	}
	// The ring goes with the focus; the picked loop stays.
	until(t, "the ring to go when Tab leaves the canvas", waitLong, func() (bool, string) {
		e := explore(t, ctx)
		return e["focus"] == nil && e["loop"] != nil, fmt.Sprintf("focus %v, loop %v", e["focus"], e["loop"])
	})
	// So does Esc, for ☰, and it clears the ring and the loop.
	eval[bool](t, ctx, `(document.querySelector('#stage > canvas').focus(), true)`)
	key(t, ctx, kb.Escape)
	if got := activeID(t, ctx); got != "panel-toggle" {
		t.Errorf("Esc in the canvas moves the focus to %q, want ☰ (panel-toggle)", got)
	}
	until(t, "Esc to clear the ring and the loop", waitLong, func() (bool, string) {
		e := explore(t, ctx)
		return e["focus"] == nil && e["loop"] == nil, fmt.Sprintf("focus %v, loop %v", e["focus"], e["loop"])
	})
}

// tabOrder is the order → visits the entities at every date: the most
// money through them first (session.TabOrder).
func tabOrder(d *dataset.Dataset) []int {
	snap := analysis.New(d).At(dataset.Date{})
	money := make([]float64, len(d.Entities))
	for i, f := range snap.Entities {
		money[i] = f.Out.Total + f.In.Total
	}
	return session.TabOrder(d, money, nil)
}

// TestCanvasSaysLoopsBeyondTheTwin: the bundled dataset has more loops
// than the text view lists (page.TwinLoops); ↑ from none goes round to the
// last, which the live region still says, path and figures, from the
// explore panel's report of it.
func TestCanvasSaysLoopsBeyondTheTwin(t *testing.T) {
	ctx := openPage(t, 1280, 800, "/?motion=reduced")
	ready(t, ctx)
	if n := eval[int](t, ctx, `ouroboros.state().loops.length`); n <= 50 {
		t.Fatalf("%d loops, want more than the twin's 50", n)
	}
	eval[bool](t, ctx, `(document.querySelector('#stage > canvas').focus(), true)`)
	before := announced(t, ctx)
	key(t, ctx, kb.ArrowUp)
	said := waitAnnounced(t, ctx, "↑ to say the last loop", before)
	want := eval[string](t, ctx, `(() => {
		const s = ouroboros.state(), l = s.explore.loop, names = new Map(s.view.entities.map(e => [e.id, e.name]));
		return l ? l.entities.concat(l.entities[0]).map(id => names.get(id)).join(' → ') + ': round trip ' + l.roundTripText + ', closed ' + l.closed : '';
	})()`)
	if said != want || want == "" {
		t.Errorf("↑ says %q, want %q", said, want)
	}
	if eval[int](t, ctx, `ouroboros.state().explore.loop.index`) < 50 {
		t.Error("↑ from none picked a loop the twin lists; want the last, beyond them")
	}
}
