// Package wording owns the words the explainer writes for numbers, dates
// and the dataset's enumerations: money ("$300B", "up to $100B", "about
// $40B", "undisclosed"), capacity ("6 GW", "750 MW"), shares ("40%"), sizes
// ("3.1 MB"), dates as the page shows them, and deal types and statuses.
// The canvas's figures, the cards, the text twin, the captions, the poster
// and the noscript tables all take their words from here, and the page's
// scripts get them already written in the program's state, so that the
// picture and every text around it read the same way.
//
// The words around the figures (the scales of money, "up to", "about",
// "undisclosed") and the separators of their numbers are the chrome's
// (wasm/words): English until the program sets the dataset's with Use.
//
// It is pure: it imports the dataset model, the chrome's words and the
// standard library only.
package wording

import (
	"math"
	"strconv"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/words"
)

// said is the table the figures are written with. It is the one setting
// of this package: a program sets it once (Use), before it writes
// anything, so that every caller of these free functions (cards, canvas,
// twin, poster) writes the dataset's words without each carrying them.
var said = words.English()

// Use makes the figures follow a table: its words and its locale's
// separators. Call it once, before anything is written.
func Use(w *words.Words) { said = w }

// Said is the table the figures are written with.
func Said() *words.Words { return said }

// Undisclosed is the word for an amount nobody published.
func Undisclosed() string { return said.Word("money.undisclosed") }

// Money writes an amount in a dataset's currency as the page writes every
// figure: "$100B", "EUR 1.5M", "$999". Thousands, millions, billions and
// trillions are K, M, B and T (the table's scale words); one decimal at
// most and none from 100 up, halves rounding away from zero, in the
// table's locale. "" and "USD" are dollars.
func Money(v float64, currency string) string {
	return said.Money(v, currency)
}

// Amount writes a deal's amount: "$300B", "up to $100B" for a ceiling,
// "about $40B" for an estimate, and "undisclosed" for nil.
func Amount(a *dataset.Amount, currency string) string {
	if a == nil {
		return Undisclosed()
	}
	s := Money(a.Value, currency)
	switch {
	case a.UpTo:
		return said.Say("money.upTo", "amount", s)
	case a.Estimate:
		return said.Say("money.about", "amount", s)
	}
	return s
}

// Known writes a total that may be unknown: Money of *v, or "undisclosed"
// for nil.
func Known(v *float64, currency string) string {
	if v == nil {
		return Undisclosed()
	}
	return Money(*v, currency)
}

// Capacity writes megawatts as "300 MW" or, from a gigawatt, "6 GW" (two
// decimals at most); "" for none.
func Capacity(mw float64) string {
	switch {
	case mw <= 0:
		return ""
	case mw >= 1000:
		return said.Locale().Number(mw/1000, 2) + " GW"
	}
	return said.Locale().Number(mw, 3) + " MW"
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

// Date writes a date as the page's commands take it, with the precision
// the dataset gave it: "2025", "2025-09" or "2025-09-22"; "" for the zero
// Date. It is ISO 8601 in every language (state().asOf, the year marks'
// setAsOf dates, the reports).
func Date(d dataset.Date) string { return d.String() }

// DateText writes a date for the reader, in the table's locale: ISO 8601
// in English ("2025-09"), "September 2025" in German; "" for the zero Date.
func DateText(d dataset.Date) string {
	if d.IsZero() {
		return ""
	}
	return said.Locale().Date(d.Year, d.Month, d.Day)
}

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
