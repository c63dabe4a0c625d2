//go:build browser

package e2e_test

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"ouroboros/web/server"
)

// hostSite serves the given pages (path → HTML, with no security headers:
// an ordinary host's article) and, when dist is true, the built site
// (dist/) under every other path, with opts.
func hostSite(t *testing.T, pages map[string]string, dist bool, opts server.Options) *httptest.Server {
	t.Helper()
	dir, _ := filepath.Abs("../../dist")
	site := server.New(dir, opts)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if html, ok := pages[r.URL.Path]; ok {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, html)
			return
		}
		if !dist {
			http.NotFound(w, r)
			return
		}
		site.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// recorder keeps, in the top window, every message marked ouroboros: 1
// (window.msgs), whoever posted it.
const recorder = `<script>
window.msgs = [];
addEventListener('message', (e) => { if (e.data && e.data.ouroboros === 1) msgs.push(e.data); });
</script>`

// openURL opens a tab of the given size at an absolute URL.
func openURL(t *testing.T, w, h int64, url string) context.Context {
	t.Helper()
	ctx := openPage(t, w, h, "")
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("loading %s: %v", url, err)
	}
	return ctx
}

// otherFrame is another frame of a host page (served as /other.html next
// to an explainer embedded in #x), which forwards what its parent gives it
// to the explainer as its own messages: commands from a window that is not
// the explainer's parent.
const otherFrame = `<!doctype html><meta charset="utf-8"><title>other</title><script>
addEventListener('message', (e) => {
  if (e.source !== parent) return;
  const target = parent.document.querySelector('#x iframe').contentWindow;
  for (const m of e.data.send) { try { target.postMessage(m, '*'); } catch (err) {} }
  parent.postMessage({other: e.data.id}, '*');
});
</script>`

const frameJS = `document.querySelector('[data-ouroboros] iframe')`

// frameSettled waits for the embedded explainer (same origin) to be ready
// with its layout settled.
func frameSettled(t *testing.T, ctx context.Context) {
	t.Helper()
	waitJS(t, ctx, "the embedded explainer", `(() => { try { const s = `+frameJS+`.contentWindow.ouroboros.state(); return !!s && s.view.settled; } catch (e) { return false; } })()`)
}

// The demo article drives the explainer's story as the reader scrolls:
// each step paragraph that reaches the middle of the screen opens its step,
// and the host is told ready, height and step.
func TestEmbedDemoFollowsTheScroll(t *testing.T) {
	d := bundledDataset(t)
	ctx := openPage(t, 1100, 800, "")
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `if (window === top) { window.msgs = []; addEventListener('message', (e) => { if (e.data && e.data.ouroboros === 1) msgs.push(e.data); }); }`,
	}); err != nil {
		t.Fatal(err)
	}
	navigate(t, ctx, "/embed-demo.html")
	waitJS(t, ctx, "ready", `msgs.some(m => m.type === 'ready')`)
	frameSettled(t, ctx)
	if mode := eval[string](t, ctx, frameJS+`.contentWindow.ouroboros.state().mode`); mode != "embed" {
		t.Errorf("the embedded explainer's mode is %q, want embed", mode)
	}
	waitJS(t, ctx, "a height", `msgs.some(m => m.type === 'height')`)
	waitJS(t, ctx, "the frame sized to its height", `(() => { const h = msgs.filter(m => m.type === 'height').pop().height;
		return `+frameJS+`.style.height === Math.round(h) + 'px'; })()`)
	steps := eval[int](t, ctx, `document.querySelectorAll('[data-ouroboros-step]').length`)
	story := d.Stories[0]
	if steps != len(story.Steps) {
		t.Fatalf("the demo has %d step paragraphs, the story %d steps", steps, len(story.Steps))
	}
	for _, k := range []int{2, 3, 4, 5, 6, 4, 1} {
		eval[bool](t, ctx, fmt.Sprintf(`(document.querySelector('[data-ouroboros-step="%d"]').scrollIntoView({block: 'center'}), true)`, k))
		waitJS(t, ctx, fmt.Sprintf("step %d in the frame", k), fmt.Sprintf(`(() => { const s = %s.contentWindow.ouroboros.state(); return s.story === %s && s.step === %d; })()`, frameJS, quoteJS(story.ID), k))
		waitJS(t, ctx, fmt.Sprintf("the host told of step %d", k), fmt.Sprintf(`(() => { const m = msgs.filter(m => m.type === 'step').pop(); return !!m && m.story === %s && m.step === %d; })()`, quoteJS(story.ID), k))
		if title := eval[string](t, ctx, frameJS+`.contentWindow.document.getElementById('caption-title').textContent`); title != story.Steps[k-1].Title {
			t.Errorf("step %d: the caption says %q, want %q", k, title, story.Steps[k-1].Title)
		}
	}
}

