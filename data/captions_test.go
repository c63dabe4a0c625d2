package data_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/loops"
)

// noLoopRE finds a caption's claim that money does not come back.
var noLoopRE = regexp.MustCompile(`(?i)\bno loop|loops? (?:stays?|remains?) open|(?:does|do|did) not close|not a loop|no circle`)

// matches reports whether a caption's figure f matches deal x as of at:
// its amount with the same qualifier (up to, about for an estimate, none
// for a plain figure), its capacity, or the same figure with the same
// qualifier in its summary or in the summary of an update dated on or
// before at (which is where "more than" and capacities carry their words).
func matches(f figure, x *dataset.Deal, at dataset.Date) bool {
	texts := []string{x.Summary}
	for _, u := range x.Updates {
		if at.IsZero() || u.Date.Compare(at) <= 0 {
			texts = append(texts, u.Summary)
		}
	}
	worded := false // the texts give this value, with some qualifier
	for _, t := range texts {
		for _, g := range figuresIn(t) {
			if g.unit == f.unit && g.key() == f.key() {
				if g.qual == f.qual {
					return true
				}
				worded = true
			}
		}
	}
	st := x.At(at)
	switch f.unit {
	case money:
		if a := st.Amount; a != nil && (figure{value: a.Value}).key() == f.key() {
			q := ""
			switch {
			case a.UpTo:
				q = "up to"
			case a.Estimate:
				q = "about"
			}
			return q == f.qual
		}
	case capacity:
		if st.CapacityMW > 0 && (figure{value: st.CapacityMW, unit: capacity}).key() == f.key() {
			return f.qual == "" && !worded
		}
	}
	return false
}

// entityNames returns the words by which a caption names each entity: its
// name and, for "Amazon (AWS)", both "Amazon" and "AWS".
func entityNames(d *dataset.Dataset) [][]*regexp.Regexp {
	out := make([][]*regexp.Regexp, len(d.Entities))
	for i, e := range d.Entities {
		names := []string{e.Name}
		if a, b, ok := strings.Cut(e.Name, " ("); ok {
			names = []string{a, strings.TrimSuffix(b, ")")}
		}
		for _, n := range names {
			out[i] = append(out[i], regexp.MustCompile(`(^|[^\pL\pN])`+regexp.QuoteMeta(n)+`($|[^\pL\pN])`))
		}
	}
	return out
}

// captionProblems checks every story step of d: each money and capacity
// figure of its title and text matches a deal of its focus as of the
// step's date; each entity it names is in its focus; and when it says that
// no loop exists, no loop of the money graph at that date runs through
// focus entities only.
func captionProblems(d *dataset.Dataset) []string {
	var out []string
	names := entityNames(d)
	for _, st := range d.Stories {
		for i, step := range st.Steps {
			where := fmt.Sprintf("%s step %d", st.ID, i+1)
			at := step.AsOf
			caption := step.Title + "\n" + step.Text
			for _, f := range figuresIn(caption) {
				ok := false
				for _, k := range step.FocusDeals {
					if x := &d.Deals[k]; (at.IsZero() || x.Date.Compare(at) <= 0) && matches(f, x, at) {
						ok = true
						break
					}
				}
				if !ok {
					out = append(out, fmt.Sprintf("%s: %q matches no deal of the focus as of %v", where, f.text, at))
				}
			}
			for e, res := range names {
				for _, re := range res {
					if re.MatchString(caption) && !slices.Contains(step.FocusEntities, e) {
						out = append(out, fmt.Sprintf("%s: names %s, which is not in the focus", where, d.Entities[e].ID))
						break
					}
				}
			}
			if noLoopRE.MatchString(caption) {
				for _, l := range loops.Find(d, at, loops.Limit).Loops {
					inFocus := true
					for _, e := range l.Entities {
						inFocus = inFocus && slices.Contains(step.FocusEntities, e)
					}
					if inFocus {
						out = append(out, fmt.Sprintf("%s: says no loop exists, but %v is a loop as of %v", where, l.EntityIDs(d), at))
					}
				}
			}
		}
	}
	return out
}

