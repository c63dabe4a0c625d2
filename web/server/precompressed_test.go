package server_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"

	"ouroboros/web/server"
)

// A plain file large enough that its variants are clearly smaller.
var bigJS = strings.Repeat("console.log('ouroboros');\n", 400)

// newPackedSite is newSite plus what the build adds: a hashed app, and
// variants next to some files. style.css has a gzip variant only, icon.png
// none; leak.js.br is a symlink out of the site and must never be served.
func newPackedSite(t *testing.T) string {
	t.Helper()
	site := newSite(t)
	write := func(name string, body []byte) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(site, filepath.FromSlash(name)), body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("big.js", []byte(bigJS))
	write("app.3f9c2a1b.js", []byte(bigJS))
	write("leak.js", []byte(bigJS))
	for _, name := range []string{"big.js", "app.3f9c2a1b.js", "index.html", "data/world.json"} {
		body, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		write(name+".br", brotliBytes(t, body))
		write(name+".gz", gzipBytes(t, body))
	}
	write("style.css.gz", gzipBytes(t, []byte("body{}")))
	outside := filepath.Join(filepath.Dir(site), "outside", "secret.txt")
	if err := os.Symlink(outside, filepath.Join(site, "leak.js.br")); err != nil {
		t.Skipf("symlinks unsupported: %v", err)
	}
	return site
}

func brotliBytes(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, brotli.BestCompression)
	if _, err := w.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func gzipBytes(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	if _, err := w.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// decode undoes a Content-Encoding.
func decode(t *testing.T, encoding string, body []byte) string {
	t.Helper()
	var r io.Reader
	switch encoding {
	case "":
		return string(body)
	case "br":
		r = brotli.NewReader(bytes.NewReader(body))
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			t.Fatalf("gzip body: %v", err)
		}
		r = zr
	default:
		t.Fatalf("unexpected Content-Encoding %q", encoding)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("decoding %s body: %v", encoding, err)
	}
	return string(out)
}

// request sends method target with the given headers straight to h.
func request(h http.Handler, method, target string, headers map[string]string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, nil)
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestNegotiation(t *testing.T) {
	h := server.New(newPackedSite(t), server.Options{})
	tests := []struct {
		name           string
		target, accept string
		want           string // Content-Encoding
		wantType       string
		wantPlain      string
		wantVary       bool
	}{
		{"no header", "/big.js", "", "", "text/javascript; charset=utf-8", bigJS, true},
		{"chromium", "/big.js", "gzip, deflate, br, zstd", "br", "text/javascript; charset=utf-8", bigJS, true},
		{"gzip only", "/big.js", "gzip", "gzip", "text/javascript; charset=utf-8", bigJS, true},
		{"br refused", "/big.js", "br;q=0, gzip", "gzip", "text/javascript; charset=utf-8", bigJS, true},
		{"gzip weighed higher", "/big.js", "br;q=0.5, gzip;q=0.8", "gzip", "text/javascript; charset=utf-8", bigJS, true},
		{"tie goes to br", "/big.js", "gzip;q=0.7, br;q=0.7", "br", "text/javascript; charset=utf-8", bigJS, true},
		{"wildcard", "/big.js", "*", "br", "text/javascript; charset=utf-8", bigJS, true},
		{"wildcard refused", "/big.js", "*;q=0", "", "text/javascript; charset=utf-8", bigJS, true},
		{"all refused", "/big.js", "br;q=0, gzip;q=0", "", "text/javascript; charset=utf-8", bigJS, true},
		{"identity preferred", "/big.js", "identity, br;q=0.5", "", "text/javascript; charset=utf-8", bigJS, true},
		{"upper case", "/big.js", "GZIP", "gzip", "text/javascript; charset=utf-8", bigJS, true},
		{"x-gzip", "/big.js", "x-gzip", "gzip", "text/javascript; charset=utf-8", bigJS, true},
		{"bad weight ignored", "/big.js", "br;q=abc, gzip", "gzip", "text/javascript; charset=utf-8", bigJS, true},
		{"unknown coding only", "/big.js", "zstd", "", "text/javascript; charset=utf-8", bigJS, true},
		{"gzip variant only", "/style.css", "gzip, deflate, br", "gzip", "text/css; charset=utf-8", "body{}", true},
		{"no variants", "/icon.png", "gzip, deflate, br", "", "image/png", "\x89PNG\r\n\x1a\n", false},
		{"page", "/", "gzip, deflate, br", "br", "text/html; charset=utf-8", "<!doctype html><title>root</title>", true},
		{"json", "/data/world.json", "gzip, br", "br", "application/json", `{"entities":[]}`, true},
		{"variant outside the site", "/leak.js", "br", "", "text/javascript; charset=utf-8", bigJS, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := request(h, http.MethodGet, tt.target, map[string]string{"Accept-Encoding": tt.accept})
			if rec.Code != http.StatusOK {
				t.Fatalf("status = %d, want %d", rec.Code, http.StatusOK)
			}
			hdr := rec.Header()
			if got := hdr.Get("Content-Encoding"); got != tt.want {
				t.Errorf("Content-Encoding = %q, want %q", got, tt.want)
			}
			if got := hdr.Get("Content-Type"); got != tt.wantType {
				t.Errorf("Content-Type = %q, want %q", got, tt.wantType)
			}
			body := rec.Body.Bytes()
			if got, want := hdr.Get("Content-Length"), strconv.Itoa(len(body)); got != want {
				t.Errorf("Content-Length = %q, want %q (the bytes sent)", got, want)
			}
			if tt.want != "" && len(body) >= len(tt.wantPlain) && len(tt.wantPlain) > 100 {
				t.Errorf("sent %d bytes for a %d-byte file, want the smaller variant", len(body), len(tt.wantPlain))
			}
			if got := decode(t, hdr.Get("Content-Encoding"), body); got != tt.wantPlain {
				t.Errorf("decoded body = %.60q, want %.60q", got, tt.wantPlain)
			}
			if strings.Contains(string(body), secret) {
				t.Errorf("body leaks content outside the directory")
			}
			wantVary := ""
			if tt.wantVary {
				wantVary = "Accept-Encoding"
			}
			if got := hdr.Get("Vary"); got != wantVary {
				t.Errorf("Vary = %q, want %q", got, wantVary)
			}
			// Ranges are offered on the plain file only.
			wantRanges := "bytes"
			if tt.want != "" {
				wantRanges = ""
			}
			if got := hdr.Get("Accept-Ranges"); got != wantRanges {
				t.Errorf("Accept-Ranges = %q, want %q", got, wantRanges)
			}
		})
	}
}

