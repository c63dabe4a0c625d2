// Package data_test checks the shipped datasets: each is valid for both the
// loader and data/schema.json, the refused examples are refused by both
// (where JSON Schema can state the rule), and the bundled file keeps the
// facts that readers will check.
package data_test

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/loops"
)

func schema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("schema.json: %v", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("file:///schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("file:///schema.json")
	if err != nil {
		t.Fatalf("schema.json does not compile: %v", err)
	}
	return s
}

// schemaErr validates a document with the schema; a document that is not
// JSON at all counts as refused.
func schemaErr(s *jsonschema.Schema, doc []byte) error {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return err
	}
	return s.Validate(v)
}

func shipped(t *testing.T) []string {
	t.Helper()
	files, _ := filepath.Glob("*.json")
	more, _ := filepath.Glob("examples/*.json")
	files = append(files, more...)
	var out []string
	for _, f := range files {
		if f != "schema.json" {
			out = append(out, f)
		}
	}
	if len(out) < 3 {
		t.Fatalf("found %v, want the bundled dataset and the examples", out)
	}
	return out
}

func TestShippedDatasetsAreValid(t *testing.T) {
	s := schema(t)
	for _, f := range shipped(t) {
		t.Run(f, func(t *testing.T) {
			doc, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := dataset.Load(doc); err != nil {
				t.Errorf("the loader refuses it:\n%v", err)
			}
			if err := schemaErr(s, doc); err != nil {
				t.Errorf("schema.json refuses it:\n%v", err)
			}
		})
	}
}

// schemaCannotSay lists the refused examples whose rule JSON Schema cannot
// state: references between parts of the document, uniqueness of ids
// inside objects, calendar validity, duplicate members, and bytes that are
// not UTF-8 (which a JSON Schema library never sees). schema.json names
// these rules in its descriptions; the loader enforces them.
var schemaCannotSay = map[string]bool{
	"asof-calendar.json":          true,
	"deal-from-unknown.json":      true,
	"deal-id-duplicate.json":      true,
	"deal-self-loop.json":         true,
	"deal-source-unknown.json":    true,
	"deal-to-unknown.json":        true,
	"deal-until-before-date.json": true,
	"entity-id-duplicate.json":    true,
	"entity-kind-unknown.json":    true,
	"kinds-duplicate-key.json":    true,
	"member-twice.json":           true,
	"source-uncited.json":         true,
	"sources-duplicate-key.json":  true,
	"step-focus-deal.json":        true,
	"step-focus-entity.json":      true,
	"step-source-unknown.json":    true,
	"story-id-duplicate.json":     true,
	"update-before-date.json":     true,
	"update-order.json":           true,
	"update-source-unknown.json":  true,
	"json-utf8.json":              true,
	"number-too-large.json":       true,
}

func TestRefusedExamplesAreRefused(t *testing.T) {
	s := schema(t)
	files, _ := filepath.Glob("examples/refused/*.json")
	if len(files) < 40 {
		t.Fatalf("found %d refused examples, want one per rule", len(files))
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			doc, _ := os.ReadFile(f)
			if _, err := dataset.Load(doc); err == nil {
				t.Error("the loader accepts it")
			}
			err := schemaErr(s, doc)
			switch {
			case err == nil && !schemaCannotSay[name]:
				t.Error("schema.json accepts it")
			case err != nil && schemaCannotSay[name]:
				t.Errorf("schema.json refuses it, so its rule can be stated: remove it from schemaCannotSay (%v)", firstLine(err))
			}
		})
	}
}

func firstLine(err error) string {
	s := err.Error()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func bundled(t *testing.T) *dataset.Dataset {
	t.Helper()
	doc, err := os.ReadFile("ai-compute.json")
	if err != nil {
		t.Fatal(err)
	}
	d, err := dataset.Load(doc)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// The loops readers come for must be in the bundled network.
func TestBundledLoops(t *testing.T) {
	d := bundled(t)
	found := map[string]bool{}
	for _, lp := range loops.Find(d, dataset.Date{}, loops.Limit).Loops {
		found[strings.Join(lp.EntityIDs(d), " ")] = true
	}
	for _, want := range [][]string{
		{"nvidia", "openai", "oracle"},
		{"amd", "openai"},
		{"coreweave", "openai"},
		{"microsoft", "openai"},
		{"amazon", "anthropic"},
		{"anthropic", "google"},
	} {
		if !found[strings.Join(want, " ")] {
			keys := make([]string, 0, len(found))
			for k := range found {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			t.Errorf("no loop %v; the loops are:\n%s", want, strings.Join(keys, "\n"))
		}
	}
	// The canonical loop runs the money's way: Nvidia → OpenAI → Oracle → Nvidia.
	i := func(id string) int { return d.EntityIndex[id] }
	for _, hop := range [][2]string{{"nvidia", "openai"}, {"openai", "oracle"}, {"oracle", "nvidia"}} {
		if _, ok := loops.NewGraph(d, dataset.Date{}).Edge(i(hop[0]), i(hop[1])); !ok {
			t.Errorf("no money from %s to %s", hop[0], hop[1])
		}
	}
}

func TestBundledFacts(t *testing.T) {
	d := bundled(t)
	if len(d.Entities) < 45 || len(d.Deals) < 60 || len(d.Stories) < 4 {
		t.Errorf("%d entities, %d deals, %d stories; want at least 45, 60 and 4", len(d.Entities), len(d.Deals), len(d.Stories))
	}
	// Nvidia → OpenAI $100B was only ever a letter of intent, up to $100B.
	var d09 *dataset.Deal
	for i := range d.Deals {
		dl := &d.Deals[i]
		if d.Entities[dl.From].ID == "nvidia" && d.Entities[dl.To].ID == "openai" && dl.Amount != nil && dl.Amount.Value == 100e9 {
			d09 = dl
		}
	}
	if d09 == nil {
		t.Fatal("no $100B Nvidia → OpenAI deal")
	}
	if d09.Status != dataset.LOI || !d09.Amount.UpTo || d09.Type != dataset.Equity {
		t.Errorf("Nvidia → OpenAI $100B: status %v, up to %v, type %v; want an LOI, up to, equity", d09.Status, d09.Amount.UpTo, d09.Type)
	}
	// Every deal and update cites an A or B source, or says it is reported.
	sayReported := func(where string, sources []int, summary string) {
		for _, s := range sources {
			if t := d.Sources[s].Tier; t == dataset.TierA || t == dataset.TierB {
				return
			}
		}
		if !strings.Contains(strings.ToLower(summary), "reported") {
			t.Errorf("%s cites no A or B source and does not say \"reported\"", where)
		}
	}
	for _, dl := range d.Deals {
		sayReported("deal "+dl.ID, dl.Sources, dl.Summary)
		for _, u := range dl.Updates {
			sayReported("deal "+dl.ID+", update of "+u.Date.String(), u.Sources, u.Summary)
		}
	}
	// Every story step moves the timeline and has a focus.
	for _, st := range d.Stories {
		for i, step := range st.Steps {
			if step.AsOf.IsZero() || len(step.FocusEntities) == 0 {
				t.Errorf("story %s step %d: asOf %v, %d focus entities; want both", st.ID, i+1, step.AsOf, len(step.FocusEntities))
			}
		}
	}
}

func load(t *testing.T, name string) *dataset.Dataset {
	t.Helper()
	doc, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	d, err := dataset.Load(doc)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
