package scene

import (
	"math"

	"ouroboros/wasm/session"
)

// Disc is an entity as drawn, in device pixels.
type Disc struct{ X, Y, R float32 }

const (
	minDiscCSS = 5   // smallest disc radius
	outlineCSS = 1.5 // background-coloured ring that separates discs
)

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

// sizes are a frame's scales: the device pixel ratio and the screen's
// bounds in device pixels.
type sizes struct {
	dpr    float32
	screen rect
}

// The outer band: entities in no circular deal are drawn outerScale as
// large and outerAlpha as bright, so that the rings of circular deals
// stand out.
const (
	outerScale = 0.7
	outerAlpha = 0.55
)

// outer reports whether entity i sits in the quieter outer band.
func (f *Frame) outer(i int) bool { return f.net.Outer != nil && f.net.Outer[i] }

// placeDiscs fits the layout positions to the view and places and sizes
// the discs: sized by the square root of the money through them, so that
// area follows money.
func (f *Frame) placeDiscs(pos [][2]float64, v session.View) sizes {
	_, _, aw, ah := session.Area(v)
	dpr := float32(v.DPR)
	zoom := v.Zoom
	if zoom <= 0 {
		zoom = 1
	}
	// Sizes grow with the square root of the zoom, so that zooming in
	// both enlarges and separates.
	unitCSS := math.Min(aw, ah) / v.DPR * math.Sqrt(zoom)
	rMin := float32(math.Max(minDiscCSS, unitCSS*minDiscShare)) * dpr
	rMax := float32(math.Min(40, math.Max(minDiscCSS*2, unitCSS*maxDiscShare))) * dpr
	f.Fitted = session.Fit(f.Fitted, pos, v)
	for i, p := range f.Fitted {
		r := rMin
		if f.net.MaxMoney > 0 {
			r += (rMax - rMin) * float32(math.Sqrt(f.net.Money[i]/f.net.MaxMoney))
		}
		if f.outer(i) {
			r = max(r*outerScale, minDiscCSS*dpr*outerScale)
		}
		f.Discs[i] = Disc{X: float32(p[0]*zoom + v.PanX), Y: float32(p[1]*zoom + v.PanY), R: r}
	}
	return sizes{dpr: dpr, screen: rect{0, 0, float32(v.Width), float32(v.Height)}}
}

// drawDiscs adds the shown discs on screen, faded away from the selection
// or the story step, with the rings of the selection and the keyboard's
// focus.
func (f *Frame) drawDiscs(screen rect, dpr float32) {
	outline := outlineCSS * dpr
	for i := range f.ds.Entities {
		if !f.shown[i] {
			continue
		}
		d := f.Discs[i]
		if !screen.overlaps(rect{d.X - d.R - 10*dpr, d.Y - d.R - 10*dpr, d.X + d.R + 10*dpr, d.Y + d.R + 10*dpr}) {
			continue // off screen, rings included
		}
		c := f.DiscColor(i)
		f.Mesh.Disc(d.X, d.Y, d.R+outline, f.pal.Background)
		f.Mesh.Disc(d.X, d.Y, d.R, c)
		if i == f.selected {
			f.Mesh.Ring(d.X, d.Y, d.R+4*dpr, 2*dpr, f.pal.Select)
		}
		if i == f.focus {
			f.Mesh.Ring(d.X, d.Y, d.R+8*dpr, 2*dpr, f.pal.Focus)
		}
	}
}

// DiscColor is the colour entity i's disc was drawn in by the last Build:
// its kind's, faded toward the background away from the selection or the
// story step and in the outer band. Faded rather than made transparent,
// so that edges behind a faded disc stay hidden.
func (f *Frame) DiscColor(i int) Color {
	c := f.kinds[f.ds.Entities[i].Kind]
	a := f.spotAlpha(!f.fromOn || f.from[i], f.lit[i], fadedDisc)
	if f.outer(i) {
		a *= outerAlpha
	}
	if a < 1 {
		c = mix(f.pal.Background, c, a)
	}
	return c
}

// EntityAt returns the entity whose disc in the last frame is under the
// point (x, y) in device pixels, the one drawn on top when discs overlap,
// or -1. slop widens small discs to a finger's size.
func (f *Frame) EntityAt(x, y, slop float32) int {
	for i := len(f.Discs) - 1; i >= 0; i-- {
		if !f.shown[i] {
			continue
		}
		d := f.Discs[i]
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
