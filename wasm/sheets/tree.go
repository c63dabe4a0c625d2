package sheets

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"unicode/utf8"
)

// node is one JSON value of the document being built, with the cell (or
// row, or file) it came from.
type node struct {
	kind    byte     // '{' object, '[' array, 's' string, 'n' number, 'b' true
	text    string   // the string, or the number as written
	members []member // of an object, in the format's order
	items   []*node  // of an array
	from    loc
}

// member is one member of an object. from locates its key, which differs
// from its value's place when the key comes from an id column.
type member struct {
	key  string
	val  *node
	from loc
}

func object(from loc) *node { return &node{kind: '{', from: from} }
func array(from loc) *node  { return &node{kind: '[', from: from} }
func str(s string, from loc) *node {
	return &node{kind: 's', text: s, from: from}
}
func number(v float64, from loc) *node {
	return &node{kind: 'n', text: formatNumber(v), from: from}
}
func yes(from loc) *node { return &node{kind: 'b', text: "true", from: from} }

// set appends a member whose key is located where its value is.
func (n *node) set(key string, v *node) { n.members = append(n.members, member{key, v, v.from}) }

// formatNumber writes v as the bundled dataset does, without a needless
// exponent or fraction: 2000000000, 0.15.
func formatNumber(v float64) string {
	if math.Abs(v) < 1e21 {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// span is the bytes [start, end) of the document that a member or a value
// was written to, and where they came from.
type span struct {
	start, end int
	from       loc
}

// writer writes a tree as the canonical document: two-space indents, one
// member or item a line, "key": value, UTF-8 as is (no \u escapes but those
// JSON requires), a newline at the end. It records the span of every member
// and value, so that a problem at a byte offset can be traced to its cell.
type writer struct {
	b     bytes.Buffer
	spans []span
}

func (w *writer) value(n *node, depth int) {
	start := w.b.Len()
	switch n.kind {
	case '{':
		if len(n.members) == 0 {
			w.b.WriteString("{}")
			break
		}
		w.b.WriteByte('{')
		for i, m := range n.members {
			if i > 0 {
				w.b.WriteByte(',')
			}
			w.newline(depth + 1)
			ks := w.b.Len()
			writeString(&w.b, m.key)
			w.b.WriteString(": ")
			w.value(m.val, depth+1)
			w.spans = append(w.spans, span{ks, w.b.Len(), m.from})
		}
		w.newline(depth)
		w.b.WriteByte('}')
	case '[':
		if len(n.items) == 0 {
			w.b.WriteString("[]")
			break
		}
		w.b.WriteByte('[')
		for i, it := range n.items {
			if i > 0 {
				w.b.WriteByte(',')
			}
			w.newline(depth + 1)
			w.value(it, depth+1)
		}
		w.newline(depth)
		w.b.WriteByte(']')
	case 's':
		writeString(&w.b, n.text)
	default:
		w.b.WriteString(n.text)
	}
	w.spans = append(w.spans, span{start, w.b.Len(), n.from})
}

func (w *writer) newline(depth int) {
	w.b.WriteByte('\n')
	for range depth {
		w.b.WriteString("  ")
	}
}

// writeString writes s in double quotes, escaping only what JSON requires.
func writeString(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x80 {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				b.WriteString(`\ufffd`)
			} else {
				b.WriteString(s[i : i+size])
			}
			i += size
			continue
		}
		switch c {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if c < 0x20 {
				fmt.Fprintf(b, `\u%04x`, c)
			} else {
				b.WriteByte(c)
			}
		}
		i++
	}
	b.WriteByte('"')
}

// write returns the canonical document of root and the spans of its parts.
func write(root *node) ([]byte, []span) {
	var w writer
	w.value(root, 0)
	w.b.WriteByte('\n')
	return w.b.Bytes(), w.spans
}

// Format returns a JSON document in the canonical form the importer
// writes: the members of the format in the format's order (others after
// them, as they came), two-space indents, numbers without a needless
// fraction or exponent. Converting a CSV folder gives exactly Format of the
// same facts written as JSON. doc must be valid JSON; it need not be a
// valid dataset.
func Format(doc []byte) ([]byte, error) {
	d := json.NewDecoder(bytes.NewReader(doc))
	d.UseNumber()
	root, err := decode(d)
	if err != nil {
		return nil, err
	}
	if _, err := d.Token(); err != io.EOF {
		return nil, errors.New("more than one JSON value")
	}
	canonical(root, orderRoot)
	out, _ := write(root)
	return out, nil
}

