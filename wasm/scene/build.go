package scene

import (
	"math"
	"sort"

	"ouroboros/wasm/dataset"
)

// View is everything about the screen that shapes a frame.
type View struct {
	// Width and Height of the canvas in device pixels.
	Width, Height float64
	// DPR is the device pixel ratio: device pixels per CSS pixel.
	DPR float64
	// Tick counts updates since the start; particles move with it.
	Tick int64
	// Motion turns the flowing particles on.
	Motion bool
	// TopInset is the height kept free for the title, in CSS pixels.
	TopInset float64
	// BottomInset is the height kept free for the page's timeline, in CSS
	// pixels.
	BottomInset float64
	// Aspect is the layout's width over its height (0 means 1).
	Aspect float64
	// Zoom, PanX and PanY are the reader's camera: a point (x, y) of the
	// fitted picture is drawn at (x·Zoom + PanX, y·Zoom + PanY). Zoom 0
	// counts as 1.
	Zoom, PanX, PanY float64
}

// Disc is an entity as drawn, in device pixels.
type Disc struct{ X, Y, R float32 }

// Label places an entity's name: X is its centre and Y its top, in device
// pixels. Hidden labels would overlap a larger entity's label.
type Label struct {
	X, Y    float32
	Visible bool
}

// Colours of the picture. The kinds' colours come from the dataset.
var (
	Background = RGBA8(0x0b, 0x10, 0x20, 1)
	EdgeColor  = RGBA8(0x9a, 0xa8, 0xc8, 0.42)
	// MoneyColor is the gold of money particles (round).
	MoneyColor = RGBA8(0xf2, 0xc1, 0x4e, 1)
	// CapacityColor is the cyan of capacity particles (diamonds).
	CapacityColor = RGBA8(0x4d, 0xd6, 0xff, 1)
	// SelectColor rings the selected entity.
	SelectColor = RGBA8(0xff, 0xff, 0xff, 1)
	// FocusColor rings the entity the keyboard is on.
	FocusColor = RGBA8(0xf2, 0xc1, 0x4e, 1)
	// LoopColor draws a highlighted loop.
	LoopColor = RGBA8(0xf2, 0xc1, 0x4e, 0.85)
)

// mix returns a + (b - a)·t for the colour channels, opaque.
func mix(a, b Color, t float32) Color {
	return Color{a.R + (b.R-a.R)*t, a.G + (b.G-a.G)*t, a.B + (b.B-a.B)*t, 1}
}

// LabelSize is the label font size in CSS pixels.
const LabelSize = 12

const (
	curveSamples  = 24   // points along each edge's curve
	bend          = 0.18 // control point offset as a share of the edge's length
	speedCSS      = 0.9  // particle speed in CSS pixels per tick
	spacingCSS    = 70   // distance between particles in CSS pixels
	maxParticles  = 10   // per edge and flow
	dashCSS       = 5    // undisclosed edges: dash length in CSS pixels
	gapCSS        = 4    // and the gap after it
	labelGapCSS   = 3    // space between a disc and its label
	labelLineCSS  = 15   // height of a label line
	paddingCSS    = 12   // space kept round the drawing area
	minDiscCSS    = 5    // smallest disc radius
	minEdgeCSS    = 1.2  // width of an undisclosed edge
	outlineCSS    = 1.5  // background-coloured ring that separates discs
	arrowLenRatio = 2.6  // arrow head length as a multiple of edge width
)

type point struct{ x, y float32 }

type rect struct{ x0, y0, x1, y1 float32 }

func (a rect) overlaps(b rect) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

