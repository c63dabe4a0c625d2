// Package poster draws a dataset's network once, at build time, the way the
// explainer first shows it: the same layout (wasm/layout, same seed, settled
// in full), the same fit to the same page chrome (wasm/session) and the same
// frame (wasm/scene), written as SVG, for the page to show while the
// WebAssembly downloads, and as PNG, for link previews. It also writes what
// the page carries for readers without JavaScript: the picture and the
// dataset as HTML tables. Only the native command wasm/cmd/poster uses it;
// it is never part of the WebAssembly.
package poster

import (
	"fmt"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gomedium"
	"golang.org/x/image/font/opentype"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/layout"
	"ouroboros/wasm/page"
	"ouroboros/wasm/scene"
	"ouroboros/wasm/session"
)

// Card is the size of a link-preview card in CSS pixels, the one Open
// Graph and Twitter's large card recommend.
const (
	CardWidth  = 1200
	CardHeight = 630
)

// Tall is the size of a common phone's window, in CSS pixels, for the
// poster of portrait windows.
const (
	TallWidth  = 390
	TallHeight = 844
)

// seed is the layout's seed; wasm/app starts its layout with the same one.
const seed = 1

// Poster is one dataset drawn for one canvas size, at one device pixel per
// CSS pixel.
type Poster struct {
	DS *dataset.Dataset
	// View is the canvas the frame was built for.
	View session.View
	// Frame holds the frame: Mesh, Discs and Labels.
	Frame *scene.Frame
	// Title and Subtitle are the title block's lines, wrapped as the
	// program wraps them.
	Title, Subtitle []string
	// Settled is where the layout came to rest, which the page ships to
	// the program (data-layouts).
	Settled layout.Settled
	// Reading is the page's reading sentence under them (web/legend.js
	// shows it over the canvas once the program runs), wrapped; readingText
	// is the sentence.
	Reading     []string
	readingText string

	labelFace, titleFace, subtitleFace, readingFace font.Face
	fonts                                           faces
	sized                                           map[float32]font.Face // faceAt's
}

// faces are the explainer's fonts at the sizes it uses, in CSS pixels,
// and face makes the font at another size.
type faces struct {
	label, title, subtitle font.Face
	face                   func(size float64) (font.Face, error)
}

func newFaces() (faces, error) {
	f, err := opentype.Parse(gomedium.TTF)
	if err != nil {
		return faces{}, fmt.Errorf("the Go Medium font: %w", err)
	}
	face := func(size float64) (font.Face, error) {
		return opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	}
	fs := faces{face: face}
	if fs.label, err = face(scene.LabelSize); err != nil {
		return faces{}, err
	}
	if fs.title, err = face(session.TitleFontSize); err != nil {
		return faces{}, err
	}
	if fs.subtitle, err = face(session.SubtitleSize); err != nil {
		return faces{}, err
	}
	return fs, nil
}

// advance is the width of s in face, in pixels.
func advance(face font.Face, s string) float64 {
	return float64(font.MeasureString(face, s)) / 64
}

// New lays ds out and builds its first frame for a canvas of width × height
// CSS pixels, as wasm/app does: nothing selected, every date, the layout
// settled, the camera at rest. The picture is still: no particles.
func New(ds *dataset.Dataset, width, height float64) (*Poster, error) {
	if width < 1 || height < 1 {
		return nil, fmt.Errorf("the poster needs a positive size, not %gx%g", width, height)
	}
	fs, err := newFaces()
	if err != nil {
		return nil, err
	}
	p := &Poster{DS: ds, labelFace: fs.label, titleFace: fs.title, subtitleFace: fs.subtitle,
		fonts: fs, sized: map[float32]font.Face{}}
	if p.readingFace, err = fs.face(session.HeadlineFont(width)); err != nil {
		return nil, err
	}
	an := analysis.New(ds)
	p.readingText = page.NewReading(ds, an.At(dataset.Date{})).Headline
	p.Reading = scene.WrapWords(p.readingText, session.HeadlineWidth(width), func(s string) float64 { return advance(p.readingFace, s) })
	titleW, bottom := session.Chrome(width)
	p.Title = scene.WrapWords(ds.Title, titleW, func(s string) float64 { return advance(fs.title, s) })
	if session.SubtitleShown(width) {
		p.Subtitle = scene.WrapWords(ds.Subtitle, titleW, func(s string) float64 { return advance(fs.subtitle, s) })
	}
	p.View = session.View{Width: width, Height: height, DPR: 1, Zoom: 1,
		TopInset: session.TitleInset(len(p.Title), len(p.Subtitle)), BottomInset: bottom,
		ReadingInset: p.readingInset(width)}

	// The session's defaults, as a reader with reduced motion who opens
	// the page without parameters sees them.
	opts, _ := session.ParseOptions(ds, map[string]string{}, session.Prefers{ReducedMotion: true})
	ss := session.New(ds, an, opts)
	g := scene.LayoutGraph(ds, an.At(dataset.Date{}))
	g.Aspect = session.LayoutAspect(p.View)
	l := layout.New(g, seed)
	l.Settle()
	p.View.Aspect = l.Aspect()
	p.Settled = layout.SettledOf(g, l)
	ss.SetScreen(p.View)
	ss.SetLayout(l.Positions(), true)
	// The first picture is on screen and a tick has passed: the reading
	// order lights the top circular deals, as the page's first view does.
	ss.Shown()
	ss.Tick()

	widths := make([]float32, len(ds.Entities))
	for i, e := range ds.Entities {
		widths[i] = float32(advance(fs.label, e.Name))
	}
	p.Frame = scene.NewFrame(ds, widths, p.measureFigure)
	scene.Build(p.Frame, scene.NewNetwork(ds, ss.Snapshot()), l.Positions(), ss.Look())
	return p, nil
}

