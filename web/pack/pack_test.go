package pack_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"

	"ouroboros/wasm/wording"
	"ouroboros/web/pack"
	"ouroboros/web/server"
)

const testPage = `<!doctype html>
<html lang="en">
<head>
<link rel="stylesheet" href="style.css">
<script src="wasm_exec.js" defer></script>
<script src="./app.js" defer></script>
<link rel="help" href="https://example.com/style.css">
</head>
<body><a href="#top">top</a> <a href="data/README.md">the format</a>
<noscript><img src="icon.png" alt=""></noscript></body>
</html>
`

// wasmBytes is large enough to go through the brotli cache.
var wasmBytes = bytes.Repeat([]byte("\x00asm\x01\x00\x00\x00 a program "), 4000)

// newSite writes a small built site like dist/ and returns its directory.
func newSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"index.html":          testPage,
		"app.js":              strings.Repeat("const DEFAULT_DATA = 'data/set.json';\n", 20),
		"style.css":           strings.Repeat("body { margin: 0 }\n", 20),
		"wasm_exec.js":        strings.Repeat("globalThis.Go = class {};\n", 20),
		"ouroboros.wasm":      string(wasmBytes),
		"data/set.json":       strings.Repeat(`{"entities": []}`, 30),
		"data/examples/a.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
		"icon.png":            "\x89PNG\r\n\x1a\n",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func options(t *testing.T) pack.Options {
	return pack.Options{
		Page:   "index.html",
		Wasm:   "ouroboros.wasm",
		Hashed: []string{"app.js", "style.css", "wasm_exec.js"},
		Cache:  t.TempDir(),
	}
}

func read(t *testing.T, dir, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestSiteHashes(t *testing.T) {
	dir := newSite(t)
	if err := pack.Site(dir, options(t)); err != nil {
		t.Fatal(err)
	}
	page := string(read(t, dir, "index.html"))
	for _, name := range []string{"app.js", "style.css", "wasm_exec.js", "ouroboros.wasm"} {
		t.Run(name, func(t *testing.T) {
			plain := read(t, dir, name)
			hashed := server.HashedName(name, plain)
			if !server.Immutable(hashed) {
				t.Errorf("server.Immutable(%q) = false: the server would not cache it", hashed)
			}
			if got := read(t, dir, hashed); !bytes.Equal(got, plain) {
				t.Errorf("%s differs from %s", hashed, name)
			}
			if name == "ouroboros.wasm" {
				if want := ` data-wasm="` + hashed + `"`; !strings.Contains(page, want) {
					t.Errorf("page lacks %s:\n%s", want, page)
				}
				return
			}
			if !strings.Contains(page, `="`+hashed+`"`) {
				t.Errorf("page does not load %s:\n%s", hashed, page)
			}
			if regexp.MustCompile(`="(\./)?` + regexp.QuoteMeta(name) + `"`).MatchString(page) {
				t.Errorf("page still loads the plain %s:\n%s", name, page)
			}
		})
	}
	if want := `<html lang="en" data-wasm="`; !strings.HasPrefix(page[strings.Index(page, "<html"):], want) {
		t.Errorf("page's <html> = %.80q, want it to start %q", page[strings.Index(page, "<html"):], want)
	}
	if want := ` data-wasm-bytes="` + strconv.Itoa(len(wasmBytes)) + `" data-wasm-size="` + wording.Size(int64(len(wasmBytes))) + `">`; !strings.Contains(page, want) {
		t.Errorf("page lacks %s (the program's size, in bytes and in words)", want)
	}
	if !strings.Contains(page, `href="https://example.com/style.css"`) {
		t.Errorf("a link to another site was rewritten:\n%s", page)
	}
}

// TestSiteCompresses checks every compressible file, hashed copies included,
// against its variants, and that nothing else gets any.
func TestSiteCompresses(t *testing.T) {
	dir := newSite(t)
	if err := pack.Site(dir, options(t)); err != nil {
		t.Fatal(err)
	}
	var checked int
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".br") || strings.HasSuffix(p, ".gz") {
			return err
		}
		plain := read(t, p, "")
		_, brErr := os.Stat(p + ".br")
		_, gzErr := os.Stat(p + ".gz")
		if !pack.Compressible(p) {
			if brErr == nil || gzErr == nil {
				t.Errorf("%s has variants, want none", p)
			}
			return nil
		}
		checked++
		if got := unbrotli(t, read(t, p+".br", "")); !bytes.Equal(got, plain) {
			t.Errorf("%s.br does not decode to %s", p, p)
		}
		if got := gunzip(t, read(t, p+".gz", "")); !bytes.Equal(got, plain) {
			t.Errorf("%s.gz does not decode to %s", p, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// index, 4 plain assets, their 4 hashed copies, a json and an svg.
	if want := 11; checked != want {
		t.Errorf("checked %d compressible files, want %d", checked, want)
	}
}

// TestSiteCache pins that a second build of the same bytes reads brotli
// output from the cache, and that the output is the same.
func TestSiteCache(t *testing.T) {
	opts := options(t)
	first := newSite(t)
	if err := pack.Site(first, opts); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(opts.Cache)
	if err != nil || len(entries) == 0 {
		t.Fatalf("cache holds %d entries (%v), want some", len(entries), err)
	}
	// Poison an entry: the second build must take it, proving it read it.
	var wasmEntry string
	for _, e := range entries {
		b := read(t, opts.Cache, e.Name())
		if bytes.Equal(unbrotli(t, b), wasmBytes) {
			wasmEntry = e.Name()
		}
	}
	if wasmEntry == "" {
		t.Fatal("no cache entry holds the program")
	}
	marker := []byte("from the cache")
	if err := os.WriteFile(filepath.Join(opts.Cache, wasmEntry), marker, 0o644); err != nil {
		t.Fatal(err)
	}
	second := newSite(t)
	if err := pack.Site(second, opts); err != nil {
		t.Fatal(err)
	}
	if got := read(t, second, "ouroboros.wasm.br"); !bytes.Equal(got, marker) {
		t.Errorf("second build compressed the program again instead of reading the cache")
	}
	if got, want := read(t, second, "style.css.br"), read(t, first, "style.css.br"); !bytes.Equal(got, want) {
		t.Errorf("second build's style.css.br differs from the first's")
	}
}

func TestSiteRefuses(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{"asset not loaded", strings.Replace(testPage, `<script src="./app.js" defer></script>`, "", 1), `"app.js"`},
		{"no html tag", strings.Replace(testPage, `<html lang="en">`, "", 1), "<html>"},
		{"packed twice", strings.Replace(testPage, `<html lang="en">`, `<html lang="en" data-wasm="x.wasm">`, 1), "already has data-wasm"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := newSite(t)
			if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(tt.page), 0o644); err != nil {
				t.Fatal(err)
			}
			err := pack.Site(dir, options(t))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Site = %v, want an error mentioning %s", err, tt.want)
			}
		})
	}
}

