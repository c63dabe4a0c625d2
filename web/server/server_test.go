package server_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ouroboros/web/server"
)

// secret is the content of every file placed outside the served directory;
// no response may ever contain it.
const secret = "SECRET-OUTSIDE-DIST"

// newSite builds, under t.TempDir(), a served directory "site" and files
// beside it that must never be reachable. It returns the site's path.
func newSite(t *testing.T) string {
	t.Helper()
	top := t.TempDir()
	site := filepath.Join(top, "site")
	files := map[string]string{
		"go.mod":                 secret,
		"x":                      secret,
		"outside/secret.txt":     secret,
		"site/index.html":        "<!doctype html><title>root</title>",
		"site/app.js":            "console.log('app')",
		"site/style.css":         "body{}",
		"site/main.wasm":         "\x00asm\x01\x00\x00\x00",
		"site/data/world.json":   `{"entities":[]}`,
		"site/icon.svg":          "<svg xmlns='http://www.w3.org/2000/svg'/>",
		"site/icon.png":          "\x89PNG\r\n\x1a\n",
		"site/LOGO.PNG":          "\x89PNG\r\n\x1a\n",
		"site/site.webmanifest":  `{"name":"ouroboros"}`,
		"site/notes.unknownext":  "plain bytes",
		"site/docs/index.html":   "<!doctype html><title>docs</title>",
		"site/empty/listed.json": "{}",
	}
	for name, body := range files {
		p := filepath.Join(top, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	links := map[string]string{
		"site/leak.txt":    filepath.Join(top, "outside", "secret.txt"),
		"site/leakdir":     filepath.Join(top, "outside"),
		"site/leakrel":     "../x",
		"site/data/inside": "../app.js",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(top, filepath.FromSlash(name))); err != nil {
			t.Skipf("symlinks unsupported: %v", err)
		}
	}
	return site
}

// get sends one request with a raw target straight to the handler, so the
// path reaches it exactly as a client could send it.
func get(t *testing.T, h http.Handler, method, target string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	return rec
}

func TestContentType(t *testing.T) {
	h := server.New(newSite(t), server.Options{})
	tests := []struct {
		path string
		want string
	}{
		{"/", "text/html; charset=utf-8"},
		{"/index.html", "text/html; charset=utf-8"},
		{"/app.js", "text/javascript; charset=utf-8"},
		{"/style.css", "text/css; charset=utf-8"},
		{"/main.wasm", "application/wasm"},
		{"/data/world.json", "application/json"},
		{"/icon.svg", "image/svg+xml"},
		{"/icon.png", "image/png"},
		{"/LOGO.PNG", "image/png"},
		{"/site.webmanifest", "application/manifest+json"},
		{"/notes.unknownext", "application/octet-stream"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			rec := get(t, h, http.MethodGet, tt.path)
			if rec.Code != http.StatusOK {
				t.Fatalf("status = %d, want %d", rec.Code, http.StatusOK)
			}
			if got := rec.Header().Get("Content-Type"); got != tt.want {
				t.Errorf("Content-Type = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTraversalIsNotFound(t *testing.T) {
	h := server.New(newSite(t), server.Options{})
	tests := []struct {
		name   string
		target string
	}{
		{"dotdot", "/../go.mod"},
		{"dotdot twice", "/../../go.mod"},
		{"encoded dots", "/%2e%2e/x"},
		{"encoded upper dots", "/%2E%2E/x"},
		{"dotdot after dir", "/data/../../x"},
		{"dotdot staying inside", "/data/../app.js"},
		{"encoded slash", "/..%2fx"},
		{"encoded slashes after dir", "/data%2f..%2f..%2fx"},
		{"fully encoded", "/%2e%2e%2fgo.mod"},
		{"backslash", "/..%5cx"},
		{"nul byte", "/app.js%00.png"},
		{"symlink to file outside", "/leak.txt"},
		{"symlink to dir outside", "/leakdir/secret.txt"},
		{"symlink dir itself", "/leakdir/"},
		{"relative symlink outside", "/leakrel"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := get(t, h, http.MethodGet, tt.target)
			if rec.Code != http.StatusNotFound {
				t.Errorf("status = %d, want %d", rec.Code, http.StatusNotFound)
			}
			if body := rec.Body.String(); strings.Contains(body, secret) {
				t.Errorf("body leaks content outside the directory: %q", body)
			}
		})
	}
}

func TestSymlinkInsideIsServed(t *testing.T) {
	h := server.New(newSite(t), server.Options{})
	rec := get(t, h, http.MethodGet, "/data/inside")
	if rec.Code != http.StatusOK {
		t.Fatalf("status = %d, want %d", rec.Code, http.StatusOK)
	}
	if got, want := rec.Body.String(), "console.log('app')"; got != want {
		t.Errorf("body = %q, want %q", got, want)
	}
}

func TestDirectories(t *testing.T) {
	h := server.New(newSite(t), server.Options{})
	tests := []struct {
		name         string
		target       string
		wantStatus   int
		wantBody     string // substring; "" checks nothing
		wantLocation string
	}{
		{"root serves index", "/", http.StatusOK, "<title>root</title>", ""},
		{"dir with index", "/docs/", http.StatusOK, "<title>docs</title>", ""},
		{"dir with index, no slash", "/docs", http.StatusMovedPermanently, "", "/docs/"},
		{"redirect keeps query", "/docs?seed=3", http.StatusMovedPermanently, "", "/docs/?seed=3"},
		{"dir without index", "/empty/", http.StatusNotFound, "", ""},
		{"dir without index, no slash", "/empty", http.StatusNotFound, "", ""},
		{"dir without index holding only data", "/data/", http.StatusNotFound, "", ""},
		{"file with trailing slash", "/app.js/", http.StatusNotFound, "", ""},
		{"missing file", "/missing.js", http.StatusNotFound, "", ""},
		{"double slash stays local", "//docs", http.StatusMovedPermanently, "", "/docs/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := get(t, h, http.MethodGet, tt.target)
			if rec.Code != tt.wantStatus {
				t.Fatalf("status = %d, want %d", rec.Code, tt.wantStatus)
			}
			body := rec.Body.String()
			if tt.wantBody != "" && !strings.Contains(body, tt.wantBody) {
				t.Errorf("body = %q, want it to contain %q", body, tt.wantBody)
			}
			for _, listed := range []string{"listed.json", "world.json", "inside"} {
				if strings.Contains(body, listed) {
					t.Errorf("body = %q, looks like a directory listing", body)
				}
			}
			if got := rec.Header().Get("Location"); got != tt.wantLocation {
				t.Errorf("Location = %q, want %q", got, tt.wantLocation)
			}
		})
	}
}

func TestHeaders(t *testing.T) {
	site := newSite(t)
	const policyStart = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
		"img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'"
	tests := []struct {
		name        string
		opts        server.Options
		wantPolicy  string
		wantFrameOp string
	}{
		{"framing denied", server.Options{}, policyStart + "; frame-ancestors 'self'", "SAMEORIGIN"},
		{"framing allowed", server.Options{AllowFraming: true}, policyStart + "; frame-ancestors *", ""},
	}
	responses := []struct {
		method, target string
		wantStatus     int
	}{
		{http.MethodGet, "/", http.StatusOK},
		{http.MethodGet, "/main.wasm", http.StatusOK},
		{http.MethodHead, "/app.js", http.StatusOK},
		{http.MethodGet, "/missing", http.StatusNotFound},
		{http.MethodGet, "/../go.mod", http.StatusNotFound},
		{http.MethodGet, "/docs", http.StatusMovedPermanently},
		{http.MethodPost, "/", http.StatusMethodNotAllowed},
	}
	for _, tt := range tests {
		h := server.New(site, tt.opts)
		for _, r := range responses {
			t.Run(tt.name+"/"+r.method+" "+r.target, func(t *testing.T) {
				rec := get(t, h, r.method, r.target)
				if rec.Code != r.wantStatus {
					t.Errorf("status = %d, want %d", rec.Code, r.wantStatus)
				}
				want := map[string]string{
					"Content-Security-Policy": tt.wantPolicy,
					"X-Content-Type-Options":  "nosniff",
					"Referrer-Policy":         "no-referrer",
					"Cache-Control":           "no-cache",
					"X-Frame-Options":         tt.wantFrameOp,
				}
				for key, want := range want {
					if got := rec.Header().Get(key); got != want {
						t.Errorf("%s = %q, want %q", key, got, want)
					}
				}
				if got := rec.Header().Get("Content-Security-Policy"); !strings.Contains(got, "'wasm-unsafe-eval'") {
					t.Errorf("Content-Security-Policy = %q, want it to allow 'wasm-unsafe-eval'", got)
				}
			})
		}
	}
}

func TestMethods(t *testing.T) {
	h := server.New(newSite(t), server.Options{})
	for _, method := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodPatch, http.MethodOptions} {
		t.Run(method, func(t *testing.T) {
			rec := get(t, h, method, "/index.html")
			if rec.Code != http.StatusMethodNotAllowed {
				t.Errorf("status = %d, want %d", rec.Code, http.StatusMethodNotAllowed)
			}
			if got, want := rec.Header().Get("Allow"), "GET, HEAD"; got != want {
				t.Errorf("Allow = %q, want %q", got, want)
			}
		})
	}
}

func TestHead(t *testing.T) {
	h := server.New(newSite(t), server.Options{})
	rec := get(t, h, http.MethodHead, "/main.wasm")
	if rec.Code != http.StatusOK {
		t.Fatalf("status = %d, want %d", rec.Code, http.StatusOK)
	}
	if got := rec.Body.Len(); got != 0 {
		t.Errorf("body length = %d, want 0", got)
	}
	if got, want := rec.Header().Get("Content-Length"), "8"; got != want {
		t.Errorf("Content-Length = %q, want %q", got, want)
	}
	if got, want := rec.Header().Get("Content-Type"), "application/wasm"; got != want {
		t.Errorf("Content-Type = %q, want %q", got, want)
	}
}

// TestRevalidation pins that no-cache works as intended: the browser asks
// again and gets 304 while the file is unchanged.
func TestRevalidation(t *testing.T) {
	h := server.New(newSite(t), server.Options{})
	first := get(t, h, http.MethodGet, "/app.js")
	lastModified := first.Header().Get("Last-Modified")
	if lastModified == "" {
		t.Fatal("no Last-Modified header")
	}
	req := httptest.NewRequest(http.MethodGet, "/app.js", nil)
	req.Header.Set("If-Modified-Since", lastModified)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusNotModified {
		t.Errorf("status = %d, want %d", rec.Code, http.StatusNotModified)
	}
}

// TestOverHTTP checks that a real client and server keep the raw path intact
// end to end, so traversal is refused there too, and that pages are served.
func TestOverHTTP(t *testing.T) {
	srv := httptest.NewServer(server.New(newSite(t), server.Options{}))
	defer srv.Close()
	tests := []struct {
		target     string
		wantStatus int
	}{
		{"/", http.StatusOK},
		{"/main.wasm", http.StatusOK},
		{"/../go.mod", http.StatusNotFound},
		{"/%2e%2e/x", http.StatusNotFound},
		{"/data/../../x", http.StatusNotFound},
		{"/leak.txt", http.StatusNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodGet, srv.URL, nil)
			if err != nil {
				t.Fatal(err)
			}
			req.URL.Opaque = tt.target // sent verbatim, not re-encoded or cleaned
			resp, err := srv.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			buf := new(strings.Builder)
			if _, err := io.Copy(buf, resp.Body); err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != tt.wantStatus {
				t.Errorf("status = %d, want %d", resp.StatusCode, tt.wantStatus)
			}
			if strings.Contains(buf.String(), secret) {
				t.Errorf("body leaks content outside the directory: %q", buf.String())
			}
		})
	}
}

