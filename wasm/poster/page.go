package poster

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"net/url"
	"strconv"
	"strings"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/layout"
	"ouroboros/wasm/wording"
)

// Markers are the comments of web/index.html that Fill replaces, and the
// comment of web/style.css that FillCSS replaces.
const (
	MarkerMeta     = "<!-- poster:meta -->"
	MarkerImg      = "<!-- poster:img -->"
	MarkerNoscript = "<!-- poster:noscript -->"
	MarkerCSS      = "/* poster:css */"
)

// Files are the names the page gives the poster's files, relative to the
// page.
type Files struct {
	// SVG is the page's poster, PNG the link-preview card.
	SVG, PNG string
	// SVGTall is the poster for portrait windows; "" for none.
	SVGTall string
	// Dataset is the drawn dataset's path on the site, as the page's data
	// parameter names it: the page shows the poster for that one only.
	Dataset string
}

// PageOptions say where the site lives.
type PageOptions struct {
	// Site is the site's absolute http(s) URL, for link previews, which
	// need absolute image URLs; "" gives relative ones.
	Site string
}

// Fill replaces the markers of page: Open Graph and Twitter card tags, the
// poster the page shows while the program downloads (inline SVG, so that
// the page's first answer paints it with no script run and no image
// fetched; FillCSS's rules lay it out, web/poster.js hands over to the
// program; tall, drawn for a portrait window, is shown instead in portrait
// windows when not nil), and, for readers without JavaScript, the card and
// the dataset as tables. Every marker must be present.
func Fill(page []byte, p, tall *Poster, files Files, o PageOptions) ([]byte, error) {
	site, err := siteURL(o.Site)
	if err != nil {
		return nil, err
	}
	fit, err := json.Marshal(p.Fit())
	if err != nil {
		return nil, err
	}
	var fitTall []byte
	if tall != nil {
		if files.SVGTall == "" {
			return nil, errors.New("a tall poster needs its file name")
		}
		if fitTall, err = json.Marshal(tall.Fit()); err != nil {
			return nil, err
		}
	}
	settled := []layout.Settled{p.Settled}
	if tall != nil {
		settled = append(settled, tall.Settled)
	}
	layouts := layout.FormatSettled(settled)
	var svg, svgTall bytes.Buffer
	if err := p.WriteSVG(&svg, SVGOptions{Inline: "poster-wide"}); err != nil {
		return nil, err
	}
	if tall != nil {
		if err := tall.WriteSVG(&svgTall, SVGOptions{Inline: "poster-tall"}); err != nil {
			return nil, err
		}
	}
	parts := map[string]string{}
	for marker, tmpl := range map[string]*template.Template{MarkerMeta: metaTmpl, MarkerImg: imgTmpl, MarkerNoscript: noscriptTmpl} {
		var b bytes.Buffer
		data := pageData{DS: p.DS, Files: files, Site: site, Fit: string(fit), FitTall: string(fitTall), Layouts: layouts, Tables: tables(p.DS),
			Width: int(p.View.Width), Height: int(p.View.Height),
			// WriteSVG escapes every text it writes.
			SVG: template.HTML(svg.String()), SVGTall: template.HTML(svgTall.String())}
		if site != "" {
			data.PNGURL = site + files.PNG
		} else {
			data.PNGURL = files.PNG
		}
		if err := tmpl.Execute(&b, data); err != nil {
			return nil, err
		}
		parts[marker] = b.String()
	}
	out := string(page)
	for _, marker := range []string{MarkerMeta, MarkerImg, MarkerNoscript} {
		if strings.Count(out, marker) != 1 {
			return nil, fmt.Errorf("the page must hold %s exactly once, where the poster's part goes", marker)
		}
		out = strings.Replace(out, marker, parts[marker], 1)
	}
	return []byte(out), nil
}

// siteURL checks the site's address and ends it with a slash.
func siteURL(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("SITE_URL must be an absolute http or https address such as https://example.org/ouroboros/, not %q", s)
	}
	if !strings.HasSuffix(s, "/") {
		s += "/"
	}
	return s, nil
}

type pageData struct {
	DS            *dataset.Dataset
	Files         Files
	Site, PNGURL  string
	Fit, FitTall  string
	Layouts       string // the posters' settled layouts (layout.FormatSettled)
	Width, Height int
	Tables        tableData
	SVG, SVGTall  template.HTML // the inline posters
}

