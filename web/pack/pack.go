// Package pack readies the built site (dist/) for the network: it gives the
// immutable assets content-hashed names, rewrites the page to load them,
// writes a brotli and a gzip variant next to every compressible file, and
// measures what a reader's browser downloads.
package pack

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"ouroboros/wasm/wording"
	"ouroboros/web/server"
)

// Options says what Site packs.
type Options struct {
	// Page is the page to rewrite, relative to the site: "index.html".
	Page string
	// Wasm is the program, relative to the site: "ouroboros.wasm". It is
	// hashed, and the page's <html> names it in data-wasm, with its size
	// in data-wasm-bytes (the loader's progress bar counts decoded bytes)
	// and in words in data-wasm-size (the loader writes no number itself).
	Wasm string
	// Hashed are the other immutable assets the page loads by src or href,
	// or its modules import, relative to the site: "main.js", "app.js",
	// "style.css", "wasm_exec.js". A module's imports are rewritten to the
	// hashed names of what it imports before it is hashed itself.
	Hashed []string
	// Cache is a directory that keeps brotli output between runs, keyed by
	// content; "" turns it off.
	Cache string
	// ServiceWorker is the service worker's template, relative to the site
	// ("sw.js"), to fill in with the site's files and a version; "" for
	// none.
	ServiceWorker string
	// Inline are style sheets and classic scripts of Page, among Hashed,
	// to put into the page itself, the ones its first paint waits for
	// ("style.css", "theme.js"); their hashes go beside it for the
	// server's Content-Security-Policy (server.SourcesSuffix).
	Inline []string
	// More are the site's other pages with a program of their own
	// ("editor.html" with "editor.wasm"), packed after Page: what Page
	// hashed already keeps its name.
	More []Page
}

// compressible are the extensions whose files get .br and .gz variants:
// text and WebAssembly. Images and fonts are compressed already.
var compressible = []string{".wasm", ".js", ".mjs", ".css", ".html", ".json", ".map", ".svg", ".txt", ".webmanifest"}

// Compressible reports whether a file of this name gets precompressed
// variants.
func Compressible(name string) bool {
	return slices.Contains(compressible, strings.ToLower(path.Ext(name)))
}

// Page is a page of the site with its own program: it is rewritten to
// load its assets by their hashed names.
type Page struct {
	// Page, Wasm, Hashed and Inline are as in Options.
	Page   string
	Wasm   string
	Hashed []string
	Inline []string
}

// Site packs the site in dir. The plain files stay, so that links to them
// and older pages keep working; the hashed copies are hard links to them
// where the file system allows.
func Site(dir string, opts Options) error {
	renamed := map[string]string{}
	pages := append([]Page{{Page: opts.Page, Wasm: opts.Wasm, Hashed: opts.Hashed, Inline: opts.Inline}}, opts.More...)
	for _, p := range pages {
		if err := packPage(dir, p, renamed); err != nil {
			return err
		}
	}
	if opts.ServiceWorker != "" {
		if _, err := writeServiceWorker(dir, opts.Page, opts.ServiceWorker); err != nil {
			return err
		}
	}
	return compressAll(dir, opts.Cache)
}

// packPage hashes the page's program and assets, those an earlier page
// hashed excepted (renamed holds them, and gets the new ones), and
// rewrites the page to them.
func packPage(dir string, p Page, renamed map[string]string) error {
	pagePath := filepath.Join(dir, filepath.FromSlash(p.Page))
	page, err := os.ReadFile(pagePath)
	if err != nil {
		return err
	}
	order, imported, err := hashOrder(dir, p.Hashed)
	if err != nil {
		return err
	}
	for _, name := range append([]string{p.Wasm}, order...) {
		if _, done := renamed[name]; done {
			continue
		}
		if err := rewriteImports(dir, name, renamed); err != nil {
			return err
		}
		hashed, err := hashCopy(dir, name)
		if err != nil {
			return err
		}
		renamed[name] = hashed
	}
	wasmInfo, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p.Wasm)))
	if err != nil {
		return err
	}
	var mustLoad []string
	for _, name := range p.Hashed {
		if !imported[name] {
			mustLoad = append(mustLoad, name)
		}
	}
	page, err = rewritePage(page, renamed, mustLoad, map[string]string{
		"data-wasm":       path.Base(renamed[p.Wasm]),
		"data-wasm-bytes": strconv.FormatInt(wasmInfo.Size(), 10),
		"data-wasm-size":  wording.Size(wasmInfo.Size()),
	})
	if err != nil {
		return fmt.Errorf("%s: %w", p.Page, err)
	}
	if len(p.Inline) > 0 {
		var sources server.Sources
		if page, sources, err = inline(dir, page, p.Inline, renamed); err != nil {
			return fmt.Errorf("%s: %w", p.Page, err)
		}
		if err := writeSources(dir, p.Page, sources); err != nil {
			return err
		}
	}
	return os.WriteFile(pagePath, page, 0o644)
}

// hashCopy links (or copies) dir/name to its content-hashed name and
// returns that name.
func hashCopy(dir, name string) (string, error) {
	src := filepath.Join(dir, filepath.FromSlash(name))
	b, err := os.ReadFile(src)
	if err != nil {
		return "", err
	}
	hashed := server.HashedName(name, b)
	dst := filepath.Join(dir, filepath.FromSlash(hashed))
	if err := os.Remove(dst); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	if os.Link(src, dst) != nil {
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			return "", err
		}
	}
	return hashed, nil
}

var (
	// attrRef is a src, href or srcset attribute with a double-quoted
	// value (a srcset of one URL: with descriptors it matches no name).
	attrRef = regexp.MustCompile(`\b(src|href|srcset)="([^"]*)"`)
	// htmlTag is the page's root element's start tag.
	htmlTag = regexp.MustCompile(`(?i)<html\b[^>]*>`)
)

// rewritePage points the page's src, href and srcset attributes at the hashed
// names and adds attrs to its <html> start tag. Every name in mustLoad has
// to be referenced: an asset the page stopped naming, or names differently,
// would otherwise quietly skip its hash.
func rewritePage(page []byte, renamed map[string]string, mustLoad []string, attrs map[string]string) ([]byte, error) {
	seen := map[string]bool{}
	page = attrRef.ReplaceAllFunc(page, func(m []byte) []byte {
		sub := attrRef.FindSubmatch(m)
		ref := string(sub[2])
		name := strings.TrimPrefix(ref, "./")
		hashed, ok := renamed[name]
		if !ok {
			return m
		}
		seen[name] = true
		return []byte(string(sub[1]) + `="` + hashed + `"`)
	})
	for _, name := range mustLoad {
		if !seen[name] {
			return nil, fmt.Errorf("no src or href names %q, so it cannot be loaded by its hashed name", name)
		}
	}
	loc := htmlTag.FindIndex(page)
	if loc == nil {
		return nil, errors.New("no <html> start tag to carry the program's name and size")
	}
	tag := page[loc[0]:loc[1]]
	keys := make([]string, 0, len(attrs))
	for k := range attrs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var add strings.Builder
	for _, k := range keys {
		if bytes.Contains(tag, []byte(" "+k+"=")) {
			return nil, fmt.Errorf("<html> already has %s", k)
		}
		fmt.Fprintf(&add, ` %s="%s"`, k, html.EscapeString(attrs[k]))
	}
	end := loc[1] - 1 // the '>'
	return slices.Concat(page[:end], []byte(add.String()), page[end:]), nil
}
