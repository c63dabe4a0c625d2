package poster

import (
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"ouroboros/wasm/scene"
	"ouroboros/wasm/session"
)

// line is one line of text placed by its top left.
type line struct {
	text       string
	x, y, size float64
	face       font.Face
	ink        scene.Color
}

// titleLines places the title block as wasm/app/text.go draws it.
func (p *Poster) titleLines() []line {
	var out []line
	y := float64(session.TitleTop)
	for _, s := range p.Title {
		out = append(out, line{s, session.TitleLeft, y, session.TitleFontSize, p.titleFace, dark().LabelInk})
		y += session.TitleLine
	}
	for _, s := range p.Subtitle {
		out = append(out, line{s, session.TitleLeft, y, session.SubtitleSize, p.subtitleFace, dark().FigureInk})
		y += session.SubtitleLine
	}
	// The reading sentence, where the page puts it (#headline): at the
	// title block's foot, inside its padding.
	y += session.HeadlinePadYCSS
	size := session.HeadlineFont(p.View.Width)
	for _, s := range p.Reading {
		out = append(out, line{s, session.HeadlineSideCSS + session.HeadlinePadCSS, y, size, p.readingFace, dark().LabelInk})
		y += size * session.HeadlineLineRatio
	}
	return out
}

// Image renders the poster: the canvas's background, the frame's
// triangles, then the names and the title, each with a dark halo.
func (p *Poster) Image() *image.RGBA {
	w, h := int(math.Ceil(p.View.Width)), int(math.Ceil(p.View.Height))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(rgba(dark().Background)), image.Point{}, draw.Src)
	var z vector.Rasterizer
	for _, r := range p.runs() {
		fill(img, &z, r)
	}
	for _, t := range p.texts() {
		text(img, t.face, t.text, t.x, t.y, t.ink)
	}
	for _, l := range p.titleLines() {
		text(img, l.face, l.text, l.x, l.y, l.ink)
	}
	return img
}

// WritePNG encodes Image as PNG.
func (p *Poster) WritePNG(w io.Writer) error {
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	return enc.Encode(w, p.Image())
}

// fill paints a run's shapes in its colour. Every shape is added with the
// same winding, so that overlaps within the run add up to full cover (the
// rasterizer clamps) instead of cancelling out.
func fill(img *image.RGBA, z *vector.Rasterizer, r run) {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, s := range r.shapes {
		for _, q := range s.p[:s.n] {
			minX, minY = math.Min(minX, q.x), math.Min(minY, q.y)
			maxX, maxY = math.Max(maxX, q.x), math.Max(maxY, q.y)
		}
	}
	box := image.Rect(int(math.Floor(minX)), int(math.Floor(minY)), int(math.Ceil(maxX))+1, int(math.Ceil(maxY))+1).Intersect(img.Bounds())
	if box.Empty() {
		return
	}
	z.Reset(box.Dx(), box.Dy())
	ox, oy := float64(box.Min.X), float64(box.Min.Y)
	for _, s := range r.shapes {
		pts := s.p[:s.n]
		if area(pts) < 0 {
			rev := [4]pt{}
			for i := range pts {
				rev[i] = pts[len(pts)-1-i]
			}
			pts = rev[:s.n]
		}
		z.MoveTo(float32(pts[0].x-ox), float32(pts[0].y-oy))
		for _, q := range pts[1:] {
			z.LineTo(float32(q.x-ox), float32(q.y-oy))
		}
		z.ClosePath()
	}
	z.Draw(img, box, image.NewUniform(rgba(r.c)), image.Point{})
}

// area is a polygon's signed area (shoelace).
func area(pts []pt) float64 {
	a := 0.0
	for i, q := range pts {
		n := pts[(i+1)%len(pts)]
		a += q.x*n.y - n.x*q.y
	}
	return a / 2
}

// text draws s with its top left at (x, y) in ink over a halo of the
// background, one pixel each way, as the program's labels are drawn.
func text(img *image.RGBA, face font.Face, s string, x, y float64, ink scene.Color) {
	d := font.Drawer{Dst: img, Face: face, Src: image.NewUniform(rgba(dark().Background))}
	base := y + ascent(face)
	for _, o := range [][2]float64{{-1, 0}, {1, 0}, {0, -1}, {0, 1}, {-1, -1}, {1, 1}, {-1, 1}, {1, -1}} {
		d.Dot = fixed.Point26_6{X: fixed.Int26_6((x + o[0]) * 64), Y: fixed.Int26_6((base + o[1]) * 64)}
		d.DrawString(s)
	}
	d.Src = image.NewUniform(rgba(ink))
	d.Dot = fixed.Point26_6{X: fixed.Int26_6(x * 64), Y: fixed.Int26_6(base * 64)}
	d.DrawString(s)
}

// rgba is a straight-alpha colour as the standard library's type.
func rgba(c scene.Color) color.NRGBA {
	return color.NRGBA{to8(c.R), to8(c.G), to8(c.B), to8(c.A)}
}
