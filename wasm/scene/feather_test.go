package scene

import (
	"math"
	"testing"
)

// coverage is the alpha the mesh's triangles give the point (x, y),
// interpolated across the triangle that holds it, and how many triangles
// hold it (strictly inside: a point on a shared side is avoided by the
// callers).
func coverage(m *Mesh, x, y float32) (alpha float32, n int) {
	for _, b := range m.Batches {
		vs := m.Vertices[b.V0:b.V1]
		for i := b.I0; i < b.I1; i += 3 {
			p, q, r := vs[m.Indices[i]], vs[m.Indices[i+1]], vs[m.Indices[i+2]]
			d := (q.DstY-r.DstY)*(p.DstX-r.DstX) + (r.DstX-q.DstX)*(p.DstY-r.DstY)
			if d == 0 {
				continue
			}
			u := ((q.DstY-r.DstY)*(x-r.DstX) + (r.DstX-q.DstX)*(y-r.DstY)) / d
			v := ((r.DstY-p.DstY)*(x-r.DstX) + (p.DstX-r.DstX)*(y-r.DstY)) / d
			w := 1 - u - v
			if u <= 0 || v <= 0 || w <= 0 {
				continue
			}
			alpha = u*p.A + v*q.A + w*r.A
			n++
		}
	}
	return alpha, n
}

// A feathered layer's shapes carry their own anti-aliasing: inside, a
// shape is its colour; across its outline, a band one pixel wide fades
// from it to transparent, half covering the pixels the outline crosses;
// beyond the band, nothing. The drawing package draws such a layer
// without the engine's anti-aliasing (issue 19), so a shape without its
// band would show stairs.
func TestFeatheredShapesFadeAcrossTheirOutline(t *testing.T) {
	c := Color{R: 1, G: 0.5, B: 0, A: 0.8}
	type probe struct {
		what string
		x, y float32
		want float32 // alpha; -1: no triangle there
	}
	const r = 2.4 // a particle's radius at DPR 1
	cases := []struct {
		name   string
		draw   func(m *Mesh)
		probes []probe
	}{
		{"disc", func(m *Mesh) { m.Disc(10, 10, r, c) }, func() []probe {
			ps := []probe{{"near the centre", 10.13, 10.07, 0.8}}
			n := featherSegments(r)
			for i := range n {
				// On the circle at a side's middle, just inside the
				// outline's band, and just beyond it.
				a := 2 * math.Pi * (float64(i) + 0.5) / float64(n)
				cos, sin := float32(math.Cos(a)), float32(math.Sin(a))
				side := r * float32(math.Cos(math.Pi/float64(n)))
				ps = append(ps,
					probe{"a side's middle", 10 + side*cos, 10 + side*sin, 0.4},
					probe{"inside the band", 10 + (side-0.6)*cos, 10 + (side-0.6)*sin, 0.8},
					probe{"beyond the band", 10 + (side+0.6)*cos, 10 + (side+0.6)*sin, -1})
			}
			return ps
		}()},
		{"diamond", func(m *Mesh) { m.Diamond(10, 10, 3.2, c) }, []probe{
			{"near the centre", 10.1, 10.2, 0.8},
			{"a side's middle", 11.6, 11.6, 0.4},
			{"inside the band", 11.2, 11.2, 0.8},
			{"beyond the band", 12, 12, -1},
			{"beyond a corner", 14, 10.01, -1},
		}},
		// A kite as the still picture draws one, pointing right, and an
		// arrowhead: convex shapes of any winding.
		{"kite", func(m *Mesh) { m.Quad(20, 10, 14, 14, 10.4, 10, 14, 6, c) }, []probe{
			{"inside", 15, 10.3, 0.8},
			{"the long side's middle", 17, 12, 0.4},
			{"beyond the long side", 17.33, 12.5, -1},
		}},
		{"arrowhead", func(m *Mesh) { m.Triangle(10, 10, 20, 10, 15, 20, c) }, []probe{
			{"inside", 15, 13, 0.8},
			{"the top side's middle", 15, 10, 0.4},
			{"beyond the top side", 15, 9.4, -1},
			{"inside the top side's band", 15, 10.6, 0.8},
		}},
	}
	for _, tc := range cases {
		m := Mesh{Soft: true}
		m.startLayer(LayerMoving)
		tc.draw(&m)
		for _, p := range tc.probes {
			a, n := coverage(&m, p.x, p.y)
			switch {
			case p.want < 0 && n > 0:
				t.Errorf("%s, %s (%v, %v): covered (alpha %v), want nothing", tc.name, p.what, p.x, p.y, a)
			case p.want >= 0 && n != 1:
				t.Errorf("%s, %s (%v, %v): %d triangles there, want 1", tc.name, p.what, p.x, p.y, n)
			case p.want >= 0 && math.Abs(float64(a-p.want)) > 0.03:
				t.Errorf("%s, %s (%v, %v): alpha %v, want %v", tc.name, p.what, p.x, p.y, a, p.want)
			}
		}
	}
}

