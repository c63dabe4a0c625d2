package editor_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ouroboros/wasm/editor"
	"ouroboros/wasm/sheets"
)

func read(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("../../data/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestCheckAcceptsADocument(t *testing.T) {
	doc := read(t, "examples/tiny.json")
	got := editor.Check([]editor.File{{Name: "drop/tiny.json", Data: doc}})
	if len(got.Problems) != 0 {
		t.Fatalf("problems: %+v", got.Problems)
	}
	if string(got.Document) != string(doc) {
		t.Error("the document is not the bytes dropped")
	}
	if got.Name != "tiny.json" || got.Entities != 3 || got.Deals != 4 || got.Sources != 3 {
		t.Errorf("got %q with %d entities, %d deals, %d sources; want tiny.json with 3, 4, 3",
			got.Name, got.Entities, got.Deals, got.Sources)
	}
	if len(got.Loops) != 2 {
		t.Fatalf("got %d loops, want tiny.json's 2", len(got.Loops))
	}
	circular := 0
	for _, l := range got.Loops {
		for _, id := range l.Entities {
			if got.Names[id] == "" {
				t.Errorf("loop entity %q has no name", id)
			}
		}
		if l.Kind == "circular" {
			circular++
		}
	}
	if circular == 0 {
		t.Errorf("no circular deal among %+v", got.Loops)
	}
}

func TestCheckLocatesProblems(t *testing.T) {
	doc := read(t, "examples/refused/deal-to-unknown.json")
	got := editor.Check([]editor.File{{Name: "mine.json", Data: doc}})
	if got.Document != nil || len(got.Problems) == 0 {
		t.Fatalf("got a document %v and problems %+v; want only problems", got.Document != nil, got.Problems)
	}
	p := got.Problems[0]
	if p.File != "mine.json" || !strings.HasPrefix(p.Path, "deals[") || !strings.HasSuffix(p.Path, ".to") || p.Message == "" {
		t.Errorf("got %+v, want mine.json at deals[…].to with a sentence", p)
	}
	lines := strings.Split(string(doc), "\n")
	if p.Line < 1 || p.Line > len(lines) || !strings.Contains(lines[p.Line-1], `"acme-chipz"`) {
		t.Errorf("the problem is put on line %d, not the line of the unknown id", p.Line)
	}
	b, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"loops":[]`) {
		t.Errorf("a refused drop's JSON must list no loops as []: %s", b)
	}
}

func TestCheckRefusesDrops(t *testing.T) {
	doc := read(t, "examples/tiny.json")
	big := make([]byte, editor.MaxBytes+1)
	for _, c := range []struct {
		name  string
		files []editor.File
		want  string
	}{
		{"nothing", nil, "No dataset here"},
		{"no dataset files", []editor.File{{Name: "notes.txt", Data: []byte("hi")}}, "No dataset here"},
		{"two documents", []editor.File{{Name: "a.json", Data: doc}, {Name: "b.json", Data: doc}}, "not 2 JSON documents"},
		{"both forms", []editor.File{{Name: "a.json", Data: doc}, {Name: "deals.csv", Data: []byte("id\n")}}, "not both"},
		{"too large", []editor.File{{Name: "a.json", Data: big}}, "8 MB"},
		{"not JSON", []editor.File{{Name: "a.json", Data: []byte("{")}}, "not valid JSON"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := editor.Check(c.files)
			if got.Document != nil || len(got.Problems) != 1 || !strings.Contains(got.Problems[0].Message, c.want) {
				t.Errorf("got problems %+v, want one saying %q", got.Problems, c.want)
			}
		})
	}
}

// template returns the files of data/template as a folder drop gives them.
func template(t *testing.T) []editor.File {
	t.Helper()
	names, err := filepath.Glob("../../data/template/*.csv")
	if err != nil || len(names) == 0 {
		t.Fatalf("data/template has no CSV files (%v)", err)
	}
	var files []editor.File
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, editor.File{Name: "template/" + filepath.Base(n), Data: b})
	}
	return files
}

func TestCheckConvertsCSV(t *testing.T) {
	got := editor.Check(template(t))
	if len(got.Problems) != 0 {
		t.Fatalf("the template has problems: %+v", got.Problems)
	}
	want, err := sheets.Convert(os.DirFS("../../data/template"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got.Document) != string(want) {
		t.Error("the document differs from ./build.sh import's")
	}
	if got.Name != "template.json" || len(got.Loops) == 0 {
		t.Errorf("got %q with %d loops; want template.json with the template's loops", got.Name, len(got.Loops))
	}
}

func TestCheckLocatesCSVProblems(t *testing.T) {
	files := template(t)
	for i, f := range files {
		if strings.HasSuffix(f.Name, "/deals.csv") {
			lines := strings.Split(string(f.Data), "\n")
			lines[2] = strings.Replace(lines[2], "example-lab,example-cloud", "example-lab,example-clod", 1)
			files[i].Data = []byte(strings.Join(lines, "\n"))
		}
	}
	got := editor.Check(files)
	if got.Document != nil || len(got.Problems) != 1 {
		t.Fatalf("got a document %v and problems %+v; want one problem", got.Document != nil, got.Problems)
	}
	p := got.Problems[0]
	if p.File != "deals.csv" || p.Row != 3 || p.Column != "to" || !strings.Contains(p.Message, "example-clod") {
		t.Errorf("got %+v; want deals.csv row 3, column to, naming example-clod", p)
	}
}

func TestCheckRefusesACSVFileTwice(t *testing.T) {
	files := template(t)
	files = append(files, editor.File{Name: "copy/" + filepath.Base(files[0].Name), Data: files[0].Data})
	got := editor.Check(files)
	if len(got.Problems) != 1 || !strings.Contains(got.Problems[0].Message, "dropped twice") {
		t.Errorf("got %+v", got.Problems)
	}
}

// TestCheckNoticesFaintColours: a valid dataset whose kind colour the
// canvas would hardly show is accepted, with a notice at the colour's
// line (JSON) or cell (CSV); the template and tiny.json have none.
func TestCheckNoticesFaintColours(t *testing.T) {
	doc := read(t, "examples/tiny.json")
	if got := editor.Check([]editor.File{{Name: "tiny.json", Data: doc}}); len(got.Notices) != 0 {
		t.Errorf("tiny.json: notices %+v, want none", got.Notices)
	}
	faint := strings.Replace(string(doc), `"color": "#f28e2b"`, `"color": "#1a2233"`, 1)
	got := editor.Check([]editor.File{{Name: "tiny.json", Data: []byte(faint)}})
	line := 1 + strings.Count(faint[:strings.Index(faint, "#1a2233")], "\n")
	if got.Document == nil || len(got.Notices) != 1 {
		t.Fatalf("got a document %v and notices %+v; want the document and one notice", got.Document != nil, got.Notices)
	}
	if n := got.Notices[0]; n.File != "tiny.json" || n.Line != line || n.Path != "kinds.chips.color" || !strings.Contains(n.Message, "dark canvas") {
		t.Errorf("got %+v; want tiny.json line %d, kinds.chips.color, on the dark canvas", n, line)
	}

	files := template(t)
	if got := editor.Check(files); len(got.Notices) != 0 {
		t.Errorf("the template: notices %+v, want none", got.Notices)
	}
	for i, f := range files {
		if strings.HasSuffix(f.Name, "/kinds.csv") {
			files[i].Data = []byte(strings.Replace(string(f.Data), "#2E7D32", "#DDEEDD", 1))
		}
	}
	got = editor.Check(files)
	if got.Document == nil || len(got.Notices) != 1 {
		t.Fatalf("got a document %v and notices %+v; want the document and one notice", got.Document != nil, got.Notices)
	}
	if n := got.Notices[0]; n.File != "kinds.csv" || n.Row != 3 || n.Column != "colorLight" || !strings.Contains(n.Message, "light canvas") {
		t.Errorf("got %+v; want kinds.csv row 3, column colorLight, on the light canvas", n)
	}
}
