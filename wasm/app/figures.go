//go:build js

package app

import (
	"github.com/hajimehoshi/ebiten/v2"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"

	"ouroboros/wasm/scene"
)

// figureTexts draws the edges' figures, each rendered once, the first
// time it is shown at its size and ink: a network has few distinct
// figures, and a steady frame then only copies images.
type figureTexts struct {
	dpr     float64
	ink     inks
	font    *opentype.Font
	measure font.Face // at scene.FigureSize
	faces   map[float32]font.Face
	images  map[figureKey]*ebiten.Image
	widths  map[figureKey]float64 // device pixels
	heights map[float32]float64   // line heights by size, device pixels
}

// figureKey names a rendered figure: its text, size in CSS pixels, and
// whether it sits on a loop's pill, in the brighter ink.
type figureKey struct {
	text string
	size float32
	loop bool
}

func newFigureTexts(dpr float64, ink inks) *figureTexts {
	f := goMedium()
	return &figureTexts{dpr: dpr, ink: ink, font: f, measure: newFace(f, scene.FigureSize, dpr), faces: map[float32]font.Face{},
		images: map[figureKey]*ebiten.Image{}, widths: map[figureKey]float64{}, heights: map[float32]float64{}}
}

// widthCSS measures a figure for the scene's placement.
func (f *figureTexts) widthCSS(s string) float32 {
	return float32(advance(f.measure, s) / f.dpr)
}

func (f *figureTexts) draw(screen *ebiten.Image, b *scene.Frame, op *ebiten.DrawImageOptions) {
	pad := 2 * f.dpr
	for ei, fg := range b.Figures {
		if !fg.Visible {
			continue
		}
		k := figureKey{b.FigureText(ei), fg.Size, fg.Loop}
		img := f.images[k]
		if img == nil {
			face := f.faces[fg.Size]
			if face == nil {
				face = newFace(f.font, float64(fg.Size), f.dpr)
				f.faces[fg.Size], f.heights[fg.Size] = face, lineHeight(face)
			}
			ink := f.ink.dim
			if fg.Loop {
				ink = f.ink.label
			}
			var w float64
			img, w = render(k.text, face, ink, f.ink.halo, f.dpr)
			f.images[k], f.widths[k] = img, w
		}
		top := float64(fg.Y) + (float64(fg.H)-f.heights[fg.Size])/2
		op.GeoM.Reset()
		op.GeoM.Translate(float64(fg.X)-f.widths[k]/2-pad, top-pad)
		screen.DrawImage(img, op)
	}
}
