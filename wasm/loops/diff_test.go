package loops_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/graph/topo"

	"ouroboros/wasm/loops"
)

// randomDigraph returns a seeded G(n, p) digraph as an adjacency list and
// the same graph for gonum. The adjacency list also carries self-loops,
// repeated edges and shuffled successors, which Cycles must ignore.
func randomDigraph(n int, p float64, seed uint64) ([][]int, *simple.DirectedGraph) {
	rnd := rand.New(rand.NewPCG(seed, 0x6c6f6f7073))
	adj := make([][]int, n)
	g := simple.NewDirectedGraph()
	for v := range n {
		g.AddNode(simple.Node(v))
	}
	for v := range n {
		for w := range n {
			if v == w || rnd.Float64() >= p {
				continue
			}
			adj[v] = append(adj[v], w)
			g.SetEdge(simple.Edge{F: simple.Node(v), T: simple.Node(w)})
			if rnd.IntN(8) == 0 {
				adj[v] = append(adj[v], w)
			}
		}
		if rnd.IntN(4) == 0 {
			adj[v] = append(adj[v], v)
		}
		rnd.Shuffle(len(adj[v]), func(i, j int) { adj[v][i], adj[v][j] = adj[v][j], adj[v][i] })
	}
	return adj, g
}

// gonumCycles returns gonum's Johnson cycles normalised to the order of
// Cycles: closing vertex dropped, rotated to the least vertex, sorted by
// length then lexicographically.
func gonumCycles(g *simple.DirectedGraph) [][]int {
	var out [][]int
	for _, c := range topo.DirectedCyclesIn(g) {
		c = c[:len(c)-1] // gonum repeats the first vertex at the end
		ids := make([]int, len(c))
		least := 0
		for i, v := range c {
			ids[i] = int(v.ID())
			if ids[i] < ids[least] {
				least = i
			}
		}
		out = append(out, append(ids[least:], ids[:least]...))
	}
	slices.SortFunc(out, func(a, b []int) int {
		if len(a) != len(b) {
			return len(a) - len(b)
		}
		return slices.Compare(a, b)
	})
	return out
}

func TestCyclesAgainstGonum(t *testing.T) {
	type shape struct {
		n int
		p float64
	}
	var shapes []shape
	for _, n := range []int{0, 1, 2, 3, 4, 5, 6, 8} {
		for _, p := range []float64{0.1, 0.25, 0.5, 0.8} {
			shapes = append(shapes, shape{n, p})
		}
	}
	// Larger graphs stay sparse: gonum's reference keeps every cycle in
	// maps, and a random digraph of mean degree above 2 has far too many.
	shapes = append(shapes, shape{10, 0.25}, shape{10, 0.5}, shape{12, 0.3}, shape{20, 0.1},
		shape{30, 0.08}, shape{60, 0.03}, shape{100, 0.015}, shape{200, 0.006})
	for _, sh := range shapes {
		for seed := range uint64(8) {
			t.Run(fmt.Sprintf("n=%d/p=%v/seed=%d", sh.n, sh.p, seed), func(t *testing.T) {
				adj, g := randomDigraph(sh.n, sh.p, seed)
				want := gonumCycles(g)
				count := len(want)
				if got, truncated := loops.Cycles(adj, count+1); !equalCycles(got, want) || truncated {
					t.Fatalf("Cycles(limit %d) = %d cycles, truncated %v; want gonum's %d, false\n got %v\nwant %v",
						count+1, len(got), truncated, count, got, want)
				}
				if got := loops.Deepen(adj, count+1); !equalCycles(got, want) {
					t.Errorf("deepen alone = %v; want %v", got, want)
				}
				if got := loops.JohnsonAll(adj); !equalCycles(got, want) {
					t.Errorf("johnson alone = %v; want %v", got, want)
				}
				for _, limit := range []int{1, 2, 5, count / 2, count - 1, count, count + 1} {
					if limit <= 0 {
						continue
					}
					wantCut := want[:min(limit, count)]
					wantTruncated := count > limit
					got, gotTruncated := loops.Cycles(adj, limit)
					if !equalCycles(got, wantCut) || gotTruncated != wantTruncated {
						t.Errorf("Cycles(limit %d) = %v, %v; want %v, %v", limit, got, gotTruncated, wantCut, wantTruncated)
					}
					// Budget 0 forces the path through Johnson's count.
					got, gotTruncated = loops.CyclesWithBudget(adj, limit, 0)
					if !equalCycles(got, wantCut) || gotTruncated != wantTruncated {
						t.Errorf("Cycles(limit %d) without fast path = %v, %v; want %v, %v", limit, got, gotTruncated, wantCut, wantTruncated)
					}
				}
			})
		}
	}
}

func equalCycles(got, want [][]int) bool {
	if len(got) == 0 && len(want) == 0 {
		return true
	}
	return reflect.DeepEqual(got, want)
}
