package dataset_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tidwall/gjson"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/loops"
)

// FuzzLoad checks that Load never panics and returns either a Dataset whose
// indexes hold together, whose dates are valid and on which loops.Find and
// the analysis run, or a non-empty list of problems each located by a JSON
// path; and that it takes a document as JSON exactly when encoding/json and
// gjson do. It is seeded with every file under data/ (the refused examples
// included) and with testdata/fuzz/FuzzLoad; build.sh test runs it for a
// bounded time.
func FuzzLoad(f *testing.F) {
	err := filepath.WalkDir("../../data", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".json") {
			return err
		}
		doc, err := os.ReadFile(path)
		if err == nil {
			f.Add(doc)
		}
		return err
	})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(checkLoad)
}

// spots are values of data/examples/tiny.json that FuzzLoadValue replaces,
// so that the fuzzer spends its time on documents that are JSON.
var spots = []string{
	`"ouroboros/1"`, `"2025-10-01"`, `"USD"`, `"#4F7CFF"`, `{ "label": "Chip maker", "color": "#f28e2b" }`,
	`"acme-ai"`, `"Acme AI"`, `"lab"`, `[0.5, 0.15]`, `{ "id": "acme-chips", "name": "Acme Chips", "kind": "chips" }`,
	`"chips-invests-in-ai"`, `"acme-chips"`, `"equity"`, `{ "value": 2000000000 }`, `12000000000`, `true`, `800`,
	`"2025-03"`, `"2030"`, `"definitive"`, `["trade-mar", "blog-sep"]`, `"https://example.com/blog/acme-loi"`,
	`"C"`, `"wire-jan"`, `"2025-06"`, `["acme-ai", "nimbus-cloud", "acme-chips"]`, `"circle"`,
}

// FuzzLoadValue replaces one value of a valid document by another piece of
// JSON text and checks the same as FuzzLoad.
func FuzzLoadValue(f *testing.F) {
	doc, err := os.ReadFile("../../data/examples/tiny.json")
	if err != nil {
		f.Fatal(err)
	}
	for i, v := range []string{`null`, `"x"`, `-1`, `[]`, `{}`, `"2024-02-29"`, `1e999`, `["a", "a"]`, `"acme-ai"`, `{"value": 0}`} {
		f.Add(uint8(i), v)
	}
	f.Fuzz(func(t *testing.T, spot uint8, value string) {
		old := spots[int(spot)%len(spots)]
		i := bytes.Index(doc, []byte(old))
		edited := slices.Concat(doc[:i], []byte(value), doc[i+len(old):])
		checkLoad(t, edited)
	})
}

// checkLoad loads doc and fails t unless the result is a consistent Dataset
// or a non-empty list of located problems.
func checkLoad(t *testing.T, doc []byte) {
	ds, err := dataset.Load(doc)
	isJSON := json.Valid(doc) && utf8.Valid(doc)
	// gjson.Valid has no nesting limit; the others stop at 10,000.
	shallow := bytes.Count(doc, []byte("["))+bytes.Count(doc, []byte("{")) <= 10000
	if shallow && (gjson.ValidBytes(doc) && utf8.Valid(doc)) != isJSON {
		t.Fatalf("gjson.Valid and encoding/json disagree")
	}
	if err == nil {
		if ds == nil {
			t.Fatal("got neither a dataset nor an error")
		}
		if !isJSON {
			t.Fatal("loaded a document that encoding/json refuses")
		}
		checkDataset(t, ds)
		checkDates(t, ds)
		checkAnalyses(t, ds)
		return
	}
	var ps dataset.Problems
	if ds != nil || !errors.As(err, &ps) || len(ps) == 0 || !errors.Is(err, dataset.ErrRefused) {
		t.Fatalf("got dataset %v and error %#v, want nil and a non-empty Problems", ds != nil, err)
	}
	for _, p := range ps {
		if p.Path == "" || p.Message == "" {
			t.Fatalf("got an empty path or message: %q", p.String())
		}
		if !locatedPath.MatchString(p.Path) || !strings.HasPrefix(p.String(), p.Path+": ") {
			t.Fatalf("problem %q does not start with a JSON path", p.String())
		}
	}
	syntax := len(ps) == 1 && strings.HasPrefix(ps[0].Message, "is not valid JSON: line ")
	if syntax == isJSON {
		t.Fatalf("encoding/json says valid=%v, Load says %q", isJSON, ps[0])
	}
}