// Fit is what the page needs to lay the poster over the window where the
// program will draw the network (web/poster.js): the poster's size and
// drawing area, and the page's fit rules for any window.
type Fit struct {
	// Width and Height are the poster's size in CSS pixels.
	Width float64 `json:"width"`
	// Height is the poster's height in CSS pixels.
	Height float64 `json:"height"`
	// Area is the poster's drawing area: left, top, width, height.
	Area [4]float64 `json:"area"`
	// Content bounds what the poster draws, names included: left, top,
	// right, bottom. Names may reach past the area.
	Content [4]float64 `json:"content"`
	// Pad is the space kept round the free space (session.Free).
	Pad float64 `json:"pad"`
	// MinAspect and MaxAspect bound the layout's shape (session.LayoutAspect).
	MinAspect float64 `json:"minAspect"`
	// MaxAspect is the widest layout shape.
	MaxAspect float64 `json:"maxAspect"`
	// Insets are steps [window width, top inset, bottom inset]: from that
	// window width on (until the next step) the title block and the
	// chrome below take those heights.
	Insets [][3]float64 `json:"insets"`
}

// maxFitWidth is the widest window the inset steps cover; wider ones use
// the last step, the title being one line long well before.
const maxFitWidth = 4096

// Fit returns the poster's fit data.
func (p *Poster) Fit() Fit {
	ax, ay, aw, ah := session.Area(p.View)
	pad, _, _, _ := session.Free(session.View{Width: 100, Height: 100, DPR: 1})
	f := Fit{Width: p.View.Width, Height: p.View.Height, Area: [4]float64{ax, ay, aw, ah}, Pad: pad,
		MinAspect: session.LayoutAspect(session.View{Width: 100, Height: 1e6, DPR: 1}),
		MaxAspect: session.LayoutAspect(session.View{Width: 1e6, Height: 100, DPR: 1})}
	f.Content = p.content()
	title := func(s string, face font.Face, w float64) int {
		return len(scene.WrapWords(s, w, func(s string) float64 { return advance(face, s) }))
	}
	for w := 0; w <= maxFitWidth; w++ {
		titleW, bottom := session.Chrome(float64(w))
		subtitle := 0
		if session.SubtitleShown(float64(w)) {
			subtitle = title(p.DS.Subtitle, p.subtitleFace, titleW)
		}
		top := session.TitleInset(title(p.DS.Title, p.titleFace, titleW), subtitle) +
			p.readingInset(float64(w))
		if n := len(f.Insets); n == 0 || f.Insets[n-1][1] != top || f.Insets[n-1][2] != bottom {
			f.Insets = append(f.Insets, [3]float64{float64(w), top, bottom})
		}
	}
	return f
}

// content returns the bounds of the discs and the shown names.
func (p *Poster) content() [4]float64 {
	c := [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	grow := func(x0, y0, x1, y1 float64) {
		c = [4]float64{math.Min(c[0], x0), math.Min(c[1], y0), math.Max(c[2], x1), math.Max(c[3], y1)}
	}
	b := p.Frame
	for i, d := range b.Discs {
		if !b.Shown(i) {
			continue
		}
		r := float64(d.R) + outlineCSS
		grow(float64(d.X)-r, float64(d.Y)-r, float64(d.X)+r, float64(d.Y)+r)
		if l := b.Labels[i]; l.Visible {
			// A tenth more: a browser draws the SVG's names in its own
			// sans-serif, which may run wider than Go Medium.
			w := advance(p.labelFace, p.DS.Entities[i].Name) * 0.55
			m := p.labelFace.Metrics()
			grow(float64(l.X)-w, float64(l.Y), float64(l.X)+w, float64(l.Y)+float64(m.Ascent+m.Descent)/64)
		}
	}
	for i := range c {
		c[i] = round1(c[i])
	}
	return c
}

// ascent is how far a face's glyphs reach above the baseline: the program
// places text by its top, SVG and the PNG drawer by its baseline.
func ascent(face font.Face) float64 {
	return float64(face.Metrics().Ascent) / 64
}

// round1 keeps one decimal, plenty for a picture in CSS pixels.
func round1(v float64) float64 { return math.Round(v*10) / 10 }

// readingInset is the room the program keeps for the reading sentence on a
// canvas widthCSS wide: measured as wasm/app measures it, at the
// subtitle's size.
func (p *Poster) readingInset(widthCSS float64) float64 {
	return session.HeadlineInset(session.HeadlineLines(p.readingText, widthCSS, func(s string) float64 {
		return advance(p.subtitleFace, s)
	}), widthCSS)
}
