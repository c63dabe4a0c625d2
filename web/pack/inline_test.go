package pack_test

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ouroboros/web/pack"
	"ouroboros/web/server"
)

// The style sheet and a classic script go into the page, their files'
// texts unchanged, and their hashes beside it; the server then allows
// exactly those in the page's Content-Security-Policy.
func TestInlinePutsTheFirstPaintsFilesIntoThePage(t *testing.T) {
	dir := newSite(t)
	page := strings.Replace(testPage, `<script src="wasm_exec.js" defer></script>`,
		`<script src="theme.js"></script>`+"\n"+`<script src="wasm_exec.js" defer></script>`, 1)
	write(t, dir, "index.html", page)
	theme := "(function () { document.documentElement.classList.add('light'); })();\n"
	write(t, dir, "theme.js", theme)
	opts := options(t)
	opts.Hashed = append(opts.Hashed, "theme.js")
	opts.Inline = []string{"style.css", "theme.js"}
	if err := pack.Site(dir, opts); err != nil {
		t.Fatal(err)
	}
	got := string(read(t, dir, "index.html"))
	css := string(read(t, dir, "style.css"))
	for _, want := range []string{`<style data-inline="style.css">` + css + "</style>", `<script data-inline="theme.js">` + theme + "</script>"} {
		if !strings.Contains(got, want) {
			t.Errorf("the page lacks %q:\n%s", want, got)
		}
	}
	for _, name := range []string{"style.", "theme."} {
		if strings.Contains(got, `href="`+name) || strings.Contains(got, `src="`+name) {
			t.Errorf("the page still loads %s… by a request:\n%s", name, got)
		}
	}
	hash := func(s string) string {
		sum := sha256.Sum256([]byte(s))
		return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	var src server.Sources
	if err := json.Unmarshal(read(t, dir, "index.html"+server.SourcesSuffix), &src); err != nil {
		t.Fatal(err)
	}
	if len(src) != 2 || len(src["style-src"]) != 1 || src["style-src"][0] != hash(css) ||
		len(src["script-src"]) != 1 || src["script-src"][0] != hash(theme) {
		t.Errorf("sources beside the page = %v, want the hashes of the style sheet and the script", src)
	}
	// What the page downloads no longer counts them.
	r, err := pack.Measure(dir, "index.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range r.Files {
		if strings.HasPrefix(f.Name, "style.") || strings.HasPrefix(f.Name, "theme.") {
			t.Errorf("Measure lists %s, which the page holds inline", f.Name)
		}
	}
	// The server's policy for the page allows the two hashes, and no
	// other file's policy does.
	h := server.New(dir, server.Options{})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	csp := rec.Header().Get("Content-Security-Policy")
	for _, want := range []string{"script-src 'self' 'wasm-unsafe-eval' " + hash(theme) + ";", "style-src 'self' " + hash(css) + ";"} {
		if !strings.Contains(csp, want) {
			t.Errorf("the page's policy %q lacks %q", csp, want)
		}
	}
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/app.js", nil))
	if other := rec.Header().Get("Content-Security-Policy"); strings.Contains(other, "sha256-") {
		t.Errorf("app.js's policy %q allows the page's inline code", other)
	}
}

// A file that would end its inline element early, one the page does not
// load, or one of another kind is refused by name.
func TestInlineRefuses(t *testing.T) {
	for _, tc := range []struct {
		name, file, body, want string
	}{
		{"closing tag", "style.css", "a{} </STYLE><script>alert(1)</script>", `holds "</style"`},
		{"not loaded", "extra.css", "a{}", "loads it 0 times"},
		{"not a sheet or script", "icon.png", "x", "only a style sheet"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := newSite(t)
			write(t, dir, tc.file, tc.body)
			opts := options(t)
			opts.Inline = []string{tc.file}
			err := pack.Site(dir, opts)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), tc.file) {
				t.Errorf("err = %v, want it to name %s and say %q", err, tc.file, tc.want)
			}
		})
	}
}

func write(t *testing.T, dir, name, body string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}
