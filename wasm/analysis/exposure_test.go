package analysis_test

import (
	"reflect"
	"testing"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
)

// lossWant is a Loss by id; share -1 means unknown.
type lossWant struct {
	id                 string
	direct, indirect   float64
	deals, undisclosed int
	share              float64
	order              int
	through            []string
}

type exposureWant struct {
	deals   []string
	atRisk  analysis.Money
	loops   [][]string
	failing []string
	losers  []lossWant
}

// exposureCases are TestExposure's cases.
var exposureCases = []struct {
	name   string
	deals  []string
	entity string
	want   exposureWant
}{
	{
		// a loses 60 of 100 from x and fails; b loses exactly half
		// from x and does not, but loses a's 20 too; c loses only an
		// undisclosed deal; d loses a's 30 of its 120 at second order.
		name: "first and second order",
		deals: []string{
			"x1 x a compute 60 2025 completed",
			"b1 b a equity 40 2025 completed",
			"x2 x b compute 50 2025 completed",
			"c1 c b equity 50 2025 completed",
			"x3 x c chips - 2025 completed",
			"a1 a d power 30 2025 completed",
			"e1 e d debt 90 2025 completed",
			"a2 a x equity 10 2025 completed",
			"a3 a b equity 20 2025 completed",
			"f1 f x debt 5 2025 terminated",
			"d1 d x equity 8 2025 completed",
		},
		entity: "x",
		want: exposureWant{
			deals:   []string{"x1", "x2", "x3", "a2", "d1"},
			atRisk:  analysis.Money{Total: 128, Deals: 5, Undisclosed: 1},
			loops:   [][]string{{"a", "x"}, {"a", "d", "x"}, {"a", "x", "b"}, {"a", "d", "x", "b"}, {"a", "x", "c", "b"}, {"a", "d", "x", "c", "b"}},
			failing: []string{"a"},
			losers: []lossWant{
				{id: "a", direct: 60, deals: 1, share: 0.6, order: 1, through: []string{}},
				{id: "b", direct: 50, indirect: 20, deals: 2, share: 70.0 / 120, order: 1, through: []string{"a"}},
				{id: "d", indirect: 30, deals: 1, share: 0.25, order: 2, through: []string{"a"}},
				{id: "c", deals: 1, undisclosed: 1, share: -1, order: 1, through: []string{}},
			},
		},
	},
	{
		// Both of x's payees fail; a's payment to failing b counts
		// against b, its payment back to x against nobody.
		name: "failing counterparties pay each other",
		deals: []string{
			"x1 x a equity 10 2025 completed",
			"x2 x b equity 10 2025 completed",
			"ab a b equity 5 2025 completed",
			"ax a x equity 3 2025 completed",
			"bc b c equity 4 2025 completed",
		},
		entity: "x",
		want: exposureWant{
			deals:   []string{"x1", "x2", "ax"},
			atRisk:  analysis.Money{Total: 23, Deals: 3},
			loops:   [][]string{{"a", "x"}},
			failing: []string{"a", "b"},
			losers: []lossWant{
				{id: "a", direct: 10, deals: 1, share: 1, order: 1, through: []string{}},
				{id: "b", direct: 10, indirect: 5, deals: 2, share: 1, order: 1, through: []string{"a"}},
				{id: "c", indirect: 4, deals: 1, share: 1, order: 2, through: []string{"b"}},
			},
		},
	},
	{
		name: "equal shares in id order, not index order",
		deals: []string{
			"xz x zed equity 10 2025 completed",
			"xy x yak equity 10 2025 completed",
			"xm x mid equity 10 2025 completed",
			"om other mid equity 30 2025 completed",
		},
		entity: "x",
		want: exposureWant{
			deals:   []string{"xz", "xy", "xm"},
			atRisk:  analysis.Money{Total: 30, Deals: 3},
			loops:   [][]string{},
			failing: []string{"yak", "zed"},
			losers: []lossWant{
				{id: "yak", direct: 10, deals: 1, share: 1, order: 1, through: []string{}},
				{id: "zed", direct: 10, deals: 1, share: 1, order: 1, through: []string{}},
				{id: "mid", direct: 10, deals: 1, share: 0.25, order: 1, through: []string{}},
			},
		},
	},
	{
		name: "an entity that only receives leaves no loser",
		deals: []string{
			"ax a x equity 10 2025 completed",
			"bx b x equity - 2025 completed",
			"ab a b equity 1 2025 completed",
		},
		entity: "x",
		want: exposureWant{
			deals:   []string{"ax", "bx"},
			atRisk:  analysis.Money{Total: 10, Deals: 2, Undisclosed: 1},
			loops:   [][]string{},
			failing: []string{},
			losers:  []lossWant{},
		},
	},
}

func TestExposure(t *testing.T) {
	tests := exposureCases
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := network(t, tt.deals...)
			s := analysis.New(d).At(dataset.Date{})
			x := s.Exposure(d.EntityIndex[tt.entity])
			got := exposureWant{
				atRisk: x.AtRisk, deals: []string{}, loops: [][]string{},
				failing: ids(d, x.Failing), losers: []lossWant{},
			}
			for _, i := range x.Deals {
				got.deals = append(got.deals, d.Deals[i].ID)
			}
			for _, k := range x.Loops {
				got.loops = append(got.loops, s.Loops[k].EntityIDs(d))
			}
			for _, l := range x.Losers {
				share := -1.0
				if l.Known() {
					share = l.Share
				}
				got.losers = append(got.losers, lossWant{
					id: d.Entities[l.Entity].ID, direct: l.Direct, indirect: l.Indirect,
					deals: l.Deals, undisclosed: l.Undisclosed, share: share, order: l.Order,
					through: ids(d, l.Through),
				})
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Exposure(%s):\n got %+v\nwant %+v", tt.entity, got, tt.want)
			}
		})
	}
}

func ids(d *dataset.Dataset, entities []int) []string {
	out := []string{}
	for _, e := range entities {
		out = append(out, d.Entities[e].ID)
	}
	return out
}
