package scene

// Geometry is where the last frame put what it drew, in device pixels of
// the canvas, for the page's geometry() (page-api.md §2): hosts anchor
// their annotations with it and tests check the picture with it. Frame
// fills it in place, so a caller that keeps one allocates nothing.
type Geometry struct {
	// Entities has one place per entity of the dataset, in its order.
	Entities []EntityPlace
	// EdgeLabels are the edges' figures drawn, in the order they were
	// placed (highlighted loops' hops first).
	EdgeLabels []EdgeLabelPlace
}

// Box is an axis-aligned box: its top-left corner, width and height.
type Box struct{ X, Y, W, H float32 }

// EntityPlace is an entity as drawn: its disc's centre and radius, its
// name's box when Labelled, and Visible when it is drawn (kept by the
// filters) with its centre on the canvas.
type EntityPlace struct {
	X, Y, R  float32
	Label    Box
	Labelled bool
	Visible  bool
}

// EdgeLabelPlace is an edge's figure as drawn: the edge (an index into the
// network's edges), its ends (entity indexes), its text and its box.
type EdgeLabelPlace struct {
	Edge, From, To int
	Text           string
	Box
}

// Geometry fills g with the last frame's discs, names and figures; it
// changes nothing of the frame.
func (f *Frame) Geometry(g *Geometry) {
	g.Entities = g.Entities[:0]
	g.EdgeLabels = g.EdgeLabels[:0]
	if f.net == nil {
		return // nothing built yet
	}
	for i, d := range f.Discs {
		l := f.Labels[i]
		p := EntityPlace{X: d.X, Y: d.Y, R: d.R, Labelled: l.Visible,
			Visible: f.shown[i] && d.X >= 0 && d.Y >= 0 && d.X <= f.canvasW && d.Y <= f.canvasH}
		if l.Visible {
			p.Label = Box{l.X - l.W/2, l.Y, l.W, l.H}
		}
		g.Entities = append(g.Entities, p)
	}
	add := func(ei int) {
		if fg := f.Figures[ei]; fg.Visible {
			e := &f.net.Edges[ei]
			g.EdgeLabels = append(g.EdgeLabels, EdgeLabelPlace{Edge: ei, From: e.From, To: e.To,
				Text: f.figText[ei], Box: Box{fg.X - fg.W/2, fg.Y, fg.W, fg.H}})
		}
	}
	for _, ei := range f.loops.edges {
		if !f.hasEdgeLabel(g, ei) {
			add(ei)
		}
	}
	for ei := range f.Figures {
		if !f.onLoop[ei] {
			add(ei)
		}
	}
}

// hasEdgeLabel reports whether g already lists edge ei's figure (a hop
// shared by two highlighted loops).
func (f *Frame) hasEdgeLabel(g *Geometry, ei int) bool {
	for _, l := range g.EdgeLabels {
		if l.Edge == ei {
			return true
		}
	}
	return false
}
