package scene

import (
	"math"
	"sort"
)

// Level of detail. A frame of a large network (thousands of edges) cannot
// draw every edge as a dashed curve with an arrow head and particles within
// its time budget, and would be an unreadable hairball if it did. So a frame
// spends a fixed budget on what matters most and draws the rest lightly:
//
//   - Edges entirely off screen are not drawn (zooming in brings detail back
//     to what is visible).
//   - The maxFullEdges heaviest edges on screen (those touching the
//     selection or the story step first, then live before called off,
//     disclosed before undisclosed, larger amounts first) are drawn in full;
//     the others as faint one-pixel hairlines without arrow heads.
//   - Hairlines between entities in the same two cells of a mergeCSS grid
//     would be drawn over each other, so only the heaviest is drawn.
//   - Particles go to the heaviest full edges until maxFrameParticles are
//     placed.
//
// The bundled dataset (117 deals) is far below every budget, so its picture
// is exactly the full-detail one.
const (
	// maxFullEdges is how many edges a frame draws in full.
	maxFullEdges = 1000
	// maxFrameParticles is how many particles (money and capacity) a frame
	// draws at most.
	maxFrameParticles = 3000
	// mergeCSS is the size of the cells hairlines are merged by, in CSS
	// pixels.
	mergeCSS = 4
	// hairlineCSS is a hairline's width in CSS pixels and hairlineAlpha
	// its opacity relative to a full edge's colour.
	hairlineCSS   = 1
	hairlineAlpha = 0.55
	// hairlineStep is how many curve samples one hairline segment spans.
	hairlineStep = 6
)

// An edge's level of detail in a frame.
const (
	notDrawn uint8 = iota
	hairline
	fullDetail
	merged // a hairline already drawn covers it
)

// lod is the Frame's level-of-detail state, kept between frames so that
// choosing the detail allocates nothing.
type lod struct {
	// byWeight lists the edges, heaviest first.
	byWeight []int
	// detail is each edge's level of detail in the current frame, and
	// moving whether it carries particles.
	detail []uint8
	moving []bool
	// bounds holds each edge's bounding box, arrow head included.
	bounds []rect
	// seen is an open-addressing set of the cell pairs hairlines were
	// drawn between this frame: an entry counts only when its stamp is gen.
	seen  []uint64
	stamp []uint32
	gen   uint32
	// FullEdges, Hairlines and Particles count what the last frame drew.
	counts DetailCounts
	// grid finds the labels and discs near a label's place.
	grid labelGrid
}

// DetailCounts says how much detail a frame drew.
type DetailCounts struct {
	// FullEdges were drawn as curves with arrow heads, Hairlines as faint
	// lines, and Merged not at all because a hairline already covered them.
	FullEdges, Hairlines, Merged int
	// Particles counts money and capacity particles.
	Particles int
}

// Detail reports how much detail the last Build drew.
func (f *Frame) Detail() DetailCounts { return f.counts }

// prepare sizes the state for net and orders its edges by weight.
func (l *lod) prepare(net *Network) {
	n := len(net.Edges)
	l.byWeight = l.byWeight[:0]
	for i := 0; i < n; i++ {
		l.byWeight = append(l.byWeight, i)
	}
	sort.SliceStable(l.byWeight, func(i, j int) bool {
		a, b := &net.Edges[l.byWeight[i]], &net.Edges[l.byWeight[j]]
		if a.Terminated != b.Terminated {
			return !a.Terminated
		}
		if a.Disclosed != b.Disclosed {
			return a.Disclosed
		}
		return a.Total > b.Total
	})
	if cap(l.detail) < n {
		l.detail = make([]uint8, n)
		l.moving = make([]bool, n)
		l.bounds = make([]rect, n)
	}
	l.detail, l.moving, l.bounds = l.detail[:n], l.moving[:n], l.bounds[:n]
	size := 64
	for size < 2*n {
		size *= 2
	}
	if len(l.seen) < size {
		l.seen = make([]uint64, size)
		l.stamp = make([]uint32, size)
		l.gen = 0
	}
}