// locatedPath is the shape of Problem.Path: the whole document, or a chain
// of members (name or ["quoted name"]) and items ([12]) from the top.
var locatedPath = regexp.MustCompile(`^(\(document\)|([A-Za-z0-9_-]+|\["(?:[^"\\]|\\.)*"\])(\.[A-Za-z0-9_-]+|\["(?:[^"\\]|\\.)*"\]|\[[0-9]+\])*)$`)

// checkDates fails t unless every date of ds is a real calendar date that
// ParseDate reads back from its text, or the zero Date where one is optional.
func checkDates(t testing.TB, ds *dataset.Dataset) {
	t.Helper()
	check := func(what string, d dataset.Date, optional bool) {
		t.Helper()
		if d.IsZero() {
			if !optional {
				t.Fatalf("%s is missing", what)
			}
			return
		}
		back, err := dataset.ParseDate(d.String())
		if err != nil || back != d {
			t.Fatalf("%s = %v does not parse back (%v, %v)", what, d, back, err)
		}
	}
	check("asOf", ds.AsOf, false)
	for _, d := range ds.Deals {
		check("deal "+d.ID+" date", d.Date, false)
		check("deal "+d.ID+" until", d.Until, true)
	}
	for _, s := range ds.Sources {
		check("source "+s.Key+" date", s.Date, true)
	}
	for _, st := range ds.Stories {
		for i, step := range st.Steps {
			check(fmt.Sprintf("story %s step %d asOf", st.ID, i+1), step.AsOf, true)
		}
	}
}

// checkAnalyses runs what the page runs on a loaded dataset, loops.Find and
// the analysis at every date, and fails t unless the loops they return name
// entities and deals of ds.
func checkAnalyses(t testing.TB, ds *dataset.Dataset) {
	t.Helper()
	res := loops.Find(ds, dataset.Date{}, loops.Limit)
	for _, lp := range res.Loops {
		for _, e := range lp.Entities {
			if e < 0 || e >= len(ds.Entities) {
				t.Fatalf("loops.Find returned entity %d of %d", e, len(ds.Entities))
			}
		}
		for _, h := range lp.Hops {
			for _, d := range h.Deals {
				if d < 0 || d >= len(ds.Deals) {
					t.Fatalf("loops.Find returned deal %d of %d", d, len(ds.Deals))
				}
			}
		}
	}
	a := analysis.New(ds)
	if a.At(dataset.Date{}) == nil || a.At(ds.AsOf) == nil {
		t.Fatal("analysis.At returned nil")
	}
	for _, d := range a.Dates() {
		if a.At(d) == nil {
			t.Fatalf("analysis.At(%v) returned nil", d)
		}
	}
}

