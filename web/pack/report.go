package pack

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"text/tabwriter"
)

// A File is one download of the page, with its sizes in bytes.
type File struct {
	Name string // relative to the site
	Raw  int64
	// Gzip and Brotli are the sizes of the precompressed variants, or Raw
	// when there is none (what the server then sends).
	Gzip, Brotli int64
}

// A Report lists what a reader's browser downloads to show the page.
type Report struct {
	// Wasm is the program.
	Wasm File
	// Files is every download: the page first, then what it loads in the
	// order it names them, the program and the default dataset included.
	Files []File
}

// Total adds up the sizes of every download.
func (r Report) Total() File {
	t := File{Name: "total"}
	for _, f := range r.Files {
		t.Raw += f.Raw
		t.Gzip += f.Gzip
		t.Brotli += f.Brotli
	}
	return t
}

// Write prints the report as a table, sizes in bytes.
func (r Report) Write(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "file\traw\tgzip\tbrotli\t\n")
	for _, f := range append(r.Files, r.Total()) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t\n", f.Name, f.Raw, f.Gzip, f.Brotli)
	}
	return tw.Flush()
}

var (
	// loadRef is the src or href of an element the browser fetches when it
	// shows the page (not a link the reader may follow).
	loadRef = regexp.MustCompile(`(?i)<(?:link|script|img)\b[^>]*?\s(?:src|href)="([^"]*)"`)
	// noscript is content a browser running scripts never fetches from.
	noscript = regexp.MustCompile(`(?is)<noscript\b.*?</noscript>`)
	// wasmAttr is the page's data-wasm attribute, set by Site.
	wasmAttr = regexp.MustCompile(`\sdata-wasm="([^"]+)"`)
	// defaultData is where the loader names the dataset it fetches when the
	// link names none.
	defaultData = regexp.MustCompile(`\bDEFAULT_DATA\s*=\s*['"]([^'"]+)['"]`)
)

// Measure reports what the page in dir (as packed by Site) makes a browser
// download without a data parameter: the page, the style sheets, scripts and
// images it names on this site, the program its data-wasm names, the modules
// its scripts import, and the dataset its scripts name as DEFAULT_DATA. What <noscript> names is left
// out: the page runs scripts.
func Measure(dir, page string) (Report, error) {
	var r Report
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(page)))
	if err != nil {
		return r, err
	}
	base := path.Dir(page)
	names := []string{page}
	for _, m := range loadRef.FindAllSubmatch(noscript.ReplaceAll(b, nil), -1) {
		if ref := string(m[1]); local(ref) {
			names = append(names, path.Join(base, ref))
		}
	}
	m := wasmAttr.FindSubmatch(b)
	if m == nil {
		return r, fmt.Errorf("%s has no data-wasm: was it packed?", page)
	}
	wasm := path.Join(base, string(m[1]))
	names = append(names, wasm)
	var dataset string
	seen := map[string]bool{}
	// The modules the scripts import are downloads too; names grows as
	// they are found.
	for i := 0; i < len(names); i++ {
		name := names[i]
		if path.Ext(name) != ".js" {
			continue
		}
		js, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			return r, err
		}
		if m := defaultData.FindSubmatch(js); m != nil {
			dataset = path.Join(base, string(m[1]))
		}
		for _, dep := range imports(name, js) {
			if !seen[dep] {
				seen[dep] = true
				names = append(names, dep)
			}
		}
	}
	if dataset == "" {
		return r, errors.New("no script the page loads names its DEFAULT_DATA")
	}
	names = append(names, dataset)
	for _, name := range names {
		f, err := measure(dir, name)
		if err != nil {
			return r, err
		}
		r.Files = append(r.Files, f)
		if name == wasm {
			r.Wasm = f
		}
	}
	return r, nil
}

// local reports whether a src or href names a file on this site.
func local(ref string) bool {
	return ref != "" && !strings.HasPrefix(ref, "#") && !strings.HasPrefix(ref, "//") &&
		!strings.Contains(strings.SplitN(ref, "/", 2)[0], ":")
}

func measure(dir, name string) (File, error) {
	size := func(name string) (int64, error) {
		info, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			return 0, err
		}
		return info.Size(), nil
	}
	f := File{Name: name}
	var err error
	if f.Raw, err = size(name); err != nil {
		return f, err
	}
	f.Gzip, f.Brotli = f.Raw, f.Raw
	if n, err := size(name + ".gz"); err == nil {
		f.Gzip = n
	}
	if n, err := size(name + ".br"); err == nil {
		f.Brotli = n
	}
	return f, nil
}