// Wheel turns over an embedded explainer scroll the article, and leave the
// explainer's camera alone, until the reader clicks into it; then the wheel
// zooms and the article stays. Leaving the frame puts the article's
// scrolling back.
func TestEmbedWheelScrollsTheArticleUntilClicked(t *testing.T) {
	host := hostSite(t, map[string]string{"/host.html": `<!doctype html><meta charset="utf-8"><title>host</title>
<body style="margin:0"><div style="height:300px">An article.</div>
<div data-ouroboros="/?data=data/examples/twoloops.json"></div>
<div style="height:3000px">More of it.</div>
<script src="/embed.js"></script></body>`}, true, server.Options{})
	ctx := openURL(t, 1000, 800, host.URL+"/host.html")
	frameSettled(t, ctx)
	type box struct{ X, Y, W, H float64 }
	rect := func() box {
		return eval[box](t, ctx, `(() => { const r = `+frameJS+`.getBoundingClientRect(); return {X: r.left, Y: r.top, W: r.width, H: r.height}; })()`)
	}
	zoom := func() float64 { return eval[float64](t, ctx, frameJS+`.contentWindow.ouroboros.state().view.zoom`) }
	tick := func() int64 { return eval[int64](t, ctx, frameJS+`.contentWindow.ouroboros.state().view.tick`) }
	wheel := func(x, y, dy float64) {
		mouse(t, ctx, input.DispatchMouseEventTypeMouseWheel, x, y, func(p *input.DispatchMouseEventParams) { p.DeltaX, p.DeltaY = 0.01, dy })
	}
	r := rect()
	x, y := r.X+r.W/2, r.Y+r.H*0.45
	if y < 0 || y > 800 {
		t.Fatalf("the frame's middle is off screen: %+v", r)
	}
	z0 := zoom()
	wheel(x, y, 250)
	waitJS(t, ctx, "the article to scroll", `window.scrollY > 100`)
	t0 := tick()
	waitJS(t, ctx, "30 ticks", fmt.Sprintf(`%s.contentWindow.ouroboros.state().view.tick > %d`, frameJS, t0+30))
	if z := zoom(); z != z0 {
		t.Errorf("the explainer zoomed from %v to %v under a wheel meant for the article", z0, z)
	}

	// Click into the explainer: now the wheel is the explainer's.
	r = rect()
	x, y = r.X+r.W/2, r.Y+r.H*0.45
	mouse(t, ctx, input.DispatchMouseEventTypeMousePressed, x, y, chromedp.ButtonLeft, chromedp.ClickCount(1))
	mouse(t, ctx, input.DispatchMouseEventTypeMouseReleased, x, y, chromedp.ButtonLeft, chromedp.ClickCount(1))
	waitJS(t, ctx, "the shield to go", frameJS+`.contentWindow.document.getElementById('shield').hidden`)
	scrolled := eval[float64](t, ctx, `window.scrollY`)
	wheel(x, y, -300)
	waitJS(t, ctx, "a zoom", fmt.Sprintf(`%s.contentWindow.ouroboros.state().view.zoom > %v`, frameJS, z0*1.2))
	if s := eval[float64](t, ctx, `window.scrollY`); math.Abs(s-scrolled) > 0.5 {
		t.Errorf("the article scrolled from %v to %v while the reader zoomed the explainer", scrolled, s)
	}

	// The mouse leaves the frame: the article scrolls again.
	mouse(t, ctx, input.DispatchMouseEventTypeMouseMoved, x, y)
	mouse(t, ctx, input.DispatchMouseEventTypeMouseMoved, x, math.Max(5, r.Y-40))
	mouse(t, ctx, input.DispatchMouseEventTypeMouseMoved, x, r.Y+r.H+40)
	waitJS(t, ctx, "the shield back", `!`+frameJS+`.contentWindow.document.getElementById('shield').hidden`)
}

