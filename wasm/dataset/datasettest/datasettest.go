// Package datasettest holds the datasets the packages' tests share: a
// two-entity network small enough to check by hand, a dense one with
// thousands of loops, and the bundled dataset. Only tests import it, so it never reaches the program.
package datasettest

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
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

// Dense is the document of n entities with a deal each way between every
// two, equity one way and compute the other, dated across 2023, 2024 and
// 2025: thousands of loops from n = 7 on, as a large network has.
func Dense(n int) []byte {
	var ents, deals []string
	for i := range n {
		ents = append(ents, fmt.Sprintf(`{"id":"e%d","name":"E%d","kind":"k"}`, i, i))
	}
	k := 0
	for i := range n {
		for j := range n {
			if i == j {
				continue
			}
			typ := "equity"
			if i > j {
				typ = "compute"
			}
			deals = append(deals, fmt.Sprintf(`{"id":"d%d","from":"e%d","to":"e%d","type":"%s","date":"%d-%02d","status":"completed","summary":"s","sources":["s"]}`,
				k, i, j, typ, 2023+k%3, 1+k%12))
			k++
		}
	}
	return []byte(`{"format":"ouroboros/1","title":"Dense","asOf":"2026-01-01","kinds":{"k":{"label":"K","color":"#4499dd"}},"entities":[` +
		strings.Join(ents, ",") + `],"deals":[` + strings.Join(deals, ",") + `],"sources":{"s":{"publisher":"P","url":"https://example.com/"}}}`)
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
