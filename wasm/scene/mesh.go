package scene

import (
	"math"
	"slices"
)

// Vertex is one corner of a triangle in device pixels with a straight-alpha
// colour. It has the first eight fields of ebiten.Vertex, so the drawing
// package can copy it without conversion.
type Vertex struct {
	DstX, DstY float32
	SrcX, SrcY float32
	R, G, B, A float32
}

// Batch is a run of triangles whose indexes fit in 16 bits: Indices[I0:I1]
// index Vertices[V0:V1], counting from V0.
type Batch struct{ V0, V1, I0, I1 int }

// Mesh is a list of coloured triangles, split into batches because the
// engine takes 16-bit indexes, and into layers (Layer), each a run of
// whole batches.
type Mesh struct {
	Vertices []Vertex
	Indices  []uint16
	Batches  []Batch
	// spans holds each layer's batches, [from, to), but the open one's,
	// which runs to the end; cut makes the next primitive open a batch,
	// the first of a new layer.
	spans [layers]struct{ from, to int }
	open  Layer
	cut   bool
	// Soft feathers the moving layer's shapes (Feathered), for a drawing
	// package that draws that layer without anti-aliasing.
	Soft bool
	// corners holds a feathered shape's outline while it is made.
	corners [maxSegments][2]float32
}

// A Layer is a run of the mesh's triangles that the drawing package can
// draw apart from the others, in this order: Under (the edges), Moving
// (what the ticks move: particles, capacity marks, the loop's path) and
// Over (the discs). Under and Over do not change from one tick to the
// next while nothing else does, so they can be drawn once and kept, and
// a steady frame draws only Moving anew (wasm/app). The mesh holds Moving
// last, so that a tick rebuilds it alone (Move).
type Layer int

const (
	LayerUnder Layer = iota
	LayerMoving
	LayerOver
	layers
)

// startLayer closes the open layer and begins layer l: what is added
// next belongs to it.
func (m *Mesh) startLayer(l Layer) {
	m.spans[m.open].to = len(m.Batches)
	m.open = l
	m.spans[l].from = len(m.Batches)
	m.cut = true
}

// LayerBatches returns the batches of layer l (none when it is empty).
func (m *Mesh) LayerBatches(l Layer) []Batch {
	sp := m.spans[l]
	if l == m.open {
		sp.to = len(m.Batches)
	}
	return m.Batches[sp.from:sp.to]
}

// LayerVertices returns the vertices of layer l.
func (m *Mesh) LayerVertices(l Layer) []Vertex {
	bs := m.LayerBatches(l)
	if len(bs) == 0 {
		return nil
	}
	return m.Vertices[bs[0].V0:bs[len(bs)-1].V1]
}

// maxBatchVertices is the most vertices one 16-bit-indexed batch can hold.
const maxBatchVertices = 1 << 16

// Layers lists the layers in drawing order.
var Layers = [layers]Layer{LayerUnder, LayerMoving, LayerOver}

// Color is a straight-alpha colour with channels in [0, 1].
type Color struct{ R, G, B, A float32 }

// RGBA8 makes a Color from 8-bit channels and an alpha in [0, 1].
func RGBA8(r, g, b uint8, a float32) Color {
	return Color{float32(r) / 255, float32(g) / 255, float32(b) / 255, a}
}

// WithAlpha returns c with its alpha multiplied by a.
func (c Color) WithAlpha(a float32) Color { c.A *= a; return c }

func (m *Mesh) reset() {
	m.Vertices = m.Vertices[:0]
	m.Indices = m.Indices[:0]
	m.Batches = m.Batches[:0]
	m.spans = [layers]struct{ from, to int }{}
	m.open = LayerUnder
	m.cut = false
}

// reopen drops layer l, the last in the mesh, and begins it again.
func (m *Mesh) reopen(l Layer) {
	from := m.spans[l].from
	if from < len(m.Batches) {
		b := m.Batches[from]
		m.Vertices, m.Indices = m.Vertices[:b.V0], m.Indices[:b.I0]
	}
	m.Batches = m.Batches[:from]
	m.open = l
	m.cut = true
}

