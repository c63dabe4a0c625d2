package analysis_test

// Facts about the bundled dataset (data/ai-compute.json) that a person can
// check by reading it: every figure below was added up by hand from the
// deals the comment lists, and the loop counts are checked against gonum's
// Johnson cycles over a money graph the test builds itself from the file.
// The format's rules used (data/README.md): a deal counts at a date when it
// is not terminated and its date is on or before that date, a partial date
// counting as its first day (2025-10 is 2025-10-01); a loop's hops carry
// the counted deals between two entities; the round trip is the smallest
// hop total, unknown when a hop has no disclosed amount.

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/graph/topo"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
)

const bundled = "../../data/ai-compute.json"

const billion = 1e9

func loadFile(t testing.TB, path string) *dataset.Dataset {
	t.Helper()
	doc, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := dataset.Load(doc)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return d
}

func entityIndex(t *testing.T, d *dataset.Dataset, id string) int {
	t.Helper()
	for i, e := range d.Entities {
		if e.ID == id {
			return i
		}
	}
	t.Fatalf("no entity %q", id)
	return -1
}

// TestEntityMoney: money in and out, and capacity, of named entities at a
// date, summed by hand from the deals that name them.
func TestEntityMoney(t *testing.T) {
	d := loadFile(t, bundled)
	a := analysis.New(d)
	type money struct {
		total              float64
		deals, undisclosed int
	}
	for _, tc := range []struct {
		entity, asOf     string
		in, out          money
		boughtMW, soldMW float64
	}{
		// Oracle by 2025-06-30. In: nothing yet (d16 is 2025-07-22).
		// Out: d03-oracle-stargate $7B (2025-01) + d24-oracle-nvidia $40B
		// (2025-05) + d25-oracle-abilene-jv undisclosed (2025-05) = $47B
		// in 3 deals, 1 undisclosed; d25 brings 1,200 MW.
		{"oracle", "2025-06-30", money{0, 0, 0}, money{47 * billion, 3, 1}, 1200, 0},
		// Oracle by 2025-10-31. In: d16-openai-oracle $30B (2025-07-22) +
		// d17-openai-oracle $300B (2025-09) + d28-meta-oracle $20B (2025-09)
		// + d101-bond-investors-oracle $18B (2025-09) = $368B in 4 deals.
		// Out: the three above + d26-oracle-vantage,
		// d26-oracle-vantage-wisconsin and d27-oracle-amd (2025-10, all
		// undisclosed) = $47B in 6 deals, 4 undisclosed. Bought: d25 1,200
		// MW + d26 1,400 MW + d26 Wisconsin 1,000 MW = 3,600 MW; sold: d16
		// 4,500 MW.
		{"oracle", "2025-10-31", money{368 * billion, 4, 0}, money{47 * billion, 6, 4}, 3600, 4500},
		// Anthropic by 2024-12-31. In: d44-amazon-anthropic-2023 $4B +
		// d44-amazon-anthropic-2024 $4B + d46-google-anthropic-initial
		// $0.3B + d46-google-anthropic-2023 $2B = $10.3B in 4 deals. Out:
		// d45-anthropic-amazon, undisclosed.
		{"anthropic", "2024-12-31", money{10.3 * billion, 4, 0}, money{0, 1, 1}, 0, 0},
		// Anthropic with every deal. In: $10.3B above + d46 2025 $1B + d48
		// Nvidia up to $10B + d49 Microsoft up to $5B + d64 Amazon up to
		// $25B + d65 GIC $1.5B + d65 Coatue $1.5B + d86 Google up to $40B =
		// $94.3B, and d65 MGX and the eight d91 investors undisclosed: 20
		// deals, 9 undisclosed. Out: d50 Microsoft $30B + d52 Fluidstack
		// $50B + d64 Amazon $100B + d85 Broadcom $21B + d87 Google $200B +
		// d89 SpaceX $45B + d90 Akamai $1.8B = $447.8B, and d45, d47, d51,
		// d84 (Broadcom), d84 (Google), d88 and d92 undisclosed: 14 deals,
		// 7 undisclosed. Bought: d47 1,000 + d50 1,000 + d51 1,000 + d64
		// 5,000 + d84 Broadcom 3,500 + d89 300 = 11,800 MW.
		{"anthropic", "", money{94.3 * billion, 20, 9}, money{447.8 * billion, 14, 7}, 11800, 0},
	} {
		name := tc.entity + " by " + tc.asOf
		if tc.asOf == "" {
			name = tc.entity + " with every deal"
		}
		t.Run(name, func(t *testing.T) {
			f := a.At(date(t, tc.asOf)).Entities[entityIndex(t, d, tc.entity)]
			for _, m := range []struct {
				name string
				got  analysis.Money
				want money
			}{{"in", f.In, tc.in}, {"out", f.Out, tc.out}} {
				if !near(m.got.Total, m.want.total) || m.got.Deals != m.want.deals || m.got.Undisclosed != m.want.undisclosed {
					t.Errorf("%s: $%.2fB in %d deals, %d undisclosed; want $%.2fB in %d, %d undisclosed",
						m.name, m.got.Total/billion, m.got.Deals, m.got.Undisclosed, m.want.total/billion, m.want.deals, m.want.undisclosed)
				}
			}
			if f.BoughtMW != tc.boughtMW || f.SoldMW != tc.soldMW {
				t.Errorf("bought %v MW, sold %v MW; want %v and %v", f.BoughtMW, f.SoldMW, tc.boughtMW, tc.soldMW)
			}
		})
	}
}

