package page_test

import (
	"ouroboros/wasm/dataset/datasettest"
	"strings"
	"testing"

	"ouroboros/wasm/page"
	"ouroboros/wasm/session"
)

func TestCaption(t *testing.T) {
	d := datasettest.Bundled(t)
	first := d.Stories[0]
	last := len(first.Steps) - 1
	n := session.Now{Selection: -1, Focus: -1, Story: 0, Step: last}
	c := page.Caption(d, n)
	if c == nil || c.Step != len(first.Steps) || c.Title != first.Steps[last].Title || len(c.Sources) == 0 {
		t.Fatalf("caption %+v", c)
	}
	for _, s := range c.Sources {
		if !strings.HasPrefix(s.URL, "https://") && !strings.HasPrefix(s.URL, "http://") {
			t.Errorf("source %+v links somewhere other than the web", s)
		}
	}
	n.Story = -1
	if c := page.Caption(d, n); c != nil {
		t.Errorf("no story open: caption %+v, want none", c)
	}
}
