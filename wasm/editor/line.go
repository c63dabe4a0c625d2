package editor

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
)

// segment is one step of a problem's JSON path: a member's key, or an
// array's index when index >= 0.
type segment struct {
	key   string
	index int
}

// parsePath splits a path as package dataset writes it (deals[12].to,
// kinds["odd key"].color) into its steps; ok is false for the whole
// document or a path it cannot read.
func parsePath(p string) (segs []segment, ok bool) {
	for p != "" {
		switch {
		case strings.HasPrefix(p, "["):
			end := strings.IndexByte(p, ']')
			if end < 0 {
				return nil, false
			}
			inner := p[1:end]
			if strings.HasPrefix(inner, `"`) {
				// A quoted key may hold ']': unquote the longest prefix.
				q, err := strconv.QuotedPrefix(p[1:])
				if err != nil || !strings.HasPrefix(p[1+len(q):], "]") {
					return nil, false
				}
				k, _ := strconv.Unquote(q)
				segs = append(segs, segment{key: k, index: -1})
				p = p[2+len(q):]
				continue
			}
			i, err := strconv.Atoi(inner)
			if err != nil || i < 0 {
				return nil, false
			}
			segs = append(segs, segment{index: i})
			p = p[end+1:]
		default:
			p = strings.TrimPrefix(p, ".")
			end := strings.IndexAny(p, ".[")
			if end < 0 {
				end = len(p)
			}
			if end == 0 {
				return nil, false
			}
			segs = append(segs, segment{key: p[:end], index: -1})
			p = p[end:]
		}
	}
	return segs, len(segs) > 0
}

// lineOf returns the line (from 1) where the value at path p starts in
// doc, or of the deepest value on the way that exists (a missing member is
// looked for in the object that lacks it); 0 when p names the whole
// document or doc cannot be read that far.
func lineOf(doc []byte, p string) int {
	segs, ok := parsePath(p)
	if !ok {
		return 0
	}
	dec := json.NewDecoder(bytes.NewReader(doc))
	at := 0 // the offset of the value found so far
	for _, s := range segs {
		next, found := child(dec, doc, s)
		if next < 0 {
			break
		}
		at = next
		if !found {
			break
		}
	}
	if at == 0 {
		return 0
	}
	return 1 + bytes.Count(doc[:at], []byte{'\n'})
}

// child reads the container that starts at the decoder's position and
// stops before its member or item s. It returns the offset where that
// value starts and true, or the offset of the container and false when it
// has none; -1 when doc cannot be read.
func child(dec *json.Decoder, doc []byte, s segment) (int, bool) {
	start := valueStart(doc, int(dec.InputOffset()))
	tok, err := dec.Token()
	if err != nil {
		return -1, false
	}
	delim, _ := tok.(json.Delim)
	if delim != '{' && delim != '[' || (delim == '[') != (s.index >= 0) {
		return start, false
	}
	for i := 0; dec.More(); i++ {
		if delim == '{' {
			k, err := dec.Token()
			if err != nil {
				return -1, false
			}
			if k == s.key {
				return valueStart(doc, int(dec.InputOffset())), true
			}
		} else if i == s.index {
			return valueStart(doc, int(dec.InputOffset())), true
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return -1, false
		}
	}
	return start, false
}

// valueStart skips the space and the separators from offset i of doc to
// where the next value starts.
func valueStart(doc []byte, i int) int {
	for i < len(doc) && strings.IndexByte(" \t\r\n:,", doc[i]) >= 0 {
		i++
	}
	return i
}