// near compares sums of amounts, which add in floating point.
func near(a, b float64) bool { return a-b < 1 && b-a < 1 }

// TestNvidiaOpenAIOracleLoop: the loop Nvidia → OpenAI → Oracle → Nvidia
// closes on 2025-07-22, when OpenAI's first Oracle contract (d16) joins
// Nvidia's stake in OpenAI (d02, 2024-10) and Oracle's Nvidia chips (d24,
// 2025-05); the day before there is no OpenAI → Oracle deal.
func TestNvidiaOpenAIOracleLoop(t *testing.T) {
	d := loadFile(t, bundled)
	a := analysis.New(d)
	type hop struct {
		deals []string
		total float64
	}
	for _, tc := range []struct {
		asOf      string
		hops      []hop // nvidia → openai, openai → oracle, oracle → nvidia; nil: no loop
		roundTrip float64
		known     bool
		disclosed float64
	}{
		{"2025-07-21", nil, 0, false, 0},
		// d02's amount is undisclosed: the round trip is unknown.
		{"2025-07-22", []hop{{[]string{"d02-nvidia-openai"}, 0}, {[]string{"d16-openai-oracle"}, 30 * billion},
			{[]string{"d24-oracle-nvidia"}, 40 * billion}}, 0, false, 70 * billion},
		// By 2025-10: d09 (2025-09, up to $100B) and d17 (2025-09, $300B)
		// join. Hops $100B, $30B + $300B = $330B, $40B: the round trip is
		// the smallest, $40B; $470B is disclosed round it.
		{"2025-10-31", []hop{{[]string{"d02-nvidia-openai", "d09-nvidia-openai"}, 100 * billion},
			{[]string{"d16-openai-oracle", "d17-openai-oracle"}, 330 * billion},
			{[]string{"d24-oracle-nvidia"}, 40 * billion}}, 40 * billion, true, 470 * billion},
	} {
		t.Run(tc.asOf, func(t *testing.T) {
			s := a.At(date(t, tc.asOf))
			var found *analysis.LoopInfo
			for k := range s.Loops {
				if strings.Join(ids(d, s.Loops[k].Entities), " ") == "nvidia openai oracle" {
					found = &s.Loops[k]
				}
			}
			if tc.hops == nil {
				if found != nil {
					t.Fatalf("the loop exists: %+v", *found)
				}
				return
			}
			if found == nil {
				t.Fatal("no loop nvidia → openai → oracle")
			}
			for i, h := range found.Hops {
				var got []string
				for _, x := range h.Deals {
					got = append(got, d.Deals[x].ID)
				}
				if !slices.Equal(got, tc.hops[i].deals) || !near(h.Total, tc.hops[i].total) {
					t.Errorf("hop %d: %v, $%.0fB; want %v, $%.0fB", i, got, h.Total/billion, tc.hops[i].deals, tc.hops[i].total/billion)
				}
			}
			if found.RoundTripKnown != tc.known || !near(found.RoundTrip, tc.roundTrip) || !near(found.Disclosed, tc.disclosed) {
				t.Errorf("round trip $%.0fB (known %v), $%.0fB disclosed; want $%.0fB (%v), $%.0fB",
					found.RoundTrip/billion, found.RoundTripKnown, found.Disclosed/billion, tc.roundTrip/billion, tc.known, tc.disclosed/billion)
			}
			if got := found.Closed.String(); got != "2025-07-22" {
				t.Errorf("closed %s, want 2025-07-22", got)
			}
		})
	}
}

