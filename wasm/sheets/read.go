package sheets

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"io/fs"
	"strings"
	"unicode/utf8"
)

// sheet is one CSV file as read: its known columns and its rows.
type sheet struct {
	table
	present bool
	cols    map[string]int // known column → index in a row
	rows    []row
}

// row is one record after the header, with its number in the file (the
// header is row 1).
type row struct {
	n     int
	cells []string
}

// cell returns the trimmed cell of column col in r, or "" when the file
// has no such column or the row is short.
func (s *sheet) cell(r row, col string) string {
	i, ok := s.cols[col]
	if !ok || i >= len(r.cells) {
		return ""
	}
	return strings.TrimSpace(r.cells[i])
}

// at locates column col of row r.
func (s *sheet) at(r row, col string) loc { return loc{s.file, r.n, col} }

// read reads the table t from fsys. A missing optional file is an absent
// sheet; a missing required one, a file that is not CSV or lacks a column
// the form needs, is a problem.
func (c *converter) read(fsys fs.FS, t table) *sheet {
	s := &sheet{table: t, cols: make(map[string]int)}
	b, err := fs.ReadFile(fsys, t.file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if t.required {
			c.problem(loc{file: t.file}, "the file is missing; the folder needs "+t.file+" with the columns "+strings.Join(t.need, ", "))
			c.missing[loc{file: t.file}] = true
		}
		return s
	case err != nil:
		return c.unusable(s, "cannot be read: "+err.Error())
	}
	// Excel writes a byte-order mark at the start of "CSV UTF-8".
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	if !utf8.Valid(b) {
		return c.unusable(s, "is not UTF-8 text: save it as \"CSV UTF-8\"")
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = -1 // a spreadsheet may leave trailing cells off
	header, err := r.Read()
	switch {
	case err == io.EOF:
		return c.unusable(s, "is empty; its first row names the columns "+strings.Join(t.need, ", "))
	case err != nil:
		return c.unusable(s, csvProblem(err))
	}
	s.present = true
	if !c.header(s, header) {
		return s
	}
	for n := 2; ; n++ {
		cells, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return c.unusable(s, csvProblem(err))
		}
		if blank(cells) {
			continue // spreadsheets export trailing empty rows
		}
		s.rows = append(s.rows, row{n, cells})
	}
	return s
}

// header reads the column names of s. It returns false when the rows
// cannot be read for want of the table's key column.
func (c *converter) header(s *sheet, header []string) bool {
	var unknown []string
	for i, h := range header {
		h = strings.TrimSpace(h)
		name, known := column(s.columns, h)
		switch {
		case !known:
			if h != "" {
				unknown = append(unknown, quoteCell(h))
			}
		case hasKey(s.cols, name):
			c.problem(loc{s.file, 1, name}, "is given twice; a column may appear only once")
		default:
			s.cols[name] = i
		}
	}
	for _, need := range s.need {
		if hasKey(s.cols, need) {
			continue
		}
		msg := "there is no column " + need
		if len(unknown) > 0 {
			msg += " (unknown columns are ignored: " + strings.Join(unknown, ", ") + ")"
		}
		c.problem(loc{s.file, 1, ""}, msg)
		c.missing[loc{s.file, 0, need}] = true
		if need == s.need[0] {
			// Without its ids a table's rows cannot be named: reading
			// them would only report every reference to them as well.
			c.missing[loc{file: s.file}] = true
			s.present = false
			return false
		}
	}
	return true
}

// column finds the form's name for a header cell, ignoring case, so that
// a column typed "CapacityMW" still counts.
func column(known []string, h string) (string, bool) {
	for _, k := range known {
		if strings.EqualFold(k, h) {
			return k, true
		}
	}
	return "", false
}

func hasKey(m map[string]int, k string) bool {
	_, ok := m[k]
	return ok
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// unusable reports that the file of s cannot be read, and leaves it out:
// the loader's problems about its absence would only repeat this one.
func (c *converter) unusable(s *sheet, msg string) *sheet {
	c.problem(loc{file: s.file}, msg)
	c.missing[loc{file: s.file}] = true
	s.present = false
	s.rows = nil
	return s
}

// csvProblem explains a file that breaks CSV quoting. encoding/csv counts
// lines of the file, which a quoted line break makes differ from rows.
func csvProblem(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return "is not valid CSV: line " + itoa(pe.Line) + ", column " + itoa(pe.Column) + ": " + pe.Err.Error() +
			"; a cell with a quote must be in quotes, its quotes doubled (\"\")"
	}
	return "cannot be read: " + err.Error()
}
