package scene

// Label places an entity's name: X is its centre and Y its top, W and H
// the box it claims, in device pixels. Size is the font size it is set at
// in CSS pixels, and Outer says it names an entity of the outer band, set
// smaller and dimmer. Hidden labels would overlap a larger entity's label
// or leave the canvas.
type Label struct {
	X, Y, W, H float32
	Size       float32
	Outer      bool
	Visible    bool
}

// LabelSize is the font size in CSS pixels that names are measured at
// (NewFrame's labelWidth); they are set at the TextSizes of the canvas.
const LabelSize = 12

// TextSizes are the font sizes of a canvas's text in CSS pixels: entity
// names (Name, or Outer for the outer band) and edges' figures.
type TextSizes struct{ Name, Outer, Figure float32 }

// wideCSS is the canvas width from which text is set larger.
const wideCSS = 1500

// TextSizesFor returns the text sizes for a canvas widthCSS wide: at least
// 13 CSS pixels on a phone, at least 15 on a wide screen.
func TextSizesFor(widthCSS float64) TextSizes {
	if widthCSS >= wideCSS {
		return TextSizes{Name: 16, Outer: 15, Figure: 15}
	}
	return TextSizes{Name: 14, Outer: 13, Figure: 13}
}

// Scaled is the sizes times f (0 counts as 1).
func (t TextSizes) Scaled(f float64) TextSizes {
	if f <= 0 {
		return t
	}
	k := float32(f)
	return TextSizes{Name: t.Name * k, Outer: t.Outer * k, Figure: t.Figure * k}
}

const (
	textMarginCSS = 4    // space between text and the canvas's sides
	labelGapCSS   = 3    // space between a disc and its label
	lineRatio     = 1.25 // height of a line as a multiple of its font size
)

// nameBox is entity i's name's size in device pixels and its font size.
func (f *Frame) nameBox(i int, dpr float32) (w, h, size float32) {
	size = f.text.Name
	if f.outer(i) {
		size = f.text.Outer
	}
	return f.labelWidth[i] * size / LabelSize * dpr, size * lineRatio * dpr, size
}

// labelCellCSS is the size of the label grid's cells in CSS pixels: about
// a short name's width, so that a label's place spans a few cells.
const labelCellCSS = 64

// labelGrid is a uniform grid of bins over the screen holding the boxes
// labels must not overlap (discs and labels already placed), so that
// placing a label looks only at what is near it: placing n labels among n
// discs costs about n, not n².
type labelGrid struct {
	// area is the rectangle the grid lies over, where text may go.
	area         rect
	x0, y0, cell float32
	cols, rows   int
	// head is each cell's first entry or -1; an entry is a box in a cell,
	// item its index in boxes and next the cell's next entry or -1.
	head, next, item []int32
	boxes            []rect
}

// reset empties the grid and lays it over area.
func (g *labelGrid) reset(area rect, cell float32) {
	g.area, g.x0, g.y0, g.cell = area, area.x0, area.y0, cell
	g.cols = max(1, int((area.x1-area.x0)/cell)+1)
	g.rows = max(1, int((area.y1-area.y0)/cell)+1)
	n := g.cols * g.rows
	if cap(g.head) < n {
		g.head = make([]int32, n)
	}
	g.head = g.head[:n]
	for i := range g.head {
		g.head[i] = -1
	}
	g.next, g.item, g.boxes = g.next[:0], g.item[:0], g.boxes[:0]
}

// span returns the cells r covers, clamped to the grid: a box beyond the
// grid's edge is kept in the edge cells, which are also the only ones a
// query beyond the edge looks at.
func (g *labelGrid) span(r rect) (c0, r0, c1, r1 int) {
	cl := func(v float32, n int) int { return max(0, min(n-1, int((v)/g.cell))) }
	return cl(r.x0-g.x0, g.cols), cl(r.y0-g.y0, g.rows), cl(r.x1-g.x0, g.cols), cl(r.y1-g.y0, g.rows)
}

