package session

import "ouroboros/wasm/dataset"

// yearsAtOnce is the most loops every date's snapshot may hold for the
// timeline's year marks to be counted as the session is made. A year's
// count finds that year's loops: on the bundled network (250 loops) all
// of them take about a millisecond natively, but at 1,000 entities / 3,000
// deals (10,000 loops) 98 ms natively, three quarters of the page's first
// state, which ready waits for (issue 19). Above it, the first state shows
// those years still counting (page.YearMark.Counting) and Tick counts one
// a tick once the first picture is on screen.
const yearsAtOnce = 1000

// countYearsAtOnce counts every year of the timeline's marks now, when
// the network is small enough (yearsAtOnce).
func (s *Session) countYearsAtOnce() {
	if len(s.an.At(dataset.Date{}).Loops) > yearsAtOnce {
		return
	}
	for _, d := range s.an.YearEnds() {
		s.an.At(d)
	}
	s.yearsCounted = true
}

// countYear counts, once the first picture is on screen, the loops of the
// first year the marks still count, and tells the page (ui), whose
// timeline then shows the year's count.
func (s *Session) countYear() {
	if !s.shown || s.yearsCounted {
		return
	}
	for _, d := range s.an.YearEnds() {
		if !s.an.Built(d) {
			s.an.At(d)
			s.emit("ui", map[string]any{})
			return
		}
	}
	s.yearsCounted = true
}
