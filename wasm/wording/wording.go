// Package wording owns the words the explainer writes for numbers, dates
// and the dataset's enumerations: money ("$300B", "up to $100B", "about
// $40B", "undisclosed"), capacity ("6 GW", "750 MW"), shares ("40%"), sizes
// ("3.1 MB"), dates as the page shows them, and deal types and statuses.
// The canvas's figures, the cards, the text twin, the captions, the poster
// and the noscript tables all take their words from here, and the page's
// scripts get them already written in the program's state, so that the
// picture and every text around it read the same way.
//
// It is pure: it imports the dataset model and the standard library only.
package wording

import (
	"math"
	"strconv"

	"ouroboros/wasm/dataset"
)

// Undisclosed is the word for an amount nobody published.
const Undisclosed = "undisclosed"

// Money writes an amount in a dataset's currency as the page writes every
// figure: "$100B", "EUR 1.5M", "$999". Thousands, millions, billions and
// trillions are K, M, B and T; one decimal at most and none from 100 up,
// halves rounding away from zero. "" and "USD" are dollars.
func Money(v float64, currency string) string {
	return currencyMark(currency) + figure(v)
}

// Amount writes a deal's amount: "$300B", "up to $100B" for a ceiling,
// "about $40B" for an estimate, and "undisclosed" for nil.
func Amount(a *dataset.Amount, currency string) string {
	if a == nil {
		return Undisclosed
	}
	s := Money(a.Value, currency)
	switch {
	case a.UpTo:
		return "up to " + s
	case a.Estimate:
		return "about " + s
	}
	return s
}

// Known writes a total that may be unknown: Money of *v, or "undisclosed"
// for nil.
func Known(v *float64, currency string) string {
	if v == nil {
		return Undisclosed
	}
	return Money(*v, currency)
}

func currencyMark(currency string) string {
	if currency == "" || currency == "USD" {
		return "$"
	}
	return currency + " "
}

// figure writes v with the largest unit it reaches.
func figure(v float64) string {
	for _, u := range [...]struct {
		n float64
		s string
	}{{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "K"}} {
		if v >= u.n {
			if v/u.n >= 100 {
				return strconv.FormatInt(int64(math.Round(v/u.n)), 10) + u.s
			}
			return tenths(int64(math.Round(v/u.n*10))) + u.s
		}
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
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
// decimals at most); "" for none.
func Capacity(mw float64) string {
	switch {
	case mw <= 0:
		return ""
	case mw >= 1000:
		return strconv.FormatFloat(math.Round(mw/10)/100, 'f', -1, 64) + " GW"
	}
	return strconv.FormatFloat(mw, 'f', -1, 64) + " MW"
}

// Share writes a part of a whole, x in [0, 1], as a whole percentage:
// "40%"; "" for nil (unknown).
func Share(x *float64) string {
	if x == nil {
		return ""
	}
	return strconv.FormatInt(int64(math.Round(*x*100)), 10) + "%"
}

// Size writes a number of bytes in binary megabytes with one decimal, as
// the loader counts its download: "3.1 MB".
func Size(bytes int64) string {
	return strconv.FormatFloat(math.Round(float64(bytes)/1048576*10)/10, 'f', 1, 64) + " MB"
}

// Date writes a date as the page shows it, with the precision the dataset
// gave it: "2025", "2025-09" or "2025-09-22"; "" for the zero Date.
func Date(d dataset.Date) string { return d.String() }

// DealType writes a deal type: "equity", "compute", …. The page's legend
// and its filter commands use the same words.
func DealType(t dataset.DealType) string { return t.String() }

// Status writes a deal's status: "talks", "loi", "definitive", ….
func Status(s dataset.Status) string { return s.String() }

// DealTypes lists every deal type's word, in the format's order.
func DealTypes() []string {
	var out []string
	for t := dataset.Equity; t <= dataset.Acquisition; t++ {
		out = append(out, DealType(t))
	}
	return out
}

// Statuses lists every status's word, in the format's order.
func Statuses() []string {
	var out []string
	for s := dataset.Talks; s <= dataset.Terminated; s++ {
		out = append(out, Status(s))
	}
	return out
}