// TestRealPage packs the project's own page and scripts with the list of
// assets build.sh hashes, so that a change to them that would lose an
// asset's hash (a script the list forgets, a module imported by a name
// that is not rewritten) fails here rather than in a reader's cache.
func TestRealPage(t *testing.T) {
	dir := newSite(t)
	build, err := os.ReadFile("../../build.sh")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`cmd/pack .*-hash ([^ ]+)`).FindSubmatch(build)
	if m == nil {
		t.Fatal("build.sh runs no web/cmd/pack -hash")
	}
	opts := options(t)
	opts.Hashed = nil
	for _, name := range strings.Split(string(m[1]), ",") {
		src := filepath.Join("..", filepath.FromSlash(name))
		if name == "wasm_exec.js" || strings.HasPrefix(name, "poster") && strings.HasSuffix(name, ".svg") {
			src = "" // made by the build: the test site's stand-in will do
		}
		if src != "" {
			b, err := os.ReadFile(src)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		} else if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			if err := os.WriteFile(filepath.Join(dir, name), []byte("<svg/>"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		opts.Hashed = append(opts.Hashed, name)
	}
	page, err := os.ReadFile("../index.html")
	if err != nil {
		t.Fatal(err)
	}
	// The poster's <picture> goes in at build time (wasm/poster).
	page = bytes.Replace(page, []byte("<!-- poster:img -->"), []byte(`<img src="poster.svg" alt=""><img src="poster-tall.svg" alt="">`), 1)
	if err := os.WriteFile(filepath.Join(dir, "index.html"), page, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := pack.Site(dir, opts); err != nil {
		t.Fatalf("packing web/index.html: %v", err)
	}
	// Every module, as shipped, imports the others by their hashed names.
	for _, name := range opts.Hashed {
		if filepath.Ext(name) != ".js" {
			continue
		}
		src := string(read(t, dir, server.HashedName(name, read(t, dir, name))))
		for _, m := range specifier.FindAllStringSubmatch(src, -1) {
			if !server.Immutable(m[1]) {
				t.Errorf("%s imports %s, not a hashed name", name, m[1])
			} else if _, err := os.Stat(filepath.Join(dir, m[1])); err != nil {
				t.Errorf("%s imports %s, which the site lacks", name, m[1])
			}
		}
	}
}

func TestMeasure(t *testing.T) {
	dir := newSite(t)
	if err := pack.Site(dir, options(t)); err != nil {
		t.Fatal(err)
	}
	r, err := pack.Measure(dir, "index.html")
	if err != nil {
		t.Fatal(err)
	}
	size := func(name string) int64 {
		info, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return info.Size()
	}
	hashed := func(name string) string { return server.HashedName(name, read(t, dir, name)) }
	wantNames := []string{"index.html", hashed("style.css"), hashed("wasm_exec.js"), hashed("app.js"), hashed("ouroboros.wasm"), "data/set.json"}
	var gotNames []string
	var total pack.File
	for _, f := range r.Files {
		gotNames = append(gotNames, f.Name)
		if f.Raw != size(f.Name) || f.Gzip != size(f.Name+".gz") || f.Brotli != size(f.Name+".br") {
			t.Errorf("%s: sizes %d/%d/%d, want those of the files", f.Name, f.Raw, f.Gzip, f.Brotli)
		}
		total.Raw += f.Raw
		total.Brotli += f.Brotli
	}
	if strings.Join(gotNames, " ") != strings.Join(wantNames, " ") {
		t.Errorf("downloads = %q, want %q", gotNames, wantNames)
	}
	if r.Wasm.Name != hashed("ouroboros.wasm") || r.Wasm.Raw != int64(len(wasmBytes)) {
		t.Errorf("Wasm = %+v, want the hashed program of %d bytes", r.Wasm, len(wasmBytes))
	}
	if got := r.Total(); got.Raw != total.Raw || got.Brotli != total.Brotli || got.Brotli >= got.Raw {
		t.Errorf("Total = %+v, want raw %d, brotli %d, smaller than raw", got, total.Raw, total.Brotli)
	}
	var out strings.Builder
	if err := r.Write(&out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "total") || !strings.Contains(out.String(), "data/set.json") {
		t.Errorf("Write printed:\n%s", out.String())
	}
}

// TestServed serves a packed site as readers get it: brotli where accepted,
// a year's caching for hashed names and none for the page.
func TestServed(t *testing.T) {
	dir := newSite(t)
	if err := pack.Site(dir, options(t)); err != nil {
		t.Fatal(err)
	}
	h := server.New(dir, server.Options{})
	wasm := server.HashedName("ouroboros.wasm", wasmBytes)
	tests := []struct {
		target, wantCache string
		want              []byte
	}{
		{"/", "no-cache", read(t, dir, "index.html")},
		{"/" + wasm, "public, max-age=31536000, immutable", wasmBytes},
		{"/ouroboros.wasm", "no-cache", wasmBytes},
		{"/data/set.json", "no-cache", read(t, dir, "data/set.json")},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, tt.target, nil)
			req.Header.Set("Accept-Encoding", "gzip, deflate, br, zstd")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK || rec.Header().Get("Content-Encoding") != "br" {
				t.Fatalf("status %d, Content-Encoding %q; want 200, br", rec.Code, rec.Header().Get("Content-Encoding"))
			}
			if got := rec.Header().Get("Cache-Control"); got != tt.wantCache {
				t.Errorf("Cache-Control = %q, want %q", got, tt.wantCache)
			}
			if got := unbrotli(t, rec.Body.Bytes()); !bytes.Equal(got, tt.want) {
				t.Errorf("decoded body differs from the file")
			}
		})
	}
}

