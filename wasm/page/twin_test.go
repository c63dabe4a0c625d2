package page_test

import (
	"encoding/json"
	"os"
	"reflect"
	"testing"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/page"
	"ouroboros/wasm/session"
)

func twoloops(t *testing.T) *dataset.Dataset {
	t.Helper()
	b, err := os.ReadFile("../../data/examples/twoloops.json")
	if err != nil {
		t.Fatal(err)
	}
	d, err := dataset.Load(b)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func twinAt(d *dataset.Dataset, n session.Now) *page.Twin {
	return page.NewTwin(d, analysis.New(d).At(n.AsOf), n)
}

func nothing() session.Now { return session.Now{Selection: -1, Focus: -1, Story: -1} }

// The page (web/twin.js) reads the twin by these names; the test pins them.
func TestTwinJSONIsWhatThePageReads(t *testing.T) {
	d := twoloops(t)
	var facts struct {
		Title, Subtitle, Currency string
		Kinds                     []struct{ Key, Label string }
		Entities                  []struct {
			ID, Name string
			Kind     int
		}
		Deals []struct {
			ID, Summary, Date, Until string
			From, To, Type, Status   int
			Amount                   *struct {
				Value          float64
				UpTo, Estimate bool
			}
			CapacityMW float64
			Sources    []int
		}
		Sources             []struct{ Publisher, Title, URL string }
		Types, Statuses     []string
		Amounts, Capacities []string
	}
	roundTrip(t, page.NewTwinFacts(d), &facts)
	if facts.Title != d.Title || len(facts.Entities) != 8 || len(facts.Deals) != 15 || len(facts.Sources) != 7 || len(facts.Kinds) != 3 {
		t.Fatalf("facts %+v", facts)
	}
	x := facts.Deals[d.DealIndex["orbit-nimbus-compute"]]
	if facts.Entities[x.From].Name != "Orbit AI" || facts.Entities[x.To].Name != "Nimbus Cloud" || facts.Types[x.Type] != "compute" ||
		facts.Statuses[x.Status] != "definitive" || x.Amount == nil || x.Amount.Value != 6e9 || !x.Amount.UpTo ||
		x.CapacityMW != 500 || x.Date != "2024-09-12" || x.Until != "2029" || facts.Sources[x.Sources[0]].URL != "https://example.com/trade/orbit-compute" {
		t.Errorf("orbit-nimbus-compute as the page reads it: %+v", x)
	}
	if i := d.DealIndex["orbit-nimbus-compute"]; facts.Amounts[i] != "up to $6B" || facts.Capacities[i] != "500 MW" {
		t.Errorf("orbit-nimbus-compute in words: %q, %q", facts.Amounts[i], facts.Capacities[i])
	}
	if y := facts.Deals[d.DealIndex["nimbus-acme-chips"]]; y.Amount != nil || y.Until != "" || facts.Amounts[d.DealIndex["nimbus-acme-chips"]] != "undisclosed" {
		t.Errorf("an undisclosed deal with no end: %+v", y)
	}
	if k := facts.Kinds[facts.Entities[0].Kind]; k.Label != "Chip maker" {
		t.Errorf("kind of %s: %+v", facts.Entities[0].Name, k)
	}

	var tw struct {
		Deals []int
		Flows []struct {
			Out, In struct {
				Total              float64
				Deals, Undisclosed int
			}
			BoughtMW, SoldMW float64
			Loops            int
		}
		Loops []struct {
			Entities []int
			Hops     []struct {
				From, To  int
				Deals     []int
				Total     float64
				Disclosed bool
			}
			RoundTrip      float64
			RoundTripKnown bool
			Closed         string
		}
		LoopTexts []struct {
			RoundTrip string
			Hops      []string
		}
		MoreLoops, Selection int
		FocusEntities        []int
		FocusDeals           []int
	}
	roundTrip(t, twinAt(d, nothing()), &tw)
	if len(tw.Deals) != 15 || len(tw.Flows) != 8 || len(tw.Loops) != 6 || tw.Selection != -1 {
		t.Fatalf("twin %+v", tw)
	}
	lp := tw.Loops[0]
	if len(lp.Entities) != 2 || len(lp.Hops) != 2 || lp.Hops[1].Total != 5e9 || len(lp.Hops[1].Deals) != 2 ||
		!lp.Hops[1].Disclosed || lp.RoundTrip != 1.5e9 || !lp.RoundTripKnown || lp.Closed != "2024-02" {
		t.Errorf("the first loop as the page reads it: %+v", lp)
	}
	if lt := tw.LoopTexts[0]; len(tw.LoopTexts) != 6 || lt.RoundTrip != "$1.5B" || len(lt.Hops) != 2 || lt.Hops[1] != "$5B" {
		t.Errorf("the first loop in words: %+v", tw.LoopTexts)
	}
}

func roundTrip(t *testing.T, v, into any) {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, into); err != nil {
		t.Fatal(err)
	}
}

