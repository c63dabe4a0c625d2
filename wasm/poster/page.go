package poster

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"net/url"
	"strings"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/wording"
)

// Markers are the comments of web/index.html that Fill replaces.
const (
	MarkerMeta     = "<!-- poster:meta -->"
	MarkerImg      = "<!-- poster:img -->"
	MarkerNoscript = "<!-- poster:noscript -->"
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
// poster the page shows while the program downloads (hidden until
// web/poster.js places it; tall, drawn for a portrait window, is shown
// instead in portrait windows when not nil), and, for readers without
// JavaScript, the card and the dataset as tables. Every marker must be
// present.
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
	parts := map[string]string{}
	for marker, tmpl := range map[string]*template.Template{MarkerMeta: metaTmpl, MarkerImg: imgTmpl, MarkerNoscript: noscriptTmpl} {
		var b bytes.Buffer
		data := pageData{DS: p.DS, Files: files, Site: site, Fit: string(fit), FitTall: string(fitTall), Tables: tables(p.DS),
			Width: int(p.View.Width), Height: int(p.View.Height)}
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
	Width, Height int
	Tables        tableData
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

var imgTmpl = template.Must(template.New("img").Parse(
	`<picture>{{if .FitTall}}<source media="(max-aspect-ratio: 1/1)" srcset="{{.Files.SVGTall}}">{{end}}` +
		`<img id="poster" src="{{.Files.SVG}}" alt="" width="{{.Width}}" height="{{.Height}}" decoding="async" fetchpriority="high" hidden ` +
		`data-dataset="{{.Files.Dataset}}" data-fit="{{.Fit}}"{{if .FitTall}} data-fit-tall="{{.FitTall}}"{{end}}></picture>`))

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
