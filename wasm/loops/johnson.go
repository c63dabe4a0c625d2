package loops

// johnson enumerates the elementary circuits of a digraph by Johnson's
// algorithm (D. B. Johnson, "Finding all the elementary circuits of a
// directed graph", SIAM J. Comput. 4(1), 1975), stopping once it has found
// max circuits. Johnson's bound — O((n+e)(c+1)) time for c circuits — makes the
// capped run cost O((n+e)·max) whatever the shape of the graph, which is why
// Cycles uses it to decide whether more than the limit exist.
//
// The labels (L1, L2, L3) and names (A_K, B, blocked, s) follow the paper.
type johnson struct {
	g       *digraph
	scc     tarjan
	from    []int32 // source vertex of each edge of g, by edge index
	comp    []int32 // strong component of each vertex ≥ s
	compS   int32   // component of s: A_K
	s       int32
	blocked []bool
	// b[w] is Johnson's B(w): the edges v→w whose tail v must be unblocked
	// when w is. inB marks those edges, so adding to B(w) is O(1).
	b      [][]int32
	inB    []bool
	stack  []int32
	frames []circuitFrame // the calls of CIRCUIT in progress
	work   []int32        // UNBLOCK's work list
	max    int
	found  int
	// keep says whether to collect the circuits in out, or only count them.
	keep bool
	out  [][]int32
}

// johnsonCycles returns the elementary circuits of g of length 2 or more,
// each starting at its least vertex, in no particular order; it stops after
// max of them.
func johnsonCycles(g *digraph, max int) [][]int32 {
	j := newJohnson(g, max, true)
	j.run()
	return j.out
}

// countCycles returns the number of elementary circuits of g of length 2 or
// more, counting no further than max.
func countCycles(g *digraph, max int) int {
	j := newJohnson(g, max, false)
	j.run()
	return j.found
}

func newJohnson(g *digraph, max int, keep bool) *johnson {
	n := int32(g.order())
	j := &johnson{
		g:       g,
		from:    make([]int32, len(g.to)),
		comp:    make([]int32, n),
		blocked: make([]bool, n),
		b:       make([][]int32, n),
		inB:     make([]bool, len(g.to)),
		max:     max,
		keep:    keep,
	}
	for v := range n {
		for e := g.off[v]; e < g.off[v+1]; e++ {
			j.from[e] = v
		}
	}
	return j
}

// run is the main loop of the paper, up to label L3.
func (j *johnson) run() {
	g, n := j.g, int32(j.g.order())
	for j.s < n && j.found < j.max {
		// A_K: the strong component with the least vertex among the
		// components of the subgraph induced by {s, s+1, ..., n} that can
		// hold a circuit, i.e. that have two vertices or more.
		sizes := j.scc.sccs(g, j.s, j.comp)
		s := j.s
		for s < n && sizes[j.comp[s]] < 2 {
			s++
		}
		if s == n {
			break
		}
		j.s, j.compS = s, j.comp[s]
		for v := s; v < n; v++ {
			if j.comp[v] != j.compS {
				continue
			}
			j.blocked[v] = false
			for _, e := range j.b[v] {
				j.inB[e] = false
			}
			j.b[v] = j.b[v][:0]
		}
		//L3:
		j.circuit(s)
		j.s++
	}
}

// inK reports whether w is a vertex of A_K.
func (j *johnson) inK(w int32) bool { return w >= j.s && j.comp[w] == j.compS }

// circuit is the CIRCUIT sub-procedure of the paper, called at s. The
// recursion of the paper is kept on an explicit stack of frames: Go compiled
// to WebAssembly grows the engine's native call stack with every Go call,
// and V8 overflows it (Node crashes, the browser throws) long before the
// depth of a large strong component. It gives up as soon as max circuits are
// found; the state it leaves behind is then never read.
func (j *johnson) circuit(s int32) {
	g := j.g
	j.stack, j.frames = j.stack[:0], j.frames[:0]
	j.enter(s)
	for len(j.frames) > 0 {
		top := &j.frames[len(j.frames)-1]
		v := top.v
		//L1:
		if top.next < g.off[v+1] {
			w := g.to[top.next]
			top.next++
			if !j.inK(w) {
				continue
			}
			if w == j.s {
				if j.keep {
					j.out = append(j.out, append([]int32(nil), j.stack...))
				}
				j.found++
				top.f = true
				if j.found >= j.max {
					return
				}
			} else if !j.blocked[w] {
				j.enter(w) // the paper's recursive CIRCUIT(w)
			}
			continue
		}
		//L2:
		f := top.f
		if f {
			j.unblock(v)
		} else {
			for e := g.off[v]; e < g.off[v+1]; e++ {
				if w := g.to[e]; j.inK(w) && !j.inB[e] {
					j.inB[e] = true
					j.b[w] = append(j.b[w], e)
				}
			}
		}
		j.stack = j.stack[:len(j.stack)-1]
		j.frames = j.frames[:len(j.frames)-1]
		if f && len(j.frames) > 0 {
			j.frames[len(j.frames)-1].f = true // CIRCUIT(w) returned true
		}
	}
}

// enter begins CIRCUIT(v): stack v, block it, and push its frame.
func (j *johnson) enter(v int32) {
	j.stack = append(j.stack, v)
	j.blocked[v] = true
	j.frames = append(j.frames, circuitFrame{v: v, next: j.g.off[v]})
}

// circuitFrame is one call of CIRCUIT: its vertex, the position of the next
// edge of A_K to try, and the paper's flag f (a circuit was found through v).
type circuitFrame struct {
	v, next int32
	f       bool
}

// unblock is the UNBLOCK sub-procedure of the paper, with a work list in
// place of its recursion (see circuit). Unblocking is a closure over the
// B-lists, so the order in which it proceeds does not matter.
func (j *johnson) unblock(u int32) {
	j.blocked[u] = false
	work := append(j.work[:0], u)
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		for _, e := range j.b[x] {
			j.inB[e] = false
			if w := j.from[e]; j.blocked[w] {
				j.blocked[w] = false
				work = append(work, w)
			}
		}
		j.b[x] = j.b[x][:0]
	}
	j.work = work
}
