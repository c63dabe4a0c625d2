// Command pack readies the built site for the network (see package pack)
// and prints what a reader's browser downloads, in bytes:
//
//	pack -dir dist -wasm ouroboros.wasm -hash app.js,style.css,wasm_exec.js -sw sw.js
//	pack -dir dist -measure    (prints the table only; the site must be packed)
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"ouroboros/web/pack"
	"ouroboros/web/server"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if err != flag.ErrHelp {
			fmt.Fprintln(os.Stderr, "pack:", err)
		}
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("pack", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("dir", "dist", "the built site")
	page := fs.String("page", "index.html", "the page, relative to -dir")
	wasm := fs.String("wasm", "ouroboros.wasm", "the program, relative to -dir")
	hashed := fs.String("hash", "app.js,style.css,wasm_exec.js", "comma-separated assets the page loads, to give hashed names")
	inlined := fs.String("inline", "", `comma-separated style sheets and classic scripts among -hash to put into the page itself ("style.css,theme.js"); their hashes go beside it in PAGE`+server.SourcesSuffix+` for the server's Content-Security-Policy`)
	sw := fs.String("sw", "", `the service worker template to fill in, relative to -dir ("sw.js"); "" for none`)
	cache := fs.String("cache", defaultCache(), `directory keeping brotli output between runs; "" for none`)
	var more []pack.Page
	fs.Func("more", "another page with its program and assets, PAGE:WASM:ASSET,ASSET… (repeatable)", func(v string) error {
		parts := strings.Split(v, ":")
		if len(parts) != 3 || parts[0] == "" || parts[1] == "" {
			return fmt.Errorf("want PAGE:WASM:ASSET,ASSET…, got %q", v)
		}
		more = append(more, pack.Page{Page: parts[0], Wasm: parts[1], Hashed: list(parts[2])})
		return nil
	})
	measureOnly := fs.Bool("measure", false, "only print what the packed page downloads")
	brotliOnly := fs.Bool("brotli-only", false, "only keep one copy, the brotli one, of each compressible file of the packed -dir (the kiosk's embedded site)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if *brotliOnly {
		removed, err := pack.BrotliOnly(*dir)
		if err == nil {
			fmt.Fprintf(stdout, "%s: removed %d plain and gzip copies of files kept as brotli\n", *dir, len(removed))
		}
		return err
	}
	if !*measureOnly {
		opts := pack.Options{Page: *page, Wasm: *wasm, Hashed: list(*hashed), Inline: list(*inlined), Cache: *cache, ServiceWorker: *sw, More: more}
		if err := pack.Site(*dir, opts); err != nil {
			return err
		}
	}
	r, err := pack.Measure(*dir, *page)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "what %s downloads (bytes):\n", filepath.Join(*dir, *page))
	return r.Write(stdout)
}

// list splits a comma-separated list of names.
func list(s string) []string {
	var names []string
	for n := range strings.SplitSeq(s, ",") {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	return names
}

// defaultCache is a directory under the user's cache, or "" when there is
// none.
func defaultCache() string {
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "ouroboros", "pack")
}
