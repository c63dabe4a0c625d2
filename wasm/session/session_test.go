package session_test

import (
	"math"
	"ouroboros/wasm/dataset/datasettest"
	"testing"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/session"
)

// screen is the canvas the tests' sessions draw on: 800 by 600 device
// pixels at DPR 1, with a square layout.
var screen = session.View{Width: 800, Height: 600, DPR: 1, Aspect: 1}

// grid places n entities on a grid in [0.1, 0.9], as a settled layout.
func grid(n int) [][2]float64 {
	side := int(math.Ceil(math.Sqrt(float64(n))))
	pos := make([][2]float64, n)
	for i := range pos {
		pos[i] = [2]float64{0.1 + 0.8*float64(i%side)/float64(max(side-1, 1)), 0.1 + 0.8*float64(i/side)/float64(max(side-1, 1))}
	}
	return pos
}

// open starts a session on d with a link's parameters, a screen and a
// settled layout, its first picture shown.
func open(t *testing.T, d *dataset.Dataset, params map[string]string) *session.Session {
	t.Helper()
	opts, problems := session.ParseOptions(d, params, session.Prefers{})
	if len(problems) > 0 {
		t.Fatalf("options: %q", problems)
	}
	s := session.New(d, analysis.New(d), opts)
	s.SetScreen(screen)
	s.SetLayout(grid(len(d.Entities)), true)
	s.Tick()
	s.Shown()
	s.Events()
	return s
}

// ticks advances s by n ticks.
func ticks(s *session.Session, n int) {
	for range n {
		s.Tick()
	}
}

// do gives s intents and a tick to take them.
func do(s *session.Session, in ...session.Intent) {
	for _, x := range in {
		s.Do(x)
	}
	s.Tick()
}

// heard lists the events' types.
func heard(s *session.Session) []string {
	var out []string
	for _, e := range s.Events() {
		out = append(out, e.Type)
	}
	return out
}

func has(list []string, x string) bool {
	for _, y := range list {
		if y == x {
			return true
		}
	}
	return false
}

// gesture plays pointer events (down and up at the same place, t ms
// apart) through Gestures and resolves each intent to the hit given.
func gesture(taps []float64, hit int) []session.Intent {
	var g session.Gestures
	var out []session.Intent
	for _, t := range taps {
		out = g.Pointer("down", 1, 100, 100, t, 1, out)
		out = g.Pointer("up", 1, 100, 100, t+40, 1, out)
	}
	for i := range out {
		out[i] = out[i].Resolved(hit, -1)
	}
	return out
}

func TestSelectByClickAndTap(t *testing.T) {
	for _, tc := range []struct {
		name   string
		before int // selected before
		taps   []float64
		hit    int // what the adapter found under the pointer
		want   int
		event  bool
	}{
		{"click on an entity selects it", -1, []float64{0}, 1, 1, true},
		{"tap on another entity moves the selection", 0, []float64{0}, 1, 1, true},
		{"tap on nothing clears", 1, []float64{0}, -1, -1, true},
		{"tap on the selected entity keeps it, quietly", 1, []float64{0}, 1, 1, false},
		{"two slow taps select twice", -1, []float64{0, 900}, 0, 0, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t, datasettest.TwoWay(), nil)
			do(s, session.Intent{Kind: session.Select, Entity: tc.before})
			s.Events()
			do(s, gesture(tc.taps, tc.hit)...)
			if got := s.Now().Selection; got != tc.want {
				t.Errorf("selection %d, want %d", got, tc.want)
			}
			if got := s.Look().Selected; got != tc.want {
				t.Errorf("the look selects %d, want %d", got, tc.want)
			}
			if got := has(heard(s), "select"); got != tc.event {
				t.Errorf("select event %v, want %v", got, tc.event)
			}
		})
	}
}

func TestDoubleTapZooms(t *testing.T) {
	for _, tc := range []struct {
		name     string
		hit      int
		selected int
		minZoom  float64
	}{
		{"on an entity: zoom to it and select it", 1, 1, 2.5},
		{"on nothing: zoom by 2 about the finger", -1, -1, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t, datasettest.TwoWay(), nil)
			in := gesture([]float64{0, 200}, tc.hit)
			if len(in) != 2 || in[1].Kind != session.DoubleTap {
				t.Fatalf("gestures %+v, want a tap then a double tap", in)
			}
			do(s, in...)
			v := s.Look().View
			if v.Zoom < tc.minZoom || s.Now().Selection != tc.selected {
				t.Errorf("zoom %v, selection %d; want at least %v, %d", v.Zoom, s.Now().Selection, tc.minZoom, tc.selected)
			}
			if tc.hit < 0 {
				return
			}
			// The entity comes to the middle of the screen.
			p := session.Fit(nil, grid(2), screen)[tc.hit]
			x, y := p[0]*v.Zoom+v.PanX, p[1]*v.Zoom+v.PanY
			if math.Abs(x-400) > 1 || math.Abs(y-300) > 1 {
				t.Errorf("entity drawn at (%v, %v), want the centre (400, 300)", x, y)
			}
		})
	}
}

