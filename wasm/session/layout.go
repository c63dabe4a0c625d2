package session

import "math"

// Aspect limits: a layout wider or taller than this reads as a strip.
const (
	minAspect = 0.55
	maxAspect = 1.9
)

// reshapeRatio is how far the window's shape must move from the layout's
// before the layout adapts: small resizes only rescale the picture.
const reshapeRatio = 1.2

// LayoutAspect is the shape the layout should take for a view: that of the
// free space, within limits.
func LayoutAspect(v View) float64 {
	_, _, w, h := Free(v)
	return math.Min(maxAspect, math.Max(minAspect, w/h))
}

// Reshape reports whether a layout of aspect current should adapt to want.
func Reshape(current, want float64) bool {
	r := want / current
	return r > reshapeRatio || r < 1/reshapeRatio
}
