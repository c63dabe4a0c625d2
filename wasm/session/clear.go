package session

import "math"

// Clear is where framing puts what a story step or a selection is about:
// the rectangle of space (the free space round the title and the
// timeline, see Free) that overlaps none of the boxes (the page's caption,
// panel, legend, toolbar and cards over the canvas) and best holds a box
// of the given aspect (width over height; 1 for a point). Among the
// rectangles clear of every box it takes the one in which such a box can
// be drawn largest, and of those the largest. When the boxes leave no room
// at all it returns space.
//
// The candidates' edges are those of space and of the boxes, so a handful
// of boxes makes a few thousand rectangles: cheap enough for a step or a
// selection, never run per frame.
func Clear(space Rect, boxes []Rect, aspect float64) Rect {
	if aspect <= 0 || math.IsNaN(aspect) || math.IsInf(aspect, 0) {
		aspect = 1
	}
	xs := edges(space.X0, space.X1, boxes, func(b Rect) (float64, float64) { return b.X0, b.X1 })
	ys := edges(space.Y0, space.Y1, boxes, func(b Rect) (float64, float64) { return b.Y0, b.Y1 })
	best, bestFit, bestArea := space, -1.0, 0.0
	for i, x0 := range xs {
		for _, x1 := range xs[i+1:] {
			for j, y0 := range ys {
				for _, y1 := range ys[j+1:] {
					r := Rect{x0, y0, x1, y1}
					fit := math.Min(r.X1-r.X0, (r.Y1-r.Y0)*aspect)
					area := (r.X1 - r.X0) * (r.Y1 - r.Y0)
					if fit < bestFit || fit == bestFit && area <= bestArea || hitsAny(r, boxes) {
						continue
					}
					best, bestFit, bestArea = r, fit, area
				}
			}
		}
	}
	return best
}

// edges are the sorted coordinates, along one axis, where a clear
// rectangle may begin or end: the ends of [lo, hi] and the boxes' edges
// inside it.
func edges(lo, hi float64, boxes []Rect, along func(Rect) (float64, float64)) []float64 {
	out := []float64{lo, hi}
	for _, b := range boxes {
		a, z := along(b)
		for _, v := range [2]float64{a, z} {
			if v > lo && v < hi {
				out = append(out, v)
			}
		}
	}
	// Insertion sort: a few dozen values.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// hitsAny reports whether r overlaps one of boxes by more than an edge.
func hitsAny(r Rect, boxes []Rect) bool {
	for _, b := range boxes {
		if r.X0 < b.X1 && b.X0 < r.X1 && r.Y0 < b.Y1 && b.Y0 < r.Y1 {
			return true
		}
	}
	return false
}

// inset shrinks r by a fraction f of its size on each side.
func (r Rect) inset(f float64) Rect {
	dx, dy := (r.X1-r.X0)*f, (r.Y1-r.Y0)*f
	return Rect{r.X0 + dx, r.Y0 + dy, r.X1 - dx, r.Y1 - dy}
}
