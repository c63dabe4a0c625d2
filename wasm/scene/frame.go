package scene

import (
	"sort"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/session"
)

// mix returns a + (b - a)·t for the colour channels, opaque.
func mix(a, b Color, t float32) Color {
	return Color{a.R + (b.R-a.R)*t, a.G + (b.G-a.G)*t, a.B + (b.B-a.B)*t, 1}
}

type point struct{ x, y float32 }

type rect struct{ x0, y0, x1, y1 float32 }

func (a rect) overlaps(b rect) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

// Frame is what Build draws for one dataset: the mesh, the discs, the
// labels and the figures of the last frame, with the buffers they are
// built in, so that a steady frame allocates nothing. It keeps nothing of
// the session between frames: every frame is a function of Build's
// inputs alone. What it keeps for a network (the orders labels and edges
// are placed in, the figures' texts) is keyed on the network, which must
// not change once made.
type Frame struct {
	ds *dataset.Dataset
	// themes holds each theme's kind colours, by kind; pal and kinds are
	// the last Build's theme's palette and kind colours.
	themes [2][]Color
	pal    Palette
	kinds  []Color
	// labelWidth is each entity's name width at LabelSize, in CSS pixels.
	labelWidth []float32

	// Mesh, Discs and Labels are the frame built by the last Build.
	Mesh   Mesh
	Discs  []Disc
	Labels []Label
	// Fitted holds each entity's place in the fitted picture, before the
	// camera, in device pixels.
	Fitted [][2]float64

	// net is the network of the last Build; byMoney orders its entities,
	// those in circular deals first, then by the money through them,
	// largest first, which is the order labels claim space in.
	net     *Network
	byMoney []int

	curves [][curveSamples + 1]point
	arcs   [][curveSamples + 1]float32
	widths []float32 // each edge's drawn width, device pixels
	// tips are the points where the edges' arrow heads touch their targets.
	tips []point

	// marks is what the last Build's look lights, fades and hides (look.go).
	marks
	// lod holds the level of detail: which edges are drawn in full, as
	// hairlines or not at all, which carry particles, and the label grid.
	lod
	// stills are the edges' figures (overlays.go).
	stills
	// text is the last frame's text sizes, and width and height its
	// canvas's size in device pixels.
	text             TextSizes
	canvasW, canvasH float32
	// view and dpr are the last Build's, which Move draws again at
	// another tick.
	view session.View
	dpr  float32
}

// NewFrame prepares frames of ds. labelWidth is each entity's name width
// at LabelSize in CSS pixels, as the drawing package measures it (nil
// guesses from the names' lengths), and measure a figure's width at
// FigureSize in CSS pixels (nil guesses too).
func NewFrame(ds *dataset.Dataset, labelWidth []float32, measure func(string) float32) *Frame {
	f := &Frame{ds: ds}
	for t, theme := range []session.Theme{session.Dark, session.Light} {
		for _, k := range ds.Kinds {
			c := KindColor(k, theme)
			f.themes[t] = append(f.themes[t], RGBA8(c.R, c.G, c.B, 1))
		}
	}
	f.labelWidth = make([]float32, len(ds.Entities))
	for i, e := range ds.Entities {
		if labelWidth != nil {
			f.labelWidth[i] = labelWidth[i]
		} else {
			f.labelWidth[i] = float32(len([]rune(e.Name))) * LabelSize * 0.55
		}
	}
	f.measure = measure
	n := len(ds.Entities)
	f.Discs = make([]Disc, n)
	f.Labels = make([]Label, n)
	f.Fitted = make([][2]float64, n)
	f.marks.init(n, len(ds.Deals))
	f.Mesh.reserve(firstMesh(n, len(ds.Deals)))
	return f
}

// firstMesh is the room the mesh starts with for n entities and deals
// deals: room for the first frame of the bundled network (46,000–53,000
// vertices for 79 and 186: an edge's stroke is 24 quads, dashes and dots
// more, its particles discs, with two and a half indexes a vertex since
// the particles' soft edges are triangles too), at most 2 MB of
// vertices; a larger network grows from there by doubling.
func firstMesh(n, deals int) (vertices, indexes int) {
	v := min(deals*320+n*32, 1<<16)
	return v, v * 5 / 2
}

