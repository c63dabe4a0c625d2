// Package layout places the entities of a network in a rectangle so that
// the members of each loop sit round a common centre, in loop order. It is a
// force-directed layout (Fruchterman and Reingold 1991) with one extra force
// per chosen loop that pulls its members onto a regular polygon, run one
// bounded step at a time so that the caller can spread the work over ticks.
// Networks above treeAbove nodes repel through a Barnes–Hut quadtree
// (barneshut.go) instead of visiting every pair. Everything is
// deterministic for the same input and seed.
package layout

import (
	"math"
	"math/bits"
	"sort"
)

// Graph is what the layout needs to know about a network.
type Graph struct {
	// N is the number of nodes.
	N int
	// Edges are the linked pairs; direction and duplicates do not matter.
	Edges [][2]int
	// Loops are cycles as node lists in cycle order, shortest first; the
	// layout draws at most MaxRings of them as rings.
	Loops [][]int
	// Pinned marks nodes whose position is fixed at Pin.
	Pinned []bool
	// Pin holds the fixed positions, each coordinate in [0, 1].
	Pin [][2]float64
	// Weight is each node's size in [0, 1] (nil: all 0); heavier nodes push
	// their neighbours further away, so that large discs get room.
	Weight []float64
	// Radius is each node's disc radius as a share of the drawing area's
	// shorter side (nil: 0); the layout keeps discs from touching.
	Radius []float64
	// Aspect is the drawing area's width over its height (0 means 1); the
	// layout fills that shape.
	Aspect float64
	// Circular are the circular deals as node lists in cycle order, top
	// ranked first. When there are any, the picture is loop-first: their
	// members form rings in the middle (the top MaxRings of them) and
	// Loops is not used; every other node sits in an outer band (band.go).
	Circular [][]int
	// Group is each node's group in the outer band (nil: one group), such
	// as its kind: a group's members sit side by side.
	Group []int
}

// MaxRings caps how many loops shape the layout; more would pull the
// shared members in too many directions to read.
const MaxRings = 24

// Iterations is how many steps the layout takes before it is settled.
const Iterations = 400

// ringSide is the side of a ring's polygon in units of the ideal distance.
const ringSide = 1.0

// gravity is the pull toward the centre, per unit of distance and of k.
const gravity = 0.18

// clearance is the space kept between two discs, in units.
const clearance = 0.012

// collision is the strength of the push between overlapping discs.
const collision = 40.0

// heavy is how much more the heaviest node pushes than the lightest.
const heavy = 1.5

// margin keeps nodes away from the border of the area, in units of its height.
const margin = 0.06

type ring struct {
	members []int
	radius  float64 // in units
	weight  float64 // share of ringStrength; 0 counts as 1
}

// Layout is a running placement. Create one with New.
// Internally x runs over [0, aspect] and y over [0, 1], so that distances
// are true distances on screen; Positions divides x by the aspect.
type Layout struct {
	n      int
	aspect float64
	pos    [][2]float64
	out    [][2]float64 // positions in [0, 1]², returned by Positions
	pin    [][2]float64 // pinned positions in [0, 1]²
	share  []float64    // disc radius as a share of the shorter side
	disp   [][2]float64
	pinned []bool
	push   []float64 // repulsion factor per node, from its weight
	radius []float64 // disc radius per node, in units
	edges  [][2]int
	rings  []ring
	k      float64 // ideal distance between neighbours, in units
	iter   int

	// The quadtree of large networks, rebuilt each step in place.
	cells  []cell
	order  []int32 // node indexes, grouped by cell
	stack  []int32 // cells still to visit
	visits int     // tree visits of the last step, 0 before the first

	// The loop-first picture (band.go): core marks the members of circular
	// deals, nil when the graph names none.
	core []bool
	band band

	// g and seed are what New was given, from which prepare makes the
	// rest; prepared says it has.
	g        Graph
	seed     int64
	prepared bool
}

// sizeRings sets each ring's radius from the current k.
func (l *Layout) sizeRings() {
	for i := range l.rings {
		l.rings[i].radius = ringRadius(l.rings[i].members, l.k, l.push)
	}
}

