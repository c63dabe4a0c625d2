package server

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"

	"github.com/andybalholm/brotli"
)

// A coding is a precompressed variant the build writes next to a file.
type coding struct {
	name string // the Content-Encoding token
	ext  string // appended to the file's name
}

// codings are the variants in the server's order of preference: brotli is
// about 30% smaller than gzip on the WebAssembly.
var codings = []coding{{"br", ".br"}, {"gzip", ".gz"}}

// serveFile answers with the file name (already open as f) or with its
// precompressed variant name.br or name.gz, whichever the request's
// Accept-Encoding prefers. The variant keeps the file's Content-Type and
// Last-Modified; Content-Length is the variant's size. Range requests always
// get the plain file, so that a byte range never indexes compressed bytes.
func serveFile(w http.ResponseWriter, r *http.Request, root *os.Root, name string, f *os.File, info os.FileInfo) {
	hdr := w.Header()
	accept := parseAcceptEncoding(r.Header.Values("Accept-Encoding"))
	chosen, bestQ := -1, 0.0
	for i, c := range codings {
		vi, err := root.Stat(name + c.ext)
		if err != nil || !vi.Mode().IsRegular() {
			continue
		}
		// The answer now depends on Accept-Encoding, whichever is sent.
		hdr.Set("Vary", "Accept-Encoding")
		if q := accept.weight(c.name); q > bestQ && r.Header.Get("Range") == "" {
			chosen, bestQ = i, q
		}
	}
	// The plain file is the fallback; it wins only when the browser weighs
	// identity (or "*") above every variant it has.
	if chosen < 0 || accept.weight("identity") > bestQ {
		http.ServeContent(w, r, name, info.ModTime(), f)
		return
	}
	c := codings[chosen]
	v, err := root.Open(name + c.ext)
	if err != nil {
		http.ServeContent(w, r, name, info.ModTime(), f)
		return
	}
	defer v.Close()
	vi, err := v.Stat()
	if err != nil || !vi.Mode().IsRegular() {
		http.ServeContent(w, r, name, info.ModTime(), f)
		return
	}
	hdr.Set("Content-Encoding", c.name)
	// http.ServeContent leaves Content-Length out once Content-Encoding is
	// set (it assumes compression on the fly); these bytes are known.
	// encodedWriter drops it from any answer but the variant itself.
	hdr.Set("Content-Length", strconv.FormatInt(vi.Size(), 10))
	http.ServeContent(encodedWriter{w}, r, name, info.ModTime(), v)
}

// serveBrotliOnly answers for name when the site keeps only its brotli copy,
// name.br, as the kiosk's embedded site does (one copy of each compressible
// file, not three): the copy as it is, with Content-Encoding: br, to a client
// that takes brotli, and decompressed for the rare one that does not, or for
// a range request (ranges never index compressed bytes). It reports false,
// having written nothing, when there is no such copy.
func serveBrotliOnly(w http.ResponseWriter, r *http.Request, root *os.Root, name string) bool {
	v, err := root.Open(name + ".br")
	if err != nil {
		return false
	}
	defer v.Close()
	vi, err := v.Stat()
	if err != nil || !vi.Mode().IsRegular() {
		return false
	}
	hdr := w.Header()
	hdr.Set("Content-Type", contentType(name))
	if Immutable(name) {
		hdr.Set("Cache-Control", immutableCache)
	}
	hdr.Set("Vary", "Accept-Encoding")
	accept := parseAcceptEncoding(r.Header.Values("Accept-Encoding"))
	if q := accept.weight("br"); q > 0 && q >= accept.weight("identity") && r.Header.Get("Range") == "" {
		hdr.Set("Content-Encoding", "br")
		hdr.Set("Content-Length", strconv.FormatInt(vi.Size(), 10))
		http.ServeContent(encodedWriter{w}, r, name, vi.ModTime(), v)
		return true
	}
	// Decoded whole, so that http.ServeContent answers ranges, conditions
	// and HEAD as it does for a plain file; these clients are rare.
	plain, err := io.ReadAll(brotli.NewReader(v))
	if err != nil {
		http.Error(w, "500 the file's compressed copy is damaged", http.StatusInternalServerError)
		return true
	}
	http.ServeContent(w, r, name, vi.ModTime(), bytes.NewReader(plain))
	return true
}

// encodedWriter sends the variant's headers only with the variant. It drops
// the Accept-Ranges that http.ServeContent always adds (ranges are served on
// the plain file only, never on compressed bytes), and on any answer but 200
// the Content-Encoding and Content-Length: http.ServeContent answers a failed
// If-Unmodified-Since or If-Match with a bare 412 that would keep them.
type encodedWriter struct {
	http.ResponseWriter
}

func (w encodedWriter) WriteHeader(code int) {
	hdr := w.Header()
	hdr.Del("Accept-Ranges")
	if code != http.StatusOK {
		hdr.Del("Content-Encoding")
		hdr.Del("Content-Length")
	}
	w.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the real writer.
func (w encodedWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// acceptEncoding holds the weights (q-values) of an Accept-Encoding header.
type acceptEncoding struct {
	q        map[string]float64
	wildcard float64 // weight of "*", or -1 when it is absent
}

// parseAcceptEncoding reads Accept-Encoding values such as
// "gzip, deflate, br;q=0.9, *;q=0" (RFC 9110, section 12.5.3). Elements
// whose weight does not parse are ignored.
func parseAcceptEncoding(values []string) acceptEncoding {
	a := acceptEncoding{q: map[string]float64{}, wildcard: -1}
	for _, v := range values {
		for elem := range strings.SplitSeq(v, ",") {
			token, params, _ := strings.Cut(elem, ";")
			token = strings.ToLower(strings.TrimSpace(token))
			if token == "" {
				continue
			}
			q := 1.0
			ok := true
			for p := range strings.SplitSeq(params, ";") {
				k, val, _ := strings.Cut(strings.TrimSpace(p), "=")
				if strings.EqualFold(k, "q") {
					f, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
					ok = err == nil && f >= 0 && f <= 1
					q = f
				}
			}
			if !ok {
				continue
			}
			if token == "x-gzip" {
				token = "gzip"
			}
			if token == "*" {
				a.wildcard = q
			} else {
				a.q[token] = q
			}
		}
	}
	return a
}

// weight is the weight of a coding: as listed, else that of "*", else 0.
// An identity weighed 0 is still sent when no variant is acceptable: the
// header ranks codings, and refusing to answer helps no reader.
func (a acceptEncoding) weight(token string) float64 {
	if q, ok := a.q[token]; ok {
		return q
	}
	if a.wildcard >= 0 {
		return a.wildcard
	}
	return 0
}
