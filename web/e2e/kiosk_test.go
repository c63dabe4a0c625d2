//go:build browser

package e2e_test

import (
	"context"
	"fmt"
	"math"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"ouroboros/web/server"
)

// kioskWait waits up to timeout for a JavaScript condition, and shows the
// kiosk's timers' state if it does not come.
func kioskWait(t *testing.T, ctx context.Context, what, cond string, timeout time.Duration) {
	t.Helper()
	waitJSShowing(t, ctx, what, cond, `window.ouroborosKiosk`, timeout)
}

// tap touches (x, y) with one finger and lifts it.
func tap(t *testing.T, ctx context.Context, x, y float64) {
	t.Helper()
	touch(t, ctx, input.DispatchTouchEventTypeTouchStart, &input.TouchPoint{X: x, Y: y, ID: f(1)})
	touch(t, ctx, input.DispatchTouchEventTypeTouchEnd)
}

func touch(t *testing.T, ctx context.Context, typ input.DispatchTouchEventType, pts ...*input.TouchPoint) {
	t.Helper()
	if pts == nil {
		pts = []*input.TouchPoint{}
	}
	if _, err := chromedp.Call(ctx, input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: typ, TouchPoints: pts}); err != nil {
		t.Fatal(err)
	}
}

// centre is the middle of the element with id, in CSS pixels.
func centre(t *testing.T, ctx context.Context, id string) (float64, float64) {
	t.Helper()
	p := eval[[]float64](t, ctx, `(() => { const r = document.getElementById(`+quoteJS(id)+`).getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()`)
	return p[0], p[1]
}

// TestKioskRunsOfflineAfterOneVisit visits the kiosk once, then takes the
// network away twice over (the server stops, and Chromium emulates being
// offline, for the service worker too) and reloads: the page must start.
func TestKioskRunsOfflineAfterOneVisit(t *testing.T) {
	dist, _ := filepath.Abs("../../dist")
	srv := httptest.NewServer(server.New(dist, server.Options{}))
	defer srv.Close()
	ctx := openPage(t, 1024, 700, "")
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/?mode=kiosk")); err != nil {
		t.Fatal(err)
	}
	ready(t, ctx)
	kioskWait(t, ctx, "the service worker to control the page", `navigator.serviceWorker.controller !== null`, time.Minute)
	version := eval[string](t, ctx, `caches.keys().then((k) => k.join(' '))`)
	if !strings.HasPrefix(version, "ouroboros-") {
		t.Fatalf("caches %q, want one ouroboros-VERSION", version)
	}

	srv.CloseClientConnections()
	srv.Close()
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	on := true
	if _, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		EmulateOfflineServiceWorker: &on,
		MatchedNetworkConditions:    []*network.Conditions{{Offline: true}},
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: true}); err != nil {
		t.Fatal(err)
	}
	// The server is gone: without the worker this reload fails.
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	if ok, msg := outcome(t, ctx); !ok {
		t.Fatalf("offline, ouroboros.ready rejected: %s", msg)
	}
	s := state(t, ctx)
	if s.Mode != "kiosk" || s.Dataset.Entities == 0 || eval[bool](t, ctx, `navigator.onLine`) {
		t.Errorf("offline reload: mode %q, %d entities, onLine %v", s.Mode, s.Dataset.Entities, eval[bool](t, ctx, `navigator.onLine`))
	}
}

