package scene

import "math"

const (
	curveSamples  = 24   // points along each edge's curve
	bend          = 0.18 // control point offset as a share of the edge's length
	speedCSS      = 0.9  // particle speed in CSS pixels per tick
	spacingCSS    = 70   // distance between particles in CSS pixels
	maxParticles  = 10   // per edge and flow
	arrowLenRatio = 1.8  // arrow head length as a multiple of edge width
)

// Strokes. Status reads in the stroke, the amount in the width: a deal only
// in talks or a letter of intent is dashed, one called off is faded, and
// an edge with no disclosed amount is a thin dotted line.
const (
	dashCSS = 9 // tentative edges: dash length in CSS pixels
	gapCSS  = 6 // and the gap after it
	dotCSS  = 2 // undisclosed edges: dot length in CSS pixels
	dotGap  = 4 // and the gap after it
	// TerminatedAlpha is how much of its colour a called-off edge keeps.
	TerminatedAlpha = 0.35
)

// curve records edge ei's drawn width and its sampled curve, for drawing,
// the particles and hit tests.
func (f *Frame) curve(ei int, dpr float32) {
	e := &f.net.Edges[ei]
	if !f.edgeShown[ei] {
		// Keep the curve for hit tests off: a hidden edge has no length.
		f.widths[ei] = 0
		for i := range f.curves[ei] {
			f.curves[ei][i] = point{-1e9, -1e9}
		}
		return
	}
	from, to := f.Discs[e.From], f.Discs[e.To]
	dx, dy := to.X-from.X, to.Y-from.Y
	// Bend to the right of the direction of travel, so that the edges of
	// two opposite flows between the same pair never overlap.
	cx := (from.X+to.X)/2 - dy*bend
	cy := (from.Y+to.Y)/2 + dx*bend

	width := float32(EdgeWidthCSS(0, 0)) * dpr
	if e.Disclosed {
		width = float32(EdgeWidthCSS(e.Total, f.net.MaxTotal)) * dpr
	}
	f.widths[ei] = width
	// The arrow head grows with the width but never eats more than a third
	// of a short edge.
	arrow := min(width*arrowLenRatio+4*dpr, max(dist(point{from.X, from.Y}, point{to.X, to.Y})-from.R-to.R, 0)/3)
	p0 := toward(from.X, from.Y, cx, cy, from.R)
	tip := toward(to.X, to.Y, cx, cy, to.R)
	p2 := toward(to.X, to.Y, cx, cy, to.R+arrow)

	curve := &f.curves[ei]
	arc := &f.arcs[ei]
	for i := 0; i <= curveSamples; i++ {
		t := float32(i) / curveSamples
		u := 1 - t
		curve[i] = point{
			u*u*p0.x + 2*u*t*cx + t*t*p2.x,
			u*u*p0.y + 2*u*t*cy + t*t*p2.y,
		}
		if i > 0 {
			arc[i] = arc[i-1] + dist(curve[i-1], curve[i])
		}
	}
	f.tips[ei] = tip
	// The curve lies within the triangle of its control points.
	hw := arrowHalf(width, dpr)
	f.bounds[ei] = rect{
		min(p0.x, cx, p2.x, tip.x) - hw, min(p0.y, cy, p2.y, tip.y) - hw,
		max(p0.x, cx, p2.x, tip.x) + hw, max(p0.y, cy, p2.y, tip.y) + hw,
	}
}

// arrowHalf is the half-width of the arrow head of an edge width wide:
// wider than the edge, so that it reads as a head even on a thick edge,
// but not by so much that thick edges end in great wedges.
func arrowHalf(width, dpr float32) float32 { return max(width*0.9, 3.5*dpr) }

// edgeColor is edge ei's colour: fainter when called off or away from the
// selection or story step, stronger when it touches the selection.
func (f *Frame) edgeColor(ei int) Color {
	col := f.pal.Edge
	if f.net.Edges[ei].Terminated {
		col = col.WithAlpha(TerminatedAlpha)
	}
	if a := f.edgeAlpha(ei); a < 1 {
		col = col.WithAlpha(a)
	} else if f.selected >= 0 {
		col = col.WithAlpha(1.8)
	}
	return col.WithAlpha(f.besideLoop(ei))
}

