package analysis_test

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestPureImports keeps the package pure: it must build natively and for
// GOOS=js GOARCH=wasm and test with plain go test, so it may import only
// the standard library's data packages, the dataset model and the loops,
// never ebiten or syscall/js.
func TestPureImports(t *testing.T) {
	allowed := map[string]bool{
		"cmp": true, "slices": true, "strings": true, "sync": true,
		"ouroboros/wasm/dataset": true, "ouroboros/wasm/loops": true,
		"ouroboros/wasm/wording": true,
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if !allowed[path] {
				t.Errorf("%s imports %q; the analysis package must stay pure", name, path)
			}
		}
	}
}
