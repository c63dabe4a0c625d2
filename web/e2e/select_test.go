//go:build browser

package e2e_test

import (
	"context"
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
)

// entityOnScreen finds an entity's place in the state.
func entityOnScreen(t *testing.T, s pageState, id string) (x, y, r float64) {
	t.Helper()
	for _, e := range s.View.Entities {
		if e.ID == id {
			return e.X, e.Y, e.R
		}
	}
	t.Fatalf("no entity %q on screen", id)
	return
}

func quoteJS(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }

func cardText(t *testing.T, ctx context.Context) string {
	t.Helper()
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('card').hidden ? '' : document.getElementById('card').textContent`))
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestClickSelectsAndClears(t *testing.T) {
	ctx := openPage(t, 960, 640, "/?data=data/examples/twoloops.json")
	s := ready(t, ctx)
	x, y, _ := entityOnScreen(t, s, "orbit-ai")
	if err := chromedp.Do(ctx, chromedp.MouseClickXY(x, y)); err != nil {
		t.Fatal(err)
	}
	s = waitSelection(t, ctx, "orbit-ai")
	if s.Selected == nil || s.Selected.Name != "Orbit AI" {
		t.Errorf("state().selected = %+v, want Orbit AI's card", s.Selected)
	}
	if card := cardText(t, ctx); !strings.Contains(card, "Orbit AI") {
		t.Errorf("the card says %q, want Orbit AI", card)
	}
	if hash, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.hash`)); !strings.Contains(hash, "select=orbit-ai") {
		t.Errorf("hash %q, want select=orbit-ai", hash)
	}
	// The neighbourhood stays bright, the rest fades: read the pixels.
	waitDrawn(t, ctx)
	img := screenshot(t, ctx)
	scale := float64(img.Bounds().Dx()) / s.View.Width
	card, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(() => { const r = document.getElementById('card').getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })()`))
	if err != nil {
		t.Fatal(err)
	}
	if ox, _, _ := entityOnScreen(t, s, "orbit-ai"); ox >= card[0] && ox <= card[2] {
		t.Errorf("the card (%v) sits over the selected entity at x=%v", card, ox)
	}
	neighbours := map[string]bool{"orbit-ai": true, "acme-chips": true, "nimbus-cloud": true}
	checked := 0
	for _, e := range s.View.Entities {
		underCard := e.X >= card[0] && e.X <= card[2] && e.Y >= card[1] && e.Y <= card[3]
		if e.R < 4 || covered(s, indexOf(s, e.ID)) || underCard {
			continue
		}
		checked++
		got := img.At(int(e.X*scale), int(e.Y*scale))
		if bright := near(got, e.Color, 4); bright != neighbours[e.ID] {
			t.Errorf("%s: shown in its full colour = %v, want %v", e.ID, bright, neighbours[e.ID])
		}
	}
	if checked < 5 {
		t.Errorf("checked %d entities, want at least 5", checked)
	}

	// A click on empty space clears.
	if err := chromedp.Do(ctx, chromedp.MouseClickXY(3, aboveTimeline(t, ctx, s))); err != nil {
		t.Fatal(err)
	}
	waitSelection(t, ctx, "")
	if card := cardText(t, ctx); card != "" {
		t.Errorf("the card still shows %q", card)
	}
	if hash, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.hash`)); strings.Contains(hash, "select=") {
		t.Errorf("hash %q still selects", hash)
	}
}

func indexOf(s pageState, id string) int {
	for i, e := range s.View.Entities {
		if e.ID == id {
			return i
		}
	}
	return -1
}

func TestTapSelectsAndEscClears(t *testing.T) {
	ctx := openPage(t, 390, 844, "/?data=data/examples/twoloops.json")
	s := ready(t, ctx)
	x, y, _ := entityOnScreen(t, s, "acme-chips")
	touch := func(typ input.DispatchTouchEventType, pts []*input.TouchPoint) {
		t.Helper()
		if _, err := chromedp.Call(ctx, input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: typ, TouchPoints: pts}); err != nil {
			t.Fatal(err)
		}
	}
	touch(input.DispatchTouchEventTypeTouchStart, []*input.TouchPoint{{X: x + 2, Y: y + 1}})
	touch(input.DispatchTouchEventTypeTouchEnd, []*input.TouchPoint{})
	waitSelection(t, ctx, "acme-chips")
	if err := chromedp.Do(ctx, chromedp.KeyEvent("\u001b")); err != nil { // Escape
		t.Fatal(err)
	}
	waitSelection(t, ctx, "")
}