// Builder builds frames for one network. It keeps its buffers between
// frames, so that a steady frame allocates nothing.
type Builder struct {
	ds    *dataset.Dataset
	net   *Network
	kinds []Color
	// labelWidth is each entity's name width at LabelSize, in CSS pixels.
	labelWidth []float32
	// byMoney orders entities by the money through them, largest first,
	// which is the order labels claim space in.
	byMoney []int

	// Mesh, Discs and Labels are the frame built by the last Build.
	Mesh   Mesh
	Discs  []Disc
	Labels []Label
	// Fitted holds each entity's place in the fitted picture, before the
	// camera, in device pixels.
	Fitted [][2]float64

	curves [][curveSamples + 1]point
	arcs   [][curveSamples + 1]float32
	widths []float32 // each edge's drawn width, device pixels

	// selected is the selected entity or -1; lit marks it and its
	// neighbours in the current network, which stay bright while the rest
	// fades.
	selected int
	lit      []bool
	// focus is the entity the keyboard is on, or -1.
	focus int
	// spot and spotEdge mark what a story step points at; spotOn says
	// whether a step is open. spotEnts and spotDeals are the step's focus,
	// kept to mark the edges of each new network.
	spot, spotEdge      []bool
	spotOn              bool
	spotEnts, spotDeals []int
	// from, fromEdge, fromOn, fromEnts and fromDeals are the same for the
	// step before, which the dimming fades from; spotMix is how far it has
	// faded, 0 (the step before's) to 1 (this step's).
	from, fromEdge      []bool
	fromOn              bool
	fromEnts, fromDeals []int
	spotMix             float32

	// shown marks the entities the filters keep, dealShown the deals, and
	// edgeShown the edges with a kept deal between kept entities.
	shown, dealShown, edgeShown []bool
	// tips are the points where the edges' arrow heads touch their targets.
	tips []point
	// lod holds the level of detail: which edges are drawn in full, as
	// hairlines or not at all, which carry particles, and the label grid.
	lod

	// loop lists the edges of the highlighted loop in loop order, and
	// loopTick is the tick the token set off round it.
	loop     []int
	loopTick int64
	// stills are the figures and marks of a still picture (arrows.go).
	stills
}

// Alphas of what is not near the selection.
const (
	fadedDisc = 0.22
	fadedEdge = 0.25
)

// NewBuilder prepares frames of net, a network of ds.
func NewBuilder(ds *dataset.Dataset, net *Network) *Builder {
	b := &Builder{ds: ds}
	for _, k := range ds.Kinds {
		b.kinds = append(b.kinds, RGBA8(k.Color.R, k.Color.G, k.Color.B, 1))
	}
	b.labelWidth = make([]float32, len(ds.Entities))
	for i, e := range ds.Entities {
		// A fair guess until the drawing package measures the real text.
		b.labelWidth[i] = float32(len([]rune(e.Name))) * LabelSize * 0.55
	}
	b.Discs = make([]Disc, len(ds.Entities))
	b.Labels = make([]Label, len(ds.Entities))
	b.Fitted = make([][2]float64, len(ds.Entities))
	b.lit = make([]bool, len(ds.Entities))
	b.selected, b.focus = -1, -1
	b.spot = make([]bool, len(ds.Entities))
	b.from = make([]bool, len(ds.Entities))
	b.spotMix = 1
	b.shown = make([]bool, len(ds.Entities))
	b.dealShown = make([]bool, len(ds.Deals))
	for i := range b.shown {
		b.shown[i] = true
	}
	for i := range b.dealShown {
		b.dealShown[i] = true
	}
	b.SetNetwork(net)
	return b
}

// SetNetwork switches to another network of the same dataset, such as the
// one for a new date.
func (b *Builder) SetNetwork(net *Network) {
	b.net = net
	b.byMoney = b.byMoney[:0]
	for i := range b.ds.Entities {
		b.byMoney = append(b.byMoney, i)
	}
	sort.SliceStable(b.byMoney, func(i, j int) bool {
		return net.Money[b.byMoney[i]] > net.Money[b.byMoney[j]]
	})
	if cap(b.curves) < len(net.Edges) {
		b.curves = make([][curveSamples + 1]point, len(net.Edges))
		b.arcs = make([][curveSamples + 1]float32, len(net.Edges))
	}
	b.curves = b.curves[:len(net.Edges)]
	b.arcs = b.arcs[:len(net.Edges)]
	if cap(b.widths) < len(net.Edges) {
		b.widths = make([]float32, len(net.Edges))
		b.edgeShown = make([]bool, len(net.Edges))
		b.spotEdge = make([]bool, len(net.Edges))
		b.fromEdge = make([]bool, len(net.Edges))
	}
	b.widths = b.widths[:len(net.Edges)]
	b.edgeShown = b.edgeShown[:len(net.Edges)]
	b.spotEdge = b.spotEdge[:len(net.Edges)]
	b.fromEdge = b.fromEdge[:len(net.Edges)]
	if cap(b.tips) < len(net.Edges) {
		b.tips = make([]point, len(net.Edges))
	}
	b.tips = b.tips[:len(net.Edges)]
	b.lod.prepare(net)
	// The step's focus stays lit on the new date (a step that moves the
	// date, or the timeline walking to it): its deals' edges are marked
	// again, edge indexes belonging to the network.
	b.markSpots()
	b.loop = b.loop[:0]
	b.showEdges()
	b.Select(b.selected)
	b.setFigures()
}

