package page_test

import (
	"reflect"
	"testing"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/page"
)

// TestYearMarks counts by hand the loops at the end of each year of a
// small dataset: a↔b closes in 2023-09; b→c→a adds a→b→c→a in 2024-11;
// c→b (b↔c) in 2025-05 and a→c in 2025-12 (a↔c, a→c→b→a) make five.
// Every one but b↔c (chips both ways: no financing) is a circular deal.
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
	// Before the earlier years' snapshots are built, their marks are
	// counting (the last year's is every date's, which the marks build).
	counting := page.YearMarks(an, dataset.Date{Year: 2024, Month: 3})
	for i, m := range counting[:2] {
		if !m.Counting || m.Loops != 0 || m.LoopsText != "…" || m.Label != m.Year+" · …" ||
			m.Spoken != m.Year+" · loops still being counted, as of "+m.AsOf || m.Current != (i == 1) {
			t.Errorf("unbuilt year %d: %+v, want a mark still counting", i, m)
		}
	}
	if counting[2].Counting {
		t.Errorf("the last year, every date's snapshot, is counting: %+v", counting[2])
	}
	for _, dt := range an.YearEnds() {
		an.At(dt)
	}
	got := page.YearMarks(an, dataset.Date{Year: 2024, Month: 3})
	want := []page.YearMark{
		{Year: "2023", AsOf: "2023-09", Loops: 1, Circular: 1, LoopsText: "1 circular deal", Label: "2023 · 1 circular deal",
			Spoken: "2023 · 1 circular deal, 1 loop in all, as of 2023-09"},
		{Year: "2024", AsOf: "2024-11-20", Loops: 2, Circular: 2, LoopsText: "2 circular deals", Label: "2024 · 2 circular deals",
			Spoken: "2024 · 2 circular deals, 2 loops in all, as of 2024-11-20", Current: true},
		{Year: "2025", AsOf: "2025-12", Loops: 5, Circular: 4, LoopsText: "4 circular deals", Label: "2025 · 4 circular deals",
			Spoken: "2025 · 4 circular deals, 5 loops in all, as of 2025-12"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("year marks\n got %+v\nwant %+v", got, want)
	}
	// Every date is the last year's.
	if all := page.YearMarks(an, dataset.Date{}); !all[2].Current || all[0].Current || all[1].Current {
		t.Errorf("at every date: %+v, want the last year current", all)
	}
	if got, want := page.FactsAsOf(d), "Facts as of 2026-02-03"; got != want {
		t.Errorf("FactsAsOf = %q, want %q", got, want)
	}
}
