package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// latencyTrials is how many times each input is timed.
const latencyTrials = 7

// watchChanges runs once the page is ready: it notes, in __bench, every
// pointerup and keydown (their event times); every select and step the
// program announces (ouroborosBoot.emit, which the program calls in the
// tick that applied the change, before drawing that tick's frame); and when
// the page has answered them (the select and step events of
// window.ouroboros, which fire once the card and the caption are redrawn,
// in a task after that frame).
const watchChanges = `(() => {
  const b = window.__bench;
  if (b.inputs) return true;
  b.inputs = []; b.changes = []; b.answers = [];
  for (const type of ['pointerup', 'keydown']) {
    window.addEventListener(type, (e) => b.inputs.push([e.timeStamp]), true);
  }
  const boot = globalThis.ouroborosBoot;
  const emit = boot.emit.bind(boot);
  boot.emit = (type, detail) => {
    if (type === 'select' || type === 'step') b.changes.push([type, performance.now()]);
    return emit(type, detail);
  };
  for (const type of ['select', 'step']) {
    window.ouroboros.on(type, () => b.answers.push([type, performance.now()]));
  }
  return true;
})()`

// latency is what one timed input measured, in milliseconds from the
// input event: the end of the main-thread work of the frame that drew the
// change (the compositor shows it at the next vsync), and the start of the
// frame after it, by which that picture was on screen.
type latency struct {
	Drawn, Shown float64
	Frames       int     // animation frames that began between input and change
	Work         float64 // main-thread ms of the frame that drew the change
	Outside      bool
	// Page is when the page had answered the change (card, caption).
	Page float64
}

// measureLatency reads __bench after one input: the input (the first since
// the record was cleared), the first change of the type announced after
// it, the frame callback that ran while the program announced it, and the
// page's answer. A change announced before the input is left out: paused,
// the Escape that ended the trial before can still be on its way.
const measureLatency = `((type) => {
  const b = window.__bench;
  if (!b.inputs.length) return null;
  const input = b.inputs[0][0];
  const c = b.changes.find((x) => x[0] === type && x[1] >= input);
  if (!c) return null;
  const at = c[1];
  const answer = b.answers.find((x) => x[0] === type && x[1] >= at);
  const page = answer ? answer[1] - input : 0;
  const frames = b.frames;
  const k = frames.findIndex((f) => f[1] <= at && at <= f[1] + f[2]);
  const began = new Set(frames.filter((f) => f[0] > input && f[1] <= at).map((f) => f[0])).size;
  if (k < 0) {
    const next = frames.find((f) => f[1] > at);
    return { Drawn: at - input, Shown: next ? next[0] - input : at - input, Frames: began, Outside: true, Page: page };
  }
  const next = frames.find((f) => f[0] > frames[k][0]);
  return { Drawn: frames[k][1] + frames[k][2] - input, Shown: next ? next[0] - input : frames[k][1] + frames[k][2] - input, Frames: began, Work: frames[k][2], Outside: false, Page: page };
})`

