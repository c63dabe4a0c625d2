package sheets

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"ouroboros/wasm/dataset"
)

// FuzzConvert replaces the template's deals.csv and entities.csv with
// arbitrary bytes: Convert must never panic, and must give either a
// document the loader accepts or problems that each name a file of the
// folder.
func FuzzConvert(f *testing.F) {
	base := template(&testing.T{})
	f.Add(base[fileDeals].Data, base[fileEntities].Data)
	f.Add([]byte("id,from\n\"a,b\",\"c\"\"d\"\n"), []byte("\ufeffid,name,kind\r\nx,X,lab\r\n"))
	f.Add([]byte("amount,upTo\n-1e999,maybe\n"), []byte("pinX,pinY\n2,\n"))
	f.Fuzz(func(t *testing.T, deals, entities []byte) {
		fsys := fstest.MapFS{}
		for n, file := range base {
			fsys[n] = &fstest.MapFile{Data: file.Data}
		}
		fsys[fileDeals] = &fstest.MapFile{Data: deals}
		fsys[fileEntities] = &fstest.MapFile{Data: entities}
		doc, err := Convert(fsys)
		if err == nil {
			if _, err := dataset.Load(doc); err != nil {
				t.Fatalf("Convert wrote a refused document: %v", err)
			}
			return
		}
		var ps Problems
		if !errors.As(err, &ps) || len(ps) == 0 {
			t.Fatalf("got %v, want Problems", err)
		}
		for _, p := range ps {
			if !strings.HasSuffix(p.File, ".csv") {
				t.Errorf("problem not located in a file: %s", p)
			}
		}
	})
}
