package pack_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"ouroboros/web/pack"
	"ouroboros/web/server"
)

var (
	swVersionRE = regexp.MustCompile(`const VERSION = '([0-9a-f]{12})';`)
	swFilesRE   = regexp.MustCompile(`const FILES = (\[.*\]);`)
)

// packWithWorker packs a site holding the project's service worker
// template, changed by edit first, and returns the filled-in worker's
// version and file list.
func packWithWorker(t *testing.T, edit func(dir string)) (string, []string) {
	t.Helper()
	dir := newSite(t)
	tmpl, err := os.ReadFile("../sw.js")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "sw.js"), tmpl, 0o644); err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(dir)
	}
	opts := options(t)
	opts.ServiceWorker = "sw.js"
	if err := pack.Site(dir, opts); err != nil {
		t.Fatal(err)
	}
	sw := string(read(t, dir, "sw.js"))
	v := swVersionRE.FindStringSubmatch(sw)
	f := swFilesRE.FindStringSubmatch(sw)
	if v == nil || f == nil {
		t.Fatalf("sw.js was not filled in:\n%s", sw)
	}
	var files []string
	if err := json.Unmarshal([]byte(f[1]), &files); err != nil {
		t.Fatalf("FILES is not a JSON list: %v", err)
	}
	return v[1], files
}

func TestServiceWorkerListsWhatThePageNeeds(t *testing.T) {
	version, files := packWithWorker(t, nil)
	want := []string{"./", "index.html", "icon.png", "data/set.json", "data/examples/a.svg",
		server.HashedName("app.js", []byte(strings.Repeat("const DEFAULT_DATA = 'data/set.json';\n", 20))),
		server.HashedName("ouroboros.wasm", wasmBytes)}
	for _, w := range want {
		if !slices.Contains(files, w) {
			t.Errorf("FILES lacks %q: %q", w, files)
		}
	}
	for _, f := range files {
		if f == "app.js" || f == "ouroboros.wasm" || f == "sw.js" || strings.HasSuffix(f, ".br") || strings.HasSuffix(f, ".gz") {
			t.Errorf("FILES holds %q, which the page never loads by that name", f)
		}
	}
	// The same site packs to the same version; any changed byte to another.
	again, _ := packWithWorker(t, nil)
	if again != version {
		t.Errorf("the same site got versions %s and %s", version, again)
	}
	changed, _ := packWithWorker(t, func(dir string) {
		if err := os.WriteFile(filepath.Join(dir, "data/set.json"), []byte(`{"entities": [1]}`), 0o644); err != nil {
			t.Fatal(err)
		}
	})
	if changed == version {
		t.Errorf("a changed dataset kept the version %s, so browsers would keep the old copy", version)
	}
	poster, files := packWithWorker(t, func(dir string) {
		if err := os.WriteFile(filepath.Join(dir, "poster.svg"), []byte("<svg/>"), 0o644); err != nil {
			t.Fatal(err)
		}
	})
	if poster == version || !slices.Contains(files, "poster.svg") {
		t.Errorf("a new file: version %s (was %s), files %q", poster, version, files)
	}
}

func TestServiceWorkerTemplateMustHaveItsPlaceholders(t *testing.T) {
	dir := newSite(t)
	if err := os.WriteFile(filepath.Join(dir, "sw.js"), []byte("const FILES = [];"), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := options(t)
	opts.ServiceWorker = "sw.js"
	err := pack.Site(dir, opts)
	if err == nil || !strings.Contains(err.Error(), "sw.js: the service worker template must hold") {
		t.Errorf("got %v, want a located refusal", err)
	}
}
