package pack_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"ouroboros/web/pack"
	"ouroboros/web/server"
)

const modulePage = `<!doctype html>
<html lang="en">
<head>
<script src="wasm_exec.js" defer></script>
<script type="module" src="main.js"></script>
</head>
<body></body>
</html>
`

// newModuleSite is newSite with the page loading one module entry that
// imports the others: main.js imports app.js and dom.js, app.js imports
// dom.js.
func newModuleSite(t *testing.T, dom string) (string, pack.Options) {
	t.Helper()
	dir := newSite(t)
	for name, body := range map[string]string{
		"index.html": modulePage,
		"main.js":    "// The entry.\nimport './app.js';\nimport { $ } from \"./dom.js\";\n$('x');\n",
		"app.js":     "import { $, el } from './dom.js';\nexport const DEFAULT_DATA = 'data/set.json';\n",
		"dom.js":     dom,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	opts := options(t)
	opts.Hashed = []string{"main.js", "app.js", "dom.js", "wasm_exec.js"}
	return dir, opts
}

var specifier = regexp.MustCompile(`(?:from|import)\s*['"]\./([^'"]+)['"]`)

// TestSiteModules: the page loads the entry by its hashed name, and every
// module imports the others by theirs, names that are the hashes of the
// files as shipped.
func TestSiteModules(t *testing.T) {
	dir, opts := newModuleSite(t, "export const $ = (id) => id;\nexport const el = () => null;\n")
	if err := pack.Site(dir, opts); err != nil {
		t.Fatal(err)
	}
	page := string(read(t, dir, "index.html"))
	entry := server.HashedName("main.js", read(t, dir, "main.js"))
	if !strings.Contains(page, `<script type="module" src="`+entry+`">`) {
		t.Errorf("the page does not load %s:\n%s", entry, page)
	}
	for _, name := range []string{"main.js", "app.js"} {
		src := string(read(t, dir, server.HashedName(name, read(t, dir, name))))
		specs := specifier.FindAllStringSubmatch(src, -1)
		if len(specs) == 0 {
			t.Errorf("%s imports nothing:\n%s", name, src)
		}
		for _, m := range specs {
			target := m[1]
			if !server.Immutable(target) {
				t.Errorf("%s imports %s, not a hashed name", name, target)
				continue
			}
			plain := regexp.MustCompile(`\.[0-9a-f]{8}\.js$`).ReplaceAllString(target, ".js")
			if want := server.HashedName(plain, read(t, dir, plain)); target != want {
				t.Errorf("%s imports %s, want %s (the hash of %s as shipped)", name, target, want, plain)
			}
		}
	}
	r, err := pack.Measure(dir, "index.html")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range r.Files {
		got = append(got, regexp.MustCompile(`\.[0-9a-f]{8}\.`).ReplaceAllString(f.Name, "."))
	}
	if want := "index.html wasm_exec.js main.js ouroboros.wasm app.js dom.js data/set.json"; strings.Join(got, " ") != want {
		t.Errorf("Measure lists %s, want %s", strings.Join(got, " "), want)
	}
}

// TestSiteModulesCascade: a change to a module renames every module that
// imports it, up to the entry the page names, so that no browser keeps an
// old copy of an importer that would load the new module's old name.
func TestSiteModulesCascade(t *testing.T) {
	names := func(dom string) map[string]string {
		dir, opts := newModuleSite(t, dom)
		if err := pack.Site(dir, opts); err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, n := range []string{"main.js", "app.js", "dom.js"} {
			out[n] = server.HashedName(n, read(t, dir, n))
		}
		return out
	}
	a := names("export const $ = (id) => id;\nexport const el = () => null;\n")
	b := names("export const $ = (id) => document.getElementById(id);\nexport const el = () => null;\n")
	for _, n := range []string{"main.js", "app.js", "dom.js"} {
		if a[n] == b[n] {
			t.Errorf("%s kept its name %s when dom.js changed", n, a[n])
		}
	}
}

func TestSiteModulesRefused(t *testing.T) {
	for _, tc := range []struct {
		name, dom, want string
		hashed          []string
	}{
		{"an import that is not hashed", "export const $ = 1;\n", "dom.js", []string{"main.js", "app.js", "wasm_exec.js"}},
		{"a cycle", "import './app.js';\nexport const $ = 1;\n", "cycle", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, opts := newModuleSite(t, tc.dom)
			if tc.hashed != nil {
				opts.Hashed = tc.hashed
			}
			if err := pack.Site(dir, opts); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Site = %v, want an error about %s", err, tc.want)
			}
		})
	}
}