func TestHoverIsHeardOnChange(t *testing.T) {
	s := open(t, datasettest.TwoWay(), nil)
	hover := func(entity, edge int) []string {
		do(s, session.Intent{Kind: session.HoverAt, X: 10, Y: 20}.Resolved(entity, edge))
		return heard(s)
	}
	if got := hover(1, -1); !has(got, "hover") {
		t.Errorf("hovering an entity: events %v, want hover", got)
	}
	if got := hover(1, -1); has(got, "hover") {
		t.Errorf("still on it: events %v, want none", got)
	}
	if got := hover(-1, 0); !has(got, "hover") {
		t.Errorf("onto an edge: events %v, want hover", got)
	}
	if e, edge := s.Hover(); e != -1 || edge != 0 {
		t.Errorf("hover %d %d, want edge 0", e, edge)
	}
}

// stepping opens the bundled dataset's first story at step 1, settled.
func stepping(t *testing.T, params map[string]string) (*session.Session, *dataset.Dataset) {
	t.Helper()
	d := datasettest.Bundled(t)
	s := open(t, d, params)
	do(s, session.Intent{Kind: session.GoToStep, Story: 0, Step: 0})
	ticks(s, session.GlideTicks+2)
	s.Events()
	return s, d
}

func TestStepChanges(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []session.Intent
		step int // from 0; -1 for no story
	}{
		{"next", []session.Intent{{Kind: session.NextStep}}, 1},
		{"next twice", []session.Intent{{Kind: session.NextStep}, {Kind: session.NextStep}}, 2},
		{"prev at the first stays", []session.Intent{{Kind: session.PrevStep}}, 0},
		{"next then prev", []session.Intent{{Kind: session.NextStep}, {Kind: session.PrevStep}}, 0},
		{"goToStep", []session.Intent{{Kind: session.GoToStep, Story: 0, Step: 4}}, 4},
		{"leave", []session.Intent{{Kind: session.GoToStep, Story: -1}}, -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, d := stepping(t, nil)
			do(s, tc.in...)
			n := s.Now()
			if tc.step < 0 {
				if n.Story != -1 || s.Look().Spot.On {
					t.Errorf("story %d, spot %v; want none", n.Story, s.Look().Spot.On)
				}
				return
			}
			if n.Story != 0 || n.Step != tc.step {
				t.Fatalf("story %d step %d, want 0, %d", n.Story, n.Step, tc.step)
			}
			st := d.Stories[0].Steps[tc.step]
			if n.AsOf != st.AsOf {
				t.Errorf("date %v, want the step's, %v", n.AsOf, st.AsOf)
			}
			// The date on screen walks to the step's, then stays.
			ticks(s, session.GlideTicks+2)
			if s.ShownAsOf() != st.AsOf || s.Easing() {
				t.Errorf("after the ease: shown %v, easing %v; want %v, still", s.ShownAsOf(), s.Easing(), st.AsOf)
			}
			if !s.Look().Spot.On || len(s.Look().Spot.Entities) != len(st.FocusEntities) {
				t.Errorf("spot %+v, want the step's focus", s.Look().Spot)
			}
		})
	}
}

func TestStepEvents(t *testing.T) {
	s, _ := stepping(t, nil)
	do(s, session.Intent{Kind: session.NextStep})
	got := heard(s)
	if !has(got, "step") || !has(got, "asof") && s.Now().AsOf != s.ShownAsOf() {
		t.Errorf("events %v, want step (and asof when the date changed)", got)
	}
}

func TestGlideAndFadeEndings(t *testing.T) {
	for _, tc := range []struct {
		name    string
		reduced bool
		input   *session.Intent // the reader's input after the first tick
		ticks   int             // then ticks
		easing  bool            // still easing after them (the camera, the fade or both)
		landed  bool            // the date and the spotlight are the step's
	}{
		{"eases over the glide", false, nil, 5, true, false},
		{"ends at its target", false, nil, session.GlideTicks + 2, false, true},
		// The camera glides on to the step's framing.
		{"a reader's select ends the fade at the step's date", false, &session.Intent{Kind: session.Select, Entity: 3}, 0, true, true},
		{"a reader's zoom ends the glide and the fade", false, &session.Intent{Kind: session.ZoomIn}, 0, false, true},
		{"reduced motion cuts", true, nil, 1, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			params := map[string]string{}
			if tc.reduced {
				params["motion"] = "reduced"
			}
			s, d := stepping(t, params)
			do(s, session.Intent{Kind: session.GoToStep, Story: 1, Step: 5})
			if !tc.reduced && !s.Easing() {
				t.Fatal("no ease after a step")
			}
			if tc.input != nil {
				do(s, *tc.input)
			}
			ticks(s, tc.ticks)
			if s.Easing() != tc.easing {
				t.Fatalf("easing %v, want %v", s.Easing(), tc.easing)
			}
			want := d.Stories[1].Steps[5].AsOf
			if landed := s.ShownAsOf() == want && s.Look().SpotMix == 1; landed != tc.landed {
				t.Errorf("shown %v, mix %v; want the step's date %v and its spotlight: %v", s.ShownAsOf(), s.Look().SpotMix, want, tc.landed)
			}
			if !tc.landed {
				return
			}
			if s.ShownAsOf() != want || s.Look().SpotMix != 1 {
				t.Errorf("shown %v, mix %v; want the step's date %v and its spotlight", s.ShownAsOf(), s.Look().SpotMix, want)
			}
		})
	}
}

