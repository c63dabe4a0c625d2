//go:build browser

package e2e_test

import (
	"fmt"
	"os"
	"testing"
	"time"

	"ouroboros/wasm/dataset"
)

// TestStepsFrameTheirFocusClearOfChrome opens every step of every story of
// the bundled dataset on a phone, a laptop, an embed and a kiosk, and
// checks through geometry() that each entity the step is about is drawn,
// inside the canvas, and under none of the page's boxes (the caption, the
// legend, the toolbar, the timeline, the title): the camera frames a step
// in the space the chrome leaves, not in the middle of the canvas (issue
// 18). One tab per size; reduced motion so that steps cut rather than
// glide, which the framing does not depend on.
func TestStepsFrameTheirFocusClearOfChrome(t *testing.T) {
	b, err := os.ReadFile("../../data/ai-compute.json")
	if err != nil {
		t.Fatal(err)
	}
	ds, err := dataset.Load(b)
	if err != nil {
		t.Fatal(err)
	}
	sizes := []struct {
		name  string
		w, h  int64
		query string
	}{
		{"phone", 390, 844, ""},
		{"laptop", 1280, 800, ""},
		{"embed", 600, 420, "&mode=embed"},
		{"kiosk", 1920, 1080, "&mode=kiosk"},
	}
	for _, sz := range sizes {
		t.Run(sz.name, func(t *testing.T) {
			ctx := openPageFor(t, sz.w, sz.h, 1, "/?motion=reduced"+sz.query, 8*time.Minute)
			ready(t, ctx)
			ouroborosSend(t, ctx, `{type: "autoplay", on: false}`)
			for _, st := range ds.Stories {
				for i, step := range st.Steps {
					var ids []string
					seen := map[int]bool{}
					add := func(e int) {
						if !seen[e] {
							seen[e] = true
							ids = append(ids, ds.Entities[e].ID)
						}
					}
					for _, e := range step.FocusEntities {
						add(e)
					}
					for _, d := range step.FocusDeals {
						add(ds.Deals[d].From)
						add(ds.Deals[d].To)
					}
					ouroborosSend(t, ctx, fmt.Sprintf(`{type: "goToStep", story: %q, step: %d}`, st.ID, i+1))
					waitState(t, ctx, fmt.Sprintf("step %s/%d", st.ID, i+1), func(s pageState) bool {
						return s.Story != nil && *s.Story == st.ID && s.Step != nil && *s.Step == i+1 && !s.View.Moving
					})
					what := fmt.Sprintf("%s step %d: %v drawn clear of the chrome", st.ID, i+1, ids)
					until(t, what, 20*time.Second, func() (bool, string) {
						return focusClear(geometryNow(t, ctx), ids)
					})
				}
			}
		})
	}
}

// focusClear reports whether every entity of ids is visible, has its
// centre inside the canvas and under none of the chrome's boxes, and
// otherwise which is not and why.
func focusClear(g pageGeometry, ids []string) (bool, string) {
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
	}
	for _, e := range g.Entities {
		if !want[e.ID] {
			continue
		}
		delete(want, e.ID)
		centre := geomBox{X: e.X, Y: e.Y, Width: 0.01, Height: 0.01}
		if !e.Visible || !centre.inside(g.Canvas) {
			return false, fmt.Sprintf("%s at (%.0f, %.0f) is not visible in the canvas %+v", e.ID, e.X, e.Y, g.Canvas)
		}
		for _, c := range g.Chrome {
			if centre.overlaps(c.geomBox) {
				return false, fmt.Sprintf("%s at (%.0f, %.0f) is under %s %+v", e.ID, e.X, e.Y, c.Name, c.geomBox)
			}
		}
	}
	if len(want) > 0 {
		return false, fmt.Sprintf("not in geometry(): %v", want)
	}
	return true, ""
}

// TestKioskReadsFromAMetre checks a kiosk's 1920×1080 screen as a visitor
// a metre away sees it (issue 18): the caption's text is 28 px or more,
// the names and figures on the canvas 24 px or more (their boxes are a
// line, 1.25 times the font), and the focused canvas draws no frame round
// the screen.
func TestKioskReadsFromAMetre(t *testing.T) {
	ctx := openPage(t, 1920, 1080, "/?mode=kiosk&motion=reduced&story=circle&step=1")
	ready(t, ctx)
	ouroborosSend(t, ctx, `{type: "autoplay", on: false}`)
	if px := eval[float64](t, ctx, `parseFloat(getComputedStyle(document.getElementById('caption-text')).fontSize)`); px < 28 {
		t.Errorf("caption text %v px, want at least 28", px)
	}
	g := geometryNow(t, ctx)
	labels := 0
	for _, e := range g.Entities {
		if e.Label != nil {
			labels++
			if e.Label.Height < 24*1.25 {
				t.Errorf("%s's name is %v px high, want a line of 24 px text", e.ID, e.Label.Height)
			}
		}
	}
	for _, l := range g.EdgeLabels {
		labels++
		if l.Height < 24*1.25 {
			t.Errorf("figure %q is %v px high, want a line of 24 px text", l.Text, l.Height)
		}
	}
	if labels == 0 {
		t.Error("no names or figures on the kiosk's canvas")
	}
	if o := eval[string](t, ctx, `(() => { const c = document.querySelector('#stage > canvas'); c.focus(); return getComputedStyle(c).outlineStyle; })()`); o != "none" {
		t.Errorf("the focused kiosk canvas draws an outline (%s) round the screen", o)
	}
}
