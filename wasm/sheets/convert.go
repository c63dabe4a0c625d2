package sheets

import (
	"errors"
	"io/fs"
	"regexp"
	"slices"
	"strconv"

	"ouroboros/wasm/dataset"
)

// Convert reads the CSV folder fsys (meta.csv, entities.csv, deals.csv,
// sources.csv and the optional ui.csv, kinds.csv, updates.csv,
// stories.csv) and returns the canonical JSON document it describes, after
// the dataset loader has accepted it. Otherwise it returns nil and a
// Problems error listing everything wrong, each located by file, row and
// column. It never panics.
func Convert(fsys fs.FS) ([]byte, error) {
	c := &converter{missing: make(map[loc]bool)}
	root, doc, spans := c.document(fsys)
	if _, err := dataset.Load(doc); err != nil {
		var ps dataset.Problems
		if !errors.As(err, &ps) {
			return nil, err
		}
		idx := newSpanIndex(spans)
		for _, p := range ps {
			c.trace(doc, idx, root, p)
		}
	}
	if len(c.list) > 0 {
		slices.SortStableFunc(c.list, func(a, b Problem) int {
			if d := fileRank(a.File) - fileRank(b.File); d != 0 {
				return d
			}
			return a.Row - b.Row
		})
		return nil, c.list
	}
	return doc, nil
}

// Locate says where in the CSV folder fsys each of ps came from: ps are
// about the document Convert made of it (notices on a valid dataset,
// such as a kind's colour the canvas would hardly show), each located by
// its Offset in that document, and come back by file, row and column.
func Locate(fsys fs.FS, ps []dataset.Problem) Problems {
	c := &converter{missing: make(map[loc]bool)}
	root, doc, spans := c.document(fsys)
	c.list = nil // the folder's own problems are Convert's to report
	idx := newSpanIndex(spans)
	for _, p := range ps {
		c.trace(doc, idx, root, p)
	}
	return c.list
}

// document reads the folder and writes the document it makes, with where
// each value came from.
func (c *converter) document(fsys fs.FS) (*node, []byte, []span) {
	sheets := make(map[string]*sheet, len(tables))
	for _, t := range tables {
		sheets[t.file] = c.read(fsys, t)
	}
	root := c.build(sheets)
	doc, spans := write(root)
	return root, doc, spans
}

// converter collects the problems of one folder.
type converter struct {
	list Problems
	// missing holds the files (loc{file}) and columns (loc{file, 0,
	// column}) that are absent and already reported, so that the loader's
	// "is required" for each row is not reported as well.
	missing map[loc]bool
}

func (c *converter) problem(at loc, msg string) {
	c.list = append(c.list, Problem{File: at.file, Row: at.row, Column: at.column, Message: msg})
}

// trace reports a problem the loader found in doc at the cell the value at
// fault came from: the innermost member or value written around its byte
// offset. A problem at an object's closing brace is about a member it
// lacks, which the problem's path names.
func (c *converter) trace(doc []byte, idx spanIndex, root *node, p dataset.Problem) {
	// The loader places a missing member at the end of its object, which
	// for the document is after the final newline.
	off := min(p.Offset, len(doc)-1)
	for off > 0 && (doc[off] == '\n' || doc[off] == ' ') {
		off--
	}
	best := idx.innermost(off)
	if best < 0 {
		c.problem(loc{file: "(document)"}, p.String())
		return
	}
	spans := idx.spans
	at := spans[best].from
	msg := rows(p.Message, p.Path, root)
	if s := spans[best]; off == s.end-1 && doc[off] == '}' {
		at, msg = lacking(at, lastMember(p.Path), msg)
	}
	if c.missing[loc{file: at.file}] || c.missing[loc{at.file, 0, at.column}] {
		return
	}
	// Without the deals' sources, every source would be reported uncited.
	if p.Message == "is not cited by any deal or story step" && (c.missing[loc{file: fileDeals}] || c.missing[loc{fileDeals, 0, "sources"}]) {
		return
	}
	c.problem(at, msg)
}

