package page

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// appendLoops appends loops to b as JSON, the same bytes encoding/json
// writes for them (TestLoopsJSONIsEncodingJSON), without its reflection.
// The loops are most of the state's JSON (up to 10,000 of them, several MB
// on a large network), made anew for every snapshot: at the start, where
// encoding/json's first use also builds its encoders, and at each change of
// date. A round trip that is not a finite number, which encoding/json
// refuses, is written null.
func appendLoops(b []byte, loops []Loop) []byte {
	if loops == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i := range loops {
		l := &loops[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"entities":`...)
		b = appendStrings(b, l.Entities)
		b = append(b, `,"deals":`...)
		b = appendStrings(b, l.Deals)
		b = append(b, `,"roundTripValue":`...)
		if v := l.RoundTripValue; v == nil || math.IsNaN(*v) || math.IsInf(*v, 0) {
			b = append(b, "null"...)
		} else {
			b = appendFloat(b, *v)
		}
		b = append(b, `,"roundTripText":`...)
		b = appendString(b, l.RoundTripText)
		b = append(b, `,"kind":`...)
		b = appendString(b, l.Kind)
		b = append(b, `,"rank":`...)
		if l.Rank == nil {
			b = append(b, "null"...)
		} else {
			b = strconv.AppendInt(b, int64(*l.Rank), 10)
		}
		b = append(b, `,"kindText":`...)
		b = appendString(b, l.KindText)
		b = append(b, '}')
	}
	return append(b, ']')
}

func appendStrings(b []byte, ss []string) []byte {
	if ss == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, s)
	}
	return append(b, ']')
}

// appendFloat writes a finite float64 as encoding/json does: plain
// decimals, the shortest that read back the same, and an exponent only for
// the very small and the very large.
func appendFloat(b []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 → e-9, as encoding/json writes it.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// appendString writes s as a JSON string the way encoding/json does,
// with its default HTML escaping: <, > and & as \u003c…, other control
// characters as \u00XX unless they have a short escape, invalid UTF-8 as
// \ufffd, and U+2028 and U+2029 escaped.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
