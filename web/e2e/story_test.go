//go:build browser

package e2e_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

func TestStoryStepsAndTheHash(t *testing.T) {
	d := bundledDataset(t)
	st := d.Stories[0]
	ctx := openPage(t, 1100, 720, "/")
	ready(t, ctx)
	got := eval[string](t, ctx, `(async () => {
		const seen = [];
		ouroboros.on('step', (s) => seen.push(s));
		ouroboros.send({type: 'goToStep', story: `+quoteJS(st.ID)+`, step: 2});
		ouroboros.send({type: 'next'});
		ouroboros.send({type: 'prev'});
		const until = Date.now() + 20000;
		while (seen.length < 3 && Date.now() < until) await new Promise(r => setTimeout(r, 50));
		return JSON.stringify(seen);
	})()`)
	if want := `[{"step":2,"story":"` + st.ID + `"},{"step":3,"story":"` + st.ID + `"},{"step":2,"story":"` + st.ID + `"}]`; !sameJSON(got, want) {
		t.Errorf("step events %s, want %s", got, want)
	}
	s := state(t, ctx)
	if s.AsOf == nil || *s.AsOf != st.Steps[1].AsOf.String() {
		t.Errorf("asOf %v, want the step's %v", s.AsOf, st.Steps[1].AsOf)
	}
	caption := eval[string](t, ctx, `document.getElementById('caption').hidden ? '' : document.getElementById('caption').textContent`)
	if !strings.Contains(caption, st.Steps[1].Title) || !strings.Contains(caption, "2 / ") {
		t.Errorf("caption %q, want step 2's title", caption)
	}
	// Sources are links to web pages only, in a new tab, without opener or referrer.
	links := eval[[]map[string]string](t, ctx, `[...document.querySelectorAll('#caption a')].map(a => ({href: a.href, target: a.target, rel: a.rel}))`)
	if len(links) == 0 {
		t.Error("the caption links no source")
	}
	for _, l := range links {
		if !strings.HasPrefix(l["href"], "https://") && !strings.HasPrefix(l["href"], "http://") || l["target"] != "_blank" || l["rel"] != "noopener noreferrer" {
			t.Errorf("source link %v", l)
		}
	}
	// Select something too, then reload: story, step, date and selection return.
	ouroborosSend(t, ctx, `{type: 'select', id: 'openai'}`)
	waitSelection(t, ctx, "openai")
	hash := eval[string](t, ctx, `location.hash`)
	for _, want := range []string{"story=" + st.ID, "step=2", "select=openai", "asOf="} {
		if !strings.Contains(hash, want) {
			t.Errorf("hash %q lacks %q", hash, want)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	s = ready(t, ctx)
	if s.Story == nil || *s.Story != st.ID || s.Step == nil || *s.Step != 2 || s.Selection == nil || *s.Selection != "openai" || s.AsOf == nil || *s.AsOf != st.Steps[1].AsOf.String() {
		t.Errorf("after a reload: story %v step %v selection %v asOf %v", s.Story, s.Step, s.Selection, s.AsOf)
	}
	// Leaving the story hides the caption.
	ouroborosSend(t, ctx, `{type: 'goToStep', story: null}`)
	waitState(t, ctx, "no story", func(s pageState) bool { return s.Story == nil })
	if eval[bool](t, ctx, `!document.getElementById('caption').hidden`) {
		t.Error("the caption stays after leaving the story")
	}
}

func sameJSON(a, b string) bool {
	var x, y any
	if json.Unmarshal([]byte(a), &x) != nil || json.Unmarshal([]byte(b), &y) != nil {
		return false
	}
	xa, _ := json.Marshal(x)
	ya, _ := json.Marshal(y)
	return string(xa) == string(ya)
}

// Every step of every story of the bundled dataset can be reached, with
// the step buttons a reader clicks, and shows its own caption.
func TestEveryStoryStepShowsItsCaption(t *testing.T) {
	d := bundledDataset(t)
	ctx := openPage(t, 1100, 760, "/?motion=reduced")
	ready(t, ctx)
	for _, st := range d.Stories {
		ouroborosSend(t, ctx, `{type: 'goToStep', story: `+quoteJS(st.ID)+`, step: 1}`)
		for i, step := range st.Steps {
			if i > 0 {
				if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("step-next"))); err != nil {
					t.Fatal(err)
				}
			}
			s := waitState(t, ctx, fmt.Sprintf("%s step %d", st.ID, i+1), func(s pageState) bool {
				return s.Story != nil && *s.Story == st.ID && s.Step != nil && *s.Step == i+1
			})
			if want := step.AsOf.String(); !step.AsOf.IsZero() && (s.AsOf == nil || *s.AsOf != want) {
				t.Errorf("%s step %d: asOf %v, want %s", st.ID, i+1, s.AsOf, want)
			}
			got := eval[map[string]string](t, ctx, `(() => { const $ = (id) => document.getElementById(id);
				return {hidden: String($('caption').hidden), title: $('caption-title').textContent, text: $('caption-text').textContent,
					count: $('step-count').textContent, dots: String($('step-dots').children.length),
					current: String([...$('step-dots').querySelectorAll('button')].findIndex(b => b.getAttribute('aria-current') === 'step') + 1)}; })()`)
			want := map[string]string{"hidden": "false", "title": step.Title, "text": step.Text,
				"count": fmt.Sprintf("%d / %d", i+1, len(st.Steps)), "dots": fmt.Sprint(len(st.Steps)), "current": fmt.Sprint(i + 1)}
			for k, v := range want {
				if got[k] != v {
					t.Errorf("%s step %d: caption %s = %q, want %q", st.ID, i+1, k, got[k], v)
				}
			}
		}
		if !eval[bool](t, ctx, `document.getElementById('step-next').disabled`) {
			t.Errorf("%s: Next is enabled on the last step", st.ID)
		}
	}
}

