//go:build browser

package e2e_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"net/http"
	"time"

	"ouroboros/wasm/dataset"
)

// generatedPath is a seeded network of 200 entities that a newsroom might
// bring: made on request by the test server (withGenerated), so that the
// loop-first picture is checked on a dataset that is not the bundled one.
const generatedPath = "/gen/net-200.json"

// withGenerated answers generatedPath and passes every other request on.
func withGenerated(next http.Handler) http.Handler {
	doc := generated(200, 1)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != generatedPath {
			next.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(doc))
	})
}

// generated writes n entities of four kinds with ten circular deals (a
// stake paid back as compute or chips, over two or three hops, with
// amounts from $2B to $200B) among a dozen hubs, and 2n random deals of
// every type and status round them. It panics if the program's loader
// refuses it: the tests must never measure a refused page.
func generated(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 200))
	kinds := []string{"lab", "chips", "cloud", "financier"}
	var b bytes.Buffer
	fmt.Fprintf(&b, `{"format": "ouroboros/1", "title": "A generated network of %d entities",
"asOf": "2026-12-31",
"kinds": {"lab": {"label": "Lab", "color": "#e8875f"}, "chips": {"label": "Chips", "color": "#b8f2a0"},
 "cloud": {"label": "Cloud", "color": "#a98be8"}, "financier": {"label": "Financier", "color": "#6f8fb0"}},
"sources": {"s": {"publisher": "Test", "url": "https://example.com/test"}},
"entities": [`, n)
	for i := range n {
		sep := ","
		if i == 0 {
			sep = ""
		}
		fmt.Fprintf(&b, "%s\n {\"id\": \"e%d\", \"name\": \"Company %d\", \"kind\": %q}", sep, i, i, kinds[i%4])
	}
	b.WriteString("],\n\"deals\": [")
	id := 0
	deal := func(from, to int, typ string, amount int64, status string) {
		sep := ","
		if id == 0 {
			sep = ""
		}
		amt := ""
		if amount > 0 {
			amt = fmt.Sprintf(", \"amount\": {\"value\": %d}", amount)
		}
		fmt.Fprintf(&b, "%s\n {\"id\": \"d%d\", \"from\": \"e%d\", \"to\": \"e%d\", \"type\": %q%s, \"date\": \"%d-%02d\", \"status\": %q, \"summary\": \"Deal %d.\", \"sources\": [\"s\"]}",
			sep, id, from, to, typ, amt, 2023+r.IntN(4), 1+r.IntN(12), status, id)
		id++
	}
	// Ten circular deals among hubs 0–11: each pays a stake out and gets
	// it back as purchases.
	for k := range 10 {
		a, b2, c := k%12, (k*5+3)%12, (k*7+5)%12
		for c == b2 || c == a {
			c = (c + 1) % 12
		}
		v := int64(2+r.IntN(199)) * 1_000_000_000
		deal(a, b2, "equity", v, "completed")
		if k%2 == 0 {
			deal(b2, a, "compute", v*2, "definitive")
		} else {
			deal(b2, c, "chips", v, "announced")
			deal(c, a, "compute", v, "reported")
		}
	}
	// The rest: random deals that never invest, so they add loops but no
	// circular deal, between the hubs and everyone else.
	statuses := []string{"talks", "loi", "announced", "reported", "definitive", "completed"}
	buys := []string{"compute", "chips", "power"}
	for range 2 * n {
		from := 12 + r.IntN(n-12)
		to := r.IntN(n)
		if to == from {
			to = (to + 1) % n
		}
		var amount int64
		if r.IntN(3) > 0 {
			amount = int64(1+r.IntN(500)) * 10_000_000
		}
		deal(from, to, buys[r.IntN(3)], amount, statuses[r.IntN(len(statuses))])
	}
	b.WriteString("]}\n")
	if _, err := dataset.Load(b.Bytes()); err != nil {
		panic(fmt.Sprintf("the generated dataset is invalid: %v", err))
	}
	return b.Bytes()
}
