//go:build browser

package e2e_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"ouroboros/wasm/dataset/datasettest"
	"ouroboros/web/server"
)

// yearMark is one of state().explore.timeline.years.
type yearMark struct {
	Year, AsOf, LoopsText, Label string
	Loops, Circular              int
}

// TestYearMarksAndFactsDate opens the bundled page on a phone: it says
// "Facts as of" the dataset's asOf under the network and in the text view,
// the timeline has a mark for each year 2023 to 2026 at that year's last
// date, and clicking 2024's (Enter on 2025's) moves the date there, with as
// many loops as the mark says. Nothing of the network is drawn under the
// timeline.
func TestYearMarksAndFactsDate(t *testing.T) {
	ctx := openPage(t, 390, 844, "/")
	s := ready(t, ctx)

	// The facts' date, as the dataset file gives it.
	raw, err := os.ReadFile("../../data/ai-compute.json")
	if err != nil {
		t.Fatal(err)
	}
	var file struct{ AsOf string }
	if err := json.Unmarshal(raw, &file); err != nil {
		t.Fatal(err)
	}
	want := "Facts as of " + file.AsOf
	waitText(t, ctx, "#facts-as-of", want)
	if !eval[bool](t, ctx, `(() => { const r = document.getElementById('facts-as-of').getBoundingClientRect();
		return r.width > 0 && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth; })()`) {
		t.Errorf("%q is not in view on a 390×844 screen", want)
	}
	if got := eval[string](t, ctx, `document.getElementById('twin-body').textContent`); !strings.Contains(got, want) {
		t.Errorf("the text view lacks %q", want)
	}

	// A mark for each year of the timeline's dates, at its last date.
	dates := eval[[]string](t, ctx, `ouroboros.state().explore.timeline.dates`)
	last := map[string]string{}
	var years []string
	for _, d := range dates {
		y := d[:4]
		if _, ok := last[y]; !ok {
			years = append(years, y)
		}
		last[y] = d
	}
	if strings.Join(years, " ") != "2023 2024 2025 2026" {
		t.Fatalf("the timeline's dates run through the years %v, want 2023 to 2026", years)
	}
	marks := eval[[]yearMark](t, ctx, `ouroboros.state().explore.timeline.years`)
	buttons := eval[[][]string](t, ctx, `Array.from(document.querySelectorAll('#years button'), (b) => [b.textContent, b.getAttribute('aria-label')])`)
	if len(marks) != len(years) || len(buttons) != len(years) {
		t.Fatalf("marks %+v, buttons %q; want one for each of %v", marks, buttons, years)
	}
	for i, m := range marks {
		if m.Year != years[i] || m.AsOf != last[m.Year] || m.Label != m.Year+" · "+m.LoopsText || buttons[i][0] != m.Label ||
			!strings.Contains(buttons[i][1], m.Label) || !strings.Contains(buttons[i][1], m.AsOf) {
			t.Errorf("mark %d: %+v, button %q; want %s to %s, labelled with its loops and date", i, m, buttons[i], years[i], last[years[i]])
		}
	}

	// Every year mark is a 44 px target, and the network is drawn above
	// the timeline.
	small := eval[[]string](t, ctx, `Array.from(document.querySelectorAll('#years button')).filter((b) => {
		const r = b.getBoundingClientRect(); return r.width < 44 || r.height < 44; }).map((b) => b.textContent)`)
	if len(small) > 0 {
		t.Errorf("year marks smaller than 44 px: %q", small)
	}
	s = waitState(t, ctx, "the layout to settle", func(s pageState) bool { return s.View.Settled && !s.View.Moving })
	top := eval[float64](t, ctx, `document.getElementById('timeline').getBoundingClientRect().top`)
	for _, e := range s.View.Entities {
		if e.Y+e.R > top {
			t.Errorf("%s is drawn at y %.0f (radius %.0f), under the timeline at %.0f", e.ID, e.Y, e.R, top)
		}
	}

	jump := func(how string, i int) {
		t.Helper()
		m := marks[i]
		s := waitState(t, ctx, how+" "+m.Year, func(s pageState) bool { return s.AsOf != nil && *s.AsOf == m.AsOf })
		circular := 0
		for _, l := range s.Loops {
			if l.Kind == "circular" {
				circular++
			}
		}
		if len(s.Loops) != m.Loops || circular != m.Circular || !strings.HasPrefix(m.LoopsText, strconv.Itoa(circular)+" circular deal") {
			t.Errorf("%s %s: %d loops and %d circular deals in state(), the mark says %d and %d (%q)", how, m.Year, len(s.Loops), circular, m.Loops, m.Circular, m.LoopsText)
		}
		waitJS(t, ctx, m.Year+"'s mark to be current", `document.querySelectorAll('#years button')[`+strconv.Itoa(i)+`].getAttribute('aria-current') === 'true'`)
	}
	clickOn(t, ctx, "#years button:nth-child(2)")
	jump("clicking", 1)
	if marks[1].Loops == marks[2].Loops {
		t.Fatalf("2024 and 2025 have the same loop count, %d: the jump by key below could not be told apart", marks[1].Loops)
	}
	if err := chromedp.Do(ctx, chromedp.Focus("#years button:nth-child(3)")); err != nil {
		t.Fatal(err)
	}
	key(t, ctx, kb.Enter)
	jump("Enter on", 2)
}