// TestEmbeddingHeaders pins what embedding needs from the server: by
// default a page of the site (embed-demo.html) may frame the explainer,
// other sites may not; -allow-framing lets any site frame it. embed.js,
// which host pages link to by its fixed name, is served as a script and
// revalidated, so a new build reaches them.
func TestEmbeddingHeaders(t *testing.T) {
	site := newSite(t)
	for name, body := range map[string]string{
		"embed.js":         "(() => {})();",
		"embed-demo.html":  "<!doctype html><title>demo</title>",
		"index.html":       "<!doctype html><title>root</title>",
		"embed-demo.css":   "body{}",
		"explainer/a.html": "x",
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(site, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(site, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		opts          server.Options
		ancestors, xf string
	}{
		{server.Options{}, "frame-ancestors 'self'", "SAMEORIGIN"},
		{server.Options{AllowFraming: true}, "frame-ancestors *", ""},
	} {
		h := server.New(site, tc.opts)
		for _, target := range []string{"/", "/?mode=embed&story=circle", "/embed-demo.html"} {
			rec := get(t, h, http.MethodGet, target)
			if rec.Code != http.StatusOK {
				t.Errorf("%s: status %d", target, rec.Code)
			}
			csp := rec.Header().Get("Content-Security-Policy")
			if !strings.HasSuffix(csp, "; "+tc.ancestors) || strings.Count(csp, "frame-ancestors") != 1 {
				t.Errorf("%+v %s: Content-Security-Policy %q, want it to end in %q", tc.opts, target, csp, tc.ancestors)
			}
			if got := rec.Header().Get("X-Frame-Options"); got != tc.xf {
				t.Errorf("%+v %s: X-Frame-Options %q, want %q", tc.opts, target, got, tc.xf)
			}
		}
		rec := get(t, h, http.MethodGet, "/embed.js")
		if ct, cc := rec.Header().Get("Content-Type"), rec.Header().Get("Cache-Control"); ct != "text/javascript; charset=utf-8" || cc != "no-cache" {
			t.Errorf("embed.js: Content-Type %q, Cache-Control %q; want a script, revalidated", ct, cc)
		}
	}
}

// A page's inline sources are taken from the file beside it only as
// hashes for script-src and style-src: a list that asks for anything else
// leaves the page's policy as it is.
func TestPagePolicyTakesOnlyHashes(t *testing.T) {
	const hash = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
	for _, tc := range []struct {
		name, sources string
		added         bool
	}{
		{"hashes", `{"script-src":["` + hash + `"],"style-src":["` + hash + `"]}`, true},
		{"unsafe-inline", `{"script-src":["'unsafe-inline'"]}`, false},
		{"a host", `{"script-src":["https://evil.example"]}`, false},
		{"another directive", `{"connect-src":["` + hash + `"]}`, false},
		{"not JSON", `script-src ` + hash, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			site := newSite(t)
			if err := os.WriteFile(filepath.Join(site, "index.html"+server.SourcesSuffix), []byte(tc.sources), 0o644); err != nil {
				t.Fatal(err)
			}
			h := server.New(site, server.Options{})
			base := get(t, h, "GET", "/app.js").Header().Get("Content-Security-Policy")
			csp := get(t, h, "GET", "/").Header().Get("Content-Security-Policy")
			if tc.added {
				if !strings.Contains(csp, "script-src 'self' 'wasm-unsafe-eval' "+hash+";") || !strings.Contains(csp, "style-src 'self' "+hash+";") {
					t.Errorf("policy %q lacks the page's hashes", csp)
				}
				if strings.Contains(base, "sha256") {
					t.Errorf("app.js's policy %q has the page's hashes", base)
				}
				return
			}
			if csp != base {
				t.Errorf("policy %q, want the plain %q", csp, base)
			}
			if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "evil") {
				t.Errorf("policy %q took a source it must refuse", csp)
			}
		})
	}
}