// Filter keeps only the entities and deals marked true; nil keeps all.
func (b *Builder) Filter(entities, deals []bool) {
	for i := range b.shown {
		b.shown[i] = entities == nil || entities[i]
	}
	for i := range b.dealShown {
		b.dealShown[i] = deals == nil || deals[i]
	}
	b.showEdges()
	b.Select(b.selected)
}

func (b *Builder) showEdges() {
	for ei, e := range b.net.Edges {
		on := false
		if b.shown[e.From] && b.shown[e.To] {
			for _, d := range e.Deals {
				on = on || b.dealShown[d]
			}
		}
		b.edgeShown[ei] = on
	}
}

// Spotlight lights what a story step points at, the entities and the
// edges of the deals, and fades the rest; Spotlight(nil, nil, false) ends
// it. A selection takes precedence while there is one. It cuts: the
// dimming is the new step's at once, until FadeSpot says otherwise. It
// keeps the slices, which must not change (a dataset's story steps).
func (b *Builder) Spotlight(entities, deals []int, on bool) {
	b.fromEnts, b.fromDeals, b.fromOn = b.spotEnts, b.spotDeals, b.spotOn
	b.spotEnts, b.spotDeals, b.spotOn = entities, deals, on
	b.spotMix = 1
	b.markSpots()
	b.Select(b.selected)
}

// FadeSpot sets how far the dimming has faded from the step before's
// (0) to the open step's (1), so that a story's spotlight eases from one
// step to the next rather than cutting.
func (b *Builder) FadeSpot(mix float32) { b.spotMix = min(max(mix, 0), 1) }

// SpotMix is the spotlight's fade, as FadeSpot set it.
func (b *Builder) SpotMix() float32 { return b.spotMix }

// markSpots marks the open step's focus and the step before's in the
// current network.
func (b *Builder) markSpots() {
	b.markStep(b.spot, b.spotEdge, b.spotEnts, b.spotDeals)
	b.markStep(b.from, b.fromEdge, b.fromEnts, b.fromDeals)
}

// markStep marks a step's entities and the edges of its deals, with the
// edges' ends.
func (b *Builder) markStep(spot, spotEdge []bool, entities, deals []int) {
	clear(spot)
	clear(spotEdge)
	for _, e := range entities {
		spot[e] = true
	}
	for ei, e := range b.net.Edges {
		for _, d := range e.Deals {
			for _, want := range deals {
				if d == want {
					spotEdge[ei] = true
					spot[e.From], spot[e.To] = true, true
				}
			}
		}
	}
}

// spotAlpha is how bright the spotlight leaves something while it fades:
// faded (e.g. fadedDisc) or 1, for the step before (was) and the open step
// (now), mixed by spotMix. With a selection, or the fade done, it is the
// plain lit-or-faded.
func (b *Builder) spotAlpha(was, now bool, faded float32) float32 {
	a1 := faded
	if now {
		a1 = 1
	}
	if b.spotMix >= 1 || b.selected >= 0 {
		return a1
	}
	a0 := faded
	if was {
		a0 = 1
	}
	return a0 + (a1-a0)*b.spotMix
}

// edgeAlpha is how bright edge ei is drawn: 1 or fadedEdge, or between
// while the spotlight fades.
func (b *Builder) edgeAlpha(ei int) float32 {
	return b.spotAlpha(!b.fromOn || b.fromEdge[ei], b.edgeLit(ei), fadedEdge)
}

// DealsShown counts the deals drawn: within the network's date and kept by
// the filters.
func (b *Builder) DealsShown() int {
	n := 0
	for ei, e := range b.net.Edges {
		if !b.edgeShown[ei] {
			continue
		}
		for _, d := range e.Deals {
			if b.dealShown[d] {
				n++
			}
		}
	}
	return n
}

// Shown reports whether the filters keep entity i.
func (b *Builder) Shown(i int) bool { return b.shown[i] }

// Focus puts the keyboard's ring on entity i; -1 removes it.
func (b *Builder) Focus(i int) { b.focus = i }

