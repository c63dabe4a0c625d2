//go:build browser

package e2e_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"ouroboros/wasm/dataset"
)

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

func explore(t *testing.T, ctx context.Context) map[string]any {
	t.Helper()
	return eval[map[string]any](t, ctx, `ouroboros.state().explore`)
}

func key(t *testing.T, ctx context.Context, k string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.KeyEvent(k)); err != nil {
		t.Fatal(err)
	}
}

func TestLegendFiltersHide(t *testing.T) {
	ctx := openPage(t, 1000, 700, "/?data=data/examples/twoloops.json")
	s := ready(t, ctx)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("panel-toggle"))); err != nil {
		t.Fatal(err)
	}
	// Hide the first kind with its legend chip.
	kind := eval[string](t, ctx, `ouroboros.state().explore.legend.kinds[0].key`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#legend-kinds button`))); err != nil {
		t.Fatal(err)
	}
	waitState(t, ctx, "a hidden kind", func(pageState) bool {
		return eval[bool](t, ctx, `ouroboros.state().explore.filter.hiddenKinds.includes(`+quoteJS(kind)+`)`)
	})
	waitDrawn(t, ctx)
	img := screenshot(t, ctx)
	scale := float64(img.Bounds().Dx()) / s.View.Width
	kinds := eval[map[string]string](t, ctx, `Object.fromEntries(ouroboros.state().view.entities.map(e => [e.id, e.color]))`)
	hiddenColour := eval[string](t, ctx, `ouroboros.state().explore.legend.kinds[0].color`)
	seen := 0
	for _, e := range s.View.Entities {
		if kinds[e.ID] != hiddenColour {
			continue
		}
		seen++
		if near(img.At(int(e.X*scale), int(e.Y*scale)), e.Color, 40) {
			t.Errorf("%s is still drawn after hiding its kind", e.ID)
		}
	}
	if seen == 0 {
		t.Fatal("no entity of the hidden kind to check")
	}
	// "Only binding deals" and back.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("binding-only"))); err != nil {
		t.Fatal(err)
	}
	waitState(t, ctx, "binding only", func(pageState) bool {
		return eval[bool](t, ctx, `ouroboros.state().explore.filter.bindingOnly`)
	})
	ouroborosSend(t, ctx, `{type: 'showAll'}`)
	waitState(t, ctx, "no filter", func(pageState) bool {
		return eval[int](t, ctx, `ouroboros.state().explore.filter.hiddenKinds.length`) == 0
	})
}

func ouroborosSend(t *testing.T, ctx context.Context, cmd string) {
	t.Helper()
	eval[bool](t, ctx, `ouroboros.send(`+cmd+`)`)
}

func TestTimelineShowsDealsUpToTheDate(t *testing.T) {
	ctx := openPage(t, 900, 640, "/?data=data/examples/twoloops.json")
	ready(t, ctx)
	dates := eval[[]string](t, ctx, `ouroboros.state().explore.timeline.dates`)
	if len(dates) < 3 {
		t.Fatalf("timeline dates %v", dates)
	}
	// Scrub to the second date with the slider.
	eval[bool](t, ctx, `(() => { const r = document.getElementById('scrub'); r.value = '1'; r.dispatchEvent(new Event('input')); return true; })()`)
	s := waitState(t, ctx, "the second date", func(s pageState) bool { return s.AsOf != nil && *s.AsOf == dates[1] })
	want, _ := expectedLoopsAt(t, "data/examples/twoloops.json", dates[1])
	if len(s.Loops) != len(want) {
		t.Errorf("at %s: %d loops, want %d", dates[1], len(s.Loops), len(want))
	}
	if got := eval[string](t, ctx, `document.getElementById('scrub-date').textContent`); got != dates[1] {
		t.Errorf("the timeline says %q, want %s", got, dates[1])
	}
	// Only deals up to the date are drawn: every entity whose deals all
	// come later is drawn as the smallest disc, with no money through it.
	cut, _ := dataset.ParseDate(dates[1])
	checkLoopDealsUpTo(t, ctx, cut)
	doc, _ := os.ReadFile("../../data/examples/twoloops.json")
	ds, _ := dataset.Load(doc)
	upTo := 0
	for _, x := range ds.Deals {
		if x.Date.Compare(cut) <= 0 {
			upTo++
		}
	}
	if got := eval[int](t, ctx, `ouroboros.state().view.deals`); got != upTo || upTo == len(ds.Deals) {
		t.Errorf("%d deals drawn at %v, want the %d dated on or before it (of %d)", got, cut, upTo, len(ds.Deals))
	}
	// Right steps forward, Left back.
	key(t, ctx, kb.ArrowRight)
	waitState(t, ctx, "a step forward", func(s pageState) bool { return s.AsOf != nil && *s.AsOf == dates[2] })
	key(t, ctx, kb.ArrowLeft)
	waitState(t, ctx, "a step back", func(s pageState) bool { return s.AsOf != nil && *s.AsOf == dates[1] })
	// Play runs to the end, lighting loops as they close, then stops. Start
	// a few dates before the last one where a loop closes, to keep it short.
	start := 0
	final, _ := expectedLoops(t, "data/examples/twoloops.json", dataset.Date{})
	for i := range dates {
		if at, _ := expectedLoopsAt(t, "data/examples/twoloops.json", dates[i]); len(at) < len(final) {
			start = max(0, i-1)
		}
	}
	ouroborosSend(t, ctx, `{type: 'setAsOf', date: `+quoteJS(dates[start])+`}`)
	waitState(t, ctx, "the start date", func(s pageState) bool { return s.AsOf != nil && *s.AsOf == dates[start] })
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("play"))); err != nil {
		t.Fatal(err)
	}
	sawFlash := false
	until(t, "the timeline to play to the end", 90*time.Second, func() (bool, string) {
		x := explore(t, ctx)
		if f, ok := x["flash"].([]any); ok && len(f) > 0 {
			sawFlash = true
		}
		tl := x["timeline"].(map[string]any)
		return !tl["playing"].(bool) && tl["index"].(float64) == -1, fmt.Sprintf("timeline %v", tl)
	})
	if !sawFlash {
		t.Error("no loop lit up as it closed while the timeline played")
	}
}

