//go:build browser

package e2e_test

// The browser tests wait for states, never for time. Every wait here polls
// something the page shows (window.ouroboros.state(), the DOM, the
// program's ticks, the page's animation frames) until a condition holds,
// and fails after a deadline saying what it awaited and what it saw last.
// Headless WebGL is software-rendered and slow (2–19 frames a second on
// this machine, shared with other work), so the deadlines are generous and
// nothing assumes a frame rate.
//
// This is the only file of the package that sleeps: between two looks of
// a wait, and in soakPause, the soak test's schedule. (Input that needs a
// pace, such as a double tap, carries its own timestamps instead.)

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

const (
	// pollEvery is how long a wait rests between two looks: often enough
	// to add little to a test, rarely enough to leave the page's main
	// thread to the program.
	pollEvery = 50 * time.Millisecond
	// waitLong is a wait's deadline unless it says otherwise.
	waitLong = time.Minute
	// stillFrames is how many of the page's animation frames a wait for
	// something that must NOT happen watches instead of wall time: half a
	// second at the browser's 60 frames a second when the program sleeps,
	// 30 of the program's own frames when it runs (each then holds one).
	stillFrames = 30
)

// until looks until look reports done, and fails t after timeout with what
// was awaited and what look saw last.
func until(t *testing.T, what string, timeout time.Duration, look func() (done bool, seen string)) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		done, seen := look()
		if done {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waited %s for %s; last seen: %s", timeout, what, seen)
		}
		time.Sleep(pollEvery)
	}
}

// waitState waits until cond holds for window.ouroboros.state(), and
// returns that state.
func waitState(t *testing.T, ctx context.Context, what string, cond func(pageState) bool) pageState {
	t.Helper()
	var s pageState
	until(t, what, waitLong, func() (bool, string) {
		s = state(t, ctx)
		return cond(s), s.summary()
	})
	return s
}

// summary is the part of the state that most waits are about, for a
// failure message.
func (s pageState) summary() string {
	str := func(p *string) string {
		if p == nil {
			return "null"
		}
		return strconv.Quote(*p)
	}
	step := "null"
	if s.Step != nil {
		step = strconv.Itoa(*s.Step)
	}
	v := s.View
	return fmt.Sprintf("selection %s, story %s step %s, asOf %s, paused %v, motion %s; view tick %d, settled %v, drifting %v, zoom %.3f, pan (%.1f, %.1f), %.0f×%.0f",
		str(s.Selection), str(s.Story), step, str(s.AsOf), s.Paused, s.Motion, v.Tick, v.Settled, v.Drifting, v.Zoom, v.PanX, v.PanY, v.Width, v.Height)
}

// waitJS waits until the JavaScript expression js is true.
func waitJS(t *testing.T, ctx context.Context, what, js string) {
	t.Helper()
	waitJSShowing(t, ctx, what, js, "", 2*time.Minute)
}

// waitJSShowing waits up to timeout until the JavaScript expression js is
// true; a failure shows the last value of the expression (or, if seen is
// not empty, of seen). The page itself looks, at each of its animation
// frames, so that a state that lasts a few seconds is not missed between
// two looks from here on a loaded machine. An expression that throws
// counts as not yet, and a look that a reload cuts short starts again.
func waitJSShowing(t *testing.T, ctx context.Context, what, js, seen string, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	guarded := `(() => { try { return !!(` + js + `); } catch (e) { return false; } })()`
	var err error
	for time.Now().Before(deadline) {
		if _, err = chromedp.Run(ctx, chromedp.Poll[bool](guarded, chromedp.WithPollingTimeout(time.Until(deadline)))); err == nil {
			return
		}
		time.Sleep(pollEvery) // the page was replaced under the look: look again
	}
	if seen == "" {
		seen = js
	}
	v, serr := chromedp.Run(ctx, chromedp.Evaluate[any](seen))
	if serr != nil {
		t.Fatalf("waited %s for %s (%s): %v; last seen: %s threw %v", timeout, what, js, err, seen, serr)
	}
	b, _ := json.Marshal(v)
	t.Fatalf("waited %s for %s (%s): %v; last seen: %s = %s", timeout, what, js, err, seen, b)
}

// waitSelection waits until the selection is the entity with id want, or
// nothing if want is "".
func waitSelection(t *testing.T, ctx context.Context, want string) pageState {
	t.Helper()
	return waitState(t, ctx, fmt.Sprintf("selection %q", want), func(s pageState) bool {
		if want == "" {
			return s.Selection == nil
		}
		return s.Selection != nil && *s.Selection == want
	})
}

// waitText waits until the element the selector finds is shown and its
// text contains want verbatim.
func waitText(t *testing.T, ctx context.Context, selector, want string) {
	t.Helper()
	js := `(() => { const e = document.querySelector(` + quoteJS(selector) + `); return !!e && !e.hidden && e.textContent.includes(` + strconv.Quote(want) + `); })()`
	waitJSShowing(t, ctx, fmt.Sprintf("%s to contain %q", selector, want), js,
		`(document.querySelector(`+quoteJS(selector)+`) || {}).textContent`, 30*time.Second)
}