type tableData struct {
	Entities []entityRow
	Deals    []dealRow
}

type entityRow struct{ ID, Name, Kind, Note string }

type dealRow struct {
	ID, From, To, Type, Amount, Status, Date, Summary string
	Sources                                           []link
}

// link is a source: a link when its URL is http or https, text otherwise.
type link struct {
	Text string
	URL  string // "" when not a web address
}

func tables(ds *dataset.Dataset) tableData {
	var t tableData
	for _, e := range ds.Entities {
		t.Entities = append(t.Entities, entityRow{ID: e.ID, Name: e.Name, Kind: ds.Kinds[e.Kind].Label, Note: e.Note})
	}
	for _, d := range ds.Deals {
		row := dealRow{ID: d.ID, From: ds.Entities[d.From].Name, To: ds.Entities[d.To].Name, Type: wording.DealType(d.Type),
			Amount: wording.Amount(d.Amount, ds.Currency), Status: wording.Status(d.Status), Date: wording.Date(d.Date), Summary: d.Summary}
		for _, si := range d.Sources {
			s := ds.Sources[si]
			text := s.Publisher
			if s.Title != "" {
				text += ": " + s.Title
			}
			row.Sources = append(row.Sources, link{Text: text, URL: webURL(s.URL)})
		}
		t.Deals = append(t.Deals, row)
	}
	return t
}

// webURL returns u when it is an absolute http or https address, else "".
func webURL(u string) string {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return u
}

var metaTmpl = template.Must(template.New("meta").Parse(`<meta property="og:type" content="website">
<meta property="og:title" content="{{.DS.Title}}">
<meta property="og:description" content="{{.DS.Subtitle}}">
{{if .Site}}<meta property="og:url" content="{{.Site}}">
{{end}}<meta property="og:image" content="{{.PNGURL}}">
<meta property="og:image:type" content="image/png">
<meta property="og:image:width" content="{{.Width}}">
<meta property="og:image:height" content="{{.Height}}">
<meta property="og:image:alt" content="{{.DS.Title}}: the network of its deals">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="{{.DS.Title}}">
<meta name="twitter:description" content="{{.DS.Subtitle}}">
<meta name="twitter:image" content="{{.PNGURL}}">`))

// imgTmpl is the page's poster: shown from the first paint (no hidden
// attribute), as aria-hidden as its pictures: the program's canvas and the
// text view speak for the network.
var imgTmpl = template.Must(template.New("img").Parse(
	`<div id="poster" aria-hidden="true" data-dataset="{{.Files.Dataset}}" data-fit="{{.Fit}}"{{if .FitTall}} data-fit-tall="{{.FitTall}}"{{end}} data-layouts="{{.Layouts}}">` +
		"\n{{.SVG}}{{.SVGTall}}</div>"))

var noscriptTmpl = template.Must(template.New("noscript").Parse(`<div class="noscript">
<h1>{{.DS.Title}}</h1>
<p>{{.DS.Subtitle}}</p>
<img class="noscript-poster" src="{{.Files.PNG}}" width="{{.Width}}" height="{{.Height}}" alt="{{.DS.Title}}: the network of its deals, drawn as discs (who) and arrows (who pays whom).">
<p>Ouroboros draws and animates this network with JavaScript and WebAssembly; turn JavaScript on to explore it. Here is its data.</p>
<table class="data" id="noscript-entities">
<caption>Entities</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Note</th></tr></thead>
<tbody>
{{range .Tables.Entities}}<tr data-entity="{{.ID}}"><th scope="row">{{.Name}}</th><td>{{.Kind}}</td><td>{{.Note}}</td></tr>
{{end}}</tbody>
</table>
<table class="data" id="noscript-deals">
<caption>Deals</caption>
<thead><tr><th scope="col">From</th><th scope="col">To</th><th scope="col">Type</th><th scope="col">Amount</th><th scope="col">Status</th><th scope="col">Date</th><th scope="col">What</th><th scope="col">Sources</th></tr></thead>
<tbody>
{{range .Tables.Deals}}<tr data-deal="{{.ID}}"><td>{{.From}}</td><td>{{.To}}</td><td>{{.Type}}</td><td>{{.Amount}}</td><td>{{.Status}}</td><td>{{.Date}}</td><td>{{.Summary}}</td><td>{{range $i, $s := .Sources}}{{if $i}}; {{end}}{{if $s.URL}}<a href="{{$s.URL}}" target="_blank" rel="noopener noreferrer">{{$s.Text}}</a>{{else}}{{$s.Text}}{{end}}{{end}}</td></tr>
{{end}}</tbody>
</table>
</div>`))