// A feathered stroke fades across both its sides and shows no seam where
// its samples meet: along its middle it is its colour everywhere.
func TestAFeatheredStrokeHasSoftSidesAndNoSeams(t *testing.T) {
	c := Color{A: 1}
	// A bend of three segments.
	pts := []point{{0, 0}, {10, 0}, {20, 5}, {30, 15}}
	m := Mesh{Soft: true}
	m.startLayer(LayerMoving)
	m.softStroke(pts, 2, c)
	for i := 0; i+1 < len(pts); i++ {
		a, b := pts[i], pts[i+1]
		nx, ny := normal(a, b)
		for _, u := range []float32{0.03, 0.1, 0.5, 0.9, 0.97} {
			x, y := a.x+(b.x-a.x)*u, a.y+(b.y-a.y)*u
			for _, p := range []struct {
				off, want float32
			}{{0.3, 1}, {-0.3, 1}, {1.45, 1}, {2, 0.5}, {-2, 0.5}, {2.6, -1}, {-2.6, -1}} {
				if (u < 0.1 || u > 0.9) && (p.off > 1.5 || p.off < -1.5) {
					continue // within a miter of a join its sides are the next segment's
				}
				px, py := x+nx*p.off, y+ny*p.off
				al, n := coverage(&m, px, py)
				switch {
				case p.want < 0 && n > 0:
					t.Errorf("segment %d at %v, %v off the middle: covered (alpha %v)", i, u, p.off, al)
				case p.want >= 0 && n == 0:
					t.Errorf("segment %d at %v, %v off the middle: a gap", i, u, p.off)
				case p.want >= 0 && math.Abs(float64(al-p.want)) > 0.05:
					t.Errorf("segment %d at %v, %v off the middle: alpha %v, want %v", i, u, p.off, al, p.want)
				}
			}
		}
	}
}

// Only a soft mesh's moving layer is feathered: the layers kept between
// ticks are drawn once with the engine's anti-aliasing, and the poster's
// mesh (not soft) is a vector picture; their shapes are as before.
func TestOnlyASoftMeshsMovingLayerIsFeathered(t *testing.T) {
	for _, soft := range []bool{false, true} {
		for _, l := range Layers {
			m := Mesh{Soft: soft}
			if got, want := m.Feathered(l), soft && l == LayerMoving; got != want {
				t.Errorf("soft %v, layer %d: feathered %v, want %v", soft, l, got, want)
			}
			m.startLayer(l)
			m.Disc(10, 10, 2.4, Color{A: 1})
			n := segments(2.4) + 1 // a fan round the centre
			if m.Feathered(l) {
				n = 2 * featherSegments(2.4)
			}
			if len(m.Vertices) != n {
				t.Errorf("soft %v, layer %d: a disc of %d vertices, want %d", soft, l, len(m.Vertices), n)
			}
		}
	}
}