// add puts box r in the grid.
func (g *labelGrid) add(r rect) {
	id := int32(len(g.boxes))
	g.boxes = append(g.boxes, r)
	c0, r0, c1, r1 := g.span(r)
	for y := r0; y <= r1; y++ {
		for x := c0; x <= c1; x++ {
			c := y*g.cols + x
			g.item = append(g.item, id)
			g.next = append(g.next, g.head[c])
			g.head[c] = int32(len(g.item) - 1)
		}
	}
}

// free reports whether r overlaps no box in the grid.
func (g *labelGrid) free(r rect) bool {
	c0, r0, c1, r1 := g.span(r)
	for y := r0; y <= r1; y++ {
		for x := c0; x <= c1; x++ {
			for e := g.head[y*g.cols+x]; e >= 0; e = g.next[e] {
				if r.overlaps(g.boxes[g.item[e]]) {
					return false
				}
			}
		}
	}
	return true
}

// placeText places the names and the edges' figures in order of
// importance, each only where it covers no disc and nothing placed before
// it: the names of the lit loops' members, the loops' figures, the other
// names, then the other figures.
func (f *Frame) placeText(dpr float32, screen rect) {
	g := &f.grid
	g.reset(screen, labelCellCSS*dpr)
	for i, d := range f.Discs {
		if r := (rect{d.X - d.R, d.Y - d.R, d.X + d.R, d.Y + d.R}); f.shown[i] && r.overlaps(screen) {
			g.add(r)
		}
	}
	// The page's boxes over the canvas hide whatever is set under them.
	for _, b := range f.covered {
		if r := (rect{float32(b[0]) * dpr, float32(b[1]) * dpr, float32(b[0]+b[2]) * dpr, float32(b[1]+b[3]) * dpr}); r.overlaps(screen) {
			g.add(r)
		}
	}
	for i := range f.Labels {
		f.Labels[i] = Label{}
	}
	for ei := range f.Figures {
		f.Figures[ei] = Figure{}
	}
	f.placeLabels(dpr, true)
	for _, ei := range f.loops.edges {
		f.placeFigure(ei, dpr, true)
	}
	f.placeLabels(dpr, false)
	f.placeFigures(dpr)
}

// placeLabels puts each name (of the lit loops' members, or of the others)
// under its disc, or above, right or left of it when that is taken, and
// hides it when no side is free on screen: labels appear only where they
// fit, so zooming in on a crowded network reveals more of them. Entities
// in circular deals claim space first, then those with more money.
func (f *Frame) placeLabels(dpr float32, members bool) {
	g := &f.grid
	screen := g.area
	gap := labelGapCSS * dpr
	for _, i := range f.byMoney {
		if f.loops.member[i] != members || !f.lit[i] || !f.shown[i] {
			continue // a faded entity's name would only add noise
		}
		d := f.Discs[i]
		w, lineH, size := f.nameBox(i, dpr)
		candidates := [4]rect{
			{d.X - w/2, d.Y + d.R + gap, d.X + w/2, d.Y + d.R + gap + lineH},
			{d.X - w/2, d.Y - d.R - gap - lineH, d.X + w/2, d.Y - d.R - gap},
			{d.X + d.R + gap, d.Y - lineH/2, d.X + d.R + gap + w, d.Y + lineH/2},
			{d.X - d.R - gap - w, d.Y - lineH/2, d.X - d.R - gap, d.Y + lineH/2},
		}
		for _, c := range candidates {
			if c.x0 >= screen.x0 && c.y0 >= screen.y0 && c.x1 <= screen.x1 && c.y1 <= screen.y1 && g.free(c) {
				g.add(c)
				f.Labels[i] = Label{X: (c.x0 + c.x1) / 2, Y: c.y0, W: w, H: lineH, Size: size, Outer: f.outer(i), Visible: true}
				break
			}
		}
	}
}
