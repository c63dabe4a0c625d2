package analysis_test

import (
	"cmp"
	"fmt"
	"math"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
)

// circularIDs returns the snapshot's circular deals, ranked, each as its
// entity ids joined by spaces, and its other loops in loop order.
func circularIDs(d *dataset.Dataset, s *analysis.Snapshot) (circular, other []string) {
	for _, k := range s.Circular() {
		circular = append(circular, strings.Join(s.Loops[k].EntityIDs(d), " "))
	}
	for _, l := range s.Loops {
		if l.Class == analysis.Other {
			other = append(other, strings.Join(l.EntityIDs(d), " "))
		}
	}
	return circular, other
}

func TestCircular(t *testing.T) {
	tests := []struct {
		name          string
		deals         []string
		asOf          string
		circular      []string
		other         []string
		wantRoundTrip []float64 // of the ranked circular deals; -1 unknown
	}{
		{"two financing hops are other",
			[]string{"ab a b equity 5 2025 completed", "ba b a debt 3 2025 completed"},
			"", nil, []string{"a b"}, nil},
		{"two buying hops are other",
			[]string{"ab a b compute 5 2025 completed", "ba b a chips 3 2025 completed"},
			"", nil, []string{"a b"}, nil},
		{"equity out, chips back is circular",
			[]string{"ab a b equity 5 2025 completed", "ba b a chips 3 2025 completed"},
			"", []string{"a b"}, nil, []float64{3}},
		{"a hop's second deal counts",
			[]string{"ab a b equity 5 2025 completed", "ab2 a b power - 2025 talks", "ba b a equity 3 2025 completed"},
			"", []string{"a b"}, nil, []float64{3}},
		{"three hops can be circular",
			[]string{"ab a b warrants 5 2025 completed", "bc b c compute 4 2025 completed", "ca c a chips 6 2025 completed"},
			"", []string{"a b c"}, nil, []float64{4}},
		{"four hops are other",
			[]string{"ab a b equity 5 2025 completed", "bc b c compute 4 2025 completed", "cd c d chips 6 2025 completed", "da d a power 7 2025 completed"},
			"", nil, []string{"a b c d"}, nil},
		{"ranked by round trip, unknown last",
			[]string{
				"ab a b equity 5 2025 completed", "ba b a compute 2 2025 completed",
				"ac a c equity 9 2025 completed", "ca c a compute 8 2025 completed",
				"ad a d equity - 2025 completed", "da d a compute 100 2025 completed",
			},
			"", []string{"a c", "a b", "a d"}, nil, []float64{8, 2, -1}},
		{"ties by the sum of the hop totals, then loop order",
			[]string{
				"ab a b equity 5 2025 completed", "ba b a compute 5 2025 completed", // 5, sum 10
				"ac a c equity 5 2025 completed", "ca c a compute 9 2025 completed", // 5, sum 14
				"ad a d equity 9 2025 completed", "da d a compute 5 2025 completed", // 5, sum 14
				"ae a e equity - 2025 completed", "ea e a compute 1 2025 completed", // unknown, sum 1
				"af a f equity - 2025 completed", "fa f a compute 2 2025 completed", // unknown, sum 2
			},
			"", []string{"a c", "a d", "a b", "a f", "a e"}, nil, []float64{5, 5, 5, -1, -1}},
		{"an update that terminates a deal ends the circular deal",
			[]string{"ab a b equity 5 2025 loi", "^ ab 2026-02 status=terminated", "ba b a compute 3 2025 completed"},
			"", nil, nil, nil},
		{"before that update it is circular",
			[]string{"ab a b equity 5 2025 loi", "^ ab 2026-02 status=terminated", "ba b a compute 3 2025 completed"},
			"2026-01", []string{"a b"}, nil, []float64{3}},
		{"updates of amounts reorder the ranking",
			[]string{
				"ab a b equity 50 2025 completed", "ba b a compute 2 2025 completed", "^ ba 2026 amount=20",
				"ac a c equity 9 2025 completed", "ca c a compute 8 2025 completed",
			},
			"", []string{"a b", "a c"}, nil, []float64{20, 8}},
		{"and not before they apply",
			[]string{
				"ab a b equity 50 2025 completed", "ba b a compute 2 2025 completed", "^ ba 2026 amount=20",
				"ac a c equity 9 2025 completed", "ca c a compute 8 2025 completed",
			},
			"2025-12", []string{"a c", "a b"}, nil, []float64{8, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := network(t, tt.deals...)
			s := analysis.New(d).At(date(t, tt.asOf))
			circular, other := circularIDs(d, s)
			if !slices.Equal(circular, tt.circular) || !slices.Equal(other, tt.other) {
				t.Errorf("circular %q, other %q; want %q, %q", circular, other, tt.circular, tt.other)
			}
			var rt []float64
			for _, k := range s.Circular() {
				v := -1.0
				if s.Loops[k].RoundTripKnown {
					v = s.Loops[k].RoundTrip
				}
				rt = append(rt, v)
			}
			if !slices.Equal(rt, tt.wantRoundTrip) {
				t.Errorf("round trips %v; want %v", rt, tt.wantRoundTrip)
			}
		})
	}
}

