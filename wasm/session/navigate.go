package session

import (
	"cmp"
	"slices"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
)

// StepDate moves the date by one of the dataset's distinct deal dates
// (ascending). The zero date shows every deal and sits after the last date.
// Stepping forward from the last date returns to the zero date; stepping
// back from the zero date goes to the last date but one, the first view
// that differs from it.
func StepDate(dates []dataset.Date, cur dataset.Date, by int) dataset.Date {
	if len(dates) == 0 {
		return cur
	}
	i := len(dates) - 1 // the zero date shows what the last date shows
	if !cur.IsZero() {
		i = -1
		for j, d := range dates {
			if d.Compare(cur) <= 0 {
				i = j
			}
		}
	}
	switch {
	case by > 0 && cur.IsZero():
		return cur
	case by > 0 && i+1 >= len(dates):
		return dataset.Date{}
	case by > 0:
		return dates[i+1]
	case i <= 0:
		return dates[0]
	}
	return dates[i-1]
}

// TabOrder is the order Tab visits entities: most money through them
// first, then by id, skipping those the filter hides.
func TabOrder(d *dataset.Dataset, money []float64, shown []bool) []int {
	var order []int
	for i := range d.Entities {
		if shown == nil || shown[i] {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if c := cmp.Compare(money[b], money[a]); c != 0 {
			return c
		}
		return cmp.Compare(d.Entities[a].ID, d.Entities[b].ID)
	})
	return order
}

// Walk moves the keyboard's focus along order by one step (by = +1 or
// -1), round from the last to the first and back: the canvas is one Tab
// stop, so its arrows never reach an end. From no focus it starts at the
// first (or, going back, the last); with nothing in order it is -1.
func Walk(order []int, focus, by int) int {
	if len(order) == 0 {
		return -1
	}
	return order[round(slices.Index(order, focus), by, len(order))]
}

// WalkLoops returns the key (LoopKey) of the loop after (by +1) or before
// (-1) the loop named cur among loops, round; from none (or one no longer
// there), the first or the last. The order is the analysis' (the text
// twin's list), so the arrows and the twin agree. "" when there are none.
func WalkLoops(d *dataset.Dataset, loops []analysis.LoopInfo, cur string, by int) string {
	if len(loops) == 0 {
		return ""
	}
	at := -1
	for i := range loops {
		if cur != "" && LoopKey(d, loops[i].Entities) == cur {
			at = i
			break
		}
	}
	return LoopKey(d, loops[round(at, by, len(loops))].Entities)
}

// round is the index by steps from at among n, round; from at < 0, the
// first going forward and the last going back.
func round(at, by, n int) int {
	if at < 0 {
		if by < 0 {
			return n - 1
		}
		return 0
	}
	return ((at+by)%n + n) % n
}

// Link is one drawn edge by its ends and disclosed total, for Follow.
type Link struct {
	From, To int
	Total    float64
}

// Follow returns where the money leads from entity s: with out, the payee
// of its largest edge out; otherwise the payer of its largest edge in; -1
// when there is none. Ties go to the first link.
func Follow(links []Link, s int, out bool) int {
	best, bestTotal := -1, -1.0
	for _, l := range links {
		from, to := l.From, l.To
		if !out {
			from, to = to, from
		}
		if from == s && l.Total > bestTotal {
			best, bestTotal = to, l.Total
		}
	}
	return best
}
