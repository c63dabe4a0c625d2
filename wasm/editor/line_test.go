package editor

import "testing"

func TestLineOf(t *testing.T) {
	doc := []byte(`{
  "title": "x",
  "kinds": {"odd key]": {"color": 1}},
  "deals": [
    {"id": "a", "to": "b"},
    {
      "id": "c",
      "to": "d"
    }
  ]
}`)
	for _, c := range []struct {
		path string
		want int
	}{
		{"(document)", 0},
		{"title", 2},
		{`kinds["odd key]"].color`, 3},
		{"deals", 4},
		{"deals[0].to", 5},
		{"deals[1]", 6},
		{"deals[1].to", 8},
		{"deals[1].amount", 6}, // missing: the deal that lacks it
		{"deals[7].to", 4},     // no such deal: the list
		{"title.x", 2},         // a string has no members
		{"missing", 0},
		{"deals[x]", 0},
	} {
		t.Run(c.path, func(t *testing.T) {
			if got := lineOf(doc, c.path); got != c.want {
				t.Errorf("lineOf(%q) = %d, want %d", c.path, got, c.want)
			}
		})
	}
}

func TestLineOfBrokenDocument(t *testing.T) {
	for _, doc := range []string{"", "{", `{"deals": [`, `[1, 2`, "\xff"} {
		if got := lineOf([]byte(doc), "deals[3].to"); got < 0 {
			t.Errorf("lineOf(%q) = %d", doc, got)
		}
	}
}
