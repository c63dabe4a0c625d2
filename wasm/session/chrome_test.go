package session

import "testing"

func TestChrome(t *testing.T) {
	for _, tc := range []struct {
		width, title, bottom float64
	}{
		{1280, 1280 - 470 - 28, 100}, // the toolbar beside the title
		{601, 601 - 470 - 28, 100},
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