// TestCaptions runs the caption check on the bundled dataset and on every
// valid example.
func TestCaptions(t *testing.T) {
	files := []string{"ai-compute.json"}
	more, _ := filepath.Glob("examples/*.json")
	for _, f := range append(files, more...) {
		t.Run(f, func(t *testing.T) {
			d := load(t, f)
			for _, p := range captionProblems(d) {
				t.Error(p)
			}
		})
	}
}

// TestCaptionCheck shows that the caption check catches what issue 17
// found in the bundled captions, on edits of examples/tiny.json.
func TestCaptionCheck(t *testing.T) {
	const step2 = `"text": "Acme AI spends it on compute at Nimbus Cloud, which buys chips from Acme Chips.",`
	const asOf2 = `"asOf": "2025-06",`
	tests := []struct {
		name   string
		oldNew []string
		want   []string // substrings of the problems, in order
	}{
		{"as shipped", nil, nil},
		{"figures with their words", []string{step2, `"text": "Acme AI commits up to $12 billion to Nimbus Cloud for 800 MW, and Acme Chips gets it back.",`}, nil},
		{"an up to dropped", []string{step2, `"text": "Acme AI commits $12 billion to Nimbus Cloud and Acme Chips.",`},
			[]string{`step 2: "$12 billion" matches no deal`}},
		{"a figure of a deal outside the focus", []string{step2, `"text": "Acme AI buys about $500 million of Acme Chips hardware at Nimbus Cloud.",`},
			[]string{`step 2: "about $500 million" matches no deal`}},
		{"an entity outside the focus", []string{`"text": "Acme Chips puts $2B into Acme AI."`, `"text": "Acme Chips puts $2B into Acme AI, a Nimbus Cloud client."`},
			[]string{"step 1: names nimbus-cloud"}},
		{"a false no-loop claim", []string{step2, `"text": "Acme AI rents from Nimbus Cloud, which buys from Acme Chips: no loop yet.",`},
			[]string{"step 2: says no loop exists, but [acme-ai nimbus-cloud acme-chips] is a loop"}},
		{"a true no-loop claim", []string{step2, `"text": "Acme AI rents from Nimbus Cloud, which buys from Acme Chips: no loop yet.",`, asOf2, `"asOf": "2025-04",`}, nil},
		{"a figure an update gives only later", []string{
			`"status": "definitive",`, `"status": "definitive", "updates": [{"date": "2025-08", "summary": "Grown to up to $20 billion.", "sources": ["trade-mar"], "amount": {"value": 20000000000, "upTo": true}}],`,
			step2, `"text": "Acme AI commits up to $20 billion to Nimbus Cloud, and Acme Chips gets it back.",`},
			[]string{`step 2: "up to $20 billion" matches no deal`}},
		{"and once it applies", []string{
			`"status": "definitive",`, `"status": "definitive", "updates": [{"date": "2025-08", "summary": "Grown to up to $20 billion.", "sources": ["trade-mar"], "amount": {"value": 20000000000, "upTo": true}}],`,
			step2, `"text": "Acme AI commits up to $20 billion to Nimbus Cloud, and Acme Chips gets it back.",`, asOf2, `"asOf": "2025-08-31",`}, nil},
	}
	base, err := os.ReadFile("examples/tiny.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := string(base)
			for i := 0; i < len(tt.oldNew); i += 2 {
				if !strings.Contains(doc, tt.oldNew[i]) {
					t.Fatalf("tiny.json has no %q", tt.oldNew[i])
				}
				doc = strings.Replace(doc, tt.oldNew[i], tt.oldNew[i+1], 1)
			}
			d, err := dataset.Load([]byte(doc))
			if err != nil {
				t.Fatal(err)
			}
			got := captionProblems(d)
			if len(got) != len(tt.want) {
				t.Fatalf("got problems %q, want %q", got, tt.want)
			}
			for i := range got {
				if !strings.Contains(got[i], tt.want[i]) {
					t.Errorf("problem %d: got %q, want it to contain %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}
