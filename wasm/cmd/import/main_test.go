package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken")
	os.CopyFS(broken, os.DirFS("../../../data/template"))
	deals, _ := os.ReadFile(filepath.Join(broken, "deals.csv"))
	os.WriteFile(filepath.Join(broken, "deals.csv"), bytes.Replace(deals, []byte("example-lab,example-cloud"), []byte("example-lab,example-clod"), 1), 0o644)
	tests := []struct {
		name       string
		args       []string
		wantStatus int
		wantOut    []string
		wantFile   bool
	}{
		{"template", []string{"../../../data/template", filepath.Join(dir, "template.json")}, 0,
			[]string{"ok ../../../data/template → ", "4 entities, 4 deals, 3 sources, 1 stories"}, true},
		{"refused", []string{broken, filepath.Join(dir, "broken.json")}, 1,
			[]string{"refused, 1 problem(s); nothing written:\n", `  deals.csv row 3, column to: "example-clod" is not an entity id`}, false},
		{"not a folder", []string{filepath.Join(dir, "nope"), filepath.Join(dir, "nope.json")}, 1,
			[]string{"is not a folder of CSV files"}, false},
		{"one argument", []string{"../../../data/template"}, 2, []string{"usage"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out strings.Builder
			if got := run(tt.args, &out, &out); got != tt.wantStatus {
				t.Errorf("status %d, want %d; output:\n%s", got, tt.wantStatus, out.String())
			}
			for _, w := range tt.wantOut {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output %q lacks %q", out.String(), w)
				}
			}
			if len(tt.args) == 2 {
				_, err := os.Stat(tt.args[1])
				if got := err == nil; got != tt.wantFile {
					t.Errorf("file written: %v, want %v", got, tt.wantFile)
				}
			}
		})
	}
}