// timeInputs times, from the input event to the first frame that shows
// its change, a click that selects an entity and a click on a story's
// Next, each latencyTrials times, as the reader does them (real mouse
// events through the browser), on the page as it is (what the caller
// left: animating, or paused and asleep).
func timeInputs(ctx context.Context, out io.Writer, what string) error {
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](watchChanges)); err != nil {
		return err
	}
	var sel, next []latency
	for range latencyTrials {
		l, err := timeOne(ctx, "select", clickEntity)
		if err != nil {
			return fmt.Errorf("timing a selection: %w", err)
		}
		sel = append(sel, l)
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape)); err != nil {
			return err
		}
		if err := rest(ctx); err != nil {
			return err
		}
	}
	story, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
	  const s = window.ouroboros.state().stories || [];
	  const st = s.find((x) => x.steps >= 2) || s[0];
	  return st ? st.id : '';
	})()`))
	if err != nil {
		return err
	}
	if story == "" {
		fmt.Fprintf(out, "  %s: select %s; Next not measured (no story)\n", what, summarize(sel))
		return nil
	}
	for i := range latencyTrials {
		if i == 0 || !hasNext(ctx) {
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.ouroboros.send({type: 'goToStep', story: `+quote(story)+`, step: 1})`)); err != nil {
				return err
			}
			// Paused, the program applies the command at its next tick:
			// wait for the caption, not only for a still camera.
			if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById('step-next').getBoundingClientRect().width > 0`, pollEvery, chromedp.WithPollingTimeout(time.Minute))); err != nil {
				return fmt.Errorf("no caption after opening a story: %w", err)
			}
			if err := rest(ctx); err != nil {
				return err
			}
		}
		l, err := timeOne(ctx, "step", clickNext)
		if err != nil {
			return fmt.Errorf("timing Next: %w", err)
		}
		next = append(next, l)
		if err := rest(ctx); err != nil {
			return err
		}
	}
	_, err = chromedp.Run(ctx, chromedp.Evaluate[bool](`window.ouroboros.send({type: 'goToStep', story: null})`))
	fmt.Fprintf(out, "  input to first changed frame, %s: select %s; Next %s\n", what, summarize(sel), summarize(next))
	return err
}

// timeOne clears the record, does the input and waits for the change.
func timeOne(ctx context.Context, change string, input func(context.Context) error) (latency, error) {
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const b = window.__bench; b.inputs.length = 0; b.changes.length = 0; b.answers.length = 0; b.frames.length = 0; return true; })()`)); err != nil {
		return latency{}, err
	}
	if err := input(ctx); err != nil {
		return latency{}, err
	}
	// The frame after the change must have begun for Shown, and the page
	// must have answered.
	js := fmt.Sprintf(`(() => { const b = window.__bench; if (!b.inputs.length) return false; const c = b.changes.find((x) => x[0] === %[1]q && x[1] >= b.inputs[0][0]); return !!c && b.frames.some((f) => f[0] > c[1]) && b.answers.some((x) => x[0] === %[1]q && x[1] >= c[1]); })()`, change)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, pollEvery, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		// Say what the input met, for the next run to go better.
		seen, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => { const b = window.__bench; const s = window.ouroboros.state(); return JSON.stringify({inputs: b.inputs.length, changes: b.changes, caption: s.caption && s.caption.step, paused: s.paused, focus: document.activeElement && (document.activeElement.id || document.activeElement.tagName)}); })()`))
		return latency{}, fmt.Errorf("no %s event 30 s after the input (%s): %w", change, seen, err)
	}
	l, err := chromedp.Run(ctx, chromedp.Evaluate[*latency](measureLatency+`(`+quote(change)+`)`))
	if err != nil || l == nil {
		return latency{}, fmt.Errorf("reading the %s's times: %v", change, err)
	}
	return *l, nil
}

// clickEntity clicks the middle of the largest visible entity that no
// chrome covers.
func clickEntity(ctx context.Context) error {
	at, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(() => {
	  const g = window.ouroboros.geometry();
	  const under = (e) => g.chrome.some((b) => e.x >= b.x && e.x <= b.x + b.width && e.y >= b.y && e.y <= b.y + b.height);
	  const c = g.canvas;
	  const ok = g.entities.filter((e) => e.visible && !under(e) && e.x > c.x && e.x < c.x + c.width && e.y > c.y && e.y < c.y + c.height);
	  ok.sort((a, b) => b.r - a.r);
	  return ok.length ? [ok[0].x, ok[0].y] : [];
	})()`))
	if err != nil {
		return err
	}
	if len(at) != 2 {
		return fmt.Errorf("no entity to click clear of the chrome")
	}
	return chromedp.Do(ctx, chromedp.MouseClickXY(at[0], at[1]))
}

// clickNext clicks the caption's Next button in its middle.
func clickNext(ctx context.Context) error {
	at, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(() => {
	  const r = document.getElementById('step-next').getBoundingClientRect();
	  return r.width ? [r.x + r.width / 2, r.y + r.height / 2] : [];
	})()`))
	if err != nil {
		return err
	}
	if len(at) != 2 {
		return fmt.Errorf("the Next button is not shown")
	}
	return chromedp.Do(ctx, chromedp.MouseClickXY(at[0], at[1]))
}

// hasNext says whether the open step has a next one.
func hasNext(ctx context.Context) bool {
	ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const c = window.ouroboros.state().caption; return !!c && c.step < c.steps; })()`))
	return err == nil && ok
}

// rest waits for the camera to stop moving, so that each trial starts
// from a quiet page.
func rest(ctx context.Context) error {
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`!window.ouroboros.state().view.moving`, pollEvery, chromedp.WithPollingTimeout(time.Minute)))
	return err
}

func summarize(ls []latency) string {
	if len(ls) == 0 {
		return "not measured"
	}
	drawn, shown, page, work := make([]float64, len(ls)), make([]float64, len(ls)), make([]float64, len(ls)), make([]float64, 0, len(ls))
	frames, outside := 0, 0
	for i, l := range ls {
		drawn[i], shown[i], page[i] = l.Drawn, l.Shown, l.Page
		if !l.Outside {
			work = append(work, l.Work)
		}
		frames = max(frames, l.Frames)
		if l.Outside {
			outside++
		}
	}
	s := fmt.Sprintf("drawn by median %.0f ms (max %.0f), on screen by median %.0f ms (max %.0f), announced at the latest in the %s frame begun after the input, %d trials",
		median(drawn), slices.Max(drawn), median(shown), slices.Max(shown), ordinal(frames), len(ls))
	if len(work) > 0 {
		s += fmt.Sprintf(", that frame's main thread median %.1f ms", median(work))
	}
	s += fmt.Sprintf(", the page's answer (card, caption, events) by median %.0f ms", median(page))
	if outside > 0 {
		s += fmt.Sprintf(" (%d announced outside a frame)", outside)
	}
	return s
}

func quote(s string) string { return fmt.Sprintf("%q", s) }

func ordinal(n int) string {
	switch n {
	case 0:
		return "no"
	case 1:
		return "first"
	case 2:
		return "second"
	case 3:
		return "third"
	}
	return fmt.Sprintf("%dth", n)
}
