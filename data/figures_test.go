package data_test

import (
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"ouroboros/wasm/dataset"
)

// factNames are the project's fact base: the deal table of 2023 to April
// 2026 and its 2026 extension, which is the later word. They live outside
// the repository, in shared/research beside it (or in the folder that
// OUROBOROS_FACTS names).
var factNames = []string{"deal-facts.md", "deal-facts-2026.md"}

// factDir finds the fact base: $OUROBOROS_FACTS, or shared/research in a
// folder above this one.
func factDir() string {
	if dir := os.Getenv("OUROBOROS_FACTS"); dir != "" {
		return dir
	}
	dir, err := filepath.Abs(".")
	if err != nil {
		return ""
	}
	for {
		try := filepath.Join(dir, "shared", "research")
		if _, err := os.Stat(filepath.Join(try, factNames[0])); err == nil {
			return try
		}
		up := filepath.Dir(dir)
		if up == dir {
			return ""
		}
		dir = up
	}
}

// unit says what a figure measures.
type unit int

const (
	money    unit = iota // in the dataset's currency (USD)
	capacity             // in megawatts
)

// figure is a money or capacity figure as a text states it.
type figure struct {
	qual  string // "up to", "about", "floor" (more than, at least) or ""
	value float64
	unit  unit
	text  string // as written
}

// key is the figure's value as a whole number of cents or of thousandths of
// a megawatt, so that 1.3e9 and 1300000000 compare equal.
func (f figure) key() int64 {
	if f.unit == money {
		return int64(math.Round(f.value * 100))
	}
	return int64(math.Round(f.value * 1000))
}

var (
	// A dollar figure, not A$ or US$ (other currencies, or conversions of
	// them), with an optional second number for ranges ($45–50 billion).
	moneyRE = regexp.MustCompile(`(?i)(?:(up to |about |roughly |around |nearly |almost |close to |some |more than |at least |over |~|≥|>|≈)|^|[^A-Za-z])\$ ?(\d[\d,]*(?:\.\d+)?)(?:[–-](\d[\d,]*(?:\.\d+)?))? ?(trillion|billion|million|bn|T|B|M)?\b`)
	capRE   = regexp.MustCompile(`(?i)(up to |about |roughly |around |nearly |almost |close to |some |more than |at least |over |~|≥|>|≈)?(\d[\d,]*(?:\.\d+)?) ?(GW|MW)\b`)
)

var scales = map[string]float64{"": 1, "t": 1e12, "trillion": 1e12, "b": 1e9, "bn": 1e9, "billion": 1e9, "m": 1e6, "million": 1e6}

func qualifier(q string) string {
	switch strings.TrimSpace(strings.ToLower(q)) {
	case "up to":
		return "up to"
	case "":
		return ""
	case "more than", "at least", "over", "≥", ">":
		return "floor"
	}
	return "about"
}

func number(s string) float64 {
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil {
		panic(err)
	}
	return v
}

// figuresIn returns the money and capacity figures of a text. A range gives
// both of its ends.
func figuresIn(text string) []figure {
	var out []figure
	for _, m := range moneyRE.FindAllStringSubmatch(text, -1) {
		scale := scales[strings.ToLower(m[4])]
		q := qualifier(m[1])
		out = append(out, figure{q, number(m[2]) * scale, money, strings.TrimSpace(m[0])})
		if m[3] != "" {
			out = append(out, figure{q, number(m[3]) * scale, money, strings.TrimSpace(m[0])})
		}
	}
	for _, m := range capRE.FindAllStringSubmatch(text, -1) {
		v := number(m[2])
		if strings.EqualFold(m[3], "GW") {
			v *= 1000
		}
		out = append(out, figure{qualifier(m[1]), v, capacity, strings.TrimSpace(m[0])})
	}
	return out
}

// factFigures returns every money and capacity figure the fact base states.
func factFigures(t *testing.T) map[unit]map[int64]bool {
	t.Helper()
	got := map[unit]map[int64]bool{money: {}, capacity: {}}
	dir := factDir()
	if dir == "" {
		t.Skip("the fact base (shared/research/deal-facts*.md) is not above this folder; set OUROBOROS_FACTS to its folder")
	}
	for _, name := range factNames {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		for _, fig := range figuresIn(string(b)) {
			got[fig.unit][fig.key()] = true
		}
	}
	return got
}

// TestFiguresInFactBase checks that every amount and capacity of the
// bundled dataset, and every money or capacity figure in its captions,
// summaries and notes, is a figure the fact base states.
func TestFiguresInFactBase(t *testing.T) {
	facts := factFigures(t)
	d := bundled(t)
	check := func(where string, f figure) {
		t.Helper()
		if !facts[f.unit][f.key()] {
			t.Errorf("%s: %q (%g) is not a figure of the fact base", where, f.text, f.value)
		}
	}
	checkText := func(where, text string) {
		t.Helper()
		for _, f := range figuresIn(text) {
			check(where, f)
		}
	}
	fields := func(where string, a *dataset.Amount, mw float64) {
		t.Helper()
		if a != nil {
			check(where+".amount", figure{value: a.Value, unit: money, text: strconv.FormatFloat(a.Value, 'f', -1, 64)})
		}
		if mw > 0 {
			check(where+".capacityMW", figure{value: mw, unit: capacity, text: strconv.FormatFloat(mw, 'f', -1, 64) + " MW"})
		}
	}
	for _, x := range d.Deals {
		fields(x.ID, x.Amount, x.CapacityMW)
		checkText(x.ID+".summary", x.Summary)
		for k, u := range x.Updates {
			where := x.ID + ".updates[" + strconv.Itoa(k) + "]"
			fields(where, u.Amount, u.CapacityMW)
			checkText(where+".summary", u.Summary)
		}
	}
	for _, e := range d.Entities {
		checkText(e.ID+".note", e.Note)
	}
	for _, st := range d.Stories {
		for i, step := range st.Steps {
			where := st.ID + " step " + strconv.Itoa(i+1)
			checkText(where+" title", step.Title)
			checkText(where+" text", step.Text)
		}
	}
}

func TestFiguresIn(t *testing.T) {
	tests := []struct {
		text string
		want []figure
	}{
		{"up to $100 billion and 10 GW", []figure{{"up to", 100e9, money, ""}, {"", 10000, capacity, ""}}},
		{"about $1.5 billion, A$24 billion, US$16.1B", []figure{{"about", 1.5e9, money, ""}}},
		{"$45–50B of funding, at least $6.3 billion", []figure{{"", 45e9, money, ""}, {"", 50e9, money, ""}, {"floor", 6.3e9, money, ""}}},
		{"~$683M, >$3B, $0.01, up to 750 MW, ~1.2 GW", []figure{{"about", 683e6, money, ""}, {"floor", 3e9, money, ""}, {"", 0.01, money, ""}, {"up to", 750, capacity, ""}, {"about", 1200, capacity, ""}}},
		{"$2B into Acme AI", []figure{{"", 2e9, money, ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := figuresIn(tt.text)
			if len(got) != len(tt.want) {
				t.Fatalf("got %+v, want %+v", got, tt.want)
			}
			for i := range got {
				if got[i].qual != tt.want[i].qual || got[i].key() != tt.want[i].key() || got[i].unit != tt.want[i].unit {
					t.Errorf("figure %d: got %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}
