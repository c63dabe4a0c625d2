//go:build browser

package e2e_test

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/wording"
)

const twoloopsPath = "/?data=data/examples/twoloops.json"

func loadExample(t *testing.T, name string) *dataset.Dataset {
	t.Helper()
	b, err := os.ReadFile("../../data/examples/" + name)
	if err != nil {
		t.Fatal(err)
	}
	d, err := dataset.Load(b)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// dealLine is how the text twin names a deal: "Nvidia → OpenAI, equity,
// up to $100B".
func dealLine(d *dataset.Dataset, x dataset.Deal) string {
	return d.Entities[x.From].Name + " → " + d.Entities[x.To].Name + ", " + wording.DealType(x.Type) + ", " + wording.Amount(x.Amount, d.Currency)
}

type axNode struct {
	role, name string
	parent     accessibility.NodeID
	ignored    bool
}

// axTree reads Chromium's accessibility tree of the page.
func axTree(t *testing.T, ctx context.Context) map[accessibility.NodeID]axNode {
	t.Helper()
	res, err := chromedp.Call(ctx, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
	if err != nil {
		t.Fatalf("Accessibility.getFullAXTree: %v", err)
	}
	str := func(v *accessibility.Value) string {
		if v == nil {
			return ""
		}
		var s string
		if json.Unmarshal(v.Value, &s) != nil {
			return ""
		}
		return s
	}
	nodes := map[accessibility.NodeID]axNode{}
	for _, n := range res.Nodes {
		nodes[n.NodeID] = axNode{role: str(n.Role), name: str(n.Name), parent: n.ParentID, ignored: n.Ignored}
	}
	return nodes
}

// under reports whether node id lies in the subtree of a node named name.
func under(nodes map[accessibility.NodeID]axNode, id accessibility.NodeID, name string) bool {
	for n, ok := nodes[id]; ok; n, ok = nodes[n.parent] {
		if n.name == name {
			return true
		}
	}
	return false
}

// The text twin is in the accessibility tree: every entity by its name and
// every deal by its payer, payee, type and amount, inside the "Text view of
// the network" region; the canvas is an image named for what it shows.
func TestAccessibilityTreeHasEveryEntityAndDeal(t *testing.T) {
	d := loadExample(t, "twoloops.json")
	ctx := openPage(t, 1000, 700, twoloopsPath)
	ready(t, ctx)
	// The twin is visually hidden: nothing of it shows.
	if w := eval[float64](t, ctx, `document.getElementById('twin').getBoundingClientRect().width`); w > 1 {
		t.Errorf("the text twin is %v px wide before the text view opens, want hidden", w)
	}
	nodes := axTree(t, ctx)
	const region = "Text view of the network"
	names := map[string]bool{}
	var texts []string
	canvas := false
	for id, n := range nodes {
		if n.ignored {
			continue
		}
		if n.role == "image" && strings.HasPrefix(n.name, "Network picture of "+d.Title+": 8 entities, 15 deals") {
			canvas = true
		}
		if under(nodes, id, region) {
			names[n.name] = true
			texts = append(texts, n.name)
		}
	}
	if !canvas {
		t.Error("no image in the accessibility tree is named for the network (canvas role and label)")
	}
	if len(texts) == 0 {
		t.Fatalf("no %q region in the accessibility tree", region)
	}
	for _, e := range d.Entities {
		if !names[e.Name] {
			t.Errorf("entity %q is not in the twin's accessibility tree", e.Name)
		}
	}
	all := strings.Join(texts, "\n")
	for _, x := range d.Deals {
		if line := dealLine(d, x); !strings.Contains(all, line) {
			t.Errorf("deal %s: %q is not in the twin's accessibility tree", x.ID, line)
		}
	}
	if t.Failed() {
		t.Logf("the twin's nodes:\n%s", all)
	}
}

// The polite live region says what was selected and which story step
// opened.
func TestLiveRegionAnnouncesSelectionAndStep(t *testing.T) {
	d := loadExample(t, "twoloops.json")
	ctx := openPage(t, 1000, 700, twoloopsPath)
	ready(t, ctx)
	if got := eval[string](t, ctx, `(() => { const r = document.getElementById('announce'); return r.getAttribute('aria-live') + ' ' + r.getAttribute('role'); })()`); got != "polite status" {
		t.Errorf("live region: %q, want polite status", got)
	}
	announced := func(what, want string) string {
		t.Helper()
		got, err := chromedp.Run(ctx, chromedp.Poll[string](`(() => { const s = document.getElementById('announce').textContent; return s.includes(`+quoteJS(want)+`) ? s : false; })()`, chromedp.WithPollingTimeout(20*time.Second)))
		if err != nil {
			t.Fatalf("after %s the live region says %q, want it to say %q", what, eval[string](t, ctx, `document.getElementById('announce').textContent`), want)
		}
		return got
	}
	before := eval[string](t, ctx, `document.getElementById('announce').textContent`)
	ouroborosSend(t, ctx, `{type: 'select', id: 'orbit-ai'}`)
	got := announced("a select", "Selected Orbit AI: AI lab; pays $11B in 3 deals")
	if got == before {
		t.Error("the live region did not change on select")
	}
	// The twin marks the selection.
	if cur := eval[string](t, ctx, `[...document.querySelectorAll('#twin [aria-current="true"] strong')].map(e => e.textContent).join()`); cur != "Orbit AI" {
		t.Errorf("twin marks %q as current, want Orbit AI", cur)
	}
	st := d.Stories[0]
	ouroborosSend(t, ctx, `{type: 'goToStep', story: `+quoteJS(st.ID)+`, step: 2}`)
	announced("a story step", "Story "+st.Title+", step 2 of 4: "+st.Steps[1].Title+".")
	ouroborosSend(t, ctx, `{type: 'next'}`)
	announced("the next step", "step 3 of 4: "+st.Steps[2].Title+".")
	// The twin follows the date (step 3 keeps step 2's): later deals are
	// not listed.
	s := state(t, ctx)
	if s.AsOf == nil {
		t.Fatal("no date at step 3")
	}
	date, err := dataset.ParseDate(*s.AsOf)
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, x := range d.Deals {
		if x.Date.Compare(date) <= 0 {
			want++
		}
	}
	if want == len(d.Deals) {
		t.Fatalf("every deal is dated on or before %v: nothing to leave out", date)
	}
	if got := eval[int](t, ctx, `document.querySelectorAll('#twin .twin-deal').length`); got != want {
		t.Errorf("the twin lists %d deals at step 3, want %d", got, want)
	}
}

// focusable lists the page's controls that the keyboard can reach now:
// enabled, rendered, in the Tab order. Each is tagged data-tab with a name.
const focusable = `(() => {
	const out = [];
	for (const e of document.querySelectorAll('button, input, select, textarea, a[href], canvas, [tabindex]')) {
		if (e.tabIndex < 0 || e.disabled || !e.checkVisibility({visibilityProperty: true}) || e.closest('[hidden]')) continue;
		const r = e.getBoundingClientRect();
		if (r.width < 2 || r.height < 2) continue;
		e.dataset.tab = e.id || (e.tagName.toLowerCase() + ':' + (e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 40));
		out.push(e.dataset.tab);
	}
	return out;
})()`

// tabThrough presses Tab up to n times, or until it has reached every one
// of want, and returns, for each control reached, whether its focus was
// drawn (an outline of 2 px at least).
func tabThrough(t *testing.T, ctx context.Context, n int, want []string) map[string]bool {
	t.Helper()
	seen := map[string]bool{}
	all := func() bool {
		for _, w := range want {
			if _, ok := seen[w]; !ok {
				return false
			}
		}
		return true
	}
	for i := 0; i < n && !all(); i++ {
		key(t, ctx, kb.Tab)
		got := eval[[]any](t, ctx, `(() => {
			const e = document.activeElement;
			if (!document.hasFocus()) return ['(left the page)', false];
			if (!e || e === document.body) return ['', false];
			const cs = getComputedStyle(e);
			return [e.dataset.tab || e.id || e.tagName, cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2 && e.matches(':focus-visible')];
		})()`)
		if got[0] == "(left the page)" {
			break // past the last control, on to the browser's own
		}
		if name := got[0].(string); name != "" {
			seen[name] = seen[name] || got[1].(bool)
		}
		if testing.Verbose() {
			t.Logf("Tab %d: %v", i, got)
		}
	}
	return seen
}

// Tab reaches every control, each with a visible focus ring: the toolbar,
// the panel's chips and buttons, the timeline, the card, the caption's
// buttons, the canvas, then the text view's.
func TestTabReachesEveryControl(t *testing.T) {
	ctx := openPage(t, 1100, 760, twoloopsPath+"#story=main&step=2")
	ready(t, ctx)
	// Nothing needs to move here; still frames keep the page quick.
	ouroborosSend(t, ctx, `{type: 'pause'}`)
	ouroborosSend(t, ctx, `{type: 'select', id: 'acme-chips'}`)
	waitSelection(t, ctx, "acme-chips")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("panel-toggle"))); err != nil {
		t.Fatal(err)
	}
	controls := eval[[]string](t, ctx, focusable)
	for _, want := range []string{"search", "zoom-in", "motion", "text-view", "panel-toggle", "help-toggle", "binding-only",
		"save-png", "copy-link", "play", "scrub", "card-close", "step-prev", "step-next", "story-close"} {
		found := false
		for _, c := range controls {
			found = found || c == want
		}
		if !found {
			t.Errorf("%s is not among the controls to reach: %v", want, controls)
		}
	}
	// From the top of the page, as a reader arriving: each control once,
	// the canvas one stop among them (issue 18).
	eval[bool](t, ctx, `(() => { const s = document.createElement('span'); s.tabIndex = -1; document.body.prepend(s); s.focus(); return true; })()`)
	seen := tabThrough(t, ctx, len(controls)+4, controls)
	for _, c := range controls {
		ring, ok := seen[c]
		if !ok {
			t.Errorf("Tab never reaches %s", c)
		} else if !ring {
			t.Errorf("%s has no visible focus ring", c)
		}
	}

	// The text view: opened from the keyboard, its links join the Tab order.
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.ID("text-view"))); err != nil {
		t.Fatal(err)
	}
	key(t, ctx, kb.Enter)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.activeElement && document.activeElement.id === 'twin-heading'`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatal("Enter on the text view button does not move the focus into the text view")
	}
	if w := eval[float64](t, ctx, `document.getElementById('twin').getBoundingClientRect().width`); w < 300 {
		t.Errorf("the open text view is %v px wide, want it readable", w)
	}
	twin := eval[[]string](t, ctx, `(() => { const all = `+focusable+`; return [...document.querySelectorAll('#twin [data-tab]')].map(e => e.dataset.tab).filter(x => all.includes(x)); })()`)
	if len(twin) < 2 {
		t.Fatalf("the open text view has %d controls, want its close button and the sources' links", len(twin))
	}
	seen = tabThrough(t, ctx, len(twin)+2, twin)
	for _, c := range twin {
		if ring, ok := seen[c]; !ok || !ring {
			t.Errorf("in the text view, %s reached %v, ring %v", c, ok, ring)
		}
	}
	// Keys in the text view do not move the picture; Esc closes it.
	date := func() string {
		if s := state(t, ctx); s.AsOf != nil {
			return *s.AsOf
		}
		return "every date"
	}
	asOf := date()
	key(t, ctx, kb.ArrowRight)
	waitDrawn(t, ctx) // a moved date would show at the next tick (the story may have paused it)
	if now := date(); now != asOf {
		t.Errorf("→ in the text view moved the date from %v to %v", asOf, now)
	}
	key(t, ctx, kb.Escape)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.activeElement && document.activeElement.id === 'text-view' && document.getElementById('twin').getBoundingClientRect().width <= 1`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Error("Esc does not close the text view and give the focus back to its button")
	}
}

