package poster

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestNotInTheProgram: the poster is drawn at build time; nothing the
// WebAssembly program is built from may import it (its fonts and
// rasteriser would count against the program's size budget).
func TestNotInTheProgram(t *testing.T) {
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (path == "../poster" || path == "../cmd") {
			return filepath.SkipDir // this package, and the native commands
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); p == "ouroboros/wasm/poster" {
				t.Errorf("%s imports the poster, which would put it into the program", path)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
