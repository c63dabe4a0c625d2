// Package datasettest holds the datasets the packages' tests share: a
// two-entity network small enough to check by hand, and the bundled
// dataset. Only tests import it, so it never reaches the program.
package datasettest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"ouroboros/wasm/dataset"
)

// TwoWay is two entities paying each other: b → a $5 of equity in 2025;
// a → b compute (undisclosed, 2025-06) and $7 of chips (2025-07). One loop.
func TwoWay() *dataset.Dataset {
	doc := `{"format":"ouroboros/1","title":"T","asOf":"2026-01","kinds":{"k":{"label":"K","color":"#112233"}},
	"entities":[{"id":"b","name":"B","kind":"k"},{"id":"a","name":"A","kind":"k"}],
	"deals":[{"id":"d1","from":"b","to":"a","type":"equity","amount":{"value":5},"date":"2025","status":"completed","summary":"s","sources":["s"]},
	         {"id":"d2","from":"a","to":"b","type":"compute","date":"2025-06","status":"announced","summary":"s","sources":["s"]},
	         {"id":"d3","from":"a","to":"b","type":"chips","amount":{"value":7},"date":"2025-07","status":"reported","summary":"s","sources":["s"]}],
	"sources":{"s":{"publisher":"P","url":"https://example.com/"}}}`
	d, err := dataset.Load([]byte(doc))
	if err != nil {
		panic(err) // the document above is valid
	}
	return d
}

// Bundled loads data/ai-compute.json, found from this file's place in the
// repository, so that any package's test can use it.
func Bundled(t testing.TB) *dataset.Dataset {
	t.Helper()
	_, here, _, _ := runtime.Caller(0)
	doc, err := os.ReadFile(filepath.Join(filepath.Dir(here), "..", "..", "..", "data", "ai-compute.json"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := dataset.Load(doc)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