// Build makes the frame of net, a network of the frame's dataset, for the
// layout positions pos (in [0, 1]) and the look: the same inputs give the
// same frame whatever was built before.
func Build(f *Frame, net *Network, pos [][2]float64, look session.Look) {
	f.setNetwork(net)
	f.read(look)
	f.draw(pos, look.View)
}

// Network is the network the last Build drew, which EdgeAt's edges index;
// nil before the first.
func (f *Frame) Network() *Network { return f.net }

// setNetwork makes the frame's buffers and the network's orders and
// figures, when the network is not the last Build's.
func (f *Frame) setNetwork(net *Network) {
	if net == f.net {
		return
	}
	f.net = net
	f.byMoney = f.byMoney[:0]
	for i := range f.ds.Entities {
		f.byMoney = append(f.byMoney, i)
	}
	sort.SliceStable(f.byMoney, func(i, j int) bool {
		a, b := f.byMoney[i], f.byMoney[j]
		if f.outer(a) != f.outer(b) {
			return !f.outer(a)
		}
		return net.Money[a] > net.Money[b]
	})
	n := len(net.Edges)
	if cap(f.curves) < n {
		f.curves = make([][curveSamples + 1]point, n)
		f.arcs = make([][curveSamples + 1]float32, n)
		f.widths = make([]float32, n)
		f.tips = make([]point, n)
	}
	f.curves, f.arcs, f.widths, f.tips = f.curves[:n], f.arcs[:n], f.widths[:n], f.tips[:n]
	f.marks.size(n)
	f.lod.prepare(net)
	f.setFigures()
}

// draw builds the mesh, the labels and the figures for the marks read.
func (f *Frame) draw(pos [][2]float64, v session.View) {
	f.Mesh.reset()
	f.text = TextSizesFor(v.Width / max(v.DPR, 0.1)).Scaled(v.TextScale)
	f.canvasW, f.canvasH = float32(v.Width), float32(v.Height)
	g := f.placeDiscs(pos, v)
	for ei := range f.net.Edges {
		f.curve(ei, g.dpr)
	}
	f.chooseDetail(g.screen, v.Motion, g.dpr)
	for ei := range f.net.Edges {
		switch f.detail[ei] {
		case fullDetail:
			f.edge(ei, g.dpr)
		case hairline:
			f.hairline(ei, g.dpr)
		}
	}
	// The mesh holds the layers in the order Under, Over, Moving, so that
	// a tick rebuilds Moving alone (Move); they are drawn in the order
	// Under, Moving, Over.
	f.Mesh.startLayer(LayerOver)
	f.drawDiscs(g.screen, g.dpr)
	// Text keeps a margin from the canvas's sides, so no name touches them.
	m := textMarginCSS * g.dpr
	text := rect{m, float32(v.TopInset+v.ReadingInset) * g.dpr, float32(v.Width) - m, float32(v.Height - v.BottomInset*v.DPR)}
	f.placeText(g.dpr, text)
	f.Mesh.startLayer(LayerMoving)
	f.view, f.dpr = v, g.dpr
	f.drawMoving()
}

// drawMoving adds the Moving layer for the view f.view: the particles,
// the capacity marks and the loop's path.
func (f *Frame) drawMoving() {
	v, dpr := f.view, f.dpr
	if v.Motion {
		for ei := range f.net.Edges {
			if f.moving[ei] {
				f.particles(ei, v.Tick, dpr)
			}
		}
	}
	f.kites(v, dpr)
	f.loopPath(v.Tick, dpr, v.Motion)
}

// Move makes the frame of the last Build at tick: the same as Build with
// the same network, positions and look but for View.Tick, at the cost of
// the Moving layer alone (a steady frame: the particles going round, the
// rest still).
func Move(f *Frame, tick int64) {
	if f.net == nil {
		return
	}
	f.view.Tick = tick
	f.Mesh.reopen(LayerMoving)
	f.drawMoving()
}