// Loop highlights a loop, given as its entities in order, and sends a
// token round it from tick on; nil clears it.
func (b *Builder) Loop(entities []int, tick int64) {
	b.loop = b.loop[:0]
	b.loopTick = tick
	for k, from := range entities {
		to := entities[(k+1)%len(entities)]
		for ei, e := range b.net.Edges {
			if e.From == from && e.To == to {
				b.loop = append(b.loop, ei)
				break
			}
		}
	}
	if len(b.loop) != len(entities) {
		b.loop = b.loop[:0] // not a loop of this network
	}
}

// Select highlights entity i and its neighbours; -1 shows everything alike.
func (b *Builder) Select(i int) {
	b.selected = i
	for j := range b.lit {
		b.lit[j] = i < 0 && (!b.spotOn || b.spot[j]) || j == i
	}
	if i < 0 {
		return
	}
	for ei, e := range b.net.Edges {
		if !b.edgeShown[ei] {
			continue
		}
		if e.From == i {
			b.lit[e.To] = true
		}
		if e.To == i {
			b.lit[e.From] = true
		}
	}
}

// Lit reports whether entity i is shown bright: nothing is selected, or i
// is the selection or one of its neighbours.
func (b *Builder) Lit(i int) bool { return b.lit[i] }

// edgeLit reports whether an edge touches the selection (or nothing is
// selected).
func (b *Builder) edgeLit(ei int) bool {
	if e := &b.net.Edges[ei]; b.selected >= 0 {
		return e.From == b.selected || e.To == b.selected
	}
	if b.spotOn {
		return b.spotEdge[ei]
	}
	return true
}

// EdgeAt returns the edge (an index into the network's edges) whose curve
// passes within slop of (x, y) in device pixels, the nearest one, or -1.
func (b *Builder) EdgeAt(x, y, slop float32) int {
	best, bestD := -1, float32(math.MaxFloat32)
	p := point{x, y}
	for ei := range b.net.Edges {
		c := &b.curves[ei]
		for i := 0; i < curveSamples; i++ {
			d := segDist(p, c[i], c[i+1]) - b.widths[ei]/2
			if d <= slop && d < bestD {
				best, bestD = ei, d
			}
		}
	}
	return best
}

// segDist is the distance from p to the segment a–b.
func segDist(p, a, b point) float32 {
	dx, dy := b.x-a.x, b.y-a.y
	l2 := dx*dx + dy*dy
	t := float32(0)
	if l2 > 0 {
		t = ((p.x-a.x)*dx + (p.y-a.y)*dy) / l2
		t = max(0, min(1, t))
	}
	return dist(p, point{a.x + t*dx, a.y + t*dy})
}

// EntityAt returns the entity whose disc is under the point (x, y) in device
// pixels, the one drawn on top when discs overlap, or -1. slop widens small
// discs to a finger's size.
func (b *Builder) EntityAt(x, y, slop float32) int {
	for i := len(b.Discs) - 1; i >= 0; i-- {
		if !b.shown[i] {
			continue
		}
		d := b.Discs[i]
		r := d.R
		if r < slop {
			r = slop
		}
		if dx, dy := x-d.X, y-d.Y; dx*dx+dy*dy <= r*r {
			return i
		}
	}
	return -1
}

// SetLabelWidth records the measured width of entity i's name at
// LabelSize, in CSS pixels.
func (b *Builder) SetLabelWidth(i int, w float32) { b.labelWidth[i] = w }

// Free returns the space left for the network in device pixels, below the
// title and inside the padding: its left, top, width and height.
func Free(v View) (x, y, w, h float64) {
	pad := paddingCSS * v.DPR
	top := v.TopInset*v.DPR + pad
	bottom := v.BottomInset*v.DPR + pad
	return pad, top, math.Max(1, v.Width-2*pad), math.Max(1, v.Height-top-bottom)
}

// Area returns the drawing area in device pixels: the largest rectangle of
// the layout's aspect that fits the free space, centred in it. Layout
// positions in [0, 1] map onto it.
func Area(v View) (x, y, w, h float64) {
	fx, fy, fw, fh := Free(v)
	a := v.Aspect
	if a <= 0 {
		a = 1
	}
	w, h = fw, fw/a
	if h > fh {
		w, h = fh*a, fh
	}
	return fx + (fw-w)/2, fy + (fh-h)/2, w, h
}

