//go:build js

package app

import (
	"github.com/hajimehoshi/ebiten/v2"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gomedium"
	"golang.org/x/image/font/opentype"

	"ouroboros/wasm/scene"
)

// figureTexts draws the edges' figures of a still picture (reduced
// motion), each rendered once, the first time it is shown: a network has
// few distinct figures, and a steady frame then only copies images.
type figureTexts struct {
	dpr    float64
	face   font.Face
	images map[string]*ebiten.Image
	widths map[string]float64 // device pixels
}

func newFigureTexts(dpr float64) *figureTexts {
	f, err := opentype.Parse(gomedium.TTF)
	if err != nil {
		panic(err) // the embedded font is known good
	}
	ff, err := opentype.NewFace(f, &opentype.FaceOptions{Size: scene.FigureSize * dpr, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		panic(err)
	}
	return &figureTexts{dpr: dpr, face: ff, images: map[string]*ebiten.Image{}, widths: map[string]float64{}}
}

// widthCSS measures a figure for the scene's placement.
func (f *figureTexts) widthCSS(s string) float32 {
	return float32(advance(f.face, s) / f.dpr)
}

func (f *figureTexts) draw(screen *ebiten.Image, b *scene.Frame, op *ebiten.DrawImageOptions) {
	pad := 2 * f.dpr
	for ei, fg := range b.Figures {
		if !fg.Visible {
			continue
		}
		s := b.FigureText(ei)
		img := f.images[s]
		if img == nil {
			var w float64
			img, w = render(s, f.face, dimInk, f.dpr)
			f.images[s], f.widths[s] = img, w
		}
		op.GeoM.Reset()
		op.GeoM.Translate(float64(fg.X)-f.widths[s]/2-pad, float64(fg.Y)-pad)
		screen.DrawImage(img, op)
	}
}
