package words_test

import (
	"encoding/json"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"ouroboros/wasm/words"
)

func TestEveryKeyHasAnEnglishWord(t *testing.T) {
	w := words.English()
	keys := words.Keys()
	if len(keys) < 100 {
		t.Fatalf("%d keys; the chrome has more words than that", len(keys))
	}
	for _, k := range keys {
		if strings.TrimSpace(w.Word(k)) == "" {
			t.Errorf("%s has no English word", k)
		}
	}
}

// Every plural has both forms, so that Count never writes "".
func TestPluralsHaveBothForms(t *testing.T) {
	w := words.English()
	for _, k := range words.Keys() {
		base, ok := strings.CutSuffix(k, ".one")
		if !ok {
			base, ok = strings.CutSuffix(k, ".other")
		}
		if ok && (w.Word(base+".one") == "" || w.Word(base+".other") == "") {
			t.Errorf("%s: a plural needs both %s.one and %s.other", k, base, base)
		}
	}
}

func TestWithReplacesAndReportsUnknownKeys(t *testing.T) {
	en := words.English()
	de, notices := en.With(map[string]string{
		"story.next": "Weiter", "story.back": "Zurück", "stories": "Geschichten",
		"foo": "x", "story.nxt": "y", "panel.kinds": "",
	})
	for _, c := range []struct{ key, want string }{
		{"story.next", "Weiter"},
		{"story.back", "Zurück"},
		{"stories", "Geschichten"},
		{"panel.kinds", "Kinds"}, // an empty word keeps the default
		{"panel.deals", "Deals"},
	} {
		if got := de.Word(c.key); got != c.want {
			t.Errorf("%s: got %q, want %q", c.key, got, c.want)
		}
	}
	want := []string{"ui.foo: not a word of the chrome", "ui.story.nxt: not a word of the chrome"}
	if !reflect.DeepEqual(notices, want) {
		t.Errorf("notices: got %q, want %q", notices, want)
	}
	if en.Word("story.next") != "Next →" {
		t.Errorf("With changed the table it was called on: %q", en.Word("story.next"))
	}
	if de.Word("foo") != "" {
		t.Error("an unknown key became a word")
	}
}

func TestSayAndCount(t *testing.T) {
	w := words.English()
	for _, c := range []struct{ name, got, want string }{
		{"placeholder", w.Say("card.cannotPay", "name", "Oracle"), "If Oracle cannot pay"},
		{"missing value", w.Say("card.cannotPay"), "If {name} cannot pay"},
		{"one", w.Count("count.deals", 1), "1 deal"},
		{"other", w.Count("count.deals", 0), "0 deals"},
		{"grouped", w.Count("count.deals", 1234), "1,234 deals"},
		{"german grouped", w.In("de-DE").Count("count.deals", 1234), "1.234 deals"},
		{"more values", w.Count("twin.later", 2, "date", "2025"), "2 later deals are not listed: the picture shows the deals up to 2025."},
	} {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, c.got, c.want)
		}
	}
}

func TestNumbersFollowTheLocale(t *testing.T) {
	for _, c := range []struct {
		tag  string
		x    float64
		dec  int
		want string
	}{
		{"en", 1234.5, 1, "1,234.5"},
		{"de", 1234.5, 1, "1.234,5"},
		{"de-AT", 1234567.25, 2, "1.234.567,25"},
		{"es", 1234.5, 1, "1234,5"},
		{"es", 12345.5, 1, "12.345,5"},
		{"fr", 1234.5, 1, "1\u202f234,5"},
		{"xx", 1234.5, 1, "1,234.5"},
		{"de", 2.0, 1, "2"},
		{"de", 0.05, 1, "0,1"},
		{"de", -1234, 0, "-1.234"},
		{"en", 999, 0, "999"},
	} {
		if got := words.LocaleOf(c.tag).Number(c.x, c.dec); got != c.want {
			t.Errorf("%s %v: got %q, want %q", c.tag, c.x, got, c.want)
		}
	}
}

