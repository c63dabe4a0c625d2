package scene

import (
	"math"

	"ouroboros/wasm/session"
	"ouroboros/wasm/wording"
)

// A still picture (reduced motion: no particles) must still say which way
// the money and the capacity go and how much: every edge keeps its arrow
// head at the payee, an edge that buys capacity gets a cyan kite at the
// payer's end pointing back to the payer (a shape, not only a colour, unlike
// the triangle of money), and the lit edges carry their figures ("$100B",
// "$25B · 1 GW") where they fit.

// FigureSize is the size of an edge's figure in CSS pixels.
const FigureSize = 11

const (
	figureLineCSS = 14  // height of a figure's line
	kiteLenCSS    = 9   // capacity kite: length from tip to tail
	kiteWideCSS   = 4.5 // and half its width
	kiteAt        = 0.2 // its centre, as a share of the edge from the payer
)

// Figure places an edge's figure on a still picture: X is its centre and Y
// its top, in device pixels.
type Figure struct {
	X, Y    float32
	Visible bool
}

// LabelInk and FigureInk are the colours of the picture's text: names and
// titles, and the dimmer figures and subtitles. Both sit on Background, with
// a halo of it where they cross an edge.
var (
	LabelInk  = RGBA8(0xe8, 0xec, 0xf5, 1)
	FigureInk = RGBA8(0xa9, 0xb4, 0xcc, 1)
)

// stills holds a network's figures: one per edge, made when the network is
// set so that a frame only places them.
type stills struct {
	// Figures are placed by the last Build of a still picture; none is
	// visible while things move.
	Figures []Figure
	text    []string
	width   []float32 // CSS pixels at FigureSize
	rects   []rect    // figures placed so far in this frame
	// measure returns a figure's width at FigureSize in CSS pixels; nil
	// guesses from its length.
	measure func(string) float32
}

// FigureText is edge ei's figure in the last frame's network: its
// disclosed total and the capacity it buys, "" when it has neither or was
// called off.
func (f *Frame) FigureText(ei int) string { return f.text[ei] }

// setFigures writes the figures of a new network, measured once.
func (f *Frame) setFigures() {
	n := len(f.net.Edges)
	if cap(f.Figures) < n {
		f.Figures = make([]Figure, n)
		f.width = make([]float32, n)
		f.rects = make([]rect, 0, n)
	}
	f.Figures, f.width = f.Figures[:n], f.width[:n]
	f.text = f.text[:0]
	for ei, e := range f.net.Edges {
		s := ""
		if !e.Terminated {
			if e.Disclosed {
				s = wording.Money(e.Total, f.ds.Currency)
			}
			if e.CapacityMW > 0 {
				if s != "" {
					s += " · "
				}
				s += wording.Capacity(e.CapacityMW)
			}
		}
		f.text = append(f.text, s)
		if f.measure != nil {
			f.width[ei] = f.measure(s)
		} else {
			f.width[ei] = float32(len([]rune(s))) * FigureSize * 0.6
		}
		f.Figures[ei] = Figure{}
	}
}

// kites adds the capacity kites of a still picture.
func (f *Frame) kites(v session.View, dpr float32) {
	if v.Motion {
		return // the diamonds flowing back say it
	}
	for ei := range f.net.Edges {
		e := &f.net.Edges[ei]
		if !f.edgeShown[ei] || e.Terminated || e.CapacityMW <= 0 || f.arcs[ei][curveSamples] < 1 {
			continue
		}
		col := CapacityColor
		if a := f.edgeAlpha(ei); a < 1 {
			col = mix(Background, col, a)
		}
		c := f.along(ei, kiteAt)
		back := f.along(ei, kiteAt-0.05)
		dx, dy := back.x-c.x, back.y-c.y
		l := float32(math.Hypot(float64(dx), float64(dy)))
		if l == 0 {
			continue
		}
		dx, dy = dx/l, dy/l // toward the payer
		half, wide := kiteLenCSS/2*dpr, kiteWideCSS*dpr
		f.Mesh.Quad(c.x+dx*half, c.y+dy*half, c.x-dy*wide, c.y+dx*wide,
			c.x-dx*half*0.6, c.y-dy*half*0.6, c.x+dy*wide, c.y-dx*wide, col)
	}
}

// placeFigures puts each lit edge's figure on its curve, near the middle,
// where it covers no name, no disc and no other figure; elsewhere it is
// left out. Called after placeLabels, so names come first. While things
// move there are no figures: the flow shows the amounts.
func (f *Frame) placeFigures(v session.View, dpr float32) {
	f.rects = f.rects[:0]
	lineH := figureLineCSS * dpr
	screen := rect{0, float32(v.TopInset) * dpr, float32(v.Width), float32(v.Height - v.BottomInset*v.DPR)}
	for ei := range f.Figures {
		f.Figures[ei] = Figure{}
		if v.Motion || f.text[ei] == "" || !f.edgeShown[ei] || !f.edgeLit(ei) || f.arcs[ei][curveSamples] < 1 {
			continue
		}
		w := f.width[ei] * dpr
		for _, u := range [...]float32{0.5, 0.4, 0.6, 0.3, 0.7} {
			p := f.along(ei, u)
			r := rect{p.x - w/2, p.y - lineH/2, p.x + w/2, p.y + lineH/2}
			if r.x0 < screen.x0 || r.y0 < screen.y0 || r.x1 > screen.x1 || r.y1 > screen.y1 || !f.figureFree(r, dpr) {
				continue
			}
			f.rects = append(f.rects, r)
			f.Figures[ei] = Figure{X: p.x, Y: r.y0, Visible: true}
			break
		}
	}
}

// figureFree reports whether r overlaps no visible name, no shown disc and
// no figure placed before it.
func (f *Frame) figureFree(r rect, dpr float32) bool {
	for _, p := range f.rects {
		if r.overlaps(p) {
			return false
		}
	}
	lineH := labelLineCSS * dpr
	for i, l := range f.Labels {
		if l.Visible {
			w := f.labelWidth[i] * dpr
			if r.overlaps(rect{l.X - w/2, l.Y, l.X + w/2, l.Y + lineH}) {
				return false
			}
		}
	}
	for i, d := range f.Discs {
		if f.shown[i] && r.overlaps(rect{d.X - d.R, d.Y - d.R, d.X + d.R, d.Y + d.R}) {
			return false
		}
	}
	return true
}

// FiguresShown counts the figures on the last frame.
func (f *Frame) FiguresShown() int {
	n := 0
	for _, g := range f.Figures {
		if g.Visible {
			n++
		}
	}
	return n
}
