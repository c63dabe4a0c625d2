package view_test

import (
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/scene"
	"ouroboros/wasm/session"
	"ouroboros/wasm/view"
)

func TestParseOptions(t *testing.T) {
	for _, tc := range []struct {
		name     string
		params   map[string]string
		reduced  bool
		want     view.Options
		problems []string // prefixes
	}{
		{"defaults", nil, false, view.Options{Select: -1, Story: -1}, nil},
		{"browser prefers reduced motion", nil, true, view.Options{Select: -1, Story: -1, Reduced: true}, nil},
		{"link overrides the browser", map[string]string{"motion": "full"}, true, view.Options{Select: -1, Story: -1}, nil},
		{"all known", map[string]string{"select": "a", "asOf": "2025-10", "mode": "kiosk", "motion": "reduced"}, false,
			view.Options{Select: 1, Story: -1, AsOf: dataset.Date{Year: 2025, Month: 10}, Mode: view.Kiosk, Reduced: true}, nil},
		{"embed", map[string]string{"mode": "embed"}, false, view.Options{Select: -1, Story: -1, Mode: view.Embed}, nil},
		{"unknown parameters ignored", map[string]string{"utm_source": "x", "data": "a.json"}, false, view.Options{Select: -1, Story: -1}, nil},
		{"bad values reported, rest kept", map[string]string{"select": "zzz", "asOf": "2025-02-30", "mode": "poster", "motion": "slow"}, false,
			view.Options{Select: -1, Story: -1}, []string{`select: "zzz"`, `asOf: "2025-02-30"`, `mode: "poster"`, `motion: "slow"`}},
		{"a story this dataset lacks", map[string]string{"story": "x", "step": "2"}, false, view.Options{Select: -1, Story: -1}, []string{`story: "x" is not a story`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, problems := view.ParseOptions(tiny(), tc.params, tc.reduced)
			if got != tc.want {
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

func tiny() *dataset.Dataset {
	doc := `{"format":"ouroboros/1","title":"T","asOf":"2026-01","kinds":{"k":{"label":"K","color":"#112233"}},
	"entities":[{"id":"b","name":"B","kind":"k"},{"id":"a","name":"A","kind":"k"}],
	"deals":[{"id":"d1","from":"b","to":"a","type":"equity","amount":{"value":5},"date":"2025","status":"completed","summary":"s","sources":["s"]},
	         {"id":"d2","from":"a","to":"b","type":"compute","date":"2025-06","status":"announced","summary":"s","sources":["s"]},
	         {"id":"d3","from":"a","to":"b","type":"chips","amount":{"value":7},"date":"2025-07","status":"reported","summary":"s","sources":["s"]}],
	"sources":{"s":{"publisher":"P","url":"https://example.com/"}}}`
	d, err := dataset.Load([]byte(doc))
	if err != nil {
		panic(err)
	}
	return d
}

func TestLoopsByID(t *testing.T) {
	d := tiny()
	got := view.Loops(d, analysis.New(d).At(dataset.Date{}))
	five := 5.0
	want := []view.Loop{{Entities: []string{"a", "b"}, Deals: []string{"d2", "d3", "d1"}, RoundTripValue: &five, RoundTripText: "$5"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestSnapshotJSON(t *testing.T) {
	d := tiny()
	b := scene.NewFrame(d, nil, nil)
	v := session.View{Width: 800, Height: 600, DPR: 2}
	scene.Build(b, network(d, dataset.Date{}), [][2]float64{{0.25, 0.5}, {0.75, 0.5}}, session.Look{View: v, Selected: -1, Focus: -1, SpotMix: 1})
	o := view.Options{Select: 0, Story: -1, AsOf: dataset.Date{Year: 2025, Month: 6}, Reduced: true}
	s := view.Snapshot(d, analysis.New(d).At(o.AsOf), o, view.Start(o), []string{"p"}, b, v, true)
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
	if got["asOf"] != "2025-06" || got["motion"] != "reduced" || got["mode"] != "page" || got["selection"] != "b" {
		t.Errorf("asOf %v, motion %v, mode %v, selection %v", got["asOf"], got["motion"], got["mode"], got["selection"])
	}
	// As of 2025-06 the a→b deal d3 (2025-07) is not there yet, and d2 has no
	// amount, so the loop's round trip is unknown.
	if ls := s.Loops; len(ls) != 1 || ls[0].RoundTripValue != nil || !reflect.DeepEqual(ls[0].Deals, []string{"d2", "d1"}) {
		t.Errorf("loops %+v, want one loop via d2 and d1 with an unknown round trip", ls)
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

func TestLayoutAspect(t *testing.T) {
	for _, tc := range []struct {
		name string
		v    session.View
		want float64
	}{
		{"square", session.View{Width: 624, Height: 624, DPR: 1}, 1},
		{"phone is tall but not a strip", session.View{Width: 390, Height: 844, DPR: 1, TopInset: 60}, 0.55},
		{"desktop", session.View{Width: 1304, Height: 824, DPR: 1}, 1280.0 / 800},
		{"very wide", session.View{Width: 3000, Height: 600, DPR: 1}, 1.9},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := view.LayoutAspect(tc.v); math.Abs(got-tc.want) > 1e-9 {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
	if view.Reshape(1.5, 1.6) || !view.Reshape(1.6, 0.6) || !view.Reshape(0.6, 1.0) {
		t.Error("Reshape: want small changes kept, large ones reshaped")
	}
}

func TestLayoutGraph(t *testing.T) {
	d := tiny()
	d.Entities[0].Pinned, d.Entities[0].Pin = true, [2]float64{0.1, 0.9}
	g := view.LayoutGraph(d, analysis.New(d).At(dataset.Date{}))
	if g.N != 2 || len(g.Edges) != 2 || len(g.Loops) != 1 {
		t.Errorf("N %d, %d edges, %d loops; want 2, 2 (one per ordered pair), 1", g.N, len(g.Edges), len(g.Loops))
	}
	if !g.Pinned[0] || g.Pin[0] != [2]float64{0.1, 0.9} || g.Pinned[1] {
		t.Errorf("pins %v %v, want entity 0 pinned at (0.1, 0.9)", g.Pinned, g.Pin)
	}
	// Both entities carry the same money (12 in, 12 out), so the same weight.
	if g.Weight[0] != 1 || g.Weight[1] != 1 || g.Radius[0] != g.Radius[1] {
		t.Errorf("weights %v, radii %v", g.Weight, g.Radius)
	}
}

func network(d *dataset.Dataset, asOf dataset.Date) *scene.Network {
	return scene.NewNetwork(d, analysis.New(d).At(asOf))
}

// TestYearMarks counts by hand the loops at the end of each year of a
// small dataset: a↔b closes in 2023-09; b→c→a adds a→b→c→a in 2024-11;
// c→b (b↔c) in 2025-05 and a→c in 2025-12 (a↔c, a→c→b→a) make five.
func TestYearMarks(t *testing.T) {
	doc := `{"format":"ouroboros/1","title":"T","asOf":"2026-02-03","kinds":{"k":{"label":"K","color":"#112233"}},
	"entities":[{"id":"a","name":"A","kind":"k"},{"id":"b","name":"B","kind":"k"},{"id":"c","name":"C","kind":"k"}],
	"deals":[{"id":"d1","from":"a","to":"b","type":"equity","date":"2023-03","status":"completed","summary":"s","sources":["s"]},
	         {"id":"d2","from":"b","to":"a","type":"compute","date":"2023-09","status":"completed","summary":"s","sources":["s"]},
	         {"id":"d3","from":"b","to":"c","type":"chips","date":"2024-02","status":"completed","summary":"s","sources":["s"]},
	         {"id":"d4","from":"c","to":"a","type":"compute","date":"2024-11-20","status":"completed","summary":"s","sources":["s"]},
	         {"id":"d5","from":"c","to":"b","type":"chips","date":"2025-05","status":"completed","summary":"s","sources":["s"]},
	         {"id":"d6","from":"a","to":"c","type":"equity","date":"2025-12","status":"completed","summary":"s","sources":["s"]}],
	"sources":{"s":{"publisher":"P","url":"https://example.com/"}}}`
	d, err := dataset.Load([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	an := analysis.New(d)
	got := view.YearMarks(an, dataset.Date{Year: 2024, Month: 3})
	want := []view.YearMark{
		{Year: "2023", AsOf: "2023-09", Loops: 1, LoopsText: "1 loop", Label: "2023 · 1 loop", Spoken: "2023 · 1 loop, as of 2023-09"},
		{Year: "2024", AsOf: "2024-11-20", Loops: 2, LoopsText: "2 loops", Label: "2024 · 2 loops", Spoken: "2024 · 2 loops, as of 2024-11-20", Current: true},
		{Year: "2025", AsOf: "2025-12", Loops: 5, LoopsText: "5 loops", Label: "2025 · 5 loops", Spoken: "2025 · 5 loops, as of 2025-12"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("year marks\n got %+v\nwant %+v", got, want)
	}
	// Every date is the last year's.
	if all := view.YearMarks(an, dataset.Date{}); !all[2].Current || all[0].Current || all[1].Current {
		t.Errorf("at every date: %+v, want the last year current", all)
	}
	if got, want := view.FactsAsOf(d), "Facts as of 2026-02-03"; got != want {
		t.Errorf("FactsAsOf = %q, want %q", got, want)
	}
}
