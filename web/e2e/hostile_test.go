//go:build browser

package e2e_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"ouroboros/wasm/dataset"
)

// traps is run in every new document before the page's scripts. It records
// every element that dataset markup would create if it reached the DOM as
// HTML (images, scripts without a file, SVG, frames, the <b> and <i> of the
// hostile kind and source keys) and every inline event handler, except
// the page's own poster (inline SVG), the build's table of words (#words)
// and the scripts the build put into the page's head (data-inline, which
// the page's policy allows by their hashes).
// window.__pwned is what the payloads set if they ever run.
const traps = `(() => {
	window.__injected = [];
	const suspect = (el) => {
		const tag = el.tagName.toLowerCase();
		// The page's own poster of the bundled network (index.html, built by
		// wasm/poster), which the parser inserts: not from the dataset.
		const poster = el.closest('#poster');
		if (poster && poster.parentNode && poster.parentNode.id === 'stage') return;
		if (['img', 'svg', 'iframe', 'object', 'embed', 'b', 'i'].includes(tag) || (tag === 'script' && !el.src && el.id !== 'words' && !(el.dataset.inline && el.parentNode === document.head))) {
			window.__injected.push(tag + ': ' + el.outerHTML.slice(0, 120));
		}
		for (const a of el.attributes) {
			if (/^on/i.test(a.name)) window.__injected.push(tag + ' ' + a.name + '=' + a.value);
		}
	};
	new MutationObserver((records) => {
		for (const r of records) {
			for (const n of r.addedNodes) {
				if (n.nodeType !== 1) continue;
				suspect(n);
				for (const el of n.querySelectorAll('*')) suspect(el);
			}
		}
	}).observe(document, { childList: true, subtree: true });
})();`

// openTrapped opens a tab with the traps set and the page's CSP bypassed, so
// that a payload which reached the DOM as markup would really run.
func openTrapped(t *testing.T, w, h int64) context.Context {
	t.Helper()
	ctx := openPage(t, w, h, "")
	if _, err := chromedp.Call(ctx, page.SetBypassCSP, page.SetBypassCSPParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: traps}); err != nil {
		t.Fatal(err)
	}
	return ctx
}

// checkNothingRan fails t if a payload ran or left an element in the DOM.
func checkNothingRan(t *testing.T, ctx context.Context) {
	t.Helper()
	if got := eval[string](t, ctx, `String(window.__pwned)`); got != "undefined" {
		t.Errorf("window.__pwned = %s: a payload from the dataset ran", got)
	}
	if got := eval[[]string](t, ctx, `window.__injected`); len(got) != 0 {
		t.Errorf("markup from the dataset reached the DOM: %q", got)
	}
	left := eval[int](t, ctx, `document.querySelectorAll('img, svg:not(#stage > #poster > svg), iframe, object, embed, b, i, script:not([src]):not(#words):not(head > script[data-inline]), [onerror], [onload]').length`)
	if left != 0 {
		t.Errorf("%d elements from the dataset's markup are in the DOM", left)
	}
	// Every link on the page goes to a web page, in a new tab, with neither
	// opener nor referrer; the page's own skip link, to an element of the
	// page by its id, is no way out.
	links := eval[[]map[string]string](t, ctx, `[...document.querySelectorAll('a[href]')].filter(a => !a.download && !(a.id === 'skip' && /^#[\w-]+$/.test(a.getAttribute('href')) && document.getElementById(a.getAttribute('href').slice(1)))).map(a => ({href: a.href, target: a.target, rel: a.rel}))`)
	for _, l := range links {
		if !strings.HasPrefix(l["href"], "https://") && !strings.HasPrefix(l["href"], "http://") || l["target"] != "_blank" || l["rel"] != "noopener noreferrer" {
			t.Errorf("link %v, want an http(s) URL opening in a new tab with rel=noopener noreferrer", l)
		}
	}
}

