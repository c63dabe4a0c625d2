// Package jsonout writes JSON the way encoding/json does (its escapes,
// its numbers, null for a nil list or map, a map's keys in order), without
// reflection: the program's answers to the page (the state, the words)
// are written with it. V8 compiles each WebAssembly function lazily, on
// the main thread, at its first call, and encoding/json's reflection is
// large: its first use cost the start 12-25 ms (issue 19).
package jsonout

import (
	"math"
	"slices"
	"strconv"
	"unicode/utf8"
)

// Strings writes a list of strings; nil is null.
func Strings(b []byte, ss []string) []byte {
	if ss == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = String(b, s)
	}
	return append(b, ']')
}

// Float writes a finite float64 as encoding/json does: plain
// decimals, the shortest that read back the same, and an exponent only for
// the very small and the very large.
func Float(b []byte, f float64) []byte {
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

// String writes s as a JSON string the way encoding/json does,
// with its default HTML escaping: <, > and & as \u003c…, other control
// characters as \u00XX unless they have a short escape, invalid UTF-8 as
// \ufffd, and U+2028 and U+2029 escaped.
func String(b []byte, s string) []byte {
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

// List writes a list as encoding/json does: null for nil, each
// element by one.
func List[T any](b []byte, list []T, one func([]byte, *T) []byte) []byte {
	if list == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = one(b, &list[i])
	}
	return append(b, ']')
}

// Map writes a map with string keys as encoding/json does: null for nil,
// the keys in order, each value by one.
func Map[V any](b []byte, m map[string]V, one func([]byte, V) []byte) []byte {
	if m == nil {
		return append(b, "null"...)
	}
	b = append(b, '{')
	for i, k := range Keys(m) {
		if i > 0 {
			b = append(b, ',')
		}
		b = String(b, k)
		b = append(b, ':')
		b = one(b, m[k])
	}
	return append(b, '}')
}

// Keys is a map's keys in the order encoding/json writes them.
func Keys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Number writes a float as encoding/json does; one that is not a
// finite number, which encoding/json refuses, is written null.
func Number(b []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(b, "null"...)
	}
	return Float(b, f)
}

// FloatPtr writes a float, null for nil.
func FloatPtr(b []byte, f *float64) []byte {
	if f == nil {
		return append(b, "null"...)
	}
	return Number(b, *f)
}

// StringPtr writes a string, null for nil.
func StringPtr(b []byte, s *string) []byte {
	if s == nil {
		return append(b, "null"...)
	}
	return String(b, *s)
}

// IntPtr writes an int, null for nil.
func IntPtr(b []byte, i *int) []byte {
	if i == nil {
		return append(b, "null"...)
	}
	return strconv.AppendInt(b, int64(*i), 10)
}