// scale sets the distances that depend on the area's shape.
func (l *Layout) scale() {
	l.k = math.Min(0.3, 0.75*math.Sqrt(l.aspect/float64(l.n)))
	if l.core != nil {
		l.shapeBand()
	}
	short := math.Min(l.aspect, 1)
	for i, s := range l.share {
		l.radius[i] = s * short
	}
}

func (l *Layout) placePins() {
	for v := range l.pos {
		if l.pinned[v] {
			l.pos[v] = [2]float64{l.pin[v][0] * l.aspect, l.pin[v][1]}
		}
	}
}

// Aspect is the width over the height of the area the layout fills.
func (l *Layout) Aspect() float64 { return l.aspect }

// SetAspect reshapes the layout for an area of another shape: it stretches
// the current positions to the new shape and takes the second half of its
// steps again, so that the picture adapts without starting over.
func (l *Layout) SetAspect(a float64) {
	if a <= 0 || a == l.aspect || l.n == 0 {
		return
	}
	l.prepare()
	for i := range l.pos {
		l.pos[i][0] *= a / l.aspect
	}
	l.aspect = a
	l.scale()
	l.sizeRings()
	l.placePins()
	l.iter = min(l.iter, Iterations/2)
}

func uniqueEdges(in [][2]int) [][2]int {
	seen := make(map[[2]int]bool, len(in))
	var out [][2]int
	for _, e := range in {
		a, b := e[0], e[1]
		if a == b {
			continue
		}
		if a > b {
			a, b = b, a
		}
		if !seen[[2]int{a, b}] {
			seen[[2]int{a, b}] = true
			out = append(out, [2]int{a, b})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i][0] != out[j][0] {
			return out[i][0] < out[j][0]
		}
		return out[i][1] < out[j][1]
	})
	return out
}

// Settled reports whether the layout has taken all its steps.
func (l *Layout) Settled() bool { return l.iter >= Iterations || l.n == 0 }

// Progress is the share of steps taken, in [0, 1].
func (l *Layout) Progress() float64 {
	if l.Settled() {
		return 1
	}
	return float64(l.iter) / Iterations
}

// Cost is the work of one Step in pair visits, so that a caller can decide
// how many steps fit in one tick. For a large network it is the last step's
// walk of the quadtree (an estimate before the first step), which changes
// little from one step to the next.
func (l *Layout) Cost() int {
	l.prepare()
	return l.costOf(l.n > treeAbove)
}

func (l *Layout) costOf(tree bool) int {
	rest := len(l.edges) + 8*len(l.rings) + 1
	if !tree {
		if l.core != nil {
			// Only the core repels; the band is sorted into its slots.
			moved := l.n - len(l.band.nodes)
			return moved*moved/2 + bandCost*len(l.band.nodes) + rest
		}
		return l.n*l.n/2 + rest
	}
	visits := l.visits
	if visits == 0 {
		visits = treeEstimate * l.n * bits.Len(uint(l.n))
	}
	return treeVisitCost*(visits+treeBuildCost*l.n) + rest
}

// Settle takes every remaining step.
func (l *Layout) Settle() {
	for !l.Settled() {
		l.Step()
	}
}

// Positions returns the current positions, each coordinate in [0, 1] of the
// area, indexed by node. The slice is owned by the layout and changes with
// Step and SetAspect.
func (l *Layout) Positions() [][2]float64 {
	if l.iter == 0 {
		l.prepare() // the start, before the first step
	}
	for i, p := range l.pos {
		l.out[i] = [2]float64{p[0] / l.aspect, p[1]}
	}
	return l.out
}

// Step moves every free node once and reports whether the layout is settled.
func (l *Layout) Step() bool { return l.step(l.n > treeAbove) }