// spanIndex finds the innermost span around a byte offset in a few steps,
// so that a folder with thousands of problems is traced quickly.
type spanIndex struct {
	spans  []span // by start, the outer of two spans with one start first
	parent []int  // index of the innermost span around each, or -1
}

func newSpanIndex(spans []span) spanIndex {
	spans = slices.Clone(spans)
	slices.SortFunc(spans, func(a, b span) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return b.end - a.end
	})
	parent := make([]int, len(spans))
	var open []int // spans around the current one, innermost last
	for i, s := range spans {
		for len(open) > 0 && spans[open[len(open)-1]].end <= s.start {
			open = open[:len(open)-1]
		}
		parent[i] = -1
		if len(open) > 0 {
			parent[i] = open[len(open)-1]
		}
		open = append(open, i)
	}
	return spanIndex{spans, parent}
}

// innermost returns the index of the innermost span around off, or -1.
func (x spanIndex) innermost(off int) int {
	// The last span starting at or before off, then out through the spans
	// around it until one reaches past off.
	i, _ := slices.BinarySearchFunc(x.spans, off, func(s span, off int) int {
		if s.start <= off {
			return -1
		}
		return 1
	})
	i--
	for i >= 0 && x.spans[i].end <= off {
		i = x.parent[i]
	}
	return i
}

// lacking locates a member missing from an object written from the row at:
// the column it would come from, or, for the document's settings, the key
// meta.csv would give it.
func lacking(at loc, member, msg string) (loc, string) {
	switch at.file {
	case fileMeta:
		for _, t := range tables {
			if t.file == member+".csv" {
				return loc{file: t.file}, "the file is missing"
			}
		}
		if msg == "is required" {
			return loc{file: fileMeta}, "needs a row with the key " + member
		}
		return loc{file: fileMeta}, member + " " + msg
	}
	switch {
	case member == "value":
		member = "amount"
	case member == "pin":
		member = "pinX"
	case at.file == fileStories && at.column == "story" && member == "title":
		member = "storyTitle" // the story's, not its step's
	}
	at.column = member
	return at, msg
}

// itemRef finds "deals[3]" and the like in a loader's message.
var itemRef = regexp.MustCompile(`\b(entities|deals|updates)\[([0-9]+)\]`)

// dealPath finds the deal a path is in: deals[3].updates[1].date.
var dealPath = regexp.MustCompile(`^deals\[([0-9]+)\]`)

// rows rewrites the items of the document that a loader's message names,
// "is already the id of deals[3]", as the rows they came from: "is
// already the id of row 5".
func rows(msg, path string, root *node) string {
	return itemRef.ReplaceAllStringFunc(msg, func(ref string) string {
		m := itemRef.FindStringSubmatch(ref)
		i, _ := strconv.Atoi(m[2])
		list := root.get(m[1])
		if m[1] == "updates" {
			d := dealPath.FindStringSubmatch(path)
			if d == nil {
				return ref
			}
			j, _ := strconv.Atoi(d[1])
			if deals := root.get("deals"); deals != nil && j < len(deals.items) {
				list = deals.items[j].get("updates")
			}
		}
		if list == nil || i >= len(list.items) {
			return ref
		}
		return "row " + strconv.Itoa(list.items[i].from.row)
	})
}

// get returns the value of member key of n, or nil.
func (n *node) get(key string) *node {
	for _, m := range n.members {
		if m.key == key {
			return m.val
		}
	}
	return nil
}

// lastMember returns the last member name of a loader path such as
// deals[3].amount.value or kinds["a b"].label.
func lastMember(path string) string {
	i := len(path) - 1
	for i >= 0 && path[i] != '.' && path[i] != '[' {
		i--
	}
	if i < 0 {
		return path
	}
	name := path[i+1:]
	if path[i] == '[' {
		name = name[:len(name)-1]
		if len(name) > 1 && name[0] == '"' {
			name = name[1 : len(name)-1]
		}
	}
	return name
}
