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
		c.problem(loc{file: t.file}, "cannot be read: "+err.Error())
		c.missing[loc{file: t.file}] = true
		return s
	}
	s.present = true
	// Excel writes a byte-order mark at the start of "CSV UTF-8".
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	if !utf8.Valid(b) {
		c.problem(loc{file: t.file}, "is not UTF-8 text: save it as \"CSV UTF-8\"")
		c.missing[loc{file: t.file}] = true
		s.present = false
		return s
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = -1 // a spreadsheet may leave trailing cells off
	header, err := r.Read()
	if err != nil {
		if err == io.EOF {
			c.problem(loc{file: t.file}, "is empty; its first row names the columns "+strings.Join(t.need, ", "))
		} else {
			c.csvProblem(t.file, err)
		}
		c.missing[loc{file: t.file}] = true
		s.present = false
		return s
	}
	var unknown []string
	for i, h := range header {
		h = strings.TrimSpace(h)
		name, known := column(t.columns, h)
		switch {
		case !known:
			if h != "" {
				unknown = append(unknown, quoteCell(h))
			}
		case hasKey(s.cols, name):
			c.problem(loc{t.file, 1, name}, "is given twice; a column may appear only once")
		default:
			s.cols[name] = i
		}
	}
	for _, need := range t.need {
		if hasKey(s.cols, need) {
			continue
		}
		msg := "there is no column " + need
		if len(unknown) > 0 {
			msg += " (unknown columns are ignored: " + strings.Join(unknown, ", ") + ")"
		}
		c.problem(loc{t.file, 1, ""}, msg)
		c.missing[loc{t.file, 0, need}] = true
		if need == t.need[0] {
			// Without its ids a table's rows cannot be named: reading
			// them would only report every reference to them as well.
			c.missing[loc{file: t.file}] = true
			s.present = false
			return s
		}
	}
	for n := 2; ; n++ {
		cells, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			c.csvProblem(t.file, err)
			c.missing[loc{file: t.file}] = true
			s.present = false
			return s
		}
		if blank(cells) {
			continue // spreadsheets export trailing empty rows
		}
		s.rows = append(s.rows, row{n, cells})
	}
	return s
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

// csvProblem reports a file that breaks CSV quoting. encoding/csv counts
// lines of the file, which a quoted line break makes differ from rows.
func (c *converter) csvProblem(file string, err error) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		c.problem(loc{file: file}, "is not valid CSV: line "+itoa(pe.Line)+", column "+itoa(pe.Column)+": "+pe.Err.Error()+
			"; a cell with a quote must be in quotes, its quotes doubled (\"\")")
		return
	}
	c.problem(loc{file: file}, "cannot be read: "+err.Error())
}
