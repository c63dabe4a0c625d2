package layout

import (
	"math"
	"math/rand"
	"strconv"
	"testing"
)

// randomGraph is a seeded network of n nodes and m links with loops of
// three, weights and discs, like the page's synthetic networks.
func randomGraph(n, m int, seed int64) Graph {
	rng := rand.New(rand.NewSource(seed))
	g := Graph{N: n, Pinned: make([]bool, n), Pin: make([][2]float64, n),
		Weight: make([]float64, n), Radius: make([]float64, n), Aspect: 1.6}
	for len(g.Edges) < m {
		a, b := rng.Intn(n), rng.Intn(n)
		if a != b {
			g.Edges = append(g.Edges, [2]int{a, b})
		}
	}
	for i := range g.Weight {
		g.Weight[i] = rng.Float64() * rng.Float64()
		g.Radius[i] = 0.002 + 0.004*g.Weight[i]
	}
	for i := 0; i+2 < n && len(g.Loops) < 40; i += 3 {
		g.Loops = append(g.Loops, []int{i, i + 1, i + 2})
	}
	return g
}

// repulsion returns each node's repulsion at the layout's current
// positions, exact or through the tree.
func repulsion(l *Layout, tree bool) [][2]float64 {
	l.prepare() // a fresh layout: its start on the ellipse
	clear(l.disp)
	if tree {
		l.repelTree()
	} else {
		k2 := l.k * l.k
		for i := 0; i < l.n; i++ {
			for j := 0; j < l.n; j++ {
				if i != j {
					dx, dy, f := l.pairForce(i, j, k2)
					l.disp[i][0] += dx * f
					l.disp[i][1] += dy * f
				}
			}
		}
	}
	return append([][2]float64(nil), l.disp...)
}

// The tree's forces must be the exact ones within a few per cent, both at
// the start (nodes on an ellipse, where the pushes nearly cancel) and half
// way through the settling. A node's error is measured against the typical
// force, as a node whose pushes cancel has no scale of its own.
func TestTreeForcesMatchExact(t *testing.T) {
	l := New(randomGraph(1000, 3000, 5), 1)
	for _, at := range []int{0, Iterations / 2} {
		for l.iter < at {
			l.Step()
		}
		exact, tree := repulsion(l, false), repulsion(l, true)
		var errSum, sum, worst float64
		for i := range exact {
			e := math.Hypot(tree[i][0]-exact[i][0], tree[i][1]-exact[i][1])
			m := math.Hypot(exact[i][0], exact[i][1])
			errSum += e * e
			sum += m * m
			worst = math.Max(worst, e)
		}
		rms := math.Sqrt(errSum / sum)
		worst /= math.Sqrt(sum / float64(len(exact)))
		t.Logf("step %d: relative RMS error %.4f, worst node %.4f", at, rms, worst)
		if rms > 0.05 {
			t.Errorf("step %d: tree forces off the exact ones by %.1f%% (RMS), want at most 5%%", at, 100*rms)
		}
		if worst > 0.25 {
			t.Errorf("step %d: one node's tree force off by %.1f%% of the typical force, want at most 25%%", at, 100*worst)
		}
	}
}

// The tree must cost far fewer visits than the pairs it replaces, and Cost
// must say so, so that the page runs more steps a tick.
func TestTreeCostsLess(t *testing.T) {
	l := New(randomGraph(1000, 3000, 5), 1)
	before := l.Cost()
	l.Step()
	after := l.Cost()
	pairs := l.n * l.n / 2
	t.Logf("cost before the first step %d, after %d, exact %d", before, after, pairs)
	for _, c := range []int{before, after} {
		if c <= 0 || c > pairs*2/5 {
			t.Errorf("Cost() = %d at 1,000 nodes, want at most 40%% of the %d exact pair visits", c, pairs)
		}
	}
	if r := float64(before) / float64(after); r < 0.5 || r > 2 {
		t.Errorf("Cost() estimated %d before the first step but %d after it, want within a factor 2", before, after)
	}
}

// The exact path stays for small networks: their picture must not change.
func TestSmallGraphsStayExact(t *testing.T) {
	l := New(randomGraph(treeAbove, 3*treeAbove, 2), 1)
	l.Step()
	if len(l.cells) != 0 || l.visits != 0 {
		t.Errorf("a %d-node layout built a tree of %d cells", treeAbove, len(l.cells))
	}
	if got, want := l.Cost(), l.n*l.n/2+len(l.edges)+8*len(l.rings)+1; got != want {
		t.Errorf("Cost() = %d at %d nodes, want the exact %d", got, l.n, want)
	}
}

