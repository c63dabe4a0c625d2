package server_test

import (
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"ouroboros/web/server"
)

// newBrotliOnlySite is a site as the kiosk embeds it: its compressible
// files only as name.br, no plain copy and no gzip one.
func newBrotliOnlySite(t *testing.T) string {
	t.Helper()
	site := t.TempDir()
	for name, body := range map[string]string{
		"index.html":              "<!doctype html><title>kiosk</title>",
		"app.3f9c2a1b.js":         bigJS,
		"ouroboros.0123abcd.wasm": bigJS + "\x00asm",
		"data/ai-compute.json":    `{"title":"kiosk"}`,
	} {
		p := filepath.Join(site, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p+".br", brotliBytes(t, []byte(body)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return site
}

// TestBrotliOnly: a file kept only as its brotli copy goes as it is, with
// Content-Encoding: br, to a client that takes brotli, and decompressed,
// with its own type, to one that does not.
func TestBrotliOnly(t *testing.T) {
	site := newBrotliOnlySite(t)
	h := server.New(site, server.Options{})
	for _, tc := range []struct {
		target, plain, wantType string
		immutable               bool
	}{
		{"/", "<!doctype html><title>kiosk</title>", "text/html; charset=utf-8", false},
		{"/app.3f9c2a1b.js", bigJS, "text/javascript; charset=utf-8", true},
		{"/ouroboros.0123abcd.wasm", bigJS + "\x00asm", "application/wasm", true},
		{"/data/ai-compute.json", `{"title":"kiosk"}`, "application/json", false},
	} {
		name := tc.target[1:]
		if name == "" {
			name = "index.html"
		}
		stored, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(name)+".br"))
		if err != nil {
			t.Fatal(err)
		}
		for _, accept := range []string{"", "gzip, deflate", "br;q=0, gzip", "identity, br;q=0.5", "gzip, deflate, br, zstd", "br"} {
			rec := request(h, "GET", tc.target, map[string]string{"Accept-Encoding": accept})
			res := rec.Result()
			if res.StatusCode != http.StatusOK {
				t.Fatalf("GET %s (Accept-Encoding %q): %d", tc.target, accept, res.StatusCode)
			}
			if got := res.Header.Get("Content-Type"); got != tc.wantType {
				t.Errorf("GET %s (%q): Content-Type %q, want %q", tc.target, accept, got, tc.wantType)
			}
			if got := res.Header.Get("Vary"); got != "Accept-Encoding" {
				t.Errorf("GET %s (%q): Vary %q, want Accept-Encoding", tc.target, accept, got)
			}
			if got := res.Header.Get("Cache-Control") == "public, max-age=31536000, immutable"; got != tc.immutable {
				t.Errorf("GET %s: Cache-Control %q", tc.target, res.Header.Get("Cache-Control"))
			}
			enc := res.Header.Get("Content-Encoding")
			body := rec.Body.Bytes()
			takesBrotli := accept == "gzip, deflate, br, zstd" || accept == "br"
			switch {
			case takesBrotli && (enc != "br" || string(body) != string(stored)):
				t.Errorf("GET %s (%q): Content-Encoding %q, %d bytes; want br and the stored %d bytes as they are", tc.target, accept, enc, len(body), len(stored))
			case !takesBrotli && (enc != "" || string(body) != tc.plain):
				t.Errorf("GET %s (%q): Content-Encoding %q, body %.40q; want no encoding and the decompressed file", tc.target, accept, enc, body)
			}
			if got, want := res.Header.Get("Content-Length"), strconv.Itoa(len(body)); got != want {
				t.Errorf("GET %s (%q): Content-Length %s, want %s", tc.target, accept, got, want)
			}
		}
	}
	// A range is never cut from compressed bytes.
	rec := request(h, "GET", "/app.3f9c2a1b.js", map[string]string{"Accept-Encoding": "br", "Range": "bytes=0-9"})
	if rec.Code != http.StatusPartialContent || rec.Header().Get("Content-Encoding") != "" || rec.Body.String() != bigJS[:10] {
		t.Errorf("range: %d, Content-Encoding %q, %q; want 206 and the plain file's first 10 bytes", rec.Code, rec.Header().Get("Content-Encoding"), rec.Body.String())
	}
	// HEAD, and a directory without its slash, as for plain files.
	if rec := request(h, "HEAD", "/app.3f9c2a1b.js", map[string]string{"Accept-Encoding": "br"}); rec.Code != 200 || rec.Body.Len() != 0 || rec.Header().Get("Content-Encoding") != "br" {
		t.Errorf("HEAD: %d, %d bytes, Content-Encoding %q", rec.Code, rec.Body.Len(), rec.Header().Get("Content-Encoding"))
	}
	if rec := request(h, "GET", "/data", nil); rec.Code != http.StatusNotFound {
		t.Errorf("GET /data (no index): %d, want 404", rec.Code)
	}
	if rec := request(h, "GET", "/missing.js", map[string]string{"Accept-Encoding": "br"}); rec.Code != http.StatusNotFound {
		t.Errorf("GET /missing.js: %d, want 404", rec.Code)
	}
}
