package scene

import "ouroboros/wasm/session"

// marks is what a look lights, fades and hides in the network being drawn,
// read afresh by every Build: nothing of it outlives the frame.
type marks struct {
	// selected is the selected entity or -1; lit marks it and its
	// neighbours, which stay bright while the rest fades. focus is the
	// entity the keyboard is on, or -1.
	selected, focus int
	lit             []bool
	// spot and spotEdge mark what the open story step points at, spotOn
	// whether one is open; from, fromEdge and fromOn are the same for the
	// step before, which the dimming fades from; spotMix is how far it has
	// faded, 0 (the step before's) to 1 (this step's).
	spot, spotEdge []bool
	from, fromEdge []bool
	spotOn, fromOn bool
	spotMix        float32
	// shown marks the entities the filters keep, dealShown the deals, and
	// edgeShown the edges with a kept deal between kept entities.
	shown, dealShown, edgeShown []bool
	// dealMark is scratch space for marking a step's deals.
	dealMark []bool
	// loops are the highlighted loops' edges (loop.go), and loopTick is
	// the tick the tokens set off round them.
	loops
	loopTick int64
	// covered are the page's boxes over the canvas in CSS pixels, where
	// no text is set (session.Look.Covered).
	covered [][4]float64
}

// init sizes the marks of entities and deals.
func (m *marks) init(entities, deals int) {
	m.lit = make([]bool, entities)
	m.member = make([]bool, entities)
	m.spot = make([]bool, entities)
	m.from = make([]bool, entities)
	m.shown = make([]bool, entities)
	m.dealShown = make([]bool, deals)
	m.dealMark = make([]bool, deals)
}

// size sizes the marks of a network's edges.
func (m *marks) size(edges int) {
	if cap(m.edgeShown) < edges {
		m.edgeShown = make([]bool, edges)
		m.spotEdge = make([]bool, edges)
		m.fromEdge = make([]bool, edges)
		m.onLoop = make([]bool, edges)
	}
	m.edgeShown, m.spotEdge, m.fromEdge = m.edgeShown[:edges], m.spotEdge[:edges], m.fromEdge[:edges]
	m.onLoop = m.onLoop[:edges]
}

// Alphas of what is not near the selection.
const (
	fadedDisc = 0.22
	fadedEdge = 0.25
)

// read marks what the look lights, fades and hides in the frame's network.
func (f *Frame) read(look session.Look) {
	f.pal, f.kinds = PaletteFor(look.Theme), f.themes[session.Dark]
	if look.Theme == session.Light {
		f.kinds = f.themes[session.Light]
	}
	f.selected, f.focus = look.Selected, look.Focus
	for i := range f.shown {
		f.shown[i] = look.Shown == nil || look.Shown[i]
	}
	for i := range f.dealShown {
		f.dealShown[i] = look.DealShown == nil || look.DealShown[i]
	}
	for ei, e := range f.net.Edges {
		on := false
		if f.shown[e.From] && f.shown[e.To] {
			for _, d := range e.Deals {
				on = on || f.dealShown[d]
			}
		}
		f.edgeShown[ei] = on
	}
	// A step's focus stays lit on any date (a step that moves the date,
	// or the timeline walking to it): its deals' edges are marked in the
	// network drawn.
	f.spotOn, f.fromOn = look.Spot.On, look.From.On
	f.spotMix = min(max(look.SpotMix, 0), 1)
	f.markStep(f.spot, f.spotEdge, look.Spot)
	f.markStep(f.from, f.fromEdge, look.From)
	f.light()
	f.findLoops(look.Loop, look.Loops)
	f.loopTick = look.LoopTick
	f.covered = look.Covered
}

// markStep marks a step's entities and the edges of its deals, with the
// edges' ends.
func (f *Frame) markStep(spot, spotEdge []bool, s session.Spot) {
	clear(spot)
	clear(spotEdge)
	for _, e := range s.Entities {
		spot[e] = true
	}
	if len(s.Deals) == 0 {
		return
	}
	for _, d := range s.Deals {
		f.dealMark[d] = true
	}
	for ei, e := range f.net.Edges {
		for _, d := range e.Deals {
			if f.dealMark[d] {
				spotEdge[ei] = true
				spot[e.From], spot[e.To] = true, true
			}
		}
	}
	for _, d := range s.Deals {
		f.dealMark[d] = false
	}
}

// light marks the selection and its neighbours lit, or with nothing
// selected the open step's focus, or everything.
func (f *Frame) light() {
	i := f.selected
	for j := range f.lit {
		f.lit[j] = i < 0 && (!f.spotOn || f.spot[j]) || j == i
	}
	if i < 0 {
		return
	}
	for ei, e := range f.net.Edges {
		if !f.edgeShown[ei] {
			continue
		}
		if e.From == i {
			f.lit[e.To] = true
		}
		if e.To == i {
			f.lit[e.From] = true
		}
	}
}

// spotAlpha is how bright the spotlight leaves something while it fades:
// faded (e.g. fadedDisc) or 1, for the step before (was) and the open step
// (now), mixed by spotMix. With a selection, or the fade done, it is the
// plain lit-or-faded.
func (f *Frame) spotAlpha(was, now bool, faded float32) float32 {
	a1 := faded
	if now {
		a1 = 1
	}
	if f.spotMix >= 1 || f.selected >= 0 {
		return a1
	}
	a0 := faded
	if was {
		a0 = 1
	}
	return a0 + (a1-a0)*f.spotMix
}

// edgeAlpha is how bright edge ei is drawn: 1 or fadedEdge, or between
// while the spotlight fades.
func (f *Frame) edgeAlpha(ei int) float32 {
	return f.spotAlpha(!f.fromOn || f.fromEdge[ei], f.edgeLit(ei), fadedEdge)
}

// edgeLit reports whether an edge touches the selection (or nothing is
// selected).
func (f *Frame) edgeLit(ei int) bool {
	if e := &f.net.Edges[ei]; f.selected >= 0 {
		return e.From == f.selected || e.To == f.selected
	}
	if f.spotOn {
		return f.spotEdge[ei]
	}
	return true
}

// DealsShown counts the deals the last frame drew: within the network's
// date and kept by the filters.
func (f *Frame) DealsShown() int {
	n := 0
	if f.net == nil {
		return 0 // nothing built yet
	}
	for ei, e := range f.net.Edges {
		if !f.edgeShown[ei] {
			continue
		}
		for _, d := range e.Deals {
			if f.dealShown[d] {
				n++
			}
		}
	}
	return n
}

// Shown reports whether the last frame's filters kept entity i.
func (f *Frame) Shown(i int) bool { return f.shown[i] }

// Lit reports whether entity i was drawn bright in the last frame: nothing
// is selected, or i is the selection or one of its neighbours.
func (f *Frame) Lit(i int) bool { return f.lit[i] }