// FillCSS replaces the marker of the page's style sheet with the rules
// that lay the inline poster (Fill) over the window where the program will
// draw its first frame, before any script runs: the poster's drawing area
// fitted into the free space below the title and above the chrome, as
// web/poster.js and the program do, in CSS lengths (the title's and the
// chrome's heights step with the window's width, as media queries). Tall,
// when not nil, takes over in portrait windows. Where the layout's shape
// would differ from the poster's, poster.js also keeps the names inside
// the free space; these rules always do (the program keeps them there
// too), so a window of the poster's own shape whose names would not fit is
// the one case where poster.js moves the poster when it runs.
func FillCSS(css []byte, p, tall *Poster) ([]byte, error) {
	if bytes.Count(css, []byte(MarkerCSS)) != 1 {
		return nil, fmt.Errorf("the style sheet must hold %s exactly once, where the poster's rules go", MarkerCSS)
	}
	var b strings.Builder
	b.WriteString("#poster > svg { display: block; width: 100%; height: 100%; overflow: visible; }\n")
	b.WriteString("#poster > .poster-tall { display: none; }\n")
	placeCSS(&b, p.Fit())
	if tall != nil {
		b.WriteString("@media (max-aspect-ratio: 1/1) {\n")
		b.WriteString("#poster > .poster-wide { display: none; }\n#poster > .poster-tall { display: block; }\n")
		placeCSS(&b, tall.Fit())
		b.WriteString("}\n")
	}
	return bytes.Replace(css, []byte(MarkerCSS), []byte(b.String()), 1), nil
}

// placeCSS writes the rules that place a poster of fit f: --t and --b, the
// title's and the chrome's heights, step with the window's width; --s is
// the poster's scale in CSS pixels per poster pixel, the smallest of the
// fits that web/poster.js's place() takes.
func placeCSS(b *strings.Builder, f Fit) {
	for i, in := range f.Insets {
		rule := fmt.Sprintf("#poster { --t: %spx; --b: %spx; }", cssNum(in[1]), cssNum(in[2]))
		if i == 0 {
			b.WriteString(rule + "\n")
			continue
		}
		fmt.Fprintf(b, "@media (min-width: %spx) { %s }\n", cssNum(in[0]), rule)
	}
	px, py, pw, ph := f.Area[0], f.Area[1], f.Area[2], f.Area[3]
	cx, cy := px+pw/2, py+ph/2
	pad := cssNum(f.Pad) + "px"
	fw := "(100vw - 2 * " + pad + ")"
	fh := "(var(--band) - 2 * " + pad + ")"
	// The layout's area within the free space fw × fh keeps its shape
	// between minAspect and maxAspect; the poster's area fits inside it.
	terms := []string{
		"calc(" + fw + " * " + cssNum(1/pw) + ")",
		"calc(" + fh + " * " + cssNum(f.MaxAspect/pw) + ")",
		"calc(" + fh + " * " + cssNum(1/ph) + ")",
		"calc(" + fw + " * " + cssNum(1/(f.MinAspect*ph)) + ")",
	}
	// The names stay inside the window, between the title and the chrome.
	if hx := max(cx-f.Content[0], f.Content[2]-cx); hx > 0 {
		terms = append(terms, "calc(100vw * "+cssNum(1/(2*hx))+")")
	}
	if hy := max(cy-f.Content[1], f.Content[3]-cy); hy > 0 {
		terms = append(terms, "calc(var(--band) * "+cssNum(1/(2*hy))+")")
	}
	fmt.Fprintf(b, "#poster { --band: calc(100vh - var(--t) - var(--b)); --s: min(%s);\n", strings.Join(terms, ", "))
	fmt.Fprintf(b, "  left: calc(50vw - var(--s) * %s); top: calc(var(--t) + var(--band) / 2 - var(--s) * %s);\n", cssNum(cx), cssNum(cy))
	fmt.Fprintf(b, "  width: calc(var(--s) * %s); height: calc(var(--s) * %s); }\n", cssNum(f.Width), cssNum(f.Height))
}

// cssNum writes a number for CSS: plain decimals, enough of them.
func cssNum(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}
