package sheets

import (
	"errors"
	"io/fs"
	"slices"

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
	sheets := make(map[string]*sheet, len(tables))
	for _, t := range tables {
		sheets[t.file] = c.read(fsys, t)
	}
	root := c.build(sheets)
	doc, spans := write(root)
	if _, err := dataset.Load(doc); err != nil {
		var ps dataset.Problems
		if !errors.As(err, &ps) {
			return nil, err
		}
		for _, p := range ps {
			c.trace(doc, spans, p)
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
func (c *converter) trace(doc []byte, spans []span, p dataset.Problem) {
	best := -1
	for i, s := range spans {
		if s.start <= p.Offset && p.Offset < s.end &&
			(best < 0 || s.start > spans[best].start || s.start == spans[best].start && s.end < spans[best].end) {
			best = i
		}
	}
	if best < 0 {
		c.problem(loc{file: "(document)"}, p.String())
		return
	}
	at := spans[best].from
	msg := p.Message
	if s := spans[best]; p.Offset == s.end-1 && doc[p.Offset] == '}' {
		at, msg = lacking(at, lastMember(p.Path), msg)
	}
	if c.missing[loc{file: at.file}] || c.missing[loc{at.file, 0, at.column}] {
		return
	}
	c.problem(at, msg)
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
	switch member {
	case "value":
		member = "amount"
	case "pin":
		member = "pinX"
	}
	at.column = member
	return at, msg
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
