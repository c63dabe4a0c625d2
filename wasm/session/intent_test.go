package session_test

import (
	"errors"
	"ouroboros/wasm/dataset/datasettest"
	"reflect"
	"strings"
	"testing"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/session"
)

func TestParseCommand(t *testing.T) {
	d := datasettest.TwoWay() // entities b (0) and a (1)
	for _, tc := range []struct {
		name string
		raw  string
		want session.Intent
		err  string // part of the message; empty when accepted
	}{
		{"select", `{"type":"select","id":"a"}`, session.Intent{Kind: session.Select, Entity: 1}, ""},
		{"select null clears", `{"type":"select","id":null}`, session.Intent{Kind: session.Select, Entity: -1}, ""},
		{"select without id clears", `{"type":"select"}`, session.Intent{Kind: session.Select, Entity: -1}, ""},
		{"select unknown", `{"type":"select","id":"zzz"}`, session.Intent{}, `"zzz" is not an entity id`},
		{"select number", `{"type":"select","id":3}`, session.Intent{}, "entity id string or null"},
		{"setAsOf", `{"type":"setAsOf","date":"2025-10"}`, session.Intent{Kind: session.SetAsOf, AsOf: dataset.Date{Year: 2025, Month: 10}}, ""},
		{"setAsOf null", `{"type":"setAsOf","date":null}`, session.Intent{Kind: session.SetAsOf}, ""},
		{"setAsOf bad", `{"type":"setAsOf","date":"2025-13"}`, session.Intent{}, "setAsOf:"},
		{"play", `{"type":"play"}`, session.Intent{Kind: session.Play}, ""},
		{"pause", `{"type":"pause"}`, session.Intent{Kind: session.Pause}, ""},
		{"reset", `{"type":"reset"}`, session.Intent{Kind: session.Reset}, ""},
		{"next", `{"type":"next"}`, session.Intent{Kind: session.NextStep}, ""},
		{"activity", `{"type":"activity"}`, session.Intent{Kind: session.Activity}, ""},
		{"goToStep without stories", `{"type":"goToStep","story":"circle","step":1}`, session.Intent{}, `"circle" is not a story`},
		{"goToStep null leaves", `{"type":"goToStep","story":null}`, session.Intent{Kind: session.GoToStep, Story: -1}, ""},
		{"toggleKind", `{"type":"toggleKind","kind":"k"}`, session.Intent{Kind: session.ToggleKind, Entity: 0}, ""},
		{"toggleKind unknown", `{"type":"toggleKind","kind":"zz"}`, session.Intent{}, `"zz" is not a kind`},
		{"toggleDealType", `{"type":"toggleDealType","dealType":"chips"}`, session.Intent{Kind: session.ToggleType, Entity: int(dataset.Chips)}, ""},
		{"toggleStatus bad", `{"type":"toggleStatus","status":"maybe"}`, session.Intent{}, "toggleStatus:"},
		{"pickLoop", `{"type":"pickLoop","entities":["a","b"]}`, session.Intent{Kind: session.PickLoop, Key: "a b"}, ""},
		{"pickLoop clear", `{"type":"pickLoop"}`, session.Intent{Kind: session.PickLoop}, ""},
		{"stepTime", `{"type":"stepTime","by":-1}`, session.Intent{Kind: session.StepTime, Entity: -1}, ""},
		{"stepTime bad", `{"type":"stepTime","by":3}`, session.Intent{}, "1 or -1"},
		{"drift on", `{"type":"drift","on":true}`, session.Intent{Kind: session.Drift, Entity: 1}, ""},
		{"drift off", `{"type":"drift","on":false}`, session.Intent{Kind: session.Drift}, ""},
		{"drift without on", `{"type":"drift"}`, session.Intent{}, `"on", true or false`},
		{"drift on a string", `{"type":"drift","on":"yes"}`, session.Intent{}, `string "type"`},
		{"unknown type", `{"type":"explode"}`, session.Intent{}, `"explode" is not a command`},
		{"no type", `{"id":"a"}`, session.Intent{}, `string "type"`},
		{"not an object", `[1,2]`, session.Intent{}, `string "type"`},
		{"not JSON", `{`, session.Intent{}, `string "type"`},
		{"huge", `{"type":"select","id":"` + strings.Repeat("x", 5000) + `"}`, session.Intent{}, "at most 4096 bytes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := session.ParseCommand(d, []byte(tc.raw))
			if tc.err == "" {
				if err != nil || got != tc.want {
					t.Errorf("got %+v, %v; want %+v", got, err, tc.want)
				}
				return
			}
			if err == nil || !errors.Is(err, session.ErrCommand) || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("error %v, want one saying %q", err, tc.err)
			}
		})
	}
}

