// Command validate checks dataset files against the ouroboros/1 format, as
// the page's loader does: `./build.sh validate FILE...` prints "ok" with the
// counts for each valid file, or every located problem, and exits 1 when any
// file is refused.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/loops"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout))
}

// run validates each file and returns the exit status.
func run(files []string, out io.Writer) int {
	if len(files) == 0 {
		fmt.Fprintln(out, "usage: validate FILE...")
		return 2
	}
	status := 0
	for _, f := range files {
		if !validate(f, out) {
			status = 1
		}
	}
	return status
}

func validate(file string, out io.Writer) bool {
	doc, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintf(out, "%s: cannot be read: %v\n", file, err)
		return false
	}
	d, err := dataset.Load(doc)
	if err != nil {
		var problems dataset.Problems
		if !errors.As(err, &problems) {
			fmt.Fprintf(out, "%s: %v\n", file, err)
			return false
		}
		fmt.Fprintf(out, "%s: refused, %d problem(s):\n", file, len(problems))
		for _, p := range problems {
			fmt.Fprintf(out, "  %s\n", p)
		}
		return false
	}
	res := loops.Find(d, dataset.Date{}, loops.Limit)
	more := ""
	if res.Truncated {
		more = " (the first; more exist)"
	}
	fmt.Fprintf(out, "ok %s: %d entities, %d deals, %d sources, %d loops%s\n",
		file, len(d.Entities), len(d.Deals), len(d.Sources), len(res.Loops), more)
	return true
}
