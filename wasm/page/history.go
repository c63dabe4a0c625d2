package page

import (
	"strings"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/wording"
)

// HistoryEntry is one line of a deal's history: its announcement or a
// later update, in words, with its sources.
type HistoryEntry struct {
	Date string `json:"date"`
	// Change says what the entry set or changed: "announced: loi, up to
	// $100B", "status talks → announced; amount $10B → $50B", "no change to
	// status or amount".
	Change  string       `json:"change"`
	Summary string       `json:"summary"`
	Sources []SourceLink `json:"sources"`
}

// History is deal i's history as of at (every entry for the zero date):
// its announcement, then each update dated on or before at.
func History(d *dataset.Dataset, i int, at dataset.Date) []HistoryEntry {
	x := &d.Deals[i]
	prev := dataset.State{Status: x.Status, Amount: x.Amount, CapacityMW: x.CapacityMW}
	first := wording.Said().Say("history.announced", "status", wording.Status(x.Status), "amount", wording.Amount(x.Amount, d.Currency))
	if x.CapacityMW > 0 {
		first += ", " + wording.Capacity(x.CapacityMW)
	}
	out := []HistoryEntry{{Date: wording.DateText(x.Date), Change: first, Summary: x.Summary, Sources: sourceLinks(d, x.Sources)}}
	for _, u := range x.Updates {
		if !at.IsZero() && u.Date.Compare(at) > 0 {
			break
		}
		next := x.At(u.Date)
		out = append(out, HistoryEntry{Date: wording.DateText(u.Date), Change: change(prev, next, d.Currency),
			Summary: u.Summary, Sources: sourceLinks(d, u.Sources)})
		prev = next
	}
	return out
}

// change words what changed from a deal's state to the next.
func change(a, b dataset.State, currency string) string {
	say := wording.Said()
	var parts []string
	if a.Status != b.Status {
		parts = append(parts, say.Say("history.status", "was", wording.Status(a.Status), "is", wording.Status(b.Status)))
	}
	if was, is := wording.Amount(a.Amount, currency), wording.Amount(b.Amount, currency); was != is {
		parts = append(parts, say.Say("history.amount", "was", was, "is", is))
	}
	if a.CapacityMW != b.CapacityMW {
		parts = append(parts, say.Say("history.capacity", "was", capacityOrNone(a.CapacityMW), "is", capacityOrNone(b.CapacityMW)))
	}
	if len(parts) == 0 {
		return say.Word("history.noChange")
	}
	return strings.Join(parts, "; ")
}

func capacityOrNone(mw float64) string {
	if mw <= 0 {
		return wording.Said().Word("history.noCapacity")
	}
	return wording.Capacity(mw)
}

// sourceLinks are the sources of keys, as links.
func sourceLinks(d *dataset.Dataset, keys []int) []SourceLink {
	out := make([]SourceLink, 0, len(keys))
	for _, s := range keys {
		out = append(out, sourceLink(d.Sources[s]))
	}
	return out
}
