package sheets

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

var update = flag.Bool("update", false, "write data/csv/ai-compute from data/ai-compute.json")

const dataDir = "../../data"

// TestTwin keeps the bundled dataset's CSV twin complete: converting it
// gives data/ai-compute.json byte for byte, once both are in the canonical
// form (the JSON file writes some whole numbers as 2000000000.0 and, in a
// few deals, amount after sources).
func TestTwin(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join(dataDir, "ai-compute.json"))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(dataDir, "csv", "ai-compute")
	if *update {
		files, err := export(doc)
		if err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(dir, 0o755)
		for name, b := range files {
			if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	want, err := Format(doc)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Convert(os.DirFS(dir))
	if err != nil {
		t.Fatalf("the twin is refused:\n%v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the twin converts to a different document; first difference:\n%s", firstDifference(got, want))
	}
}

// TestTemplate converts data/template, the folder a newsroom copies.
func TestTemplate(t *testing.T) {
	doc, err := Convert(os.DirFS(filepath.Join(dataDir, "template")))
	if err != nil {
		t.Fatalf("the template is refused:\n%v", err)
	}
	for _, want := range []string{`"Example Lab`, `"stories": [`, `"updates": [`} {
		if !bytes.Contains(doc, []byte(want)) {
			t.Errorf("the template's document lacks %s", want)
		}
	}
}

// TestRoundTrip exports each example document as CSV and converts it back.
func TestRoundTrip(t *testing.T) {
	for _, name := range []string{"tiny.json", "twoloops.json"} {
		t.Run(name, func(t *testing.T) {
			doc, err := os.ReadFile(filepath.Join(dataDir, "examples", name))
			if err != nil {
				t.Fatal(err)
			}
			files, err := export(doc)
			if err != nil {
				t.Fatal(err)
			}
			fsys := fstest.MapFS{}
			for n, b := range files {
				fsys[n] = &fstest.MapFile{Data: b}
			}
			got, err := Convert(fsys)
			if err != nil {
				t.Fatalf("refused:\n%v", err)
			}
			want, _ := Format(doc)
			if !bytes.Equal(got, want) {
				t.Errorf("first difference:\n%s", firstDifference(got, want))
			}
		})
	}
}

// firstDifference shows the first line where got and want differ.
func firstDifference(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) && i < len(w); i++ {
		if g[i] != w[i] {
			return "line " + itoa(i+1) + ":\n got  " + g[i] + "\n want " + w[i]
		}
	}
	return "lengths: got " + itoa(len(g)) + " lines, want " + itoa(len(w))
}
