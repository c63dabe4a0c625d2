// Package sheets owns the spreadsheet form of the dataset: a folder of CSV
// files, one per table, that Convert turns into the JSON document the
// dataset loader reads. It checks only what is particular to spreadsheets
// (files, columns, cells that must be numbers or yes/no); every rule of the
// format is the loader's, whose problems it traces back to the file, row
// and column they came from.
package sheets

import (
	"strconv"
	"strings"

	"ouroboros/wasm/dataset"
)

// Problem is one thing wrong with a CSV folder, located by file, row (the
// header is row 1; 0 when the problem is about the whole file) and column
// (empty when it is about the whole row).
type Problem struct {
	File    string
	Row     int
	Column  string
	Message string
}

// String returns the problem as `deals.csv row 14, column to: message`.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Row > 0 {
		b.WriteString(" row ")
		b.WriteString(strconv.Itoa(p.Row))
	}
	if p.Column != "" {
		b.WriteString(", column ")
		b.WriteString(p.Column)
	}
	b.WriteString(": ")
	b.WriteString(p.Message)
	return b.String()
}

// Problems is everything wrong with a refused folder, by file in the order
// of the tables, then by row.
type Problems []Problem

// Error returns one problem a line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Is reports whether target is dataset.ErrRefused: a refused folder is a
// refused document.
func (ps Problems) Is(target error) bool { return target == dataset.ErrRefused }

// loc is where a value of the document came from: a file, a row and a
// column, as far as they are known.
type loc struct {
	file   string
	row    int
	column string
}

// The files of the CSV form.
const (
	fileMeta     = "meta.csv"
	fileUI       = "ui.csv"
	fileKinds    = "kinds.csv"
	fileEntities = "entities.csv"
	fileDeals    = "deals.csv"
	fileUpdates  = "updates.csv"
	fileSources  = "sources.csv"
	fileStories  = "stories.csv"
)

// table describes one file of the form.
type table struct {
	file     string
	required bool     // the folder must have the file
	columns  []string // every column the form reads, in the form's order
	need     []string // the columns the file must have
}

// tables lists the form's files in the order problems are reported.
var tables = []table{
	{fileMeta, true, []string{"key", "value"}, []string{"key", "value"}},
	{fileUI, false, []string{"key", "value"}, []string{"key", "value"}},
	{fileKinds, false, []string{"id", "label", "color", "colorLight"}, []string{"id", "label", "color"}},
	{fileEntities, true, []string{"id", "name", "kind", "note", "pinX", "pinY"}, []string{"id", "name", "kind"}},
	{fileDeals, true,
		[]string{"id", "from", "to", "type", "amount", "upTo", "estimate", "capacityMW", "date", "until", "status", "summary", "sources"},
		[]string{"id", "from", "to", "type", "date", "status", "summary", "sources"}},
	{fileUpdates, false,
		[]string{"deal", "date", "status", "amount", "upTo", "estimate", "capacityMW", "summary", "sources"},
		[]string{"deal", "date", "summary", "sources"}},
	{fileSources, true, []string{"id", "publisher", "title", "url", "date", "tier"}, []string{"id", "publisher", "url"}},
	{fileStories, false,
		[]string{"story", "storyTitle", "title", "text", "entities", "deals", "asOf", "sources"},
		[]string{"story", "title", "text"}},
}

// metaKeys are the settings meta.csv may give, in the document's order.
var metaKeys = []string{"title", "subtitle", "asOf", "currency", "locale"}

// fileRank orders problems by the table they are in.
func fileRank(file string) int {
	for i, t := range tables {
		if t.file == file {
			return i
		}
	}
	return len(tables)
}
