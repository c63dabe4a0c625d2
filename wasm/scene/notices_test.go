package scene_test

import (
	"os"
	"strings"
	"testing"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/scene"
)

// TestKindNoticesPointAtFaintColours: a kind whose colour is under 3:1
// on the canvas it is drawn on gets one notice, at that colour's value in
// the document, saying the ratio, the theme and which way to go; colours
// that show, and light colours derived from them, get none.
func TestKindNoticesPointAtFaintColours(t *testing.T) {
	doc, d := loadFile(t, "../../data/examples/tiny.json")
	if got := scene.KindNotices(d); len(got) != 0 {
		t.Fatalf("the tiny dataset's colours: %v, want no notice", got)
	}
	faint := strings.Replace(string(doc), `"color": "#f28e2b"`, `"color": "#1a2233", "colorLight": "#e0e0e0"`, 1)
	faint = strings.Replace(faint, `"color": "#59a14f"`, `"color": "#59a14f", "colorLight": "#8a8a8a"`, 1)
	if faint == string(doc) {
		t.Fatal("the test's replacement found nothing")
	}
	d, err := dataset.Load([]byte(faint))
	if err != nil {
		t.Fatal(err)
	}
	got := scene.KindNotices(d)
	want := []struct{ path, value, says string }{
		{"kinds.chips.color", `"#1a2233"`, "#1a2233 is 1.1:1 against the dark canvas (#0b1020): this kind's discs need 3:1 to be seen there; use a lighter colour"},
		{"kinds.chips.colorLight", `"#e0e0e0"`, "#e0e0e0 is 1.2:1 against the light canvas (#f6f7fa): this kind's discs need 3:1 to be seen there; use a darker colour"},
	}
	if len(got) != len(want) {
		t.Fatalf("notices %v, want %d", got, len(want))
	}
	for i, w := range want {
		if got[i].Path != w.path || got[i].Message != w.says {
			t.Errorf("notice %d: %s, want %s: %s", i, got[i], w.path, w.says)
		}
		if at := got[i].Offset; !strings.HasPrefix(faint[at:], w.value) {
			t.Errorf("notice %d points at %q, want the value %s", i, faint[at:min(at+12, len(faint))], w.value)
		}
	}
}

// TestKindNoticesOnTheBundledDataset: the bundled colours all show.
func TestKindNoticesOnTheBundledDataset(t *testing.T) {
	_, d := loadFile(t, "../../data/ai-compute.json")
	if got := scene.KindNotices(d); len(got) != 0 {
		t.Errorf("notices %v, want none", got)
	}
}

// loadFile reads and loads the dataset at name.
func loadFile(t *testing.T, name string) ([]byte, *dataset.Dataset) {
	t.Helper()
	doc, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	d, err := dataset.Load(doc)
	if err != nil {
		t.Fatal(err)
	}
	return doc, d
}
