package sheets

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"ouroboros/wasm/dataset"
)

// template returns data/template as an in-memory folder with edits applied:
// each edit replaces old by new in one file (old "" sets the whole file,
// new "-" with old "" removes it).
func template(t *testing.T, edits ...edit) fstest.MapFS {
	t.Helper()
	dir := filepath.Join(dataDir, "template")
	names, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(dir, n.Name()))
		if err != nil {
			t.Fatal(err)
		}
		fsys[n.Name()] = &fstest.MapFile{Data: b}
	}
	for _, e := range edits {
		switch {
		case e.old == "" && e.new == "-":
			delete(fsys, e.file)
		case e.old == "":
			fsys[e.file] = &fstest.MapFile{Data: []byte(e.new)}
		default:
			f := fsys[e.file]
			if f == nil || !strings.Contains(string(f.Data), e.old) {
				t.Fatalf("%s has no %q", e.file, e.old)
			}
			f.Data = []byte(strings.Replace(string(f.Data), e.old, e.new, 1))
		}
	}
	return fsys
}

type edit struct{ file, old, new string }

// problemLines converts fsys and returns its problems, one a line.
func problemLines(t *testing.T, fsys fstest.MapFS) []string {
	t.Helper()
	doc, err := Convert(fsys)
	if err == nil {
		if _, err := dataset.Load(doc); err != nil {
			t.Fatalf("Convert wrote a document the loader refuses: %v", err)
		}
		return nil
	}
	if doc != nil {
		t.Error("got a document along with problems")
	}
	if !errors.Is(err, dataset.ErrRefused) {
		t.Errorf("errors.Is(err, dataset.ErrRefused) = false for %v", err)
	}
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("got error %T, want Problems", err)
	}
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return lines
}

