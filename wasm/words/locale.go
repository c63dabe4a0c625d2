package words

import (
	"math"
	"strconv"
	"strings"
)

// Locale is how a language writes numbers and dates: its separators and
// its month names.
type Locale struct {
	Tag     string // the language: "en", "de", "es", "fr"
	Decimal string // the decimal separator
	Group   string // the thousands separator
	// MinGroup is the fewest digits before the decimal point that are
	// grouped: 4 in most languages, 5 in Spanish ("1234", "12.345").
	MinGroup int
	Months   [12]string
	// Day and Month are the patterns of a full date and of a month, with
	// {d}, {month} and {y}; "" writes the date as ISO 8601, as the English
	// page always has ("2025-09-22", "2025-09").
	Day, Month string
}

// locales is the small table of languages the chrome knows; others fall
// back to English. golang.org/x/text would know them all, at a cost to
// the program's size that a few rows do not have.
var locales = map[string]Locale{
	"en": {Tag: "en", Decimal: ".", Group: ",", MinGroup: 4,
		Months: [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}},
	"de": {Tag: "de", Decimal: ",", Group: ".", MinGroup: 4, Day: "{d}. {month} {y}", Month: "{month} {y}",
		Months: [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}},
	"es": {Tag: "es", Decimal: ",", Group: ".", MinGroup: 5, Day: "{d} de {month} de {y}", Month: "{month} de {y}",
		Months: [12]string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"}},
	"fr": {Tag: "fr", Decimal: ",", Group: "\u202f", MinGroup: 4, Day: "{d} {month} {y}", Month: "{month} {y}",
		Months: [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}},
}

// LocaleOf is the locale of a BCP 47 tag's language ("de-AT" → German),
// English for one it does not know.
func LocaleOf(tag string) Locale {
	lang, _, _ := strings.Cut(strings.ToLower(tag), "-")
	if l, ok := locales[lang]; ok {
		return l
	}
	return locales["en"]
}

// Int writes a whole number with the locale's grouping: "1,234", "1.234".
func (l Locale) Int(n int) string { return l.Number(float64(n), 0) }

// Number writes x with at most decimals decimals (a zero decimal
// dropped, halves away from zero) and the locale's separators: 1234.5 is
// "1,234.5" in English and "1.234,5" in German.
func (l Locale) Number(x float64, decimals int) string {
	neg := x < 0
	scale := math.Pow10(decimals)
	r := int64(math.Round(math.Abs(x) * scale))
	whole, frac := r/int64(scale), r%int64(scale)
	digits := strconv.FormatInt(whole, 10)
	if len(digits) >= l.MinGroup {
		var b strings.Builder
		for i, c := range digits {
			if i > 0 && (len(digits)-i)%3 == 0 {
				b.WriteString(l.Group)
			}
			b.WriteRune(c)
		}
		digits = b.String()
	}
	if frac != 0 {
		f := strconv.FormatInt(frac, 10)
		f = strings.Repeat("0", decimals-len(f)) + f
		digits += l.Decimal + strings.TrimRight(f, "0")
	}
	if neg && (whole != 0 || frac != 0) {
		digits = "-" + digits
	}
	return digits
}

// Date writes a date with the precision given: month 0 for a year alone,
// day 0 for a month. English keeps ISO 8601 ("2025-09"); German writes
// "September 2025" and "22. September 2025". A month outside 1–12 is
// written as ISO.
func (l Locale) Date(year, month, day int) string {
	iso := strconv.Itoa(year)
	if month == 0 {
		return iso
	}
	iso += "-" + two(month)
	if day != 0 {
		iso += "-" + two(day)
	}
	pattern := l.Month
	if day != 0 {
		pattern = l.Day
	}
	if pattern == "" || month < 1 || month > 12 {
		return iso
	}
	return strings.NewReplacer("{d}", strconv.Itoa(day), "{month}", l.Months[month-1], "{y}", strconv.Itoa(year)).Replace(pattern)
}

func two(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
