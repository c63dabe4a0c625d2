package pack

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
)

// moduleRef is a static import of a module by a relative path in a
// script's source: the specifier of `import … from './a.js'`,
// `export … from './a.js'` or `import './a.js'`, in group 2. The page's
// modules import each other only this way (no dynamic import()).
var moduleRef = regexp.MustCompile(`(\bfrom|\bimport)\s*['"](\.{1,2}/[^'"\s]+)['"]`)

// imports lists the modules a script imports, relative to the site: a
// script named name (relative to the site) importing './dom.js' gives
// dom.js in name's directory.
func imports(name string, src []byte) []string {
	var out []string
	for _, m := range moduleRef.FindAllSubmatch(src, -1) {
		out = append(out, path.Join(path.Dir(name), string(m[2])))
	}
	return out
}

// hashOrder orders the assets to hash so that every module comes after the
// modules it imports: a module's hashed name is then known before the
// modules importing it are rewritten to it, and their own hashes cover the
// names they import (a changed module changes the names of the modules
// that import it, up to the page). It also returns the assets some module
// imports. A module importing a script of the site that is not among
// names, or a cycle of imports, is an error: either would leave a module
// loaded by a name whose content can change.
func hashOrder(dir string, names []string) (order []string, imported map[string]bool, err error) {
	hashed := map[string]bool{}
	for _, n := range names {
		hashed[n] = true
	}
	imported = map[string]bool{}
	const (
		visiting = 1
		done     = 2
	)
	mark := map[string]int{}
	var visit func(name string, from []string) error
	visit = func(name string, from []string) error {
		switch mark[name] {
		case done:
			return nil
		case visiting:
			return fmt.Errorf("the modules import each other in a cycle: %s", strings.Join(append(from, name), " → "))
		}
		mark[name] = visiting
		if path.Ext(name) == ".js" {
			src, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
			if err != nil {
				return err
			}
			for _, dep := range imports(name, src) {
				if !hashed[dep] {
					return fmt.Errorf("%s imports %s, which is not among the assets to hash (-hash)", name, dep)
				}
				imported[dep] = true
				if err := visit(dep, append(from, name)); err != nil {
					return err
				}
			}
		}
		mark[name] = done
		order = append(order, name)
		return nil
	}
	for _, n := range names {
		if err := visit(n, nil); err != nil {
			return nil, nil, err
		}
	}
	return order, imported, nil
}

// rewriteImports points a module's imports at the hashed names of the
// modules it imports, in place, so that its plain copy works as well as
// its hashed one.
func rewriteImports(dir, name string, renamed map[string]string) error {
	if path.Ext(name) != ".js" {
		return nil
	}
	file := filepath.Join(dir, filepath.FromSlash(name))
	src, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	out := moduleRef.ReplaceAllFunc(src, func(m []byte) []byte {
		sub := moduleRef.FindSubmatch(m)
		spec := string(sub[2])
		hashed, ok := renamed[path.Join(path.Dir(name), spec)]
		if !ok {
			return m // hashOrder has checked that every import is hashed first
		}
		return []byte(strings.Replace(string(m), spec, strings.TrimSuffix(spec, path.Base(spec))+path.Base(hashed), 1))
	})
	if string(out) == string(src) {
		return nil
	}
	// A new file, not the old one written over: the old one may be a hard
	// link of a hashed copy (hashCopy), whose content must never change.
	if err := os.Remove(file); err != nil {
		return err
	}
	return os.WriteFile(file, out, 0o644)
}
