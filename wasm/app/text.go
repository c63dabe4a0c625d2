//go:build js

package app

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gomedium"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/glyphs"
	"ouroboros/wasm/scene"
	"ouroboros/wasm/session"
)

// inks are the colours text is rendered in, from the theme's palette,
// whose contrast is tested: names and titles, the dimmer figures and
// subtitles, and the halo round both.
type inks struct{ label, dim, halo color.RGBA }

func inksOf(p scene.Palette) inks {
	return inks{toRGBA(p.LabelInk), toRGBA(p.FigureInk), toRGBA(p.Background)}
}

// texts holds every piece of text pre-rendered once at the device's pixel
// ratio, so that a frame only copies images and allocates nothing.
//
// Text is rasterized on the CPU with golang.org/x/image/font into an
// image.RGBA and uploaded once, rather than drawn with Ebitengine's text/v2:
// text/v2 links go-text/typesetting (shaping, Unicode tables) even for a
// plain font.Face, about 114 KB of the 2.2 MB brotli budget (BENCHMARKS.md),
// and a label needs none of it. text/v2 renders GoXFace glyphs with the same
// font.Drawer, so the pixels are the same.
type texts struct {
	dpr   float64
	ink   inks
	font  *opentype.Font
	names []string
	// widths are the names' widths at scene.LabelSize in device pixels,
	// which the scene scales to the sizes it sets them at.
	widths []float64
	// labels are the names rendered at each size and ink the scene asked
	// for, each the first time it is shown.
	labels map[labelKey]*labelSet

	titleText, subtitleText string
	readingText             string // the page's reading sentence, for its room
	titleFace, subtitleFace font.Face
	// The title and subtitle, one image per line, wrapped for wrappedFor.
	title, subtitle []*ebiten.Image
	wrappedFor      float64 // wrap width in CSS pixels
	inset           float64 // height they take, in CSS pixels
	reading         float64 // height the reading sentence takes below them
}

// Title block metrics in CSS pixels, shared with the build-time poster.
const (
	titleLeft     = session.TitleLeft
	titleTop      = session.TitleTop
	titleLine     = session.TitleLine
	subtitleLine  = session.SubtitleLine
	titleFontSize = session.TitleFontSize
	subtitleSize  = session.SubtitleSize
)

// labelKey names a set of rendered names: their size in CSS pixels, and
// whether they are the outer band's, in the dimmer ink.
type labelKey struct {
	size  float32
	outer bool
}

// labelSet is the names rendered for one labelKey, nil until shown.
type labelSet struct {
	face   font.Face
	images []*ebiten.Image
	widths []float64 // device pixels
}

// goMedium is the embedded font, parsed once.
func goMedium() *opentype.Font {
	f, err := opentype.Parse(gomedium.TTF)
	if err != nil {
		panic(err) // the embedded font is known good
	}
	return f
}