// The progress dots are buttons to their steps; autoplay moves the story
// on by itself, stops at the end, and stops when the reader does anything.
func TestStoryDotsAndAutoplay(t *testing.T) {
	d := bundledDataset(t)
	st := d.Stories[0]
	n := len(st.Steps)
	ctx := openPage(t, 1100, 760, "/?motion=reduced&story="+st.ID+"&step=1")
	ready(t, ctx)
	atStep := func(k int) func(pageState) bool {
		return func(s pageState) bool { return s.Story != nil && *s.Story == st.ID && s.Step != nil && *s.Step == k }
	}
	// A real click on the third dot.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#step-dots li:nth-child(3) button`))); err != nil {
		t.Fatal(err)
	}
	waitState(t, ctx, "step 3 from its dot", atStep(3))
	if cur := eval[int](t, ctx, `[...document.querySelectorAll('#step-dots button')].findIndex(b => b.getAttribute('aria-current') === 'step') + 1`); cur != 3 {
		t.Errorf("dot %d is current, want 3", cur)
	}

	// The play control turns autoplay on and off.
	autoplay := func() bool { return eval[bool](t, ctx, `ouroboros.state().autoplay`) }
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("step-play"))); err != nil {
		t.Fatal(err)
	}
	waitState(t, ctx, "autoplay on", func(pageState) bool { return autoplay() })
	if p := eval[string](t, ctx, `document.getElementById('step-play').getAttribute('aria-pressed')`); p != "true" {
		t.Errorf("the play control's aria-pressed is %q while playing", p)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("step-play"))); err != nil {
		t.Fatal(err)
	}
	waitState(t, ctx, "autoplay off", func(pageState) bool { return !autoplay() })

	// Autoplay (quick, by command, as a kiosk would) advances…
	ouroborosSend(t, ctx, `{type: 'autoplay', on: true, ticks: 20}`)
	waitState(t, ctx, "autoplay to step 4", atStep(4))
	waitState(t, ctx, "autoplay to step 5", atStep(5))
	// …until the reader clicks the network: then it stops where it is.
	s := state(t, ctx)
	mouse(t, ctx, input.DispatchMouseEventTypeMousePressed, 30, s.View.Height-120, chromedp.ButtonLeft, chromedp.ClickCount(1))
	mouse(t, ctx, input.DispatchMouseEventTypeMouseReleased, 30, s.View.Height-120, chromedp.ButtonLeft, chromedp.ClickCount(1))
	waitState(t, ctx, "autoplay stopped by a click", func(pageState) bool { return !autoplay() })
	s = state(t, ctx)
	at, tick := *s.Step, s.View.Tick
	// 60 ticks later, or, when nothing moves (reduced motion, and no loop
	// flashes over a story's step), once the program sleeps: a story
	// still playing would keep it awake.
	until(t, "60 ticks later, or the program asleep", 2*time.Minute, func() (bool, string) {
		before := state(t, ctx).View.Tick
		waitFrames(t, ctx, stillFrames)
		now := state(t, ctx).View.Tick
		return now > tick+60 || now == before, fmt.Sprintf("tick %d, then %d", before, now)
	})
	if s = state(t, ctx); *s.Step != at {
		t.Errorf("the story moved from step %d to %d after the reader's click", at, *s.Step)
	}
	// A key stops it too.
	ouroborosSend(t, ctx, `{type: 'autoplay', on: true, ticks: 600}`)
	waitState(t, ctx, "autoplay on", func(pageState) bool { return autoplay() })
	key(t, ctx, "+")
	waitState(t, ctx, "autoplay stopped by a key", func(pageState) bool { return !autoplay() })

	// At the end autoplay stops by itself, after the last step.
	ouroborosSend(t, ctx, fmt.Sprintf(`{type: 'goToStep', story: %s, step: %d}`, quoteJS(st.ID), n-1))
	waitState(t, ctx, "the step before the last", atStep(n-1))
	ouroborosSend(t, ctx, `{type: 'autoplay', on: true, ticks: 20}`)
	waitState(t, ctx, "the last step", atStep(n))
	waitState(t, ctx, "autoplay off at the end", func(pageState) bool { return !autoplay() })
	if s = state(t, ctx); *s.Step != n {
		t.Errorf("autoplay left the last step for %d", *s.Step)
	}
}