func TestApply(t *testing.T) {
	start := session.Now{Selection: 1, AsOf: dataset.Date{Year: 2025}}
	n := start
	if c := n.Apply(session.Intent{Kind: session.Select, Entity: 1}); c.Any() {
		t.Errorf("selecting the selected entity changed %+v", c)
	}
	if c := n.Apply(session.Intent{Kind: session.Select, Entity: -1}); !c.Selection || n.Selection != -1 {
		t.Errorf("clear: %+v, now %+v", c, n)
	}
	if c := n.Apply(session.Intent{Kind: session.Pause}); !c.Paused || !n.Paused {
		t.Errorf("pause: %+v, now %+v", c, n)
	}
	if c := n.Apply(session.Intent{Kind: session.SetAsOf}); !c.AsOf || !n.AsOf.IsZero() {
		t.Errorf("clear date: %+v, now %+v", c, n)
	}
	n.Apply(session.Intent{Kind: session.Select, Entity: 0})
	if c := n.Apply(session.Intent{Kind: session.Reset}); !c.Selection || !c.Paused || n != (session.Now{Selection: -1, Focus: -1, Story: -1}) {
		t.Errorf("reset: %+v, now %+v; want nothing selected, every date, playing", c, n)
	}
}

func TestApplyFiltersLoopsTimeline(t *testing.T) {
	n := session.Now{Selection: -1, Focus: -1}
	if c := n.Apply(session.Intent{Kind: session.ToggleKind, Entity: 2}); !c.Filter || n.Filter.Kinds != 4 {
		t.Errorf("toggle kind: %+v %+v", c, n.Filter)
	}
	n.Apply(session.Intent{Kind: session.BindingOnly})
	if n.Filter.Statuses != session.Binding {
		t.Errorf("binding only: %b", n.Filter.Statuses)
	}
	n.Apply(session.Intent{Kind: session.BindingOnly})
	if n.Filter.Statuses != 0 {
		t.Errorf("binding only twice: %b", n.Filter.Statuses)
	}
	if c := n.Apply(session.Intent{Kind: session.ShowAll}); !c.Filter || n.Filter.Active() {
		t.Errorf("show all: %+v", n.Filter)
	}
	if c := n.Apply(session.Intent{Kind: session.PickLoop, Key: "a b"}); !c.Loop || n.Loop != "a b" {
		t.Errorf("pick loop: %+v", n)
	}
	if c := n.Apply(session.Intent{Kind: session.ToggleTimeline}); !c.Playing || !n.Playing {
		t.Errorf("play: %+v", n)
	}
}

