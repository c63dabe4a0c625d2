package layout

import "math"

// Large networks repel through a quadtree instead of visiting every pair:
// the Barnes–Hut approximation (J. Barnes and P. Hut, "A hierarchical
// O(N log N) force-calculation algorithm", Nature 324, 446–449, 1986). A
// group of nodes far enough away pushes like one node of their summed
// weight at their weighted centre, so that a step costs O(n log n) instead
// of O(n²). Small networks keep the exact sum, so that their picture (and
// the build-time poster, which uses this package too) does not change.

// treeAbove is the node count above which repulsion uses the quadtree.
const treeAbove = 300

// theta is the opening angle: a cell whose side is less than theta times
// its distance counts as one body. 0.9 keeps the force error to a few per
// cent (TestTreeForcesMatchExact) at a fraction of the visits.
const theta = 0.9

// leafSize is how many nodes a cell may hold before it is split; a few per
// leaf costs less than splitting down to one.
const leafSize = 4

// maxDepth stops splitting nodes that (nearly) coincide.
const maxDepth = 24

// treeVisitCost weighs one visit of the tree walk against one pair visit
// of the exact sum: a visit moves one node where a pair visit moves two, and
// takes about twice as long (BenchmarkStep at 1,000 and 2,000 nodes: both
// paths run at 5–7 ns per unit of Cost), so that Cost stays in pair visits.
const treeVisitCost = 2

// cell is a square of the quadtree with the aggregate of the nodes in it.
type cell struct {
	minX, minY, maxX, maxY float64 // tight bounds of its nodes
	cx, cy                 float64 // push-weighted centre
	mass                   float64 // summed push
	maxR                   float64 // largest disc radius inside
	open2                  float64 // (side / theta)²: nearer than that, open it
	lo, hi                 int32   // its nodes: order[lo:hi]
	child                  [4]int32
	leaf                   bool
}

// buildTree fills l.cells from the current positions, reusing the slices
// of the previous step.
func (l *Layout) buildTree() {
	if cap(l.order) < l.n {
		l.order = make([]int32, l.n)
	}
	l.order = l.order[:l.n]
	for i := range l.order {
		l.order[i] = int32(i)
	}
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for _, p := range l.pos {
		minX, maxX = min(minX, p[0]), max(maxX, p[0])
		minY, maxY = min(minY, p[1]), max(maxY, p[1])
	}
	l.cells = l.cells[:0]
	l.split(0, int32(l.n), minX, minY, max(maxX-minX, maxY-minY), 0)
}

// split adds the cell of order[lo:hi] inside the square at (x0, y0) with
// side size, and its children, and returns its index.
func (l *Layout) split(lo, hi int32, x0, y0, size float64, depth int) int32 {
	c := cell{lo: lo, hi: hi, child: [4]int32{-1, -1, -1, -1},
		minX: math.Inf(1), minY: math.Inf(1), maxX: math.Inf(-1), maxY: math.Inf(-1)}
	for _, v := range l.order[lo:hi] {
		p, w := l.pos[v], l.push[v]
		c.minX, c.maxX = min(c.minX, p[0]), max(c.maxX, p[0])
		c.minY, c.maxY = min(c.minY, p[1]), max(c.maxY, p[1])
		c.cx += p[0] * w
		c.cy += p[1] * w
		c.mass += w
		c.maxR = max(c.maxR, l.radius[v])
	}
	c.cx /= c.mass
	c.cy /= c.mass
	side := max(c.maxX-c.minX, c.maxY-c.minY) / theta
	c.open2 = side * side
	c.leaf = hi-lo <= leafSize || depth >= maxDepth
	idx := int32(len(l.cells))
	l.cells = append(l.cells, c)
	if c.leaf {
		return idx
	}
	h := size / 2
	mx, my := x0+h, y0+h
	// Quadrants in order: low y then high y, each low x then high x.
	m := l.partition(lo, hi, 1, my)
	a := l.partition(lo, m, 0, mx)
	b := l.partition(m, hi, 0, mx)
	bounds := [5]int32{lo, a, m, b, hi}
	for q := 0; q < 4; q++ {
		if bounds[q] == bounds[q+1] {
			continue
		}
		qx, qy := x0+h*float64(q%2), y0+h*float64(q/2)
		ch := l.split(bounds[q], bounds[q+1], qx, qy, h, depth+1)
		l.cells[idx].child[q] = ch
	}
	return idx
}

