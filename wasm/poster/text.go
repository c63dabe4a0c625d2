package poster

import (
	"golang.org/x/image/font"

	"ouroboros/wasm/scene"
)

// faceAt is the explainer's font at size CSS pixels, made once a size.
func (p *Poster) faceAt(size float32) font.Face {
	if f := p.sized[size]; f != nil {
		return f
	}
	f, err := p.fonts.face(float64(size))
	if err != nil {
		panic(err) // the embedded font is known good, and newFaces parsed it
	}
	p.sized[size] = f
	return f
}

// measureFigure is a figure's width at scene.FigureSize, for the frame.
func (p *Poster) measureFigure(s string) float32 {
	return float32(advance(p.faceAt(scene.FigureSize), s))
}

// texts are the names and the edges' figures the frame placed, each
// centred on its box as wasm/app centres them (text.go, figures.go): names
// of the outer band and figures off the lit loops in the dimmer ink.
func (p *Poster) texts() []line {
	var out []line
	b := p.Frame
	for i, l := range b.Labels {
		if !l.Visible {
			continue
		}
		face := p.faceAt(l.Size)
		ink := dark().LabelInk
		if l.Outer {
			ink = dark().FigureInk
		}
		out = append(out, p.centred(p.DS.Entities[i].Name, l.X, l.Y, l.H, l.Size, face, ink))
	}
	for ei, fg := range b.Figures {
		if !fg.Visible {
			continue
		}
		ink := dark().FigureInk
		if fg.Loop {
			ink = dark().LabelInk
		}
		out = append(out, p.centred(b.FigureText(ei), fg.X, fg.Y, fg.H, fg.Size, p.faceAt(fg.Size), ink))
	}
	return out
}

// centred places s with its middle at x and its line in the middle of the
// box from y, h high.
func (p *Poster) centred(s string, x, y, h, size float32, face font.Face, ink scene.Color) line {
	m := face.Metrics()
	height := float64(m.Ascent+m.Descent) / 64
	return line{s, float64(x) - advance(face, s)/2, float64(y) + (float64(h)-height)/2, float64(size), face, ink}
}