// TestKioskIdleCountdownAndAttractLoop shortens the kiosk's timers through
// the link and watches a whole cycle: the attract loop plays the stories, a
// touch hands over, nobody touching brings "Still there?", a touch then
// keeps the visitor's view, and the countdown running out resets to the
// attract loop. The program counts the kiosk's timers in ticks (60 a
// second); software WebGL in headless Chromium runs only a few ticks a
// second while the picture moves, so the page runs with reduced motion,
// where a still picture lets the ticks run at about their pace.
// TestKioskAttractLoopDrifts watches the camera drift.
func TestKioskIdleCountdownAndAttractLoop(t *testing.T) {
	d := bundledDataset(t)
	ctx := openPage(t, 1100, 720, "/?mode=kiosk&motion=reduced&idle=4&countdown=4&attract=2")
	s := ready(t, ctx)
	if s.Mode != "kiosk" || len(s.Problems) != 0 {
		t.Fatalf("mode %q, problems %q", s.Mode, s.Problems)
	}
	kioskWait(t, ctx, "the attract loop", `ouroborosKiosk.phase === 'attract'`, 30*time.Second)
	s = state(t, ctx)
	if s.Story == nil || *s.Story != d.Stories[0].ID {
		t.Errorf("the attract loop opened story %v, want the first, %q", s.Story, d.Stories[0].ID)
	}
	if eval[bool](t, ctx, `getComputedStyle(document.getElementById('attract-hint')).display === 'none'`) {
		t.Error("the attract loop does not invite a touch")
	}
	// It moves on by itself, a step every 2 s.
	kioskWait(t, ctx, "the attract loop to step", `ouroboros.state().step >= 2 || ouroboros.state().story !== `+quoteJS(d.Stories[0].ID), 30*time.Second)
	// A touch on something inert hands control back: no more steps, no drift.
	x, y := centre(t, ctx, "scrub-date")
	tap(t, ctx, x, y)
	kioskWait(t, ctx, "the visitor's turn", `ouroborosKiosk.phase === 'visitor' && !ouroboros.state().autoplay`, 30*time.Second)
	step := eval[int](t, ctx, `ouroboros.state().step || 0`)
	story := eval[string](t, ctx, `ouroboros.state().story || ''`)
	resets := eval[int](t, ctx, `ouroborosKiosk.resets`)
	ouroborosSend(t, ctx, `{type: 'select', id: 'nvidia'}`)
	waitSelection(t, ctx, "nvidia")

	// Nobody touches for 4 s: "Still there?" counts down.
	kioskWait(t, ctx, "the countdown", `ouroborosKiosk.phase === 'countdown' && !document.getElementById('still').hidden`, 30*time.Second)
	if got := eval[int](t, ctx, `ouroboros.state().step || 0`); got != step || eval[string](t, ctx, `ouroboros.state().story || ''`) != story {
		t.Errorf("the story moved on while the visitor had it (step %d, want %d)", got, step)
	}
	text := eval[string](t, ctx, `document.getElementById('still').textContent`)
	if !strings.Contains(text, "Still there?") || !strings.Contains(text, "Starting over in") {
		t.Errorf("the countdown says %q", text)
	}
	// A touch keeps the visitor's view.
	tap(t, ctx, 500, 300)
	kioskWait(t, ctx, "the countdown to go", `ouroborosKiosk.phase === 'visitor' && document.getElementById('still').hidden`, 30*time.Second)
	if got, now := state(t, ctx), eval[int](t, ctx, `ouroborosKiosk.resets`); got.Selection == nil || *got.Selection != "nvidia" || now != resets {
		t.Errorf("a touch on the countdown lost the visitor's view: selection %v, resets %d, want %d", got.Selection, now, resets)
	}

	// Nobody again: the countdown runs out and the attract loop starts over.
	kioskWait(t, ctx, "the countdown", `ouroborosKiosk.phase === 'countdown'`, 30*time.Second)
	kioskWait(t, ctx, "the reset to the attract loop", `ouroborosKiosk.phase === 'attract' && ouroborosKiosk.resets > `+fmt.Sprint(resets), 30*time.Second)
	s = state(t, ctx)
	if s.Selection != nil || s.Story == nil || *s.Story != d.Stories[0].ID || !eval[bool](t, ctx, `ouroboros.state().autoplay`) {
		t.Errorf("after the reset: selection %v, story %v, autoplay %v; want nothing selected, the first story playing", s.Selection, s.Story, eval[bool](t, ctx, `ouroboros.state().autoplay`))
	}
	if !eval[bool](t, ctx, `document.getElementById('still').hidden`) {
		t.Error("the countdown stays after the reset")
	}
}

// TestKioskAttractLoopDrifts: in the attract loop the camera wanders
// slowly (burn-in care), and a visitor's touch stops it where it is.
func TestKioskAttractLoopDrifts(t *testing.T) {
	ctx := openPage(t, 1100, 720, "/?mode=kiosk")
	ready(t, ctx)
	kioskWait(t, ctx, "the attract loop", `ouroborosKiosk.phase === 'attract' && ouroboros.state().view.drifting`, 30*time.Second)
	z0 := eval[[]float64](t, ctx, `[ouroboros.state().view.zoom, ouroboros.state().view.panX]`)
	kioskWait(t, ctx, "the camera to drift", fmt.Sprintf(`(() => { const v = ouroboros.state().view; return v.zoom !== %v || v.panX !== %v; })()`, z0[0], z0[1]), 30*time.Second)
	x, y := centre(t, ctx, "scrub-date")
	tap(t, ctx, x, y)
	kioskWait(t, ctx, "the visitor's turn", `ouroborosKiosk.phase === 'visitor' && !ouroboros.state().view.drifting`, 30*time.Second)
}