// clickOn clicks the middle of the element the selector finds, with the mouse.
func clickOn(t *testing.T, ctx context.Context, selector string) {
	t.Helper()
	xy := eval[[]float64](t, ctx, `(() => { const e = document.querySelector(`+quoteJS(selector)+`); e.scrollIntoView({block: "center"}); const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()`)
	if err := chromedp.Do(ctx, chromedp.MouseClickXY(xy[0], xy[1])); err != nil {
		t.Fatal(err)
	}
}

// A dataset with markup and script in every text field loads, and the page
// shows that markup as text wherever the reader goes: the card, the hover
// cards, the panel, the loops, a story's caption and its sources, search.
// Nothing of it runs, even with the CSP bypassed, and no element of it
// reaches the DOM.
func TestHostileDatasetIsShownAsText(t *testing.T) {
	doc, err := os.ReadFile("../../data/examples/hostile.json")
	if err != nil {
		t.Fatal(err)
	}
	d, err := dataset.Load(doc)
	if err != nil {
		t.Fatalf("data/examples/hostile.json must load: %v", err)
	}
	ctx := openTrapped(t, 1000, 700)
	navigate(t, ctx, "/?data=data/examples/hostile.json")
	s := ready(t, ctx)
	if s.Dataset.Title != d.Title {
		t.Errorf("state().dataset.title = %q, want %q", s.Dataset.Title, d.Title)
	}
	hostileCardAndHover(t, ctx, d, s)
	checkNothingRan(t, ctx)
	hostilePanelAndStory(t, ctx, d)
	checkNothingRan(t, ctx)
	hostileSearch(t, ctx, d)
	checkNothingRan(t, ctx)
	hostileSchemeInCaption(t, ctx, d)
	checkNothingRan(t, ctx)
}

// hostileCardAndHover selects the first entity with the mouse: the card
// shows its name, kind and note as text; then hovers the second entity and
// the deal between them.
func hostileCardAndHover(t *testing.T, ctx context.Context, d *dataset.Dataset, s pageState) {
	t.Helper()
	alpha, beta := d.Entities[0], d.Entities[1]
	x, y, _ := entityOnScreen(t, s, alpha.ID)
	if err := chromedp.Do(ctx, chromedp.MouseClickXY(x, y)); err != nil {
		t.Fatal(err)
	}
	waitSelection(t, ctx, alpha.ID)
	waitText(t, ctx, "#card-name", alpha.Name)
	waitText(t, ctx, "#card-kind-label", d.Kinds[alpha.Kind].Label)
	waitText(t, ctx, "#card-body", alpha.Note)
	waitText(t, ctx, "#card-body", beta.Name) // in its loop

	// Close the card, which may sit over beta, then hover another entity,
	// then the middle of the deal between them.
	clickOn(t, ctx, "#card-close")
	waitSelection(t, ctx, "")
	bx, by, _ := entityOnScreen(t, s, beta.ID)
	mouse(t, ctx, input.DispatchMouseEventTypeMouseMoved, bx, by)
	waitText(t, ctx, "#hover", beta.Name)
	waitText(t, ctx, "#hover", beta.Note)
	// Halfway along the deal, on its right-hand bend (see TestHoverCards).
	mouse(t, ctx, input.DispatchMouseEventTypeMouseMoved, (x+bx)/2-(by-y)*0.09, (y+by)/2+(bx-x)*0.09)
	waitText(t, ctx, "#hover", alpha.Name+" → "+beta.Name)
	waitText(t, ctx, "#hover", d.Sources[0].Publisher)
}

