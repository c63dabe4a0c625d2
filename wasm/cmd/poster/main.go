// Command poster draws a dataset's network at build time, with the same
// layout and frame code as the explainer (package poster), and fills the
// page's poster markers:
//
//	poster -data data/ai-compute.json -path data/ai-compute.json -dir dist -page index.html -css style.css [-site https://example.org/]
//
// writes dir/poster.svg and dir/poster-tall.svg (shown while the
// WebAssembly downloads, in landscape and portrait windows) and
// dir/poster.png (the link-preview card), replaces the markers of dir/page
// with the Open Graph and Twitter tags, the posters inline (the page's
// first paint) and the <noscript> content: the card and the dataset as
// tables, and the marker of the style sheet dir/css with the rules that
// place the inline posters without a script. -site (or the
// SITE_URL environment variable) makes the card's address absolute, which
// link previews want; without it the address is relative.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/poster"
	"ouroboros/wasm/words"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		if err != flag.ErrHelp {
			fmt.Fprintln(os.Stderr, "poster:", err)
		}
		os.Exit(1)
	}
}

func run(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("poster", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", "data/ai-compute.json", "the dataset to draw")
	sitePath := fs.String("path", "data/ai-compute.json", "the dataset's path on the site, as the page's data parameter names it")
	dir := fs.String("dir", "dist", "where to write poster.svg and poster.png")
	page := fs.String("page", "index.html", `the page whose markers to fill, relative to -dir; "" for none`)
	css := fs.String("css", "", `the style sheet whose marker to fill with the posters' placement, relative to -dir; "" for none`)
	site := fs.String("site", os.Getenv("SITE_URL"), "the site's absolute URL for link previews (default $SITE_URL)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	doc, err := os.ReadFile(*data)
	if err != nil {
		return err
	}
	ds, err := dataset.Load(doc)
	if err != nil {
		return fmt.Errorf("%s: %w", *data, err)
	}
	p, err := poster.New(ds, poster.CardWidth, poster.CardHeight)
	if err != nil {
		return err
	}
	// A portrait window gets a layout of another shape; its poster is
	// drawn for a common phone's window.
	tall, err := poster.New(ds, poster.TallWidth, poster.TallHeight)
	if err != nil {
		return err
	}
	files := poster.Files{SVG: "poster.svg", SVGTall: "poster-tall.svg", PNG: "poster.png", Dataset: *sitePath}
	// The page's posters are the network alone, transparent: the page lays
	// them where the program will draw the network and the program draws
	// the title. The card is the whole first picture.
	var svg, svgTall, png bytes.Buffer
	if err := p.WriteSVG(&svg, poster.SVGOptions{}); err != nil {
		return err
	}
	if err := tall.WriteSVG(&svgTall, poster.SVGOptions{}); err != nil {
		return err
	}
	if err := p.WritePNG(&png); err != nil {
		return err
	}
	for name, b := range map[string][]byte{files.SVG: svg.Bytes(), files.SVGTall: svgTall.Bytes(), files.PNG: png.Bytes()} {
		if err := os.WriteFile(filepath.Join(*dir, name), b, 0o644); err != nil {
			return err
		}
	}
	if *css != "" {
		// The posters' placement, so that the first paint lays them out.
		if err := rewrite(filepath.Join(*dir, *css), func(sheet []byte) ([]byte, error) {
			return poster.FillCSS(sheet, p, tall)
		}); err != nil {
			return err
		}
	}
	if *page == "" {
		return nil
	}
	return rewrite(filepath.Join(*dir, *page), func(html []byte) ([]byte, error) {
		html, err := poster.Fill(html, p, tall, files, poster.PageOptions{Site: *site})
		if err != nil {
			return nil, err
		}
		// The chrome's words for the loader and the errors before the
		// program runs (web/words.js): the bundled dataset's; the program
		// hands over the loaded dataset's own.
		say, _ := words.English().In(ds.Locale).With(ds.UI)
		return bytes.Replace(html, []byte("<!-- words -->"), []byte(`<script type="application/json" id="words">`+say.JSON()+`</script>`), 1), nil
	})
}

// rewrite replaces the file at path with what fill makes of it; a fill's
// error is located by the path.
func rewrite(path string, fill func([]byte) ([]byte, error)) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if b, err = fill(b); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return os.WriteFile(path, b, 0o644)
}