func TestLocatedProblems(t *testing.T) {
	tests := []struct {
		name  string
		edits []edit
		want  []string
	}{
		{"wrong column name",
			[]edit{{fileDeals, "status,summary,sources", "status,summry,sources"}},
			[]string{`deals.csv row 1: there is no column summary (unknown columns are ignored: "summry")`}},
		{"no sources column in deals.csv",
			[]edit{{fileDeals, "summary,sources", "summary,source"}},
			[]string{`deals.csv row 1: there is no column sources (unknown columns are ignored: "source")`}},
		{"column given twice",
			[]edit{{fileSources, "date,tier", "date,tier,Tier"}},
			[]string{`sources.csv row 1, column tier: is given twice; a column may appear only once`}},
		{"bad amount",
			[]edit{{fileDeals, "compute,10B", "compute,10 bilion"}},
			[]string{`deals.csv row 3, column amount: "10 bilion" is not an amount: write a number such as 300000000000, or one with a scale such as 300B, $300 billion, 1.5 bn or 750M`}},
		{"decimal comma is not guessed",
			[]edit{{fileDeals, "compute,10B", `compute,"1,5B"`}},
			[]string{`deals.csv row 3, column amount: "1,5B" is not an amount: write a number such as 300000000000, or one with a scale such as 300B, $300 billion, 1.5 bn or 750M`}},
		{"negative amount is the loader's",
			[]edit{{fileDeals, "compute,10B", "compute,-10B"}},
			[]string{`deals.csv row 3, column amount: must be greater than 0, found -10000000000`}},
		{"missing required file",
			[]edit{{fileSources, "", "-"}},
			[]string{`sources.csv: the file is missing; the folder needs sources.csv with the columns id, publisher, url`}},
		{"missing meta.csv",
			[]edit{{fileMeta, "", "-"}},
			[]string{`meta.csv: the file is missing; the folder needs meta.csv with the columns key, value`}},
		{"empty file",
			[]edit{{fileEntities, "", ""}},
			[]string{`entities.csv: is empty; its first row names the columns id, name, kind`}},
		{"header only",
			[]edit{{fileStories, "", "story,title,text\n"}},
			nil},
		{"entity id misspelt in a deal",
			[]edit{{fileDeals, "example-lab,example-cloud,compute", "example-lab,example-clod,compute"}},
			[]string{`deals.csv row 3, column to: "example-clod" is not an entity id`}},
		{"source misspelt in a list",
			[]edit{{fileDeals, "example-trade; example-blog", "example-trade; example-blg"}},
			[]string{`deals.csv row 4, column sources: "example-blg" is not a key of sources`}},
		{"required cell empty",
			[]edit{{fileDeals, ",completed,Example Chips buys a stake in Example Lab (made-up example).", ",completed,"}},
			[]string{`deals.csv row 2, column summary: is required`}},
		{"title missing from meta",
			[]edit{{fileMeta, "title,An example network (made-up companies)\n", ""}},
			[]string{`meta.csv: needs a row with the key title`}},
		{"unknown setting",
			[]edit{{fileMeta, "asOf,", "asof,"}},
			[]string{`meta.csv: needs a row with the key asOf`, `meta.csv row 4, column key: "asof" is not a setting: use title, subtitle, asOf, currency or locale`}},
		{"bad locale",
			[]edit{{fileMeta, "en-US", "en_US"}},
			[]string{`meta.csv row 6, column value: "en_US" is not a language tag: use BCP 47, such as "de-DE" or "es"`}},
		{"setting given twice",
			[]edit{{fileMeta, "currency,USD", "currency,USD\ncurrency,EUR"}},
			[]string{`meta.csv row 6, column key: is given twice; a member may appear only once`}},
		{"kind not in kinds.csv",
			[]edit{{fileEntities, "Example Cloud,cloud", "Example Cloud,clouds"}},
			[]string{`entities.csv row 4, column kind: "clouds" is not a key of kinds`}},
		{"bad light colour",
			[]edit{{fileKinds, "#5B3DB0", "purple"}},
			[]string{`kinds.csv row 4, column colorLight: "purple" is not a colour: use #rrggbb, such as "#1f77b4"`}},
		{"kind given twice",
			[]edit{{fileKinds, "investor,Investors", "cloud,Investors"}},
			[]string{`kinds.csv row 5, column id: the key "cloud" is given twice; keys must be unique`, `entities.csv row 5, column kind: "investor" is not a key of kinds`}},
		{"entity id given twice names the row",
			[]edit{{fileEntities, "A made-up investment fund.,,\n", "A made-up investment fund.,,\nexample-lab,Example Lab 2,lab,,,\n"}},
			[]string{`entities.csv row 6, column id: "example-lab" is already the id of row 2`}},
		{"pin out of range",
			[]edit{{fileEntities, ",0.5,0.2", ",0.5,1.2"}},
			[]string{`entities.csv row 2, column pinY: must be between 0 and 1, found 1.2`}},
		{"pin half given",
			[]edit{{fileEntities, ",0.5,0.2", ",0.5,"}},
			[]string{`entities.csv row 2, column pinY: is required with pinX: a pinned entity gives both, each from 0 to 1`}},
		{"capacity not a number",
			[]edit{{fileDeals, ",500,", ",500 MW,"}},
			[]string{`deals.csv row 3, column capacityMW: "500 MW" is not a number: write digits with a point for decimals, such as 1200 or 0.5`}},
		{"bad flag",
			[]edit{{fileDeals, "10B,yes", "10B,maybe"}},
			[]string{`deals.csv row 3, column upTo: "maybe" is not yes or no: write true or false, yes or no, 1 or 0, or leave it empty`}},
		{"flag without amount",
			[]edit{{fileDeals, "chips,,,", "chips,,yes,"}},
			[]string{`deals.csv row 4, column upTo: is yes, but the amount is empty; leave it empty when the figure is undisclosed`}},
		{"uncited source",
			[]edit{{fileSources, "tier\n", "tier\nspare,Example Wire,,https://example.com/spare,,\n"}},
			[]string{`sources.csv row 2, column id: is not cited by any deal or story step`}},
		{"update of an unknown deal",
			[]edit{{fileUpdates, "cloud-buys-chips,", "cloud-buys-chip,"}},
			[]string{`updates.csv row 2, column deal: "cloud-buys-chip" is not a deal id`}},
		{"update before its deal",
			[]edit{{fileUpdates, "2025-09-10", "2025-04"}},
			[]string{`updates.csv row 2, column date: "2025-04" is not after the deal's date "2025-05"; an update comes after the deal`}},
		{"updates out of order name the row",
			[]edit{{fileUpdates, "example-wire\n", "example-wire\ncloud-buys-chips,2025-08,,,,,,Earlier.,example-wire\n"}},
			[]string{`updates.csv row 3, column date: "2025-08" is not after the date of row 2, "2025-09-10"; updates are oldest first, one date each`}},
		{"story step names an unknown entity",
			[]edit{{fileStories, "example-chips; example-lab,", "example-chips; example-lb,"}},
			[]string{`stories.csv row 2, column entities: "example-lb" is not an entity id`}},
		{"story without a title",
			[]edit{{fileStories, "How the money goes round", ""}},
			[]string{`stories.csv row 2, column storyTitle: is required`}},
		{"story rows apart",
			[]edit{{fileStories, "circle,,The money", "other,Other,Between,Text.,,,,\ncircle,,The money"}},
			[]string{`stories.csv row 4, column story: the steps of story "circle" must be on consecutive rows, in step order`}},
		{"problems in several files, in table order",
			[]edit{
				{fileStories, "example-chips; example-lab,", "example-chips; example-lb,"},
				{fileDeals, "compute,10B", "compute,ten"},
				{fileMeta, "2025-10-01", "2025-13-01"},
			},
			[]string{
				`meta.csv row 4, column value: "2025-13-01" is not a valid date: the month must be from 01 to 12`,
				`deals.csv row 3, column amount: "ten" is not an amount: write a number such as 300000000000, or one with a scale such as 300B, $300 billion, 1.5 bn or 750M`,
				`stories.csv row 2, column entities: "example-lb" is not an entity id`,
			}},
		{"broken quoting",
			[]edit{{fileSources, "Example Wire,", `Example "Wire",`}},
			[]string{`sources.csv: is not valid CSV: line 2, column 22: bare " in non-quoted-field; a cell with a quote must be in quotes, its quotes doubled ("")`}},
		{"not UTF-8",
			[]edit{{fileEntities, "A made-up chip maker.", "A made-up chip maker\xe9."}},
			[]string{`entities.csv: is not UTF-8 text: save it as "CSV UTF-8"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := problemLines(t, template(t, tt.edits...))
			if !slices.Equal(got, tt.want) {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// load converts fsys and loads the document it gives.
func load(t *testing.T, fsys fstest.MapFS) *dataset.Dataset {
	t.Helper()
	doc, err := Convert(fsys)
	if err != nil {
		t.Fatalf("refused:\n%v", err)
	}
	ds, err := dataset.Load(doc)
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// crlf rewrites every file of fsys with Windows line ends.
func crlf(fsys fstest.MapFS) fstest.MapFS {
	for _, f := range fsys {
		f.Data = []byte(strings.ReplaceAll(string(f.Data), "\n", "\r\n"))
	}
	return fsys
}

func TestValues(t *testing.T) {
	note := func(ds *dataset.Dataset) any { return ds.Entities[1].Note }
	amount := func(ds *dataset.Dataset) any { return *ds.Deals[1].Amount }
	tests := []struct {
		name string
		fsys func(t *testing.T) fstest.MapFS
		got  func(*dataset.Dataset) any
		want any
	}{
		{"quoted commas",
			func(t *testing.T) fstest.MapFS {
				return template(t, edit{fileEntities, "A made-up chip maker.", `"Chips, boards, and racks."`})
			}, note, "Chips, boards, and racks."},
		{"quoted newline and quotes",
			func(t *testing.T) fstest.MapFS {
				return template(t, edit{fileEntities, "A made-up chip maker.", "\"Line one,\nline \"\"two\"\".\""})
			}, note, "Line one,\nline \"two\"."},
		{"byte-order mark",
			func(t *testing.T) fstest.MapFS {
				return template(t, edit{fileEntities, "id,name", "\ufeffid,name"})
			}, func(ds *dataset.Dataset) any { return ds.Entities[0].ID }, "example-lab"},
		{"Windows line ends",
			func(t *testing.T) fstest.MapFS { return crlf(template(t)) },
			func(ds *dataset.Dataset) any { return ds.Entities[3].Name + "|" + ds.Sources[2].Tier.String() }, "Example Fund|C"},
		{"Windows line end inside quotes",
			func(t *testing.T) fstest.MapFS {
				return crlf(template(t, edit{fileEntities, "A made-up chip maker.", "\"Line one\nline two\""}))
			}, note, "Line one\nline two"},
		{"spaces around cells",
			func(t *testing.T) fstest.MapFS {
				return template(t, edit{fileEntities, "example-chips,Example Chips,chips", " example-chips , Example Chips ,chips "})
			}, func(ds *dataset.Dataset) any { return ds.Entities[1].ID + "|" + ds.Entities[1].Name }, "example-chips|Example Chips"},
		{"column names in any order and case",
			func(t *testing.T) fstest.MapFS {
				return template(t, edit{fileSources, "", "URL,Tier,publisher,id,extra\nhttps://example.com/a,A,Wire,example-wire,x\nhttps://example.com/b,,Trade,example-trade,\nhttps://example.com/c,,Blog,example-blog,\n"})
			}, func(ds *dataset.Dataset) any { return ds.Sources[0].URL + "|" + ds.Sources[0].Tier.String() }, "https://example.com/a|A"},
		{"amount with a scale word",
			func(t *testing.T) fstest.MapFS {
				return template(t, edit{fileDeals, "compute,10B,yes", "compute,1.5 bn,yes"})
			},
			amount, dataset.Amount{Value: 1.5e9, UpTo: true}},
		{"amount with a dollar sign",
			func(t *testing.T) fstest.MapFS {
				return template(t, edit{fileDeals, "compute,10B,yes", "compute,$300 billion,1"})
			},
			amount, dataset.Amount{Value: 300e9, UpTo: true}},
		{"amount with thousands separators",
			func(t *testing.T) fstest.MapFS {
				return template(t, edit{fileDeals, "compute,10B,yes,", `compute,"300,000,000",TRUE,no`})
			}, amount, dataset.Amount{Value: 300e6, UpTo: true}},
		{"amount plain, flags false",
			func(t *testing.T) fstest.MapFS {
				return template(t, edit{fileDeals, "compute,10B,yes,", "compute,11900000000,false,0"})
			}, amount, dataset.Amount{Value: 11.9e9}},
		{"no kinds.csv: the kinds used, labelled by id",
			func(t *testing.T) fstest.MapFS { return template(t, edit{fileKinds, "", "-"}) },
			func(ds *dataset.Dataset) any {
				return ds.Kinds[0].Key + "|" + ds.Kinds[0].Label + "|" + ds.Kinds[3].Key + "|" + strconv.Itoa(len(ds.Kinds))
			}, "lab|lab|investor|4"},
		{"light colour",
			func(t *testing.T) fstest.MapFS { return template(t) },
			func(ds *dataset.Dataset) any { return ds.Kinds[0].ColorLight }, dataset.RGB{R: 0xb4, G: 0x53, B: 0x2e}},
		{"locale",
			func(t *testing.T) fstest.MapFS { return template(t, edit{fileMeta, "en-US", "de-DE"}) },
			func(ds *dataset.Dataset) any { return ds.Locale }, "de-DE"},
		{"ui words",
			func(t *testing.T) fstest.MapFS {
				return template(t, edit{fileUI, "", "key,value\nplay,Abspielen\npause,\n"})
			}, func(ds *dataset.Dataset) any { return fmt.Sprint(ds.UI) }, "map[play:Abspielen]"},
		{"update applies",
			func(t *testing.T) fstest.MapFS { return template(t) },
			func(ds *dataset.Dataset) any { return *ds.Deals[2].Current().Amount }, dataset.Amount{Value: 4e9}},
		{"empty focus lists",
			func(t *testing.T) fstest.MapFS {
				return template(t, edit{fileStories, "example-chips; example-lab,chips-invests-in-lab,", ",,"})
			}, func(ds *dataset.Dataset) any { return len(ds.Stories[0].Steps[0].FocusEntities) }, 0},
		{"trailing empty rows",
			func(t *testing.T) fstest.MapFS {
				return template(t, edit{fileEntities, "A made-up investment fund.,,\n", "A made-up investment fund.,,\n,,,,,\n,,,,,\n"})
			}, func(ds *dataset.Dataset) any { return len(ds.Entities) }, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.got(load(t, tt.fsys(t))); got != tt.want {
				t.Errorf("got %#v, want %#v", got, tt.want)
			}
		})
	}
}

func TestParseAmount(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"300B", 300e9, true},
		{"$300 billion", 300e9, true},
		{"1.5 bn", 1.5e9, true},
		{"750M", 750e6, true},
		{"750 mn", 750e6, true},
		{"11.9B", 11900000000, true},
		{"2.3 Billion", 2300000000, true},
		{"1T", 1e12, true},
		{"€40k", 40000, true},
		{"300000000000", 300e9, true},
		{"1,500,000", 1.5e6, true},
		{"0.5", 0.5, true},
		{"1,5", 0, false},
		{"1,5000", 0, false},
		{"ten", 0, false},
		{"5 gazillion", 0, false},
		{"1e9", 0, false},
		{"Inf", 0, false},
		{"0x10", 0, false},
		{"$", 0, false},
		{"1.", 0, false},
		{"B", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseAmount(tt.in)
			if (err == nil) != tt.ok || got != tt.want {
				t.Errorf("parseAmount(%q) = %v, %v; want %v, ok %v", tt.in, got, err, tt.want, tt.ok)
			}
		})
	}
}