func TestTwinFigures(t *testing.T) {
	d := twoloops(t)
	tw := twinAt(d, nothing())
	flows := func(id string) page.TwinFlows { return tw.Flows[d.EntityIndex[id]] }
	// Orbit AI pays 3 + 6 (up to) + 2 (estimated) billion, receives 1.5,
	// buys 300 + 500 MW and sits in two loops.
	if got, want := flows("orbit-ai"), (page.TwinFlows{Out: page.TwinMoney{Total: 11e9, Deals: 3}, In: page.TwinMoney{Total: 1.5e9, Deals: 1}, BoughtMW: 800, Loops: 2,
		OutText: "$11B", InText: "$1.5B", BoughtText: "800 MW"}); got != want {
		t.Errorf("orbit-ai %+v, want %+v", got, want)
	}
	// Acme Chips' warrants to Vega AI have no amount.
	if got, want := flows("acme-chips").Out, (page.TwinMoney{Total: 2.3e9, Deals: 3, Undisclosed: 1}); got != want {
		t.Errorf("acme-chips pays %+v, want %+v", got, want)
	}
	if len(tw.Deals) != len(d.Deals) || tw.MoreLoops != 0 || len(tw.FocusEntities) != 0 || len(tw.FocusDeals) != 0 {
		t.Errorf("%d deals, %d more loops, focus %v %v", len(tw.Deals), tw.MoreLoops, tw.FocusEntities, tw.FocusDeals)
	}
}

func TestTwinFollowsTheDate(t *testing.T) {
	d := twoloops(t)
	n := nothing()
	n.AsOf = dataset.Date{Year: 2024, Month: 2}
	tw := twinAt(d, n)
	var ids []string
	for _, i := range tw.Deals {
		ids = append(ids, d.Deals[i].ID)
	}
	if want := []string{"acme-orbit-equity", "orbit-acme-chips", "stratus-lumen-chips"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("deals %v, want %v", ids, want)
	}
	if len(tw.Loops) != 1 {
		t.Errorf("%d loops at 2024-02, want 1", len(tw.Loops))
	}
	if got, want := tw.Flows[d.EntityIndex["orbit-ai"]], (page.TwinFlows{Out: page.TwinMoney{Total: 3e9, Deals: 1}, In: page.TwinMoney{Total: 1.5e9, Deals: 1}, BoughtMW: 300, Loops: 1,
		OutText: "$3B", InText: "$1.5B", BoughtText: "300 MW"}); got != want {
		t.Errorf("orbit-ai at 2024-02: %+v, want %+v", got, want)
	}
}

func TestTwinFollowsTheSelectionAndTheStory(t *testing.T) {
	d := twoloops(t)
	n := nothing()
	n.Selection = d.EntityIndex["vega-ai"]
	if tw := twinAt(d, n); tw.Selection != n.Selection {
		t.Errorf("selection %d, want %d", tw.Selection, n.Selection)
	}
	st := d.Stories[0].Steps[1]
	n = nothing()
	n.Story, n.Step, n.AsOf = 0, 1, st.AsOf
	tw := twinAt(d, n)
	if !reflect.DeepEqual(tw.FocusEntities, st.FocusEntities) || !reflect.DeepEqual(tw.FocusDeals, st.FocusDeals) || len(tw.FocusDeals) != 2 {
		t.Errorf("focus %v %v, want the step's %v %v", tw.FocusEntities, tw.FocusDeals, st.FocusEntities, st.FocusDeals)
	}
}

func TestTwinListsTheFirstLoops(t *testing.T) {
	// Six entities each paying every other: 409 loops.
	d := &dataset.Dataset{Title: "Everyone pays everyone", Currency: "USD", Kinds: []dataset.Kind{{Key: "k", Label: "Kind"}}}
	for i := range 6 {
		d.Entities = append(d.Entities, dataset.Entity{ID: string(rune('a' + i)), Name: string(rune('A' + i))})
	}
	for i := range 6 {
		for j := range 6 {
			if i != j {
				d.Deals = append(d.Deals, dataset.Deal{ID: d.Entities[i].ID + d.Entities[j].ID, From: i, To: j,
					Amount: &dataset.Amount{Value: 1e9}, Date: dataset.Date{Year: 2025}})
			}
		}
	}
	snap := analysis.New(d).At(dataset.Date{})
	tw := page.NewTwin(d, snap, nothing())
	if len(snap.Loops) != 409 || len(tw.Loops) != page.TwinLoops || tw.MoreLoops != 409-page.TwinLoops {
		t.Errorf("%d loops listed and %d more of %d, want %d listed", len(tw.Loops), tw.MoreLoops, len(snap.Loops), page.TwinLoops)
	}
}

func TestTwinKey(t *testing.T) {
	a := nothing()
	b := a
	b.Paused, b.Focus, b.Playing = true, 3, true
	if page.KeyOf(a) != page.KeyOf(b) {
		t.Error("pausing, the keyboard's focus or the timeline playing change the twin's key")
	}
	for _, change := range []func(*session.Now){
		func(n *session.Now) { n.Selection = 1 },
		func(n *session.Now) { n.AsOf = dataset.Date{Year: 2025} },
		func(n *session.Now) { n.Story = 0 },
		func(n *session.Now) { n.Step = 2 },
	} {
		c := a
		change(&c)
		if page.KeyOf(a) == page.KeyOf(c) {
			t.Errorf("%+v and %+v have the same key", a, c)
		}
	}
}