// A large network's earlier years are counted after the first frame
// (issue 19: their loops were three quarters of the first state at 1,000
// entities / 3,000 deals): the state ready resolves with shows them
// counting, "…", and the timeline's marks then fill in with the counts the
// dates' loops give, in the marks' buttons too.
func TestALargeNetworksYearsAreCountedAfterReady(t *testing.T) {
	dist, _ := filepath.Abs("../../dist")
	files := server.New(dist, server.Options{})
	dense := datasettest.Dense(8)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/data/dense.json" {
			w.Header().Set("Content-Type", "application/json")
			w.Write(dense)
			return
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	ctx := openPage(t, 1280, 800, "")
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/?data=data/dense.json")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](
		`(window.ouroboros.ready.then((s) => { window.__readyYears = JSON.stringify(s.explore.timeline.years); }, () => {}), true)`)); err != nil {
		t.Fatal(err)
	}
	ready(t, ctx)
	type mark struct {
		yearMark
		Counting bool
	}
	var first []mark
	if err := json.Unmarshal([]byte(eval[string](t, ctx, `window.__readyYears || ''`)), &first); err != nil {
		t.Fatal(err)
	}
	if len(first) != 3 {
		t.Fatalf("marks at ready %+v, want 2023, 2024 and 2025", first)
	}
	for i, m := range first {
		if counting := i < 2; m.Counting != counting || counting && (m.LoopsText != "…" || m.Label != m.Year+" · …" || m.Loops != 0) {
			t.Errorf("mark %s at ready: %+v; want counting %v", m.Year, m, counting)
		}
	}
	waitJS(t, ctx, "every year counted, in the state and the buttons", `(() => {
		const ys = ouroboros.state().explore.timeline.years;
		const bs = Array.from(document.querySelectorAll('#years button'), (b) => b.textContent);
		return ys.length === 3 && ys.every((y, i) => !y.counting && bs[i] === y.label && !bs[i].includes('…'));
	})()`)
	marks := eval[[]mark](t, ctx, `ouroboros.state().explore.timeline.years`)
	for i, m := range marks {
		eval[bool](t, ctx, `(ouroboros.send({type: 'setAsOf', date: '`+m.AsOf+`'}), true)`)
		s := waitState(t, ctx, "the date "+m.AsOf, func(s pageState) bool { return s.AsOf != nil && *s.AsOf == m.AsOf })
		if len(s.Loops) != m.Loops || m.Loops == 0 {
			t.Errorf("mark %d, %s: %d loops, state() at %s has %d", i, m.Year, m.Loops, m.AsOf, len(s.Loops))
		}
	}
}