// decode reads one value from d, keeping the order of object members.
func decode(d *json.Decoder) (*node, error) {
	t, err := d.Token()
	if err != nil {
		return nil, err
	}
	switch t := t.(type) {
	case json.Delim:
		n := &node{kind: byte(t)}
		for d.More() {
			if t == '[' {
				it, err := decode(d)
				if err != nil {
					return nil, err
				}
				n.items = append(n.items, it)
				continue
			}
			k, err := d.Token()
			if err != nil {
				return nil, err
			}
			v, err := decode(d)
			if err != nil {
				return nil, err
			}
			n.set(k.(string), v)
		}
		if _, err := d.Token(); err != nil {
			return nil, err
		}
		return n, nil
	case string:
		return &node{kind: 's', text: t}, nil
	case json.Number:
		v, err := t.Float64()
		if err != nil {
			return nil, err
		}
		return &node{kind: 'n', text: formatNumber(v)}, nil
	case bool:
		return &node{kind: 'b', text: strconv.FormatBool(t)}, nil
	}
	return &node{kind: 'n', text: "null"}, nil
}

// The shapes of the format's objects, for canonical.
const (
	orderNone = iota
	orderRoot
	orderKind
	orderEntity
	orderDeal
	orderAmount
	orderUpdate
	orderSource
	orderStory
	orderStep
	orderFocus
)

// memberOrder is the order of each object's members in the format (and in
// the bundled dataset).
var memberOrder = [...][]string{
	orderRoot:   {"format", "title", "subtitle", "asOf", "currency", "locale", "ui", "kinds", "entities", "deals", "sources", "stories"},
	orderKind:   {"label", "color", "colorLight"},
	orderEntity: {"id", "name", "kind", "note", "pin"},
	orderDeal:   {"id", "from", "to", "type", "amount", "capacityMW", "date", "until", "status", "summary", "sources", "updates"},
	orderAmount: {"value", "upTo", "estimate"},
	orderUpdate: {"date", "summary", "sources", "status", "amount", "capacityMW"},
	orderSource: {"publisher", "title", "url", "date", "tier"},
	orderStory:  {"id", "title", "steps"},
	orderStep:   {"title", "text", "focus", "asOf", "sources"},
	orderFocus:  {"entities", "deals"},
}

// canonical puts the members of n, an object of the given shape, and of the
// objects inside it, in the format's order.
func canonical(n *node, shape int) {
	if n.kind == '[' {
		for _, it := range n.items {
			canonical(it, shape)
		}
		return
	}
	if n.kind != '{' || shape == orderNone {
		return
	}
	order := memberOrder[shape]
	rank := func(k string) int {
		for i, o := range order {
			if o == k {
				return i
			}
		}
		return len(order)
	}
	sorted := make([]member, 0, len(n.members))
	for r := 0; r <= len(order); r++ {
		for _, m := range n.members {
			if rank(m.key) == r {
				sorted = append(sorted, m)
			}
		}
	}
	n.members = sorted
	for _, m := range n.members {
		inner := orderNone
		switch {
		case shape == orderRoot && m.key == "entities":
			inner = orderEntity
		case shape == orderRoot && m.key == "deals":
			inner = orderDeal
		case shape == orderRoot && m.key == "stories":
			inner = orderStory
		case shape == orderRoot && (m.key == "kinds" || m.key == "sources"):
			if m.val.kind == '{' {
				for _, e := range m.val.members {
					canonical(e.val, map[string]int{"kinds": orderKind, "sources": orderSource}[m.key])
				}
			}
			continue
		case (shape == orderDeal || shape == orderUpdate) && m.key == "amount":
			inner = orderAmount
		case shape == orderDeal && m.key == "updates":
			inner = orderUpdate
		case shape == orderStory && m.key == "steps":
			inner = orderStep
		case shape == orderStep && m.key == "focus":
			inner = orderFocus
		}
		canonical(m.val, inner)
	}
}
