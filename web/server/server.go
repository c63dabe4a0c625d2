// Package server serves the built site (dist/) over HTTP: static files only,
// confined to one directory, with the security headers the page relies on,
// the precompressed variant of a file that the browser accepts, and long
// caching for content-hashed file names.
package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path"
	"regexp"
	"strings"
)

// Options tunes the headers New sends.
type Options struct {
	// AllowFraming lets any origin embed the site in a frame. Off, only the
	// site's own origin may frame it.
	AllowFraming bool
}

// basePolicy is the Content-Security-Policy without frame-ancestors.
// 'wasm-unsafe-eval' is what WebAssembly.instantiate needs; nothing else is
// loosened. Ebitengine styles its canvas through CSSOM, which style-src 'self'
// allows, so no 'unsafe-inline' is needed.
const basePolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
	"img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'"

// SourcesSuffix names the file beside a page (index.html.csp) that lists
// the sources of the page's inline style sheets and scripts, by directive,
// as JSON: {"style-src": ["'sha256-…'"], "script-src": […]}. The build's
// pack writes it when it puts them into the page (the first paint then
// waits for no other request); the server adds them to that page's
// Content-Security-Policy and to no other's. Only hashes are taken, and
// only for those two directives: the file can allow the page's own inline
// code and nothing else.
const SourcesSuffix = ".csp"

// Sources are the sources of a page's inline code, by directive.
type Sources map[string][]string

var hashSource = regexp.MustCompile(`^'sha(256|384|512)-[A-Za-z0-9+/]+={0,2}'$`)

// policyWith returns policy with the sources added to their directives,
// or an error when one is not a hash or not for script-src or style-src.
func policyWith(policy string, src Sources) (string, error) {
	parts := strings.Split(policy, "; ")
	for directive, list := range src {
		if directive != "script-src" && directive != "style-src" {
			return "", fmt.Errorf("%q: only script-src and style-src take a page's inline sources", directive)
		}
		for _, s := range list {
			if !hashSource.MatchString(s) {
				return "", fmt.Errorf("%s %q: only a hash ('sha256-…') is taken", directive, s)
			}
		}
		found := false
		for i, p := range parts {
			if p == directive || strings.HasPrefix(p, directive+" ") {
				parts[i] = p + " " + strings.Join(list, " ")
				found = true
			}
		}
		if !found {
			return "", fmt.Errorf("the policy has no %s to add to", directive)
		}
	}
	return strings.Join(parts, "; "), nil
}

// pagePolicy is the Content-Security-Policy for the file name: the
// handler's, with the inline sources listed beside a page added. A list
// that cannot be read or is refused leaves the policy as it is (the
// page's inline code then does not run, which the browser reports).
func (h *handler) pagePolicy(root *os.Root, name string) string {
	if !strings.HasSuffix(name, ".html") {
		return h.policy
	}
	b, err := root.ReadFile(name + SourcesSuffix)
	if err != nil {
		return h.policy
	}
	var src Sources
	if json.Unmarshal(b, &src) != nil {
		return h.policy
	}
	p, err := policyWith(h.policy, src)
	if err != nil {
		return h.policy
	}
	return p
}

// serveBrotliOnly serves name from its brotli copy alone (the kiosk's
// site), under the page's own policy.
func (h *handler) serveBrotliOnly(w http.ResponseWriter, r *http.Request, root *os.Root, name string) bool {
	w.Header().Set("Content-Security-Policy", h.pagePolicy(root, name))
	return serveBrotliOnly(w, r, root, name)
}

// contentTypes maps a lower-case extension to the Content-Type it is served
// with. It is explicit so the answer does not depend on the host's
// /etc/mime.types; browsers refuse to stream-compile .wasm without
// application/wasm, and nosniff makes them strict about scripts and styles.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json",
	".map":         "application/json",
	".wasm":        "application/wasm",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".webp":        "image/webp",
	".ico":         "image/x-icon",
	".webmanifest": "application/manifest+json",
	".txt":         "text/plain; charset=utf-8",
	".woff2":       "font/woff2",
}

// defaultContentType is sent for extensions not in contentTypes; with nosniff
// the browser treats such files as downloads, never as script or markup.
const defaultContentType = "application/octet-stream"

