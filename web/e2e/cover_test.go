//go:build browser

package e2e_test

import (
	"fmt"
	"image"
	"testing"
)

// The canvas must show wherever the page's own boxes leave it uncovered.
// Chromium's compositor once dropped a piece of it next to the entity
// card, a box as wide as the card, above it on a laptop and below it on a
// phone: an opaque scroller (the card, the ☰ panel) was counted as
// covering the wrong rectangle of the canvas under it, and the body
// showed through, black, with the edges it should have shown gone.
//
// The test paints the body a colour the picture never has and opens each
// box that can open over the canvas in turn: no pixel of the screenshot
// may show the body.
func TestTheCanvasShowsAroundEveryBox(t *testing.T) {
	for _, vp := range []struct {
		name string
		w, h int64
	}{{"laptop", 1280, 800}, {"phone", 390, 844}} {
		t.Run(vp.name, func(t *testing.T) {
			// OpenAI's card is the longest: it lists 224 loops and scrolls.
			ctx := openPage(t, vp.w, vp.h, "/#select=openai")
			ready(t, ctx)
			eval[any](t, ctx, `document.body.style.setProperty('background', 'rgb(255, 0, 255)', 'important')`)
			for _, box := range []struct{ name, open, shown, close string }{
				{"the entity card", ``, `#card`, `window.ouroboros.send({type: 'select', id: null})`},
				{"the ☰ panel", `document.getElementById('panel-toggle').click()`, `#panel`, `document.getElementById('panel-toggle').click()`},
				{"a story's caption", `window.ouroboros.send({type: 'goToStep', story: 'circle', step: 1})`, `#caption`, `document.getElementById('story-close').click()`},
				{"the keys' dialog", `document.getElementById('help-toggle').click()`, `#help[open]`, `document.getElementById('help').close()`},
				{"the search's list", `(() => { const s = document.getElementById('search'); s.focus(); s.value = 'a'; s.dispatchEvent(new Event('input', {bubbles: true})); })()`, `#search-results`, `(() => { const s = document.getElementById('search'); s.value = ''; s.dispatchEvent(new Event('input', {bubbles: true})); s.blur(); })()`},
				{"the circular deals' card", `(() => { const k = document.getElementById('legend-key'); if (getComputedStyle(k).display !== 'none' && k.getAttribute('aria-expanded') !== 'true') k.click(); document.getElementById('circular-open').click(); })()`, `#circular-card`, `document.getElementById('circular-close').click()`},
			} {
				if box.open != "" {
					eval[any](t, ctx, box.open)
				}
				waitJS(t, ctx, box.name+" to show", fmt.Sprintf(`(() => { const e = document.querySelector(%q); return !!e && !e.hidden && e.getBoundingClientRect().height > 0; })()`, box.shown))
				waitFrames(t, ctx, 2) // the compositor's frame with the box
				if n, at := bodyShows(screenshot(t, ctx)); n > 0 {
					t.Errorf("with %s open, %d pixels show the body instead of the canvas, the first at %v", box.name, n, at)
				}
				eval[any](t, ctx, box.close)
				waitJS(t, ctx, box.name+" to close", fmt.Sprintf(`(() => { const e = document.querySelector(%q); return !e || e.hidden || e.getBoundingClientRect().height === 0; })()`, box.shown))
			}
		})
	}
}

// bodyShows counts the pixels of the body's test colour, rgb(255, 0, 255),
// seen directly or through a translucent box or backdrop over it (which
// keeps red and blue equal and green at nought), and says where the first
// is.
func bodyShows(img image.Image) (n int, first image.Point) {
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			r, g, bl = r>>8, g>>8, bl>>8
			if g == 0 && r >= 64 && r+6 >= bl && bl+6 >= r {
				if n == 0 {
					first = image.Pt(x, y)
				}
				n++
			}
		}
	}
	return n, first
}
