package page

import (
	"fmt"
	"math"

	"ouroboros/wasm/scene"
	"ouroboros/wasm/session"
	"ouroboros/wasm/wording"
)

// LegendKey is the canvas legend's key, from the scene's own palette and
// widths so that the legend always says what is drawn: the colours as CSS
// hex, the three reference widths with their amounts in words.
type LegendKey struct {
	Money    string `json:"money"`    // money particles
	Capacity string `json:"capacity"` // capacity particles
	Loop     string `json:"loop"`     // a highlighted loop, the colour reserved for it
	Edge     string `json:"edge"`     // an edge's stroke, opaque
	// Faded is the stroke of a terminated edge: Edge faded as the scene
	// fades it, over the canvas' background.
	Faded string `json:"faded"`
	// UndisclosedCSS is the width of an edge with no amount, in CSS pixels.
	UndisclosedCSS float64 `json:"undisclosedCSS"`
	// Widths are three reference edges, largest first; empty when no
	// amount is disclosed at the date.
	Widths []LegendWidth `json:"widths"`
}

// LegendWidth is a reference edge: an amount, in words, and the width in
// CSS pixels the scene draws an edge carrying it.
type LegendWidth struct {
	Amount float64 `json:"amount"`
	Text   string  `json:"text"`
	CSS    float64 `json:"css"`
}

// NewLegendKey describes the scene's colours in theme t and the widths of
// the reference amounts when the largest edge carries maxTotal.
func NewLegendKey(maxTotal float64, currency string, t session.Theme) LegendKey {
	p := scene.PaletteFor(t)
	k := LegendKey{Money: css(p.Money), Capacity: css(p.Capacity), Loop: css(p.Loop),
		Edge: css(p.Edge), Faded: css(over(p.Edge, scene.TerminatedAlpha, p.Background)), Widths: []LegendWidth{}, UndisclosedCSS: round2(scene.EdgeWidthCSS(0, maxTotal))}
	if maxTotal <= 0 {
		return k
	}
	for _, a := range scene.ReferenceAmounts(maxTotal) {
		k.Widths = append(k.Widths, LegendWidth{Amount: a, Text: wording.Money(a, currency),
			CSS: round2(scene.EdgeWidthCSS(a, maxTotal))})
	}
	return k
}

// over is c at alpha a laid over the opaque bg.
func over(c scene.Color, a float32, bg scene.Color) scene.Color {
	return scene.Color{R: bg.R + (c.R-bg.R)*a, G: bg.G + (c.G-bg.G)*a, B: bg.B + (c.B-bg.B)*a, A: 1}
}

// css writes a scene colour as CSS hex, without its alpha: the legend
// names the colour, and draws it opaque to be seen at its small size.
func css(c scene.Color) string {
	b := func(x float32) uint8 { return uint8(math.Round(float64(min(max(x, 0), 1)) * 255)) }
	return fmt.Sprintf("#%02x%02x%02x", b(c.R), b(c.G), b(c.B))
}
