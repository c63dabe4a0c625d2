package session_test

import (
	"math"
	"ouroboros/wasm/dataset/datasettest"
	"strings"
	"testing"

	"ouroboros/wasm/session"
)

func TestParseKioskTimes(t *testing.T) {
	for _, tc := range []struct {
		name     string
		params   map[string]string
		want     session.KioskTimes // resolved
		problems []string           // prefixes
	}{
		{"defaults", nil, session.KioskTimes{Idle: 90, Countdown: 10, Attract: 12}, nil},
		{"all set", map[string]string{"idle": "20", "countdown": "5", "attract": "2"}, session.KioskTimes{Idle: 20, Countdown: 5, Attract: 2}, nil},
		{"bounds are inclusive", map[string]string{"idle": "3", "countdown": "120", "attract": "600"}, session.KioskTimes{Idle: 3, Countdown: 120, Attract: 600}, nil},
		{"empty means default", map[string]string{"idle": ""}, session.KioskTimes{Idle: 90, Countdown: 10, Attract: 12}, nil},
		{"bad values reported, defaults kept", map[string]string{"idle": "2", "countdown": "ten", "attract": "1.5"},
			session.KioskTimes{Idle: 90, Countdown: 10, Attract: 12},
			[]string{`idle: "2" is not a whole number of seconds from 3 to 3600; using 90`, `countdown: "ten"`, `attract: "1.5"`}},
		{"too long", map[string]string{"idle": "3601"}, session.KioskTimes{Idle: 90, Countdown: 10, Attract: 12}, []string{`idle: "3601"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o, problems := session.ParseOptions(datasettest.TwoWay(), tc.params, session.Prefers{})
			if got := o.Kiosk.Resolved(); got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
			if len(problems) != len(tc.problems) {
				t.Fatalf("problems %q, want %d", problems, len(tc.problems))
			}
			for i, p := range tc.problems {
				if !strings.HasPrefix(problems[i], p) {
					t.Errorf("problem %d = %q, want it to start %q", i, problems[i], p)
				}
			}
		})
	}
}

func TestDrift(t *testing.T) {
	const w, h = 1920, 1080
	f, dx, dy := session.DriftAt(0, w, h)
	if f != 1 || dx != 0 || dy != 0 {
		t.Errorf("DriftAt(0) = %v, %v, %v; want no change, so turning it on never jumps", f, dx, dy)
	}
	// Over an hour: it stays within its bounds, moves every second by less
	// than half a percent of the screen (slow), and wanders far (burn-in care).
	var minF, maxF, minX, maxX, minY, maxY = 1.0, 1.0, 0.0, 0.0, 0.0, 0.0
	pf, px, py := f, dx, dy
	for tick := int64(60); tick <= 3600*60; tick += 60 {
		f, dx, dy := session.DriftAt(tick, w, h)
		if f < 1 || f > 1.08 || math.Abs(dx) > 0.03*w+1e-9 || math.Abs(dy) > 0.03*h+1e-9 {
			t.Fatalf("DriftAt(%d) = %v, %v, %v: out of bounds", tick, f, dx, dy)
		}
		if step := math.Hypot(dx-px, dy-py) + math.Abs(f-pf)*w/2; step > 0.005*w {
			t.Fatalf("DriftAt moved %.1f px in the second before tick %d: not slow", step, tick)
		}
		pf, px, py = f, dx, dy
		minF, maxF = math.Min(minF, f), math.Max(maxF, f)
		minX, maxX = math.Min(minX, dx), math.Max(maxX, dx)
		minY, maxY = math.Min(minY, dy), math.Max(maxY, dy)
	}
	if maxF-minF < 0.07 || maxX-minX < 0.05*w || maxY-minY < 0.05*h {
		t.Errorf("over an hour the drift covers zoom %v..%v, x %v..%v, y %v..%v: too little to spare the screen", minF, maxF, minX, maxX, minY, maxY)
	}
}

func TestDriftedScalesAboutTheCentre(t *testing.T) {
	// A point at the screen's centre stays there under a pure zoom.
	const w, h = 800, 600
	zoom, panX, panY := 2.0, -100.0, 50.0
	fx, fy := (w/2-panX)/zoom, (h/2-panY)/zoom // the fitted point drawn at the centre
	z, x, y := session.Drifted(zoom, panX, panY, 1.05, 0, 0, w, h)
	if sx, sy := fx*z+x, fy*z+y; math.Abs(sx-w/2) > 1e-9 || math.Abs(sy-h/2) > 1e-9 {
		t.Errorf("the centre moved to (%v, %v)", sx, sy)
	}
	if z != 2.1 {
		t.Errorf("zoom %v, want 2.1", z)
	}
	// A shift moves everything by the shift.
	_, x, y = session.Drifted(zoom, panX, panY, 1, 7, -3, w, h)
	if x != panX+7 || y != panY-3 {
		t.Errorf("pan (%v, %v), want (%v, %v)", x, y, panX+7, panY-3)
	}
}

// A kiosk's picture sets its text larger; a page's does not.
func TestKioskScalesTheText(t *testing.T) {
	d := datasettest.TwoWay()
	for mode, want := range map[string]float64{"kiosk": session.KioskTextScale, "page": 0} {
		s := open(t, d, map[string]string{"mode": mode})
		if got := s.Look().View.TextScale; got != want {
			t.Errorf("mode %s: text scale %v, want %v", mode, got, want)
		}
	}
}
