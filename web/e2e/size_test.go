//go:build !browser

package e2e_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"ouroboros/web/pack"
)

// wasmBrotliBudget is issue 9's budget for the program, brotli-compressed:
// 2.2 MB, in the decimal megabytes of the issue's "Ebitengine alone is about
// 1.75 MB" (an empty Ebitengine game is 1,745,993 bytes).
const wasmBrotliBudget = 2_200_000

// TestSizeBudget reads the built site (./build.sh test builds it first) and
// holds the program to its budget. It logs what the page downloads.
func TestSizeBudget(t *testing.T) {
	dist := filepath.Join("..", "..", "dist")
	if _, err := os.Stat(filepath.Join(dist, "index.html")); err != nil {
		t.Skip("dist/ is not built; ./build.sh test builds it before this test")
	}
	r, err := pack.Measure(dist, "index.html")
	if err != nil {
		t.Fatal(err)
	}
	var table strings.Builder
	if err := r.Write(&table); err != nil {
		t.Fatal(err)
	}
	t.Logf("what the page downloads, in bytes:\n%s", table.String())

	if r.Wasm.Brotli > wasmBrotliBudget {
		t.Errorf("%s is %d bytes with brotli, over the budget of %d by %d (see BENCHMARKS.md for what is large)",
			r.Wasm.Name, r.Wasm.Brotli, wasmBrotliBudget, r.Wasm.Brotli-wasmBrotliBudget)
	}
	for _, f := range r.Files {
		for _, ext := range []string{".br", ".gz"} {
			if _, err := os.Stat(filepath.Join(dist, filepath.FromSlash(f.Name+ext))); err != nil {
				t.Errorf("%s has no %s variant: %v", f.Name, ext, err)
			}
		}
	}
	// The loader's progress bar counts decoded bytes against this size.
	page, err := os.ReadFile(filepath.Join(dist, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`data-wasm-bytes="([0-9]+)"`).FindSubmatch(page)
	if m == nil {
		t.Fatal("dist/index.html has no data-wasm-bytes")
	}
	if got, _ := strconv.ParseInt(string(m[1]), 10, 64); got != r.Wasm.Raw {
		t.Errorf("data-wasm-bytes = %d, want the program's size %d", got, r.Wasm.Raw)
	}
}
