package dataset

import (
	"errors"
	"fmt"
	"time"
)

// ErrDate is wrapped by every error ParseDate returns.
var ErrDate = errors.New("is not a valid date")

// ParseDate reads a date of the format: YYYY, YYYY-MM or YYYY-MM-DD, with a
// year from 1000 to 9999 and a day that exists in its month.
func ParseDate(s string) (Date, error) {
	bad := func(why string) (Date, error) {
		return Date{}, fmt.Errorf("%s %w: %s", quote(s), ErrDate, why)
	}
	const shape = "use YYYY, YYYY-MM or YYYY-MM-DD"
	if len(s) != 4 && len(s) != 7 && len(s) != 10 {
		return bad(shape)
	}
	var d Date
	var ok bool
	if d.Year, ok = digits(s[0:4]); !ok {
		return bad(shape)
	}
	if len(s) >= 7 {
		if s[4] != '-' {
			return bad(shape)
		}
		if d.Month, ok = digits(s[5:7]); !ok {
			return bad(shape)
		}
	}
	if len(s) == 10 {
		if s[7] != '-' {
			return bad(shape)
		}
		if d.Day, ok = digits(s[8:10]); !ok {
			return bad(shape)
		}
	}
	switch {
	case d.Year < 1000:
		return bad("the year must be from 1000 to 9999")
	case len(s) >= 7 && (d.Month < 1 || d.Month > 12):
		return bad("the month must be from 01 to 12")
	case len(s) == 10 && d.Day < 1:
		return bad("the day must be 01 or later")
	case len(s) == 10 && d.Day > daysIn(d.Year, d.Month):
		return bad(fmt.Sprintf("%s %d has %d days", time.Month(d.Month), d.Year, daysIn(d.Year, d.Month)))
	}
	return d, nil
}

// digits reads a string of ASCII digits.
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// daysIn returns the number of days of a month in the Gregorian calendar.
func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// IsZero reports whether d is the zero Date, meaning "no date".
func (d Date) IsZero() bool { return d == Date{} }

// Key returns the date as a number that orders like the date, a partial date
// counting as its first day: 20250301 for 2025-03.
func (d Date) Key() int {
	return d.Year*10000 + max(d.Month, 1)*100 + max(d.Day, 1)
}

// Compare returns -1, 0 or +1 as d is before, on or after o, a partial date
// counting as its first day (2025 == 2025-01 == 2025-01-01).
func (d Date) Compare(o Date) int {
	a, b := d.Key(), o.Key()
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// String returns the date with the precision it was given: 2025, 2025-03 or
// 2025-03-01; the zero Date is "".
func (d Date) String() string {
	return string(d.append(nil))
}

func (d Date) append(b []byte) []byte {
	if d.IsZero() {
		return b
	}
	b = fmt.Appendf(b, "%04d", d.Year)
	if d.Month > 0 {
		b = fmt.Appendf(b, "-%02d", d.Month)
		if d.Day > 0 {
			b = fmt.Appendf(b, "-%02d", d.Day)
		}
	}
	return b
}

// MarshalText writes the date as String does, so it travels through
// encoding/json as a string.
func (d Date) MarshalText() ([]byte, error) { return d.append(nil), nil }

// UnmarshalText reads a date written by MarshalText; empty text is the zero
// Date.
func (d *Date) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