// partition moves the nodes of order[lo:hi] whose coordinate axis is below
// mid to the front and returns where the others start.
func (l *Layout) partition(lo, hi int32, axis int, mid float64) int32 {
	i, j := lo, hi-1
	for i <= j {
		if l.pos[l.order[i]][axis] < mid {
			i++
			continue
		}
		l.order[i], l.order[j] = l.order[j], l.order[i]
		j--
	}
	return i
}

// repelTree adds every free node's repulsion from all the others to disp
// through the quadtree and returns the number of visits it made.
func (l *Layout) repelTree() int {
	l.buildTree()
	k2 := l.k * l.k
	visits := 0
	for i := 0; i < l.n; i++ {
		if l.pinned[i] {
			continue // its displacement is never used
		}
		xi, yi, pi, ri := l.pos[i][0], l.pos[i][1], l.push[i], l.radius[i]
		var fx, fy float64
		stack := append(l.stack[:0], 0)
		for len(stack) > 0 {
			c := &l.cells[stack[len(stack)-1]]
			stack = stack[:len(stack)-1]
			visits++
			dx, dy := xi-c.cx, yi-c.cy
			d2 := dx*dx + dy*dy
			// Distance from the node to the cell's box: a cell that one of
			// its discs might touch is opened, so that the collision push
			// stays exact.
			var bx, by float64
			if xi < c.minX {
				bx = c.minX - xi
			} else if xi > c.maxX {
				bx = xi - c.maxX
			}
			if yi < c.minY {
				by = c.minY - yi
			} else if yi > c.maxY {
				by = yi - c.maxY
			}
			gap := ri + c.maxR + clearance
			if c.open2 < d2 && bx*bx+by*by >= gap*gap {
				f := k2 * pi * c.mass / d2
				fx += dx * f
				fy += dy * f
				continue
			}
			if c.leaf {
				// Too near to count as one: each of its nodes pushes.
				for _, j32 := range l.order[c.lo:c.hi] {
					j := int(j32)
					if j == i {
						continue
					}
					dx, dy, f := l.pairForce(i, j, k2)
					fx += dx * f
					fy += dy * f
				}
				visits += int(c.hi-c.lo) - 1
				continue
			}
			for _, ch := range c.child {
				if ch >= 0 {
					stack = append(stack, ch)
				}
			}
		}
		l.stack = stack
		l.disp[i][0] += fx
		l.disp[i][1] += fy
	}
	return visits
}

// pairForce is the repulsion of j on i as a direction (dx, dy) and a factor
// f, the push being (dx·f, dy·f): the same for both paths.
func (l *Layout) pairForce(i, j int, k2 float64) (dx, dy, f float64) {
	dx = l.pos[i][0] - l.pos[j][0]
	dy = l.pos[i][1] - l.pos[j][1]
	d2 := dx*dx + dy*dy
	if d2 < 1e-12 {
		// Coincident nodes: push apart along a fixed direction derived
		// from their indexes, so the result stays deterministic; the
		// lower index goes one way and the higher the other.
		a, b, sign := i, j, 1.0
		if a > b {
			a, b, sign = j, i, -1
		}
		ang := float64(a*7919+b*104729) * 0.001
		dx, dy, d2 = sign*math.Cos(ang)*1e-3, sign*math.Sin(ang)*1e-3, 1e-6
	}
	f = k2 * l.push[i] * l.push[j] / d2
	// Discs that would touch push hard, in proportion to the overlap, so
	// that no two discs cover each other.
	if gap := l.radius[i] + l.radius[j] + clearance; d2 < gap*gap {
		d := math.Sqrt(d2)
		f += collision * (gap - d) / d
	}
	return dx, dy, f
}

// treeEstimate is the visits per node and per level of the tree that Cost
// assumes before the first step has counted them.
const treeEstimate = 5

// treeBuildCost is building the tree, in visits per node.
const treeBuildCost = 8