// begin makes room for a primitive of nv vertices and returns the index
// that its first vertex will have within the current batch.
func (m *Mesh) begin(nv int) uint16 {
	if m.cut || len(m.Batches) == 0 || m.Batches[len(m.Batches)-1].V1-m.Batches[len(m.Batches)-1].V0+nv > maxBatchVertices {
		m.Batches = append(m.Batches, Batch{V0: len(m.Vertices), V1: len(m.Vertices), I0: len(m.Indices), I1: len(m.Indices)})
		m.cut = false
	}
	b := &m.Batches[len(m.Batches)-1]
	return uint16(b.V1 - b.V0)
}

// grow adds nv vertices and ni indexes to the current batch (begin must
// have made room for them) and returns them to fill in, every one (they
// may hold an earlier frame's): writing them in place is much cheaper
// than appending them one by one, and the mesh of a large network has
// hundreds of thousands of vertices a frame.
//
// The buffers double when full, from a floor of minGrow: append grows a
// large slice by a quarter, so the first frame of the bundled network
// (46,000 vertices) copied its buffers some 25 times over and set the
// collector going each time, 80–190 ms of the start in the browser.
func (m *Mesh) grow(nv, ni int) ([]Vertex, []uint16) {
	v0, i0 := len(m.Vertices), len(m.Indices)
	m.Vertices = doubled(m.Vertices, nv)
	m.Indices = doubled(m.Indices, ni)
	b := &m.Batches[len(m.Batches)-1]
	b.V1 += nv
	b.I1 += ni
	return m.Vertices[v0:], m.Indices[i0:]
}

// reserve gives the buffers room for nv vertices and ni indexes at once,
// so that the first frame fills them without growing: in the browser
// each growth cleared and copied megabytes a few bytes a cycle.
func (m *Mesh) reserve(nv, ni int) {
	m.Vertices = slices.Grow(m.Vertices[:0], nv)
	m.Indices = slices.Grow(m.Indices[:0], ni)
}

// minGrow is the least number of elements a mesh buffer grows to.
const minGrow = 4096

// doubled is s lengthened by n elements, its backing array at least
// doubled when it has no room for them. The n elements may hold what an
// earlier frame left there: grow's callers write every one.
func doubled[T any](s []T, n int) []T {
	if len(s)+n > cap(s) {
		grown := make([]T, len(s), max(2*cap(s), len(s)+n, minGrow))
		copy(grown, s)
		s = grown
	}
	return s[:len(s)+n]
}

// at is the vertex at (x, y) in colour c.
func at(x, y float32, c Color) Vertex {
	return Vertex{DstX: x, DstY: y, SrcX: 1, SrcY: 1, R: c.R, G: c.G, B: c.B, A: c.A}
}

func (m *Mesh) vertex(x, y float32, c Color) {
	m.Vertices = append(m.Vertices, Vertex{DstX: x, DstY: y, SrcX: 1, SrcY: 1, R: c.R, G: c.G, B: c.B, A: c.A})
	m.Batches[len(m.Batches)-1].V1++
}

func (m *Mesh) tri(a, b, c uint16) {
	m.Indices = append(m.Indices, a, b, c)
	m.Batches[len(m.Batches)-1].I1 += 3
}

// Disc adds a filled circle.
func (m *Mesh) Disc(cx, cy, r float32, c Color) {
	if m.Feathered(m.open) {
		m.regular(cx, cy, r, featherSegments(r), c)
		return
	}
	n := segments(r)
	base := m.begin(n + 1)
	vs, is := m.grow(n+1, 3*n)
	vs[0] = at(cx, cy, c)
	for i, p := range unit[n] {
		vs[1+i] = at(cx+r*p[1], cy+r*p[0], c)
	}
	for i := 0; i < n; i++ {
		is[3*i], is[3*i+1], is[3*i+2] = base, base+1+uint16(i), base+1+uint16((i+1)%n)
	}
}