// step is Step, repelling through the quadtree if tree is set.
func (l *Layout) step(tree bool) bool {
	if l.Settled() {
		return true
	}
	l.prepare()
	// Temperature falls linearly: large moves first, then refinement.
	t := 0.08 * (1 - float64(l.iter)/Iterations)
	if t < 0.002 {
		t = 0.002
	}
	k := l.k
	for i := range l.disp {
		l.disp[i] = [2]float64{}
	}
	// Repulsion between every pair, or through a quadtree for large
	// networks.
	if tree {
		l.visits = l.repelTree()
	} else {
		l.repelPairs()
	}
	// Attraction along edges.
	for _, e := range l.edges {
		a, b := e[0], e[1]
		if l.inBand(a) || l.inBand(b) {
			continue
		}
		dx := l.pos[a][0] - l.pos[b][0]
		dy := l.pos[a][1] - l.pos[b][1]
		d := math.Sqrt(dx*dx + dy*dy)
		f := d / k
		l.disp[a][0] -= dx * f
		l.disp[a][1] -= dy * f
		l.disp[b][0] += dx * f
		l.disp[b][1] += dy * f
	}
	// Rings: pull each member toward its slot on a regular polygon round the
	// members' centroid, turned to fit where they already are.
	for _, r := range l.rings {
		l.pullRing(r)
	}
	// Gravity keeps loose parts from drifting to the border. It pulls
	// toward the centre in proportion to the share of the half-width or
	// half-height travelled, so the network fills a long area's length
	// instead of a circle in its middle.
	gx, gy := gravity/k/math.Sqrt(l.aspect), gravity/k*math.Sqrt(l.aspect)
	for i := 0; i < l.n; i++ {
		l.disp[i][0] += (l.aspect/2 - l.pos[i][0]) * gx
		l.disp[i][1] += (0.5 - l.pos[i][1]) * gy
	}
	for i := 0; i < l.n; i++ {
		if l.pinned[i] || l.inBand(i) {
			continue
		}
		dx, dy := l.disp[i][0], l.disp[i][1]
		d := math.Sqrt(dx*dx + dy*dy)
		if d > t {
			dx, dy = dx/d*t, dy/d*t
		}
		l.pos[i][0] = clamp(l.pos[i][0]+dx, margin, l.aspect-margin)
		l.pos[i][1] = clamp(l.pos[i][1]+dy, margin, 1-margin)
		if l.core != nil {
			l.keepInCore(i)
		}
	}
	if l.core != nil {
		l.placeBand()
	}
	l.iter++
	return l.Settled()
}

// repelPairs adds the repulsion of every pair of nodes the forces move.
func (l *Layout) repelPairs() {
	k2 := l.k * l.k
	for i := 0; i < l.n; i++ {
		if l.inBand(i) {
			continue
		}
		for j := i + 1; j < l.n; j++ {
			if l.inBand(j) {
				continue
			}
			dx, dy, f := l.pairForce(i, j, k2)
			l.disp[i][0] += dx * f
			l.disp[i][1] += dy * f
			l.disp[j][0] -= dx * f
			l.disp[j][1] -= dy * f
		}
	}
}

// ringStrength weighs the ring force against the others, per unit of
// distance from the slot.
const ringStrength = 2.0

func (l *Layout) pullRing(r ring) {
	m := len(r.members)
	var cx, cy float64
	for _, v := range r.members {
		cx += l.pos[v][0]
		cy += l.pos[v][1]
	}
	cx /= float64(m)
	cy /= float64(m)
	// Slots run counterclockwise on screen (y down) in loop order: each
	// edge bends to the right of its travel (scene), so the ring's edges
	// bow outward and read as one circle turning one way.
	// Best rotation: the mean of each member's angle minus its slot angle,
	// taken as a vector sum so that it wraps correctly.
	var sx, sy float64
	for i, v := range r.members {
		a := math.Atan2(l.pos[v][1]-cy, l.pos[v][0]-cx) + 2*math.Pi*float64(i)/float64(m)
		sx += math.Cos(a)
		sy += math.Sin(a)
	}
	rot := math.Atan2(sy, sx)
	pull := ringStrength / l.k
	if r.weight > 0 {
		pull *= r.weight
	}
	for i, v := range r.members {
		a := rot - 2*math.Pi*float64(i)/float64(m)
		tx := cx + r.radius*math.Cos(a)
		ty := cy + r.radius*math.Sin(a)
		l.disp[v][0] += (tx - l.pos[v][0]) * pull
		l.disp[v][1] += (ty - l.pos[v][1]) * pull
	}
}

// inBand reports whether node i sits in the loop-first picture's outer
// band, where its place is a slot, not the forces' work.
func (l *Layout) inBand(i int) bool { return l.core != nil && !l.core[i] }

func clamp(v, lo, hi float64) float64 {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}