func TestLoopListHighlightsALoop(t *testing.T) {
	ctx := openPage(t, 1000, 700, "/?data=data/examples/twoloops.json")
	ready(t, ctx)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("panel-toggle"))); err != nil {
		t.Fatal(err)
	}
	// The reading order lights loops by itself until the reader acts:
	// a command holds it off, so that the picture before has none lit.
	eval[bool](t, ctx, `ouroboros.send({type: 'select', id: null})`)
	waitState(t, ctx, "the reading order to hold off", func(s pageState) bool { return !s.View.Touring })
	waitDrawn(t, ctx)
	before := screenshot(t, ctx)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#loop-list li:nth-child(3) button`))); err != nil {
		t.Fatal(err)
	}
	waitState(t, ctx, "a picked loop", func(pageState) bool { return eval[bool](t, ctx, `ouroboros.state().explore.loop !== null`) })
	loop := eval[map[string]any](t, ctx, `ouroboros.state().explore.loop`)
	// The list shows the circular deals first, by rank (issue 16).
	third := eval[[]string](t, ctx, `ouroboros.state().loops.find((l) => l.rank === 3).entities`)
	if got := loop["entities"].([]any); len(got) != len(third) || got[0] != third[0] {
		t.Errorf("picked %v, want the third circular deal %v", got, third)
	}
	detail := eval[string](t, ctx, `document.getElementById('loop-detail').textContent`)
	if !strings.Contains(detail, "Follow the dollar") {
		t.Errorf("loop detail %q", detail)
	}
	// The loop's reserved colour appears along the loop.
	waitDrawn(t, ctx)
	after := screenshot(t, ctx)
	if loopPixels(after, nil) <= loopPixels(before, nil)+50 {
		t.Errorf("loop-coloured pixels %d before, %d after picking a loop; want the loop lit", loopPixels(before, nil), loopPixels(after, nil))
	}
}

// checkLoopDealsUpTo finds no deal dated after the cut in the loops the
// page reports.
func checkLoopDealsUpTo(t *testing.T, ctx context.Context, cut dataset.Date) {
	t.Helper()
	for _, id := range eval[[]string](t, ctx, `ouroboros.state().loops.flatMap(l => l.deals)`) {
		if d := dealDate(t, id); d.Compare(cut) > 0 {
			t.Errorf("deal %s (%v) is in a loop at %v", id, d, cut)
		}
	}
}

func dealDate(t *testing.T, id string) dataset.Date {
	t.Helper()
	doc, err := os.ReadFile("../../data/examples/twoloops.json")
	if err != nil {
		t.Fatal(err)
	}
	d, err := dataset.Load(doc)
	if err != nil {
		t.Fatal(err)
	}
	return d.Deals[d.DealIndex[id]].Date
}

