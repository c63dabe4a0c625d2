package loops

// tarjan labels strongly connected components by Tarjan's algorithm (R. E.
// Tarjan, "Depth-first search and linear graph algorithms", SIAM J. Comput.
// 1(2), 1972). Its buffers are kept between runs because Johnson's algorithm
// runs it once per circuit-bearing start vertex. The depth-first search keeps
// its own stack so that a long path cannot exhaust the goroutine stack.
type tarjan struct {
	index   []int32 // 0: not yet visited; otherwise visit order + 1
	low     []int32
	onStack []bool
	stack   []int32
	call    []tarjanFrame
	sizes   []int
}

// tarjanFrame is one vertex of the depth-first search and the position of
// the next edge to try.
type tarjanFrame struct{ v, next int32 }

// sccs labels the strongly connected components of the subgraph of g induced
// by the vertices lo..n-1. It writes each vertex's component number to comp
// (-1 below lo) and returns the size of each component; the slice is reused
// by the next run.
func (t *tarjan) sccs(g *digraph, lo int32, comp []int32) (sizes []int) {
	n := int32(g.order())
	if len(t.index) < int(n) {
		t.index = make([]int32, n)
		t.low = make([]int32, n)
		t.onStack = make([]bool, n)
	}
	clear(t.index[lo:n])
	index, low, onStack := t.index, t.low, t.onStack
	stack, call := t.stack[:0], t.call[:0]
	sizes = t.sizes[:0]
	var counter int32
	for v := range lo {
		comp[v] = -1
	}
	for root := lo; root < n; root++ {
		if index[root] != 0 {
			continue
		}
		counter++
		index[root], low[root] = counter, counter
		stack = append(stack, root)
		onStack[root] = true
		call = append(call[:0], tarjanFrame{root, g.off[root]})
		for len(call) > 0 {
			f := &call[len(call)-1]
			v := f.v
			if f.next < g.off[v+1] {
				w := g.to[f.next]
				f.next++
				switch {
				case w < lo:
				case index[w] == 0:
					counter++
					index[w], low[w] = counter, counter
					stack = append(stack, w)
					onStack[w] = true
					call = append(call, tarjanFrame{w, g.off[w]})
				case onStack[w]:
					low[v] = min(low[v], index[w])
				}
				continue
			}
			call = call[:len(call)-1]
			if len(call) > 0 {
				p := call[len(call)-1].v
				low[p] = min(low[p], low[v])
			}
			if low[v] != index[v] {
				continue
			}
			c := int32(len(sizes))
			size := 0
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[w] = false
				comp[w] = c
				size++
				if w == v {
					break
				}
			}
			sizes = append(sizes, size)
		}
	}
	t.stack, t.call, t.sizes = stack, call, sizes
	return sizes
}
