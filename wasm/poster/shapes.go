package poster

import "ouroboros/wasm/scene"

// pt is a point in CSS pixels.
type pt struct{ x, y float64 }

// shape is a triangle or a quad of the frame's mesh (n is 3 or 4).
type shape struct {
	p [4]pt
	n int
}

// run is consecutive shapes of one colour, painted in order: within a run
// the shapes' union takes the colour once.
type run struct {
	c      scene.Color
	shapes []shape
}

// runs groups the frame's triangles into runs of one colour, in drawing
// order (layer by layer), joining the two triangles of each quad (scene.Mesh.Quad adds
// (a, b, c) then (a, c, d)) into one shape.
func (p *Poster) runs() []run {
	m := &p.Frame.Mesh
	var out []run
	var batches []scene.Batch
	for _, l := range scene.Layers {
		batches = append(batches, m.LayerBatches(l)...)
	}
	for _, b := range batches {
		v := m.Vertices[b.V0:b.V1]
		idx := m.Indices[b.I0:b.I1]
		for t := 0; t+2 < len(idx); t += 3 {
			a, bb, c := v[idx[t]], v[idx[t+1]], v[idx[t+2]]
			s := shape{p: [4]pt{{float64(a.DstX), float64(a.DstY)}, {float64(bb.DstX), float64(bb.DstY)}, {float64(c.DstX), float64(c.DstY)}}, n: 3}
			if t+5 < len(idx) && idx[t+3] == idx[t] && idx[t+4] == idx[t+2] {
				d := v[idx[t+5]]
				if sameColor(vertexColor(d), vertexColor(a)) {
					s.p[3], s.n = pt{float64(d.DstX), float64(d.DstY)}, 4
					t += 3
				}
			}
			col := vertexColor(a)
			if n := len(out); n > 0 && sameColor(out[n-1].c, col) {
				out[n-1].shapes = append(out[n-1].shapes, s)
			} else {
				out = append(out, run{c: col, shapes: []shape{s}})
			}
		}
	}
	return out
}

func vertexColor(v scene.Vertex) scene.Color { return scene.Color{R: v.R, G: v.G, B: v.B, A: v.A} }

func sameColor(a, b scene.Color) bool { return a == b }

// opaque reports whether a run is a disc or its outline, which the SVG
// writes as circles: only those are drawn opaque in a still frame with
// nothing selected (edges are translucent).
func (r run) opaque() bool { return r.c.A >= 1 }

// to8 turns a channel in [0, 1] into 0–255.
func to8(v float32) uint8 {
	v = max(0, min(1, v))
	return uint8(v*255 + 0.5)
}
