package dataset

import (
	"errors"
	"slices"
	"strconv"
	"strings"
)

// ErrRefused reports that a document breaks the format. Every error Load
// returns matches it with errors.Is.
var ErrRefused = errors.New("dataset refused")

// Problem is one broken rule, located by the JSON path of the value at fault.
type Problem struct {
	Path    string // e.g. deals[12].to, or (document) for the whole text
	Message string // a plain sentence
	// Offset is the byte offset in the document of the value at fault, or
	// of the end of the object missing a member, so that a program that
	// wrote the document (the CSV importer) can say where it came from.
	Offset int
}

// String returns the problem as "path: message".
func (p Problem) String() string { return p.Path + ": " + p.Message }

// Problems is the complete list of what is wrong with a refused document, in
// document order.
type Problems []Problem

// Error returns one problem a line.
func (ps Problems) Error() string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.String())
	}
	return b.String()
}

// Is reports whether target is ErrRefused.
func (ps Problems) Is(target error) bool { return target == ErrRefused }

// docPath names the whole document in a Problem.
const docPath = "(document)"

// path is a JSON path kept as a chain of stack values, each pointing to its
// parent, so that checking a valid document builds no strings; it is only
// written out when a problem is found. The zero path is the document.
type path struct {
	up    *path  // nil for the document
	key   string // member name, when index < 0
	index int
}

// member returns the path of member k of the value at p.
func (p *path) member(k string) path { return path{up: p, key: k, index: -1} }

// at returns the path of item i of the array at p.
func (p *path) at(i int) path { return path{up: p, index: i} }

// String writes the path as deals[12].to or kinds["odd key"].color.
func (p *path) String() string {
	if p.up == nil {
		return docPath
	}
	var b strings.Builder
	p.write(&b)
	return b.String()
}

func (p *path) write(b *strings.Builder) {
	if p.up == nil {
		return
	}
	p.up.write(b)
	switch {
	case p.index >= 0:
		b.WriteByte('[')
		b.WriteString(strconv.Itoa(p.index))
		b.WriteByte(']')
	case plainKey(p.key):
		if p.up.up != nil {
			b.WriteByte('.')
		}
		b.WriteString(p.key)
	default:
		b.WriteByte('[')
		b.WriteString(strconv.Quote(p.key))
		b.WriteByte(']')
	}
}

// MemberPath is the path of a member inside members, from the document
// down, written as a Problem's Path is: MemberPath("kinds", "odd key",
// "color") is kinds["odd key"].color.
func MemberPath(keys ...string) string {
	p := &path{}
	for _, k := range keys {
		next := p.member(k)
		p = &next
	}
	return p.String()
}

// plainKey reports whether k can follow a dot in a path without quoting.
func plainKey(k string) bool {
	if k == "" {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// located is a problem with the byte offset that orders it in the document.
type located struct {
	at int
	Problem
}

// report collects problems found in any order and returns them in document
// order.
type report struct {
	list []located
}

// add records that the value at byte offset at, whose path is p, breaks a rule.
func (r *report) add(at int, p path, msg string) {
	r.list = append(r.list, located{at: at, Problem: Problem{Path: p.String(), Message: msg, Offset: at}})
}

// problems returns what was found, sorted by position; problems at the same
// position keep the order they were found in.
func (r *report) problems() Problems {
	slices.SortStableFunc(r.list, func(a, b located) int { return a.at - b.at })
	ps := make(Problems, len(r.list))
	for i, l := range r.list {
		ps[i] = l.Problem
	}
	return ps
}

// quote returns s in double quotes for a message, shortened when long so that
// a hostile document cannot make the message list huge.
func quote(s string) string {
	const max = 80
	if n := 0; len(s) > max {
		for i := range s {
			if n == max {
				return strconv.Quote(s[:i]) + "…"
			}
			n++
		}
	}
	return strconv.Quote(s)
}