// chooseDetail sets each edge's level of detail and particles for a frame
// on a screen of the given bounds; the curves must be built.
func (f *Frame) chooseDetail(screen rect, motion bool, dpr float32) {
	for ei := range f.detail {
		f.detail[ei] = notDrawn
		f.moving[ei] = false
	}
	f.gen++
	if f.gen == 0 { // wrapped: forget every old stamp
		clear(f.stamp)
		f.gen = 1
	}
	f.counts = DetailCounts{}
	if f.selected >= 0 || f.spotOn {
		// What the selection or the story step points at comes first.
		f.chooseEdges(screen, motion, dpr, true)
	}
	f.chooseEdges(screen, motion, dpr, false)
}

// chooseEdges walks the edges not yet chosen, heaviest first (only the lit
// ones if litOnly), and gives each on screen the most detail the budgets
// leave.
func (f *Frame) chooseEdges(screen rect, motion bool, dpr float32, litOnly bool) {
	cell := mergeCSS * dpr
	for _, ei := range f.byWeight {
		if f.detail[ei] != notDrawn || !f.edgeShown[ei] || litOnly && !f.edgeLit(ei) || !screen.overlaps(f.bounds[ei]) {
			continue
		}
		if f.counts.FullEdges < maxFullEdges {
			f.detail[ei] = fullDetail
			f.counts.FullEdges++
			if motion {
				f.chooseParticles(ei, dpr)
			}
			continue
		}
		from, to := f.Discs[f.net.Edges[ei].From], f.Discs[f.net.Edges[ei].To]
		if f.mark(cellOf(point{from.X, from.Y}, cell), cellOf(point{to.X, to.Y}, cell)) {
			f.detail[ei] = hairline
			f.counts.Hairlines++
		} else {
			f.detail[ei] = merged
			f.counts.Merged++
		}
	}
}

// chooseParticles lets edge ei carry particles if the frame's budget has
// room for them.
func (f *Frame) chooseParticles(ei int, dpr float32) {
	e := &f.net.Edges[ei]
	if e.Terminated || !f.edgeLit(ei) {
		return
	}
	length := f.arcs[ei][curveSamples]
	if length < 1 {
		return
	}
	n := particleCount(length, dpr)
	if e.CapacityMW > 0 {
		n *= 2
	}
	if f.counts.Particles+n <= maxFrameParticles {
		f.moving[ei] = true
		f.counts.Particles += n
	}
}

// cellOf packs the merge cell of p into 32 bits.
func cellOf(p point, cell float32) uint64 {
	x := int64(math.Floor(float64(p.x / cell)))
	y := int64(math.Floor(float64(p.y / cell)))
	return uint64(uint16(x)) | uint64(uint16(y))<<16
}

// mark adds the pair of cells (from, to) to the frame's set and reports
// whether it was new.
func (l *lod) mark(from, to uint64) bool {
	key := from | to<<32
	mask := uint64(len(l.seen) - 1)
	for h := (key * 0x9e3779b97f4a7c15) >> 32 & mask; ; h = (h + 1) & mask {
		if l.stamp[h] != l.gen {
			l.stamp[h], l.seen[h] = l.gen, key
			return true
		}
		if l.seen[h] == key {
			return false
		}
	}
}

// hairline adds edge ei as a faint line along its curve to the rim of its
// target, without arrow head or dashes.
func (f *Frame) hairline(ei int, dpr float32) {
	c := &f.curves[ei]
	col := f.edgeColor(ei).WithAlpha(hairlineAlpha)
	h := hairlineCSS * dpr / 2
	// The points: every hairlineStep-th sample of the curve, then the tip.
	const n = curveSamples/hairlineStep + 2
	p := func(k int) point {
		if k >= n-1 {
			return f.tips[ei]
		}
		return c[k*hairlineStep]
	}
	base := f.Mesh.begin(2 * n)
	vs, is := f.Mesh.grow(2*n, 6*(n-1))
	for k := 0; k < n; k++ {
		nx, ny := normal(p(max(0, k-1)), p(min(n-1, k+1)))
		q := p(k)
		vs[2*k] = at(q.x+nx*h, q.y+ny*h, col)
		vs[2*k+1] = at(q.x-nx*h, q.y-ny*h, col)
	}
	for k := 0; k < n-1; k++ {
		a := base + uint16(2*k)
		copy(is[6*k:], []uint16{a, a + 1, a + 3, a, a + 3, a + 2})
	}
}