// Disc radii as shares of the drawing area's shorter side, for the least and the
// most money.
const (
	minDiscShare = 0.011
	maxDiscShare = 0.042
)

// DiscShare is the radius of a disc with the given money, as a share of the
// drawing area's shorter side, so that the layout can keep discs apart.
func DiscShare(money, maxMoney float64) float64 {
	if maxMoney <= 0 {
		return minDiscShare
	}
	return minDiscShare + (maxDiscShare-minDiscShare)*math.Sqrt(money/maxMoney)
}

// Build makes the frame for the given layout positions and view.
func (b *Builder) Build(pos [][2]float64, v View) {
	b.Mesh.reset()
	ax, ay, aw, ah := Area(v)
	dpr := float32(v.DPR)
	zoom := v.Zoom
	if zoom <= 0 {
		zoom = 1
	}
	// Sizes grow with the square root of the zoom, so that zooming in
	// both enlarges and separates.
	unitCSS := math.Min(aw, ah) / v.DPR * math.Sqrt(zoom)

	// Discs: sized by the square root of the money through them, so that
	// area follows money.
	rMin := float32(math.Max(minDiscCSS, unitCSS*minDiscShare)) * dpr
	rMax := float32(math.Min(40, math.Max(minDiscCSS*2, unitCSS*maxDiscShare))) * dpr
	for i := range b.ds.Entities {
		r := rMin
		if b.net.MaxMoney > 0 {
			r += (rMax - rMin) * float32(math.Sqrt(b.net.Money[i]/b.net.MaxMoney))
		}
		fx, fy := ax+pos[i][0]*aw, ay+pos[i][1]*ah
		b.Fitted[i] = [2]float64{fx, fy}
		b.Discs[i] = Disc{X: float32(fx*zoom + v.PanX), Y: float32(fy*zoom + v.PanY), R: r}
	}

	maxW := float32(math.Max(3, math.Min(14, unitCSS*0.016))) * dpr
	for ei := range b.net.Edges {
		b.curve(ei, maxW, dpr)
	}
	screen := rect{0, 0, float32(v.Width), float32(v.Height)}
	b.chooseDetail(screen, v.Motion, dpr)
	for ei := range b.net.Edges {
		switch b.detail[ei] {
		case fullDetail:
			b.edge(ei, dpr)
		case hairline:
			b.hairline(ei, dpr)
		}
	}
	if v.Motion {
		for ei := range b.net.Edges {
			if b.moving[ei] {
				b.particles(ei, v.Tick, dpr)
			}
		}
	}
	b.kites(v, dpr)
	b.loopPath(v.Tick, dpr, v.Motion)
	outline := outlineCSS * dpr
	for i, e := range b.ds.Entities {
		if !b.shown[i] {
			continue
		}
		d := b.Discs[i]
		if !screen.overlaps(rect{d.X - d.R - 10*dpr, d.Y - d.R - 10*dpr, d.X + d.R + 10*dpr, d.Y + d.R + 10*dpr}) {
			continue // off screen, rings included
		}
		c := b.kinds[e.Kind]
		if a := b.spotAlpha(!b.fromOn || b.from[i], b.lit[i], fadedDisc); a < 1 {
			// Faded toward the background rather than made transparent,
			// so edges behind a faded disc stay hidden.
			c = mix(Background, c, a)
		}
		b.Mesh.Disc(d.X, d.Y, d.R+outline, Background)
		b.Mesh.Disc(d.X, d.Y, d.R, c)
		if i == b.selected {
			b.Mesh.Ring(d.X, d.Y, d.R+4*dpr, 2*dpr, SelectColor)
		}
		if i == b.focus {
			b.Mesh.Ring(d.X, d.Y, d.R+8*dpr, 2*dpr, FocusColor)
		}
	}
	b.placeLabels(dpr, rect{0, float32(v.TopInset) * dpr, float32(v.Width), float32(v.Height - v.BottomInset*v.DPR)})
	b.placeFigures(v, dpr)
}

