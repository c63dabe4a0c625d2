package session

import "strings"

// The page's chrome round the canvas, in CSS pixels: what web/style.css
// gives the timeline and the toolbar, and the title block the program draws
// at the top left. The program and the build-time poster (wasm/poster) both
// fit the network to what is left, so they must agree on these.
const (
	// TimelineCSS is the height of the timeline bar, kept free below the
	// network.
	TimelineCSS = 100
	// On screens wider than NarrowCSS the toolbar takes ToolbarCSS at the
	// top right, beside the title (537 px as laid out since it holds
	// Stories, and a gap; web/e2e's TestToolbarFitsTheRoomTheTitleLeavesIt
	// holds the two together); narrower ones have it in a row of
	// ToolbarRowCSS at the bottom, above the timeline.
	NarrowCSS     = 600
	ToolbarCSS    = 545
	ToolbarRowCSS = 56
	// OneRowCSS is the narrow width below which the toolbar's search box
	// (8.5rem) and its buttons wrap to a second row.
	OneRowCSS = 400

	// The title block: left margin, top margin, the height of a title and
	// of a subtitle line, the space below, and the font sizes.
	TitleLeft     = 14
	TitleTop      = 8
	TitleLine     = 25
	SubtitleLine  = 18
	TitleBelow    = 6
	TitleFontSize = 19
	SubtitleSize  = 13
)

// Chrome returns, for a canvas widthCSS wide, the width the title may wrap
// to (its block starts at TitleLeft and keeps as much on its right) and the
// height kept free at the bottom.
func Chrome(widthCSS float64) (titleWidth, bottomInset float64) {
	if widthCSS >= LegendStripFromCSS {
		// The legend's strip sits above the timeline of wide screens, in
		// two lines or, narrower, three…
		return widthCSS - ToolbarCSS - 2*TitleLeft, TimelineCSS + LegendStripCSS
	}
	if widthCSS >= HeadlineNarrowCSS {
		return widthCSS - ToolbarCSS - 2*TitleLeft, TimelineCSS + LegendStripNarrowCSS
	}
	if widthCSS > NarrowCSS {
		// …and the toolbar at the top right of the others but phones…
		return widthCSS - ToolbarCSS - 2*TitleLeft, TimelineCSS
	}
	// …and above the timeline on narrow ones, in two rows on the narrowest.
	if widthCSS < OneRowCSS {
		return widthCSS - 2*TitleLeft, TimelineCSS + 2*ToolbarRowCSS
	}
	return widthCSS - 2*TitleLeft, TimelineCSS + ToolbarRowCSS
}

// TitleInset is the height the title block takes with the given numbers
// of title and subtitle lines, in CSS pixels.
func TitleInset(titleLines, subtitleLines int) float64 {
	return TitleTop + float64(titleLines)*TitleLine + float64(subtitleLines)*SubtitleLine + TitleBelow
}

// The reading sentence (web/style.css #headline) sits under the title
// block, over the canvas: the program keeps its height free too, so that
// no entity is drawn under it. These are its CSS metrics.
const (
	// HeadlineMaxCSS is its widest box (44rem); HeadlineSideCSS the space
	// its box keeps from the window's sides (.875rem), and HeadlinePadCSS
	// its padding on each side (.5rem across, .15rem down).
	HeadlineMaxCSS  = 704
	HeadlineSideCSS = 14
	HeadlinePadCSS  = 8
	HeadlinePadYCSS = 2.4
	// HeadlineGap is the space kept below it.
	HeadlineGap = 6
	// HeadlineLineRatio is its line height over its font size.
	HeadlineLineRatio = 1.35
	// HeadlineNarrowCSS is the width below which its font is smaller and
	// the legend folds to a one-line key under it (web/style.css #legend),
	// LegendKeyCSS high.
	HeadlineNarrowCSS = 720
	LegendKeyCSS      = 46
	// LegendStripCSS is the height of the legend's strip above the
	// timeline from LegendStripFromCSS wide, with the gap below it
	// (4.25rem + .25rem); narrower, the legend folds to its key's row.
	LegendStripCSS       = 72
	LegendStripFromCSS   = 1000
	LegendStripNarrowCSS = 100 // 6rem + .25rem, from HeadlineNarrowCSS
)

// SubtitleShown reports whether the title block has its subtitle on a
// canvas widthCSS wide: narrow ones leave it out, since the reading
// sentence under the title says more and the picture needs the room (below
// 720 px the toolbar squeezes the title, and the legend's key takes a row).
func SubtitleShown(widthCSS float64) bool { return widthCSS >= HeadlineNarrowCSS }

// HeadlineFont is the reading sentence's font size in CSS pixels for a
// canvas widthCSS wide (.95rem, or .85rem on narrow screens).
func HeadlineFont(widthCSS float64) float64 {
	if widthCSS < HeadlineNarrowCSS {
		return 13.6
	}
	return 15.2
}

// HeadlineWidth is the width its text wraps to, in CSS pixels.
func HeadlineWidth(widthCSS float64) float64 {
	return min(HeadlineMaxCSS, widthCSS-2*HeadlineSideCSS) - 2*HeadlinePadCSS
}

// HeadlineInset is the height the reading sentence takes below the title
// block when it wraps to lines lines (none without a sentence), with, on
// narrow canvases, the legend's key row under it.
func HeadlineInset(lines int, widthCSS float64) float64 {
	h := 0.0
	if lines > 0 {
		h = float64(lines)*HeadlineFont(widthCSS)*HeadlineLineRatio + 2*HeadlinePadYCSS + HeadlineGap
	}
	if widthCSS < HeadlineNarrowCSS {
		h += LegendKeyCSS + HeadlineGap
	}
	return h
}

// headlineSlack widens the measured text a little: the page's font may set
// the sentence a few per cent wider than the program's, and a line too few
// would put the sentence over the picture.
const headlineSlack = 1.06

// HeadlineLines is how many lines the reading sentence text takes on a
// canvas widthCSS wide, given measure, the width of a string in CSS pixels
// at the subtitle's size (SubtitleSize); 0 for no sentence.
func HeadlineLines(text string, widthCSS float64, measure func(string) float64) int {
	words := strings.Fields(text)
	if len(words) == 0 {
		return 0
	}
	scale := HeadlineFont(widthCSS) / SubtitleSize * headlineSlack
	limit := HeadlineWidth(widthCSS)
	lines, line := 1, words[0]
	for _, w := range words[1:] {
		if measure(line+" "+w)*scale > limit {
			lines++
			line = w
			continue
		}
		line += " " + w
	}
	return lines
}
