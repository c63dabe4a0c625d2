package loops

import (
	"fmt"
	"slices"
)

// digraph is a simple directed graph on the vertices 0..n-1 in compressed
// sparse row form: the successors of v are to[off[v]:off[v+1]], ascending,
// without repeats and without self-loops.
type digraph struct {
	off []int32
	to  []int32
}

// newDigraph returns the simple digraph of an adjacency list. Self-loops and
// repeated edges are dropped; a successor outside 0..len(adj)-1 is a broken
// invariant of the caller and panics.
func newDigraph(adj [][]int) *digraph {
	n := len(adj)
	g := &digraph{off: make([]int32, n+1)}
	var row []int32
	for v, succ := range adj {
		row = row[:0]
		for _, w := range succ {
			if w < 0 || w >= n {
				panic(fmt.Sprintf("loops: vertex %d has successor %d outside 0..%d", v, w, n-1))
			}
			if w != v {
				row = append(row, int32(w))
			}
		}
		slices.Sort(row)
		row = slices.Compact(row)
		g.to = append(g.to, row...)
		g.off[v+1] = int32(len(g.to))
	}
	return g
}

// order returns the number of vertices.
func (g *digraph) order() int { return len(g.off) - 1 }

// succ returns the successors of v in ascending order.
func (g *digraph) succ(v int32) []int32 { return g.to[g.off[v]:g.off[v+1]] }

// filter returns the subgraph that keeps the edges v→w for which keep(v, w)
// holds, on the same vertices.
func (g *digraph) filter(keep func(v, w int32) bool) *digraph {
	n := g.order()
	h := &digraph{off: make([]int32, n+1), to: make([]int32, 0, len(g.to))}
	for v := range int32(n) {
		for _, w := range g.succ(v) {
			if keep(v, w) {
				h.to = append(h.to, w)
			}
		}
		h.off[v+1] = int32(len(h.to))
	}
	return h
}

// reverse returns the graph with every edge turned round. Successor lists
// stay ascending because the edges are visited in ascending source order.
func (g *digraph) reverse() *digraph {
	n := g.order()
	r := &digraph{off: make([]int32, n+1), to: make([]int32, len(g.to))}
	for _, w := range g.to {
		r.off[w+1]++
	}
	for v := range n {
		r.off[v+1] += r.off[v]
	}
	next := slices.Clone(r.off[:n])
	for v := range int32(n) {
		for _, w := range g.succ(v) {
			r.to[next[w]] = v
			next[w]++
		}
	}
	return r
}
