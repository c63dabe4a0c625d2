package layout

import (
	"math"
	"math/rand"
)

// New prepares a layout of g with a deterministic start from seed. What
// the steps need (the band, the rings, the distances) and the start on an
// ellipse are made at the first call that needs them (prepare): a layout
// restored from a settled one (Restore), as the page's first frame is,
// may never need them, and making them cost the start 5–14 ms in Chromium,
// most of it compiling their WebAssembly on first use (issue 19).
func New(g Graph, seed int64) *Layout {
	l := &Layout{
		n:      g.N,
		aspect: 1,
		pos:    make([][2]float64, g.N),
		out:    make([][2]float64, g.N),
		g:      g,
		seed:   seed,
	}
	if g.Aspect > 0 {
		l.aspect = g.Aspect
	}
	return l
}

// prepare makes, once, what the steps need from the graph New was given,
// and, unless the layout was restored, its start: on an ellipse in ring
// order, so that members of a loop begin next to each other and the forces
// only have to refine, not untangle.
func (l *Layout) prepare() {
	if l.prepared {
		return
	}
	l.prepared = true
	g := l.g
	l.pin = make([][2]float64, g.N)
	l.share = make([]float64, g.N)
	l.disp = make([][2]float64, g.N)
	l.pinned = make([]bool, g.N)
	l.push = make([]float64, g.N)
	l.radius = make([]float64, g.N)
	l.edges = uniqueEdges(g.Edges)
	if g.N == 0 {
		return
	}
	copy(l.pinned, g.Pinned)
	copy(l.pin, g.Pin)
	copy(l.share, g.Radius)
	for i := range l.push {
		l.push[i] = 1
		if i < len(g.Weight) {
			l.push[i] += heavy * clamp(g.Weight[i], 0, 1)
		}
	}
	if len(g.Circular) > 0 {
		l.setupBand(g)
	}
	l.scale()
	if l.core == nil {
		l.rings = chooseRings(g.Loops, l.k, l.push)
	}
	l.sizeRings()
	if l.iter > 0 {
		return // restored: the settled positions stand
	}
	order := ringOrder(g.N, l.rings)
	rng := rand.New(rand.NewSource(l.seed))
	for i, v := range order {
		a := 2 * math.Pi * float64(i) / float64(g.N)
		r := 0.38 + 0.02*rng.Float64()
		l.pos[v] = [2]float64{l.aspect * (0.5 + r*math.Cos(a)), 0.5 + r*math.Sin(a)}
	}
	l.placePins()
	if l.core != nil {
		l.placeBand()
	}
}