// curve records edge ei's drawn width and its sampled curve, for drawing,
// the particles and hit tests.
func (b *Builder) curve(ei int, maxW, dpr float32) {
	e := &b.net.Edges[ei]
	if !b.edgeShown[ei] {
		// Keep the curve for hit tests off: a hidden edge has no length.
		b.widths[ei] = 0
		for i := range b.curves[ei] {
			b.curves[ei][i] = point{-1e9, -1e9}
		}
		return
	}
	from, to := b.Discs[e.From], b.Discs[e.To]
	dx, dy := to.X-from.X, to.Y-from.Y
	// Bend to the right of the direction of travel, so that the edges of
	// two opposite flows between the same pair never overlap.
	cx := (from.X+to.X)/2 - dy*bend
	cy := (from.Y+to.Y)/2 + dx*bend

	width := minEdgeCSS * dpr
	if e.Disclosed && b.net.MaxTotal > 0 {
		width = 1.5*dpr + (maxW-1.5*dpr)*float32(math.Sqrt(e.Total/b.net.MaxTotal))
	}
	b.widths[ei] = width
	arrow := width*arrowLenRatio + 4*dpr
	p0 := toward(from.X, from.Y, cx, cy, from.R)
	tip := toward(to.X, to.Y, cx, cy, to.R)
	p2 := toward(to.X, to.Y, cx, cy, to.R+arrow)

	curve := &b.curves[ei]
	arc := &b.arcs[ei]
	for i := 0; i <= curveSamples; i++ {
		t := float32(i) / curveSamples
		u := 1 - t
		curve[i] = point{
			u*u*p0.x + 2*u*t*cx + t*t*p2.x,
			u*u*p0.y + 2*u*t*cy + t*t*p2.y,
		}
		if i > 0 {
			arc[i] = arc[i-1] + dist(curve[i-1], curve[i])
		}
	}
	b.tips[ei] = tip
	// The curve lies within the triangle of its control points.
	hw := float32(math.Max(float64(width*1.3), float64(3.5*dpr)))
	b.bounds[ei] = rect{
		min(p0.x, cx, p2.x, tip.x) - hw, min(p0.y, cy, p2.y, tip.y) - hw,
		max(p0.x, cx, p2.x, tip.x) + hw, max(p0.y, cy, p2.y, tip.y) + hw,
	}
}

// edgeColor is edge ei's colour: fainter when called off or away from the
// selection or story step, stronger when it touches the selection.
func (b *Builder) edgeColor(ei int) Color {
	col := EdgeColor
	if b.net.Edges[ei].Terminated {
		col = col.WithAlpha(0.4)
	}
	if a := b.edgeAlpha(ei); a < 1 {
		col = col.WithAlpha(a)
	} else if b.selected >= 0 {
		col = col.WithAlpha(1.8)
	}
	return col
}

// edge adds edge ei's curve, dashed when no amount is disclosed, and its
// arrow head.
func (b *Builder) edge(ei int, dpr float32) {
	e := &b.net.Edges[ei]
	curve, arc := &b.curves[ei], &b.arcs[ei]
	width, tip := b.widths[ei], b.tips[ei]
	col := b.edgeColor(ei)
	dashed := !e.Disclosed
	period := (dashCSS + gapCSS) * dpr
	for i := 0; i < curveSamples; i++ {
		a, c := curve[i], curve[i+1]
		if dashed {
			// Draw the sample only where its middle falls on a dash.
			mid := (arc[i] + arc[i+1]) / 2
			if float32(math.Mod(float64(mid), float64(period))) > dashCSS*dpr {
				continue
			}
		}
		nx, ny := normal(a, c)
		h := width / 2
		b.Mesh.Quad(a.x+nx*h, a.y+ny*h, c.x+nx*h, c.y+ny*h, c.x-nx*h, c.y-ny*h, a.x-nx*h, a.y-ny*h, col)
	}
	// Arrow head from the end of the curve to the rim of the target disc.
	end := curve[curveSamples]
	nx, ny := normal(end, tip)
	hw := float32(math.Max(float64(width*1.3), float64(3.5*dpr)))
	b.Mesh.Triangle(tip.x, tip.y, end.x+nx*hw, end.y+ny*hw, end.x-nx*hw, end.y-ny*hw, col.WithAlpha(1.6))
}

// particleCount is how many money particles (and as many capacity ones)
// travel an edge whose curve is length device pixels long.
func particleCount(length, dpr float32) int {
	return max(1, min(int(length/(spacingCSS*dpr)), maxParticles))
}

