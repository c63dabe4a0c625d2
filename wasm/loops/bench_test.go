package loops_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/loops"
)

// gnp returns a seeded G(n, p) digraph as an adjacency list.
func gnp(n int, p float64, seed uint64) [][]int {
	rnd := rand.New(rand.NewPCG(seed, 1))
	adj := make([][]int, n)
	for v := range n {
		for w := range n {
			if v != w && rnd.Float64() < p {
				adj[v] = append(adj[v], w)
			}
		}
	}
	return adj
}

// BenchmarkCycles runs Cycles, capped at Limit, on seeded random digraphs of
// 10, 100 and 1,000 vertices: G(n, p) as in gonum's topo benchmarks, and a
// sparse variant with about three successors per vertex.
func BenchmarkCycles(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		for _, bc := range []struct {
			name string
			p    float64
		}{
			{"tenth", 0.1},
			{"half", 0.5},
			{"degree3", 3 / float64(n-1)},
		} {
			adj := gnp(n, bc.p, 1)
			b.Run(fmt.Sprintf("%d_%s", n, bc.name), func(b *testing.B) {
				for b.Loop() {
					loops.Cycles(adj, loops.Limit)
				}
			})
		}
	}
}

// BenchmarkFind runs Find, capped at Limit, on a seeded generated dataset of
// 2,000 entities and 10,000 deals, with no date filter and with one.
func BenchmarkFind(b *testing.B) {
	d := generate(1, 2000, 10000)
	for _, bc := range []struct {
		name string
		asOf dataset.Date
	}{
		{"2000x10000", dataset.Date{}},
		{"2000x10000_asOf2024", dataset.Date{Year: 2024}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var r loops.Result
			for b.Loop() {
				r = loops.Find(d, bc.asOf, loops.Limit)
			}
			b.ReportMetric(float64(len(r.Loops)), "loops")
		})
	}
}