func TestRangeIsOnThePlainFile(t *testing.T) {
	h := server.New(newPackedSite(t), server.Options{})
	rec := request(h, http.MethodGet, "/big.js", map[string]string{
		"Accept-Encoding": "gzip, deflate, br",
		"Range":           "bytes=0-6",
	})
	if rec.Code != http.StatusPartialContent {
		t.Fatalf("status = %d, want %d", rec.Code, http.StatusPartialContent)
	}
	hdr := rec.Header()
	if got := hdr.Get("Content-Encoding"); got != "" {
		t.Errorf("Content-Encoding = %q, want none", got)
	}
	if got, want := rec.Body.String(), bigJS[:7]; got != want {
		t.Errorf("body = %q, want %q", got, want)
	}
	if got, want := hdr.Get("Content-Range"), "bytes 0-6/"+strconv.Itoa(len(bigJS)); got != want {
		t.Errorf("Content-Range = %q, want %q", got, want)
	}
	if got, want := hdr.Get("Content-Length"), "7"; got != want {
		t.Errorf("Content-Length = %q, want %q", got, want)
	}
	if got, want := hdr.Get("Vary"), "Accept-Encoding"; got != want {
		t.Errorf("Vary = %q, want %q", got, want)
	}
	if got, want := hdr.Get("Content-Type"), "text/javascript; charset=utf-8"; got != want {
		t.Errorf("Content-Type = %q, want %q", got, want)
	}
}

func TestHeadOfVariant(t *testing.T) {
	site := newPackedSite(t)
	h := server.New(site, server.Options{})
	br, err := os.ReadFile(filepath.Join(site, "big.js.br"))
	if err != nil {
		t.Fatal(err)
	}
	rec := request(h, http.MethodHead, "/big.js", map[string]string{"Accept-Encoding": "br"})
	if rec.Code != http.StatusOK {
		t.Fatalf("status = %d, want %d", rec.Code, http.StatusOK)
	}
	if got := rec.Body.Len(); got != 0 {
		t.Errorf("body length = %d, want 0", got)
	}
	if got, want := rec.Header().Get("Content-Length"), strconv.Itoa(len(br)); got != want {
		t.Errorf("Content-Length = %q, want %q", got, want)
	}
	if got, want := rec.Header().Get("Content-Encoding"), "br"; got != want {
		t.Errorf("Content-Encoding = %q, want %q", got, want)
	}
}

// TestVariantRevalidation pins that a compressed answer revalidates like the
// plain one: 304 with no body and no length of a body not sent.
func TestVariantRevalidation(t *testing.T) {
	h := server.New(newPackedSite(t), server.Options{})
	accept := map[string]string{"Accept-Encoding": "br"}
	first := request(h, http.MethodGet, "/big.js", accept)
	lastModified := first.Header().Get("Last-Modified")
	if lastModified == "" {
		t.Fatal("no Last-Modified header")
	}
	rec := request(h, http.MethodGet, "/big.js", map[string]string{"Accept-Encoding": "br", "If-Modified-Since": lastModified})
	if rec.Code != http.StatusNotModified {
		t.Fatalf("status = %d, want %d", rec.Code, http.StatusNotModified)
	}
	for _, key := range []string{"Content-Length", "Content-Encoding"} {
		if got := rec.Header().Get(key); got != "" {
			t.Errorf("%s = %q on a 304, want none", key, got)
		}
	}
	if got := rec.Body.Len(); got != 0 {
		t.Errorf("body length = %d, want 0", got)
	}
}

