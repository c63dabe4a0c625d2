//go:build browser

package e2e_test

import (
	"encoding/json"
	"strings"
	"testing"

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
