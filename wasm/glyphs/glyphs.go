// Package glyphs sets text into coverage masks, as font.Drawer does, for
// the adapter to turn into images. font.Drawer composes each glyph with
// image/draw, whose path for an *image.Alpha destination goes pixel by
// pixel through colour interfaces: a third of the time the labels and the
// title took to render at the start, in a profile of the page (issue 19).
// Pure: no engine, no browser.
package glyphs

import (
	"image"
	"image/draw"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// Draw sets s in face onto dst, in opaque ink, with the first glyph's
// origin at dot, and returns the dot after the last: the pixels
// font.Drawer{Dst: dst, Src: image.Opaque, Face: face, Dot: dot}.DrawString(s)
// makes, kerning included.
func Draw(dst *image.Alpha, face font.Face, dot fixed.Point26_6, s string) fixed.Point26_6 {
	prev := rune(-1)
	for _, c := range s {
		if prev >= 0 {
			dot.X += face.Kern(prev, c)
		}
		dr, mask, mp, advance, _ := face.Glyph(dot, c)
		if !dr.Empty() {
			over(dst, dr, mask, mp)
		}
		dot.X += advance
		prev = c
	}
	return dot
}

// over lays the coverage of mask, from mp on, over dst in dr, as
// draw.DrawMask(dst, dr, image.Opaque, image.Point{}, mask, mp, draw.Over)
// does, in the same 16-bit arithmetic.
func over(dst *image.Alpha, dr image.Rectangle, mask image.Image, mp image.Point) {
	m, ok := mask.(*image.Alpha)
	if !ok {
		draw.DrawMask(dst, dr, image.Opaque, image.Point{}, mask, mp, draw.Over)
		return
	}
	const full = 0xffff
	r := dr.Intersect(dst.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		my := mp.Y + y - dr.Min.Y
		for x := r.Min.X; x < r.Max.X; x++ {
			mx := mp.X + x - dr.Min.X
			if !(image.Point{mx, my}.In(m.Rect)) {
				continue
			}
			ma := uint32(m.Pix[m.PixOffset(mx, my)]) * 0x101
			if ma == 0 {
				continue
			}
			i := dst.PixOffset(x, y)
			da := uint32(dst.Pix[i]) * 0x101
			dst.Pix[i] = uint8((da*(full-ma) + full*ma) / full >> 8)
		}
	}
}
