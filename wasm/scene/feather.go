package scene

import "math"

// Feathered reports whether the mesh's layer l is feathered: its shapes
// carry their own soft edge, a band a device pixel wide (fringe) across
// their outline, fading from their colour inside to transparent outside,
// as a pixel that the outline half covers would show. Only a Soft mesh's
// moving layer is: the drawing package draws it without the engine's
// anti-aliasing, which draws onto an offscreen image of twice the size and
// copies it back, for the layer drawn anew every tick the most of the
// GPU's work in a steady frame (BENCHMARKS.md, issue 19). A vector picture
// (the poster) is anti-aliased by whatever shows it and wants no band.
func (m *Mesh) Feathered(l Layer) bool { return m.Soft && l == LayerMoving }

// fringe is the width of a feathered shape's soft edge in device pixels,
// half inside its outline and half outside.
const fringe = 1.0

// featherSegments is how many sides make a feathered disc of radius r look
// round: the fewest whose corners stand at most a third of a pixel proud
// of the circle (π·√(1.5r) sides, from r·(1 − cos(π/n)) ≤ ⅓), which the
// soft edge, a pixel wide, blurs, and at least six. The particles, a
// thousand or more a frame, take six at DPR 1 and nine at DPR 2, against
// segments' twelve: their soft edges cost the engine more triangles.
func featherSegments(r float32) int {
	n := int(math.Ceil(math.Pi * math.Sqrt(1.5*float64(r))))
	return min(max(n, 6), maxSegments)
}

// minMiter bounds how far a feathered corner's edge moves along its
// bisector, as 1 + cos of the turn between its sides: a sharper corner
// would reach far beyond the shape.
const minMiter = 0.25

// regular adds the regular polygon of n corners (a disc's, unit[n]) round
// (cx, cy) at radius r with a feathered edge. Its corners move along
// their radii by half the fringe over the cosine of half a corner's
// turn (secant[n]), which moves each side by half the fringe: the
// cheap path of convex, with no square root, for the particles.
func (m *Mesh) regular(cx, cy, r float32, n int, c Color) {
	d := fringe / 2 * secant[n]
	ri, ro := max(r-d, 0), r+d
	base := m.begin(2 * n)
	vs, is := m.grow(2*n, featherIndexes(n))
	faded := c.WithAlpha(0)
	for i, p := range unit[n] {
		vs[i] = at(cx+ri*p[1], cy+ri*p[0], c)
		vs[n+i] = at(cx+ro*p[1], cy+ro*p[0], faded)
	}
	feather(is, base, n)
}

// convex adds the convex polygon m.corners[:n] (in either winding) with a
// feathered edge: the polygon inset by half the fringe in colour c, and
// a band out to half the fringe beyond the outline that fades to
// transparent.
func (m *Mesh) convex(n int, c Color) {
	pts := m.corners[:n]
	var area float32
	for i, p := range pts {
		q := pts[(i+1)%n]
		area += p[0]*q[1] - q[0]*p[1]
	}
	out := float32(1) // the outward side of an edge, by the winding
	if area < 0 {
		out = -1
	}
	base := m.begin(2 * n)
	vs, is := m.grow(2*n, featherIndexes(n))
	faded := c.WithAlpha(0)
	h := float32(fringe / 2)
	// Each edge's outward unit normal; a corner moves along the sum of its
	// two edges' normals, scaled so that both edges move by h.
	px, py := edgeNormal(pts[n-1], pts[0], out)
	for i, p := range pts {
		nx, ny := edgeNormal(p, pts[(i+1)%n], out)
		mx, my := px+nx, py+ny
		k := h / max(1+px*nx+py*ny, minMiter)
		vs[i] = at(p[0]-mx*k, p[1]-my*k, c)
		vs[n+i] = at(p[0]+mx*k, p[1]+my*k, faded)
		px, py = nx, ny
	}
	feather(is, base, n)
}

// featherIndexes is how many indexes a feathered polygon of n corners
// takes: its inside as a fan, and two triangles a side for its edge.
func featherIndexes(n int) int { return 3*(n-2) + 6*n }

// feather writes the triangles of a feathered polygon whose n inner
// corners are its first vertices from base, and its n outer ones the next.
func feather(is []uint16, base uint16, n int) {
	for i := 1; i < n-1; i++ {
		is[0], is[1], is[2] = base, base+uint16(i), base+uint16(i+1)
		is = is[3:]
	}
	for i := range n {
		j := (i + 1) % n
		a, b := base+uint16(i), base+uint16(j)
		oa, ob := base+uint16(n+i), base+uint16(n+j)
		is[0], is[1], is[2], is[3], is[4], is[5] = a, oa, ob, a, ob, b
		is = is[6:]
	}
}

// edgeNormal is the unit normal of the edge a → b on the side out (1 or
// −1) names.
func edgeNormal(a, b [2]float32, out float32) (float32, float32) {
	dx, dy := b[0]-a[0], b[1]-a[1]
	l := length(dx, dy)
	if l == 0 {
		return 0, 0
	}
	return out * dy / l, -out * dx / l
}

// softStroke adds a band of half-width h along the polyline pts with
// feathered sides: four vertices a sample (transparent, opaque, opaque,
// transparent across the band), joined from one sample to the next, so
// that no seam shows where the samples meet. Its ends are cut square.
func (m *Mesh) softStroke(pts []point, h float32, c Color) {
	n := len(pts)
	if n < 2 {
		return
	}
	base := m.begin(4 * n)
	vs, is := m.grow(4*n, 18*(n-1))
	faded := c.WithAlpha(0)
	in, outer := max(h-fringe/2, 0), h+fringe/2
	for i, p := range pts {
		// The normal at a sample is the mean of its segments' normals,
		// scaled so that the band keeps its width around a bend.
		ax, ay := normal(pts[max(i-1, 0)], pts[max(i, 1)])
		bx, by := normal(pts[min(i, n-2)], pts[min(i+1, n-1)])
		mx, my := ax+bx, ay+by
		k := 1 / max(1+ax*bx+ay*by, minMiter)
		mx, my = mx*k, my*k
		v := vs[4*i:]
		v[0] = at(p.x+mx*outer, p.y+my*outer, faded)
		v[1] = at(p.x+mx*in, p.y+my*in, c)
		v[2] = at(p.x-mx*in, p.y-my*in, c)
		v[3] = at(p.x-mx*outer, p.y-my*outer, faded)
	}
	for i := 0; i < n-1; i++ {
		a, b := base+uint16(4*i), base+uint16(4*i+4)
		for s := range uint16(3) {
			is[0], is[1], is[2], is[3], is[4], is[5] = a+s, b+s, b+s+1, a+s, b+s+1, a+s+1
			is = is[6:]
		}
	}
}