// particles adds the money particles flowing From → To along edge ei and the
// capacity particles flowing back To → From.
func (b *Builder) particles(ei int, tick int64, dpr float32) {
	e := &b.net.Edges[ei]
	if e.Terminated || !b.edgeLit(ei) {
		return
	}
	arc := &b.arcs[ei]
	length := arc[curveSamples]
	if length < 1 {
		return
	}
	n := particleCount(length, dpr)
	// Phase in [0, 1) along the edge, advanced by a whole number of ticks
	// so that the animation never depends on the wall clock.
	travel := float64(tick) * speedCSS * float64(dpr) / float64(length)
	money := float32(2.4) * dpr
	for i := 0; i < n; i++ {
		u := frac(travel + float64(i)/float64(n))
		p := b.along(ei, float32(u))
		b.Mesh.Disc(p.x, p.y, money, MoneyColor)
	}
	if e.CapacityMW <= 0 {
		return
	}
	// Capacity particles: diamonds, offset by half a spacing from the money
	// ones and moving the other way, slower, so the two read apart.
	size := float32(3.2) * dpr
	for i := 0; i < n; i++ {
		u := 1 - frac(travel*0.6+(float64(i)+0.5)/float64(n))
		p := b.along(ei, float32(u))
		b.Mesh.Quad(p.x, p.y-size, p.x+size, p.y, p.x, p.y+size, p.x-size, p.y, CapacityColor)
	}
}

// loopPath draws the highlighted loop's edges over the others and, with
// motion, a token that travels round it hop by hop ("follow the dollar").
func (b *Builder) loopPath(tick int64, dpr float32, motion bool) {
	if len(b.loop) == 0 {
		return
	}
	for _, ei := range b.loop {
		c := &b.curves[ei]
		w := b.widths[ei] + 3*dpr
		for i := 0; i < curveSamples; i++ {
			p, q := c[i], c[i+1]
			nx, ny := normal(p, q)
			h := w / 2
			b.Mesh.Quad(p.x+nx*h, p.y+ny*h, q.x+nx*h, q.y+ny*h, q.x-nx*h, q.y-ny*h, p.x-nx*h, p.y-ny*h, LoopColor)
		}
	}
	// The token takes tokenTicks per hop whatever the hop's length, so a
	// loop of any shape reads at the same pace.
	const tokenTicks = 90
	t := tick - b.loopTick
	if !motion {
		t = 0
	}
	hop := int(t/tokenTicks) % len(b.loop)
	u := float32(t%tokenTicks) / tokenTicks
	p := b.along(b.loop[hop], u)
	b.Mesh.Disc(p.x, p.y, 7*dpr, Background)
	b.Mesh.Disc(p.x, p.y, 5.5*dpr, MoneyColor)
}

// along returns the point at share u of edge ei's arc length.
func (b *Builder) along(ei int, u float32) point {
	curve, arc := &b.curves[ei], &b.arcs[ei]
	target := u * arc[curveSamples]
	// Binary search for the first sample interval that reaches target.
	i, j := 0, curveSamples
	for i < j {
		h := (i + j) / 2
		if arc[h+1] >= target {
			j = h
		} else {
			i = h + 1
		}
	}
	if i >= curveSamples {
		return curve[curveSamples]
	}
	seg := arc[i+1] - arc[i]
	t := float32(0)
	if seg > 0 {
		t = (target - arc[i]) / seg
	}
	return point{curve[i].x + (curve[i+1].x-curve[i].x)*t, curve[i].y + (curve[i+1].y-curve[i].y)*t}
}

func toward(x, y, tx, ty, r float32) point {
	dx, dy := tx-x, ty-y
	l := length(dx, dy)
	if l == 0 {
		return point{x, y}
	}
	return point{x + dx/l*r, y + dy/l*r}
}

func normal(a, b point) (float32, float32) {
	dx, dy := b.x-a.x, b.y-a.y
	l := length(dx, dy)
	if l == 0 {
		return 0, 0
	}
	return -dy / l, dx / l
}

func dist(a, b point) float32 {
	return length(b.x-a.x, b.y-a.y)
}

// length is the length of the vector (dx, dy). The squares are summed in
// float64, where they cannot overflow, so math.Hypot's care (and its cost,
// in a function called millions of times a frame for a large network) is
// not needed; the result rounds to the same float32.
func length(dx, dy float32) float32 {
	x, y := float64(dx), float64(dy)
	return float32(math.Sqrt(x*x + y*y))
}

func frac(x float64) float64 { return x - math.Floor(x) }