// New returns a handler that serves the files under dir. It answers GET and
// HEAD only, never lists a directory (a directory serves its index.html or is
// a 404), and answers 404 for any path that would leave dir, whether by ".."
// or through a symlink pointing outside.
//
// A file with a precompressed variant beside it (name.br, name.gz, as the
// build writes them) is served as the variant the browser accepts. A
// content-hashed name (see Immutable) is cached for a year; everything else,
// the page first, is revalidated on every use (no-cache).
//
// dir is opened on every request rather than once, so that a rebuild which
// replaces dist/ is picked up without restarting the server.
func New(dir string, opts Options) http.Handler {
	h := &handler{dir: dir, framing: opts.AllowFraming}
	if opts.AllowFraming {
		h.policy = basePolicy + "; frame-ancestors *"
	} else {
		h.policy = basePolicy + "; frame-ancestors 'self'"
	}
	return h
}

type handler struct {
	dir     string
	policy  string
	framing bool
}

// setHeaders sets the headers every answer carries.
func (h *handler) setHeaders(hdr http.Header) {
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Referrer-Policy", "no-referrer")
	hdr.Set("Content-Security-Policy", h.policy)
	if !h.framing {
		// Older browsers ignore frame-ancestors.
		hdr.Set("X-Frame-Options", "SAMEORIGIN")
	}
	// Everything is revalidated unless its name changes with its content.
	hdr.Set("Cache-Control", "no-cache")
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	h.setHeaders(hdr)

	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hdr.Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}

	urlPath := "/" + strings.TrimPrefix(r.URL.Path, "/")
	name, ok := rootName(urlPath)
	if !ok {
		http.NotFound(w, r)
		return
	}

	// os.Root refuses any name, symlinks included, that resolves outside dir.
	root, err := os.OpenRoot(h.dir)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer root.Close()

	f, err := root.Open(name)
	if err != nil {
		if !strings.HasSuffix(urlPath, "/") && h.serveBrotliOnly(w, r, root, name) {
			return
		}
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		http.NotFound(w, r)
		return
	}

	if info.IsDir() {
		index := path.Join(name, "index.html")
		idx, err := root.Open(index)
		if err != nil {
			if strings.HasSuffix(urlPath, "/") && h.serveBrotliOnly(w, r, root, index) {
				return
			}
			if _, err := root.Stat(index + ".br"); err == nil && !strings.HasSuffix(urlPath, "/") {
				redirectToDir(w, r, name)
				return
			}
			http.NotFound(w, r)
			return
		}
		defer idx.Close()
		info, err = idx.Stat()
		if err != nil || !info.Mode().IsRegular() {
			http.NotFound(w, r)
			return
		}
		if !strings.HasSuffix(urlPath, "/") {
			// Without the slash the page's relative URLs would resolve
			// against the parent directory.
			redirectToDir(w, r, name)
			return
		}
		name, f = index, idx
	} else if strings.HasSuffix(urlPath, "/") || !info.Mode().IsRegular() {
		http.NotFound(w, r)
		return
	}

	hdr.Set("Content-Type", contentType(name))
	hdr.Set("Content-Security-Policy", h.pagePolicy(root, name))
	if Immutable(name) {
		hdr.Set("Cache-Control", immutableCache)
	}
	serveFile(w, r, root, name, f, info)
}

// rootName turns a request path (decoded, starting with "/") into a name
// relative to the served directory, or reports false for paths never served:
// any ".." segment (rejected rather than cleaned away, so /data/../../x cannot
// quietly become /x), backslashes and NUL bytes.
func rootName(urlPath string) (string, bool) {
	if strings.ContainsAny(urlPath, "\\\x00") {
		return "", false
	}
	for seg := range strings.SplitSeq(urlPath, "/") {
		if seg == ".." {
			return "", false
		}
	}
	name := strings.TrimPrefix(path.Clean(urlPath), "/")
	if name == "" {
		name = "."
	}
	return name, true
}

// redirectToDir sends the client to the directory name with a trailing slash,
// keeping the query. The target is built from the cleaned name, so it always
// starts with exactly one "/" and cannot become a protocol-relative URL.
func redirectToDir(w http.ResponseWriter, r *http.Request, name string) {
	target := (&url.URL{Path: "/" + name + "/"}).EscapedPath()
	if r.URL.RawQuery != "" {
		target += "?" + r.URL.RawQuery
	}
	http.Redirect(w, r, target, http.StatusMovedPermanently)
}

// contentType returns the Content-Type for a file name by its extension.
func contentType(name string) string {
	if t, ok := contentTypes[strings.ToLower(path.Ext(name))]; ok {
		return t
	}
	return defaultContentType
}