// A step eases the camera over several frames; with reduced motion it
// cuts, so the picture is still as soon as the step is there.
func TestStoryCameraGlidesOrCuts(t *testing.T) {
	d := bundledDataset(t)
	st := d.Stories[0]
	for _, motion := range []string{"full", "reduced"} {
		t.Run(motion, func(t *testing.T) {
			ctx := openPage(t, 1000, 700, "/?motion="+motion)
			s0 := ready(t, ctx)
			// Sample the camera on every animation frame until it rests.
			zooms := eval[[]float64](t, ctx, `(async () => {
				const zooms = [];
				ouroboros.send({type: 'goToStep', story: `+quoteJS(st.ID)+`, step: 3});
				const until = Date.now() + 30000;
				let still = 0;
				while (Date.now() < until && still < 5) {
					await new Promise(r => requestAnimationFrame(r));
					const v = ouroboros.state().view;
					zooms.push(v.zoom);
					still = v.moving ? 0 : still + 1;
				}
				return zooms;
			})()`)
			final := zooms[len(zooms)-1]
			if final <= s0.View.Zoom*1.05 {
				t.Fatalf("step 3 did not zoom in: %v", zooms)
			}
			between := 0
			for _, z := range zooms {
				if z > s0.View.Zoom+1e-6 && z < final-1e-6 {
					between++
				}
			}
			if motion == "full" && between < 3 {
				t.Errorf("the camera jumped: %d frames between zoom %v and %v (%v)", between, s0.View.Zoom, final, zooms)
			}
			if motion == "reduced" {
				if between > 0 {
					t.Errorf("with reduced motion the camera passed through %d in-between zooms: %v", between, zooms)
				}
				checkStill(t, ctx, "with reduced motion, after the step had arrived")
			}
		})
	}
}
