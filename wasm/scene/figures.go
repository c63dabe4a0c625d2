package scene

import (
	"math"
	"strconv"
)

// Money writes an amount in a dataset's currency the way the page's cards
// do (web/app.js money()): "$100B", "EUR 1.5M"; one decimal at most, none
// from 100 up, halves rounding up as JavaScript's toFixed does.
func Money(v float64, currency string) string {
	text := strconv.FormatFloat(v, 'f', -1, 64)
	for _, u := range [...]struct {
		n float64
		s string
	}{{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "K"}} {
		if v >= u.n {
			if v/u.n >= 100 {
				text = strconv.FormatInt(int64(math.Round(v/u.n)), 10) + u.s
			} else {
				text = tenths(int64(math.Round(v/u.n*10))) + u.s
			}
			break
		}
	}
	if currency == "" || currency == "USD" {
		return "$" + text
	}
	return currency + " " + text
}

// tenths writes n/10 with one decimal, or none when it is whole.
func tenths(n int64) string {
	s := strconv.FormatInt(n/10, 10)
	if n%10 != 0 {
		s += "." + strconv.FormatInt(n%10, 10)
	}
	return s
}

// Capacity writes megawatts as "300 MW" or, from a gigawatt, "6 GW" (two
// decimals at most).
func Capacity(mw float64) string {
	if mw >= 1000 {
		return strconv.FormatFloat(math.Round(mw/10)/100, 'f', -1, 64) + " GW"
	}
	return strconv.FormatFloat(mw, 'f', -1, 64) + " MW"
}