// emulateReducedMotion asks the page, before it loads, for
// prefers-reduced-motion: reduce.
func emulateReducedMotion(t *testing.T, ctx context.Context) {
	t.Helper()
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}},
	}); err != nil {
		t.Fatal(err)
	}
}

// With prefers-reduced-motion the picture is still on an open story step:
// no particles, but the edges carry their figures, as they do in motion.
func TestReducedMotionIsStill(t *testing.T) {
	ctx := openPage(t, 1000, 700, "")
	emulateReducedMotion(t, ctx)
	navigate(t, ctx, twoloopsPath+"#story=main&step=2")
	s := ready(t, ctx)
	if s.Motion != "reduced" {
		t.Fatalf("motion %q with prefers-reduced-motion, want reduced", s.Motion)
	}
	waitState(t, ctx, "figures on the edges", func(pageState) bool { return eval[int](t, ctx, `ouroboros.state().view.figures`) > 0 })
	stillFor(t, ctx, "reduced motion on a story step")
	// Full motion writes the amounts too (issue 16: amounts on the
	// canvas in every mode), beside the flow.
	ctx = openPage(t, 1000, 700, twoloopsPath)
	ready(t, ctx)
	waitState(t, ctx, "figures while the flow moves", func(pageState) bool { return eval[int](t, ctx, `ouroboros.state().view.figures`) > 0 })
}

// The pause button stops all motion in full motion, and starts it again.
func TestPauseButtonStopsAllMotion(t *testing.T) {
	ctx := openPage(t, 1000, 700, twoloopsPath)
	s := ready(t, ctx)
	if s.Paused || s.Motion != "full" {
		t.Fatalf("paused %v, motion %q at the start", s.Paused, s.Motion)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("motion"))); err != nil {
		t.Fatal(err)
	}
	waitState(t, ctx, "paused", func(s pageState) bool { return s.Paused })
	if p := eval[string](t, ctx, `document.getElementById('motion').getAttribute('aria-pressed')`); p != "true" {
		t.Errorf("aria-pressed %q when paused", p)
	}
	stillFor(t, ctx, "paused")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("motion"))); err != nil {
		t.Fatal(err)
	}
	waitState(t, ctx, "playing", func(s pageState) bool { return !s.Paused })
	a := screenshot(t, ctx)
	waitTicks(t, ctx, 10)
	if differing(a, screenshot(t, ctx)) == 0 {
		t.Error("after the pause button again, nothing moves in 10 ticks")
	}
}
