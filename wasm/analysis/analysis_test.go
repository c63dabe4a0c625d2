package analysis_test

import (
	"reflect"
	"testing"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
)

// timeline is a network whose deals fall on a few dates, one of them twice
// with different precision and one terminated.
var timeline = []string{
	"ab a b equity 1 2025-09 completed",
	"ba b a equity 1 2025-09-01 completed",
	"ac a c equity 1 2024 completed",
	"ca c a equity 1 2023-05 terminated",
	"cb c b equity - 2026-01-15 talks",
}

func TestDates(t *testing.T) {
	a := analysis.New(network(t, timeline...))
	var got []string
	for _, d := range a.Dates() {
		got = append(got, d.String())
	}
	want := []string{"2024", "2025-09-01", "2026-01-15"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Dates() = %v; want %v", got, want)
	}
}

func TestDatesAllTerminated(t *testing.T) {
	a := analysis.New(network(t, "ab a b equity 1 2025 terminated"))
	if got := a.Dates(); len(got) != 0 {
		t.Errorf("Dates() = %v; want none", got)
	}
	s := a.At(dataset.Date{})
	if s.DateIndex != -1 || len(s.Loops) != 0 || s.Entities[0].Out.Deals != 0 {
		t.Errorf("At(zero) = index %d, %d loops, %d deals out of a; want -1, 0, 0", s.DateIndex, len(s.Loops), s.Entities[0].Out.Deals)
	}
}

func TestAt(t *testing.T) {
	d := network(t, timeline...)
	a := analysis.New(d)
	tests := []struct {
		asOf      string
		wantIndex int
		wantOutA  int // counted deals a pays
		wantLoops int
	}{
		{"2023-12-31", -1, 0, 0},
		{"2024", 0, 1, 0},
		{"2025-08-31", 0, 1, 0},
		{"2025-09", 1, 2, 1}, // orders as 2025-09-01
		{"2025-12", 1, 2, 1},
		{"2026-01-15", 2, 2, 2}, // a→c→b→a closes
		{"2030", 2, 2, 2},
		{"", 2, 2, 2},
	}
	for _, tt := range tests {
		t.Run(tt.asOf, func(t *testing.T) {
			asOf := date(t, tt.asOf)
			s := a.At(asOf)
			if s.AsOf != asOf || s.DateIndex != tt.wantIndex {
				t.Errorf("At(%s): AsOf %v, DateIndex %d; want %v, %d", tt.asOf, s.AsOf, s.DateIndex, asOf, tt.wantIndex)
			}
			if got := s.Entities[d.EntityIndex["a"]].Out.Deals; got != tt.wantOutA {
				t.Errorf("At(%s): a pays %d deals; want %d", tt.asOf, got, tt.wantOutA)
			}
			if len(s.Loops) != tt.wantLoops {
				t.Errorf("At(%s): %d loops; want %d", tt.asOf, len(s.Loops), tt.wantLoops)
			}
			// The cached figures are those computed afresh at asOf itself.
			want := analysis.Build(d, asOf)
			if !reflect.DeepEqual(s.Entities, want.Entities) || !reflect.DeepEqual(s.Loops, want.Loops) {
				t.Errorf("At(%s) differs from the snapshot computed at that date", tt.asOf)
			}
		})
	}
	// Dates of one interval share one computation.
	s1, s2 := a.At(date(t, "2025-09-01")), a.At(date(t, "2025-11-30"))
	if &s1.Entities[0] != &s2.Entities[0] {
		t.Error("At computed the same figures twice")
	}
}

// moneyWant is Money written compactly: total, deals, undisclosed.
type moneyWant = analysis.Money

type shareWant struct {
	to                string
	amount, incoming  float64
	share             float64
	known             bool
	deals, undisclose int
}

type flowsWant struct {
	out, in           moneyWant
	outByType, inType map[dataset.DealType]moneyWant
	boughtMW, soldMW  float64
	loops             int
	shares            []shareWant
}

// flowsWeb is the network of TestFlows: one deal a line.
var flowsWeb = []string{
	"ab1 a b compute 10 2025-01 completed 100",
	"ab2 a b equity - 2025-02 announced",
	"cb c b chips 30 2025-03 definitive 50",
	"ba b a power 5 2025-04 completed",
	"ac a c warrants 7 2025-05 terminated",
	"ca c a debt 20 2025-06 loi",
	"db d b equity - 2025-01 completed",
}

