package dataset_test

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"ouroboros/wasm/dataset"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

const (
	examplesDir = "../../data/examples"
	refusedDir  = "../../data/examples/refused"
	goldenFile  = "testdata/refused.golden"
)

// refusedPaths names, for each refused example, the path of the problem it
// was written to show.
var refusedPaths = map[string]string{
	"amount-flag-type.json":          "deals[1].amount.upTo",
	"amount-type.json":               "deals[0].amount",
	"amount-value.json":              "deals[0].amount.value",
	"asof-calendar.json":             "asOf",
	"asof-missing.json":              "asOf",
	"capacity-on-equity.json":        "deals[0].capacityMW",
	"capacity-value.json":            "deals[1].capacityMW",
	"currency-code.json":             "currency",
	"date-syntax.json":               "deals[0].date",
	"deal-from-unknown.json":         "deals[0].from",
	"deal-id-duplicate.json":         "deals[3].id",
	"deal-id-empty.json":             "deals[3].id",
	"deal-self-loop.json":            "deals[3].to",
	"deal-source-unknown.json":       "deals[3].sources[0]",
	"deal-sources-empty.json":        "deals[0].sources",
	"deal-status-enum.json":          "deals[3].status",
	"deal-summary-missing.json":      "deals[0].summary",
	"deal-to-unknown.json":           "deals[2].to",
	"deal-type-enum.json":            "deals[0].type",
	"deal-until-before-date.json":    "deals[1].until",
	"deals-empty.json":               "deals",
	"deals-type.json":                "deals",
	"entities-too-few.json":          "entities",
	"entities-type.json":             "entities",
	"entity-id-duplicate.json":       "entities[2].id",
	"entity-id-length.json":          "entities[0].id",
	"entity-id-pattern.json":         "entities[0].id",
	"entity-kind-unknown.json":       "entities[1].kind",
	"entity-name-length.json":        "entities[2].name",
	"entity-name-missing.json":       "entities[1].name",
	"entity-note-type.json":          "entities[2].note",
	"format-missing.json":            "format",
	"format-version.json":            "format",
	"json-syntax.json":               "(document)",
	"json-utf8.json":                 "(document)",
	"kind-color.json":                "kinds.chips.color",
	"kind-label-missing.json":        "kinds.lab.label",
	"kind-type.json":                 "kinds.lab",
	"kinds-duplicate-key.json":       "kinds.lab",
	"kinds-type.json":                "kinds",
	"member-twice.json":              "deals[0].to",
	"number-too-large.json":          "deals[0].amount.value",
	"pin-range.json":                 "entities[0].pin[1]",
	"pin-shape.json":                 "entities[0].pin",
	"source-date.json":               "sources.wire-jan.date",
	"source-publisher-missing.json":  "sources.blog-sep.publisher",
	"source-tier.json":               "sources.blog-sep.tier",
	"source-uncited.json":            "sources.unused-note",
	"sources-duplicate-key.json":     "sources.wire-jan",
	"sources-type.json":              "sources",
	"step-asof.json":                 "stories[0].steps[1].asOf",
	"step-focus-missing.json":        "stories[0].steps[0].focus",
	"step-focus-deals-missing.json":  "stories[0].steps[0].focus.deals",
	"step-focus-deal.json":           "stories[0].steps[0].focus.deals[0]",
	"step-focus-entity.json":         "stories[0].steps[1].focus.entities[1]",
	"step-source-unknown.json":       "stories[0].steps[0].sources[0]",
	"step-text-missing.json":         "stories[0].steps[0].text",
	"stories-type.json":              "stories",
	"story-id-duplicate.json":        "stories[1].id",
	"story-steps-empty.json":         "stories[0].steps",
	"story-title-missing.json":       "stories[0].title",
	"subtitle-type.json":             "subtitle",
	"title-empty.json":               "title",
	"title-missing.json":             "title",
	"title-type.json":                "title",
	"top-level-object.json":          "(document)",
	"update-before-date.json":        "deals[3].updates[0].date",
	"update-capacity-on-equity.json": "deals[0].updates[0].capacityMW",
	"update-order.json":              "deals[3].updates[1].date",
	"update-source-unknown.json":     "deals[3].updates[0].sources[0]",
	"url-host.json":                  "sources.blog-sep.url",
	"url-javascript.json":            "sources.blog-sep.url",
	"url-relative.json":              "sources.blog-sep.url",
	"url-scheme.json":                "sources.blog-sep.url",
}

// jsonFiles returns the names of the .json files in dir, sorted.
func jsonFiles(t testing.TB, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".json") {
			names = append(names, e.Name())
		}
	}
	return names
}

// loadFile loads one file and returns its problems (nil when valid).
func loadFile(t testing.TB, name string) (*dataset.Dataset, dataset.Problems) {
	t.Helper()
	doc, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	ds, err := dataset.Load(doc)
	if err == nil {
		return ds, nil
	}
	var ps dataset.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("Load(%s) returned %T, want dataset.Problems", name, err)
	}
	return nil, ps
}

func TestValidExamples(t *testing.T) {
	names := jsonFiles(t, examplesDir)
	if len(names) < 2 {
		t.Fatalf("found %d valid examples in %s, want at least 2", len(names), examplesDir)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			ds, ps := loadFile(t, filepath.Join(examplesDir, name))
			if len(ps) > 0 {
				t.Fatalf("got problems:\n%v", ps)
			}
			checkDataset(t, ds)
		})
	}
}

func TestRefusedExamples(t *testing.T) {
	names := jsonFiles(t, refusedDir)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			want, ok := refusedPaths[name]
			if !ok {
				t.Fatalf("%s has no expected path in refusedPaths", name)
			}
			ds, ps := loadFile(t, filepath.Join(refusedDir, name))
			if ds != nil || len(ps) == 0 {
				t.Fatalf("got a dataset and no problems, want a problem at %s", want)
			}
			var got []string
			for _, p := range ps {
				got = append(got, p.Path)
			}
			if !slices.Contains(got, want) {
				t.Errorf("got problems at %q, want one at %q", got, want)
			}
		})
	}
	for name := range refusedPaths {
		if !slices.Contains(names, name) {
			t.Errorf("refusedPaths names %s, which is not in %s", name, refusedDir)
		}
	}
}

// TestRefusedGolden pins the exact text of every problem the refused
// examples produce.
func TestRefusedGolden(t *testing.T) {
	var b strings.Builder
	b.WriteString("# The problems Load reports for each file of data/examples/refused.\n")
	b.WriteString("# Rewrite with: go test ./wasm/dataset/ -run TestRefusedGolden -update\n")
	for _, name := range jsonFiles(t, refusedDir) {
		_, ps := loadFile(t, filepath.Join(refusedDir, name))
		b.WriteString("\n== " + name + "\n")
		for _, p := range ps {
			b.WriteString(p.String() + "\n")
		}
	}
	got := b.String()
	if *update {
		if err := os.WriteFile(goldenFile, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(goldenFile)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("problems differ from %s (run with -update to accept):\n%s", goldenFile, lineDiff(string(want), got))
	}
}

// lineDiff lists the lines only in want (-) and only in got (+).
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for _, l := range w {
		if !slices.Contains(g, l) {
			b.WriteString("- " + l + "\n")
		}
	}
	for _, l := range g {
		if !slices.Contains(w, l) {
			b.WriteString("+ " + l + "\n")
		}
	}
	return b.String()
}