func TestDatesFollowTheLocale(t *testing.T) {
	for _, c := range []struct {
		tag     string
		y, m, d int
		want    string
	}{
		{"en", 2025, 9, 22, "2025-09-22"},
		{"en", 2025, 9, 0, "2025-09"},
		{"de", 2025, 3, 0, "März 2025"},
		{"de", 2025, 12, 1, "1. Dezember 2025"},
		{"de", 2025, 0, 0, "2025"},
		{"es", 2025, 9, 22, "22 de septiembre de 2025"},
		{"fr", 2025, 8, 0, "août 2025"},
		{"de", 2025, 13, 0, "2025-13"},
	} {
		if got := words.LocaleOf(c.tag).Date(c.y, c.m, c.d); got != c.want {
			t.Errorf("%s %d-%d-%d: got %q, want %q", c.tag, c.y, c.m, c.d, got, c.want)
		}
	}
	de := words.LocaleOf("de")
	for i, want := range []string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"} {
		if de.Months[i] != want {
			t.Errorf("German month %d: got %q, want %q", i+1, de.Months[i], want)
		}
	}
}

func TestMoneyTakesItsScaleWordsFromTheTable(t *testing.T) {
	de, _ := words.English().In("de").With(map[string]string{"money.billion": " Mrd.", "money.million": " Mio."})
	for _, c := range []struct {
		w        *words.Words
		v        float64
		currency string
		want     string
	}{
		{words.English(), 300e9, "", "$300B"},
		{words.English(), 1.5e6, "EUR", "EUR 1.5M"},
		{words.English(), 1234.5e9, "", "$1.2T"},
		{words.English(), 999, "", "$999"},
		{de, 1.5e9, "EUR", "EUR 1,5 Mrd."},
		{de, 250e6, "", "$250 Mio."},
	} {
		if got := c.w.Money(c.v, c.currency); got != c.want {
			t.Errorf("%v %s: got %q, want %q", c.v, c.currency, got, c.want)
		}
	}
}

func TestJSONCarriesTheTableAndTheLocale(t *testing.T) {
	w, _ := words.English().In("de-DE").With(map[string]string{"story.next": "Weiter"})
	var got struct {
		Locale, Decimal, Group string
		Words                  map[string]string
	}
	if err := json.Unmarshal([]byte(w.JSON()), &got); err != nil {
		t.Fatal(err)
	}
	if got.Locale != "de" || got.Decimal != "," || got.Group != "." || got.Words["story.next"] != "Weiter" || len(got.Words) != len(words.Keys()) {
		t.Errorf("got locale %q, separators %q %q, next %q, %d words", got.Locale, got.Decimal, got.Group, got.Words["story.next"], len(got.Words))
	}
	// Written by hand (jsonout), the JSON is the very bytes encoding/json
	// writes, HTML characters escaped as the page's inline copy needs.
	w, _ = words.English().In("fr").With(map[string]string{"story.next": "<b>Suivant</b> & \"co\" \u2028"})
	var all struct {
		Locale, Decimal, Group string
		MinGroup               int
		Words                  map[string]string
	}
	if err := json.Unmarshal([]byte(w.JSON()), &all); err != nil {
		t.Fatal(err)
	}
	want, err := json.Marshal(struct {
		Locale   string            `json:"locale"`
		Decimal  string            `json:"decimal"`
		Group    string            `json:"group"`
		MinGroup int               `json:"minGroup"`
		Words    map[string]string `json:"words"`
	}{all.Locale, all.Decimal, all.Group, all.MinGroup, all.Words})
	if err != nil {
		t.Fatal(err)
	}
	if got := w.JSON(); got != string(want) {
		t.Errorf("the words' JSON\n got %s\nwant %s", got, want)
	}
}

// The package stays pure: the standard library only, and jsonout, which
// writes its JSON (and imports the standard library only).
func TestImportsTheStandardLibraryOnly(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if strings.Contains(p, ".") || strings.HasPrefix(p, "ouroboros/") && p != "ouroboros/wasm/jsonout" || p == "syscall/js" {
				t.Errorf("%s imports %s", name, p)
			}
		}
	}
}