// Coincident nodes must still separate, deterministically, through the tree.
func TestTreeCoincident(t *testing.T) {
	g := randomGraph(400, 800, 3)
	run := func() [][2]float64 {
		l := New(g, 1)
		for i := 0; i < 50; i++ {
			l.pos[i] = l.pos[0] // fifty nodes on one spot: deeper than maxDepth
		}
		l.Settle()
		return append([][2]float64(nil), l.Positions()...)
	}
	a, b := run(), run()
	for i := range a {
		if a[i] != b[i] || math.IsNaN(a[i][0]) || math.IsNaN(a[i][1]) {
			t.Fatalf("node %d at %v and %v in two runs", i, a[i], b[i])
		}
	}
	for i := 1; i < 50; i++ {
		if a[i] == a[0] {
			t.Errorf("node %d still on node 0 after settling", i)
		}
	}
}

func TestTreeStepAllocatesNothing(t *testing.T) {
	l := New(randomGraph(1000, 3000, 1), 1)
	l.Step()
	if n := testing.AllocsPerRun(20, func() { l.iter = 0; l.Step() }); n != 0 {
		t.Errorf("Step allocates %.0f times at 1,000 nodes in steady state, want 0", n)
	}
}

// BenchmarkStep times one step mid-way through the settling, exact and
// through the tree, at three sizes.
func BenchmarkStep(b *testing.B) {
	for _, n := range []int{100, 1000, 2000} {
		g := randomGraph(n, 3*n, 1)
		for _, tree := range []bool{false, true} {
			name := "exact"
			if tree {
				name = "barneshut"
			}
			b.Run(name+"/"+strconv.Itoa(n), func(b *testing.B) {
				l := New(g, 1)
				for l.iter < Iterations/2 {
					l.Step()
				}
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					l.iter = Iterations / 2
					l.step(tree)
				}
				b.ReportMetric(float64(l.costOf(tree)), "cost")
			})
		}
	}
}

// A 1,000/3,000 network settles in Iterations steps whose summed Cost is a
// fraction of the exact layout's, and the picture is as good: discs apart,
// links as long and the network as spread out as with the exact forces.
func TestLargeSettlesWell(t *testing.T) {
	g := randomGraph(1000, 3000, 7)
	measure := func(tree bool) (steps, cost int, overlaps int, edge, spread float64) {
		l := New(g, 1)
		for !l.Settled() {
			l.step(tree)
			cost += l.costOf(tree)
			steps++
			if steps > Iterations {
				t.Fatalf("not settled after %d steps", steps)
			}
		}
		for i := 0; i < l.n; i++ {
			for j := i + 1; j < l.n; j++ {
				d := math.Hypot(l.pos[i][0]-l.pos[j][0], l.pos[i][1]-l.pos[j][1])
				if d < l.radius[i]+l.radius[j] {
					overlaps++
				}
			}
		}
		for _, e := range l.edges {
			edge += math.Hypot(l.pos[e[0]][0]-l.pos[e[1]][0], l.pos[e[0]][1]-l.pos[e[1]][1])
		}
		edge /= float64(len(l.edges))
		for _, p := range l.pos {
			spread += math.Hypot(p[0]-l.aspect/2, p[1]-0.5)
		}
		spread /= float64(l.n)
		return
	}
	es, ec, eo, ee, esp := measure(false)
	ts, tc, to, te, tsp := measure(true)
	t.Logf("exact: %d steps, cost %d, %d overlaps, mean link %.4f, mean distance from centre %.4f", es, ec, eo, ee, esp)
	t.Logf("tree:  %d steps, cost %d, %d overlaps, mean link %.4f, mean distance from centre %.4f", ts, tc, to, te, tsp)
	if ts != Iterations {
		t.Errorf("tree layout settled in %d steps, want %d", ts, Iterations)
	}
	if tc > ec*2/5 {
		t.Errorf("tree layout cost %d to settle, want at most 40%% of the exact %d", tc, ec)
	}
	if to > eo+5 {
		t.Errorf("tree layout has %d overlapping discs, exact %d", to, eo)
	}
	if r := te / ee; r < 0.9 || r > 1.1 {
		t.Errorf("mean link %.4f with the tree, %.4f exact: want within 10%%", te, ee)
	}
	if r := tsp / esp; r < 0.95 || r > 1.05 {
		t.Errorf("mean distance from the centre %.4f with the tree, %.4f exact: want within 5%%", tsp, esp)
	}
}
