//go:build browser

package e2e_test

import (
	"fmt"
	"testing"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
)

// easeSample is the page as one animation frame saw it while a story step
// eased in.
type easeSample struct {
	AsOf      string  `json:"asOf"`
	ShownAsOf string  `json:"shownAsOf"`
	FocusMix  float64 `json:"focusMix"`
	Moving    bool    `json:"moving"`
	Scrub     string  `json:"scrub"` // the scrubber's date label
}

// walkingSteps finds, in the bundled dataset, a story step and the next
// one whose dates have at least three of the dataset's dates between them,
// so that a timeline walking from one to the other has dates to pass.
func walkingSteps(t *testing.T, d *dataset.Dataset) (story string, step int, from, to string, between map[string]bool) {
	t.Helper()
	dates := analysis.New(d).Dates()
	for _, s := range d.Stories {
		for k := 0; k+1 < len(s.Steps); k++ {
			a, b := s.Steps[k].AsOf, s.Steps[k+1].AsOf
			if a.IsZero() || b.IsZero() || a.Compare(b) >= 0 {
				continue
			}
			between = map[string]bool{}
			for _, x := range dates {
				if x.Compare(a) > 0 && x.Compare(b) < 0 {
					between[x.String()] = true
				}
			}
			if len(between) >= 3 {
				return s.ID, k + 1, a.String(), b.String(), between
			}
		}
	}
	t.Fatal("no story has two steps with dates between them")
	return
}

// TestStoryFocusAndTimelineEaseOrCut opens a link at a story step, which
// cuts, then moves to the next step and samples the page on every frame:
// in full motion the spotlight's fade passes through in-between mixes and
// the date on screen (and the scrubber) through the dataset's dates
// between the steps', in order, while state().asOf is the new step's at
// once; with reduced motion both cut and the picture is still.
func TestStoryFocusAndTimelineEaseOrCut(t *testing.T) {
	d := bundledDataset(t)
	story, step, from, to, between := walkingSteps(t, d)
	for _, motion := range []string{"full", "reduced"} {
		t.Run(motion, func(t *testing.T) {
			ctx := openPage(t, 1000, 700, fmt.Sprintf("/?motion=%s#story=%s&step=%d", motion, story, step))
			ready(t, ctx)
			// A link that opens at a step cuts: the first picture is the
			// step's, spotlight and date.
			first := eval[easeSample](t, ctx, `(() => { const s = ouroboros.state();
				return {asOf: s.asOf, shownAsOf: s.view.shownAsOf, focusMix: s.view.focusMix, moving: s.view.moving,
					scrub: document.getElementById('scrub-date').textContent}; })()`)
			if first.FocusMix != 1 || first.ShownAsOf != from || first.AsOf != from {
				t.Fatalf("opening at step %d of %s: %+v, want the spotlight done (focusMix 1) and %s on screen", step, story, first, from)
			}
			samples := eval[[]easeSample](t, ctx, fmt.Sprintf(`(async () => {
				const out = [];
				ouroboros.send({type: 'goToStep', story: %s, step: %d});
				const until = Date.now() + 30000;
				let still = 0;
				while (Date.now() < until && still < 5) {
					await new Promise(r => requestAnimationFrame(r));
					const s = ouroboros.state();
					out.push({asOf: s.asOf, shownAsOf: s.view.shownAsOf, focusMix: s.view.focusMix, moving: s.view.moving,
						scrub: document.getElementById('scrub-date').textContent});
					still = s.view.moving || s.view.shownAsOf !== s.asOf ? 0 : still + 1;
				}
				return out;
			})()`, quoteJS(story), step+1))
			last := samples[len(samples)-1]
			if last.AsOf != to || last.ShownAsOf != to || last.FocusMix != 1 || last.Scrub != to {
				t.Fatalf("after the step: %+v, want %s on screen and in the scrubber, the spotlight done", last, to)
			}
			// The text view states the step's date, as state().asOf does,
			// not a date the picture passed on its way.
			if got := eval[[]int](t, ctx, `(() => { const t = JSON.parse(ouroborosBoot.twin());
				return [t.loops.length + t.moreLoops, ouroboros.state().loops.length]; })()`); got[0] != got[1] {
				t.Errorf("the text view counts %d loops at %s, the picture %d", got[0], to, got[1])
			}
			mixes, dates, scrubs := 0, []string{}, map[string]bool{}
			for _, s := range samples {
				if (s.FocusMix < 1 || s.ShownAsOf != from) && s.AsOf != to {
					t.Errorf("state().asOf is %s during the step's transition (%+v), want the step's %s at once", s.AsOf, s, to)
				}
				if s.FocusMix > 0 && s.FocusMix < 1 {
					mixes++
				}
				if between[s.ShownAsOf] && (len(dates) == 0 || dates[len(dates)-1] != s.ShownAsOf) {
					dates = append(dates, s.ShownAsOf)
				}
				if between[s.Scrub] {
					scrubs[s.Scrub] = true
				}
			}
			for i := 1; i < len(dates); i++ {
				if dates[i] <= dates[i-1] {
					t.Errorf("the dates on screen go back: %v", dates)
				}
			}
			switch motion {
			case "full":
				if mixes < 2 {
					t.Errorf("the spotlight cut: %d frames with an in-between focusMix (%+v)", mixes, samples)
				}
				if len(dates) < 2 || len(scrubs) < 2 {
					t.Errorf("the timeline cut from %s to %s: dates between on screen %v, in the scrubber %v", from, to, dates, scrubs)
				}
			case "reduced":
				if mixes > 0 || len(dates) > 0 || len(scrubs) > 0 {
					t.Errorf("with reduced motion: %d in-between focus mixes, dates between %v, scrubber %v; want cuts", mixes, dates, scrubs)
				}
				checkStill(t, ctx, "with reduced motion, after the step had arrived")
			}
		})
	}
}