// flowsCases are TestFlows's cases, on flowsWeb.
var flowsCases = []struct {
	name   string
	asOf   string
	entity string
	want   flowsWant
}{
	{
		name: "payer with an undisclosed deal", entity: "a",
		want: flowsWant{
			out:       moneyWant{Total: 10, Deals: 2, Undisclosed: 1},
			in:        moneyWant{Total: 25, Deals: 2},
			outByType: map[dataset.DealType]moneyWant{dataset.Compute: {Total: 10, Deals: 1}, dataset.Equity: {Deals: 1, Undisclosed: 1}},
			inType:    map[dataset.DealType]moneyWant{dataset.Power: {Total: 5, Deals: 1}, dataset.Debt: {Total: 20, Deals: 1}},
			boughtMW:  100,
			loops:     1,
			shares:    []shareWant{{to: "b", amount: 10, incoming: 40, share: 0.25, known: true, deals: 2, undisclose: 1}},
		},
	},
	{
		name: "seller of capacity", entity: "b",
		want: flowsWant{
			out:       moneyWant{Total: 5, Deals: 1},
			in:        moneyWant{Total: 40, Deals: 4, Undisclosed: 2},
			outByType: map[dataset.DealType]moneyWant{dataset.Power: {Total: 5, Deals: 1}},
			inType: map[dataset.DealType]moneyWant{
				dataset.Compute: {Total: 10, Deals: 1}, dataset.Equity: {Deals: 2, Undisclosed: 2}, dataset.Chips: {Total: 30, Deals: 1},
			},
			soldMW: 150,
			loops:  1,
			shares: []shareWant{{to: "a", amount: 5, incoming: 25, share: 0.2, known: true, deals: 1}},
		},
	},
	{
		name: "shares largest first, terminated deal left out", entity: "c",
		want: flowsWant{
			out:       moneyWant{Total: 50, Deals: 2},
			outByType: map[dataset.DealType]moneyWant{dataset.Chips: {Total: 30, Deals: 1}, dataset.Debt: {Total: 20, Deals: 1}},
			inType:    map[dataset.DealType]moneyWant{},
			boughtMW:  50,
			shares: []shareWant{
				{to: "a", amount: 20, incoming: 25, share: 0.8, known: true, deals: 1},
				{to: "b", amount: 30, incoming: 40, share: 0.75, known: true, deals: 1},
			},
		},
	},
	{
		name: "undisclosed share is unknown", entity: "d",
		want: flowsWant{
			out:       moneyWant{Deals: 1, Undisclosed: 1},
			outByType: map[dataset.DealType]moneyWant{dataset.Equity: {Deals: 1, Undisclosed: 1}},
			inType:    map[dataset.DealType]moneyWant{},
			shares:    []shareWant{{to: "b", incoming: 40, deals: 1, undisclose: 1}},
		},
	},
	{
		name: "before a date", asOf: "2025-02", entity: "a",
		want: flowsWant{
			out:       moneyWant{Total: 10, Deals: 2, Undisclosed: 1},
			outByType: map[dataset.DealType]moneyWant{dataset.Compute: {Total: 10, Deals: 1}, dataset.Equity: {Deals: 1, Undisclosed: 1}},
			inType:    map[dataset.DealType]moneyWant{},
			boughtMW:  100,
			shares:    []shareWant{{to: "b", amount: 10, incoming: 10, share: 1, known: true, deals: 2, undisclose: 1}},
		},
	},
}

func TestFlows(t *testing.T) {
	tests := flowsCases
	d := network(t, flowsWeb...)
	a := analysis.New(d)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.want.outByType == nil {
				tt.want.outByType = map[dataset.DealType]moneyWant{}
			}
			f := a.At(date(t, tt.asOf)).Entities[d.EntityIndex[tt.entity]]
			got := flowsWant{
				out: f.Out, in: f.In,
				outByType: map[dataset.DealType]moneyWant{}, inType: map[dataset.DealType]moneyWant{},
				boughtMW: f.BoughtMW, soldMW: f.SoldMW, loops: len(f.Loops),
			}
			for ty := range analysis.TypeCount {
				if m := f.OutByType[ty]; m.Deals > 0 {
					got.outByType[dataset.DealType(ty)] = m
				}
				if m := f.InByType[ty]; m.Deals > 0 {
					got.inType[dataset.DealType(ty)] = m
				}
			}
			for _, s := range f.Shares {
				got.shares = append(got.shares, shareWant{
					to: d.Entities[s.To].ID, amount: s.Amount, incoming: s.Incoming, share: s.Share,
					known: s.Known(), deals: s.Deals, undisclose: s.Undisclosed,
				})
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("flows of %s at %q:\n got %+v\nwant %+v", tt.entity, tt.asOf, got, tt.want)
			}
		})
	}
}