// Commands move the story only when the host page posts them; the same
// commands from another frame on the page do nothing. Cross-origin: the
// host page and the explainer are on different servers.
func TestEmbedCommandsOnlyFromTheParent(t *testing.T) {
	d := bundledDataset(t)
	story := d.Stories[0].ID
	explainer := hostSite(t, nil, true, server.Options{AllowFraming: true})
	host := hostSite(t, map[string]string{
		"/host.html": `<!doctype html><meta charset="utf-8"><title>host</title>` + recorder + `
<script>window.fromOther = []; addEventListener('message', (e) => { if (e.data && e.data.other) fromOther.push(e.data.other); });</script>
<div id="x" data-ouroboros="` + explainer.URL + `/?motion=reduced&story=` + story + `&step=1"></div>
<iframe id="other" src="/other.html" title="another frame"></iframe>
<script src="` + explainer.URL + `/embed.js"></script>`,
		"/other.html": otherFrame,
	}, false, server.Options{})
	ctx := openURL(t, 1000, 800, host.URL+"/host.html")
	waitJS(t, ctx, "ready", `msgs.some(m => m.type === 'ready')`)
	ready := eval[map[string]any](t, ctx, `msgs.find(m => m.type === 'ready')`)
	if ready["story"] != story || ready["step"] != float64(1) {
		t.Errorf("ready says %v", ready)
	}
	waitJS(t, ctx, "a height", `msgs.some(m => m.type === 'height' && m.height >= 200)`)
	waitJS(t, ctx, "the frame sized to its height", `(() => { const h = msgs.filter(m => m.type === 'height').pop().height;
		return document.querySelector('#x iframe').style.height === Math.round(h) + 'px'; })()`)

	steps := func() string {
		return eval[string](t, ctx, `msgs.filter(m => m.type === 'step').map(m => m.story + '/' + m.step).join(' ')`)
	}
	eval[bool](t, ctx, `(document.getElementById('x').ouroborosSend({type: 'goToStep', story: `+quoteJS(story)+`, step: 3}), true)`)
	waitJS(t, ctx, "step 3", `msgs.some(m => m.type === 'step' && m.step === 3)`)
	// The other frame sends well-formed commands…
	eval[bool](t, ctx, `(document.getElementById('other').contentWindow.postMessage({id: 'one', send: [
		{ouroboros: 1, type: 'goToStep', story: `+quoteJS(story)+`, step: 5},
		{ouroboros: 1, type: 'select', id: 'nvidia'},
		{ouroboros: 1, type: 'next'}]}, '*'), true)`)
	waitJS(t, ctx, "the other frame to have sent", `fromOther.includes('one')`)
	// …then the host sends one: only the host's acts.
	eval[bool](t, ctx, `(document.getElementById('x').ouroborosSend({type: 'next'}), true)`)
	waitJS(t, ctx, "step 4", `msgs.some(m => m.type === 'step' && m.step === 4)`)
	eval[bool](t, ctx, `(document.getElementById('x').ouroborosSend({type: 'prev'}), true)`)
	waitJS(t, ctx, "step 3 again", `msgs.filter(m => m.type === 'step').length >= 3`)
	if got, want := steps(), fmt.Sprintf("%[1]s/3 %[1]s/4 %[1]s/3", story); got != want {
		t.Errorf("step events %q, want %q: a command from another frame acted", got, want)
	}
	if n := eval[int](t, ctx, `msgs.filter(m => m.type === 'select').length`); n != 0 {
		t.Errorf("%d select events: the other frame's select acted", n)
	}
}

