package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"format":"ouroboros/1"}`), 0o644)
	for _, tc := range []struct {
		name       string
		files      []string
		wantStatus int
		want       []string
	}{
		{"valid", []string{"../../../data/examples/tiny.json"}, 0, []string{"ok ../../../data/examples/tiny.json: 3 entities, "}},
		{"refused", []string{bad}, 1, []string{"bad.json: refused, ", "  title: is required"}},
		{"missing", []string{filepath.Join(dir, "nope.json")}, 1, []string{"cannot be read"}},
		{"mixed", []string{"../../../data/examples/tiny.json", bad}, 1, []string{"ok ", "refused"}},
		{"no files", nil, 2, []string{"usage"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out strings.Builder
			if got := run(tc.files, &out); got != tc.wantStatus {
				t.Errorf("status %d, want %d", got, tc.wantStatus)
			}
			for _, w := range tc.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output %q lacks %q", out.String(), w)
				}
			}
		})
	}
}
