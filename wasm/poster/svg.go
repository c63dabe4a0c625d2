package poster

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"ouroboros/wasm/scene"
	"ouroboros/wasm/session"
)

// SVGOptions choose what the SVG carries besides the network.
type SVGOptions struct {
	// Background paints the canvas's colour behind the picture; without
	// it the SVG is transparent and shows the page's own background.
	Background bool
	// Title draws the title block at the top left, as the program does.
	Title bool
	// Inline, when not "", makes the SVG for inlining in the page, with
	// this class: a picture only (aria-hidden; the program's canvas and
	// the text view speak for it), with no title, no tooltips and no size
	// of its own (the page's style sheet sizes it).
	Inline string
}

// WriteSVG writes the poster as SVG: edges as the frame's own shapes,
// discs as circles, names as text. Every entity's name is in the SVG, as a
// label where the frame shows one and as its disc's tooltip.
func (p *Poster) WriteSVG(w io.Writer, o SVGOptions) error {
	bw := bufio.NewWriter(w)
	wd, ht := num(p.View.Width), num(p.View.Height)
	if o.Inline != "" {
		fmt.Fprintf(bw, `<svg class="%s" viewBox="0 0 %s %s" aria-hidden="true" focusable="false">`+"\n", esc(o.Inline), wd, ht)
	} else {
		fmt.Fprintf(bw, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" role="img" aria-labelledby="poster-title">`+"\n", wd, ht, wd, ht)
		fmt.Fprintf(bw, "<title id=\"poster-title\">%s</title>\n", esc(p.DS.Title))
	}
	if o.Background {
		fmt.Fprintf(bw, "<rect width=\"%s\" height=\"%s\" fill=\"%s\"/>\n", wd, ht, hex(dark().Background))
	}
	// Edges and arrow heads: every translucent run, one path each.
	bw.WriteString("<g class=\"edges\">\n")
	for _, r := range p.runs() {
		if r.opaque() {
			continue
		}
		fmt.Fprintf(bw, `<path fill="%s" fill-opacity="%s" d="`, hex(r.c), strconv.FormatFloat(math.Round(float64(min(1, r.c.A))*1000)/1000, 'f', -1, 64))
		writePath(bw, r.shapes)
		bw.WriteString("\"/>\n")
	}
	bw.WriteString("</g>\n<g class=\"entities\">\n")
	b := p.Frame
	outline := float64(outlineCSS)
	for i, e := range p.DS.Entities {
		if !b.Shown(i) {
			continue
		}
		d := b.Discs[i]
		fmt.Fprintf(bw, "<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"%s\"/>", num(float64(d.X)), num(float64(d.Y)), num(float64(d.R)+outline), hex(dark().Background))
		// The colour the frame drew: the kind's, fainter in the outer band.
		if o.Inline != "" {
			fmt.Fprintf(bw, "<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"%s\"/>\n",
				num(float64(d.X)), num(float64(d.Y)), num(float64(d.R)), hex(b.DiscColor(i)))
			continue
		}
		fmt.Fprintf(bw, "<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"%s\"><title>%s</title></circle>\n",
			num(float64(d.X)), num(float64(d.Y)), num(float64(d.R)), hex(b.DiscColor(i)), esc(e.Name))
	}
	bw.WriteString("</g>\n")
	// Names and figures: a dark halo under the ink, as the program draws
	// them.
	fmt.Fprintf(bw, `<g class="labels" font-family="'Go Medium', system-ui, sans-serif" font-weight="500" stroke="%s" stroke-width="3" stroke-linejoin="round" paint-order="stroke">`+"\n",
		hex(dark().Background))
	for _, t := range p.texts() {
		fmt.Fprintf(bw, "<text x=\"%s\" y=\"%s\" font-size=\"%s\" fill=\"%s\">%s</text>\n",
			num(t.x), num(t.y+ascent(t.face)), num(t.size), hex(t.ink), esc(t.text))
	}
	bw.WriteString("</g>\n")
	if o.Title {
		p.writeTitleSVG(bw)
	}
	bw.WriteString("</svg>\n")
	return bw.Flush()
}

func (p *Poster) writeTitleSVG(bw *bufio.Writer) {
	fmt.Fprintf(bw, `<g class="title" font-family="'Go Medium', system-ui, sans-serif" font-weight="500" stroke="%s" stroke-width="3" stroke-linejoin="round" paint-order="stroke">`+"\n", hex(dark().Background))
	for _, l := range p.titleLines() {
		fmt.Fprintf(bw, "<text x=\"%s\" y=\"%s\" font-size=\"%s\" fill=\"%s\">%s</text>\n", num(l.x), num(l.y+ascent(l.face)), num(l.size), hex(l.ink), esc(l.text))
	}
	bw.WriteString("</g>\n")
}

// outlineCSS is the background ring round each disc (scene's outlineCSS):
// the frame draws it as a disc just larger than the entity's.
const outlineCSS = 1.5

// dark is the palette the poster and the link-preview card are drawn in:
// the default theme's, whatever theme a reader's page will take.
func dark() scene.Palette { return scene.PaletteFor(session.Dark) }

// writePath writes closed shapes as path data: the first corner absolute,
// every other one relative to the corner before (a shape's first, to the
// shape before's first, where a closed path leaves the pen), which is about
// a third shorter. The steps are between the corners rounded as num rounds
// them, so the path has the same corners as written absolute.
func writePath(bw *bufio.Writer, shapes []shape) {
	var sx, sy float64 // the last shape's first corner, rounded
	for k, s := range shapes {
		var px, py float64
		for i := 0; i < s.n; i++ {
			x, y := round1(s.p[i].x), round1(s.p[i].y)
			switch {
			case i == 0 && k == 0:
				bw.WriteByte('M')
				writeNums(bw, false, x, y)
				sx, sy = x, y
			case i == 0:
				bw.WriteByte('m')
				writeNums(bw, false, x-sx, y-sy)
				sx, sy = x, y
			case i == 1:
				bw.WriteByte('l')
				writeNums(bw, false, x-px, y-py)
			default:
				writeNums(bw, true, x-px, y-py)
			}
			px, py = x, y
		}
		bw.WriteByte('z')
	}
}

// writeNums writes numbers as num does, separated by a space but before a
// minus sign; sep says whether a number comes before the first.
func writeNums(bw *bufio.Writer, sep bool, vs ...float64) {
	for _, v := range vs {
		n := num(v)
		if sep && !strings.HasPrefix(n, "-") {
			bw.WriteByte(' ')
		}
		bw.WriteString(n)
		sep = true
	}
}

// num formats a coordinate with at most one decimal.
func num(v float64) string {
	return strconv.FormatFloat(round1(v), 'f', -1, 64)
}

func hex(c scene.Color) string {
	return fmt.Sprintf("#%02x%02x%02x", to8(c.R), to8(c.G), to8(c.B))
}

// esc escapes text for XML character data.
func esc(s string) string {
	var sb strings.Builder
	_ = xml.EscapeText(&sb, []byte(s)) // a strings.Builder never fails
	return sb.String()
}