// Ring adds a circle outline of the given width centred on radius r.
func (m *Mesh) Ring(cx, cy, r, width float32, c Color) {
	n := segments(r)
	base := m.begin(2 * n)
	ri, ro := r-width/2, r+width/2
	for i := 0; i < n; i++ {
		s, co := sincos(i, n)
		m.vertex(cx+ri*co, cy+ri*s, c)
		m.vertex(cx+ro*co, cy+ro*s, c)
	}
	for i := 0; i < n; i++ {
		a, b := base+uint16(2*i), base+uint16(2*i+1)
		j := (i + 1) % n
		c2, d := base+uint16(2*j), base+uint16(2*j+1)
		m.tri(a, b, d)
		m.tri(a, d, c2)
	}
}

// Quad adds a quadrilateral with corners in order (convex, in a
// feathered layer).
func (m *Mesh) Quad(x0, y0, x1, y1, x2, y2, x3, y3 float32, c Color) {
	if m.Feathered(m.open) {
		m.corners[0], m.corners[1], m.corners[2], m.corners[3] = [2]float32{x0, y0}, [2]float32{x1, y1}, [2]float32{x2, y2}, [2]float32{x3, y3}
		m.convex(4, c)
		return
	}
	base := m.begin(4)
	vs, is := m.grow(4, 6)
	vs[0], vs[1], vs[2], vs[3] = at(x0, y0, c), at(x1, y1, c), at(x2, y2, c), at(x3, y3, c)
	is[0], is[1], is[2], is[3], is[4], is[5] = base, base+1, base+2, base, base+2, base+3
}

// Diamond adds a square standing on a corner, its corners r from (cx, cy).
func (m *Mesh) Diamond(cx, cy, r float32, c Color) {
	if m.Feathered(m.open) {
		m.regular(cx, cy, r, 4, c)
		return
	}
	m.Quad(cx+r, cy, cx, cy+r, cx-r, cy, cx, cy-r, c)
}

// Triangle adds one triangle.
func (m *Mesh) Triangle(x0, y0, x1, y1, x2, y2 float32, c Color) {
	if m.Feathered(m.open) {
		m.corners[0], m.corners[1], m.corners[2] = [2]float32{x0, y0}, [2]float32{x1, y1}, [2]float32{x2, y2}
		m.convex(3, c)
		return
	}
	base := m.begin(3)
	vs, is := m.grow(3, 3)
	vs[0], vs[1], vs[2] = at(x0, y0, c), at(x1, y1, c), at(x2, y2, c)
	is[0], is[1], is[2] = base, base+1, base+2
}

// Rect adds an axis-aligned rectangle.
func (m *Mesh) Rect(x, y, w, h float32, c Color) {
	m.Quad(x, y, x+w, y, x+w, y+h, x, y+h, c)
}

// The fewest and most sides of a circle.
const (
	minSegments = 12
	maxSegments = 72
)

// segments is how many sides make a circle of radius r look round.
func segments(r float32) int {
	n := int(r * 1.2)
	if n < minSegments {
		n = minSegments
	}
	if n > maxSegments {
		n = maxSegments
	}
	return n
}

// unit holds, for every side count segments and featherSegments return,
// the sines and cosines of the corners of a regular polygon: unit[n][i] is
// corner i of n.
// Particles are thousands of small discs a frame, and computing each
// corner's sine and cosine was a tenth of building a large frame.
var unit = func() (u [maxSegments + 1][][2]float32) {
	for n := 3; n <= maxSegments; n++ {
		u[n] = make([][2]float32, n)
		for i := range u[n] {
			s, c := math.Sincos(2 * math.Pi * float64(i) / float64(n))
			u[n][i] = [2]float32{float32(s), float32(c)}
		}
	}
	return u
}()

// secant holds 1 / cos(π/n) for each side count n: how much farther than
// its sides a regular polygon's corners lie from its centre.
var secant = func() (s [maxSegments + 1]float32) {
	for n := 3; n <= maxSegments; n++ {
		s[n] = float32(1 / math.Cos(math.Pi/float64(n)))
	}
	return s
}()

func sincos(i, n int) (float32, float32) {
	p := unit[n][i]
	return p[0], p[1]
}
