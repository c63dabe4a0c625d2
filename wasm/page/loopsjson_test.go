package page_test

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/dataset/datasettest"
	"ouroboros/wasm/page"
)

// The state's loops are written by hand (page.appendLoops), not by
// encoding/json: the page must read the very bytes encoding/json would
// have written, for every loop of the bundled dataset at every date.
func TestLoopsJSONIsEncodingJSON(t *testing.T) {
	d := datasettest.Bundled(t)
	an := analysis.New(d)
	dates := append([]dataset.Date{{}}, an.Dates()...)
	n := 0
	for _, at := range dates {
		loops := page.Loops(d, an.At(at))
		sameAsEncodingJSON(t, at.String(), loops)
		n += len(loops)
	}
	if n < 1000 {
		t.Fatalf("only %d loops over %d dates: is the bundled dataset read?", n, len(dates))
	}
	sameAsEncodingJSON(t, "no loops", []page.Loop{})
	sameAsEncodingJSON(t, "nil", nil)
}

// FuzzLoopsJSON holds the hand-written JSON to encoding/json's for any
// text in a loop (escapes, HTML, invalid UTF-8, U+2028), any round trip and
// any rank; a round trip encoding/json refuses (NaN, ±Inf) is written null.
func FuzzLoopsJSON(f *testing.F) {
	f.Add("openai", "deal \"one\" <b>&</b>", "about $1.3B", 1.3e9, 1)
	f.Add("a\u2028b\u2029", "\x00\x1f\t\n\r\b\f\\", "\xff\xfe bad", 1e-7, -3)
	f.Add("ünïcødé 日本", "", "∞", 1e21, 0)
	f.Add("x", "y", "z", math.NaN(), 2)
	f.Add("x", "y", "z", -0.0, 10000)
	f.Fuzz(func(t *testing.T, id, deal, text string, value float64, rank int) {
		r := rank
		loops := []page.Loop{
			{Entities: []string{id, deal}, Deals: []string{deal}, RoundTripValue: &value, RoundTripText: text, Kind: "circular", Rank: &r, KindText: text},
			{Entities: []string{}, Deals: nil, Kind: id, KindText: deal},
		}
		if math.IsNaN(value) || math.IsInf(value, 0) {
			got := string(page.AppendLoops(nil, loops))
			loops[0].RoundTripValue = nil
			want, err := json.Marshal(loops)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("a round trip of %v:\n got %s\nwant %s", value, got, want)
			}
			return
		}
		sameAsEncodingJSON(t, "fuzzed", loops)
	})
}

func sameAsEncodingJSON(t *testing.T, what string, loops []page.Loop) {
	t.Helper()
	want, err := json.Marshal(loops)
	if err != nil {
		t.Fatal(err)
	}
	if got := page.AppendLoops(nil, loops); !bytes.Equal(got, want) {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		t.Errorf("%s: the loops' JSON differs from encoding/json's at byte %d:\n got …%.80s\nwant …%.80s", what, i, got[i:], want[i:])
	}
}
