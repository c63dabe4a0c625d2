package pack

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
)

// The placeholders of the service worker's template (web/sw.js) that
// writeServiceWorker fills in.
const (
	swVersion = `const VERSION = 'unbuilt';`
	swFiles   = `const FILES = [/* files */];`
)

// writeServiceWorker fills in the service worker dir/sw with what the
// site's page needs offline, and only that: the page itself, as "./", and
// every file Measure says it downloads (its style sheet, icon, scripts and
// their imports, the program and the default dataset, by the names the page
// loads them). Nothing else of the site goes in: not the example datasets,
// not the link-preview card or the no-script tables' picture, not the plain
// copies of hashed files, not the compressed variants (the browser stores
// what it decoded). Its version is a hash of every listed file's name and
// bytes, so any change to what the page loads makes a new service worker,
// which browsers then install in place of the old one. It returns the list.
func writeServiceWorker(dir, page, sw string) ([]string, error) {
	swPath := filepath.Join(dir, filepath.FromSlash(sw))
	tmpl, err := os.ReadFile(swPath)
	if err != nil {
		return nil, err
	}
	for _, p := range []string{swVersion, swFiles} {
		if bytes.Count(tmpl, []byte(p)) != 1 {
			return nil, fmt.Errorf("%s: the service worker template must hold %q once", sw, p)
		}
	}
	r, err := Measure(dir, page)
	if err != nil {
		return nil, fmt.Errorf("%s: the files to keep offline: %w", sw, err)
	}
	var files []string
	for _, f := range r.Files {
		if f.Name != page && f.Name != sw && !slices.Contains(files, f.Name) {
			files = append(files, f.Name)
		}
	}
	slices.Sort(files)
	h := sha256.New()
	for _, name := range append([]string{page}, files...) {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(b))
		h.Write(b)
	}
	version := hex.EncodeToString(h.Sum(nil))[:12]
	list := append([]string{"./"}, files...)
	listJSON, err := json.Marshal(list)
	if err != nil {
		return nil, err
	}
	out := bytes.Replace(tmpl, []byte(swVersion), []byte("const VERSION = '"+version+"';"), 1)
	out = bytes.Replace(out, []byte(swFiles), []byte("const FILES = "+string(listJSON)+";"), 1)
	return list, os.WriteFile(swPath, out, 0o644)
}
