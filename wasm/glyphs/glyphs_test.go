package glyphs_test

import (
	"bytes"
	"image"
	"image/draw"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gomedium"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"ouroboros/wasm/glyphs"
)

func face(t testing.TB, size float64) font.Face {
	t.Helper()
	f, err := opentype.Parse(gomedium.TTF)
	if err != nil {
		t.Fatal(err)
	}
	ff, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		t.Fatal(err)
	}
	return ff
}

// Draw makes the pixels font.Drawer makes, byte for byte: at fractional
// origins (each glyph rasterized at its own sub-pixel offset), with glyphs
// that overhang the image's edges or miss it, and over ink already there.
// (The Go fonts have no kerning, so Kern's part is not tried.)
func TestDrawIsFontDrawer(t *testing.T) {
	for _, size := range []float64{11, 13.5, 26, 40} {
		ff := face(t, size)
		for _, s := range []string{"OpenAI", "AVAWAY Tj fi", "$300B · 4.5 GW", "Ünïcödé ø ß — “quotes”", "", "W"} {
			for _, at := range []fixed.Point26_6{
				{X: 64 * 3, Y: 64 * 20}, {X: 3*64 + 17, Y: 20*64 + 40}, {X: -64 * 5, Y: 64 * 4}, {X: 64 * 50, Y: 64 * 60},
			} {
				r := image.Rect(0, 0, 90, 36)
				want, got := image.NewAlpha(r), image.NewAlpha(r)
				// Some ink under the text, as a second line would leave.
				for i := range want.Pix {
					want.Pix[i] = uint8(i * 7 % 251)
				}
				copy(got.Pix, want.Pix)
				d := font.Drawer{Dst: want, Src: image.Opaque, Face: ff, Dot: at}
				d.DrawString(s)
				end := glyphs.Draw(got, ff, at, s)
				if end != d.Dot {
					t.Errorf("size %v, %q at %v: ends at %v, font.Drawer at %v", size, s, at, end, d.Dot)
				}
				if !bytes.Equal(got.Pix, want.Pix) {
					n := 0
					for i := range got.Pix {
						if got.Pix[i] != want.Pix[i] {
							n++
						}
					}
					t.Errorf("size %v, %q at %v: %d of %d pixels differ from font.Drawer's", size, s, at, n, len(got.Pix))
				}
			}
		}
	}
}

// A mask that is not an *image.Alpha goes through image/draw.
func TestDrawTakesAnyMask(t *testing.T) {
	r := image.Rect(0, 0, 20, 20)
	want, got := image.NewAlpha(r), image.NewAlpha(r)
	ff := rgbaFace{face(t, 16)}
	d := font.Drawer{Dst: want, Src: image.Opaque, Face: ff, Dot: fixed.P(2, 15)}
	d.DrawString("ab")
	glyphs.Draw(got, ff, fixed.P(2, 15), "ab")
	if !bytes.Equal(got.Pix, want.Pix) {
		t.Error("with an RGBA mask, Draw's pixels differ from font.Drawer's")
	}
}

// rgbaFace hands out its glyphs' masks as RGBA images.
type rgbaFace struct{ font.Face }

func (f rgbaFace) Glyph(dot fixed.Point26_6, r rune) (image.Rectangle, image.Image, image.Point, fixed.Int26_6, bool) {
	dr, mask, mp, adv, ok := f.Face.Glyph(dot, r)
	if mask == nil {
		return dr, mask, mp, adv, ok
	}
	rgba := image.NewRGBA(mask.Bounds())
	draw.Draw(rgba, rgba.Rect, mask, mask.Bounds().Min, draw.Src)
	return dr, rgba, mp, adv, ok
}

func BenchmarkDraw(b *testing.B) {
	ff := face(b, 26)
	dst := image.NewAlpha(image.Rect(0, 0, 400, 40))
	b.Run("glyphs.Draw", func(b *testing.B) {
		for b.Loop() {
			glyphs.Draw(dst, ff, fixed.P(4, 30), "Microsoft · $13B · OpenAI")
		}
	})
	b.Run("font.Drawer", func(b *testing.B) {
		for b.Loop() {
			d := font.Drawer{Dst: dst, Src: image.Opaque, Face: ff, Dot: fixed.P(4, 30)}
			d.DrawString("Microsoft · $13B · OpenAI")
		}
	})
}
