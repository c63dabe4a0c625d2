package analysis_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"ouroboros/wasm/dataset"
)

// network loads a small dataset from deal lines of the form
//
//	id from to type amount date status [capacityMW]
//
// where amount "-" means undisclosed and entities are created in the order
// they first appear; or of the form
//
//	^ id date [status=word] [amount=number] [mw=number]
//
// for an update of the deal id, given after it.
func network(t testing.TB, deals ...string) *dataset.Dataset {
	t.Helper()
	type entity struct {
		ID   string `json:"id"`
		Name string `json:"name"`
		Kind string `json:"kind"`
	}
	doc := map[string]any{
		"format":  "ouroboros/1",
		"title":   "Test network",
		"asOf":    "2026-01-01",
		"kinds":   map[string]any{"k": map[string]string{"label": "Kind", "color": "#336699"}},
		"sources": map[string]any{"s": map[string]string{"publisher": "Test", "url": "https://example.com"}},
	}
	var entities []entity
	seen := map[string]bool{}
	var list []map[string]any
	byID := map[string]map[string]any{}
	for _, line := range deals {
		f := strings.Fields(line)
		if len(f) >= 3 && f[0] == "^" {
			addUpdate(t, byID[f[1]], line, f[2:])
			continue
		}
		if len(f) != 7 && len(f) != 8 {
			t.Fatalf("bad test: deal %q needs 7 or 8 fields", line)
		}
		for _, id := range f[1:3] {
			if !seen[id] {
				seen[id] = true
				entities = append(entities, entity{id, strings.ToUpper(id[:1]) + id[1:], "k"})
			}
		}
		x := map[string]any{
			"id": f[0], "from": f[1], "to": f[2], "type": f[3], "date": f[5], "status": f[6],
			"summary": "A test deal.", "sources": []string{"s"},
		}
		if f[4] != "-" {
			v, err := strconv.ParseFloat(f[4], 64)
			if err != nil {
				t.Fatalf("bad test: deal %q: %v", line, err)
			}
			x["amount"] = map[string]any{"value": v}
		}
		if len(f) == 8 {
			mw, err := strconv.ParseFloat(f[7], 64)
			if err != nil {
				t.Fatalf("bad test: deal %q: %v", line, err)
			}
			x["capacityMW"] = mw
		}
		list = append(list, x)
		byID[f[0]] = x
	}
	doc["entities"], doc["deals"] = entities, list
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	d, err := dataset.Load(b)
	if err != nil {
		t.Fatalf("bad test: %v", err)
	}
	return d
}

// addUpdate appends to deal x the update of line, whose fields after the
// deal id are f: a date, then field=value pairs.
func addUpdate(t testing.TB, x map[string]any, line string, f []string) {
	t.Helper()
	if x == nil {
		t.Fatalf("bad test: update %q of an unknown deal", line)
	}
	u := map[string]any{"date": f[0], "summary": "A test update.", "sources": []string{"s"}}
	for _, kv := range f[1:] {
		k, v, _ := strings.Cut(kv, "=")
		switch k {
		case "status":
			u["status"] = v
		case "amount", "mw":
			n, err := strconv.ParseFloat(v, 64)
			if err != nil {
				t.Fatalf("bad test: update %q: %v", line, err)
			}
			if k == "mw" {
				u["capacityMW"] = n
			} else {
				u["amount"] = map[string]any{"value": n}
			}
		default:
			t.Fatalf("bad test: update %q: unknown field %q", line, k)
		}
	}
	ups, _ := x["updates"].([]map[string]any)
	x["updates"] = append(ups, u)
}

// randomDoc returns a valid document of n entities and m deals from a seed:
// random entity ids (so that id order is not index order), every deal type,
// a third of the amounts undisclosed, capacity on some deals that buy
// something, dates given to the year, month or day from 2020 to 2026, and
// every status, terminated included. Amounts are whole numbers so that sums
// are exact.
func randomDoc(seed uint64, n, m int) []byte {
	r := rand.New(rand.NewPCG(seed, 0x616e616c))
	types := []string{"equity", "compute", "chips", "power", "warrants", "debt", "backstop", "acquisition"}
	statuses := []string{"talks", "loi", "announced", "reported", "definitive", "completed", "terminated"}
	var b strings.Builder
	b.WriteString(`{"format": "ouroboros/1", "title": "Random network", "asOf": "2026-12-31",
"kinds": {"lab": {"label": "Lab", "color": "#4e79a7"}, "cloud": {"label": "Cloud", "color": "#59a14f"}},
"sources": {"s": {"publisher": "Example", "url": "https://example.com"}},
"entities": [`)
	ids := make([]string, 0, n)
	seen := map[string]bool{}
	for len(ids) < n {
		id := fmt.Sprintf("e%x", r.Uint32())
		if seen[id] {
			continue
		}
		seen[id] = true
		if len(ids) > 0 {
			b.WriteString(",")
		}
		ids = append(ids, id)
		fmt.Fprintf(&b, "\n {\"id\": %q, \"name\": \"Entity %s\", \"kind\": %q}", id, id, []string{"lab", "cloud"}[r.IntN(2)])
	}
	b.WriteString("],\n\"deals\": [")
	for i := range m {
		if i > 0 {
			b.WriteString(",")
		}
		from := r.IntN(n)
		to := (from + 1 + r.IntN(n-1)) % n
		typ := types[r.IntN(len(types))]
		fmt.Fprintf(&b, "\n {\"id\": \"d%d\", \"from\": %q, \"to\": %q, \"type\": %q", i, ids[from], ids[to], typ)
		if r.IntN(3) > 0 {
			fmt.Fprintf(&b, ", \"amount\": {\"value\": %d, \"upTo\": %v}", 1+r.IntN(1000), r.IntN(4) == 0)
		}
		if (typ == "compute" || typ == "chips" || typ == "power") && r.IntN(2) == 0 {
			fmt.Fprintf(&b, ", \"capacityMW\": %d", 1+r.IntN(5000))
		}
		date := strconv.Itoa(2020 + r.IntN(7))
		if r.IntN(4) > 0 {
			date += fmt.Sprintf("-%02d", 1+r.IntN(12))
			if r.IntN(2) > 0 {
				date += fmt.Sprintf("-%02d", 1+r.IntN(28))
			}
		}
		fmt.Fprintf(&b, ", \"date\": %q, \"status\": %q, \"summary\": \"Deal %d.\", \"sources\": [\"s\"]}", date, statuses[r.IntN(len(statuses))], i)
	}
	b.WriteString("]}\n")
	return []byte(b.String())
}

// random loads randomDoc.
func random(t testing.TB, seed uint64, n, m int) *dataset.Dataset {
	t.Helper()
	d, err := dataset.Load(randomDoc(seed, n, m))
	if err != nil {
		t.Fatalf("random network %d/%d/%d: %v", seed, n, m, err)
	}
	return d
}

func date(t testing.TB, s string) dataset.Date {
	t.Helper()
	if s == "" {
		return dataset.Date{}
	}
	d, err := dataset.ParseDate(s)
	if err != nil {
		t.Fatalf("bad test: %v", err)
	}
	return d
}

func TestRandomDocIsValid(t *testing.T) {
	for seed := range uint64(3) {
		random(t, seed, 50, 200)
	}
}
