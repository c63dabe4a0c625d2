//go:build js

package app

import (
	"image"
	"slices"

	"github.com/hajimehoshi/ebiten/v2"

	"ouroboros/wasm/scene"
)

// kept is a layer of the picture drawn once and kept in an image of the
// screen's size: the edges under the moving marks, or the discs, names
// and figures over them. A steady frame (the particles going round, the
// rest still) then draws two images and the moving marks instead of
// every triangle and every name (issue 19: the frame's main-thread time
// was twice the engine's own).
type kept struct {
	img *ebiten.Image
	// verts, labels and figures are what img shows, to tell when the
	// frame's differ; stale says img must be drawn again.
	verts   []scene.Vertex
	labels  []scene.Label
	figures []scene.Figure
	stale   bool
}

// note compares the layer's part of the frame with what its image shows
// and marks it stale when they differ; it reports whether they did.
func (k *kept) note(verts []scene.Vertex, labels []scene.Label, figures []scene.Figure) bool {
	if k.img != nil && !k.stale && slices.Equal(verts, k.verts) && slices.Equal(labels, k.labels) && slices.Equal(figures, k.figures) {
		return false
	}
	k.verts = append(k.verts[:0], verts...)
	k.labels = append(k.labels[:0], labels...)
	k.figures = append(k.figures[:0], figures...)
	k.stale = true
	return true
}

// fit gives the layer an image of the screen's size, a new one (and
// stale) when the screen's size changed.
func (k *kept) fit(w, h int) {
	if k.img != nil {
		if b := k.img.Bounds(); b.Dx() == w && b.Dy() == h {
			return
		}
		k.img.Deallocate()
	}
	// Unmanaged: a screen-sized image gains nothing from the engine's
	// atlas, and drawing it whole keeps it out of the atlas's bookkeeping.
	k.img = ebiten.NewImageWithOptions(image.Rect(0, 0, w, h), &ebiten.NewImageOptions{Unmanaged: true})
	k.stale = true
}

// drawLayer draws the frame's triangles of layer l onto dst, with the
// engine's anti-aliasing unless the layer's shapes carry their own soft
// edges (scene.Mesh.Feathered: the moving layer, the frame's mesh being
// Soft).
func (g *Game) drawLayer(dst *ebiten.Image, l scene.Layer) {
	m := &g.frame.Mesh
	g.triOpts.AntiAlias = !m.Feathered(l)
	for _, b := range m.LayerBatches(l) {
		vs := m.Vertices[b.V0:b.V1]
		if cap(g.verts) < len(vs) {
			g.verts = make([]ebiten.Vertex, len(vs), len(vs)*5/4)
		}
		g.verts = g.verts[:len(vs)]
		for i, v := range vs {
			g.verts[i] = ebiten.Vertex{DstX: v.DstX, DstY: v.DstY, SrcX: v.SrcX, SrcY: v.SrcY, ColorR: v.R, ColorG: v.G, ColorB: v.B, ColorA: v.A}
		}
		dst.DrawTriangles(g.verts, m.Indices[b.I0:b.I1], g.white, &g.triOpts)
	}
}
