package page_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/dataset/datasettest"
	"ouroboros/wasm/page"
	"ouroboros/wasm/scene"
	"ouroboros/wasm/session"
)

// reach is a way a reader reaches a state: the options the link set and
// the intents since, one a tick.
type reach struct {
	name    string
	opts    session.Options
	intents []session.Intent
}

// reaches lists, for d, the states that fill every part of the state:
// each entity selected (its card and report, with exposure and shares)
// at each year's end, the hover card on each entity and edge, each
// circular deal picked (its hops and histories; the first 30), each story step, the
// filters, the keyboard's focus, the kiosk, reduced motion and the light
// theme.
func reaches(d *dataset.Dataset, net *scene.Network) []reach {
	plain := session.Options{Select: -1, Story: -1}
	rs := []reach{
		{name: "at first", opts: plain},
		{name: "kiosk, reduced, light", opts: session.Options{Select: -1, Story: -1, Mode: session.Kiosk, Reduced: true, Theme: session.Light}},
		{name: "filters", opts: plain, intents: []session.Intent{{Kind: session.ToggleKind, Entity: 0}, {Kind: session.ToggleType, Entity: 1},
			{Kind: session.ToggleStatus, Entity: 0}, {Kind: session.BindingOnly}}},
		{name: "focus", opts: plain, intents: []session.Intent{{Kind: session.WalkEntity, Entity: 1}, {Kind: session.WalkEntity, Entity: 1}}},
		{name: "playing", opts: plain, intents: []session.Intent{{Kind: session.PlayTimeline}, {Kind: session.StepTime, Entity: -1}}},
	}
	an := analysis.New(d)
	dates := append([]dataset.Date{{}}, an.YearEnds()...)
	for i := range d.Entities {
		for _, at := range dates {
			rs = append(rs, reach{name: fmt.Sprintf("%s selected at %v", d.Entities[i].ID, at), opts: plain,
				intents: []session.Intent{{Kind: session.SetAsOf, AsOf: at}, {Kind: session.Select, Entity: i}}})
		}
		rs = append(rs, reach{name: "hover on " + d.Entities[i].ID, opts: plain,
			intents: []session.Intent{{Kind: session.HoverAt, Entity: i, Edge: -1}}})
	}
	for e := range net.Edges {
		rs = append(rs, reach{name: fmt.Sprintf("hover on edge %d", e), opts: plain,
			intents: []session.Intent{{Kind: session.HoverAt, Entity: -1, Edge: e}}})
	}
	snap := an.At(dataset.Date{})
	circular := snap.Circular()
	for _, i := range circular[:min(len(circular), 30)] {
		key := session.LoopKey(d, snap.Loops[i].Entities)
		rs = append(rs, reach{name: "loop " + key, opts: plain, intents: []session.Intent{{Kind: session.PickLoop, Key: key}}})
	}
	for s, st := range d.Stories {
		for k := range st.Steps {
			rs = append(rs, reach{name: fmt.Sprintf("story %s step %d", st.ID, k+1), opts: plain,
				intents: []session.Intent{{Kind: session.GoToStep, Story: s, Step: k}}})
		}
	}
	return rs
}

// The state's JSON is written by hand (page.appendState), not by
// encoding/json: the page must read the very bytes encoding/json would
// have written, in every state a reader can reach, from the bundled
// dataset, the examples and a dense network whose years are still
// counting, whether read at once or through the tick's cache.
func TestStateJSONIsEncodingJSON(t *testing.T) {
	sets := map[string]*dataset.Dataset{"bundled": datasettest.Bundled(t)}
	examples, _ := filepath.Glob("../../data/examples/*.json")
	for _, p := range examples {
		doc, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if d, err := dataset.Load(doc); err == nil {
			sets[filepath.Base(p)] = d
		}
	}
	dense, err := dataset.Load(datasettest.Dense(8))
	if err != nil {
		t.Fatal(err)
	}
	sets["dense"] = dense
	if len(sets) < 4 {
		t.Fatalf("datasets %d: are the examples read?", len(sets))
	}
	seen := map[string]bool{}
	for name, d := range sets {
		pos := make([][2]float64, len(d.Entities))
		for i := range pos {
			pos[i] = [2]float64{0.1 + 0.8*float64(i)/float64(max(len(pos)-1, 1)), 0.2 + 0.6*float64(i%3)/2}
		}
		// One analysis for the dataset's reaches but the first, whose
		// fresh one has a large network's years still counting.
		an := analysis.New(d)
		for k, r := range reaches(d, scene.NewNetwork(d, an.At(dataset.Date{}))) {
			if name == "dense" && k > 2 {
				break // its 10,000 loops make each state megabytes: counting is what it adds
			}
			if k == 0 {
				an = analysis.New(d)
			} else if k == 1 {
				an = analysis.New(d)
				for _, e := range an.YearEnds() {
					an.At(e)
				}
			}
			ss := session.New(d, an, r.opts)
			ss.SetScreen(session.View{Width: 1280, Height: 800, DPR: 2, Aspect: 1.6})
			ss.SetLayout(pos, true)
			f := scene.NewFrame(d, nil, nil)
			tick := func() {
				ss.Tick()
				look := ss.Look()
				scene.Build(f, scene.NewNetwork(d, ss.Snapshot()), pos, look)
			}
			tick()
			ss.Shown()
			for _, in := range r.intents {
				ss.Do(in)
				tick()
			}
			st := page.Read(ss, f, []string{"a problem <with> \"quotes\""})
			want, err := json.Marshal(st)
			if err != nil {
				t.Fatalf("%s, %s: %v", name, r.name, err)
			}
			if got := st.JSON(); got != string(want) {
				t.Fatalf("%s, %s: the state's JSON\n got %s\nwant %s", name, r.name, got, want)
			}
			var c page.StateCache
			if got := c.JSON(ss, f, []string{"a problem <with> \"quotes\""}); got != string(want) {
				t.Fatalf("%s, %s: the cached state's JSON\n got %s\nwant %s", name, r.name, got, want)
			}
			for _, part := range []string{`"selected":{`, `"hover":{"entity"`, `"hover":{"edge"`, `"loop":{`, `"caption":{`, `"histories":{"`,
				`"mode":"kiosk"`, `"focus":"`, `"counting":true`, `"losers":[{`, `"shares":[{`, `"byType":{"`, `"capacityMW":`, `"until":`} {
				if strings.Contains(string(want), part) {
					seen[part] = true
				}
			}
		}
	}
	// Every optional part of the state was written at least once.
	for _, part := range []string{`"selected":{`, `"hover":{"entity"`, `"hover":{"edge"`, `"loop":{`, `"caption":{`, `"histories":{"`,
		`"mode":"kiosk"`, `"focus":"`, `"counting":true`, `"losers":[{`, `"shares":[{`, `"byType":{"`, `"capacityMW":`, `"until":`} {
		if !seen[part] {
			t.Errorf("no state reached wrote %s", part)
		}
	}
}