func TestLoopInfo(t *testing.T) {
	type loopWant struct {
		ids       []string
		roundTrip float64 // -1 when unknown
		disclosed float64
		closed    string
	}
	tests := []struct {
		name  string
		deals []string
		asOf  string
		want  []loopWant
	}{
		{
			name: "closes when its last hop first exists",
			deals: []string{
				"ab1 a b equity 10 2024-03 completed",
				"ab2 a b equity 5 2023-01 completed",
				"bc b c compute 7 2025-06-15 completed",
				"ca c a chips - 2024 definitive",
			},
			want: []loopWant{{[]string{"a", "b", "c"}, -1, 22, "2025-06-15"}},
		},
		{
			name: "a terminated deal never opened a hop",
			deals: []string{
				"ab0 a b equity 1 2020 terminated",
				"ab a b equity 2 2024-05 completed",
				"ba b a equity 3 2021 completed",
			},
			want: []loopWant{{[]string{"a", "b"}, 2, 5, "2024-05"}},
		},
		{
			name: "deals after the date are left out",
			deals: []string{
				"ab a b equity 2 2024-05 completed",
				"ab2 a b equity 4 2025-07 completed",
				"ba b a equity 3 2025 completed",
			},
			asOf: "2025-06",
			want: []loopWant{{[]string{"a", "b"}, 2, 5, "2025"}},
		},
		{
			name: "each loop its own date",
			deals: []string{
				"ab a b equity 1 2022 completed",
				"ba b a equity 2 2023-02 completed",
				"bc b c equity 4 2024-10-01 completed",
				"ca c a equity 8 2021 completed",
			},
			want: []loopWant{
				{[]string{"a", "b"}, 1, 3, "2023-02"},
				{[]string{"a", "b", "c"}, 1, 13, "2024-10-01"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := network(t, tt.deals...)
			s := analysis.New(d).At(date(t, tt.asOf))
			var got []loopWant
			for _, l := range s.Loops {
				rt := -1.0
				if l.RoundTripKnown {
					rt = l.RoundTrip
				}
				got = append(got, loopWant{l.EntityIDs(d), rt, l.Disclosed, l.Closed.String()})
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("loops:\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// TestUpdatesAsOf checks that every figure takes the deals as of the
// snapshot's date: a letter of intent that grows and is then walked back,
// and a capacity that an update raises.
func TestUpdatesAsOf(t *testing.T) {
	d := network(t,
		"ab a b equity 100 2025-09 loi",
		"^ ab 2026-01 amount=30",
		"^ ab 2026-03 status=terminated",
		"ba b a compute 50 2025-10 definitive 100",
		"^ ba 2026-02 mw=200",
	)
	a := analysis.New(d)
	var dates []string
	for _, x := range a.Dates() {
		dates = append(dates, x.String())
	}
	if want := []string{"2025-09", "2025-10", "2026-01", "2026-02", "2026-03"}; !reflect.DeepEqual(dates, want) {
		t.Errorf("Dates() = %v; want %v", dates, want)
	}
	ia, ib := d.EntityIndex["a"], d.EntityIndex["b"]
	tests := []struct {
		asOf      string
		outA      float64 // a's disclosed outgoing total
		boughtB   float64 // MW b buys
		loops     int
		roundTrip float64
		status    string // of deal ab in the loop report, when there is a loop
	}{
		{"2025-09-30", 100, 0, 0, 0, ""},
		{"2025-10", 100, 100, 1, 50, "loi"},
		{"2026-01", 30, 100, 1, 30, "loi"},
		{"2026-02-15", 30, 200, 1, 30, "loi"},
		{"2026-03", 0, 200, 0, 0, ""},
		{"", 0, 200, 0, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.asOf, func(t *testing.T) {
			s := a.At(date(t, tt.asOf))
			if got := s.Entities[ia].Out.Total; got != tt.outA {
				t.Errorf("a pays %v; want %v", got, tt.outA)
			}
			if got := s.Entities[ib].BoughtMW; got != tt.boughtB {
				t.Errorf("b buys %v MW; want %v", got, tt.boughtB)
			}
			if len(s.Loops) != tt.loops {
				t.Fatalf("%d loops; want %d", len(s.Loops), tt.loops)
			}
			if tt.loops == 0 {
				return
			}
			if s.Loops[0].RoundTrip != tt.roundTrip {
				t.Errorf("round trip %v; want %v", s.Loops[0].RoundTrip, tt.roundTrip)
			}
			if got := s.LoopReport(0).Hops[0].Deals[0].Status; got != tt.status {
				t.Errorf("deal ab reported as %s; want %s", got, tt.status)
			}
			if x := s.Exposure(ia); x.AtRisk.Total != tt.outA+50 {
				t.Errorf("at risk if a fails: %v; want %v", x.AtRisk.Total, tt.outA+50)
			}
		})
	}
}