// TestKioskTouchOnly works the kiosk with a finger only (no mouse, no key):
// the first touch goes full screen, every control it shows is at least 44
// CSS px, and touch selects an entity, steps a story and scrubs the
// timeline.
func TestKioskTouchOnly(t *testing.T) {
	ctx := openPage(t, 1280, 800, "/?mode=kiosk")
	ready(t, ctx)
	kioskWait(t, ctx, "the attract loop", `ouroborosKiosk.phase === 'attract' && !document.getElementById('caption').hidden`, 30*time.Second)
	// Count what is not a finger, to show that none was used.
	eval[bool](t, ctx, `(() => {
		window.notTouch = [];
		for (const type of ['pointerdown', 'pointerup']) window.addEventListener(type, (e) => { if (e.pointerType !== 'touch') window.notTouch.push(type + ':' + e.pointerType); }, true);
		for (const type of ['keydown', 'keyup', 'wheel']) window.addEventListener(type, () => window.notTouch.push(type), true);
		return true;
	})()`)

	// The first touch hands over; then step the story with the caption's Next.
	x, y := centre(t, ctx, "scrub-date")
	tap(t, ctx, x, y)
	kioskWait(t, ctx, "the visitor's turn", `ouroborosKiosk.phase === 'visitor'`, 30*time.Second)
	// The first touch asked for full screen, which this browser allows.
	kioskWait(t, ctx, "full screen", `document.fullscreenElement === document.documentElement`, 30*time.Second)
	step := eval[int](t, ctx, `ouroboros.state().step`)
	x, y = centre(t, ctx, "step-next")
	tap(t, ctx, x, y)
	kioskWait(t, ctx, "the next step", fmt.Sprintf(`ouroboros.state().step === %d`, step+1), 30*time.Second)

	// Select an entity by touch: a large one that nothing covers.
	s := waitState(t, ctx, "the layout", func(s pageState) bool { return s.View.Settled })
	picked := ""
	for _, e := range s.View.Entities {
		if e.R < 6 || picked != "" {
			continue
		}
		if eval[bool](t, ctx, fmt.Sprintf(`document.elementFromPoint(%v, %v) === document.querySelector('#stage > canvas')`, e.X, e.Y)) {
			picked = e.ID
			tap(t, ctx, e.X, e.Y)
		}
	}
	if picked == "" {
		t.Fatal("no entity is uncovered on screen")
	}
	waitSelection(t, ctx, picked)

	// Scrub the timeline: drag the thumb to the far left, the first date.
	dates := eval[[]string](t, ctx, `ouroboros.state().explore.timeline.dates`)
	r := eval[[]float64](t, ctx, `(() => { const r = document.getElementById('scrub').getBoundingClientRect(); const s = document.getElementById('scrub'); return [r.x, r.y + r.height / 2, r.width, Number(s.value), Number(s.max)]; })()`)
	thumb := 22.0 // half the 44 px thumb
	from := r[0] + thumb + (r[2]-2*thumb)*r[3]/r[4]
	touch(t, ctx, input.DispatchTouchEventTypeTouchStart, &input.TouchPoint{X: from, Y: r[1], ID: f(7)})
	for i := 1; i <= 10; i++ {
		touch(t, ctx, input.DispatchTouchEventTypeTouchMove, &input.TouchPoint{X: from + (r[0]-from)*float64(i)/10, Y: r[1], ID: f(7)})
	}
	touch(t, ctx, input.DispatchTouchEventTypeTouchEnd)
	kioskWait(t, ctx, "the first date", `ouroboros.state().asOf === `+quoteJS(dates[0]), 30*time.Second)

	// Open the panel by touch, so its controls are measured too.
	x, y = centre(t, ctx, "panel-toggle")
	tap(t, ctx, x, y)
	kioskWait(t, ctx, "the panel", `!document.getElementById('panel').hidden`, 30*time.Second)
	if got := eval[[]string](t, ctx, `window.notTouch`); len(got) != 0 {
		t.Errorf("events other than touch: %q", got)
	}

	checkKioskChrome(t, ctx)
}