// Issue 10: a flood of random, malformed and oversized messages from the
// host page and from another frame. The explainer keeps running, nothing
// throws, and only the host's well-formed commands act.
func TestEmbedMessageFlood(t *testing.T) {
	d := bundledDataset(t)
	story := d.Stories[0]
	host := hostSite(t, map[string]string{
		"/host.html": `<!doctype html><meta charset="utf-8"><title>host</title>` + recorder + `
<script>window.fromOther = []; window.hostErrors = [];
addEventListener('message', (e) => { if (e.data && e.data.other) fromOther.push(e.data.other); });
addEventListener('error', (e) => hostErrors.push(String(e.message)));</script>
<div id="x" data-ouroboros="/?motion=reduced&story=` + story.ID + `&step=1"></div>
<iframe id="other" src="/other.html" title="another frame"></iframe>
<script src="/embed.js"></script>`,
		"/other.html": otherFrame,
	}, true, server.Options{})
	ctx := openURL(t, 1000, 800, host.URL+"/host.html")
	uncaught := listenUncaught(ctx)
	waitJS(t, ctx, "ready", `msgs.some(m => m.type === 'ready')`)
	frameSettled(t, ctx)
	tick0 := eval[int64](t, ctx, frameJS+`.contentWindow.ouroboros.state().view.tick`)
	got := eval[map[string]any](t, ctx, floodJS(story.ID))
	want := fmt.Sprintf("asof:%s select:amd step:%s/4", story.Steps[3].AsOf, story.ID)
	if got["acted"] != want {
		t.Errorf("the explainer acted on %q, want only the host's commands: %q", got["acted"], want)
	}
	if got["errors"] != "" {
		t.Errorf("errors during the flood:\n%s", got["errors"])
	}
	if got["story"] != story.ID || got["step"] != float64(4) || got["selection"] != "amd" || got["autoplay"] != false || got["paused"] != false {
		t.Errorf("after the flood the state is %v", got)
	}
	if n, _ := got["refused"].(float64); n < 100 {
		t.Errorf("only %v refused commands were reported to the host", got["refused"])
	}
	t.Logf("%v well-formed but refused commands reported to the host", got["refused"])
	// Still running.
	waitJS(t, ctx, "the explainer to keep ticking", fmt.Sprintf(`%s.contentWindow.ouroboros.state().view.tick > %d`, frameJS, tick0+30))
	if u := uncaught(); len(u) > 0 {
		t.Errorf("uncaught exceptions during the flood:\n%s", strings.Join(u, "\n"))
	}
}

