package session

import (
	"cmp"
	"slices"

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

// NextFocus moves the keyboard focus along order by one step (by = +1 or
// -1) and returns -1 when it leaves the ends, so that Tab can move on to
// the page's other controls.
func NextFocus(order []int, focus, by int) int {
	at := slices.Index(order, focus)
	switch {
	case at < 0 && by > 0 && len(order) > 0:
		return order[0]
	case at < 0 && by < 0 && len(order) > 0:
		return order[len(order)-1]
	case at < 0:
		return -1
	}
	at += by
	if at < 0 || at >= len(order) {
		return -1
	}
	return order[at]
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
