package scene

import "math"

// Edge widths read on a logarithmic scale with a wide range, so that a
// $300B edge is clearly thicker than a $30B one and that than a $3B one:
// each tenfold step of the amount adds the same width.

const (
	// thinCSS is the width of the smallest disclosed edge, in CSS pixels.
	thinCSS = 1.5
	// thickCSS is the width of the largest edge, in CSS pixels.
	thickCSS = 14.0
	// decades is how many tenfold steps below the largest amount still
	// grow wider; anything smaller is drawn thinCSS wide.
	decades = 3.0
)

// EdgeWidthCSS is the width in CSS pixels of an edge carrying total when
// the largest edge carries maxTotal. Undisclosed amounts (total 0) are
// drawn thinCSS wide.
func EdgeWidthCSS(total, maxTotal float64) float64 {
	if total <= 0 || maxTotal <= 0 {
		return thinCSS
	}
	steps := decades + math.Log10(math.Min(total, maxTotal)/maxTotal)
	if steps <= 0 {
		return thinCSS
	}
	return thinCSS + (thickCSS-thinCSS)*steps/decades
}

// ReferenceAmounts are three round amounts for the legend's width key:
// the largest edge's amount rounded to one significant digit, a tenth of
// it and a hundredth of it, largest first.
func ReferenceAmounts(maxTotal float64) [3]float64 {
	if maxTotal <= 0 {
		return [3]float64{}
	}
	p := math.Pow(10, math.Floor(math.Log10(maxTotal)))
	top := math.Round(maxTotal/p) * p
	return [3]float64{top, top / 10, top / 100}
}
