// Package house_test holds the house rules that span the whole tree (see
// shared/design/house-style.md and issue 15): short files and functions,
// and imports that run one way, from the program down to the dataset.
package house_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The limits on hand-written Go: lines a file, lines a function (test
// functions excepted: their tables are data).
const (
	maxFileLines = 450
	maxFuncLines = 80
)

// goFiles returns every hand-written Go file of the repository, parsed,
// by its path from the repository's top.
func goFiles(t *testing.T) (map[string]*ast.File, *token.FileSet) {
	t.Helper()
	fset := token.NewFileSet()
	files := map[string]*ast.File{}
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != ".." && (strings.HasPrefix(name, ".") || name == "testdata" || name == "dist" || name == "node_modules" || name == "site") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			return err
		}
		if ast.IsGenerated(f) {
			return nil
		}
		files[filepath.ToSlash(strings.TrimPrefix(path, "../"))] = f
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 50 {
		t.Fatalf("found only %d Go files from %s; is the test running in wasm/?", len(files), mustAbs(".."))
	}
	return files, fset
}

func mustAbs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return a
}

func TestFilesAndFunctionsAreShort(t *testing.T) {
	files, fset := goFiles(t)
	for path, f := range files {
		if n := fset.File(f.Pos()).LineCount(); n > maxFileLines {
			t.Errorf("%s: %d lines; split it by concern (at most %d)", path, n, maxFileLines)
		}
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			start, end := fset.Position(fd.Pos()).Line, fset.Position(fd.End()).Line
			if n := end - start + 1; n > maxFuncLines {
				t.Errorf("%s:%d: %s is %d lines (at most %d)", path, start, fd.Name.Name, n, maxFuncLines)
			}
		}
	}
}

// layers ranks the program's packages from the dataset up to the programs:
// a package may import only packages of a lower rank. Every package under
// wasm/ must be ranked, so that a new one takes its place on purpose.
var layers = map[string]int{
	"wasm/dataset":             1,
	"wasm/dataset/datasettest": 2,
	"wasm/words":               1,
	"wasm/jsonout":             0,
	"wasm/glyphs":              1,
	"wasm/wording":             2,
	"wasm/loops":               2,
	"wasm/sheets":              2,
	"wasm/analysis":            3,
	"wasm/layout":              4,
	"wasm/session":             5,
	"wasm/scene":               6,
	"wasm/page":                7,
	"wasm/poster":              8,
	"wasm/editor":              8,
	"wasm/bridge":              9,
	"wasm/app":                 10,
	"wasm/cmd":                 11,
}

// layerOf returns the rank of a package directory, or -1.
func layerOf(dir string) int {
	for p := dir; p != "." && p != "/"; p = filepath.ToSlash(filepath.Dir(p)) {
		if r, ok := layers[p]; ok {
			return r
		}
	}
	return -1
}

func TestImportsRunOneWay(t *testing.T) {
	files, _ := goFiles(t)
	const module = "ouroboros/"
	unranked := map[string]bool{}
	for path, f := range files {
		dir := filepath.ToSlash(filepath.Dir(path))
		if !strings.HasPrefix(dir, "wasm/") || strings.HasSuffix(path, "_test.go") {
			continue // tests may reach up: their imports never reach the program
		}
		from := layerOf(dir)
		if from < 0 {
			if !unranked[dir] {
				t.Errorf("package %s has no layer; add it to layers in wasm/house_test.go", dir)
			}
			unranked[dir] = true
			continue
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if !strings.HasPrefix(p, module) {
				continue
			}
			to := strings.TrimPrefix(p, module)
			if r := layerOf(to); r < 0 || r >= from && !(strings.HasPrefix(dir, "wasm/cmd/") && r == layers["wasm/cmd"]) {
				t.Errorf("%s imports %s: %s (layer %d) may import only lower layers (%s is %d)", path, to, dir, from, to, r)
			}
		}
	}
}

func TestRepositoryTopLevelIsFixed(t *testing.T) {
	want := map[string]bool{"wasm": true, "web": true, "data": true, "build.sh": true, "go.mod": true, "go.sum": true, "README.md": true,
		"BENCHMARKS.md": true, "dist": true, "bin": true}
	entries, err := os.ReadDir("..")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !want[e.Name()] && !strings.HasPrefix(e.Name(), ".") {
			t.Errorf("%s at the top level: the design card fixes it to wasm, web, data, build.sh, go.mod, go.sum and README.md", e.Name())
		}
	}
}