func TestSearchSelects(t *testing.T) {
	ctx := openPage(t, 1000, 700, "/?data=data/examples/twoloops.json")
	ready(t, ctx)
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("search"), "nimb")); err != nil {
		t.Fatal(err)
	}
	if got := eval[string](t, ctx, `document.getElementById('search-results').textContent`); !strings.Contains(got, "Nimbus Cloud") {
		t.Fatalf("search results %q, want Nimbus Cloud", got)
	}
	key(t, ctx, kb.Enter)
	waitSelection(t, ctx, "nimbus-cloud")
}

func TestKeyboard(t *testing.T) {
	ctx := openPage(t, 1000, 700, "/?data=data/examples/twoloops.json")
	ready(t, ctx)
	eval[bool](t, ctx, `(document.querySelector('#stage > canvas').focus(), true)`)
	// In the canvas → and ← move between the entities, largest first (Tab
	// leaves the canvas since issue 18; canvaskeys_test.go); Enter selects.
	focus := func(what, not string) string {
		t.Helper()
		got := ""
		until(t, what, waitLong, func() (bool, string) {
			got = eval[string](t, ctx, `ouroboros.state().explore.focus || ''`)
			return got != "" && got != not, "focus " + got
		})
		return got
	}
	key(t, ctx, kb.ArrowRight)
	first := focus("→ to focus an entity", "")
	key(t, ctx, kb.ArrowRight)
	second := focus("→ to focus another entity", first)
	key(t, ctx, kb.ArrowLeft)
	if got := focus("← to focus back", second); got != first {
		t.Errorf("← focused %q, want back to %q", got, first)
	}
	key(t, ctx, kb.Enter)
	waitSelection(t, ctx, first)
	// Outside the canvas, ↓ follows the money to the largest payee.
	eval[bool](t, ctx, `(document.querySelector('#stage > canvas').blur(), true)`)
	key(t, ctx, kb.ArrowDown)
	s := waitState(t, ctx, "following the money", func(s pageState) bool { return s.Selection != nil && *s.Selection != first })
	if !pays(t, first, *s.Selection) {
		t.Errorf("↓ from %s went to %s, which it does not pay", first, *s.Selection)
	}
	key(t, ctx, kb.Escape)
	waitSelection(t, ctx, "")
	// Space plays the timeline, and again pauses it.
	key(t, ctx, " ")
	waitState(t, ctx, "playing", func(pageState) bool { return eval[bool](t, ctx, `ouroboros.state().explore.timeline.playing`) })
	key(t, ctx, " ")
	waitState(t, ctx, "paused", func(pageState) bool { return !eval[bool](t, ctx, `ouroboros.state().explore.timeline.playing`) })
	// ? shows the keys.
	key(t, ctx, "?")
	if !eval[bool](t, ctx, `document.getElementById('help').open`) {
		t.Error("? did not open the list of keys")
	}
	key(t, ctx, kb.Escape)
}

// pays reports whether entity from pays entity to in the example dataset.
func pays(t *testing.T, from, to string) bool {
	t.Helper()
	doc, _ := os.ReadFile("../../data/examples/twoloops.json")
	d, err := dataset.Load(doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range d.Deals {
		if d.Entities[x.From].ID == from && d.Entities[x.To].ID == to {
			return true
		}
	}
	return false
}

func TestSavePictureAndCopyLink(t *testing.T) {
	ctx := openPage(t, 800, 600, "/?data=data/examples/twoloops.json#select=orbit-ai")
	ready(t, ctx)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("panel-toggle")), chromedp.Click(chromedp.ID("save-png"))); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!ouroborosBoot.lastCapture`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("no picture saved: %v", err)
	}
	c := eval[map[string]float64](t, ctx, `ouroborosBoot.lastCapture`)
	if c["width"] != 800 || c["height"] != 600 || c["bytes"] < 5000 {
		t.Errorf("picture %v, want 800×600 and a real PNG", c)
	}
	// Copying the link copies the view: the hash holds the selection.
	eval[bool](t, ctx, `(() => { window.__copied = null; window.prompt = (m, v) => { window.__copied = v; }; 
		if (navigator.clipboard) navigator.clipboard.writeText = async (v) => { window.__copied = v; }; return true; })()`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("copy-link"))); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!window.__copied`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatal(err)
	}
	if got := eval[string](t, ctx, `window.__copied`); !strings.Contains(got, "select=orbit-ai") || !strings.Contains(got, "data=data/examples/twoloops.json") {
		t.Errorf("copied %q, want the link to this view", got)
	}
}