// hostilePanelAndStory opens the panel (kinds, stories and loops), then the
// loop and the first story: its caption and its sources' links.
func hostilePanelAndStory(t *testing.T, ctx context.Context, d *dataset.Dataset) {
	t.Helper()
	alpha := d.Entities[0]
	clickOn(t, ctx, "#panel-toggle")
	waitText(t, ctx, "#legend-kinds", d.Kinds[0].Label)
	waitText(t, ctx, "#legend-kinds", d.Kinds[1].Label)
	waitText(t, ctx, "#loop-list", alpha.Name)
	clickOn(t, ctx, "#loop-list button")
	waitText(t, ctx, "#loop-detail", d.Entities[2].Name)
	waitText(t, ctx, "#story-list", d.Stories[0].Title)
	clickOn(t, ctx, "#story-list button")
	waitState(t, ctx, "the story", func(s pageState) bool { return s.Story != nil && *s.Story == d.Stories[0].ID })
	st := d.Stories[0]
	waitText(t, ctx, "#caption-story", st.Title)
	waitText(t, ctx, "#caption-title", st.Steps[0].Title)
	waitText(t, ctx, "#caption-text", st.Steps[0].Text)
	src := d.Sources[st.Steps[0].Sources[0]]
	link := eval[map[string]string](t, ctx, `(() => { const a = document.querySelector('#caption-sources a'); return a ? {text: a.textContent, href: a.getAttribute('href')} : {}; })()`)
	if link["text"] != src.Publisher+": "+src.Title || link["href"] != src.URL {
		t.Errorf("source link %q, want the text %q and the href %q", link, src.Publisher+": "+src.Title, src.URL)
	}
	clickOn(t, ctx, "#step-next")
	waitText(t, ctx, "#caption-title", st.Steps[1].Title)
	waitText(t, ctx, "#caption-text", st.Steps[1].Text)
	waitText(t, ctx, "#caption-sources", d.Sources[1].Title)
	if got := eval[string](t, ctx, `new URLSearchParams(location.hash.slice(1)).get('story')`); got != st.ID {
		t.Errorf("the hash's story is %q, want %q", got, st.ID)
	}
}

// hostileSearch searches with the keyboard: the match is listed by its
// name, as text.
func hostileSearch(t *testing.T, ctx context.Context, d *dataset.Dataset) {
	t.Helper()
	clickOn(t, ctx, "#search")
	if err := chromedp.Do(ctx, chromedp.KeyEvent("N3<img")); err != nil {
		t.Fatal(err)
	}
	waitText(t, ctx, "#search-results", d.Entities[2].Name)
}

// hostileSchemeInCaption: were the loader to pass a javascript: URL, the
// caption would still not make a link of it: the page checks the scheme
// itself. The story is on its second step.
func hostileSchemeInCaption(t *testing.T, ctx context.Context, d *dataset.Dataset) {
	t.Helper()
	st := d.Stories[0]
	eval[bool](t, ctx, `(() => {
		const boot = globalThis.ouroborosBoot, real = boot.state;
		boot.state = () => {
			const s = JSON.parse(real());
			if (s.caption) for (const src of s.caption.sources) src.url = 'javascript:window.__pwned=1';
			return JSON.stringify(s);
		};
		return true;
	})()`)
	clickOn(t, ctx, "#step-prev")
	waitText(t, ctx, "#caption-title", st.Steps[0].Title)
	waitText(t, ctx, "#caption-sources", d.Sources[st.Steps[0].Sources[0]].Publisher)
	if n := eval[int](t, ctx, `document.querySelectorAll('#caption-sources a').length`); n != 0 {
		t.Errorf("%d javascript: URLs became links in the caption", n)
	}
}

