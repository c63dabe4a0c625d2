package scene

import (
	"math"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/session"
	"ouroboros/wasm/wording"
)

// Every picture says which way the money and the capacity go and how
// much: every edge keeps its arrow head at the payee, and on a still
// picture (reduced motion: no particles) an edge that buys capacity gets a
// cyan kite at the payer's end pointing back to the payer (a shape, not
// only a colour, unlike the triangle of money). In every mode the edges
// carry their figures ("$100B", "$25B · 1 GW", "undisclosed") where they
// fit: every hop of a highlighted loop first, on a pill rimmed in the
// loop's colour, then the largest lit edges.

// FigureSize is the font size in CSS pixels that figures are measured at
// (NewFrame's measure); they are set at the TextSizes of the canvas.
const FigureSize = 11

const (
	kiteLenCSS  = 9   // capacity kite: length from tip to tail
	kiteWideCSS = 4.5 // and half its width
	kiteAt      = 0.2 // its centre, as a share of the edge from the payer
	// figurePadCSS is the space each side of a figure's text, which its
	// box (and a loop's pill) includes.
	figurePadCSS = 4
	// pillRimCSS is the width of a loop figure's rim.
	pillRimCSS = 1.5
	// maxOtherFigures is how many figures of edges on no highlighted loop
	// a frame writes at most, so that the amounts annotate the picture
	// rather than cover it; a small canvas writes one for every
	// areaPerFigure square CSS pixels, and at least minOtherFigures.
	maxOtherFigures = 14
	minOtherFigures = 3
	areaPerFigure   = 80000
)

// Figure places an edge's figure: X is its centre and Y its top, W and H
// its box (padding included), in device pixels. Size is its font size in
// CSS pixels, and Loop says it is a hop of a highlighted loop, drawn on a
// pill.
type Figure struct {
	X, Y, W, H float32
	Size       float32
	Loop       bool
	Visible    bool
}

// stills holds a network's figures: one per edge, made when the network is
// set so that a frame only places them.
type stills struct {
	// Figures are placed by the last Build.
	Figures []Figure
	figText []string
	width   []float32 // CSS pixels at FigureSize
	// measure returns a figure's width at FigureSize in CSS pixels; nil
	// guesses from its length.
	measure func(string) float32
}

// FigureText is edge ei's figure in the last frame's network: its
// disclosed total (or "undisclosed") and the capacity it buys, "" when it
// was called off.
func (f *Frame) FigureText(ei int) string { return f.figText[ei] }

// setFigures writes the figures of a new network, measured once.
func (f *Frame) setFigures() {
	n := len(f.net.Edges)
	if cap(f.Figures) < n {
		f.Figures = make([]Figure, n)
		f.width = make([]float32, n)
	}
	f.Figures, f.width = f.Figures[:n], f.width[:n]
	f.figText = f.figText[:0]
	for ei := range f.net.Edges {
		s := figureText(&f.net.Edges[ei], f.ds.Currency)
		f.figText = append(f.figText, s)
		if f.measure != nil {
			f.width[ei] = f.measure(s)
		} else {
			f.width[ei] = float32(len([]rune(s))) * FigureSize * 0.6
		}
		f.Figures[ei] = Figure{}
	}
}