// besideLoopAlpha is how much of its colour an edge keeps while loops are
// lit and it is on none of them, with nothing selected and no step open:
// the lit rings stand out, and the rest of the network stays in view.
const besideLoopAlpha = 0.5

// besideLoop is besideLoopAlpha for an edge off the lit loops while
// they are the picture's subject, 1 otherwise.
func (f *Frame) besideLoop(ei int) float32 {
	if len(f.loops.edges) == 0 || f.onLoop[ei] || f.selected >= 0 || f.spotOn {
		return 1
	}
	return besideLoopAlpha
}

// edge adds edge ei's curve, dashed when tentative, dotted when no amount
// is disclosed, and its arrow head.
func (f *Frame) edge(ei int, dpr float32) {
	e := &f.net.Edges[ei]
	width, tip := f.widths[ei], f.tips[ei]
	col := f.edgeColor(ei)
	switch {
	case e.Tentative:
		f.stroke(ei, width, dashCSS*dpr, gapCSS*dpr, col)
	case !e.Disclosed:
		f.stroke(ei, width, dotCSS*dpr, dotGap*dpr, col)
	default:
		f.stroke(ei, width, 0, 0, col)
	}
	// Arrow head from the end of the curve to the rim of the target disc.
	end := f.curves[ei][curveSamples]
	nx, ny := normal(end, tip)
	hw := arrowHalf(width, dpr)
	f.Mesh.Triangle(tip.x, tip.y, end.x+nx*hw, end.y+ny*hw, end.x-nx*hw, end.y-ny*hw, col.WithAlpha(1.6))
}

// stroke adds edge ei's curve width wide in colour col: solid when on is 0,
// else on device pixels drawn and off left out, from its start.
func (f *Frame) stroke(ei int, width, on, off float32, col Color) {
	curve, arc := &f.curves[ei], &f.arcs[ei]
	h := width / 2
	if on <= 0 && f.Mesh.Feathered(f.Mesh.open) {
		f.Mesh.softStroke(curve[:], h, col)
		return
	}
	period := on + off
	for i := 0; i < curveSamples; i++ {
		a, c := curve[i], curve[i+1]
		nx, ny := normal(a, c)
		s0, s1 := arc[i], arc[i+1]
		if on <= 0 || s1 <= s0 {
			f.Mesh.Quad(a.x+nx*h, a.y+ny*h, c.x+nx*h, c.y+ny*h, c.x-nx*h, c.y-ny*h, a.x-nx*h, a.y-ny*h, col)
			continue
		}
		// The dashes that meet this sample, each clipped to it.
		for d := float32(math.Floor(float64(s0/period))) * period; d < s1; d += period {
			t0, t1 := max(d, s0), min(d+on, s1)
			if t1 <= t0 {
				continue
			}
			u0, u1 := (t0-s0)/(s1-s0), (t1-s0)/(s1-s0)
			p := point{a.x + (c.x-a.x)*u0, a.y + (c.y-a.y)*u0}
			q := point{a.x + (c.x-a.x)*u1, a.y + (c.y-a.y)*u1}
			f.Mesh.Quad(p.x+nx*h, p.y+ny*h, q.x+nx*h, q.y+ny*h, q.x-nx*h, q.y-ny*h, p.x-nx*h, p.y-ny*h, col)
		}
	}
}

// particleCount is how many money particles (and as many capacity ones)
// travel an edge whose curve is length device pixels long.
func particleCount(length, dpr float32) int {
	return max(1, min(int(length/(spacingCSS*dpr)), maxParticles))
}

