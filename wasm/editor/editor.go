// Package editor owns what the editor page (web/editor.html) asks of the
// files a reader drops on it: the dataset document they make, or every
// located problem with them, and the loops and circular deals the data
// makes, worded as the explainer words them. It reads bytes and returns
// values; the browser program (wasm/cmd/editor) only carries them across.
package editor

import (
	"bytes"
	"errors"
	"path"
	"strconv"
	"strings"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/page"
	"ouroboros/wasm/scene"
	"ouroboros/wasm/sheets"
)

// File is one dropped file: its name (a folder's files come with their
// path, "template/deals.csv") and its bytes.
type File struct {
	Name string
	Data []byte
}

// Problem is one thing to fix, located as precisely as the input allows.
type Problem struct {
	// File is the dropped file at fault; "" when the problem is with the
	// drop as a whole (no dataset in it).
	File string `json:"file"`
	// Row counts a CSV file's rows from its header, row 1; 0 when the
	// problem is not in one row.
	Row int `json:"row,omitempty"`
	// Column is the CSV column at fault, "" when none.
	Column string `json:"column,omitempty"`
	// Line is the line of a JSON document where the value at fault
	// starts, counting from 1; 0 for CSV, or when the problem is with the
	// whole document.
	Line int `json:"line,omitempty"`
	// Path is the JSON path of the value at fault in a JSON document
	// (deals[12].to), "" for CSV.
	Path string `json:"path,omitempty"`
	// Message is the plain sentence saying what is wrong.
	Message string `json:"message"`
}

// Result is what the page shows for one drop.
type Result struct {
	// Document is the dataset document, ready for the explainer and for
	// download; nil when there are problems.
	Document []byte `json:"-"`
	// Name is the file name to download the document as.
	Name string `json:"name"`
	// From says what was read: the JSON file's name, or "the CSV files".
	From string `json:"from"`
	// Title is the dataset's title.
	Title string `json:"title"`
	// Entities, Deals and Sources count the dataset's rows.
	Entities int `json:"entities"`
	Deals    int `json:"deals"`
	Sources  int `json:"sources"`
	// Problems lists everything to fix, in the order of the files.
	Problems []Problem `json:"problems"`
	// Notices lists what a valid dataset had better change, located as
	// problems are: a kind's colour the canvas would hardly show.
	Notices []Problem `json:"notices"`
	// Loops are the loops of the money network with every deal counted,
	// as the explainer's state() gives them.
	Loops          []page.Loop `json:"loops"`
	LoopsTruncated bool        `json:"loopsTruncated"`
	// Names maps each entity id to its name, for writing a loop out.
	Names map[string]string `json:"names"`
}

// MaxBytes is the largest drop read, the explainer's cap on a dataset.
const MaxBytes = 8 * 1024 * 1024

// Check reads the dropped files: one JSON document, or a folder of CSV
// files.
func Check(files []File) Result {
	total := 0
	var jsons, csvs []File
	for _, f := range files {
		total += len(f.Data)
		switch strings.ToLower(path.Ext(f.Name)) {
		case ".json":
			jsons = append(jsons, f)
		case ".csv":
			csvs = append(csvs, f)
		}
	}
	switch {
	case total > MaxBytes:
		return refused(Problem{Message: "The files are larger than the 8 MB limit of a dataset."})
	case len(jsons) == 1 && len(csvs) == 0:
		return checkJSON(jsons[0])
	case len(jsons) > 1:
		return refused(Problem{Message: "Drop one JSON document, or the CSV files of one dataset, not " + plural(len(jsons), "JSON document") + "."})
	case len(jsons) == 1:
		return refused(Problem{Message: "Drop either a JSON document or CSV files, not both."})
	case len(csvs) > 0:
		return checkCSV(csvs)
	}
	return refused(Problem{Message: "No dataset here: drop a JSON document (.json) or the CSV files (.csv) of a dataset."})
}

// checkJSON loads a JSON document as the explainer does.
func checkJSON(f File) Result {
	d, err := dataset.Load(f.Data)
	if err != nil {
		var ps dataset.Problems
		if !errors.As(err, &ps) {
			return refused(Problem{File: base(f.Name), Message: err.Error()})
		}
		out := make([]Problem, len(ps))
		for i, p := range ps {
			out[i] = Problem{File: base(f.Name), Line: lineOf(f.Data, p.Path), Path: p.Path, Message: p.Message}
		}
		return refused(out...)
	}
	r := accepted(d, f.Data, base(f.Name))
	r.From = r.Name
	for _, p := range scene.KindNotices(d) {
		r.Notices = append(r.Notices, Problem{File: r.Name, Line: 1 + bytes.Count(f.Data[:p.Offset], []byte{'\n'}), Path: p.Path, Message: p.Message})
	}
	return r
}

// checkCSV converts a folder of CSV files, as ./build.sh import does. The
// files are known by their base names: a folder's path is dropped.
func checkCSV(files []File) Result {
	fsys := folder{}
	for _, f := range files {
		name := base(f.Name)
		if _, twice := fsys[name]; twice {
			return refused(Problem{File: name, Message: "is dropped twice (from two folders?): drop the CSV files of one dataset."})
		}
		fsys[name] = f.Data
	}
	doc, err := sheets.Convert(fsys)
	if err != nil {
		var ps sheets.Problems
		if !errors.As(err, &ps) {
			return refused(Problem{Message: err.Error()})
		}
		out := make([]Problem, len(ps))
		for i, p := range ps {
			out[i] = Problem{File: p.File, Row: p.Row, Column: p.Column, Message: p.Message}
		}
		return refused(out...)
	}
	d, err := dataset.Load(doc)
	if err != nil {
		// Convert returns only documents the loader accepts; were that
		// ever broken, the reader still gets the loader's sentence.
		return refused(Problem{Message: err.Error()})
	}
	r := accepted(d, doc, jsonName(files[0].Name))
	r.From = "the CSV files"
	for _, p := range sheets.Locate(fsys, scene.KindNotices(d)) {
		r.Notices = append(r.Notices, Problem{File: p.File, Row: p.Row, Column: p.Column, Message: p.Message})
	}
	return r
}

// jsonName names the document converted from a folder after the folder
// ("template/deals.csv" gives template.json), or dataset.json.
func jsonName(name string) string {
	dir := path.Base(path.Dir(strings.ReplaceAll(name, "\\", "/")))
	if dir == "." || dir == "/" || dir == "" {
		return "dataset.json"
	}
	return dir + ".json"
}

// accepted is the result for a valid dataset d whose document is doc.
func accepted(d *dataset.Dataset, doc []byte, name string) Result {
	snap := analysis.New(d).At(dataset.Date{})
	r := Result{Document: doc, Name: name, Title: d.Title, Entities: len(d.Entities), Deals: len(d.Deals),
		Sources: len(d.Sources), Problems: []Problem{}, Notices: []Problem{}, Loops: page.Loops(d, snap),
		LoopsTruncated: snap.Truncated, Names: make(map[string]string, len(d.Entities))}
	for _, e := range d.Entities {
		r.Names[e.ID] = e.Name
	}
	return r
}

// refused is the result for a drop with problems ps.
func refused(ps ...Problem) Result {
	return Result{Problems: ps, Notices: []Problem{}, Loops: []page.Loop{}, Names: map[string]string{}}
}

// base is a file's name without the folder it was dropped in.
func base(name string) string { return path.Base(strings.ReplaceAll(name, "\\", "/")) }

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}
