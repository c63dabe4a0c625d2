package dataset

import (
	"bytes"
	"fmt"
	"unicode"
	"unicode/utf8"
)

// maxNesting is the deepest nesting of arrays and objects a document may
// have, the same as encoding/json's, so that tools built on it agree.
const maxNesting = 10000

// syntaxProblem locates the syntax error found at byte pos of doc.
func syntaxProblem(doc []byte, pos int, why string) Problem {
	line, col := lineColumn(doc, pos)
	return Problem{Path: docPath, Message: fmt.Sprintf("is not valid JSON: line %d, column %d: %s", line, col, why), Offset: pos}
}

// lineColumn returns the 1-based line and column (in characters) of byte pos.
func lineColumn(doc []byte, pos int) (line, col int) {
	line = 1 + bytes.Count(doc[:pos], []byte{'\n'})
	start := bytes.LastIndexByte(doc[:pos], '\n') + 1
	return line, 1 + utf8.RuneCount(doc[start:pos])
}

// syntaxError returns the offset of the first byte where doc stops being
// JSON text (RFC 8259, in UTF-8) and why, or -1 when doc is JSON. Load uses
// it rather than gjson.Valid: it also checks UTF-8 and nesting in the same
// pass, is faster, and keeps an explicit stack where gjson.Valid recurses
// once per level.
func syntaxError(doc []byte) (int, string) {
	var stack []byte // '{' or '[' for each open container
	i := skipSpace(doc, 0)
	for {
		// A value starts at i.
		if i == len(doc) {
			if len(stack) == 0 && len(bytes.TrimSpace(doc)) == 0 {
				return i, "the document is empty"
			}
			return i, "the document ends where a value is expected"
		}
		var opened, end bool
		var why string
		if i, opened, why = startValue(doc, i, &stack); why != "" {
			return i, why
		}
		if opened {
			continue // the container's first value starts at i
		}
		if i, end, why = afterValue(doc, i, &stack); why != "" {
			return i, why
		}
		if end {
			return -1, ""
		}
	}
}

// startValue reads the value that starts at i. A non-empty object or array
// is opened (pushed on stack) and opened is true, with i where its first
// value starts; any other value is read whole and i is just after it.
func startValue(doc []byte, i int, stack *[]byte) (next int, opened bool, why string) {
	switch c := doc[i]; {
	case (c == '{' || c == '[') && len(*stack) == maxNesting:
		return i, false, fmt.Sprintf("arrays and objects are nested more than %d deep", maxNesting)
	case c == '{':
		i = skipSpace(doc, i+1)
		if i < len(doc) && doc[i] == '}' {
			return i + 1, false, ""
		}
		*stack = append(*stack, '{')
		i, why = memberKey(doc, i)
		return i, true, why
	case c == '[':
		i = skipSpace(doc, i+1)
		if i < len(doc) && doc[i] == ']' {
			return i + 1, false, ""
		}
		*stack = append(*stack, '[')
		return i, true, ""
	case c == '"':
		i, why = scanString(doc, i)
	case c == '-' || c >= '0' && c <= '9':
		i, why = scanNumber(doc, i)
	case c == 't':
		i, why = scanLiteral(doc, i, "true")
	case c == 'f':
		i, why = scanLiteral(doc, i, "false")
	case c == 'n':
		i, why = scanLiteral(doc, i, "null")
	default:
		return i, false, "expected a value, found " + describe(doc, i)
	}
	return i, false, why
}

// afterValue closes containers after a value that ended at i, until the
// next value starts (next is where) or the document ends (end is true).
func afterValue(doc []byte, i int, stack *[]byte) (next int, end bool, why string) {
	for {
		i = skipSpace(doc, i)
		if len(*stack) == 0 {
			if i == len(doc) {
				return i, true, ""
			}
			return i, false, "expected the end of the document, found " + describe(doc, i)
		}
		top := (*stack)[len(*stack)-1]
		closer := byte(']')
		if top == '{' {
			closer = '}'
		}
		if i == len(doc) {
			return i, false, fmt.Sprintf("the document ends before a closing '%c'", closer)
		}
		switch doc[i] {
		case closer:
			*stack = (*stack)[:len(*stack)-1]
			i++
			continue
		case ',':
			i = skipSpace(doc, i+1)
			if top == '{' {
				i, why = memberKey(doc, i)
			}
			return i, false, why
		}
		return i, false, fmt.Sprintf("expected ',' or '%c', found %s", closer, describe(doc, i))
	}
}

