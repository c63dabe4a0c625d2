package scripts_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// standalone are the scripts that are not the page's modules: embed.js,
// which host pages include as a classic script, the service worker, and
// theme.js, the page's classic script in its head, which must run before
// the first paint (a module runs after the page is parsed).
var standalone = map[string]bool{"embed.js": true, "sw.js": true, "theme.js": true}

var (
	scriptTag = regexp.MustCompile(`<script\b[^>]*>`)
	importRef = regexp.MustCompile(`(?:\bfrom|\bimport)\s*['"]\./([^'"]+)['"]`)
	// globalName is a global the page's scripts name: window.X,
	// globalThis.X, or one defined with Object.defineProperty(window, 'X').
	// comment is a // comment (one that starts a line or follows a space,
	// so that a URL's // in a string stays).
	comment    = regexp.MustCompile(`(?m)(^|\s)//.*$`)
	globalName = regexp.MustCompile(`\b(?:window|globalThis)\.(ouroboros\w*)|defineProperty\(\s*window\s*,\s*'(\w+)'`)
)

// pages are the site's pages with their own program: the explainer and
// the editor.
var pages = []string{"index.html", "editor.html"}

// TestPageIsModules: each page loads wasm_exec.js (Go's, a classic
// script), perhaps theme.js (before the first paint) and one module
// entry; every other script of the site is a module that an entry reaches
// by imports.
func TestPageIsModules(t *testing.T) {
	reached := map[string]bool{}
	var walk func(name string)
	walk = func(name string) {
		if reached[name] {
			return
		}
		reached[name] = true
		src, err := os.ReadFile(filepath.Join("..", name))
		if err != nil {
			t.Errorf("a module imports %s: %v", name, err)
			return
		}
		for _, m := range importRef.FindAllStringSubmatch(string(src), -1) {
			walk(m[1])
		}
	}
	for _, p := range pages {
		page, err := os.ReadFile(filepath.Join("..", p))
		if err != nil {
			t.Fatal(err)
		}
		var entry string
		for _, tag := range scriptTag.FindAllString(string(page), -1) {
			switch {
			case strings.Contains(tag, `src="wasm_exec.js"`),
				strings.Contains(tag, `src="theme.js"`) && !strings.Contains(tag, "defer") && !strings.Contains(tag, "async"):
			case strings.Contains(tag, `type="module"`) && entry == "":
				entry = regexp.MustCompile(`src="([^"]+)"`).FindStringSubmatch(tag)[1]
			default:
				t.Errorf("%s loads %s: want only wasm_exec.js, theme.js (neither deferred nor async) and one module entry", p, tag)
			}
		}
		if entry == "" {
			t.Fatalf("%s loads no module entry", p)
		}
		walk(entry)
	}
	for _, name := range scripts(t) {
		if !standalone[name] && !reached[name] {
			t.Errorf("%s is neither imported from a page's entry (%v) nor a standalone script", name, pages)
		}
	}
}

// TestNoSharedGlobals: the page's modules share what they need by imports.
// The globals they set are window.ouroboros (the page API), the boot
// object only the Go program reads as a global, the kiosk's counters
// for tests, and the editor's (editor.html) object its program fills; each is named by the one module that defines it, never read
// by another.
func TestNoSharedGlobals(t *testing.T) {
	definers := map[string][]string{}
	for _, name := range scripts(t) {
		if standalone[name] {
			continue
		}
		src, err := os.ReadFile(filepath.Join("..", name))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range globalName.FindAllStringSubmatch(comment.ReplaceAllString(string(src), ""), -1) {
			g := m[1] + m[2]
			if !slices.Contains(definers[g], name) {
				definers[g] = append(definers[g], name)
			}
		}
	}
	want := map[string]string{"ouroboros": "app.js", "ouroborosBoot": "app.js", "ouroborosKiosk": "kiosk.js", "ouroborosEditor": "editor.js"}
	for g, files := range definers {
		if len(files) != 1 || want[g] != files[0] {
			t.Errorf("the global %s is named in %v; want it only in %q", g, files, want[g])
		}
	}
}

// scripts lists web/*.js by base name.
func scripts(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "*.js"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range files {
		out = append(out, filepath.Base(f))
	}
	return out
}