// checkKioskChrome checks what the kiosk's screen offers a finger: every
// control on screen is at least 44 × 44 CSS px, the range's thumb too;
// nothing to select, no context menu, no page zoom, no pointer shown.
func checkKioskChrome(t *testing.T, ctx context.Context) {
	t.Helper()
	small := eval[[]string](t, ctx, `(() => {
		const out = [];
		for (const e of document.querySelectorAll('button, input, select, textarea, a[href], [role="button"], [role="option"], summary')) {
			const r = e.getBoundingClientRect();
			if (r.width === 0 && r.height === 0) continue; // not shown
			if (getComputedStyle(e).visibility === 'hidden') continue;
			if (r.width < 44 || r.height < 44) out.push((e.id || e.tagName + ' ' + e.textContent.slice(0, 30)) + ': ' + r.width.toFixed(1) + '×' + r.height.toFixed(1));
		}
		const th = getComputedStyle(document.getElementById('scrub'), '::-webkit-slider-thumb');
		if (parseFloat(th.width) < 44 || parseFloat(th.height) < 44) out.push('the timeline thumb: ' + th.width + '×' + th.height);
		return out;
	})()`)
	if len(small) > 0 {
		t.Errorf("controls under 44 CSS px in kiosk mode:\n%s", strings.Join(small, "\n"))
	}
	// Nothing to select, no context menu, no page zoom.
	if got := eval[string](t, ctx, `getComputedStyle(document.body).userSelect`); got != "none" {
		t.Errorf("user-select %q, want none", got)
	}
	if !eval[bool](t, ctx, `!document.body.dispatchEvent(new MouseEvent('contextmenu', {bubbles: true, cancelable: true}))`) {
		t.Error("the context menu is not refused")
	}
	// No page zoom by a pinch: touch-action, not the viewport, refuses it,
	// since a viewport with user-scalable=no or maximum-scale stops a
	// reader's zoom everywhere (axe's meta-viewport, issue 18).
	if got := eval[string](t, ctx, `getComputedStyle(document.documentElement).touchAction`); strings.Contains(got, "pinch-zoom") || got == "auto" || got == "manipulation" {
		t.Errorf("touch-action %q lets a pinch zoom the page", got)
	}
	if got := eval[string](t, ctx, `document.querySelector('meta[name="viewport"]').content`); got != "width=device-width, initial-scale=1" {
		t.Errorf("viewport %q, want width=device-width, initial-scale=1", got)
	}
	if !eval[bool](t, ctx, `document.documentElement.classList.contains('pointer-idle') && getComputedStyle(document.body).cursor === 'none'`) {
		t.Error("the pointer shows though no mouse moved")
	}
}

// TestKioskTapShowsAnEdgeCard: what a mouse's hover shows elsewhere, a
// finger gets by a tap in the kiosk: the card of the deals on an edge.
func TestKioskTapShowsAnEdgeCard(t *testing.T) {
	ctx := openPage(t, 1100, 720, "/?mode=kiosk")
	ready(t, ctx)
	kioskWait(t, ctx, "the attract loop", `ouroborosKiosk.phase === 'attract'`, 30*time.Second)
	x, y := centre(t, ctx, "scrub-date")
	tap(t, ctx, x, y)
	kioskWait(t, ctx, "the visitor's turn", `ouroborosKiosk.phase === 'visitor'`, 30*time.Second)
	ouroborosSend(t, ctx, `{type: 'goToStep', story: null}`)
	ouroborosSend(t, ctx, `{type: 'setAsOf', date: null}`)
	s := waitState(t, ctx, "the whole network", func(s pageState) bool { return s.Story == nil && s.AsOf == nil && s.View.Zoom == 1 })
	// Find a point on the edge between the two ends of a loop's first hop:
	// the edge curves, so look across the middle of the straight line.
	at := map[string][2]float64{}
	for _, e := range s.View.Entities {
		at[e.ID] = [2]float64{e.X, e.Y}
	}
	a, b := at[s.Loops[0].Entities[0]], at[s.Loops[0].Entities[1]]
	mx, my := (a[0]+b[0])/2, (a[1]+b[1])/2
	l := math.Hypot(b[0]-a[0], b[1]-a[1])
	nx, ny := -(b[1]-a[1])/l, (b[0]-a[0])/l
	found := false
	for off := -0.3 * l; off <= 0.3*l && !found; off += 6 {
		px, py := mx+nx*off, my+ny*off
		if !eval[bool](t, ctx, fmt.Sprintf(`document.elementFromPoint(%v, %v) === document.querySelector('#stage > canvas')`, px, py)) {
			continue
		}
		tap(t, ctx, px, py)
		found = eval[bool](t, ctx, `new Promise((done) => { const until = Date.now() + 3000; const look = () => {
			const h = document.getElementById('hover');
			if (!h.hidden && h.textContent.includes('→')) return done(true);
			if (Date.now() > until) return done(false);
			setTimeout(look, 50); }; look(); })`)
	}
	if !found {
		t.Fatal("no tap across the middle of a loop's first hop showed the edge's card")
	}
	// The card lists the edge's deals; the next touch hides it.
	tap(t, ctx, x, y)
	kioskWait(t, ctx, "the card to go", `document.getElementById('hover').hidden`, 30*time.Second)
}