// newFace is f at sizeCSS CSS pixels for a device pixel ratio of dpr.
func newFace(f *opentype.Font, sizeCSS, dpr float64) font.Face {
	ff, err := opentype.NewFace(f, &opentype.FaceOptions{Size: sizeCSS * dpr, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		panic(err)
	}
	return ff
}

func newTexts(ds *dataset.Dataset, dpr float64, reading string, ink inks) *texts {
	t := &texts{dpr: dpr, ink: ink, font: goMedium(), labels: map[labelKey]*labelSet{}}
	label := newFace(t.font, scene.LabelSize, dpr)
	for _, e := range ds.Entities {
		t.names = append(t.names, e.Name)
		t.widths = append(t.widths, advance(label, e.Name))
	}
	t.titleText, t.subtitleText, t.readingText = ds.Title, ds.Subtitle, reading
	t.titleFace, t.subtitleFace = newFace(t.font, titleFontSize, dpr), newFace(t.font, subtitleSize, dpr)
	return t
}

// label returns entity i's name rendered as l asks, and its width and
// line height in device pixels, rendering it the first time.
func (t *texts) label(i int, l scene.Label) (*ebiten.Image, float64, float64) {
	k := labelKey{l.Size, l.Outer}
	set := t.labels[k]
	if set == nil {
		set = &labelSet{face: newFace(t.font, float64(l.Size), t.dpr),
			images: make([]*ebiten.Image, len(t.names)), widths: make([]float64, len(t.names))}
		t.labels[k] = set
	}
	if set.images[i] == nil {
		ink := t.ink.label
		if l.Outer {
			ink = t.ink.dim
		}
		set.images[i], set.widths[i] = render(t.names[i], set.face, ink, t.ink.halo, t.dpr)
	}
	return set.images[i], set.widths[i], lineHeight(set.face)
}

// lineHeight is a face's ascent plus descent in device pixels.
func lineHeight(face font.Face) float64 {
	m := face.Metrics()
	return float64(m.Ascent+m.Descent) / 64
}

// wrap fits the title and subtitle to widthCSS, rendering them again only
// when the width changed, and returns the height they take and the height
// the page's reading sentence takes below them on a canvas canvasCSS wide.
func (t *texts) wrap(widthCSS, canvasCSS float64) (title, reading float64) {
	if widthCSS == t.wrappedFor {
		return t.inset, t.reading
	}
	t.wrappedFor = widthCSS
	max := widthCSS * t.dpr
	t.title = renderLines(t.title, t.titleText, t.titleFace, t.ink.label, t.ink.halo, max, t.dpr)
	subtitle := t.subtitleText
	if !session.SubtitleShown(canvasCSS) {
		subtitle = ""
	}
	t.subtitle = renderLines(t.subtitle, subtitle, t.subtitleFace, t.ink.dim, t.ink.halo, max, t.dpr)
	t.inset = session.TitleInset(len(t.title), len(t.subtitle))
	t.reading = session.HeadlineInset(session.HeadlineLines(t.readingText, canvasCSS, func(s string) float64 {
		return advance(t.subtitleFace, s) / t.dpr
	}), canvasCSS)
	return t.inset, t.reading
}

// renderLines wraps s at spaces to lines at most max device pixels wide and
// renders each, disposing of the old images.
func renderLines(old []*ebiten.Image, s string, face font.Face, ink, halo color.Color, max, dpr float64) []*ebiten.Image {
	for _, img := range old {
		img.Deallocate()
	}
	var out []*ebiten.Image
	for _, line := range scene.WrapWords(s, max, func(s string) float64 { return advance(face, s) }) {
		img, _ := render(line, face, ink, halo, dpr)
		out = append(out, img)
	}
	return out
}

// advance is the width of s set in face, in device pixels.
func advance(face font.Face, s string) float64 {
	return float64(font.MeasureString(face, s)) / 64
}

// render draws s once with a halo of the canvas' colour, so that it stays readable where it
// crosses an edge, and returns the image and the text's width. The image
// is the text's box (advance by ascent plus descent) padded by 2 CSS pixels
// on every side, and the baseline sits at a whole device pixel, as
// Ebitengine's text/v2 placed it. The glyphs are rasterized once, as a
// coverage mask that is then laid in the halo's colour at eight offsets of
// a CSS pixel and in ink on top: rasterizing them nine times made the labels
// of a 1,000-entity network cost a noticeable part of the time to ready.
func render(s string, face font.Face, ink, halo color.Color, dpr float64) (*ebiten.Image, float64) {
	m := face.Metrics()
	w := advance(face, s)
	h := float64(m.Ascent+m.Descent) / 64
	pad := 2 * dpr
	mask := image.NewAlpha(image.Rect(0, 0, int(w+2*pad)+1, int(h+2*pad)+1))
	glyphs.Draw(mask, face, fixed.Point26_6{X: fixed.Int26_6(pad * 64), Y: (fixed.Int26_6(pad*64) + m.Ascent) &^ 63}, s)
	rgba := image.NewRGBA(mask.Rect)
	haloSrc := image.NewUniform(halo)
	for _, o := range [][2]float64{{-1, 0}, {1, 0}, {0, -1}, {0, 1}, {-1, -1}, {1, 1}, {-1, 1}, {1, -1}} {
		at := image.Pt(int(math.Round(o[0]*dpr)), int(math.Round(o[1]*dpr)))
		draw.DrawMask(rgba, rgba.Rect.Add(at), haloSrc, image.Point{}, mask, image.Point{}, draw.Over)
	}
	draw.DrawMask(rgba, rgba.Rect, image.NewUniform(ink), image.Point{}, mask, image.Point{}, draw.Over)
	return ebiten.NewImageFromImage(rgba), w
}

func (t *texts) labelWidthCSS(i int) float32 { return float32(t.widths[i] / t.dpr) }

func (t *texts) draw(screen *ebiten.Image, b *scene.Frame, op *ebiten.DrawImageOptions) {
	pad := 2 * t.dpr
	for i, l := range b.Labels {
		if !l.Visible {
			continue
		}
		img, w, h := t.label(i, l)
		// The text's line sits in the middle of the box the scene gave it.
		top := float64(l.Y) + (float64(l.H)-h)/2
		op.GeoM.Reset()
		op.GeoM.Translate(float64(l.X)-w/2-pad, top-pad)
		screen.DrawImage(img, op)
	}
	y := float64(titleTop)
	for _, img := range t.title {
		op.GeoM.Reset()
		op.GeoM.Translate(titleLeft*t.dpr-pad, y*t.dpr-pad)
		screen.DrawImage(img, op)
		y += titleLine
	}
	for _, img := range t.subtitle {
		op.GeoM.Reset()
		op.GeoM.Translate(titleLeft*t.dpr-pad, y*t.dpr-pad)
		screen.DrawImage(img, op)
		y += subtitleLine
	}
}

func toRGBA(c scene.Color) color.RGBA {
	return color.RGBA{uint8(c.R*255 + 0.5), uint8(c.G*255 + 0.5), uint8(c.B*255 + 0.5), uint8(c.A*255 + 0.5)}
}
