package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"

	"ouroboros/wasm/dataset"
)

// syntheticPrefix is where the bench's server answers with a generated
// dataset: /data/bench/random-1000x3000.json is a seeded network of 1,000
// entities and 3,000 deals, made on request, so that no large file is
// committed or written into dist/. Any size NxM works in -paths.
const syntheticPrefix = "/data/bench/random-"

// withSynthetic serves the generated datasets and passes every other
// request to next.
func withSynthetic(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, ok := strings.CutPrefix(r.URL.Path, syntheticPrefix)
		if !ok {
			next.ServeHTTP(w, r)
			return
		}
		n, m, ok := parseSize(strings.TrimSuffix(name, ".json"))
		if !ok || !strings.HasSuffix(name, ".json") {
			http.Error(w, "want "+syntheticPrefix+"NxM.json with 2 ≤ N ≤ 100000 and 1 ≤ M ≤ 1000000", http.StatusNotFound)
			return
		}
		doc, err := synthetic(n, m, 1)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-cache")
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(doc))
	})
}

func parseSize(s string) (n, m int, ok bool) {
	a, b, found := strings.Cut(s, "x")
	n, err1 := strconv.Atoi(a)
	m, err2 := strconv.Atoi(b)
	return n, m, found && err1 == nil && err2 == nil && n >= 2 && n <= 100000 && m >= 1 && m <= 1000000
}

// synthetic writes a seeded, valid dataset of n entities and m deals: every
// deal type and status, a third of amounts undisclosed, capacity on some
// compute, chips and power deals, dates over 2020–2026. It is checked with
// the program's own loader, so a bench never measures a refused page.
func synthetic(n, m int, seed uint64) ([]byte, error) {
	r := rand.New(rand.NewPCG(seed, 0x62656e63))
	types := []string{"equity", "compute", "chips", "power", "warrants", "debt", "backstop", "acquisition"}
	statuses := []string{"talks", "loi", "announced", "reported", "definitive", "completed", "terminated"}
	kinds := []string{"lab", "chips", "cloud", "financier"}
	var b bytes.Buffer
	fmt.Fprintf(&b, `{"format": "ouroboros/1", "title": "Synthetic network: %d entities, %d deals",
"subtitle": "Generated for benchmarks (seed %d); no real companies or deals.", "asOf": "2026-12-31",
"kinds": {"lab": {"label": "Lab", "color": "#4e79a7"}, "chips": {"label": "Chips", "color": "#f28e2b"},
 "cloud": {"label": "Cloud", "color": "#59a14f"}, "financier": {"label": "Financier", "color": "#b07aa1"}},
"sources": {"s": {"publisher": "Ouroboros bench", "url": "https://example.com/bench"}},
"entities": [`, n, m, seed)
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "\n {\"id\": \"e%d\", \"name\": \"Entity %d\", \"kind\": %q}", i, i, kinds[r.IntN(len(kinds))])
	}
	b.WriteString("],\n\"deals\": [")
	for i := range m {
		if i > 0 {
			b.WriteString(",")
		}
		from := r.IntN(n)
		to := (from + 1 + r.IntN(n-1)) % n
		typ := types[r.IntN(len(types))]
		fmt.Fprintf(&b, "\n {\"id\": \"d%d\", \"from\": \"e%d\", \"to\": \"e%d\", \"type\": %q", i, from, to, typ)
		if r.IntN(3) > 0 {
			fmt.Fprintf(&b, ", \"amount\": {\"value\": %d}", (1+r.IntN(1000))*10_000_000)
		}
		if (typ == "compute" || typ == "chips" || typ == "power") && r.IntN(2) == 0 {
			fmt.Fprintf(&b, ", \"capacityMW\": %d", 1+r.IntN(5000))
		}
		fmt.Fprintf(&b, ", \"date\": \"%d-%02d\", \"status\": %q, \"summary\": \"Deal %d.\", \"sources\": [\"s\"]}",
			2020+r.IntN(7), 1+r.IntN(12), statuses[r.IntN(len(statuses))], i)
	}
	b.WriteString("]}\n")
	if _, err := dataset.Load(b.Bytes()); err != nil {
		return nil, fmt.Errorf("the synthetic dataset %dx%d is invalid: %w", n, m, err)
	}
	return b.Bytes(), nil
}