func unbrotli(t *testing.T, b []byte) []byte {
	t.Helper()
	out, err := io.ReadAll(brotli.NewReader(bytes.NewReader(b)))
	if err != nil {
		t.Fatalf("brotli: %v", err)
	}
	return out
}

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	r, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("gzip: %v", err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("gzip: %v", err)
	}
	return out
}

// TestSiteHashesSrcset: a <picture>'s sources load by their hashed names
// too (the page's poster has one for portrait windows).
func TestSiteHashesSrcset(t *testing.T) {
	dir := newSite(t)
	page := strings.Replace(testPage, "<body>", `<body><picture><source media="(orientation: portrait)" srcset="tall.svg"><img src="wide.svg" alt=""></picture>`, 1)
	for name, body := range map[string]string{"index.html": page, "tall.svg": "<svg xmlns='http://www.w3.org/2000/svg' id='t'/>", "wide.svg": "<svg xmlns='http://www.w3.org/2000/svg' id='w'/>"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	opts := options(t)
	opts.Hashed = append(opts.Hashed, "tall.svg", "wide.svg")
	if err := pack.Site(dir, opts); err != nil {
		t.Fatal(err)
	}
	got := string(read(t, dir, "index.html"))
	for _, want := range []string{
		`srcset="` + server.HashedName("tall.svg", read(t, dir, "tall.svg")) + `"`,
		`src="` + server.HashedName("wide.svg", read(t, dir, "wide.svg")) + `"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("page lacks %s:\n%s", want, got)
		}
	}
}