// waitTicks waits until the program has run n more ticks than when called
// (state().view.tick), and returns the state. The frame that ran a tick is
// drawn before the page can answer again, so the picture on screen is at
// least that frame. The program must be running: not paused, not asleep.
func waitTicks(t *testing.T, ctx context.Context, n int64) pageState {
	t.Helper()
	from := state(t, ctx).View.Tick
	return waitState(t, ctx, fmt.Sprintf("%d ticks after tick %d", n, from), func(s pageState) bool { return s.View.Tick >= from+n })
}

// waitFrames waits until the page has run n animation frames
// (requestAnimationFrame callbacks). The engine draws in the same frames,
// so this is the witness that the picture had n chances to change when
// the program may be asleep or paused and its ticks stand still.
func waitFrames(t *testing.T, ctx context.Context, n int) {
	t.Helper()
	fctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	_, err := chromedp.Run(fctx, chromedp.Evaluate[int](fmt.Sprintf(`new Promise((done) => {
		let k = 0;
		window.__e2eFrames = 0;
		const frame = () => { window.__e2eFrames = ++k; if (k >= %d) done(k); else requestAnimationFrame(frame); };
		requestAnimationFrame(frame);
	})`, n), chromedp.EvalAwaitPromise))
	if err != nil {
		got, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`window.__e2eFrames || 0`))
		t.Fatalf("waited for %d animation frames of the page; last seen: %d (%v)", n, got, err)
	}
}

// waitDrawn waits until the picture on screen shows the current state:
// two more ticks when the program runs, or, when it sleeps (nothing moves,
// and it sleeps only once its last frame is on screen), stillFrames frames
// of the page with the tick standing still.
func waitDrawn(t *testing.T, ctx context.Context) {
	t.Helper()
	from := state(t, ctx).View.Tick
	frames := 0
	until(t, "the picture to show the state", 2*time.Minute, func() (bool, string) {
		now := state(t, ctx).View.Tick
		if now >= from+2 || frames >= stillFrames {
			return true, ""
		}
		if now != from {
			frames = 0 // it runs: wait for its ticks
		}
		waitFrames(t, ctx, 1)
		frames++
		return false, fmt.Sprintf("tick %d (from %d), %d frames without a tick", now, from, frames)
	})
}

// waitQuiet waits until the program stops ticking: state().view.tick
// stays the same over stillFrames animation frames of the page (each of
// which would have run the program's Update were it awake), and returns
// that tick.
func waitQuiet(t *testing.T, ctx context.Context) int64 {
	t.Helper()
	var last int64 = -1
	until(t, "the program to stop ticking (a still picture should cost no frames)", 2*time.Minute, func() (bool, string) {
		before := state(t, ctx).View.Tick
		waitFrames(t, ctx, stillFrames)
		last = state(t, ctx).View.Tick
		return last == before, fmt.Sprintf("tick %d, then %d %d frames later", before, last, stillFrames)
	})
	return last
}

// waitCameraRest waits until the camera (zoom and pan) and any step's
// easing stay the same over stillFrames frames of the page, and returns the
// state.
func waitCameraRest(t *testing.T, ctx context.Context) pageState {
	t.Helper()
	var s pageState
	until(t, "the camera to rest", 2*time.Minute, func() (bool, string) {
		a := state(t, ctx)
		waitFrames(t, ctx, stillFrames)
		s = state(t, ctx)
		rest := a.View.Zoom == s.View.Zoom && a.View.PanX == s.View.PanX && a.View.PanY == s.View.PanY && !s.View.Moving
		return rest, fmt.Sprintf("%s, then %s", a.summary(), s.summary())
	})
	return s
}

// stillFor waits for the camera to rest, then checks that the screen does
// not change over stillFrames more frames of the page.
func stillFor(t *testing.T, ctx context.Context, what string) {
	t.Helper()
	waitCameraRest(t, ctx)
	checkStill(t, ctx, what)
}

// checkStill checks that the screen does not change over stillFrames
// frames of the page (frames, not ticks: a still page may stop ticking
// altogether, the engine asleep until something happens, while the
// browser goes on drawing), and writes the changed pixels if it does.
func checkStill(t *testing.T, ctx context.Context, what string) {
	t.Helper()
	a := screenshot(t, ctx)
	waitFrames(t, ctx, stillFrames)
	if b := screenshot(t, ctx); differing(a, b) != 0 {
		t.Errorf("%s: %d pixels changed over %d frames, want none; changed pixels in %s", what, differing(a, b), stillFrames, changedPixels(t, a, b))
	}
}

// soakPause sleeps until the soak test's next sample or visitor is due:
// its schedule, in wall time, is what it measures.
func soakPause(until time.Time) { time.Sleep(time.Until(until)) }
