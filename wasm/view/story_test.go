package view_test

import (
	"os"
	"strings"
	"testing"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/view"
)

func bundled(t *testing.T) *dataset.Dataset {
	t.Helper()
	doc, err := os.ReadFile("../../data/ai-compute.json")
	if err != nil {
		t.Fatal(err)
	}
	d, err := dataset.Load(doc)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestStories(t *testing.T) {
	d := bundled(t)
	first := d.Stories[0]
	in, err := view.ParseCommand(d, []byte(`{"type":"goToStep","story":"`+first.ID+`","step":2}`))
	if err != nil || in.Story != 0 || in.Step != 1 {
		t.Fatalf("goToStep: %+v %v", in, err)
	}
	if _, err := view.ParseCommand(d, []byte(`{"type":"goToStep","story":"`+first.ID+`","step":99}`)); err == nil || !strings.Contains(err.Error(), "has steps 1 to") {
		t.Errorf("step 99: %v", err)
	}
	n := view.Now{Selection: 3, Focus: -1, Story: -1}
	n.ApplyStory(d, in)
	if n.Story != 0 || n.Step != 1 || n.Selection != -1 || n.AsOf != first.Steps[1].AsOf {
		t.Errorf("after goToStep: %+v, want story 0 step 1 at %v, nothing selected", n, first.Steps[1].AsOf)
	}
	n.ApplyStory(d, view.Intent{Kind: view.PrevStep})
	n.ApplyStory(d, view.Intent{Kind: view.PrevStep})
	if n.Step != 0 {
		t.Errorf("prev twice from step 2: step %d, want 0 (it stops at the first)", n.Step)
	}
	for i := 0; i < 20; i++ {
		n.ApplyStory(d, view.Intent{Kind: view.NextStep})
	}
	if n.Step != len(first.Steps)-1 {
		t.Errorf("next many times: step %d, want the last, %d", n.Step, len(first.Steps)-1)
	}
	c := view.Caption(d, n)
	if c == nil || c.Step != len(first.Steps) || c.Title != first.Steps[len(first.Steps)-1].Title || len(c.Sources) == 0 {
		t.Fatalf("caption %+v", c)
	}
	for _, s := range c.Sources {
		if !strings.HasPrefix(s.URL, "https://") && !strings.HasPrefix(s.URL, "http://") {
			t.Errorf("source %+v links somewhere other than the web", s)
		}
	}
	n.ApplyStory(d, view.Intent{Kind: view.GoToStep, Story: -1})
	if n.Story != -1 || view.Caption(d, n) != nil {
		t.Errorf("leaving: %+v", n)
	}
	o, problems := view.ParseOptions(d, map[string]string{"story": first.ID, "step": "3"}, false)
	if len(problems) != 0 || o.Story != 0 || o.Step != 2 || o.AsOf != first.Steps[2].AsOf {
		t.Errorf("link story: %+v %v", o, problems)
	}
}
