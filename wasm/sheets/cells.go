package sheets

import (
	"errors"
	"strconv"
	"strings"
)

// errAmount explains how to write an amount.
var errAmount = errors.New("is not an amount: write a number such as 300000000000, or one with a scale such as 300B, $300 billion, 1.5 bn or 750M")

// scales are the words a spreadsheet uses for a power of ten, lower case.
var scales = []struct {
	words []string
	exp   string
}{
	{[]string{"k", "thousand"}, "e3"},
	{[]string{"m", "mn", "mio", "million", "millions"}, "e6"},
	{[]string{"b", "bn", "billion", "billions"}, "e9"},
	{[]string{"t", "tn", "trillion", "trillions"}, "e12"},
}

// parseAmount reads a money figure: a plain number (300000000000, with or
// without thousands separators) or a number with a scale (300B, $300
// billion, 1.5 bn, 750M), optionally after a currency sign. Whether it is
// greater than 0 is the loader's rule.
func parseAmount(s string) (float64, error) {
	for _, sign := range []string{"$", "€", "£", "¥"} {
		s = strings.TrimSpace(strings.TrimPrefix(s, sign))
	}
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.' || s[i] == ',' || s[i] == '-' || s[i] == '+') {
		i++
	}
	digits, word := s[:i], strings.ToLower(strings.TrimSpace(s[i:]))
	digits, ok := ungroup(digits)
	if !ok || !plainNumber(digits) {
		return 0, errAmount
	}
	exp := ""
	if word != "" {
		for _, sc := range scales {
			for _, w := range sc.words {
				if word == w {
					exp = sc.exp
				}
			}
		}
		if exp == "" {
			return 0, errAmount
		}
	}
	// Parsing "1.5e9" rather than multiplying keeps 11.9B exactly
	// 11900000000: ParseFloat rounds once, correctly.
	v, err := strconv.ParseFloat(digits+exp, 64)
	if err != nil {
		return 0, errAmount
	}
	return v, nil
}

// ungroup removes thousands separators from a number written with them
// (1,500,000), and refuses commas anywhere else: 1,5 may mean 1.5 in the
// newsroom's language, so it is not guessed at.
func ungroup(s string) (string, bool) {
	if !strings.Contains(s, ",") {
		return s, true
	}
	intPart, frac, _ := strings.Cut(s, ".")
	groups := strings.Split(strings.TrimLeft(intPart, "+-"), ",")
	if len(groups[0]) < 1 || len(groups[0]) > 3 {
		return "", false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return "", false
		}
	}
	out := strings.ReplaceAll(intPart, ",", "")
	if strings.Contains(s, ".") {
		out += "." + frac
	}
	return out, true
}

// plainNumber reports whether s is a decimal number: an optional sign,
// digits, an optional fraction; no exponent, hex, Inf or NaN, which
// strconv.ParseFloat would accept.
func plainNumber(s string) bool {
	s = strings.TrimLeft(s, "+-")
	intPart, frac, hasFrac := strings.Cut(s, ".")
	if intPart == "" && frac == "" {
		return false
	}
	if hasFrac && frac == "" {
		return false
	}
	return allDigits(intPart) && allDigits(frac)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// parseNumber reads a plain decimal number.
func parseNumber(s string) (float64, error) {
	if !plainNumber(s) {
		return 0, errors.New("is not a number: write digits with a point for decimals, such as 1200 or 0.5")
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, errors.New("is too large")
	}
	return v, nil
}

// parseFlag reads a yes/no cell.
func parseFlag(s string) (bool, error) {
	switch strings.ToLower(s) {
	case "true", "yes", "1":
		return true, nil
	case "false", "no", "0":
		return false, nil
	}
	return false, errors.New("is not yes or no: write true or false, yes or no, 1 or 0, or leave it empty")
}

// splitList reads a list cell: items separated by ";", blanks dropped.
func splitList(s string) []string {
	var items []string
	for _, it := range strings.Split(s, ";") {
		if it = strings.TrimSpace(it); it != "" {
			items = append(items, it)
		}
	}
	return items
}

// quoteCell returns a cell in double quotes for a message, shortened when
// long.
func quoteCell(s string) string {
	const max = 60
	if len([]rune(s)) > max {
		return strconv.Quote(string([]rune(s)[:max])) + "…"
	}
	return strconv.Quote(s)
}

func itoa(n int) string { return strconv.Itoa(n) }
