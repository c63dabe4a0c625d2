package scene

import "ouroboros/wasm/session"

// Budgets of the level of detail, for the tests.
const (
	MaxFullEdges      = maxFullEdges
	MaxFrameParticles = maxFrameParticles
)

// EdgeDetail names edge ei's level of detail in the last frame.
func (f *Frame) EdgeDetail(ei int) string {
	return [...]string{notDrawn: "none", hairline: "hairline", fullDetail: "full", merged: "merged"}[f.detail[ei]]
}

// LabelsByQuadraticSearch places the labels of the last frame built for v
// as placeLabels did before it had a grid, testing every candidate place
// against every placed label and every disc: the grid must agree with it.
func (f *Frame) LabelsByQuadraticSearch(v session.View) []Label {
	dpr := float32(v.DPR)
	m := textMarginCSS * dpr
	screen := rect{m, float32(v.TopInset+v.ReadingInset) * dpr, float32(v.Width) - m, float32(v.Height - v.BottomInset*v.DPR)}
	out := make([]Label, len(f.Labels))
	var placed []rect
	free := func(r rect) bool {
		for _, p := range placed {
			if r.overlaps(p) {
				return false
			}
		}
		for i, d := range f.Discs {
			if f.shown[i] && r.overlaps(rect{d.X - d.R, d.Y - d.R, d.X + d.R, d.Y + d.R}) {
				return false
			}
		}
		return true
	}
	gap := labelGapCSS * dpr
	for _, i := range f.byMoney {
		if !f.lit[i] || !f.shown[i] {
			continue
		}
		d := f.Discs[i]
		w, lineH, size := f.nameBox(i, dpr)
		for _, c := range [4]rect{
			{d.X - w/2, d.Y + d.R + gap, d.X + w/2, d.Y + d.R + gap + lineH},
			{d.X - w/2, d.Y - d.R - gap - lineH, d.X + w/2, d.Y - d.R - gap},
			{d.X + d.R + gap, d.Y - lineH/2, d.X + d.R + gap + w, d.Y + lineH/2},
			{d.X - d.R - gap - w, d.Y - lineH/2, d.X - d.R - gap, d.Y + lineH/2},
		} {
			if c.x0 >= screen.x0 && c.y0 >= screen.y0 && c.x1 <= screen.x1 && c.y1 <= screen.y1 && free(c) {
				placed = append(placed, c)
				out[i] = Label{X: (c.x0 + c.x1) / 2, Y: c.y0, W: w, H: lineH, Size: size, Outer: f.outer(i), Visible: true}
				break
			}
		}
	}
	return out
}

// Curve is edge ei's sampled curve in the last frame.
func (f *Frame) Curve(ei int) (out [][2]float32) {
	for _, p := range f.curves[ei] {
		out = append(out, [2]float32{p.x, p.y})
	}
	return out
}

// BesideLoop is how much of its colour edge ei keeps beside the lit loops.
func (f *Frame) BesideLoop(ei int) float32 { return f.besideLoop(ei) }