// floodJS is the host page's flood (run in the host, the explainer in
// frameJS): 3,000 malformed or refused messages from the parent, 1,500 from
// another frame of which a third well-formed commands, and two real
// commands from the parent (step 4 of story, then selecting amd), the last
// sent once the other frame is done. It returns what the explainer acted
// on, the errors it raised, its state after, and how many refusals it
// reported to the host.
func floodJS(story string) string {
	return `(async () => {
		const w = ` + frameJS + `.contentWindow;
		const errors = [];
		w.addEventListener('error', (e) => errors.push('error: ' + e.message));
		w.addEventListener('unhandledrejection', (e) => errors.push('unhandled rejection: ' + String(e.reason)));
		const consoleError = w.console.error;
		w.console.error = (...a) => { errors.push('console.error: ' + a.map(String).join(' ')); consoleError.apply(w.console, a); };
		const from = msgs.length;
		let seed = 20261127;
		const r = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
		const pick = (a) => a[Math.floor(r() * a.length)];
		const big = 'x'.repeat(5000);
		const values = [1, '1', 0, -1, null, true, NaN, 1e308, '', 'next', 'select', 'nvidia', {}, [], [1, [2]], {type: 'next'}, big];
		// Never a command that would act: wrong marks, unknown types, bad
		// arguments, oversized or unserialisable well-formed ones.
		const deep = () => { let o = {ouroboros: 1, type: 'prev'}; for (let i = 0; i < 3000; i++) o = {ouroboros: 1, type: 'prev', a: o}; return o; };
		const junk = [
			() => null, () => undefined, () => 42, () => 'next', () => [1, 2, 3], () => ({}), () => ({ouroboros: 1}),
			() => ({ouroboros: '1', type: 'next'}), () => ({ouroboros: 2, type: 'next'}), () => ({ouroboros: true, type: 'next'}),
			() => ({type: 'next'}), () => ({ouroboros: 1, type: 42}), () => ({ouroboros: 1, type: ['next']}),
			() => ({ouroboros: 1, type: 'nonsense' + r()}), () => ({ouroboros: 1, type: 'ready'}), () => ({ouroboros: 1, type: 'height', height: 5}),
			() => ({ouroboros: 1, type: 'toString'}), () => ({ouroboros: 1, type: '__proto__'}), () => ({ouroboros: 1, type: 'constructor'}),
			() => ({ouroboros: 1, type: 'select', id: 'no-such-entity'}), () => ({ouroboros: 1, type: 'select', id: {}}), () => ({ouroboros: 1, type: 'select', id: 7}),
			() => ({ouroboros: 1, type: 'goToStep', story: ` + quoteJS(story) + `, step: 99}), () => ({ouroboros: 1, type: 'goToStep', story: ` + quoteJS(story) + `, step: 'x'}),
			() => ({ouroboros: 1, type: 'goToStep', story: 'no-such-story', step: 1}), () => ({ouroboros: 1, type: 'goToStep', story: 5}),
			() => ({ouroboros: 1, type: 'setAsOf', date: 'not a date'}), () => ({ouroboros: 1, type: 'setAsOf', date: 2025}),
			() => ({ouroboros: 1, type: 'autoplay', on: 'yes'}), () => ({ouroboros: 1, type: 'autoplay', on: true, ticks: 1}),
			() => ({ouroboros: 1, type: 'next', pad: big}), () => ({ouroboros: 1, type: 'select', id: 'amd', pad: big}),
			() => ({ouroboros: 1, type: 'pickLoop', entities: new Array(2000).fill('nvidia')}),
			() => { const o = {ouroboros: 1, type: 'next'}; o.self = o; return o; },
			() => ({ouroboros: 1, type: 'next', n: 10n}),
			deep,
			() => new ArrayBuffer(16), () => new Date(0), () => /re/g, () => new Map([[1, 2]]), () => new Set([1]),
			() => { const o = {}; for (let i = 0, n = Math.floor(r() * 8); i < n; i++) o[pick(['ouroboros', 'type', 'id', 'story', 'step', 'date', 'on', 'x'])] = pick(values); if (o.ouroboros === 1 && typeof o.type === 'string') o.type += '?'; return o; },
		];
		const post = (m) => { try { w.postMessage(m, '*'); } catch (e) { /* not cloneable: the sender's problem */ } };
		// The other frame: a third of its messages well-formed commands.
		const valid = [{ouroboros: 1, type: 'select', id: 'nvidia'}, {ouroboros: 1, type: 'goToStep', story: ` + quoteJS(story) + `, step: 2},
			{ouroboros: 1, type: 'setAsOf', date: '2024'}, {ouroboros: 1, type: 'reset'}, {ouroboros: 1, type: 'next'},
			{ouroboros: 1, type: 'autoplay', on: true, ticks: 10}, {ouroboros: 1, type: 'pause'}];
		const batch = [];
		for (let i = 0; i < 1500; i++) {
			// (Not the deeply nested one: the frame would get it as null.)
			batch.push(i % 3 === 0 ? valid[i % valid.length] : pick(junk.filter((f) => f !== deep))());
		}
		const other = document.getElementById('other').contentWindow;
		for (let i = 0; i < 3000; i++) {
			post(pick(junk)());
			if (i === 1000) other.postMessage({id: 'flood', send: batch}, '*');
			if (i === 1500) post({ouroboros: 1, type: 'goToStep', story: ` + quoteJS(story) + `, step: 4});
			if (i % 200 === 0) await new Promise((res) => setTimeout(res, 0));
		}
		const until = Date.now() + 60000;
		while (!fromOther.includes('flood') && Date.now() < until) await new Promise((res) => setTimeout(res, 20));
		// The host's last command: when it has acted, everything before it has been handled.
		post({ouroboros: 1, type: 'select', id: 'amd'});
		while (!msgs.some((m, i) => i >= from && m.type === 'select') && Date.now() < until) await new Promise((res) => setTimeout(res, 20));
		const acted = msgs.slice(from).filter((m) => ['select', 'step', 'asof', 'autoplay'].includes(m.type))
			.map((m) => m.type + ':' + (m.type === 'step' ? m.story + '/' + m.step : m.type === 'select' ? m.id : m.type === 'asof' ? m.date : m.on))
			.sort();
		const s = w.ouroboros.state();
		return {acted: acted.join(' '), errors: errors.concat(hostErrors).join('\n'), story: s.story, step: s.step, selection: s.selection,
			autoplay: s.autoplay, paused: s.paused, refused: msgs.slice(from).filter((m) => m.type === 'error').length};
	})()`
}