// TestPreconditionFailedOnVariant pins that an error answer does not keep
// the variant's length or encoding.
func TestPreconditionFailedOnVariant(t *testing.T) {
	h := server.New(newPackedSite(t), server.Options{})
	past := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Format(http.TimeFormat)
	rec := request(h, http.MethodGet, "/big.js", map[string]string{"Accept-Encoding": "br", "If-Unmodified-Since": past})
	if rec.Code != http.StatusPreconditionFailed {
		t.Fatalf("status = %d, want %d", rec.Code, http.StatusPreconditionFailed)
	}
	if got := rec.Header().Get("Content-Encoding"); got != "" {
		t.Errorf("Content-Encoding = %q, want none", got)
	}
	if got := rec.Header().Get("Content-Length"); got != "" && got != strconv.Itoa(rec.Body.Len()) {
		t.Errorf("Content-Length = %q for a %d-byte body", got, rec.Body.Len())
	}
}

func TestCacheControl(t *testing.T) {
	h := server.New(newPackedSite(t), server.Options{})
	const immutable = "public, max-age=31536000, immutable"
	tests := []struct {
		name, target, accept string
		wantStatus           int
		want                 string
	}{
		{"page", "/", "br", http.StatusOK, "no-cache"},
		{"page by name", "/index.html", "", http.StatusOK, "no-cache"},
		{"plain asset", "/big.js", "br", http.StatusOK, "no-cache"},
		{"dataset", "/data/world.json", "br", http.StatusOK, "no-cache"},
		{"hashed asset", "/app.3f9c2a1b.js", "", http.StatusOK, immutable},
		{"hashed asset, br", "/app.3f9c2a1b.js", "gzip, deflate, br", http.StatusOK, immutable},
		{"hashed asset, gzip", "/app.3f9c2a1b.js", "gzip", http.StatusOK, immutable},
		{"hashed name missing", "/app.0000aaaa.js", "br", http.StatusNotFound, "no-cache"},
		{"redirect", "/docs", "", http.StatusMovedPermanently, "no-cache"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := request(h, http.MethodGet, tt.target, map[string]string{"Accept-Encoding": tt.accept})
			if rec.Code != tt.wantStatus {
				t.Fatalf("status = %d, want %d", rec.Code, tt.wantStatus)
			}
			if got := rec.Header().Get("Cache-Control"); got != tt.want {
				t.Errorf("Cache-Control = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestCompressedOverHTTP lets Go's own client, which asks for gzip and checks
// the length it is told, fetch and decode a variant over a real connection.
func TestCompressedOverHTTP(t *testing.T) {
	srv := httptest.NewServer(server.New(newPackedSite(t), server.Options{}))
	defer srv.Close()
	resp, err := srv.Client().Get(srv.URL + "/big.js")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("reading the body: %v", err)
	}
	if !resp.Uncompressed {
		t.Errorf("the client did not get a gzip answer to decode")
	}
	if string(body) != bigJS {
		t.Errorf("decoded body = %.60q…, want the file", body)
	}
}

func TestHashedName(t *testing.T) {
	tests := []struct {
		name, content, want string
	}{
		// sha256("") = e3b0c442…, sha256("abc") = ba7816bf…
		{"ouroboros.wasm", "", "ouroboros.e3b0c442.wasm"},
		{"app.js", "abc", "app.ba7816bf.js"},
		{"data/set.json", "abc", "data/set.ba7816bf.json"},
		{"app.min.js", "abc", "app.min.ba7816bf.js"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := server.HashedName(tt.name, []byte(tt.content))
			if got != tt.want {
				t.Errorf("HashedName = %q, want %q", got, tt.want)
			}
			if !server.Immutable(got) {
				t.Errorf("Immutable(%q) = false, want true", got)
			}
		})
	}
}

func TestImmutable(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"ouroboros.3f9c2a1b.wasm", true},
		{"/dir/app.0123abcd.js", true},
		{"ouroboros.wasm", false},
		{"index.html", false},
		{"ouroboros.3F9C2A1B.wasm", false},
		{"ouroboros.3f9c2a1.wasm", false},
		{"ouroboros.3f9c2a1b0.wasm", false},
		{"ouroboros.3f9c2a1g.wasm", false},
		{".3f9c2a1b.wasm", false},
		{"ouroboros.3f9c2a1b.", false},
		{"ouroboros.3f9c2a1b", false},
		{"ouroboros.3f9c2a1b.wasm.br", false},
		{"data/ai-compute.json", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := server.Immutable(tt.name); got != tt.want {
				t.Errorf("Immutable(%q) = %v, want %v", tt.name, got, tt.want)
			}
		})
	}
}
