//go:build js

package app

import (
	"encoding/json"

	"github.com/hajimehoshi/ebiten/v2"

	"ouroboros/wasm/scene"
)

// geometryJSON is what the program tells the page of the last frame built,
// in CSS pixels from the canvas's top-left corner; web/geometry.js adds
// the canvas's place on the page and the page's own chrome (page-api.md
// §2, geometry()).
type geometryJSON struct {
	Entities   []entityJSON    `json:"entities"`
	EdgeLabels []edgeLabelJSON `json:"edgeLabels"`
	// Chrome are the boxes the program draws over the network itself: the
	// title block.
	Chrome []chromeJSON `json:"chrome"`
}

type boxJSON struct {
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
}

type entityJSON struct {
	ID      string   `json:"id"`
	X       float64  `json:"x"`
	Y       float64  `json:"y"`
	R       float64  `json:"r"`
	Label   *boxJSON `json:"label"`
	Visible bool     `json:"visible"`
}

type edgeLabelJSON struct {
	From string `json:"from"`
	To   string `json:"to"`
	Text string `json:"text"`
	boxJSON
}

type chromeJSON struct {
	Name string `json:"name"`
	boxJSON
}

// GeometryJSON returns where the last frame built put the entities, their
// names and the edges' figures, as JSON in CSS pixels of the canvas. The
// page asks for it when a script calls geometry(); it is never pushed.
func (g *Game) GeometryJSON() string {
	g.frame.Geometry(&g.geom)
	dpr := g.screen.DPR
	css := func(b scene.Box) boxJSON {
		return boxJSON{float64(b.X) / dpr, float64(b.Y) / dpr, float64(b.W) / dpr, float64(b.H) / dpr}
	}
	out := geometryJSON{Entities: make([]entityJSON, len(g.geom.Entities)), EdgeLabels: []edgeLabelJSON{}}
	for i, e := range g.geom.Entities {
		out.Entities[i] = entityJSON{ID: g.ds.Entities[i].ID, X: float64(e.X) / dpr, Y: float64(e.Y) / dpr,
			R: float64(e.R) / dpr, Visible: e.Visible}
		if e.Labelled {
			b := css(e.Label)
			out.Entities[i].Label = &b
		}
	}
	for _, l := range g.geom.EdgeLabels {
		out.EdgeLabels = append(out.EdgeLabels, edgeLabelJSON{From: g.ds.Entities[l.From].ID, To: g.ds.Entities[l.To].ID,
			Text: l.Text, boxJSON: css(l.Box)})
	}
	out.Chrome = append(out.Chrome, chromeJSON{Name: "title", boxJSON: g.text.titleBox()})
	b, err := json.Marshal(out)
	if err != nil {
		panic(err) // plain structs always marshal
	}
	return string(b)
}

// titleBox is the title block the program draws, in CSS pixels.
func (t *texts) titleBox() boxJSON {
	pad := 2 * t.dpr
	w := 0.0
	for _, img := range append(append([]*ebiten.Image(nil), t.title...), t.subtitle...) {
		w = max(w, (float64(img.Bounds().Dx())-2*pad)/t.dpr)
	}
	return boxJSON{X: titleLeft, Y: titleTop, Width: w, Height: max(0, t.inset-titleTop)}
}
