package analysis_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenDatasets are the shipped datasets whose reports are pinned: the
// bundled one and every example that loads (not those in refused/).
func goldenDatasets(t testing.TB) []string {
	t.Helper()
	examples, err := filepath.Glob("../../data/examples/*.json")
	if err != nil || len(examples) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	return append([]string{"../../data/ai-compute.json"}, examples...)
}

func loadFile(t testing.TB, path string) *dataset.Dataset {
	t.Helper()
	doc, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := dataset.Load(doc)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return d
}

// snapshotReport is every card of a snapshot.
type snapshotReport struct {
	AsOf           string                  `json:"asOf"`
	LoopsTruncated bool                    `json:"loopsTruncated"`
	Entities       []analysis.EntityReport `json:"entities"`
	Loops          []analysis.LoopReport   `json:"loops"`
}

// TestGolden pins the reports of the shipped datasets, with every deal and
// at the middle date of their timelines. Run with -update to rewrite them
// after a deliberate change, and read the diff.
func TestGolden(t *testing.T) {
	for _, path := range goldenDatasets(t) {
		name := strings.TrimSuffix(filepath.Base(path), ".json")
		t.Run(name, func(t *testing.T) {
			d := loadFile(t, path)
			a := analysis.New(d)
			doc := struct {
				Dates     []dataset.Date   `json:"dates"`
				Snapshots []snapshotReport `json:"snapshots"`
			}{Dates: a.Dates()}
			for _, asOf := range []dataset.Date{{}, a.Dates()[len(a.Dates())/2]} {
				s := a.At(asOf)
				r := snapshotReport{AsOf: asOf.String(), LoopsTruncated: s.Truncated, Entities: []analysis.EntityReport{}, Loops: []analysis.LoopReport{}}
				for e := range d.Entities {
					r.Entities = append(r.Entities, s.EntityReport(e))
				}
				for k := range s.Loops {
					r.Loops = append(r.Loops, s.LoopReport(k))
				}
				doc.Snapshots = append(doc.Snapshots, r)
			}
			got, err := json.MarshalIndent(doc, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			file := filepath.Join("testdata", name+".golden.json")
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("reports of %s differ from %s; run go test -update and read the diff", path, file)
			}
		})
	}
}
