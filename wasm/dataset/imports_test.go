package dataset_test

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestImports keeps the loader pure: besides the standard library it may
// import gjson and nothing else, so never ebiten, and it must not use
// syscall/js, so that it builds and tests natively as well as for the browser.
func TestImports(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			got, _ := strconv.Unquote(imp.Path.Value)
			std := !strings.Contains(strings.Split(got, "/")[0], ".")
			if got == "syscall/js" || !std && got != "github.com/tidwall/gjson" {
				t.Errorf("%s imports %s", name, got)
			}
		}
	}
}