func TestSendAndEvents(t *testing.T) {
	ctx := openPage(t, 640, 480, "/?data=data/examples/twoloops.json")
	ready(t, ctx)
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]any](`(async () => {
		const seen = [];
		for (const ev of ['select', 'asof', 'pause']) ouroboros.on(ev, (d) => seen.push([ev, d]));
		const ok = ouroboros.send({type: 'select', id: 'vega-ai'});
		ouroboros.send({type: 'setAsOf', date: '2025-06'});
		ouroboros.send({type: 'pause'});
		const errors = [];
		for (const bad of [{type: 'select', id: 'nobody'}, {type: 'warp'}, null, {type: 'setAsOf', date: 'soon'}]) {
			try { ouroboros.send(bad); errors.push('accepted'); } catch (e) { errors.push(e.message); }
		}
		const until = Date.now() + 20000;
		while (seen.length < 3 && Date.now() < until) await new Promise(r => setTimeout(r, 50));
		const s = ouroboros.state();
		return [ok, JSON.stringify(seen), errors, s.selection, s.asOf, s.paused, location.hash];
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if got[0] != true {
		t.Errorf("send returned %v, want true", got[0])
	}
	if want := `[["select",{"id":"vega-ai"}],["asof",{"date":"2025-06"}],["pause",{"paused":true}]]`; got[1] != want {
		t.Errorf("events %v, want %s", got[1], want)
	}
	errs := got[2].([]any)
	for i, want := range []string{`"nobody" is not an entity id`, `"warp" is not a command`, `string "type"`, `setAsOf:`} {
		if !strings.Contains(errs[i].(string), want) {
			t.Errorf("bad command %d threw %q, want it to say %q", i, errs[i], want)
		}
	}
	if got[3] != "vega-ai" || got[4] != "2025-06" || got[5] != true {
		t.Errorf("state selection %v, asOf %v, paused %v", got[3], got[4], got[5])
	}
	if hash := got[6].(string); !strings.Contains(hash, "select=vega-ai") || !strings.Contains(hash, "asOf=2025-06") {
		t.Errorf("hash %q, want the selection and the date", hash)
	}
	// The loops follow the date.
	want, _ := expectedLoopsAt(t, "data/examples/twoloops.json", "2025-06")
	if s := state(t, ctx); len(s.Loops) != len(want) {
		t.Errorf("%d loops as of 2025-06, want %d", len(s.Loops), len(want))
	}
}

// A reload with the hash restores the view.
func TestReloadRestoresTheView(t *testing.T) {
	ctx := openPage(t, 640, 480, "/?data=data/examples/twoloops.json#select=quill-labs&asOf=2025-06")
	s := ready(t, ctx)
	if s.Selection == nil || *s.Selection != "quill-labs" || s.AsOf == nil || *s.AsOf != "2025-06" {
		t.Fatalf("selection %v, asOf %v; want quill-labs and 2025-06 from the hash", s.Selection, s.AsOf)
	}
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	s = ready(t, ctx)
	if s.Selection == nil || *s.Selection != "quill-labs" || s.AsOf == nil || *s.AsOf != "2025-06" {
		t.Errorf("after a reload: selection %v, asOf %v", s.Selection, s.AsOf)
	}
	if card := cardText(t, ctx); !strings.Contains(card, "Quill Labs") {
		t.Errorf("the card says %q after a reload", card)
	}
}

func bundledDataset(t *testing.T) *dataset.Dataset {
	t.Helper()
	doc, err := os.ReadFile("../../data/ai-compute.json")
	if err != nil {
		t.Fatal(err)
	}
	d, err := dataset.Load(doc)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// The selection's card figures are the analysis package's, at the date shown.
func TestSelectedReportIsTheAnalysis(t *testing.T) {
	for _, tc := range []struct{ id, asOf string }{{"openai", ""}, {"nvidia", "2025-10"}} {
		t.Run(tc.id+" "+tc.asOf, func(t *testing.T) {
			doc, err := os.ReadFile("../../data/ai-compute.json")
			if err != nil {
				t.Fatal(err)
			}
			d, err := dataset.Load(doc)
			if err != nil {
				t.Fatal(err)
			}
			var asOf dataset.Date
			hash := "#select=" + tc.id
			if tc.asOf != "" {
				asOf, _ = dataset.ParseDate(tc.asOf)
				hash += "&asOf=" + tc.asOf
			}
			want, _ := json.Marshal(analysis.New(d).At(asOf).EntityReport(d.EntityIndex[tc.id]))
			ctx := openPage(t, 800, 600, "/"+hash)
			ready(t, ctx)
			got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify(ouroboros.state().selected.report)`))
			if err != nil {
				t.Fatal(err)
			}
			var g, w any
			json.Unmarshal([]byte(got), &g)
			json.Unmarshal(want, &w)
			if !reflect.DeepEqual(g, w) {
				t.Errorf("state().selected.report differs from analysis:\n got %s\nwant %s", got, want)
			}
			if card := cardText(t, ctx); !strings.Contains(card, "cannot pay") {
				t.Errorf("the card %q does not show the exposure", card)
			}
		})
	}
}
