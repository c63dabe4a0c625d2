package session

// The page's chrome round the canvas, in CSS pixels: what web/style.css
// gives the timeline and the toolbar, and the title block the program draws
// at the top left. The program and the build-time poster (wasm/poster) both
// fit the network to what is left, so they must agree on these.
const (
	// TimelineCSS is the height of the timeline bar, kept free below the
	// network.
	TimelineCSS = 100
	// On screens wider than NarrowCSS the toolbar takes ToolbarCSS at the
	// top right, beside the title; narrower ones have it in a row of
	// ToolbarRowCSS at the bottom, above the timeline.
	NarrowCSS     = 600
	ToolbarCSS    = 470
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
	if widthCSS > NarrowCSS {
		// The toolbar sits at the top right of wide screens…
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
