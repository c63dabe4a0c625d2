package loops_test

import (
	"reflect"
	"testing"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/loops"
)

// TestFindAsOfUpdates checks that the money graph takes each deal as of the
// date: an update that terminates a deal removes its edge from that date on
// (and with no date), one that changes its amount changes the hop total.
func TestFindAsOfUpdates(t *testing.T) {
	d := build(t, []string{"a", "b", "c"}, []deal{
		{"ab", "a", "b", 100, "2025-09", dataset.LOI},
		{"bc", "b", "c", 40, "2025-10", dataset.Definitive},
		{"ca", "c", "a", 0, "2025-11", dataset.Reported},
		{"ba", "b", "a", 10, "2025-12", dataset.Announced},
	})
	ab, ca := &d.Deals[0], &d.Deals[2]
	ab.Updates = []dataset.Update{
		{Date: date(t, "2026-01"), Amount: &dataset.Amount{Value: 30}},
		{Date: date(t, "2026-03"), HasStatus: true, Status: dataset.Terminated},
	}
	ca.Updates = []dataset.Update{{Date: date(t, "2026-02"), Amount: &dataset.Amount{Value: 5}}}
	tests := []struct {
		asOf string
		want []loopSummary
	}{
		{"2025-11-30", []loopSummary{
			{IDs: []string{"a", "b", "c"}, Deals: []string{"ab", "bc", "ca"}, Totals: []float64{100, 40, -1}, RoundTrip: -1}}},
		{"2026-01", []loopSummary{
			{IDs: []string{"a", "b"}, Deals: []string{"ab", "ba"}, Totals: []float64{30, 10}, RoundTrip: 10},
			{IDs: []string{"a", "b", "c"}, Deals: []string{"ab", "bc", "ca"}, Totals: []float64{30, 40, -1}, RoundTrip: -1}}},
		{"2026-02", []loopSummary{
			{IDs: []string{"a", "b"}, Deals: []string{"ab", "ba"}, Totals: []float64{30, 10}, RoundTrip: 10},
			{IDs: []string{"a", "b", "c"}, Deals: []string{"ab", "bc", "ca"}, Totals: []float64{30, 40, 5}, RoundTrip: 5}}},
		{"2026-03", []loopSummary{}},
		{"", []loopSummary{}},
	}
	for _, tt := range tests {
		t.Run(tt.asOf, func(t *testing.T) {
			var asOf dataset.Date
			if tt.asOf != "" {
				asOf = date(t, tt.asOf)
			}
			got := summarise(d, loops.Find(d, asOf, 0))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
	if !loops.Counted(ab, date(t, "2026-02-28")) || loops.Counted(ab, date(t, "2026-03-01")) || loops.Counted(ab, dataset.Date{}) {
		t.Error("Counted does not follow the update that terminates ab")
	}
}
