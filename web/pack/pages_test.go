package pack_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ouroboros/web/pack"
	"ouroboros/web/server"
)

// TestSiteMorePages packs a second page with its own program (the editor):
// it loads the assets it shares with the first page by the same hashed
// names, and its own program and script by theirs.
func TestSiteMorePages(t *testing.T) {
	dir := newSite(t)
	files := map[string]string{
		"editor.html": `<html lang="en"><link rel="stylesheet" href="style.css"><script src="wasm_exec.js" defer></script><script type="module" src="editor.js"></script></html>`,
		"editor.js":   "import './dom.js';\n",
		"dom.js":      "export const $ = 1;\n",
		"editor.wasm": "\x00asm\x01\x00\x00\x00 the editor",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	opts := options(t)
	opts.More = []pack.Page{{Page: "editor.html", Wasm: "editor.wasm", Hashed: []string{"editor.js", "dom.js", "style.css", "wasm_exec.js"}}}
	if err := pack.Site(dir, opts); err != nil {
		t.Fatal(err)
	}
	index, editor := string(read(t, dir, "index.html")), string(read(t, dir, "editor.html"))
	for _, name := range []string{"style.css", "wasm_exec.js"} {
		hashed := server.HashedName(name, read(t, dir, name))
		if !strings.Contains(index, `="`+hashed+`"`) || !strings.Contains(editor, `="`+hashed+`"`) {
			t.Errorf("both pages should load %s as %s:\n%s\n%s", name, hashed, index, editor)
		}
	}
	js := server.HashedName("editor.js", read(t, dir, "editor.js"))
	if !strings.Contains(editor, `src="`+js+`"`) {
		t.Errorf("editor.html does not load %s:\n%s", js, editor)
	}
	if !strings.Contains(string(read(t, dir, js)), server.HashedName("dom.js", read(t, dir, "dom.js"))) {
		t.Errorf("%s does not import dom.js by its hashed name", js)
	}
	if want := ` data-wasm="` + server.HashedName("editor.wasm", read(t, dir, "editor.wasm")) + `"`; !strings.Contains(editor, want) {
		t.Errorf("editor.html lacks %s:\n%s", want, editor)
	}
}
