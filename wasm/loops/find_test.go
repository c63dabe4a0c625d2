package loops_test

import (
	"reflect"
	"testing"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/loops"
)

// loopSummary is a Loop as the format reports it.
type loopSummary struct {
	IDs       []string
	Deals     []string
	Totals    []float64 // per hop; -1 when the hop is undisclosed
	RoundTrip float64   // -1 when unknown
}

func summarise(d *dataset.Dataset, r loops.Result) []loopSummary {
	out := []loopSummary{}
	for _, l := range r.Loops {
		s := loopSummary{IDs: l.EntityIDs(d), Deals: l.DealIDs(d), RoundTrip: -1}
		for _, h := range l.Hops {
			total := -1.0
			if h.Disclosed {
				total = h.Total
			}
			s.Totals = append(s.Totals, total)
		}
		if l.RoundTripKnown {
			s.RoundTrip = l.RoundTrip
		}
		out = append(out, s)
	}
	return out
}

// day is the date of every deal in findCases.
const day = "2025-01-01"

// findCases are TestFind's cases.
var findCases = []struct {
	name          string
	ids           []string
	deals         []deal
	asOf          string
	limit         int
	want          []loopSummary
	wantTruncated bool
}{
	{
		name:  "no loop",
		ids:   []string{"a", "b"},
		deals: []deal{{"ab", "a", "b", 1, day, dataset.Completed}},
		want:  []loopSummary{},
	},
	{
		name: "rotated by id, not by index",
		ids:  []string{"zeta", "alpha", "mid"},
		deals: []deal{
			{"z-a", "zeta", "alpha", 3, day, dataset.Announced},
			{"a-m", "alpha", "mid", 2, day, dataset.Announced},
			{"m-z", "mid", "zeta", 5, day, dataset.Announced},
		},
		want: []loopSummary{
			{IDs: []string{"alpha", "mid", "zeta"}, Deals: []string{"a-m", "m-z", "z-a"}, Totals: []float64{2, 5, 3}, RoundTrip: 2},
		},
	},
	{
		name: "ids compare in byte order",
		ids:  []string{"b", "B", "a-1", "a"},
		deals: []deal{
			{"1", "b", "a-1", 1, day, dataset.Announced},
			{"2", "a-1", "b", 1, day, dataset.Announced},
			{"3", "a", "B", 1, day, dataset.Announced},
			{"4", "B", "a", 1, day, dataset.Announced},
		},
		want: []loopSummary{
			{IDs: []string{"B", "a"}, Deals: []string{"4", "3"}, Totals: []float64{1, 1}, RoundTrip: 1},
			{IDs: []string{"a-1", "b"}, Deals: []string{"2", "1"}, Totals: []float64{1, 1}, RoundTrip: 1},
		},
	},
	{
		name: "terminated deal makes no edge",
		ids:  []string{"a", "b"},
		deals: []deal{
			{"ab", "a", "b", 1, day, dataset.Completed},
			{"ba", "b", "a", 1, day, dataset.Terminated},
		},
		want: []loopSummary{},
	},
	{
		name: "terminated deal left out of its hop",
		ids:  []string{"a", "b"},
		deals: []deal{
			{"ab", "a", "b", 4, day, dataset.Completed},
			{"ba-dead", "b", "a", 100, day, dataset.Terminated},
			{"ba", "b", "a", 6, day, dataset.Talks},
		},
		want: []loopSummary{
			{IDs: []string{"a", "b"}, Deals: []string{"ab", "ba"}, Totals: []float64{4, 6}, RoundTrip: 4},
		},
	},
	{
		name: "several deals on one hop, dataset order",
		ids:  []string{"a", "b"},
		deals: []deal{
			{"ba-2", "b", "a", 7, day, dataset.Completed},
			{"ab-1", "a", "b", 10, day, dataset.Completed},
			{"ab-0", "a", "b", 5, day, dataset.Completed},
		},
		want: []loopSummary{
			{IDs: []string{"a", "b"}, Deals: []string{"ab-1", "ab-0", "ba-2"}, Totals: []float64{15, 7}, RoundTrip: 7},
		},
	},
	{
		name: "undisclosed hop makes the round trip unknown",
		ids:  []string{"a", "b"},
		deals: []deal{
			{"ab", "a", "b", 10, day, dataset.Completed},
			{"ba", "b", "a", 0, day, dataset.Completed},
		},
		want: []loopSummary{
			{IDs: []string{"a", "b"}, Deals: []string{"ab", "ba"}, Totals: []float64{10, -1}, RoundTrip: -1},
		},
	},
	{
		name: "one disclosed deal discloses the hop",
		ids:  []string{"a", "b"},
		deals: []deal{
			{"ab", "a", "b", 10, day, dataset.Completed},
			{"ba-1", "b", "a", 0, day, dataset.Completed},
			{"ba-2", "b", "a", 3, day, dataset.Completed},
		},
		want: []loopSummary{
			{IDs: []string{"a", "b"}, Deals: []string{"ab", "ba-1", "ba-2"}, Totals: []float64{10, 3}, RoundTrip: 3},
		},
	},
	{
		name: "partial deal date on the partial filter date counts",
		ids:  []string{"a", "b"},
		deals: []deal{
			{"ab", "a", "b", 1, "2025-10", dataset.Completed},
			{"ba", "b", "a", 1, "2025", dataset.Completed},
		},
		asOf: "2025-10",
		want: []loopSummary{
			{IDs: []string{"a", "b"}, Deals: []string{"ab", "ba"}, Totals: []float64{1, 1}, RoundTrip: 1},
		},
	},
	{
		name: "deal after the first day of a partial filter date is left out",
		ids:  []string{"a", "b"},
		deals: []deal{
			{"ab", "a", "b", 1, "2025-10", dataset.Completed},
			{"ba", "b", "a", 1, "2025-10-15", dataset.Completed},
		},
		asOf: "2025-10",
		want: []loopSummary{},
	},
	{
		name: "deal on the filter day counts",
		ids:  []string{"a", "b"},
		deals: []deal{
			{"ab", "a", "b", 1, "2025-10", dataset.Completed},
			{"ba", "b", "a", 1, "2025-10-15", dataset.Completed},
		},
		asOf: "2025-10-15",
		want: []loopSummary{
			{IDs: []string{"a", "b"}, Deals: []string{"ab", "ba"}, Totals: []float64{1, 1}, RoundTrip: 1},
		},
	},
	{
		name: "partial deal date after the filter day",
		ids:  []string{"a", "b"},
		deals: []deal{
			{"ab", "a", "b", 1, "2025-10", dataset.Completed},
			{"ba", "b", "a", 1, "2025-01-01", dataset.Completed},
		},
		asOf: "2025-09-30",
		want: []loopSummary{},
	},
	{
		name: "date filter leaves out one deal of a hop",
		ids:  []string{"a", "b"},
		deals: []deal{
			{"ab-old", "a", "b", 2, "2024", dataset.Completed},
			{"ab-new", "a", "b", 50, "2026-02-01", dataset.Completed},
			{"ba", "b", "a", 9, "2024-06", dataset.Completed},
		},
		asOf: "2025",
		want: []loopSummary{
			{IDs: []string{"a", "b"}, Deals: []string{"ab-old", "ba"}, Totals: []float64{2, 9}, RoundTrip: 2},
		},
	},
	{
		name: "no filter counts every live deal",
		ids:  []string{"a", "b"},
		deals: []deal{
			{"ab-old", "a", "b", 2, "2024", dataset.Completed},
			{"ab-new", "a", "b", 50, "2026-02-01", dataset.Completed},
			{"ba", "b", "a", 9, "2024-06", dataset.Completed},
		},
		want: []loopSummary{
			{IDs: []string{"a", "b"}, Deals: []string{"ab-old", "ab-new", "ba"}, Totals: []float64{52, 9}, RoundTrip: 9},
		},
	},
	{
		name: "sorted by length, then ids",
		ids:  []string{"c", "b", "a"},
		deals: []deal{
			{"ab", "a", "b", 1, day, dataset.Completed},
			{"ba", "b", "a", 2, day, dataset.Completed},
			{"bc", "b", "c", 3, day, dataset.Completed},
			{"cb", "c", "b", 4, day, dataset.Completed},
			{"ca", "c", "a", 5, day, dataset.Completed},
			{"ac", "a", "c", 0, day, dataset.Completed},
		},
		want: []loopSummary{
			{IDs: []string{"a", "b"}, Deals: []string{"ab", "ba"}, Totals: []float64{1, 2}, RoundTrip: 1},
			{IDs: []string{"a", "c"}, Deals: []string{"ac", "ca"}, Totals: []float64{-1, 5}, RoundTrip: -1},
			{IDs: []string{"b", "c"}, Deals: []string{"bc", "cb"}, Totals: []float64{3, 4}, RoundTrip: 3},
			{IDs: []string{"a", "b", "c"}, Deals: []string{"ab", "bc", "ca"}, Totals: []float64{1, 3, 5}, RoundTrip: 1},
			{IDs: []string{"a", "c", "b"}, Deals: []string{"ac", "cb", "ba"}, Totals: []float64{-1, 4, 2}, RoundTrip: -1},
		},
	},
	{
		name: "limit keeps the first and says more exist",
		ids:  []string{"c", "b", "a"},
		deals: []deal{
			{"ab", "a", "b", 1, day, dataset.Completed},
			{"ba", "b", "a", 2, day, dataset.Completed},
			{"bc", "b", "c", 3, day, dataset.Completed},
			{"cb", "c", "b", 4, day, dataset.Completed},
		},
		limit: 1,
		want: []loopSummary{
			{IDs: []string{"a", "b"}, Deals: []string{"ab", "ba"}, Totals: []float64{1, 2}, RoundTrip: 1},
		},
		wantTruncated: true,
	},
	{
		name: "limit equal to the count is not truncated",
		ids:  []string{"c", "b", "a"},
		deals: []deal{
			{"ab", "a", "b", 1, day, dataset.Completed},
			{"ba", "b", "a", 2, day, dataset.Completed},
			{"bc", "b", "c", 3, day, dataset.Completed},
			{"cb", "c", "b", 4, day, dataset.Completed},
		},
		limit: 2,
		want: []loopSummary{
			{IDs: []string{"a", "b"}, Deals: []string{"ab", "ba"}, Totals: []float64{1, 2}, RoundTrip: 1},
			{IDs: []string{"b", "c"}, Deals: []string{"bc", "cb"}, Totals: []float64{3, 4}, RoundTrip: 3},
		},
	},
}

func TestFind(t *testing.T) {
	tests := findCases
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := build(t, tt.ids, tt.deals)
			r := loops.Find(d, date(t, tt.asOf), tt.limit)
			got := summarise(d, r)
			if !reflect.DeepEqual(got, tt.want) || r.Truncated != tt.wantTruncated {
				t.Errorf("Find(asOf %q, limit %d) =\n%+v, truncated %v\nwant\n%+v, truncated %v",
					tt.asOf, tt.limit, got, r.Truncated, tt.want, tt.wantTruncated)
			}
		})
	}
}
