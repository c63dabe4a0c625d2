package pack

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// BrotliOnly leaves one copy of each compressible file in dir, its brotli
// one: where name.br is beside name, name and name.gz go. The kiosk embeds
// the site so (a third of the bytes of all three copies), and its server
// (web/server) decompresses for the rare client that cannot take brotli.
// Files with no brotli copy stay as they are. It returns the names removed.
func BrotliOnly(dir string) ([]string, error) {
	var removed []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".br") {
			return err
		}
		plain := strings.TrimSuffix(p, ".br")
		if !Compressible(plain) {
			return nil
		}
		if info, err := os.Stat(plain); err != nil || !info.Mode().IsRegular() {
			return nil // no plain copy beside it: nothing to drop
		}
		for _, q := range []string{plain, plain + ".gz"} {
			if err := os.Remove(q); err != nil {
				if os.IsNotExist(err) {
					continue
				}
				return err
			}
			rel, _ := filepath.Rel(dir, q)
			removed = append(removed, filepath.ToSlash(rel))
		}
		return nil
	})
	return removed, err
}