func TestGestures(t *testing.T) {
	kinds := func(in []session.Intent) []session.IntentKind {
		var out []session.IntentKind
		for _, x := range in {
			out = append(out, x.Kind)
		}
		return out
	}
	for _, tc := range []struct {
		name   string
		events [][5]float64 // kind (0 down, 1 move, 2 up, 3 cancel), id, x, y, t
		dpr    float64
		want   []session.IntentKind
	}{
		{"up with no down", [][5]float64{{2, 1, 10, 10, 0}}, 1, nil},
		{"tap", [][5]float64{{0, 1, 10, 10, 0}, {2, 1, 14, 13, 80}}, 1, []session.IntentKind{session.Tap}},
		{"hover", [][5]float64{{1, 1, 10, 10, 0}}, 1, []session.IntentKind{session.HoverAt}},
		{"drag pans, no tap", [][5]float64{{0, 1, 10, 10, 0}, {1, 1, 40, 10, 20}, {1, 1, 60, 10, 40}, {2, 1, 60, 10, 60}}, 1,
			[]session.IntentKind{session.PanBy, session.PanBy}},
		{"small wobble is still a tap", [][5]float64{{0, 1, 10, 10, 0}, {1, 1, 12, 11, 20}, {2, 1, 12, 11, 40}}, 1, []session.IntentKind{session.Tap}},
		{"tap radius scales with DPR", [][5]float64{{0, 1, 0, 0, 0}, {2, 1, 20, 0, 50}}, 3, []session.IntentKind{session.Tap}},
		{"double tap", [][5]float64{{0, 1, 10, 10, 0}, {2, 1, 10, 10, 50}, {0, 1, 12, 10, 200}, {2, 1, 12, 10, 250}}, 1,
			[]session.IntentKind{session.Tap, session.DoubleTap}},
		{"two slow taps", [][5]float64{{0, 1, 10, 10, 0}, {2, 1, 10, 10, 50}, {0, 1, 10, 10, 900}, {2, 1, 10, 10, 950}}, 1,
			[]session.IntentKind{session.Tap, session.Tap}},
		{"pinch zooms and pans", [][5]float64{{0, 1, 100, 100, 0}, {0, 2, 200, 100, 5}, {1, 2, 300, 100, 30}, {2, 2, 300, 100, 60}, {2, 1, 100, 100, 70}}, 1,
			[]session.IntentKind{session.ZoomAt, session.PanBy}},
		{"cancel", [][5]float64{{0, 1, 0, 0, 0}, {3, 1, 0, 0, 10}, {2, 1, 0, 0, 20}}, 1, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var g session.Gestures
			var got []session.Intent
			for _, e := range tc.events {
				got = g.Pointer([]string{"down", "move", "up", "cancel"}[int(e[0])], int(e[1]), e[2], e[3], e[4], tc.dpr, got)
			}
			if k := kinds(got); !reflect.DeepEqual(k, tc.want) {
				t.Errorf("got %v, want %v", k, tc.want)
			}
		})
	}
	// The pinch's factor is the ratio of the fingers' distances.
	var g session.Gestures
	g.Pointer("down", 1, 100, 100, 0, 1, nil)
	g.Pointer("down", 2, 200, 100, 0, 1, nil)
	out := g.Pointer("move", 2, 300, 100, 10, 1, nil)
	if out[0].F != 2 || out[0].X != 200 {
		t.Errorf("pinch %+v, want ×2 about x=200", out[0])
	}
	if w := session.Wheel(100, 5, 6); w.Kind != session.ZoomAt || w.F >= 1 || w.X != 5 {
		t.Errorf("wheel down %+v, want a zoom out about the pointer", w)
	}
}

func TestKeyIntent(t *testing.T) {
	if in, ok := session.KeyIntent("Escape"); !ok || in != (session.Intent{Kind: session.Select, Entity: -1}) {
		t.Errorf("Escape: %+v %v, want clear the selection", in, ok)
	}
	for key, want := range map[string]session.IntentKind{"+": session.ZoomIn, "-": session.ZoomOut, "0": session.FitAll, " ": session.ToggleTimeline,
		"ArrowLeft": session.StepTime, "ArrowDown": session.FollowOut, "ArrowUp": session.FollowIn, session.Blur: session.BlurCanvas} {
		if in, ok := session.KeyIntent(key); !ok || in.Kind != want {
			t.Errorf("%q: %+v, want %v", key, in, want)
		}
	}
	for _, key := range []string{"q", "Tab", "Shift+Tab", "Enter"} {
		if _, ok := session.KeyIntent(key); ok {
			t.Errorf("%q does something outside the canvas: Tab and Enter are the browser's there", key)
		}
	}
}