// A refused dataset whose problems quote markup (ids, kinds and URLs of
// script) lists those problems as text in the error panel.
func TestRefusedMarkupIsShownAsText(t *testing.T) {
	doc := []byte(`{
  "format": "ouroboros/1",
  "title": "<script>window.__pwned=1</script>",
  "asOf": "2025-10-01",
  "kinds": { "lab": { "label": "Lab", "color": "#4F7CFF" } },
  "entities": [
    { "id": "<img src=x onerror=\"window.__pwned=1\">", "name": "A", "kind": "lab" },
    { "id": "b", "name": "B", "kind": "<svg onload=\"window.__pwned=1\">" }
  ],
  "deals": [
    { "id": "d", "from": "b", "to": "<b>nobody</b>", "type": "equity", "date": "2025-01", "status": "completed",
      "summary": "x", "sources": ["s"] }
  ],
  "sources": { "s": { "publisher": "P", "url": "javascript:window.__pwned=1" } }
}`)
	_, err := dataset.Load(doc)
	problems, ok := err.(dataset.Problems)
	if !ok || len(problems) < 4 {
		t.Fatalf("the loader should refuse the document with at least 4 problems, got %v", err)
	}
	ctx := openTrapped(t, 800, 600)
	answer(t, ctx, "*/data/hostile-refused.json", fulfil(200, map[string]string{"Content-Type": "application/json"}, doc))
	navigate(t, ctx, "/?data=data/hostile-refused.json")
	if resolved, _ := outcome(t, ctx); resolved {
		t.Fatal("ouroboros.ready resolved, want it rejected")
	}
	items := eval[[]string](t, ctx, `[...document.querySelectorAll('#error:not([hidden]) #error-problems li')].map(li => li.textContent)`)
	if len(items) != len(problems) {
		t.Fatalf("the page lists %q, want the loader's %d problems", items, len(problems))
	}
	markup := 0
	for i, p := range problems {
		if items[i] != p.String() {
			t.Errorf("problem %d on the page: %q, want %q", i, items[i], p.String())
		}
		if strings.ContainsAny(p.String(), "<>") {
			markup++
		}
	}
	if markup < 3 {
		t.Errorf("only %d problems quote markup; the test needs the ids and the kind quoted", markup)
	}
	checkNothingRan(t, ctx)
}

// When the browser takes the WebGL context away, Ebitengine reloads the page
// (its canvas's webglcontextlost handler); the hash brings back the
// selection and the open story step.
func TestLostContextComesBack(t *testing.T) {
	ctx := openPage(t, 900, 640, "/?data=data/examples/twoloops.json")
	ready(t, ctx)
	ouroborosSend(t, ctx, `{type: 'goToStep', story: 'main', step: 2}`)
	ouroborosSend(t, ctx, `{type: 'select', id: 'orbit-ai'}`)
	before := waitState(t, ctx, "the step and the selection", func(s pageState) bool {
		return s.Selection != nil && *s.Selection == "orbit-ai" && s.Step != nil && *s.Step == 2
	})
	hash := eval[string](t, ctx, `location.hash`)
	for _, want := range []string{"select=orbit-ai", "story=main", "step=2"} {
		if !strings.Contains(hash, want) {
			t.Fatalf("hash %q lacks %q", hash, want)
		}
	}
	eval[bool](t, ctx, `(() => {
		window.__before = true;
		const gl = document.querySelector('#stage > canvas').getContext('webgl2');
		gl.getExtension('WEBGL_lose_context').loseContext();
		return true;
	})()`)
	// A new document: the marker is gone and the explainer is back.
	waitJSShowing(t, ctx, "the page to reload after losing its WebGL context", `window.__before === undefined && !!window.ouroboros`, "", 90*time.Second)
	after := ready(t, ctx)
	if after.Selection == nil || *after.Selection != "orbit-ai" || after.Story == nil || *after.Story != "main" || after.Step == nil || *after.Step != 2 {
		t.Errorf("after the reload: selection %v, story %v, step %v; want orbit-ai, main, 2", after.Selection, after.Story, after.Step)
	}
	if before.AsOf != nil && (after.AsOf == nil || *after.AsOf != *before.AsOf) {
		t.Errorf("asOf %v after the reload, want %v", after.AsOf, *before.AsOf)
	}
	if eval[bool](t, ctx, `document.getElementById('caption').hidden || document.getElementById('card').hidden`) {
		t.Error("the caption or the card is hidden after the reload")
	}
}