// listenUncaught collects the uncaught exceptions of every frame of the
// tab, and returns a function that reads them.
func listenUncaught(ctx context.Context) func() []string {
	var mu sync.Mutex
	var uncaught []string
	chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*runtime.EventExceptionThrown); ok {
			d := e.ExceptionDetails
			msg := fmt.Sprintf("%s %s:%d", d.Text, d.URL, d.LineNumber)
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
			mu.Lock()
			uncaught = append(uncaught, msg)
			mu.Unlock()
		}
	})
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(uncaught)
	}
}

// mode=embed is legible from 320 px wide: lean chrome, nothing wider than
// the screen, the caption in full-size type; and the wheel leaves the
// network alone until the reader taps into it.
func TestEmbedModeAt320(t *testing.T) {
	d := bundledDataset(t)
	ctx := openPage(t, 320, 640, "/?mode=embed&story="+d.Stories[0].ID+"&step=1")
	s := ready(t, ctx)
	if s.Mode != "embed" {
		t.Errorf("mode %q", s.Mode)
	}
	got := eval[map[string]any](t, ctx, `(() => {
		const $ = (id) => document.getElementById(id);
		const shown = (el) => !!el && el.getClientRects().length > 0;
		const cap = $('caption').getBoundingClientRect();
		return {embed: document.body.classList.contains('embed'), search: shown($('search-box')), help: shown($('help-toggle')),
			caption: shown($('caption')), capLeft: cap.left, capRight: cap.right, width: document.documentElement.scrollWidth,
			font: parseFloat(getComputedStyle($('caption-text')).fontSize), shield: shown($('shield')), hint: $('shield-hint').textContent};
	})()`)
	if got["embed"] != true || got["search"] != false || got["help"] != false || got["caption"] != true || got["shield"] != true {
		t.Errorf("embed chrome: %v", got)
	}
	if got["width"].(float64) > 320 || got["capLeft"].(float64) < 0 || got["capRight"].(float64) > 320 {
		t.Errorf("wider than the screen: %v", got)
	}
	if got["font"].(float64) < 14 {
		t.Errorf("caption type %vpx, want at least 14", got["font"])
	}
	if !strings.Contains(got["hint"].(string), "explore") {
		t.Errorf("hint %q", got["hint"])
	}
	// The wheel over the network (above the caption) does nothing until a tap.
	x, y := 160.0, 40.0
	if on := eval[string](t, ctx, `document.elementFromPoint(160, 40).id`); on != "shield" {
		t.Fatalf("(160, 40) is on #%s, not the shield", on)
	}
	z0 := s.View.Zoom
	mouse(t, ctx, input.DispatchMouseEventTypeMouseWheel, x, y, func(p *input.DispatchMouseEventParams) { p.DeltaX, p.DeltaY = 0.01, -300 })
	// It says how to explore instead…
	waitJS(t, ctx, "the hint", `(() => { const h = document.getElementById('shield-hint'); return h.classList.contains('nudge') && h.getClientRects().length > 0; })()`)
	// …and leaves the network alone.
	tick := state(t, ctx).View.Tick
	waitState(t, ctx, "30 ticks", func(s pageState) bool { return s.View.Tick > tick+30 })
	if z := state(t, ctx).View.Zoom; z != z0 {
		t.Errorf("the wheel zoomed the network to %v before the reader tapped into it", z)
	}
	mouse(t, ctx, input.DispatchMouseEventTypeMousePressed, x, y, chromedp.ButtonLeft, chromedp.ClickCount(1))
	mouse(t, ctx, input.DispatchMouseEventTypeMouseReleased, x, y, chromedp.ButtonLeft, chromedp.ClickCount(1))
	waitJS(t, ctx, "the shield to go", `document.getElementById('shield').hidden`)
	mouse(t, ctx, input.DispatchMouseEventTypeMouseWheel, x, y, func(p *input.DispatchMouseEventParams) { p.DeltaX, p.DeltaY = 0.01, -300 })
	waitState(t, ctx, "a zoom", func(s pageState) bool { return s.View.Zoom > z0*1.2 })
	key(t, ctx, kb.Escape)
	waitJS(t, ctx, "Esc to put the shield back", `!document.getElementById('shield').hidden`)
}