// checkDataset fails t unless every index in ds is in range, the index maps
// agree with the slices, and the counts the format requires hold.
func checkDataset(t testing.TB, ds *dataset.Dataset) {
	t.Helper()
	inRange := func(what string, i, n int) {
		t.Helper()
		if i < 0 || i >= n {
			t.Fatalf("%s = %d, out of [0, %d)", what, i, n)
		}
	}
	checkIndex(t, "KindIndex", ds.KindIndex, len(ds.Kinds), func(i int) string { return ds.Kinds[i].Key })
	checkIndex(t, "EntityIndex", ds.EntityIndex, len(ds.Entities), func(i int) string { return ds.Entities[i].ID })
	checkIndex(t, "DealIndex", ds.DealIndex, len(ds.Deals), func(i int) string { return ds.Deals[i].ID })
	checkIndex(t, "SourceIndex", ds.SourceIndex, len(ds.Sources), func(i int) string { return ds.Sources[i].Key })
	if len(ds.Entities) < 2 || len(ds.Deals) < 1 {
		t.Fatalf("got %d entities and %d deals", len(ds.Entities), len(ds.Deals))
	}
	if ds.Title == "" || ds.AsOf.IsZero() || len(ds.Currency) != 3 {
		t.Fatalf("got title %q, asOf %v, currency %q", ds.Title, ds.AsOf, ds.Currency)
	}
	for _, e := range ds.Entities {
		inRange("entity kind", e.Kind, len(ds.Kinds))
		if e.Pin[0] < 0 || e.Pin[0] > 1 || e.Pin[1] < 0 || e.Pin[1] > 1 {
			t.Fatalf("entity %s pin %v", e.ID, e.Pin)
		}
	}
	cited := make([]bool, len(ds.Sources))
	for _, d := range ds.Deals {
		inRange("deal from", d.From, len(ds.Entities))
		inRange("deal to", d.To, len(ds.Entities))
		if d.From == d.To || len(d.Sources) == 0 || d.Date.IsZero() || d.Summary == "" {
			t.Fatalf("deal %s: from %d to %d, %d sources, date %v", d.ID, d.From, d.To, len(d.Sources), d.Date)
		}
		if d.Amount != nil && !(d.Amount.Value > 0) || d.CapacityMW < 0 || !d.Until.IsZero() && d.Until.Compare(d.Date) < 0 {
			t.Fatalf("deal %s: amount %v, capacity %v, until %v", d.ID, d.Amount, d.CapacityMW, d.Until)
		}
		if d.Type.String() == "" || strings.Contains(d.Type.String()+d.Status.String(), "(") {
			t.Fatalf("deal %s: type %v, status %v", d.ID, d.Type, d.Status)
		}
		for _, s := range d.Sources {
			inRange("deal source", s, len(ds.Sources))
			cited[s] = true
		}
		prev := d.Date
		for k, u := range d.Updates {
			if u.Date.Compare(prev) <= 0 || u.Summary == "" || len(u.Sources) == 0 {
				t.Fatalf("deal %s update %d: date %v after %v, summary %q, %d sources", d.ID, k, u.Date, prev, u.Summary, len(u.Sources))
			}
			if u.Amount != nil && !(u.Amount.Value > 0) || u.CapacityMW < 0 || u.CapacityMW > 0 && !d.Type.BuysCapacity() {
				t.Fatalf("deal %s update %d: amount %v, capacity %v", d.ID, k, u.Amount, u.CapacityMW)
			}
			if strings.Contains(u.Status.String(), "(") {
				t.Fatalf("deal %s update %d: status %v", d.ID, k, u.Status)
			}
			for _, s := range u.Sources {
				inRange("update source", s, len(ds.Sources))
				cited[s] = true
			}
			prev = u.Date
		}
	}
	for _, st := range ds.Stories {
		if len(st.Steps) == 0 {
			t.Fatalf("story %s has no steps", st.ID)
		}
		for _, step := range st.Steps {
			for _, e := range step.FocusEntities {
				inRange("focus entity", e, len(ds.Entities))
			}
			for _, d := range step.FocusDeals {
				inRange("focus deal", d, len(ds.Deals))
			}
			for _, s := range step.Sources {
				inRange("step source", s, len(ds.Sources))
				cited[s] = true
			}
		}
	}
	for i, c := range cited {
		if !c {
			t.Fatalf("source %s is not cited", ds.Sources[i].Key)
		}
	}
}

// checkIndex fails t unless index maps each key to the item that has it and
// covers all n items.
func checkIndex(t testing.TB, name string, index map[string]int, n int, key func(int) string) {
	t.Helper()
	if len(index) != n {
		t.Fatalf("%s has %d keys for %d items", name, len(index), n)
	}
	for k, i := range index {
		if i < 0 || i >= n || key(i) != k {
			t.Fatalf("%s[%q] = %d, which does not have that key", name, k, i)
		}
	}
}
