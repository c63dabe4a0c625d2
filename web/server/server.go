// Package server serves the built site (dist/) over HTTP: static files only,
// confined to one directory, with the security headers the page relies on,
// the precompressed variant of a file that the browser accepts, and long
// caching for content-hashed file names.
package server

import (
	"net/http"
	"net/url"
	"os"
	"path"
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
		if !strings.HasSuffix(urlPath, "/") && serveBrotliOnly(w, r, root, name) {
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
			if strings.HasSuffix(urlPath, "/") && serveBrotliOnly(w, r, root, index) {
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
