package main

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ouroboros/wasm/poster"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	page := "<head>" + poster.MarkerMeta + "</head><body>" + poster.MarkerImg + "<noscript>" + poster.MarkerNoscript + "</noscript></body>"
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "style.css"), []byte("body { }\n"+poster.MarkerCSS+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	if err := run([]string{"-data", "../../../data/examples/twoloops.json", "-path", "data/examples/twoloops.json", "-dir", dir, "-css", "style.css", "-site", "https://example.org/x/"}, &stderr); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	svg, err := os.ReadFile(filepath.Join(dir, "poster.svg"))
	if err != nil || !bytes.HasPrefix(svg, []byte("<svg ")) {
		t.Fatalf("poster.svg: %v %.40q", err, svg)
	}
	b, err := os.ReadFile(filepath.Join(dir, "poster.png"))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil || img.Bounds().Dx() != poster.CardWidth || img.Bounds().Dy() != poster.CardHeight {
		t.Fatalf("poster.png: %v", err)
	}
	out, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	css, err := os.ReadFile(filepath.Join(dir, "style.css"))
	if err != nil || bytes.Contains(css, []byte(poster.MarkerCSS)) || !bytes.Contains(css, []byte("#poster { --band:")) {
		t.Errorf("style.css: %v, not filled in:\n%s", err, css)
	}
	for _, want := range []string{`content="https://example.org/x/poster.png"`, `data-dataset="data/examples/twoloops.json"`, `<svg class="poster-wide"`, `<table class="data"`} {
		if !strings.Contains(string(out), want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
}

func TestRunRefusesBadInput(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-data", "../../../data/examples/refused/title-missing.json", "-dir", dir, "-page", ""}, "title-missing.json"},
		{[]string{"-data", "../../../data/examples/tiny.json", "-dir", dir}, "index.html"},
		{[]string{"-data", "../../../data/examples/tiny.json", "-dir", dir, "extra"}, "unexpected argument"},
	} {
		var stderr bytes.Buffer
		err := run(tc.args, &stderr)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: err %v, want one naming %q", tc.args, err, tc.want)
		}
	}
}