// TestLoopsByHand lists every loop at two early dates, read off the deals:
// by 2024-12-31 only Amazon's stakes in Anthropic (d44) and Anthropic's
// compute from Amazon (d45) go round. By 2025-03-31 CoreWeave's contract
// with OpenAI (d18) and its warrants to it (d19), Nvidia's stake in
// CoreWeave (d29, d30) and CoreWeave's Nvidia chips (loop4-coreweave-nvidia)
// close two loops of two, Nvidia's Lambda deal (d42, dated 2025, so
// 2025-01-01) and Lambda's Nvidia systems (loop15-lambda-nvidia, 2025) a
// third, and Nvidia's stake in OpenAI (d02) one of three: nvidia → openai →
// coreweave → nvidia.
func TestLoopsByHand(t *testing.T) {
	d := loadFile(t, bundled)
	a := analysis.New(d)
	for asOf, want := range map[string][]string{
		"2024-12-31": {"amazon anthropic"},
		"2025-03-31": {"amazon anthropic", "coreweave nvidia", "coreweave openai", "lambda nvidia", "coreweave nvidia openai"},
	} {
		s := a.At(date(t, asOf))
		var got []string
		for _, l := range s.Loops {
			got = append(got, strings.Join(ids(d, l.Entities), " "))
		}
		if !slices.Equal(got, want) {
			t.Errorf("loops by %s: %q, want %q", asOf, got, want)
		}
	}
}

// TestLoopCountsAgainstGonum counts the loops of every shipped dataset at
// every date of its timeline, and with every deal, against gonum's
// topo.DirectedCyclesIn over a money graph built here from the file's JSON
// (not through the dataset package): one edge for each pair of entities
// with a deal that is not terminated and is dated on or before the date.
func TestLoopCountsAgainstGonum(t *testing.T) {
	examples, err := filepath.Glob("../../data/examples/*.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range append([]string{bundled}, examples...) {
		t.Run(path[strings.LastIndex(path, "/")+1:], func(t *testing.T) {
			doc, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var raw struct {
				Deals []struct{ From, To, Status, Date string }
			}
			if err := json.Unmarshal(doc, &raw); err != nil {
				t.Fatal(err)
			}
			d := loadFile(t, path)
			a := analysis.New(d)
			checked, truncated := 0, 0
			for _, asOf := range append([]dataset.Date{{}}, a.Dates()...) {
				s := a.At(asOf)
				if s.Truncated {
					truncated++
					continue
				}
				g := simple.NewDirectedGraph()
				node := map[string]simple.Node{}
				for _, x := range raw.Deals {
					if x.Status == "terminated" || x.From == x.To || !asOf.IsZero() && firstDay(x.Date) > firstDay(asOf.String()) {
						continue
					}
					for _, id := range []string{x.From, x.To} {
						if _, ok := node[id]; !ok {
							node[id] = simple.Node(len(node))
							g.AddNode(node[id])
						}
					}
					g.SetEdge(simple.Edge{F: node[x.From], T: node[x.To]})
				}
				if want := len(topo.DirectedCyclesIn(g)); len(s.Loops) != want {
					t.Errorf("by %q: %d loops, gonum finds %d", asOf, len(s.Loops), want)
				}
				checked++
			}
			if checked < 2 {
				t.Errorf("only %d dates checked (%d with more loops than the format keeps)", checked, truncated)
			}
			t.Logf("%d dates checked, %d skipped with more loops than the format keeps", checked, truncated)
		})
	}
}

// firstDay is a date of the format as the day it counts from: 2025 is
// 2025-01-01 and 2025-10 is 2025-10-01.
func firstDay(s string) string {
	return s + "-01-01"[len(s)-4:]
}
