package loops_test

import (
	"fmt"
	"reflect"
	"slices"
	"testing"

	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/graph/topo"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/loops"
)

// TestFindProperties checks, on random datasets, that every loop is what
// the format says: distinct entities starting at the smallest id, hops that
// are real edges carrying exactly the counted deals between their ends, the
// right totals and round trips, and loops sorted without repeats.
func TestFindProperties(t *testing.T) {
	tests := []struct {
		entities, deals int
		asOf            string
		limit           int
	}{
		{6, 20, "", 0},
		{8, 30, "2023", 0},
		{10, 25, "2025", 0},
		{15, 45, "", 0},
		{12, 40, "2024-06", 0},
		{20, 60, "2025-03-15", 0},
		{40, 120, "", 0},
		{200, 600, "2025", 500},
		{500, 2500, "", 0},
	}
	for _, tt := range tests {
		for seed := range uint64(4) {
			t.Run(fmt.Sprintf("%d-%d-%s-%d/seed=%d", tt.entities, tt.deals, tt.asOf, tt.limit, seed), func(t *testing.T) {
				d := generate(seed, tt.entities, tt.deals)
				asOf := date(t, tt.asOf)
				r := loops.Find(d, asOf, tt.limit)
				checkLoops(t, d, asOf, r)
				if tt.entities > 20 {
					return // too many cycles for gonum's reference
				}
				var got [][]string
				for _, l := range r.Loops {
					got = append(got, l.EntityIDs(d))
				}
				if want := gonumLoops(d, asOf); !reflect.DeepEqual(got, want) || r.Truncated {
					t.Errorf("Find = %v, truncated %v; want gonum's %v, false", got, r.Truncated, want)
				}
			})
		}
	}
}

// gonumLoops returns the loops of d at asOf as lists of entity ids, found by
// gonum's Johnson on a graph built straight from the deals, in the order of
// the format.
func gonumLoops(d *dataset.Dataset, asOf dataset.Date) [][]string {
	g := simple.NewDirectedGraph()
	for i := range d.Entities {
		g.AddNode(simple.Node(i))
	}
	for _, x := range d.Deals {
		if x.Status != dataset.Terminated && (asOf.IsZero() || x.Date.Compare(asOf) <= 0) {
			g.SetEdge(simple.Edge{F: simple.Node(x.From), T: simple.Node(x.To)})
		}
	}
	var out [][]string
	for _, c := range topo.DirectedCyclesIn(g) {
		c = c[:len(c)-1] // gonum repeats the first vertex at the end
		ids := make([]string, len(c))
		least := 0
		for i, v := range c {
			ids[i] = d.Entities[v.ID()].ID
			if ids[i] < ids[least] {
				least = i
			}
		}
		out = append(out, append(ids[least:], ids[:least]...))
	}
	slices.SortFunc(out, func(a, b []string) int {
		if len(a) != len(b) {
			return len(a) - len(b)
		}
		return slices.Compare(a, b)
	})
	return out
}

func checkLoops(t *testing.T, d *dataset.Dataset, asOf dataset.Date, r loops.Result) {
	t.Helper()
	// live[{from, to}] lists the counted deals from one entity to another.
	live := map[[2]int][]int{}
	for i := range d.Deals {
		x := &d.Deals[i]
		if x.Status != dataset.Terminated && (asOf.IsZero() || x.Date.Compare(asOf) <= 0) {
			live[[2]int{x.From, x.To}] = append(live[[2]int{x.From, x.To}], i)
		}
	}
	var prev []string
	for n, l := range r.Loops {
		ids := l.EntityIDs(d)
		if len(ids) < 2 || len(l.Hops) != len(ids) {
			t.Fatalf("loop %d: %d entities, %d hops", n, len(ids), len(l.Hops))
		}
		seen := map[int]bool{}
		for _, e := range l.Entities {
			if seen[e] {
				t.Fatalf("loop %d %v visits %s twice", n, ids, d.Entities[e].ID)
			}
			seen[e] = true
		}
		if slices.Min(ids) != ids[0] {
			t.Errorf("loop %d %v does not start at its smallest id", n, ids)
		}
		if prev != nil && (len(prev) > len(ids) || len(prev) == len(ids) && slices.Compare(prev, ids) >= 0) {
			t.Errorf("loop %d %v does not come after %v", n, ids, prev)
		}
		prev = ids

		known, roundTrip := true, 0.0
		for k, h := range l.Hops {
			from, to := l.Entities[k], l.Entities[(k+1)%len(l.Entities)]
			if h.From != from || h.To != to {
				t.Fatalf("loop %d hop %d goes %d→%d; want %d→%d", n, k, h.From, h.To, from, to)
			}
			want := live[[2]int{from, to}]
			wantTotal, wantDisclosed := 0.0, false
			for _, i := range want {
				if a := d.Deals[i].Amount; a != nil {
					wantTotal += a.Value
					wantDisclosed = true
				}
			}
			if len(want) == 0 || !slices.Equal(h.Deals, want) {
				t.Fatalf("loop %d hop %d (%s→%s) has deals %v; want %v", n, k, ids[k], d.Entities[to].ID, h.Deals, want)
			}
			if h.Total != wantTotal || h.Disclosed != wantDisclosed {
				t.Errorf("loop %d hop %d: total %v, disclosed %v; want %v, %v", n, k, h.Total, h.Disclosed, wantTotal, wantDisclosed)
			}
			if !wantDisclosed {
				known = false
			} else if k == 0 || wantTotal < roundTrip {
				roundTrip = wantTotal
			}
		}
		if !known {
			roundTrip = 0
		}
		if l.RoundTripKnown != known || (known && l.RoundTrip != roundTrip) {
			t.Errorf("loop %d: round trip %v, known %v; want %v, %v", n, l.RoundTrip, l.RoundTripKnown, roundTrip, known)
		}
	}
}
