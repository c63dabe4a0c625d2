package poster

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"image"
	"image/png"
	"io"
	"math"
	"os"
	"strings"
	"testing"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/session"
)

func load(t *testing.T, file string) *dataset.Dataset {
	t.Helper()
	doc, err := os.ReadFile("../../" + file)
	if err != nil {
		t.Fatal(err)
	}
	ds, err := dataset.Load(doc)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return ds
}

func bundled(t *testing.T) *Poster {
	t.Helper()
	p, err := New(load(t, "data/ai-compute.json"), CardWidth, CardHeight)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestSVG: the SVG is well-formed XML and names every entity, as a label
// where the frame shows one and as its disc's tooltip in any case.
func TestSVG(t *testing.T) {
	p := bundled(t)
	for _, o := range []SVGOptions{{}, {Background: true, Title: true}} {
		var b bytes.Buffer
		if err := p.WriteSVG(&b, o); err != nil {
			t.Fatal(err)
		}
		dec := xml.NewDecoder(&b)
		texts := map[string]int{}
		circles := 0
		var stack []string
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%+v: the SVG is not XML: %v", o, err)
			}
			switch tok := tok.(type) {
			case xml.StartElement:
				stack = append(stack, tok.Name.Local)
				if tok.Name.Local == "circle" {
					circles++
				}
				if len(stack) == 1 && (tok.Name.Local != "svg" || tok.Name.Space != "http://www.w3.org/2000/svg") {
					t.Fatalf("root element %v, want svg in the SVG namespace", tok.Name)
				}
			case xml.EndElement:
				stack = stack[:len(stack)-1]
			case xml.CharData:
				if len(stack) > 0 {
					texts[stack[len(stack)-1]+":"+string(tok)]++
				}
			}
		}
		labels := 0
		for i, e := range p.DS.Entities {
			if texts["title:"+e.Name] == 0 {
				t.Errorf("%+v: no tooltip names %q", o, e.Name)
			}
			if p.Frame.Labels[i].Visible {
				labels++
				if texts["text:"+e.Name] == 0 {
					t.Errorf("%+v: %q has a label in the frame but none in the SVG", o, e.Name)
				}
			}
		}
		if labels < len(p.DS.Entities)/2 {
			t.Errorf("only %d of %d names are labelled", labels, len(p.DS.Entities))
		}
		if circles != 2*len(p.DS.Entities) {
			t.Errorf("%d circles, want a disc and its outline for each of %d entities", circles, len(p.DS.Entities))
		}
		if got := texts["text:"+p.Title[0]] > 0; got != o.Title {
			t.Errorf("%+v: title drawn = %v", o, got)
		}
	}
}

// TestSVGEscapes: names are text, never markup.
func TestSVGEscapes(t *testing.T) {
	ds := load(t, "data/examples/tiny.json")
	ds.Entities[0].Name = `<script>alert("x")</script> & Co`
	p, err := New(ds, 800, 600)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := p.WriteSVG(&b, SVGOptions{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "<script") {
		t.Fatal("a name reached the SVG as markup")
	}
	if !strings.Contains(b.String(), "&lt;script&gt;") {
		t.Fatal("the escaped name is missing")
	}
}

// TestPNGShowsTheNetwork: at each disc's centre the card has the colour
// the frame drew it in (its kind's, fainter in the outer band), and the
// background elsewhere.
func TestPNGShowsTheNetwork(t *testing.T) {
	p := bundled(t)
	var b bytes.Buffer
	if err := p.WritePNG(&b); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&b)
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds() != image.Rect(0, 0, CardWidth, CardHeight) {
		t.Fatalf("bounds %v, want %dx%d", img.Bounds(), CardWidth, CardHeight)
	}
	checked := 0
	for i, e := range p.DS.Entities {
		d := p.Frame.Discs[i]
		if covered(p, i) {
			continue
		}
		checked++
		c := p.Frame.DiscColor(i)
		k := dataset.RGB{R: uint8(c.R*255 + 0.5), G: uint8(c.G*255 + 0.5), B: uint8(c.B*255 + 0.5)}
		got := img.At(int(d.X), int(d.Y))
		if !near(got, k.R, k.G, k.B) {
			t.Errorf("%s at (%.0f, %.0f): %v, want its disc's colour #%02x%02x%02x", e.ID, d.X, d.Y, got, k.R, k.G, k.B)
		}
	}
	if checked < len(p.DS.Entities)*9/10 {
		t.Errorf("only %d of %d discs could be checked", checked, len(p.DS.Entities))
	}
	bg := dark().Background
	if got := img.At(CardWidth-3, CardHeight-3); !near(got, to8(bg.R), to8(bg.G), to8(bg.B)) {
		t.Errorf("corner %v, want the background", got)
	}
}

