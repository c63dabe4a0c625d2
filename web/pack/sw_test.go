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

// TestServiceWorkerListsWhatThePageNeeds: the list is the page and what it
// downloads, by the names it loads them, and nothing else of the site: not
// the examples, not what only <noscript> shows, not the plain copies of
// hashed files, not the compressed variants, not the page twice.
func TestServiceWorkerListsWhatThePageNeeds(t *testing.T) {
	version, files := packWithWorker(t, nil)
	want := []string{"./", "data/set.json",
		server.HashedName("app.js", []byte(strings.Repeat("const DEFAULT_DATA = 'data/set.json';\n", 20))),
		server.HashedName("ouroboros.wasm", wasmBytes),
		server.HashedName("style.css", []byte(strings.Repeat("body { margin: 0 }\n", 20))),
		server.HashedName("wasm_exec.js", []byte(strings.Repeat("globalThis.Go = class {};\n", 20)))}
	slices.Sort(want)
	if !slices.Equal(files, want) {
		t.Errorf("FILES = %q, want %q", files, want)
	}
	// The same site packs to the same version; any changed byte of what the
	// page loads to another.
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
	page, _ := packWithWorker(t, func(dir string) {
		if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(strings.Replace(testPage, "top</a>", "the top</a>", 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	})
	if page == version {
		t.Errorf("a changed page kept the version %s", version)
	}
	// A file the page does not load changes nothing; one it loads is listed.
	unloaded, files := packWithWorker(t, func(dir string) {
		if err := os.WriteFile(filepath.Join(dir, "poster.svg"), []byte("<svg/>"), 0o644); err != nil {
			t.Fatal(err)
		}
	})
	if unloaded != version || slices.Contains(files, "poster.svg") {
		t.Errorf("a file the page never loads: version %s (was %s), files %q", unloaded, version, files)
	}
	loaded, files := packWithWorker(t, func(dir string) {
		if err := os.WriteFile(filepath.Join(dir, "poster.svg"), []byte("<svg/>"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(strings.Replace(testPage, "<body>", `<body><img src="poster.svg" alt="">`, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	})
	if loaded == version || !slices.Contains(files, "poster.svg") {
		t.Errorf("a file the page loads: version %s (was %s), files %q", loaded, version, files)
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