func TestClassString(t *testing.T) {
	if analysis.Circular.String() != "circular" || analysis.Other.String() != "other" {
		t.Errorf("got %q and %q", analysis.Circular, analysis.Other)
	}
}

// ranked is a circular deal as the independent computation finds it.
type ranked struct {
	ids       string
	roundTrip float64 // -1 when unknown
	sum       float64
}

// independentCircular computes the ranked circular deals of d at asOf from
// the format's words alone, without the loops or analysis packages: the
// deal as of asOf is found by applying its updates here, the loops of two
// and three hops by trying every pair and triple of entities.
func independentCircular(d *dataset.Dataset, asOf dataset.Date) []ranked {
	type edge struct {
		total               float64
		disclosed, fin, buy bool
	}
	n := len(d.Entities)
	edges := map[[2]int]*edge{}
	for i := range d.Deals {
		x := &d.Deals[i]
		status, amount := x.Status, x.Amount
		for _, u := range x.Updates {
			if !asOf.IsZero() && u.Date.Key() > asOf.Key() {
				break
			}
			if u.HasStatus {
				status = u.Status
			}
			if u.Amount != nil {
				amount = u.Amount
			}
		}
		if status == dataset.Terminated || !asOf.IsZero() && x.Date.Key() > asOf.Key() {
			continue
		}
		k := [2]int{x.From, x.To}
		e := edges[k]
		if e == nil {
			e = &edge{}
			edges[k] = e
		}
		if amount != nil {
			e.total += amount.Value
			e.disclosed = true
		}
		switch x.Type {
		case dataset.Equity, dataset.Warrants, dataset.Debt, dataset.Backstop, dataset.Acquisition:
			e.fin = true
		default:
			e.buy = true
		}
	}
	id := func(e int) string { return d.Entities[e].ID }
	var out []ranked
	add := func(cycle []int) {
		// Keep each cycle once: rotated to start at its smallest id.
		for _, v := range cycle[1:] {
			if id(v) < id(cycle[0]) {
				return
			}
		}
		r := ranked{roundTrip: math.Inf(1)}
		var fin, buy, known = false, false, true
		var names []string
		for k, v := range cycle {
			e := edges[[2]int{v, cycle[(k+1)%len(cycle)]}]
			names = append(names, id(v))
			fin, buy = fin || e.fin, buy || e.buy
			known = known && e.disclosed
			r.sum += e.total
			r.roundTrip = min(r.roundTrip, e.total)
		}
		if !fin || !buy {
			return
		}
		if !known {
			r.roundTrip = -1
		}
		r.ids = strings.Join(names, " ")
		out = append(out, r)
	}
	for a := range n {
		for b := range n {
			if b == a || edges[[2]int{a, b}] == nil {
				continue
			}
			if edges[[2]int{b, a}] != nil {
				add([]int{a, b})
			}
			for c := range n {
				if c != a && c != b && edges[[2]int{b, c}] != nil && edges[[2]int{c, a}] != nil {
					add([]int{a, b, c})
				}
			}
		}
	}
	// Loop order: by length, then by the list of ids.
	slices.SortFunc(out, func(x, y ranked) int {
		if c := cmp.Compare(len(strings.Fields(x.ids)), len(strings.Fields(y.ids))); c != 0 {
			return c
		}
		return slices.Compare(strings.Fields(x.ids), strings.Fields(y.ids))
	})
	slices.SortStableFunc(out, func(x, y ranked) int {
		if c := -cmp.Compare(x.roundTrip, y.roundTrip); c != 0 {
			return c // unknown is -1, below every known value
		}
		return -cmp.Compare(x.sum, y.sum)
	})
	return out
}

// TestCircularIndependent compares the ranked circular deals with the
// independent computation, on the shipped datasets and on random networks,
// at every date of their timelines and with no date.
func TestCircularIndependent(t *testing.T) {
	var docs []*dataset.Dataset
	names, err := filepath.Glob("../../data/examples/*.json")
	if err != nil || len(names) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	names = append([]string{"../../data/ai-compute.json"}, names...)
	for _, f := range names {
		docs = append(docs, loadFile(t, f))
	}
	for seed := range uint64(6) {
		docs = append(docs, random(t, seed, 12, 40))
		names = append(names, fmt.Sprintf("random/seed=%d", seed))
	}
	found := 0
	for i, d := range docs {
		t.Run(names[i], func(t *testing.T) {
			a := analysis.New(d)
			dates := append([]dataset.Date{{}}, a.Dates()...)
			for _, asOf := range dates {
				s := a.At(asOf)
				var got []ranked
				for _, k := range s.Circular() {
					l := s.Loops[k]
					rt := -1.0
					if l.RoundTripKnown {
						rt = l.RoundTrip
					}
					got = append(got, ranked{strings.Join(l.EntityIDs(d), " "), rt, l.Disclosed})
				}
				if want := independentCircular(d, asOf); !reflect.DeepEqual(got, want) {
					t.Fatalf("at %v:\ngot  %v\nwant %v", asOf, got, want)
				}
				found += len(got)
			}
		})
	}
	if found < 100 {
		t.Errorf("found %d circular deals in all; the comparison says little", found)
	}
}