// particles adds the money particles flowing From → To along edge ei and the
// capacity particles flowing back To → From.
func (f *Frame) particles(ei int, tick int64, dpr float32) {
	e := &f.net.Edges[ei]
	if e.Terminated || !f.edgeLit(ei) {
		return
	}
	arc := &f.arcs[ei]
	length := arc[curveSamples]
	if length < 1 {
		return
	}
	n := particleCount(length, dpr)
	dim := f.besideLoop(ei)
	// Phase in [0, 1) along the edge, advanced by a whole number of ticks
	// so that the animation never depends on the wall clock.
	travel := float64(tick) * speedCSS * float64(dpr) / float64(length)
	money := float32(2.4) * dpr
	for i := 0; i < n; i++ {
		u := frac(travel + float64(i)/float64(n))
		p := f.along(ei, float32(u))
		f.Mesh.Disc(p.x, p.y, money, f.pal.Money.WithAlpha(dim))
	}
	if e.CapacityMW <= 0 {
		return
	}
	// Capacity particles: diamonds, offset by half a spacing from the money
	// ones and moving the other way, slower, so the two read apart.
	size := float32(3.2) * dpr
	for i := 0; i < n; i++ {
		u := 1 - frac(travel*0.6+(float64(i)+0.5)/float64(n))
		p := f.along(ei, float32(u))
		f.Mesh.Diamond(p.x, p.y, size, f.pal.Capacity.WithAlpha(dim))
	}
}

// EdgeAt returns the edge of the last frame (an index into its network's
// edges) whose curve passes within slop of (x, y) in device pixels, the
// nearest one, or -1.
func (f *Frame) EdgeAt(x, y, slop float32) int {
	best, bestD := -1, float32(math.MaxFloat32)
	if f.net == nil {
		return best // nothing built yet
	}
	p := point{x, y}
	for ei := range f.net.Edges {
		c := &f.curves[ei]
		for i := 0; i < curveSamples; i++ {
			d := segDist(p, c[i], c[i+1]) - f.widths[ei]/2
			if d <= slop && d < bestD {
				best, bestD = ei, d
			}
		}
	}
	return best
}

// segDist is the distance from p to the segment a–b.
func segDist(p, a, b point) float32 {
	dx, dy := b.x-a.x, b.y-a.y
	l2 := dx*dx + dy*dy
	t := float32(0)
	if l2 > 0 {
		t = ((p.x-a.x)*dx + (p.y-a.y)*dy) / l2
		t = max(0, min(1, t))
	}
	return dist(p, point{a.x + t*dx, a.y + t*dy})
}

// along returns the point at share u of edge ei's arc length.
func (f *Frame) along(ei int, u float32) point {
	curve, arc := &f.curves[ei], &f.arcs[ei]
	target := u * arc[curveSamples]
	// Binary search for the first sample interval that reaches target.
	i, j := 0, curveSamples
	for i < j {
		h := (i + j) / 2
		if arc[h+1] >= target {
			j = h
		} else {
			i = h + 1
		}
	}
	if i >= curveSamples {
		return curve[curveSamples]
	}
	seg := arc[i+1] - arc[i]
	t := float32(0)
	if seg > 0 {
		t = (target - arc[i]) / seg
	}
	return point{curve[i].x + (curve[i+1].x-curve[i].x)*t, curve[i].y + (curve[i+1].y-curve[i].y)*t}
}

func toward(x, y, tx, ty, r float32) point {
	dx, dy := tx-x, ty-y
	l := length(dx, dy)
	if l == 0 {
		return point{x, y}
	}
	return point{x + dx/l*r, y + dy/l*r}
}

func normal(a, b point) (float32, float32) {
	dx, dy := b.x-a.x, b.y-a.y
	l := length(dx, dy)
	if l == 0 {
		return 0, 0
	}
	return -dy / l, dx / l
}

func dist(a, b point) float32 {
	return length(b.x-a.x, b.y-a.y)
}

// length is the length of the vector (dx, dy). The squares are summed in
// float64, where they cannot overflow, so math.Hypot's care (and its cost,
// in a function called millions of times a frame for a large network) is
// not needed; the result rounds to the same float32.
func length(dx, dy float32) float32 {
	x, y := float64(dx), float64(dy)
	return float32(math.Sqrt(x*x + y*y))
}

func frac(x float64) float64 { return x - math.Floor(x) }
