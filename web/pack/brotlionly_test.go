package pack_test

import (
	"bytes"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"

	"ouroboros/web/pack"
	"ouroboros/web/server"
)

// TestBrotliOnly packs a site, keeps the brotli copies only, as the
// kiosk's build does, and serves it: every file the packed site had comes
// back the same, brotli as stored to a client that takes it, decompressed
// to one that does not; the plain and gzip copies of compressible files
// are gone, and the files with no brotli copy (the picture) stay.
func TestBrotliOnly(t *testing.T) {
	dir := newSite(t)
	if err := pack.Site(dir, options(t)); err != nil {
		t.Fatal(err)
	}
	before := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".br") || strings.HasSuffix(p, ".gz") {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		before[filepath.ToSlash(rel)] = read(t, dir, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	removed, err := pack.BrotliOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(removed) == 0 {
		t.Fatal("nothing removed")
	}
	h := server.New(dir, server.Options{})
	for name, plain := range before {
		_, statErr := os.Stat(filepath.Join(dir, filepath.FromSlash(name)))
		br, brErr := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)+".br"))
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name)+".gz")); err == nil {
			t.Errorf("%s.gz is still there", name)
		}
		switch {
		case pack.Compressible(name) && (statErr == nil || brErr != nil):
			t.Errorf("%s: plain copy there %v, brotli copy %v; want the brotli copy only", name, statErr == nil, brErr)
			continue
		case !pack.Compressible(name) && statErr != nil:
			t.Errorf("%s, not compressible, was removed", name)
			continue
		}
		for _, accept := range []string{"gzip, deflate, br", ""} {
			req := httptest.NewRequest("GET", "/"+name, nil)
			req.Header.Set("Accept-Encoding", accept)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			body := rec.Body.Bytes()
			if rec.Code != http.StatusOK {
				t.Errorf("GET /%s (%q): %d", name, accept, rec.Code)
				continue
			}
			if rec.Header().Get("Content-Encoding") == "br" {
				if accept == "" || !bytes.Equal(body, br) {
					t.Errorf("GET /%s (%q): brotli, %d bytes; want the stored brotli copy to a client that takes it", name, accept, len(body))
				}
				if body, err = io.ReadAll(brotli.NewReader(bytes.NewReader(body))); err != nil {
					t.Fatal(err)
				}
			} else if accept != "" && pack.Compressible(name) {
				t.Errorf("GET /%s (%q): Content-Encoding %q, want br", name, accept, rec.Header().Get("Content-Encoding"))
			}
			if !bytes.Equal(body, plain) {
				t.Errorf("GET /%s (%q): %d bytes differ from the packed site's %d", name, accept, len(body), len(plain))
			}
		}
	}
}
