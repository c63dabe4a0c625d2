// Command import converts a folder of CSV files (the dataset's spreadsheet
// form, see data/README.md) to the JSON document the page reads:
// `./build.sh import DIR OUT.json`. On any problem it prints every one,
// located by file, row and column, writes nothing and exits 1.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/sheets"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run converts args[0] into args[1] and returns the exit status.
func run(args []string, out, errOut io.Writer) int {
	if len(args) != 2 {
		fmt.Fprintln(errOut, "usage: import DIR OUT.json")
		return 2
	}
	dir, dest := args[0], args[1]
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		fmt.Fprintf(errOut, "%s: is not a folder of CSV files\n", dir)
		return 1
	}
	doc, err := sheets.Convert(os.DirFS(dir))
	if err != nil {
		var problems sheets.Problems
		if !errors.As(err, &problems) {
			fmt.Fprintf(errOut, "%s: %v\n", dir, err)
			return 1
		}
		fmt.Fprintf(errOut, "%s: refused, %d problem(s); nothing written:\n", dir, len(problems))
		for _, p := range problems {
			fmt.Fprintf(errOut, "  %s\n", p)
		}
		return 1
	}
	if err := writeFile(dest, doc); err != nil {
		fmt.Fprintf(errOut, "%s: cannot be written: %v\n", dest, err)
		return 1
	}
	ds, _ := dataset.Load(doc) // Convert has loaded it already
	fmt.Fprintf(out, "ok %s → %s: %d entities, %d deals, %d sources, %d stories\n",
		dir, dest, len(ds.Entities), len(ds.Deals), len(ds.Sources), len(ds.Stories))
	return 0
}

// writeFile replaces dest with doc whole or not at all: a page reading it
// meanwhile never sees half a document.
func writeFile(dest string, doc []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(dest), ".import-*.json")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(doc); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), dest)
}
