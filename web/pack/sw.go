package pack

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// The placeholders of the service worker's template (web/sw.js) that
// writeServiceWorker fills in.
const (
	swVersion = `const VERSION = 'unbuilt';`
	swFiles   = `const FILES = [/* files */];`
)

// writeServiceWorker fills in the service worker dir/sw with what the
// site's page needs offline: every file of the site, by the name the page
// loads it (a hashed asset's plain copy and the precompressed variants are
// left out), plus "./" for the page itself. Its version is a hash of every
// listed file's name and bytes, so any change to the site makes a new
// service worker, which browsers then install in place of the old one.
// It returns the files listed.
func writeServiceWorker(dir, sw string, renamed map[string]string) ([]string, error) {
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
	plain := map[string]bool{}
	for name := range renamed {
		plain[name] = true
	}
	var files []string
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name, _ := filepath.Rel(dir, p)
		name = filepath.ToSlash(name)
		if d.IsDir() {
			if name != "." && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || strings.HasPrefix(d.Name(), ".") || name == sw || plain[name] ||
			strings.HasSuffix(name, ".br") || strings.HasSuffix(name, ".gz") {
			return nil
		}
		files = append(files, name)
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.Sort(files)
	h := sha256.New()
	for _, name := range files {
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
