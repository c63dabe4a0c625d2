package dataset_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"ouroboros/wasm/dataset"
)

func BenchmarkLoad(b *testing.B) {
	small, err := os.ReadFile(examplesDir + "/twoloops.json")
	if err != nil {
		b.Fatal(err)
	}
	docs := []struct {
		name string
		doc  []byte
	}{
		{"twoloops", small},
		{"2000x10000", largeDoc(2000, 10000, 1)},
	}
	for _, d := range docs {
		b.Run(d.name, func(b *testing.B) {
			if _, err := dataset.Load(d.doc); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(d.doc)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := dataset.Load(d.doc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// largeDoc builds a valid document of n entities and m deals from a seed.
func largeDoc(n, m int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, seed))
	kinds := []string{"lab", "chips", "cloud", "power"}
	types := []string{"equity", "compute", "chips", "power", "warrants", "debt", "backstop", "acquisition"}
	statuses := []string{"talks", "loi", "announced", "reported", "definitive", "completed", "terminated"}
	nSources := m / 10
	var b strings.Builder
	b.WriteString(`{"format": "ouroboros/1", "title": "Generated network", "asOf": "2026-01-01", "kinds": {`)
	for i, k := range kinds {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "\n  %q: {\"label\": \"Kind %d\", \"color\": \"#%06x\"}", k, i, r.IntN(1<<24))
	}
	b.WriteString("},\n\"entities\": [")
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "\n  {\"id\": \"entity-%d\", \"name\": \"Entity %d\", \"kind\": %q", i, i, kinds[r.IntN(len(kinds))])
		if r.IntN(10) == 0 {
			fmt.Fprintf(&b, ", \"pin\": [%.3f, %.3f]", r.Float64(), r.Float64())
		}
		b.WriteString(", \"note\": \"A generated party.\"}")
	}
	b.WriteString("],\n\"deals\": [")
	for i := range m {
		if i > 0 {
			b.WriteString(",")
		}
		from := r.IntN(n)
		to := (from + 1 + r.IntN(n-1)) % n
		typ := types[r.IntN(len(types))]
		fmt.Fprintf(&b, "\n  {\"id\": \"d%d\", \"from\": \"entity-%d\", \"to\": \"entity-%d\", \"type\": %q", i, from, to, typ)
		if r.IntN(3) > 0 {
			fmt.Fprintf(&b, ", \"amount\": {\"value\": %d, \"upTo\": %v}", 1+r.IntN(1e10), r.IntN(2) == 0)
		}
		if typ == "compute" || typ == "chips" || typ == "power" {
			fmt.Fprintf(&b, ", \"capacityMW\": %d", 1+r.IntN(5000))
		}
		fmt.Fprintf(&b, ", \"date\": \"%d-%02d-%02d\", \"status\": %q", 2023+r.IntN(4), 1+r.IntN(12), 1+r.IntN(28), statuses[r.IntN(len(statuses))])
		fmt.Fprintf(&b, ", \"summary\": \"Generated deal number %d.\", \"sources\": [\"s%d\", \"s%d\"]}", i, i%nSources, r.IntN(nSources))
	}
	b.WriteString("],\n\"sources\": {")
	for i := range nSources {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "\n  \"s%d\": {\"publisher\": \"Example Wire\", \"url\": \"https://example.com/news/%d\", \"date\": \"2025-06\", \"tier\": \"B\"}", i, i)
	}
	b.WriteString("},\n\"stories\": [{\"id\": \"main\", \"title\": \"Tour\", \"steps\": [")
	for i := range 20 {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "\n  {\"title\": \"Step %d\", \"text\": \"Look here.\", \"focus\": {\"entities\": [\"entity-%d\"], \"deals\": [\"d%d\"]}}", i, r.IntN(n), r.IntN(m))
	}
	b.WriteString("]}]}\n")
	return []byte(b.String())
}

// TestLargeDoc makes sure the benchmark's document is valid, so that the
// benchmark measures the path a real document takes.
func TestLargeDoc(t *testing.T) {
	ds, err := dataset.Load(largeDoc(200, 1000, 7))
	if err != nil {
		t.Fatal(err)
	}
	checkDataset(t, ds)
}