// covered reports whether a disc drawn after entity i hides its centre.
func covered(p *Poster, i int) bool {
	d := p.Frame.Discs[i]
	for j := i + 1; j < len(p.Frame.Discs); j++ {
		o := p.Frame.Discs[j]
		if math.Hypot(float64(o.X-d.X), float64(o.Y-d.Y)) <= float64(o.R)+outlineCSS+1 {
			return true
		}
	}
	return false
}

func near(c interface{ RGBA() (r, g, b, a uint32) }, r, g, b uint8) bool {
	cr, cg, cb, _ := c.RGBA()
	d := func(x uint32, y uint8) bool { return math.Abs(float64(x>>8)-float64(y)) <= 3 }
	return d(cr, r) && d(cg, g) && d(cb, b)
}

// TestDeterministic: the same dataset gives the same bytes, so builds are
// reproducible and the poster's hashed name only changes with the picture.
func TestDeterministic(t *testing.T) {
	render := func() (string, string) {
		p := bundled(t)
		var s, i bytes.Buffer
		if err := p.WriteSVG(&s, SVGOptions{}); err != nil {
			t.Fatal(err)
		}
		if err := p.WritePNG(&i); err != nil {
			t.Fatal(err)
		}
		return s.String(), i.String()
	}
	s1, p1 := render()
	s2, p2 := render()
	if s1 != s2 || p1 != p2 {
		t.Fatal("two renders of the same dataset differ")
	}
}

// TestFollowsTheFrame: the poster's discs are where scene puts them for the
// layout's positions in the area the page's chrome leaves, and the card's
// layout has the shape the program would give it.
func TestFollowsTheFrame(t *testing.T) {
	p := bundled(t)
	ax, ay, aw, ah := session.Area(p.View)
	f := p.Fit()
	if f.Area != [4]float64{ax, ay, aw, ah} {
		t.Errorf("Fit.Area = %v, want session.Area %v", f.Area, [4]float64{ax, ay, aw, ah})
	}
	for i, d := range p.Frame.Discs {
		x, y, r := float64(d.X), float64(d.Y), float64(d.R)
		if x < ax-1 || x > ax+aw+1 || y < ay-1 || y > ay+ah+1 {
			t.Errorf("entity %d at (%.0f, %.0f) is outside the area %v", i, x, y, f.Area)
		}
		if c := f.Content; x-r < c[0] || y-r < c[1] || x+r > c[2] || y+r > c[3] {
			t.Errorf("entity %d's disc reaches out of the content's bounds %v", i, c)
		}
	}
	if c := f.Content; c[0] < 0 || c[1] < p.View.TopInset || c[2] > p.View.Width || c[3] > p.View.Height-p.View.BottomInset {
		t.Errorf("content %v reaches out of the space the chrome leaves", c)
	}
	// 1200×630 leaves a free space wider than the widest layout.
	if p.View.Aspect != f.MaxAspect {
		t.Errorf("layout aspect %v, want the widest, %v", p.View.Aspect, f.MaxAspect)
	}
	if p.View.TopInset < 8+25 || p.View.BottomInset != session.TimelineCSS+session.LegendStripCSS {
		t.Errorf("insets %v/%v, want the title block's and the timeline's with the legend's strip", p.View.TopInset, p.View.BottomInset)
	}
}

// TestFitInsets: the steps start at 0, grow in width, and the top inset
// shrinks as the title gets room, with the chrome's break at 600 pixels.
func TestFitInsets(t *testing.T) {
	f := bundled(t).Fit()
	if len(f.Insets) < 3 || f.Insets[0][0] != 0 {
		t.Fatalf("insets %v", f.Insets)
	}
	var at600, at601 [3]float64
	for i, s := range f.Insets {
		if i > 0 && s[0] <= f.Insets[i-1][0] {
			t.Errorf("steps out of order: %v", f.Insets)
		}
		if s[0] <= 600 {
			at600 = s
		}
		if s[0] <= 601 {
			at601 = s
		}
	}
	if at600[2] != session.TimelineCSS+56 || at601[2] != session.TimelineCSS {
		t.Errorf("bottom inset %v at 600, %v at 601; want the toolbar row below 601 only", at600[2], at601[2])
	}
	last := f.Insets[len(f.Insets)-1]
	// The bundled reading sentence ("Money goes round: 29 circular
	// deals; …", about 130 characters) takes two lines of its 688 px box.
	if want := 8 + 25 + 18 + 6 + session.HeadlineInset(2, last[0]); last[1] != want {
		t.Errorf("widest top inset %v, want %v: one title and one subtitle line, and the reading sentence on two", last[1], want)
	}
	if f.Pad <= 0 || f.MinAspect >= 1 || f.MaxAspect <= 1 {
		t.Errorf("fit %+v", f)
	}
	if _, err := json.Marshal(f); err != nil {
		t.Fatal(err)
	}
}
