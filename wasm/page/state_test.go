package page_test

import (
	"encoding/json"
	"fmt"
	"ouroboros/wasm/dataset/datasettest"
	"reflect"
	"testing"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/page"
	"ouroboros/wasm/scene"
	"ouroboros/wasm/session"
)

func TestLoopsByID(t *testing.T) {
	d := datasettest.TwoWay()
	got := page.Loops(d, analysis.New(d).At(dataset.Date{}))
	five, first := 5.0, 1
	want := []page.Loop{{Entities: []string{"a", "b"}, Deals: []string{"d2", "d3", "d1"}, RoundTripValue: &five, RoundTripText: "$5",
		Kind: "circular", Rank: &first, KindText: "circular deal"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestReadJSON(t *testing.T) {
	d := datasettest.TwoWay()
	o := session.Options{Select: 0, Story: -1, AsOf: dataset.Date{Year: 2025, Month: 6}, Reduced: true}
	ss := session.New(d, analysis.New(d), o)
	ss.SetScreen(session.View{Width: 800, Height: 600, DPR: 2})
	pos := [][2]float64{{0.25, 0.5}, {0.75, 0.5}}
	ss.SetLayout(pos, true)
	ss.Tick()
	b := scene.NewFrame(d, nil, nil)
	look := ss.Look()
	scene.Build(b, network(d, look.AsOf), pos, look)
	s := page.Read(ss, b, []string{"p"})
	raw, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	json.Unmarshal(raw, &got)
	for _, key := range []string{"dataset", "loops", "loopsTruncated", "selection", "story", "step", "asOf", "paused", "mode", "motion"} {
		if _, ok := got[key]; !ok {
			t.Errorf("state lacks %q: %s", key, raw)
		}
	}
	// The loops carry their class and rank; the reading and the canvas
	// legend's key come with the state.
	if l := got["loops"].([]any)[0].(map[string]any); l["kind"] != "circular" || l["rank"] != 1.0 {
		t.Errorf("loop %v, want kind circular, rank 1", l)
	}
	if r := got["reading"].(map[string]any); r["headline"] == "" || r["rule"] == "" {
		t.Errorf("reading %v", r)
	}
	if k := got["explore"].(map[string]any)["legend"].(map[string]any)["key"].(map[string]any); k["loop"] == "" || len(k["widths"].([]any)) != 3 {
		t.Errorf("legend key %v, want the loop colour and three widths", k)
	}
	if got["asOf"] != "2025-06" || got["motion"] != "reduced" || got["mode"] != "page" || got["selection"] != "b" || !s.View.Settled {
		t.Errorf("asOf %v, motion %v, mode %v, selection %v", got["asOf"], got["motion"], got["mode"], got["selection"])
	}
	// As of 2025-06 the a→b deal d3 (2025-07) is not there yet, and d2 has no
	// amount, so the loop's round trip is unknown.
	if ls := s.Loops; len(ls) != 1 || ls[0].RoundTripValue != nil || !reflect.DeepEqual(ls[0].Deals, []string{"d2", "d1"}) {
		t.Errorf("loops %+v, want one loop via d2 and d1 with an unknown round trip", ls)
	}
	// The kiosk's timers and its phase sit side by side; out of kiosk mode
	// there is no phase.
	if k := got["kiosk"].(map[string]any); k["idle"] != 90.0 || k["phase"] != "" || k["left"] != 0.0 {
		t.Errorf("kiosk %v, want the default timers and no phase", k)
	}
	// The selection's card carries the analysis' report: b pays a 5.
	sel := got["selected"].(map[string]any)
	if sel["name"] != "B" || sel["report"].(map[string]any)["out"].(map[string]any)["total"] != 5.0 {
		t.Errorf("selected %v, want B's card with its report", sel)
	}
	// Positions are reported in CSS pixels.
	e := s.View.Entities[0]
	if s.View.Width != 400 || e.X != float64(b.Discs[0].X)/2 || e.Color != "#112233" {
		t.Errorf("view %+v, first entity %+v", s.View, e)
	}
}

func network(d *dataset.Dataset, asOf dataset.Date) *scene.Network {
	return scene.NewNetwork(d, analysis.New(d).At(asOf))
}

// The state says the theme, and every colour the page paints (the card's
// swatch, the legend's kinds and key, the entities' colours) is the
// theme's, as the canvas draws it.
func TestStateFollowsTheTheme(t *testing.T) {
	d := datasettest.TwoWay()
	// A bright kind, which the light theme must darken.
	d.Kinds[d.Entities[0].Kind].Color = dataset.RGB{R: 0xf2, G: 0xc1, B: 0x4e}
	for _, theme := range []session.Theme{session.Dark, session.Light} {
		t.Run(theme.String(), func(t *testing.T) {
			ss := session.New(d, analysis.New(d), session.Options{Select: 0, Story: -1, Theme: theme})
			ss.SetScreen(session.View{Width: 800, Height: 600, DPR: 1})
			pos := [][2]float64{{0.25, 0.5}, {0.75, 0.5}}
			ss.SetLayout(pos, true)
			ss.Tick()
			b := scene.NewFrame(d, nil, nil)
			look := ss.Look()
			if look.Theme != theme {
				t.Fatalf("the look's theme %v, want %v", look.Theme, theme)
			}
			scene.Build(b, network(d, look.AsOf), pos, look)
			s := page.Read(ss, b, nil)
			if s.Theme != theme.String() {
				t.Errorf("state theme %q, want %q", s.Theme, theme)
			}
			hex := func(c dataset.RGB) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }
			kind := d.Kinds[d.Entities[0].Kind]
			want := hex(scene.KindColor(kind, theme))
			if theme == session.Light && want == hex(kind.Color) {
				t.Fatalf("kind %s keeps %s in the light theme: the test shows nothing", kind.Key, want)
			}
			if s.Selected.Color != want || s.View.Entities[0].Color != want || s.Explore.Legend.Kinds[d.Entities[0].Kind].Color != want {
				t.Errorf("card %s, view %s, legend %s, want %s", s.Selected.Color, s.View.Entities[0].Color, s.Explore.Legend.Kinds[d.Entities[0].Kind].Color, want)
			}
			if !reflect.DeepEqual(s.Explore.Legend.Key, page.NewLegendKey(b.Network().MaxTotal, d.Currency, theme)) {
				t.Errorf("legend key %+v is not the %s theme's", s.Explore.Legend.Key, theme)
			}
		})
	}
}
