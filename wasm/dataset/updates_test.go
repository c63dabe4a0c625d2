package dataset_test

import (
	"slices"
	"strings"
	"testing"

	"ouroboros/wasm/dataset"
)

// withUpdates returns tiny.json with the given updates on its letter of
// intent, deals[3] "ai-buys-chips" (chips, dated 2025-09-02, $500M est.).
func withUpdates(t *testing.T, updates string) []byte {
	t.Helper()
	return tiny(t, `"status": "loi",`, `"status": "loi", "updates": `+updates+`,`)
}

func TestUpdatesAccepted(t *testing.T) {
	tests := []struct {
		name    string
		updates string
	}{
		{"none", `[]`},
		{"summary only", `[{"date": "2025-10", "summary": "Talks resume.", "sources": ["wire-jan"]}]`},
		{"every field", `[{"date": "2025-09-03", "summary": "Signed.", "sources": ["trade-mar", "blog-sep"], "status": "definitive", "amount": {"value": 7e8, "upTo": true}, "capacityMW": 50}]`},
		{"two in order", `[{"date": "2025-10", "summary": "a", "sources": ["blog-sep"]}, {"date": "2026", "summary": "b", "sources": ["blog-sep"], "status": "terminated"}]`},
		{"unknown members ignored", `[{"date": "2025-10", "summary": "a", "sources": ["blog-sep"], "note": "x"}]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := problemLines(t, withUpdates(t, tt.updates)); len(got) > 0 {
				t.Errorf("got problems:\n%s", strings.Join(got, "\n"))
			}
		})
	}
}

func TestUpdatesRefused(t *testing.T) {
	const p = "deals[3].updates"
	tests := []struct {
		name    string
		updates string
		want    []string
	}{
		{"on the deal's date", `[{"date": "2025-09-02", "summary": "a", "sources": ["blog-sep"]}]`,
			[]string{p + `[0].date: "2025-09-02" is not after the deal's date "2025-09-02"; an update comes after the deal`}},
		{"before the deal", `[{"date": "2025-08", "summary": "a", "sources": ["blog-sep"]}]`,
			[]string{p + `[0].date: "2025-08" is not after the deal's date "2025-09-02"; an update comes after the deal`}},
		{"partial date is its first day", `[{"date": "2025-09", "summary": "a", "sources": ["blog-sep"]}]`,
			[]string{p + `[0].date: "2025-09" is not after the deal's date "2025-09-02"; an update comes after the deal`}},
		{"out of order", `[{"date": "2026-02", "summary": "a", "sources": ["blog-sep"]}, {"date": "2026-01", "summary": "b", "sources": ["blog-sep"]}]`,
			[]string{p + `[1].date: "2026-01" is not after the date of updates[0], "2026-02"; updates are oldest first, one date each`}},
		{"same date twice", `[{"date": "2026-02", "summary": "a", "sources": ["blog-sep"]}, {"date": "2026-02-01", "summary": "b", "sources": ["blog-sep"]}]`,
			[]string{p + `[1].date: "2026-02-01" is not after the date of updates[0], "2026-02"; updates are oldest first, one date each`}},
		{"order checked past a bad date", `[{"date": "2026-02", "summary": "a", "sources": ["blog-sep"]}, {"date": "soon", "summary": "b", "sources": ["blog-sep"]}, {"date": "2026-01", "summary": "c", "sources": ["blog-sep"]}]`,
			[]string{p + `[1].date: "soon" is not a valid date: use YYYY, YYYY-MM or YYYY-MM-DD`, p + `[2].date: "2026-01" is not after the date of updates[0], "2026-02"; updates are oldest first, one date each`}},
		{"unknown source", `[{"date": "2026", "summary": "a", "sources": ["reuters"]}]`,
			[]string{p + `[0].sources[0]: "reuters" is not a key of sources`}},
		{"no sources", `[{"date": "2026", "summary": "a", "sources": []}]`,
			[]string{p + `[0].sources: must list at least one source`}},
		{"missing fields", `[{}]`,
			[]string{p + `[0].date: is required`, p + `[0].summary: is required`, p + `[0].sources: is required`}},
		{"status not a word", `[{"date": "2026", "summary": "a", "sources": ["blog-sep"], "status": "cancelled"}]`,
			[]string{p + `[0].status: "cancelled" is not a status: use talks, loi, announced, reported, definitive, completed or terminated`}},
		{"amount of zero", `[{"date": "2026", "summary": "a", "sources": ["blog-sep"], "amount": {"value": 0}}]`,
			[]string{p + `[0].amount.value: must be greater than 0, found 0`}},
		{"negative capacity", `[{"date": "2026", "summary": "a", "sources": ["blog-sep"], "capacityMW": -1}]`,
			[]string{p + `[0].capacityMW: must be greater than 0, found -1`}},
		{"not an array", `{"date": "2026"}`,
			[]string{p + `: must be an array, found an object`}},
		{"update not an object", `["2026"]`,
			[]string{p + `[0]: must be an object, found a string`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := problemLines(t, withUpdates(t, tt.updates))
			if !slices.Equal(got, tt.want) {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
	t.Run("capacity on equity", func(t *testing.T) {
		doc := tiny(t, `"status": "completed",`, `"status": "completed", "updates": [{"date": "2026", "summary": "a", "sources": ["wire-jan"], "capacityMW": 5}],`)
		want := []string{"deals[0].updates[0].capacityMW: is only for compute, chips and power deals, not equity"}
		if got := problemLines(t, doc); !slices.Equal(got, want) {
			t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})
}

// TestDealAt checks the deal as of a date: updates on or before it apply,
// later ones do not, and the zero Date applies them all.
func TestDealAt(t *testing.T) {
	ds, err := dataset.Load(withUpdates(t, `[
		{"date": "2025-10", "summary": "Signed.", "sources": ["blog-sep"], "status": "definitive", "amount": {"value": 7e8}},
		{"date": "2026-01-15", "summary": "Bigger.", "sources": ["blog-sep"], "capacityMW": 40},
		{"date": "2026-03", "summary": "Called off.", "sources": ["blog-sep"], "status": "terminated"}]`))
	if err != nil {
		t.Fatal(err)
	}
	d := &ds.Deals[3]
	date := func(s string) dataset.Date {
		if s == "" {
			return dataset.Date{}
		}
		x, err := dataset.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	tests := []struct {
		at       string
		status   dataset.Status
		amount   float64
		estimate bool
		mw       float64
	}{
		{"2025-09-02", dataset.LOI, 5e8, true, 0},
		{"2025-09-30", dataset.LOI, 5e8, true, 0},
		{"2025-10", dataset.Definitive, 7e8, false, 0},
		{"2025-10-01", dataset.Definitive, 7e8, false, 0},
		{"2026-01", dataset.Definitive, 7e8, false, 0},
		{"2026-01-15", dataset.Definitive, 7e8, false, 40},
		{"2026-03-01", dataset.Terminated, 7e8, false, 40},
		{"", dataset.Terminated, 7e8, false, 40},
	}
	for _, tt := range tests {
		t.Run(tt.at, func(t *testing.T) {
			got := d.At(date(tt.at))
			if got.Status != tt.status || got.Amount == nil || got.Amount.Value != tt.amount || got.Amount.Estimate != tt.estimate || got.CapacityMW != tt.mw {
				t.Errorf("got %v %+v %v MW, want %v %v (estimate %v) %v MW", got.Status, got.Amount, got.CapacityMW, tt.status, tt.amount, tt.estimate, tt.mw)
			}
		})
	}
	if d.Status != dataset.LOI || d.Amount.Value != 5e8 {
		t.Errorf("At changed the deal as announced: %v %v", d.Status, d.Amount.Value)
	}
	if got, want := d.Current(), d.At(dataset.Date{}); got.Status != want.Status {
		t.Errorf("Current %v, At(zero) %v", got, want)
	}
}
