package server_test

import (
	"net/http"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"ouroboros/web/server"
)

// TestHostilePathsStayInside tries the ways a request path has been used to
// leave a served directory that TestTraversalIsNotFound does not: absolute
// paths of the files outside (plain, percent-encoded, Windows-style), double
// encoding, overlong UTF-8 dots, mixed encodings and path parameters. None
// may be served, and no answer may carry what lies outside.
func TestHostilePathsStayInside(t *testing.T) {
	site := newSite(t)
	top := filepath.ToSlash(filepath.Dir(site))
	outside := top + "/outside/secret.txt" // absolute, starts with "/"
	h := server.New(site, server.Options{})
	tests := []struct {
		name   string
		target string
	}{
		{"absolute path", "/" + outside},
		{"absolute path, encoded slashes", "/" + strings.ReplaceAll(url.PathEscape(outside), "/", "%2F")},
		{"absolute path through the site", "/" + filepath.ToSlash(site) + "/../outside/secret.txt"},
		{"absolute path with a drive", "/C:%5C" + strings.ReplaceAll(strings.TrimPrefix(outside, "/"), "/", "%5C")},
		{"backslashes", "/..%5C..%5Cx"},
		{"backslash after a dir", "/data%5C..%5C..%5Cx"},
		{"double encoding", "/%252e%252e/x"},
		{"double encoded slash", "/..%252fx"},
		{"overlong UTF-8 dots", "/%c0%ae%c0%ae/x"},
		{"overlong UTF-8 slash", "/..%c0%afx"},
		{"mixed encoding", "/.%2e/x"},
		{"mixed encoding after dir", "/data/%2e./%2e./x"},
		{"path parameter", "/..;/x"},
		{"dotdot with trailing dot", "/data/../../x/."},
		{"encoded nul", "/x%00"},
		{"dir symlink, no slash", "/leakdir"},
		{"dir symlink, encoded", "/leakdir%2Fsecret.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := get(t, h, http.MethodGet, tt.target)
			if rec.Code != http.StatusNotFound {
				t.Errorf("GET %s: status = %d, want %d", tt.target, rec.Code, http.StatusNotFound)
			}
			if body := rec.Body.String(); strings.Contains(body, secret) {
				t.Errorf("GET %s leaks content outside the directory: %q", tt.target, body)
			}
			if loc := rec.Header().Get("Location"); loc != "" {
				t.Errorf("GET %s redirects to %q, want a plain 404", tt.target, loc)
			}
		})
	}
}

// TestNoListing checks that no spelling of a directory without index.html
// lists its files.
func TestNoListing(t *testing.T) {
	h := server.New(newSite(t), server.Options{})
	for _, target := range []string{"/data/", "/data", "/data/.", "/data/./", "/empty//", "/%64ata/", "/data%2F", "/data/?C=M;O=D"} {
		t.Run(target, func(t *testing.T) {
			rec := get(t, h, http.MethodGet, target)
			if rec.Code != http.StatusNotFound {
				t.Errorf("status = %d, want %d", rec.Code, http.StatusNotFound)
			}
			if body := rec.Body.String(); strings.Contains(body, "world.json") || strings.Contains(body, "inside") || strings.Contains(body, "listed.json") {
				t.Errorf("body = %q, looks like a directory listing", body)
			}
		})
	}
}

// csp parses a Content-Security-Policy header into its directives, each with
// its list of sources. It fails t on a directive given twice, which browsers
// resolve by ignoring the second (so a loosening could hide there unseen).
func csp(t *testing.T, header string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for part := range strings.SplitSeq(header, ";") {
		fields := strings.Fields(part)
		if len(fields) == 0 {
			continue
		}
		name := strings.ToLower(fields[0])
		if _, dup := out[name]; dup {
			t.Errorf("Content-Security-Policy gives %s twice: %q", name, header)
		}
		out[name] = fields[1:]
	}
	return out
}

// TestPolicyAllowsTheWasmAndNothingMore parses the policy and checks each
// directive: everything comes from the site itself, scripts may compile
// WebAssembly ('wasm-unsafe-eval') but nothing may eval JavaScript or run
// inline code, and framing is limited to the site unless AllowFraming says
// otherwise.
func TestPolicyAllowsTheWasmAndNothingMore(t *testing.T) {
	site := newSite(t)
	want := map[string][]string{
		"default-src": {"'self'"},
		"script-src":  {"'self'", "'wasm-unsafe-eval'"},
		"style-src":   {"'self'"},
		"img-src":     {"'self'", "data:", "blob:"},
		"connect-src": {"'self'"},
		"object-src":  {"'none'"},
		"base-uri":    {"'none'"},
	}
	for _, tc := range []struct {
		name    string
		opts    server.Options
		framing func(sources []string, xfo string) string // why the framing is wrong, or ""
	}{
		{"default", server.Options{}, func(sources []string, xfo string) string {
			// Restricted: no other origin may frame the page.
			if len(sources) != 1 || (sources[0] != "'self'" && sources[0] != "'none'") {
				return "frame-ancestors must be 'self' or 'none' by default"
			}
			if xfo != "SAMEORIGIN" && xfo != "DENY" {
				return "X-Frame-Options must be SAMEORIGIN or DENY by default, for browsers without frame-ancestors"
			}
			return ""
		}},
		{"framing allowed", server.Options{AllowFraming: true}, func(sources []string, xfo string) string {
			if !slices.Contains(sources, "*") && !slices.Contains(sources, "https:") {
				return "frame-ancestors must let other sites frame the page when framing is allowed"
			}
			if xfo != "" {
				return "X-Frame-Options would forbid the framing that the flag allows"
			}
			return ""
		}},
	} {
		h := server.New(site, tc.opts)
		for _, target := range []string{"/", "/main.wasm", "/missing"} {
			t.Run(tc.name+" "+target, func(t *testing.T) {
				rec := get(t, h, http.MethodGet, target)
				header := rec.Header().Get("Content-Security-Policy")
				got := csp(t, header)
				for name, sources := range want {
					if !slices.Equal(got[name], sources) {
						t.Errorf("%s = %q, want %q (policy %q)", name, got[name], sources, header)
					}
				}
				for name, sources := range got {
					if _, ok := want[name]; !ok && name != "frame-ancestors" {
						t.Errorf("unexpected directive %s %q", name, sources)
					}
					for _, s := range sources {
						switch {
						case s == "'unsafe-inline'" || s == "'unsafe-eval'" || s == "'unsafe-hashes'" || s == "'strict-dynamic'":
							t.Errorf("%s allows %s", name, s)
						case s == "'wasm-unsafe-eval'" && name != "script-src":
							t.Errorf("%s allows 'wasm-unsafe-eval', which belongs in script-src only", name)
						case (s == "*" || s == "http:" || s == "https:") && name != "frame-ancestors":
							t.Errorf("%s allows %s", name, s)
						}
					}
				}
				if why := tc.framing(got["frame-ancestors"], rec.Header().Get("X-Frame-Options")); why != "" {
					t.Errorf("%s (frame-ancestors %q, X-Frame-Options %q)", why, got["frame-ancestors"], rec.Header().Get("X-Frame-Options"))
				}
				if got := rec.Header().Get("X-Content-Type-Options"); got != "nosniff" {
					t.Errorf("X-Content-Type-Options = %q, want nosniff", got)
				}
			})
		}
	}
}