func TestAutoplay(t *testing.T) {
	const every = 10
	for _, tc := range []struct {
		name  string
		after int // ticks after turning it on
		input *session.Intent
		step  int
		on    bool
	}{
		{"starts at the first story's first step", 0, nil, 0, true},
		{"moves on when the step's time is up", every, nil, 1, true},
		{"plays to the end and stops", every * 7, nil, 5, false},
		{"a reader's input stops it", every / 2, &session.Intent{Kind: session.Select, Entity: 0}, 0, false},
		{"hovering does not", every / 2, &session.Intent{Kind: session.HoverAt, Entity: -1, Edge: -1}, 1, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t, datasettest.Bundled(t), nil)
			do(s, session.Intent{Kind: session.SetAutoplay, Entity: 1, Ticks: every})
			if got := heard(s); !has(got, "autoplay") || !has(got, "step") {
				t.Errorf("events %v, want autoplay and step", got)
			}
			ticks(s, tc.after-1)
			if tc.input != nil {
				do(s, *tc.input)
				ticks(s, every/2)
			}
			n := s.Now()
			if n.Story != 0 || n.Step != tc.step || s.Autoplay() != tc.on {
				t.Errorf("story %d step %d, autoplay %v; want 0, %d, %v", n.Story, n.Step, s.Autoplay(), tc.step, tc.on)
			}
		})
	}
}

func TestDriftOnOff(t *testing.T) {
	for _, tc := range []struct {
		name    string
		reduced bool
		moves   bool
	}{
		{"drift moves the camera", false, true},
		{"reduced motion keeps it still", true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			params := map[string]string{}
			if tc.reduced {
				params["motion"] = "reduced"
			}
			s := open(t, datasettest.TwoWay(), params)
			before := s.Look().View
			do(s, session.Intent{Kind: session.Drift, Entity: 1})
			ticks(s, 10*second)
			v := s.Look().View
			moved := v.Zoom != before.Zoom || v.PanX != before.PanX
			if moved != tc.moves || s.Drifting() != tc.moves {
				t.Fatalf("moved %v, drifting %v; want %v", moved, s.Drifting(), tc.moves)
			}
			// Off, the camera keeps the drifted view: no jump.
			do(s, session.Intent{Kind: session.Drift})
			after := s.Look().View
			if s.Drifting() || math.Abs(after.Zoom-v.Zoom) > 1e-3 || math.Abs(after.PanX-v.PanX) > 2 {
				t.Errorf("drift off: %+v, want about %+v and still", after, v)
			}
		})
	}
}

func TestMoves(t *testing.T) {
	for _, tc := range []struct {
		name   string
		params map[string]string
		in     []session.Intent
		moves  bool
	}{
		{"particles flow", nil, nil, true},
		{"paused", nil, []session.Intent{{Kind: session.Pause}}, false},
		{"reduced motion, nothing playing", map[string]string{"motion": "reduced"}, nil, false},
		{"reduced motion, the timeline playing", map[string]string{"motion": "reduced"}, []session.Intent{{Kind: session.PlayTimeline}}, true},
		{"paused but drifting", nil, []session.Intent{{Kind: session.Pause}, {Kind: session.Drift, Entity: 1}}, true},
		{"a kiosk counts its idle time", map[string]string{"mode": "kiosk", "motion": "reduced"}, []session.Intent{{Kind: session.Activity}}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t, datasettest.TwoWay(), tc.params)
			do(s, tc.in...)
			ticks(s, session.GlideTicks+2)
			if got := s.Moves(); got != tc.moves {
				t.Errorf("moves %v, want %v", got, tc.moves)
			}
		})
	}
	s := open(t, datasettest.TwoWay(), map[string]string{"motion": "reduced"})
	s.Do(session.Intent{Kind: session.Select, Entity: 1})
	if !s.Moves() {
		t.Error("an intent waits, yet nothing moves")
	}
}

// TestTickAllocatesNothing: a steady tick (particles flowing, the camera
// drifting, nothing touched) and its Look allocate nothing, as a frame
// must not.
func TestTickAllocatesNothing(t *testing.T) {
	s := open(t, datasettest.Bundled(t), nil)
	do(s, session.Intent{Kind: session.Drift, Entity: 1})
	ticks(s, 10)
	s.Events()
	if n := testing.AllocsPerRun(100, func() {
		s.Tick()
		_ = s.Look()
	}); n != 0 {
		t.Errorf("%v allocations a tick, want 0", n)
	}
}