// figureText words an edge's figure: its money ("up to $100B"), or
// "undisclosed" when it buys no capacity either, then its capacity.
func figureText(e *Edge, currency string) string {
	if e.Terminated {
		return ""
	}
	s := ""
	if e.Disclosed {
		s = wording.Amount(&dataset.Amount{Value: e.Total, UpTo: e.UpTo, Estimate: e.Estimate}, currency)
	}
	if c := wording.Capacity(e.CapacityMW); c != "" {
		if s != "" {
			s += " · "
		}
		s += c
	}
	if s == "" {
		s = wording.Undisclosed()
	}
	return s
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
		col := f.pal.Capacity
		if a := f.edgeAlpha(ei); a < 1 {
			col = mix(f.pal.Background, col, a)
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

// placeFigures puts the figures of the largest lit edges on no lit loop
// (only those with an amount or a capacity, unless they touch the
// selection), as many as the canvas has room for, on their curves near the
// middle where they cover no name, no disc and no other figure; elsewhere
// they are left out. Called last (placeText): every name and the loops'
// figures come first.
func (f *Frame) placeFigures(dpr float32) {
	others := 0
	area := f.canvasW * f.canvasH / (dpr * dpr)
	most := min(maxOtherFigures, max(minOtherFigures, int(area/areaPerFigure)))
	for _, ei := range f.byWeight {
		if others >= most {
			break
		}
		e := &f.net.Edges[ei]
		if f.onLoop[ei] || !f.edgeLit(ei) || f.detail[ei] != fullDetail ||
			f.selected < 0 && !e.Disclosed && e.CapacityMW <= 0 {
			continue
		}
		if f.placeFigure(ei, dpr, false) {
			others++
		}
	}
}

// figureAt are the places a figure tries along its edge, as shares of its
// length, middle first; a loop's hop tries them all, another edge the
// first three.
var figureAt = [...]float32{0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78, 0.15, 0.85}

// placeFigure places edge ei's figure if it has one and it fits, and
// reports whether it did.
func (f *Frame) placeFigure(ei int, dpr float32, loop bool) bool {
	if f.Figures[ei].Visible || f.figText[ei] == "" || !f.edgeShown[ei] || f.arcs[ei][curveSamples] < 1 {
		return false
	}
	w := (f.width[ei]*f.text.Figure/FigureSize + 2*figurePadCSS) * dpr
	h := f.text.Figure * lineRatio * dpr
	tries := figureAt[:]
	if !loop {
		tries = tries[:3]
	}
	// A loop's hop may also sit beside its curve, either side, stepping
	// out until it finds room: on a phone the two hops between a close
	// pair leave little of it.
	offsets := [...]float32{0, 1, -1, 2, -2, 3, -3}
	n := 1
	if loop {
		n = len(offsets)
	}
	aside := h/2 + f.widths[ei]/2 + 2*dpr
	for _, u := range tries {
		p := f.along(ei, u)
		q := f.along(ei, min(u+0.02, 1))
		nx, ny := normal(p, q)
		for _, o := range offsets[:n] {
			if f.tryFigure(ei, point{p.x + nx*aside*o, p.y + ny*aside*o}, w, h, dpr, loop) {
				return true
			}
		}
	}
	if !loop {
		return false
	}
	// A loop's hop must carry its amount: as a last resort, the nearest
	// free place round the middle of its curve, a step further out each
	// turn.
	mid := f.along(ei, 0.5)
	for ring := float32(1); ring <= spiralRings; ring++ {
		for k := 0; k < spiralTurns; k++ {
			a := 2 * math.Pi * float64(k) / spiralTurns
			c := point{mid.x + ring*h*float32(math.Cos(a)), mid.y + ring*h*float32(math.Sin(a))}
			if f.tryFigure(ei, c, w, h, dpr, loop) {
				return true
			}
		}
	}
	return false
}

// The last resort's search: rings a figure's height apart, tried at
// spiralTurns angles each.
const (
	spiralRings = 5
	spiralTurns = 12
)

// tryFigure places edge ei's figure, w × h, centred on c if it lies on the
// canvas and covers nothing placed, and reports whether it did.
func (f *Frame) tryFigure(ei int, c point, w, h, dpr float32, loop bool) bool {
	screen := f.grid.area
	r := rect{c.x - w/2, c.y - h/2, c.x + w/2, c.y + h/2}
	if r.x0 < screen.x0 || r.y0 < screen.y0 || r.x1 > screen.x1 || r.y1 > screen.y1 || !f.grid.free(r) {
		return false
	}
	f.grid.add(r)
	f.Figures[ei] = Figure{X: c.x, Y: r.y0, W: w, H: h, Size: f.text.Figure, Loop: loop, Visible: true}
	if loop {
		rim := pillRimCSS * dpr
		f.Mesh.Rect(r.x0, r.y0, w, h, f.pal.Loop)
		f.Mesh.Rect(r.x0+rim, r.y0+rim, w-2*rim, h-2*rim, f.pal.Background)
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
