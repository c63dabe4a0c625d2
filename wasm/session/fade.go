package session

import "ouroboros/wasm/dataset"

// Fade counts the ticks of a story step's other transitions, the ones that
// go with the camera's glide: the spotlight's dimming and the timeline's
// walk to the step's date. Like Glide it counts ticks rather than reading
// a clock, so a slow machine shows the same path, only slower. The zero
// Fade is done.
type Fade struct{ n, t int }

// Start begins a fade of the given ticks; 0 or less (reduced motion, a link
// opening at a step) is a cut: the first Next returns 1.
func (f *Fade) Start(ticks int) { *f = Fade{n: max(ticks, 1)} }

// Active reports whether the fade has ticks left.
func (f *Fade) Active() bool { return f.t < f.n }

// Stop ends the fade at its target: the reader took over.
func (f *Fade) Stop() { f.t = f.n }

// Next advances the fade by one tick and returns how far along it is, from
// above 0 to exactly 1 on its last tick.
func (f *Fade) Next() float64 {
	if f.t < f.n {
		f.t++
	}
	return f.Progress()
}

// Progress is how far along the fade is, 0 to 1; a done fade is at 1.
func (f *Fade) Progress() float64 {
	if f.n == 0 || f.t >= f.n {
		return 1
	}
	return float64(f.t) / float64(f.n)
}

// Mix is the spotlight's mix from the old step's dimming (0) to the new
// one's (1): the progress eased in and out like the camera.
func (f *Fade) Mix() float64 { return ease(f.Progress()) }

// DateOnPath is the date shown a share s (0 to 1) of the way from one date
// to another through the dataset's dates (sorted, as analysis.Dates gives
// them): it steps through the dates strictly between the two in order, so
// that deals appear (or, going back, disappear) one date after another,
// and it is exactly to at s ≥ 1 and from at s ≤ 0. The zero date, every
// date, lies after the last. It allocates nothing, so it can run every
// tick.
func DateOnPath(dates []dataset.Date, from, to dataset.Date, s float64) dataset.Date {
	if s >= 1 {
		return to
	}
	if s <= 0 {
		return from
	}
	forward := after(to, from)
	// between is a date strictly between from and to.
	between := func(d dataset.Date) bool {
		if forward {
			return after(d, from) && after(to, d)
		}
		return after(d, to) && after(from, d)
	}
	stops := 1 // the dates between, then to
	for _, d := range dates {
		if between(d) {
			stops++
		}
	}
	k := int(s * float64(stops)) // stops passed: 0 is still at from
	if k == 0 {
		return from
	}
	if k >= stops {
		return to
	}
	// The k-th date between, counted from from's side.
	seen := 0
	for i := range dates {
		d := dates[i]
		if !forward {
			d = dates[len(dates)-1-i]
		}
		if between(d) {
			seen++
			if seen == k {
				return d
			}
		}
	}
	return to
}

// after reports whether a is later than b, the zero date (every date)
// being later than any other.
func after(a, b dataset.Date) bool {
	switch {
	case a.IsZero():
		return !b.IsZero()
	case b.IsZero():
		return false
	}
	return a.Compare(b) > 0
}
