package page_test

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/dataset/datasettest"
	"ouroboros/wasm/page"
	"ouroboros/wasm/scene"
	"ouroboros/wasm/session"
	"ouroboros/wasm/wording"
	"ouroboros/wasm/words"
)

// mixed has one loop of each sort: a circular deal with a known round
// trip (a, b), one with an undisclosed hop (f, g), a financing-only pair
// (c, d) and a four-hop chain of purchases closed by equity (p, q, r, s).
func mixed(t *testing.T) *dataset.Dataset {
	t.Helper()
	deal := func(id, from, to, typ, amount, date string) string {
		a := ""
		if amount != "" {
			a = `"amount":{"value":` + amount + `},`
		}
		return `{"id":"` + id + `","from":"` + from + `","to":"` + to + `","type":"` + typ + `",` + a +
			`"date":"` + date + `","status":"announced","summary":"s","sources":["s"]}`
	}
	var ents []string
	for _, id := range []string{"a", "b", "c", "d", "f", "g", "p", "q", "r", "s"} {
		ents = append(ents, `{"id":"`+id+`","name":"`+strings.ToUpper(id)+`","kind":"k"}`)
	}
	deals := []string{
		deal("ab", "a", "b", "equity", "10", "2025-01"), deal("ba", "b", "a", "compute", "4", "2025-02"),
		deal("cd", "c", "d", "equity", "5", "2024"), deal("dc", "d", "c", "debt", "3", "2024"),
		deal("fg", "f", "g", "equity", "", "2025-01"), deal("gf", "g", "f", "power", "2", "2025-01"),
		deal("pq", "p", "q", "compute", "1", "2024"), deal("qr", "q", "r", "chips", "1", "2024"),
		deal("rs", "r", "s", "compute", "1", "2024"), deal("sp", "s", "p", "equity", "1", "2024"),
	}
	doc := `{"format":"ouroboros/1","title":"T","asOf":"2026-01","kinds":{"k":{"label":"K","color":"#112233"}},"entities":[` +
		strings.Join(ents, ",") + `],"deals":[` + strings.Join(deals, ",") +
		`],"sources":{"s":{"publisher":"P","url":"https://example.com/"}}}`
	d, err := dataset.Load([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestLoopKindsAndRanks(t *testing.T) {
	d := mixed(t)
	got := page.Loops(d, analysis.New(d).At(dataset.Date{}))
	type row struct {
		entities string
		kind     string
		rank     int
		text     string
	}
	var rows []row
	for _, l := range got {
		r := row{strings.Join(l.Entities, " "), l.Kind, 0, l.KindText}
		if l.Rank != nil {
			r.rank = *l.Rank
		}
		rows = append(rows, r)
	}
	want := []row{
		{"a b", "circular", 1, "circular deal"},
		{"c d", "other", 0, "financing only"},
		{"f g", "circular", 2, "circular deal"},
		{"p q r s", "other", 0, "longer chain, 4 hops"},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("got %v\nwant %v", rows, want)
	}
}

// On the bundled dataset the list is the analysis' loops in their order,
// each circular deal ranked as Snapshot.Circular ranks it.
func TestBundledLoopRanks(t *testing.T) {
	d := datasettest.Bundled(t)
	for _, at := range []dataset.Date{{}, {Year: 2025, Month: 10}} {
		snap := analysis.New(d).At(at)
		got := page.Loops(d, snap)
		if len(got) != len(snap.Loops) {
			t.Fatalf("%v: %d loops, want %d", at, len(got), len(snap.Loops))
		}
		circ := snap.Circular()
		if len(circ) < 5 {
			t.Errorf("%v: %d circular deals, want at least 5 on the bundled dataset", at, len(circ))
		}
		for k, i := range circ {
			if l := got[i]; l.Kind != "circular" || l.Rank == nil || *l.Rank != k+1 {
				t.Errorf("%v: loop %d (%v) kind %s rank %v, want circular %d", at, i, l.Entities, l.Kind, l.Rank, k+1)
			}
		}
		for i, l := range got {
			want := snap.Loops[i].EntityIDs(d)
			if !reflect.DeepEqual(l.Entities, want) {
				t.Errorf("%v: loop %d is %v, want %v", at, i, l.Entities, want)
			}
			if snap.Loops[i].Class == analysis.Other && (l.Kind != "other" || l.Rank != nil) {
				t.Errorf("%v: loop %d kind %s rank %v, want other and null", at, i, l.Kind, l.Rank)
			}
		}
	}
}

func TestReadingHeadline(t *testing.T) {
	d := mixed(t)
	an := analysis.New(d)
	r := page.NewReading(d, an.At(dataset.Date{}))
	if want := "Money goes round: 2 circular deals; the largest sends at least $4 round A → B → A."; r.Headline != want {
		t.Errorf("headline %q, want %q", r.Headline, want)
	}
	if want := "For example, A invests in B and B buys compute from A: at least $4 goes round."; r.Example != want {
		t.Errorf("example %q, want %q", r.Example, want)
	}
	if !reflect.DeepEqual(r.Top, []string{"a", "b"}) || strings.Count(r.Rule, ". ") != 1 || !strings.HasSuffix(r.Rule, ".") {
		t.Errorf("top %v, rule %q: want a, b and two sentences", r.Top, r.Rule)
	}
	// Before b sells compute back, the one circular deal has an
	// undisclosed hop.
	r = page.NewReading(d, an.At(dataset.Date{Year: 2025, Month: 1}))
	if want := "Money goes round: 1 circular deal; the first, F → G → F, has undisclosed amounts."; r.Headline != want {
		t.Errorf("as of 2025-01: headline %q, want %q", r.Headline, want)
	}
	if want := "For example, F invests in G and G buys power from F: how much goes round is undisclosed."; r.Example != want {
		t.Errorf("as of 2025-01: example %q, want %q", r.Example, want)
	}
	// In 2024 no loop is circular.
	r = page.NewReading(d, an.At(dataset.Date{Year: 2024}))
	if !strings.HasPrefix(r.Headline, "No circular deal here: 2 loops") || r.Example != "" || len(r.Top) != 0 {
		t.Errorf("as of 2024: %+v", r)
	}
	// No loop at all.
	one := datasettest.TwoWay()
	r = page.NewReading(one, analysis.New(one).At(dataset.Date{Year: 2025}))
	if !strings.HasPrefix(r.Headline, "No money goes round here") {
		t.Errorf("no loops: %q", r.Headline)
	}
}

// The reading, the year marks, a deal's history and the facts' date are
// written in the table in use: a German one gives German sentences with
// German numbers and dates, and English only where it gives no word.
func TestReadingInTheDatasetsWords(t *testing.T) {
	de, notices := words.English().In("de").With(map[string]string{
		"reading.headline":     "Geld geht im Kreis: {circular}; das größte schickt mindestens {amount} über {path}.",
		"count.circular.one":   "{n} Kreisgeschäft",
		"count.circular.other": "{n} Kreisgeschäfte",
		"hop.equity":           "{from} investiert in {to}",
		"reading.and":          "{list} und {last}",
		"factsAsOf":            "Stand: {date}",
		"years.label":          "{year}: {loops}",
		"history.noChange":     "keine Änderung",
	})
	if len(notices) != 0 {
		t.Fatal(notices)
	}
	wording.Use(de)
	defer wording.Use(words.English())
	d := mixed(t)
	an := analysis.New(d)
	r := page.NewReading(d, an.At(dataset.Date{}))
	if want := "Geld geht im Kreis: 2 Kreisgeschäfte; das größte schickt mindestens $4 über A → B → A."; r.Headline != want {
		t.Errorf("headline %q, want %q", r.Headline, want)
	}
	if want := "For example, A investiert in B und B buys compute from A: at least $4 goes round."; r.Example != want {
		t.Errorf("example %q, want %q", r.Example, want)
	}
	if got, want := page.FactsAsOf(d), "Stand: Januar 2026"; got != want {
		t.Errorf("facts as of %q, want %q", got, want)
	}
	marks := page.YearMarks(an, dataset.Date{})
	if got := marks[len(marks)-1].Label; got != "2025: 2 Kreisgeschäfte" {
		t.Errorf("the last year's mark is %q", got)
	}
}

// The bundled dataset's top circular deal, worded from its deals' types.
func TestBundledReading(t *testing.T) {
	d := datasettest.Bundled(t)
	snap := analysis.New(d).At(dataset.Date{})
	r := page.NewReading(d, snap)
	top := snap.Loops[snap.Circular()[0]]
	for _, e := range top.Entities {
		if name := d.Entities[e].Name; !strings.Contains(r.Headline, name) || !strings.Contains(r.Example, name) {
			t.Errorf("%s missing from %q or %q", name, r.Headline, r.Example)
		}
	}
	if !strings.HasPrefix(r.Example, "For example, ") || !strings.Contains(r.Example, "goes round.") ||
		!strings.Contains(r.Headline, "circular deals; the largest sends at least $") {
		t.Errorf("headline %q, example %q", r.Headline, r.Example)
	}
	t.Logf("%s\n%s", r.Headline, r.Example)
}

func TestLegendKey(t *testing.T) {
	hex := func(c scene.Color) string {
		return fmt.Sprintf("#%02x%02x%02x", int(math.Round(float64(c.R)*255)), int(math.Round(float64(c.G)*255)), int(math.Round(float64(c.B)*255)))
	}
	for _, theme := range []session.Theme{session.Light, session.Dark} {
		p := scene.PaletteFor(theme)
		if k := page.NewLegendKey(300e9, "USD", theme); k.Loop != hex(p.Loop) || k.Money != hex(p.Money) || k.Capacity != hex(p.Capacity) || k.Edge != hex(p.Edge) {
			t.Errorf("%s colours %+v, want the scene's", theme, k)
		}
	}
	k := page.NewLegendKey(300e9, "USD", session.Dark)
	var texts []string
	for i, w := range k.Widths {
		texts = append(texts, w.Text)
		if absDiff(w.CSS, scene.EdgeWidthCSS(w.Amount, 300e9)) > 0.01 {
			t.Errorf("width of %s is %v, want the scene's %v", w.Text, w.CSS, scene.EdgeWidthCSS(w.Amount, 300e9))
		}
		if i > 0 && w.CSS >= k.Widths[i-1].CSS {
			t.Errorf("widths %+v do not narrow", k.Widths)
		}
	}
	if !reflect.DeepEqual(texts, []string{"$300B", "$30B", "$3B"}) {
		t.Errorf("amounts %v", texts)
	}
	if k := page.NewLegendKey(0, "USD", session.Dark); len(k.Widths) != 0 {
		t.Errorf("no amounts: widths %+v", k.Widths)
	}
}

func absDiff(a, b float64) float64 {
	if a > b {
		return a - b
	}
	return b - a
}
