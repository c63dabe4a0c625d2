package page_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/dataset/datasettest"
	"ouroboros/wasm/page"
	"ouroboros/wasm/scene"
	"ouroboros/wasm/session"
)

// The cached state says what a fresh reading says, through a selection, a
// date that changes the loops and a paused camera's glide, when forgotten
// after each tick as the adapter does, and stays the same until then.
func TestStateCacheSaysWhatReadSays(t *testing.T) {
	d := datasettest.TwoWay()
	ss := session.New(d, analysis.New(d), session.Options{Select: -1, Story: -1})
	ss.SetScreen(session.View{Width: 800, Height: 600, DPR: 1})
	pos := [][2]float64{{0.25, 0.5}, {0.75, 0.5}}
	ss.SetLayout(pos, true)
	f := scene.NewFrame(d, nil, nil)
	var c page.StateCache
	step := func() {
		ss.Tick()
		look := ss.Look()
		scene.Build(f, scene.NewNetwork(d, ss.Snapshot()), pos, look)
		c.Forget()
	}
	step()
	same := func(what string) string {
		t.Helper()
		got := c.JSON(ss, f, []string{"p"})
		var a, b map[string]any
		if err := json.Unmarshal([]byte(got), &a); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal([]byte(page.Read(ss, f, []string{"p"}).JSON()), &b); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: the cache says\n%s\nRead says\n%s", what, got, page.Read(ss, f, []string{"p"}).JSON())
		}
		return got
	}
	first := same("at the start")
	ss.Do(session.Intent{Kind: session.Select, Entity: 0})
	ss.Tick()
	if again := c.JSON(ss, f, []string{"p"}); again != first {
		t.Error("asked again before the adapter forgot it, the state differs")
	}
	ss.Do(session.Intent{Kind: session.Select, Entity: 1})
	step()
	if sel := same("after a selection"); sel == first {
		t.Error("the selection did not reach the cached state")
	}
	// Paused, the tick stands still; a zoom glides the camera all the same.
	ss.Do(session.Intent{Kind: session.Pause})
	step()
	before := same("paused")
	ss.Do(session.Intent{Kind: session.ZoomIn})
	for range 3 {
		step()
	}
	if same("paused, zooming") == before {
		t.Error("the paused camera's zoom did not reach the cached state")
	}
	ss.Do(session.Intent{Kind: session.SetAsOf, AsOf: dataset.Date{Year: 2020}})
	step()
	var s struct{ Loops []any }
	if json.Unmarshal([]byte(same("before any deal")), &s); len(s.Loops) != 0 {
		t.Errorf("loops %v before any deal, want none", s.Loops)
	}
	ss.Do(session.Intent{Kind: session.SetAsOf})
	step()
	if json.Unmarshal([]byte(same("every deal again")), &s); len(s.Loops) != 1 {
		t.Errorf("loops %v with every deal, want the one", s.Loops)
	}
}