// TestReaderInputEndsAStepsTransition scrubs while a step eases in: the
// spotlight's fade ends at the step's and the picture shows the scrubbed
// date at once, not the rest of the walk.
func TestReaderInputEndsAStepsTransition(t *testing.T) {
	d := bundledDataset(t)
	story, step, from, _, _ := walkingSteps(t, d)
	ctx := openPage(t, 1000, 700, fmt.Sprintf("/#story=%s&step=%d", story, step))
	ready(t, ctx)
	samples := eval[[]easeSample](t, ctx, fmt.Sprintf(`(async () => {
		const out = [];
		const snap = () => { const s = ouroboros.state();
			out.push({asOf: s.asOf, shownAsOf: s.view.shownAsOf, focusMix: s.view.focusMix, moving: s.view.moving}); };
		ouroboros.send({type: 'goToStep', story: %s, step: %d});
		const until = Date.now() + 30000;
		// Wait for the fade to be under way, then scrub back.
		while (Date.now() < until) {
			await new Promise(r => requestAnimationFrame(r));
			const v = ouroboros.state().view;
			if (v.focusMix > 0 && v.focusMix < 1) break;
		}
		snap();
		ouroboros.send({type: 'setAsOf', date: %s});
		for (let i = 0; i < 10; i++) {
			await new Promise(r => requestAnimationFrame(r));
			snap();
		}
		return out;
	})()`, quoteJS(story), step+1, quoteJS(from)))
	if s := samples[0]; !(s.FocusMix > 0 && s.FocusMix < 1) {
		t.Fatalf("the step's fade never got under way: %+v", s)
	}
	for _, s := range samples[1:] {
		if s.AsOf != from || s.ShownAsOf != from || s.FocusMix != 1 {
			t.Errorf("after scrubbing to %s during the fade: %+v, want that date on screen and the spotlight done", from, s)
		}
	}
}
