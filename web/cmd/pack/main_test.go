package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunPacksAndMeasures(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"index.html":     `<html lang="en"><link rel="stylesheet" href="style.css"><script src="wasm_exec.js"></script><script src="app.js"></script></html>`,
		"app.js":         "const DEFAULT_DATA = 'data/set.json';",
		"style.css":      "body{}",
		"wasm_exec.js":   "class Go {}",
		"ouroboros.wasm": "\x00asm\x01\x00\x00\x00",
		"data/set.json":  "{}",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out strings.Builder
	if err := run([]string{"-dir", dir, "-cache", ""}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"index.html", "data/set.json", ".wasm", "total"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	out.Reset()
	if err := run([]string{"-dir", dir, "-measure"}, &out, io.Discard); err != nil {
		t.Fatalf("-measure on the packed site: %v", err)
	}
	if !strings.Contains(out.String(), "total") {
		t.Errorf("-measure printed:\n%s", out.String())
	}
}

func TestRunRefuses(t *testing.T) {
	tests := [][]string{
		{"-dir", t.TempDir(), "-cache", ""}, // no page
		{"-dir", t.TempDir(), "-measure"},   // nothing packed
		{"-dir", t.TempDir(), "extra"},      // stray argument
		{"-no-such-flag"},                   // unknown flag
	}
	for _, args := range tests {
		if err := run(args, io.Discard, io.Discard); err == nil {
			t.Errorf("run(%q) = nil, want an error", args)
		}
	}
}
