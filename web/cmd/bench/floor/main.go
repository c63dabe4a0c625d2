//go:build js

// Command floor is the engine's floor for ./build.sh bench: the least an
// Ebitengine v2 program can be and still draw something that moves, three
// discs circling, with no dataset and no text. It is built with the
// explainer's flags, packed and served as the explainer is, and marks the
// same phases of its start through the same bridge, so that the bench can
// set each of the explainer's figures beside what Go and the engine cost
// alone.
package main

import (
	"image"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"ouroboros/wasm/bridge"
)

// segments is how many triangles make a disc.
const segments = 48

type floor struct {
	white   *ebiten.Image
	verts   []ebiten.Vertex
	indices []uint16
	opts    ebiten.DrawTrianglesOptions
	tick    int
	w, h    float64
	drawn   bool
	ready   func()
	mark    func(string)
	marked  bool
}

func main() {
	bridge.Mark("main")
	boot, err := bridge.Read()
	if err != nil {
		panic(err) // floor.js always provides it
	}
	boot.Mallocs()
	boot.AllocSites()
	f := newFloor(func() { boot.Ready(nil, nil, func() {}) }, bridge.Mark)
	ebiten.SetRunnableOnUnfocused(true)
	if err := ebiten.RunGame(f); err != nil {
		boot.Refuse("The floor program stopped: "+err.Error(), nil)
	}
}

func newFloor(ready func(), mark func(string)) *floor {
	white := ebiten.NewImage(3, 3)
	white.Fill(image.White)
	f := &floor{white: white.SubImage(image.Rect(1, 1, 2, 2)).(*ebiten.Image), ready: ready, mark: mark}
	f.opts.AntiAlias = true
	f.verts = make([]ebiten.Vertex, 3*(segments+1))
	for d := range 3 {
		base := uint16(d * (segments + 1))
		for s := range segments {
			f.indices = append(f.indices, base, base+1+uint16(s), base+1+uint16((s+1)%segments))
		}
	}
	return f
}

// Update moves the discs one tick.
func (f *floor) Update() error {
	if !f.marked {
		f.marked = true
		f.mark("engine")
	}
	f.tick++
	colors := [3][3]float32{{0.31, 0.47, 0.65}, {0.95, 0.56, 0.17}, {0.35, 0.63, 0.31}}
	r := math.Min(f.w, f.h) / 8
	for d := range 3 {
		a := float64(f.tick)/60 + float64(d)*2*math.Pi/3
		cx, cy := f.w/2+math.Cos(a)*r*2, f.h/2+math.Sin(a)*r*2
		v := f.verts[d*(segments+1) : (d+1)*(segments+1)]
		v[0] = vertex(cx, cy, colors[d])
		for s := range segments {
			t := float64(s) * 2 * math.Pi / segments
			v[1+s] = vertex(cx+math.Cos(t)*r, cy+math.Sin(t)*r, colors[d])
		}
	}
	return nil
}

func vertex(x, y float64, c [3]float32) ebiten.Vertex {
	return ebiten.Vertex{DstX: float32(x), DstY: float32(y), SrcX: 1.5, SrcY: 1.5, ColorR: c[0], ColorG: c[1], ColorB: c[2], ColorA: 1}
}

// Draw draws the three discs in one call, and tells the page it is ready
// as the first frame is drawn, as the explainer does (bridge.Ready).
func (f *floor) Draw(screen *ebiten.Image) {
	screen.DrawTriangles(f.verts, f.indices, f.white, &f.opts)
	if !f.drawn {
		f.drawn = true
		f.mark("first-frame")
		f.ready()
	}
}

// Layout makes the screen as large as the canvas in device pixels, as the
// explainer's does.
func (f *floor) Layout(outsideWidth, outsideHeight int) (int, int) {
	dpr := ebiten.Monitor().DeviceScaleFactor()
	f.w, f.h = float64(outsideWidth)*dpr, float64(outsideHeight)*dpr
	return int(f.w), int(f.h)
}
