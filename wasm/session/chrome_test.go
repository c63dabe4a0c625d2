package session

import (
	"math"
	"strings"
	"testing"
)

func TestChrome(t *testing.T) {
	for _, tc := range []struct {
		width, title, bottom float64
	}{
		{1280, 1280 - 545 - 28, 172}, // the toolbar beside the title, the legend's strip above the timeline
		{1000, 1000 - 545 - 28, 172},
		{999, 999 - 545 - 28, 200}, // the strip in three lines
		{720, 720 - 545 - 28, 200},
		{719, 719 - 545 - 28, 100}, // the legend folds to its key at the top
		{601, 601 - 545 - 28, 100},
		{600, 600 - 28, 156}, // the toolbar in a row above the timeline
		{400, 400 - 28, 156},
		{399, 399 - 28, 212}, // the narrowest: the toolbar wraps to two rows
		{390, 390 - 28, 212},
	} {
		title, bottom := Chrome(tc.width)
		if title != tc.title || bottom != tc.bottom {
			t.Errorf("Chrome(%v) = %v, %v; want %v, %v", tc.width, title, bottom, tc.title, tc.bottom)
		}
	}
	if got := TitleInset(1, 2); got != 8+25+2*18+6 {
		t.Errorf("TitleInset(1, 2) = %v", got)
	}
	if got := TitleInset(0, 0); got != 14 {
		t.Errorf("TitleInset(0, 0) = %v, want the margins alone", got)
	}
}

func TestHeadlineLines(t *testing.T) {
	// Every character 5 CSS px wide at the subtitle's size.
	measure := func(s string) float64 { return 5 * float64(len([]rune(s))) }
	if n := HeadlineLines("", 1280, measure); n != 0 {
		t.Errorf("no sentence takes %d lines, want 0", n)
	}
	if got := HeadlineInset(0, 1280); got != 0 {
		t.Errorf("no sentence keeps %v px, want 0", got)
	}
	// At 1280 the text wraps to 704 - 16 = 688 px, at 15.2/13 of the
	// measured size with 6% slack: 5 × 1.2397 ≈ 6.2 px a character, so
	// about 110 characters a line.
	words := strings.Repeat("abcdefghi ", 30) // 300 characters
	if n := HeadlineLines(words, 1280, measure); n != 3 {
		t.Errorf("300 characters at 1280 take %d lines, want 3", n)
	}
	// On a 390 px phone: 390 - 28 - 16 = 346 px at 13.6/13 × 1.06, about
	// 5.54 px a character: six 9-letter words a line.
	if n := HeadlineLines(words, 390, measure); n != 5 {
		t.Errorf("300 characters at 390 take %d lines, want 5", n)
	}
	if got, want := HeadlineInset(0, 390), float64(LegendKeyCSS+HeadlineGap); got != want {
		t.Errorf("on a phone without a sentence %v px are kept, want the legend key's row, %v", got, want)
	}
	if SubtitleShown(719) || !SubtitleShown(720) {
		t.Error("the subtitle shows from 720 px wide, where the legend leaves the top")
	}
	if got, want := HeadlineInset(2, 1280), 2*15.2*1.35+2*2.4+6; math.Abs(got-want) > 1e-9 {
		t.Errorf("HeadlineInset(2, 1280) = %v, want %v", got, want)
	}
}