// memberKey reads `"key" :` at i and returns where the member's value starts.
func memberKey(doc []byte, i int) (int, string) {
	if i == len(doc) || doc[i] != '"' {
		return i, "expected a string key in double quotes, found " + describe(doc, i)
	}
	i, why := scanString(doc, i)
	if why != "" {
		return i, why
	}
	i = skipSpace(doc, i)
	if i == len(doc) || doc[i] != ':' {
		return i, "expected ':' after the key, found " + describe(doc, i)
	}
	return skipSpace(doc, i+1), ""
}

func skipSpace(doc []byte, i int) int {
	for i < len(doc) && (doc[i] == ' ' || doc[i] == '\t' || doc[i] == '\n' || doc[i] == '\r') {
		i++
	}
	return i
}

// scanString reads the string whose opening quote is at i.
func scanString(doc []byte, i int) (int, string) {
	for i++; i < len(doc); {
		c := doc[i]
		switch {
		case c == '"':
			return i + 1, ""
		case c < 0x20:
			return i, fmt.Sprintf("a control character (byte 0x%02x) must be escaped inside a string", c)
		case c == '\\':
			if i+1 == len(doc) {
				return i + 1, "the document ends inside a string"
			}
			switch doc[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				for k := i + 2; k < i+6; k++ {
					if k == len(doc) || !isHex(doc[k]) {
						return k, "expected four hex digits after \\u"
					}
				}
				i += 6
			default:
				return i + 1, "a backslash followed by " + describe(doc, i+1) + " is not a valid escape"
			}
		case c < utf8.RuneSelf:
			i++
		default:
			r, n := utf8.DecodeRune(doc[i:])
			if r == utf8.RuneError && n == 1 {
				return i, fmt.Sprintf("invalid UTF-8 (byte 0x%02x)", c)
			}
			i += n
		}
	}
	return len(doc), "the document ends inside a string"
}

// scanNumber reads -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? at i.
func scanNumber(doc []byte, i int) (int, string) {
	if doc[i] == '-' {
		i++
	}
	switch {
	case i < len(doc) && doc[i] == '0':
		i++
	case i < len(doc) && doc[i] >= '1' && doc[i] <= '9':
		i = skipDigits(doc, i)
	default:
		return i, "expected a digit, found " + describe(doc, i)
	}
	if i < len(doc) && doc[i] == '.' {
		i++
		if i == len(doc) || !isDigit(doc[i]) {
			return i, "expected a digit after the decimal point, found " + describe(doc, i)
		}
		i = skipDigits(doc, i)
	}
	if i < len(doc) && (doc[i] == 'e' || doc[i] == 'E') {
		i++
		if i < len(doc) && (doc[i] == '+' || doc[i] == '-') {
			i++
		}
		if i == len(doc) || !isDigit(doc[i]) {
			return i, "expected a digit in the exponent, found " + describe(doc, i)
		}
		i = skipDigits(doc, i)
	}
	return i, ""
}

func scanLiteral(doc []byte, i int, word string) (int, string) {
	for k := 0; k < len(word); k++ {
		if i+k == len(doc) || doc[i+k] != word[k] {
			return i + k, fmt.Sprintf("expected %s, found %s", word, describe(doc, i+k))
		}
	}
	return i + len(word), ""
}

func skipDigits(doc []byte, i int) int {
	for i < len(doc) && isDigit(doc[i]) {
		i++
	}
	return i
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isHex(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// describe names the character at i for a message.
func describe(doc []byte, i int) string {
	if i >= len(doc) {
		return "the end of the document"
	}
	r, n := utf8.DecodeRune(doc[i:])
	switch {
	case r == utf8.RuneError && n == 1:
		return fmt.Sprintf("byte 0x%02x", doc[i])
	case r == '\'':
		return `"'"`
	case unicode.IsPrint(r):
		return "'" + string(r) + "'"
	}
	return fmt.Sprintf("%U", r)
}
