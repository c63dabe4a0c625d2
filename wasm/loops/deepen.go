package loops

// deepen returns the first limit elementary cycles of g in the order of
// Cycles (by length, then lexicographically, each starting at its least
// vertex), or all of them when there are fewer. It gives up, returning
// ok == false, once it has scanned budget edges.
//
// It grows the length k = 2, 3, ... and, for each start s in ascending order,
// enumerates the simple paths s → v1 → ... → v(k-1) → s with every vi > s,
// the "least vertex" normal form of Johnson (1975). Two prunings keep the
// search near its output:
//   - cycles never leave a strong component (Tarjan 1972), so edges between
//     components are dropped, s is skipped when it has no predecessor above
//     it or when fewer than k vertices ≥ s share its component, and k stops
//     at the largest component;
//   - a reverse breadth-first search from s over the vertices > s gives
//     dist(v→s), and a path of d edges ending at v is extended only while
//     d + dist(v→s) ≤ k, so that it can still close in time (the
//     bounded-length search of Gupta and Suzumura, "Finding all
//     bounded-length simple cycles in a directed graph", 2021, without their
//     blocking barriers). The reverse search stops at radius r = k/2: a
//     vertex it did not reach is at least r+1 away, which is all the first
//     half of a path needs, and the ball it explores shrinks from about
//     degree^(k-1) to degree^(k/2) vertices, which measured twice to four
//     times faster on random graphs.
//
// Successors are visited in ascending order, so for a fixed s the cycles of
// one length come out in lexicographic order, and with s ascending each
// length class is produced already sorted. That lets the search stop at the
// limit-th cycle in the middle of a class.
//
// Unlike Johnson's algorithm this search is not output-sensitive: a path may
// pass the distance test yet be unable to close because its own vertices
// block the way back, and k climbs to the largest strong component even when
// the longest cycle is short (a long two-way path has only 2-cycles but one
// big component). Hence the budget.
func deepen(g *digraph, limit, budget int) (cycles [][]int, ok bool) {
	n := int32(g.order())
	comp := make([]int32, n)
	sizes := new(tarjan).sccs(g, 0, comp)
	h := g.filter(func(v, w int32) bool { return comp[v] == comp[w] })

	// rank[v]: how many vertices of v's component are ≥ v.
	rank := make([]int, n)
	seen := make([]int, len(sizes))
	longest := 0
	for v := n - 1; v >= 0; v-- {
		seen[comp[v]]++
		rank[v] = seen[comp[v]]
		longest = max(longest, rank[v])
	}

	// Only a vertex with a predecessor above it in its component can be
	// the least vertex of a cycle.
	rev := h.reverse()
	var starts []int32
	for s := range n {
		if pred := rev.succ(s); len(pred) > 0 && pred[len(pred)-1] > s {
			starts = append(starts, s)
		}
	}

	d := &deepener{
		h:      h,
		rev:    rev,
		dist:   make([]int32, n),
		stamp:  make([]uint32, n),
		onPath: make([]bool, n),
		limit:  limit,
		budget: budget,
	}
	for k := 2; k <= longest && !d.done(); k++ {
		d.k, d.r = k, max(1, k/2)
		for _, s := range starts {
			if rank[s] < k {
				continue
			}
			d.s = s
			if !d.distances() {
				continue
			}
			d.extend()
			if d.done() {
				break
			}
		}
	}
	if d.budget < 0 {
		return nil, false
	}
	return d.cycles(), true
}

// deepener holds the state of one deepen run.
type deepener struct {
	h, rev *digraph // strong-component subgraph and its reverse
	k      int      // the length being enumerated
	r      int      // the radius of the reverse search
	s      int32    // the start: least vertex of every cycle being built
	limit  int
	budget int // edges left to scan; negative once exhausted

	// dist[v] is the distance from v back to s, valid when stamp[v] == now.
	dist  []int32
	stamp []uint32
	now   uint32
	queue []int32

	onPath []bool
	path   []int32 // the path from s
	next   []int32 // next[i]: position in h.to of the next successor of path[i] to try

	// The cycles found, end to end: cycle i is flat[ends[i-1]:ends[i]].
	flat []int32
	ends []int
}

// done reports whether the search must stop: limit reached or budget spent.
func (d *deepener) done() bool { return len(d.ends) >= d.limit || d.budget < 0 }

// distances runs the reverse breadth-first search from s over the vertices
// > s, at most r deep, and reports whether some predecessor of s was reached
// (otherwise no cycle starts at s).
func (d *deepener) distances() bool {
	d.now++
	if d.now == 0 { // wrapped: forget every old stamp
		clear(d.stamp)
		d.now = 1
	}
	d.queue = append(d.queue[:0], d.s)
	d.stamp[d.s], d.dist[d.s] = d.now, 0
	for head := 0; head < len(d.queue); head++ {
		v := d.queue[head]
		dv := d.dist[v]
		if int(dv) >= d.r {
			break // the queue is in distance order: nothing nearer remains
		}
		pred := d.rev.succ(v)
		d.budget -= len(pred)
		for _, u := range pred {
			if u <= d.s || d.stamp[u] == d.now {
				continue
			}
			d.stamp[u], d.dist[u] = d.now, dv+1
			d.queue = append(d.queue, u)
		}
	}
	return len(d.queue) > 1
}

// extend enumerates the simple paths from s that can still close a cycle
// of exactly k edges, and records the cycles of length k that close at s.
// It keeps its own stack of path positions rather than recursing, because
// Go compiled to WebAssembly grows the engine's native call stack with
// every Go call and V8 overflows it on deep searches.
func (d *deepener) extend() {
	h := d.h
	d.path = append(d.path[:0], d.s)
	d.next = append(d.next[:0], h.off[d.s])
	d.budget -= len(h.succ(d.s))
	for len(d.path) > 0 && !d.done() {
		top := len(d.path) - 1 // also the number of edges on the path
		v := d.path[top]
		if d.next[top] == h.off[v+1] {
			d.onPath[v] = false
			d.path, d.next = d.path[:top], d.next[:top]
			continue
		}
		w := h.to[d.next[top]]
		d.next[top]++
		if w == d.s {
			if top+1 == d.k {
				d.flat = append(d.flat, d.path...)
				d.ends = append(d.ends, len(d.flat))
			}
			continue
		}
		if w < d.s || d.onPath[w] {
			continue
		}
		// Beyond the searched radius r, dist(w→s) is at least r+1.
		dw := d.r + 1
		if d.stamp[w] == d.now {
			dw = int(d.dist[w])
		}
		if top+1+dw > d.k {
			continue
		}
		d.onPath[w] = true
		d.path = append(d.path, w)
		d.next = append(d.next, h.off[w])
		d.budget -= len(h.succ(w))
	}
	for _, v := range d.path { // left by an early stop
		d.onPath[v] = false
	}
}

// cycles returns the cycles found, sharing one backing array.
func (d *deepener) cycles() [][]int {
	all := make([]int, len(d.flat))
	for i, v := range d.flat {
		all[i] = int(v)
	}
	out := make([][]int, len(d.ends))
	start := 0
	for i, end := range d.ends {
		out[i] = all[start:end:end]
		start = end
	}
	return out
}
