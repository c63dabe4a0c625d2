// Package session owns the reader's session: what is selected, the story
// and its step, the date, the filters, the camera and its glides, the
// fades, the autoplay and the kiosk's attract loop, the flashes and the
// drift, and every rule that changes them. It takes intents (from the
// pointer, touch, keys, the page's commands and messages, the kiosk's
// timers) and counts ticks, never a clock. It never imports the engine or
// the browser, so that every rule tests natively.
package session

import (
	"math"

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
	// ReadingInset is the height kept free below the title for the
	// page's reading sentence (HeadlineInset), in CSS pixels.
	ReadingInset float64
	// BottomInset is the height kept free for the page's timeline, in CSS
	// pixels.
	BottomInset float64
	// Aspect is the layout's width over its height (0 means 1).
	Aspect float64
	// TextScale multiplies the sizes of the picture's names and figures
	// (0 counts as 1): a kiosk is read from a metre away.
	TextScale float64
	// Zoom, PanX and PanY are the reader's camera: a point (x, y) of the
	// fitted picture is drawn at (x·Zoom + PanX, y·Zoom + PanY). Zoom 0
	// counts as 1.
	Zoom, PanX, PanY float64
}

// Spot is what a story step points at: its entities and the deals whose
// edges light up. On is false when no step is open.
type Spot struct {
	On       bool
	Entities []int
	Deals    []int
}

// Look is the slice of the session that the picture depends on: the scene
// is a function of the network, the layout's positions and a Look, and
// reads nothing else of the session.
type Look struct {
	View View
	// AsOf is the date on screen (zero: every deal), which the network
	// drawn is for; while a story step walks the timeline it trails the
	// step's date.
	AsOf dataset.Date
	// Selected is the selected entity, Focus the one the keyboard is on;
	// -1 for none.
	Selected, Focus int
	// Spot is the open step's focus and From the step before's; SpotMix
	// is how far the dimming has faded from From (0) to Spot (1).
	Spot, From Spot
	SpotMix    float32
	// Shown marks the entities the filters keep and DealShown the deals;
	// nil keeps everything.
	Shown, DealShown []bool
	// Loop is the highlighted loop's entities in order (nil: none), and
	// LoopTick the tick its token set off round it.
	Loop     []int
	LoopTick int64
	// Loops are more loops lit at once, each its entities in order (nil:
	// none): with reduced motion the reading order shows every top
	// circular deal still, together, instead of one after another.
	Loops [][]int
	// Covered are the page's boxes over the canvas (the legend, the
	// reading sentence, a caption), each x, y, width, height in CSS
	// pixels of the canvas: no name or figure is set under them.
	Covered [][4]float64
	// Theme is the palette the picture is drawn in.
	Theme Theme
}

// paddingCSS is the space kept round the drawing area, in CSS pixels.
const paddingCSS = 12

// Free returns the space left for the network in device pixels, below the
// title and inside the padding: its left, top, width and height.
func Free(v View) (x, y, w, h float64) {
	pad := paddingCSS * v.DPR
	top := (v.TopInset+v.ReadingInset)*v.DPR + pad
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

// Fit places layout positions (in [0, 1]) in the drawing area, before the
// camera, in device pixels; dst is reused when it has room.
func Fit(dst [][2]float64, pos [][2]float64, v View) [][2]float64 {
	ax, ay, aw, ah := Area(v)
	dst = dst[:0]
	for _, p := range pos {
		dst = append(dst, [2]float64{ax + p[0]*aw, ay + p[1]*ah})
	}
	return dst
}
