package session

import (
	"fmt"
	"math"
	"strconv"
)

// KioskTimes are the kiosk's timers in seconds, from the link (`idle`,
// `countdown`, `attract`). Zero means the default; Resolved fills them in.
type KioskTimes struct {
	Idle      int `json:"idle"`      // nobody touching this long brings "Still there?"
	Countdown int `json:"countdown"` // how long "Still there?" counts down before the reset
	Attract   int `json:"attract"`   // how long the attract loop rests on each story step
}

// The kiosk's default times and the bounds a link may set them within:
// short enough for a test to see the whole cycle, long enough that a
// typo cannot make the kiosk reset under a visitor's finger every second.
var (
	kioskDefault = KioskTimes{Idle: 90, Countdown: 10, Attract: 12}
	kioskMin     = KioskTimes{Idle: 3, Countdown: 2, Attract: 2}
	kioskMax     = KioskTimes{Idle: 3600, Countdown: 120, Attract: 600}
)

// Resolved returns the times with every unset one at its default.
func (k KioskTimes) Resolved() KioskTimes {
	if k.Idle == 0 {
		k.Idle = kioskDefault.Idle
	}
	if k.Countdown == 0 {
		k.Countdown = kioskDefault.Countdown
	}
	if k.Attract == 0 {
		k.Attract = kioskDefault.Attract
	}
	return k
}

// parseKiosk reads the kiosk's timers from the link; a bad one is
// reported and left at its default.
func parseKiosk(params map[string]string, problems []string) (KioskTimes, []string) {
	var k KioskTimes
	for _, p := range []struct {
		name          string
		to            *int
		min, max, def int
	}{
		{"idle", &k.Idle, kioskMin.Idle, kioskMax.Idle, kioskDefault.Idle},
		{"countdown", &k.Countdown, kioskMin.Countdown, kioskMax.Countdown, kioskDefault.Countdown},
		{"attract", &k.Attract, kioskMin.Attract, kioskMax.Attract, kioskDefault.Attract},
	} {
		s, ok := params[p.name]
		if !ok || s == "" {
			continue
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < p.min || n > p.max {
			problems = append(problems, fmt.Sprintf("%s: %q is not a whole number of seconds from %d to %d; using %d", p.name, s, p.min, p.max, p.def))
			continue
		}
		*p.to = n
	}
	return k, problems
}

// Drift periods in ticks (60 a second) and amplitudes: the attract loop's
// camera wanders slowly enough that a passer-by sees a living picture
// rather than motion, and far enough that no line of the picture stays on
// the same pixels for hours (burn-in care). Periods that share no factor
// make the path never quite repeat.
const (
	driftZoomTicks = 97 * 60
	driftXTicks    = 71 * 60
	driftYTicks    = 53 * 60
	driftZoom      = 0.08 // up to 8% closer
	driftPan       = 0.03 // up to 3% of the screen's width or height
)

// DriftAt is the attract loop's camera wander t ticks after it began: a zoom
// factor f about the screen's centre and a shift (dx, dy) in device pixels
// for a screen w by h. It starts from no change at t = 0, so turning it on
// never jumps.
func DriftAt(t int64, w, h float64) (f, dx, dy float64) {
	phase := func(period int64) float64 { return 2 * math.Pi * float64(t%period) / float64(period) }
	f = 1 + driftZoom*(1-math.Cos(phase(driftZoomTicks)))/2
	dx = driftPan * w * math.Sin(phase(driftXTicks))
	dy = driftPan * h * math.Sin(phase(driftYTicks))
	return f, dx, dy
}

// Drifted applies a DriftAt to a camera's zoom and pan (device pixels) on a
// screen w by h: the picture scales by f about the screen's centre, then
// shifts by (dx, dy).
func Drifted(zoom, panX, panY, f, dx, dy, w, h float64) (float64, float64, float64) {
	cx, cy := w/2, h/2
	return zoom * f, (panX-cx)*f + cx + dx, (panY-cy)*f + cy + dy
}
