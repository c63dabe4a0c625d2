//go:build browser

package e2e_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"ouroboros/wasm/wording"
)

// TestPackedDownloads checks what the browser fetched for the page: the
// hashed names the build gave the assets, the program as brotli (its .br
// file's bytes on the wire, decoded to the full program), and a loader that
// counted its progress in decoded bytes up to the program's real size.
func TestPackedDownloads(t *testing.T) {
	ctx := openPage(t, 800, 600, "/")
	if ok, msg := outcome(t, ctx); !ok {
		t.Fatalf("ouroboros.ready rejected: %s", msg)
	}
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify({
	  resources: performance.getEntriesByType('resource').map((e) => ({
	    path: new URL(e.name).pathname.slice(1),
	    encoded: e.encodedBodySize,
	    decoded: e.decodedBodySize,
	    initiator: e.initiatorType,
	  })),
	  wasmBytes: document.documentElement.dataset.wasmBytes,
	  loaderBytes: document.getElementById('loader-bytes').textContent,
	  bar: document.querySelector('.bar').getAttribute('aria-valuenow'),
	})`))
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Resources []struct {
			Path             string
			Encoded, Decoded int64
			Initiator        string
		}
		WasmBytes   string
		LoaderBytes string
		Bar         string
	}
	if err := json.Unmarshal([]byte(raw), &got); err != nil {
		t.Fatalf("%v\n%s", err, raw)
	}
	hashed := map[string]*regexp.Regexp{
		"program":      regexp.MustCompile(`^ouroboros\.[0-9a-f]{8}\.wasm$`),
		"loader":       regexp.MustCompile(`^app\.[0-9a-f]{8}\.js$`),
		"wasm_exec.js": regexp.MustCompile(`^wasm_exec\.[0-9a-f]{8}\.js$`),
	}
	// The style sheet is in the page (issue 19): never a request of its own.
	for _, r := range got.Resources {
		if strings.HasSuffix(r.Path, ".css") {
			t.Errorf("the page fetched a style sheet, %s; want it inline", r.Path)
		}
	}
	for what, re := range hashed {
		found := false
		for _, r := range got.Resources {
			found = found || re.MatchString(r.Path)
		}
		if !found {
			t.Errorf("no %s fetched by a hashed name (%s); fetched: %+v", what, re, got.Resources)
		}
	}
	// The program is asked for by the page's head (<link rel=preload>),
	// not once the page is parsed and its modules run (issue 19), and that
	// one download is the one the loader compiles: a preload the loader's
	// fetch did not match would be downloaded twice.
	var programs []string
	for _, r := range got.Resources {
		if hashed["program"].MatchString(r.Path) {
			programs = append(programs, r.Initiator)
		}
	}
	if len(programs) != 1 || programs[0] != "link" {
		t.Errorf("the program was requested by %q, want once, by the page's preload (link)", programs)
	}
	for _, r := range got.Resources {
		if !hashed["program"].MatchString(r.Path) {
			continue
		}
		info, err := os.Stat(filepath.Join("..", "..", "dist", r.Path))
		if err != nil {
			t.Fatal(err)
		}
		br, err := os.Stat(filepath.Join("..", "..", "dist", r.Path+".br"))
		if err != nil {
			t.Fatal(err)
		}
		if r.Encoded != br.Size() || r.Decoded != info.Size() {
			t.Errorf("%s came as %d bytes decoded to %d, want the .br's %d decoded to %d",
				r.Path, r.Encoded, r.Decoded, br.Size(), info.Size())
		}
		if got.WasmBytes != fmt.Sprint(info.Size()) {
			t.Errorf("data-wasm-bytes = %q, want %d", got.WasmBytes, info.Size())
		}
		// The loader writes no number itself: the size comes in wording's
		// words from the build.
		if want := "100% of " + wording.Size(info.Size()); got.LoaderBytes != want {
			t.Errorf("the loader ended at %q, want %q", got.LoaderBytes, want)
		}
	}
	if got.Bar != "100" {
		t.Errorf("the progress bar ended at %s%%, want 100%%", got.Bar)
	}
}
