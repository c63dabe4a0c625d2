package poster

import (
	"regexp"
	"strings"
	"testing"
)

const testPage = "<head>\n" + MarkerMeta + "\n</head><body>" + MarkerImg + "<noscript>" + MarkerNoscript + "</noscript></body>"

var testFiles = Files{SVG: "poster.svg", PNG: "poster.png", SVGTall: "poster-tall.svg", Dataset: "data/examples/tiny.json"}

func TestFill(t *testing.T) {
	ds := load(t, "data/examples/tiny.json")
	ds.Entities[1].Name = `<img src=x onerror=alert(1)>`
	ds.Sources[0].URL = "javascript:alert(1)" // the loader refuses it; Fill must not rely on that
	p, err := New(ds, CardWidth, CardHeight)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Fill([]byte(testPage), p, nil, testFiles, PageOptions{})
	if err != nil {
		t.Fatal(err)
	}
	page := string(out)
	for _, want := range []string{
		`<meta property="og:image" content="poster.png">`,
		`<meta name="twitter:card" content="summary_large_image">`,
		`<meta property="og:title" content="A tiny loop (fictional example)">`,
		`<div id="poster" aria-hidden="true" data-dataset="data/examples/tiny.json" data-fit="{`,
		"\n" + `<svg class="poster-wide" viewBox="0 0 1200 630" aria-hidden="true" focusable="false">`,
		`<circle cx=`,
		`<img class="noscript-poster" src="poster.png"`,
		`<tr data-entity="acme-ai"><th scope="row">Acme AI</th><td>AI lab</td>`,
		`&lt;img src=x onerror=alert(1)&gt;`,
		`<td>up to $12B</td>`,
		`<td>undisclosed</td>`,
		`rel="noopener noreferrer"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	// The poster is on screen from the first paint: nothing hides it.
	if poster := page[strings.Index(page, `<div id="poster"`):]; regexp.MustCompile(`\shidden[\s=>]`).MatchString(poster[:strings.Index(poster, ">")+1]) {
		t.Errorf("the poster is hidden: %.200s", poster)
	}
	for _, bad := range []string{"<img src=x", "javascript:", "poster:", "<title", "poster-tall"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q", bad)
		}
	}
	if n := strings.Count(page, "<tr data-deal="); n != len(ds.Deals) {
		t.Errorf("%d deal rows, want %d", n, len(ds.Deals))
	}
	if n := strings.Count(page, "<tr data-entity="); n != len(ds.Entities) {
		t.Errorf("%d entity rows, want %d", n, len(ds.Entities))
	}
	// Every link is a web address opened apart from the page.
	for _, a := range strings.Split(page, "<a ")[1:] {
		if !strings.HasPrefix(a, `href="http`) || !strings.Contains(a, `rel="noopener noreferrer"`) {
			t.Errorf("link <a %.80s", a)
		}
	}
}

func TestFillSite(t *testing.T) {
	p, err := New(load(t, "data/examples/tiny.json"), CardWidth, CardHeight)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Fill([]byte(testPage), p, nil, testFiles, PageOptions{Site: "https://example.org/ouroboros"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), `<meta property="og:image" content="https://example.org/ouroboros/poster.png">`) {
		t.Errorf("og:image is not absolute:\n%s", out)
	}
	for _, bad := range []string{"example.org", "ftp://example.org/", "/ouroboros/", "https://example.org/?x=1"} {
		if _, err := Fill([]byte(testPage), p, nil, testFiles, PageOptions{Site: bad}); err == nil || !strings.Contains(err.Error(), "SITE_URL") {
			t.Errorf("site %q: err %v, want a message about SITE_URL", bad, err)
		}
	}
	if _, err := Fill([]byte("<head></head>"), p, nil, testFiles, PageOptions{}); err == nil || !strings.Contains(err.Error(), MarkerMeta) {
		t.Errorf("a page without markers: err %v", err)
	}
}

// TestFillTall: with a tall poster, portrait windows get it, with its own
// fit data.
func TestFillTall(t *testing.T) {
	ds := load(t, "data/examples/tiny.json")
	wide, err := New(ds, CardWidth, CardHeight)
	if err != nil {
		t.Fatal(err)
	}
	tall, err := New(ds, 390, 844)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Fill([]byte(testPage), wide, tall, testFiles, PageOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<svg class="poster-wide" viewBox="0 0 1200 630"`, `<svg class="poster-tall" viewBox="0 0 390 844"`, ` data-fit-tall="{&#34;width&#34;:390,&#34;height&#34;:844,`} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if tall.View.Aspect >= 1 || wide.View.Aspect <= 1 {
		t.Errorf("layout aspects: tall %v, wide %v", tall.View.Aspect, wide.View.Aspect)
	}
}

// TestFillCSS: the style sheet gets the rules that place the posters
// without a script: a step of the title's and chrome's heights per inset,
// the scale and the box from the poster's own drawing area, and the tall
// poster in portrait windows.
func TestFillCSS(t *testing.T) {
	ds := load(t, "data/examples/tiny.json")
	wide, err := New(ds, CardWidth, CardHeight)
	if err != nil {
		t.Fatal(err)
	}
	tall, err := New(ds, 390, 844)
	if err != nil {
		t.Fatal(err)
	}
	out, err := FillCSS([]byte("body { margin: 0 }\n"+MarkerCSS+"\n.x { }\n"), wide, tall)
	if err != nil {
		t.Fatal(err)
	}
	css := string(out)
	if strings.Contains(css, MarkerCSS) || !strings.HasPrefix(css, "body { margin: 0 }\n") || !strings.HasSuffix(css, ".x { }\n") {
		t.Errorf("the marker was not replaced in place:\n%s", css)
	}
	f := wide.Fit()
	if n, want := strings.Count(css, "@media (min-width: "), len(f.Insets)-1+len(tall.Fit().Insets)-1; n != want {
		t.Errorf("%d inset steps, want %d", n, want)
	}
	for _, want := range []string{
		"@media (max-aspect-ratio: 1/1) {",
		"#poster > .poster-tall { display: block; }",
		"width: calc(var(--s) * 1200); height: calc(var(--s) * 630); }",
		"width: calc(var(--s) * 390); height: calc(var(--s) * 844); }",
		"left: calc(50vw - var(--s) * " + cssNum(f.Area[0]+f.Area[2]/2) + ")",
	} {
		if !strings.Contains(css, want) {
			t.Errorf("the style sheet lacks %q:\n%s", want, css)
		}
	}
	if _, err := FillCSS([]byte("body { }"), wide, tall); err == nil || !strings.Contains(err.Error(), MarkerCSS) {
		t.Errorf("a style sheet without the marker: err %v", err)
	}
}
