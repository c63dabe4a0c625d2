package dataset_test

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"ouroboros/wasm/dataset"
)

// tiny returns data/examples/tiny.json with every occurrence of each old
// string replaced by the new one that follows it.
func tiny(t *testing.T, oldNew ...string) []byte {
	t.Helper()
	b, err := os.ReadFile(examplesDir + "/tiny.json")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	for i := 0; i < len(oldNew); i += 2 {
		if !strings.Contains(doc, oldNew[i]) {
			t.Fatalf("tiny.json has no %q", oldNew[i])
		}
		doc = strings.ReplaceAll(doc, oldNew[i], oldNew[i+1])
	}
	return []byte(doc)
}

// problemLines loads doc and returns its problems as "path: message" lines.
func problemLines(t *testing.T, doc []byte) []string {
	t.Helper()
	ds, err := dataset.Load(doc)
	if err == nil {
		checkDataset(t, ds)
		return nil
	}
	var ps dataset.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("got error %T, want dataset.Problems", err)
	}
	if ds != nil {
		t.Errorf("got a dataset along with problems")
	}
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return lines
}

func TestTinyContents(t *testing.T) {
	ds, err := dataset.Load(tiny(t))
	if err != nil {
		t.Fatal(err)
	}
	ai := ds.Entities[ds.EntityIndex["acme-ai"]]
	rent := ds.Deals[ds.DealIndex["ai-rents-nimbus"]]
	orderAmount := ds.Deals[ds.DealIndex["nimbus-buys-chips"]].Amount
	tests := []struct {
		name      string
		got, want any
	}{
		{"title", ds.Title, "A tiny loop (fictional example)"},
		{"asOf", ds.AsOf, dataset.Date{Year: 2025, Month: 10, Day: 1}},
		{"currency", ds.Currency, "USD"},
		{"default locale", ds.Locale, "en-US"},
		{"no ui", ds.UI == nil, true},
		{"no light colour", ds.Kinds[0].HasColorLight, false},
		{"kind keys in order", []string{ds.Kinds[0].Key, ds.Kinds[1].Key, ds.Kinds[2].Key}, []string{"lab", "chips", "cloud"}},
		{"colour in capitals", ds.Kinds[0].Color, dataset.RGB{R: 0x4f, G: 0x7c, B: 0xff}},
		{"pinned", ai.Pinned, true},
		{"pin", ai.Pin, [2]float64{0.5, 0.15}},
		{"kind of acme-ai", ds.Kinds[ai.Kind].Key, "lab"},
		{"unpinned", ds.Entities[1].Pinned, false},
		{"from", ds.Entities[rent.From].ID, "acme-ai"},
		{"to", ds.Entities[rent.To].ID, "nimbus-cloud"},
		{"type", rent.Type, dataset.Compute},
		{"amount", *rent.Amount, dataset.Amount{Value: 12e9, UpTo: true}},
		{"capacity", rent.CapacityMW, 800.0},
		{"until", rent.Until.String(), "2030"},
		{"status", rent.Status, dataset.Definitive},
		{"undisclosed", orderAmount == nil, true},
		{"deal sources", rent.Sources, []int{ds.SourceIndex["trade-mar"]}},
		{"source tier", ds.Sources[2].Tier, dataset.TierC},
		{"source without date", ds.Sources[2].Date.IsZero(), true},
		{"story steps", len(ds.Stories[0].Steps), 2},
		{"step focus deals", ds.Stories[0].Steps[1].FocusDeals, []int{1, 2}},
		{"step asOf", ds.Stories[0].Steps[1].AsOf.String(), "2025-06"},
		{"step without asOf", ds.Stories[0].Steps[0].AsOf.IsZero(), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !equal(tt.got, tt.want) {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
}

// TestWordsAndThemes reads the fields that let a newsroom set its language
// and its colours on the light theme.
func TestWordsAndThemes(t *testing.T) {
	ds, err := dataset.Load(tiny(t,
		`"currency": "USD",`, `"currency": "EUR", "locale": "de-DE", "ui": {"play": "Abspielen", "pause": "Anhalten"},`,
		`"color": "#4F7CFF" }`, `"color": "#4F7CFF", "colorLight": "#1A3fb0" }`))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		got, want any
	}{
		{"locale", ds.Locale, "de-DE"},
		{"ui play", ds.UI["play"], "Abspielen"},
		{"ui pause", ds.UI["pause"], "Anhalten"},
		{"ui size", len(ds.UI), 2},
		{"has light colour", ds.Kinds[0].HasColorLight, true},
		{"light colour", ds.Kinds[0].ColorLight, dataset.RGB{R: 0x1a, G: 0x3f, B: 0xb0}},
		{"dark colour kept", ds.Kinds[0].Color, dataset.RGB{R: 0x4f, G: 0x7c, B: 0xff}},
		{"other kind has none", ds.Kinds[1].HasColorLight, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !equal(tt.got, tt.want) {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
}

func equal(a, b any) bool {
	switch a := a.(type) {
	case []int:
		return slices.Equal(a, b.([]int))
	case []string:
		return slices.Equal(a, b.([]string))
	}
	return a == b
}

// TestAccepted pins readings of the format that a document may rely on.
func TestAccepted(t *testing.T) {
	tests := []struct {
		name   string
		oldNew []string
	}{
		{"unknown members are ignored", []string{`"format": "ouroboros/1",`, `"format": "ouroboros/1", "generator": {"name": "x"},`}},
		{"no currency means USD", []string{`"currency": "USD",`, ``}},
		{"other currency", []string{`"USD"`, `"EUR"`}},
		{"no subtitle", []string{`"subtitle": "Three made-up companies pay each other in a circle.",`, ``}},
		{"no stories", []string{`"stories": [`, `"notStories": [`}},
		{"empty stories", []string{`"stories": [`, `"stories": [], "notStories": [`}},
		{"partial asOf", []string{`"asOf": "2025-10-01"`, `"asOf": "2025"`}},
		{"pin on the edges", []string{`[0.5, 0.15]`, `[0, 1]`}},
		{"pin as exponent", []string{`[0.5, 0.15]`, `[5e-1, 1E0]`}},
		{"id of 64 characters", []string{`"acme-chips"`, `"` + strings.Repeat("a", 64) + `"`}},
		{"id starting with a digit", []string{`"acme-chips"`, `"9-chips"`}},
		{"name of 80 characters", []string{`"name": "Acme Chips"`, `"name": "` + strings.Repeat("é", 80) + `"`}},
		{"escaped strings", []string{`"name": "Acme Chips"`, `"name": "Acme \"Chips\" \u00e9\n"`}},
		{"until on the same day", []string{`"until": "2030"`, `"until": "2025-03-01"`}},
		{"capacity on power", []string{`"type": "compute"`, `"type": "power"`}},
		{"focus with empty lists", []string{`"focus": { "entities": ["acme-chips", "acme-ai"], "deals": ["chips-invests-in-ai"] },`, `"focus": { "entities": [], "deals": [] },`}},
		{"http URL with port and query", []string{`"https://example.com/blog/acme-loi"`, `"HTTP://example.com:8080/blog?id=1#top"`}},
		{"locale", []string{`"currency": "USD",`, `"currency": "USD", "locale": "de-DE",`}},
		{"locale with script and region", []string{`"currency": "USD",`, `"currency": "USD", "locale": "zh-Hant-TW",`}},
		{"locale with numeric region", []string{`"currency": "USD",`, `"currency": "USD", "locale": "es-419",`}},
		{"ui words", []string{`"currency": "USD",`, `"currency": "USD", "ui": {"play": "Abspielen", "some-new-key": "x"},`}},
		{"empty ui", []string{`"currency": "USD",`, `"currency": "USD", "ui": {},`}},
		{"light colour", []string{`"color": "#4F7CFF" }`, `"color": "#4F7CFF", "colorLight": "#1a3fb0" }`}},
		{"amount with both flags false", []string{`{ "value": 2000000000 }`, `{ "value": 2e9, "upTo": false, "estimate": false }`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := problemLines(t, tiny(t, tt.oldNew...)); len(got) > 0 {
				t.Errorf("got problems:\n%s", strings.Join(got, "\n"))
			}
		})
	}
}

// TestRefused pins the exact problems of edits that the refused examples do
// not cover.
func TestRefused(t *testing.T) {
	tests := []struct {
		name   string
		oldNew []string
		want   []string
	}{
		{"null is not a string", []string{`"subtitle": "Three made-up companies pay each other in a circle."`, `"subtitle": null`},
			[]string{"subtitle: must be a string, found null"}},
		{"null amount", []string{`{ "value": 2000000000 }`, `null`},
			[]string{"deals[0].amount: must be an object, found null"}},
		{"amount without value", []string{`{ "value": 2000000000 }`, `{ "upTo": true }`},
			[]string{"deals[0].amount.value: is required"}},
		{"id of 65 characters", []string{`"acme-chips"`, `"` + strings.Repeat("a", 65) + `"`},
			[]string{"entities[1].id: is 65 characters long; an id has at most 64"}},
		{"id starting with a hyphen", []string{`"acme-chips"`, `"-chips"`},
			[]string{`entities[1].id: "-chips" is not a valid id: use lowercase letters a-z, digits and hyphens, starting with a letter or digit`}},
		{"colour without hash", []string{`"#4F7CFF"`, `"4F7CFF0"`},
			[]string{`kinds.lab.color: "4F7CFF0" is not a colour: use #rrggbb, such as "#1f77b4"`}},
		{"colour with 0x", []string{`"#4F7CFF"`, `"#0x7CFF"`},
			[]string{`kinds.lab.color: "#0x7CFF" is not a colour: use #rrggbb, such as "#1f77b4"`}},
		{"negative pin", []string{`[0.5, 0.15]`, `[-0.1, 0.15]`},
			[]string{"entities[0].pin[0]: must be between 0 and 1, found -0.1"}},
		{"pin of strings", []string{`[0.5, 0.15]`, `["0.5", "0.15"]`},
			[]string{"entities[0].pin[0]: must be a number, found a string", "entities[0].pin[1]: must be a number, found a string"}},
		{"pin as object", []string{`[0.5, 0.15]`, `{"x": 0.5, "y": 0.15}`},
			[]string{"entities[0].pin: must be [x, y]: an array of two numbers, found an object"}},
		{"URL with a space", []string{`"https://example.com/blog/acme-loi"`, `"https://example.com/blog/acme loi"`},
			[]string{`sources.blog-sep.url: "https://example.com/blog/acme loi" contains a space; write it as %20`}},
		{"URL without slashes", []string{`"https://example.com/blog/acme-loi"`, `"https:example.com"`},
			[]string{`sources.blog-sep.url: "https:example.com" has no host`}},
		{"data URL", []string{`"https://example.com/blog/acme-loi"`, `"data:text/html,hi"`},
			[]string{`sources.blog-sep.url: "data:text/html,hi" is not an absolute http or https URL`}},
		{"odd key is quoted in paths", []string{`"lab": { "label": "AI lab", "color": "#4F7CFF" }`, `"lab": { "label": "AI lab", "color": "#4F7CFF" }, "a.b c": { "label": "" , "color": "#000000"}`},
			[]string{`kinds["a.b c"].label: must not be empty`}},
		{"focus not an object", []string{`"focus": { "entities": ["acme-chips", "acme-ai"], "deals": ["chips-invests-in-ai"] },`, `"focus": ["acme-chips"],`},
			[]string{"stories[0].steps[0].focus: must be an object, found an array"}},
		{"step not an object", []string{`"steps": [`, `"steps": [ "intro",`},
			[]string{"stories[0].steps[0]: must be an object, found a string"}},
		{"deal not an object", []string{"\"deals\": [\n", "\"deals\": [ 7,\n"},
			[]string{"deals[0]: must be an object, found a number"}},
		{"source id a number", []string{`"sources": ["blog-sep"]`, `"sources": ["blog-sep", 3]`},
			[]string{"deals[3].sources[1]: must be a string, found a number"}},
		{"format a number, rest checked", []string{`"format": "ouroboros/1"`, `"format": 1`, `"title": "A tiny loop (fictional example)"`, `"title": ""`},
			[]string{"format: must be a string, found a number", "title: must not be empty"}},
		{"other format hides the rest", []string{`"format": "ouroboros/1"`, `"format": "ouroboros/2"`, `"title": "A tiny loop (fictional example)"`, `"title": ""`},
			[]string{`format: "ouroboros/2" is not a supported format; the accepted value is "ouroboros/1"`}},
		{"locale with an underscore", []string{`"currency": "USD",`, `"currency": "USD", "locale": "de_DE",`},
			[]string{`locale: "de_DE" is not a language tag: use BCP 47, such as "de-DE" or "es"`}},
		{"locale empty", []string{`"currency": "USD",`, `"currency": "USD", "locale": "",`},
			[]string{`locale: "" is not a language tag: use BCP 47, such as "de-DE" or "es"`}},
		{"locale a number", []string{`"currency": "USD",`, `"currency": "USD", "locale": 49,`},
			[]string{`locale: must be a string, found a number`}},
		{"locale with a long subtag", []string{`"currency": "USD",`, `"currency": "USD", "locale": "en-abcdefghi",`},
			[]string{`locale: "en-abcdefghi" is not a language tag: use BCP 47, such as "de-DE" or "es"`}},
		{"ui an array", []string{`"currency": "USD",`, `"currency": "USD", "ui": ["Play"],`},
			[]string{`ui: must be an object, found an array`}},
		{"ui word a number", []string{`"currency": "USD",`, `"currency": "USD", "ui": {"play": 1, "pause": "Pause"},`},
			[]string{`ui.play: must be a string, found a number`}},
		{"ui word empty", []string{`"currency": "USD",`, `"currency": "USD", "ui": {"play": ""},`},
			[]string{`ui.play: must not be empty`}},
		{"ui word twice", []string{`"currency": "USD",`, `"currency": "USD", "ui": {"play": 1, "play": "Play"},`},
			[]string{`ui.play: must be a string, found a number`, `ui.play: the key "play" is given twice; keys must be unique`}},
		{"light colour by name", []string{`"color": "#4F7CFF" }`, `"color": "#4F7CFF", "colorLight": "navy" }`},
			[]string{`kinds.lab.colorLight: "navy" is not a colour: use #rrggbb, such as "#1f77b4"`}},
		{"light colour null", []string{`"color": "#4F7CFF" }`, `"color": "#4F7CFF", "colorLight": null }`},
			[]string{`kinds.lab.colorLight: must be a string, found null`}},
		{"entity without name and kind", []string{"\"entities\": [\n", "\"entities\": [ { \"id\": \"x\" },\n"},
			[]string{"entities[0].name: is required", "entities[0].kind: is required"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := problemLines(t, tiny(t, tt.oldNew...))
			if !slices.Equal(got, tt.want) {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestManyProblems checks that every problem is reported, in document order,
// whatever order the sections come in.
func TestManyProblems(t *testing.T) {
	doc := `{
  "sources": {
    "s1": { "publisher": "", "url": "mailto:x@example.com", "tier": "Z" },
    "s2": { "publisher": "P", "url": "https://example.com/2" },
    "s1": { "publisher": "P", "url": "https://example.com/1" }
  },
  "format": "ouroboros/1",
  "asOf": "2025-02-30",
  "currency": "EURO",
  "kinds": { "lab": { "label": "Lab", "color": "red" } },
  "deals": [
    { "id": "d1", "from": "a", "to": "oracel", "type": "loan", "date": "2025", "until": "2024-12",
      "status": "done", "summary": "s", "sources": ["s1", "s9"], "capacityMW": 0 },
    { "id": "d1", "from": "a", "to": "a", "type": "equity", "date": "2025", "status": "loi",
      "summary": "s", "sources": [], "capacityMW": 5 }
  ],
  "entities": [
    { "id": "a", "name": "A", "kind": "lab", "pin": [2, 0] },
    { "id": "A", "name": "B", "kind": "chips" }
  ],
  "stories": [
    { "id": "x", "title": "T", "steps": [
      { "title": "t", "text": "", "focus": { "entities": ["zz"], "deals": ["d1", "d2"] }, "asOf": "2025-00" }
    ] }
  ]
}`
	want := []string{
		`sources.s1.publisher: must not be empty`,
		`sources.s1.url: "mailto:x@example.com" is not an absolute http or https URL`,
		`sources.s1.tier: "Z" is not a tier: use A, B or C`,
		`sources.s2: is not cited by any deal or story step`,
		`sources.s1: the key "s1" is given twice; keys must be unique`,
		`asOf: "2025-02-30" is not a valid date: February 2025 has 28 days`,
		`currency: "EURO" is not a currency code: use three capital letters, such as "USD"`,
		`kinds.lab.color: "red" is not a colour: use #rrggbb, such as "#1f77b4"`,
		`deals[0].to: "oracel" is not an entity id`,
		`deals[0].type: "loan" is not a deal type: use equity, compute, chips, power, warrants, debt, backstop or acquisition`,
		`deals[0].until: "2024-12" is before the deal's date "2025"`,
		`deals[0].status: "done" is not a status: use talks, loi, announced, reported, definitive, completed or terminated`,
		`deals[0].sources[1]: "s9" is not a key of sources`,
		`deals[0].capacityMW: must be greater than 0, found 0`,
		`deals[1].id: "d1" is already the id of deals[0]`,
		`deals[1].to: is the same entity as from ("a"); a deal links two different entities`,
		`deals[1].sources: must list at least one source`,
		`deals[1].capacityMW: is only for compute, chips and power deals, not equity`,
		`entities[0].pin[0]: must be between 0 and 1, found 2`,
		`entities[1].id: "A" is not a valid id: use lowercase letters a-z, digits and hyphens, starting with a letter or digit`,
		`entities[1].kind: "chips" is not a key of kinds`,
		`stories[0].steps[0].text: must not be empty`,
		`stories[0].steps[0].focus.entities[0]: "zz" is not an entity id`,
		`stories[0].steps[0].focus.deals[1]: "d2" is not a deal id`,
		`stories[0].steps[0].asOf: "2025-00" is not a valid date: the month must be from 01 to 12`,
		`title: is required`,
	}
	got := problemLines(t, []byte(doc))
	if !slices.Equal(got, want) {
		t.Errorf("got %d problems:\n%s\nwant %d:\n%s", len(got), strings.Join(got, "\n"), len(want), strings.Join(want, "\n"))
	}
}

func TestProblemsError(t *testing.T) {
	_, err := dataset.Load([]byte(`{"format": "ouroboros/1"}`))
	if !errors.Is(err, dataset.ErrRefused) {
		t.Errorf("errors.Is(err, ErrRefused) = false for %v", err)
	}
	got := err.Error()
	want := "title: is required\nasOf: is required\nkinds: is required\nentities: is required\nsources: is required\ndeals: is required"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestSyntax(t *testing.T) {
	tests := []struct {
		name, doc, want string
	}{
		{"empty", "", "line 1, column 1: the document is empty"},
		{"spaces only", " \n ", "line 2, column 2: the document is empty"},
		{"trailing comma", "{\"a\": 1,}", "line 1, column 9: expected a string key in double quotes, found '}'"},
		{"missing comma", "{\n  \"a\": 1\n  \"b\": 2\n}", "line 3, column 3: expected ',' or '}', found '\"'"},
		{"unclosed array", "[1, 2", "line 1, column 6: the document ends before a closing ']'"},
		{"two values", "{} x", "line 1, column 4: expected the end of the document, found 'x'"},
		{"byte order mark", "\ufeff{}", "line 1, column 1: expected a value, found U+FEFF"},
		{"control character", "{\"a\": \"x\ty\"}", "line 1, column 9: a control character (byte 0x09) must be escaped inside a string"},
		{"leading zero", "{\"a\": 01}", "line 1, column 8: expected ',' or '}', found '1'"},
		{"bad literal", "{\"a\": nul}", "line 1, column 10: expected null, found '}'"},
		{"single quotes", "{'a': 1}", "line 1, column 2: expected a string key in double quotes, found \"'\""},
		{"columns count characters", "{\"é\": \"x\" \"b\": 1}", "line 1, column 11: expected ',' or '}', found '\"'"},
		{"bad escape", `{"a": "\x"}`, `line 1, column 9: a backslash followed by 'x' is not a valid escape`},
		{"short unicode escape", `{"a": "\u12"}`, `line 1, column 12: expected four hex digits after \u`},
		{"invalid UTF-8", "{\"a\": \"\xff\"}", "line 1, column 8: invalid UTF-8 (byte 0xff)"},
		{"missing colon", `{"a" 1}`, `line 1, column 6: expected ':' after the key, found '1'`},
		{"lone minus", `[-]`, `line 1, column 3: expected a digit, found ']'`},
		{"bare decimal point", `[1.]`, `line 1, column 4: expected a digit after the decimal point, found ']'`},
		{"empty exponent", `[1e]`, `line 1, column 4: expected a digit in the exponent, found ']'`},
		{"unclosed string", `{"a": "b`, `line 1, column 9: the document ends inside a string`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := problemLines(t, []byte(tt.doc))
			want := []string{"(document): is not valid JSON: " + tt.want}
			if !slices.Equal(got, want) {
				t.Errorf("got  %q\nwant %q", got, want)
			}
		})
	}
}

func TestNesting(t *testing.T) {
	nest := func(n int) []byte {
		return []byte(strings.Repeat("[", n) + strings.Repeat("]", n))
	}
	tests := []struct {
		name string
		doc  []byte
		want string
	}{
		{"10,000 levels", nest(10000), "(document): must be a JSON object, found an array"},
		{"10,001 levels", nest(10001), "(document): is not valid JSON: line 1, column 10001: arrays and objects are nested more than 10000 deep"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := problemLines(t, tt.doc)
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestProblemOffset pins the byte offset a problem carries, which the CSV
// importer traces back to a cell: the value at fault, or the end of the
// object that lacks a member.
func TestProblemOffset(t *testing.T) {
	tests := []struct {
		name   string
		oldNew []string
		path   string
		at     string // what the document holds from the offset on
	}{
		{"value at fault", []string{`"to": "nimbus-cloud"`, `"to": "nimbus-clod"`}, "deals[1].to", `"nimbus-clod"`},
		{"member missing", []string{`"summary": "Acme Chips buys a stake in Acme AI.",`, ``}, "deals[0].summary", "}"},
		{"key given twice", []string{`"lab": {`, `"cloud": {`}, "kinds.cloud", `"cloud": { "label": "Cloud provider"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := tiny(t, tt.oldNew...)
			_, err := dataset.Load(doc)
			var ps dataset.Problems
			if !errors.As(err, &ps) {
				t.Fatalf("got %v, want problems", err)
			}
			for _, p := range ps {
				if p.Path == tt.path {
					if got := string(doc[p.Offset:]); !strings.HasPrefix(got, tt.at) {
						t.Errorf("at offset %d: %.40q, want %q", p.Offset, got, tt.at)
					}
					return
				}
			}
			t.Errorf("no problem at %s in %v", tt.path, ps)
		})
	}
}
