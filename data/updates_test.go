package data_test

import (
	"strings"
	"testing"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/loops"
)

func date(t *testing.T, s string) dataset.Date {
	t.Helper()
	d, err := dataset.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestBundledLoopsAsOf pins the loops readers come for at the dates of the
// stories: the canonical circle as of October 2025, and the loops that 2026
// closed.
func TestBundledLoopsAsOf(t *testing.T) {
	d := bundled(t)
	tests := []struct {
		asOf string
		want [][]string
	}{
		{"2025-10", [][]string{{"nvidia", "openai", "oracle"}, {"coreweave", "openai"}}},
		{"2025-10-31", [][]string{{"nvidia", "openai", "oracle"}, {"amd", "openai"}, {"amd", "openai", "oracle"}}},
		{"2026-03-31", [][]string{{"nebius", "nvidia"}, {"nscale", "nvidia"}, {"amd", "meta"}, {"lambda", "nvidia"}}},
		{"2026-06-15", [][]string{{"anthropic", "google"}, {"amazon", "anthropic"}, {"amazon", "openai"}, {"cerebras", "openai"}, {"anthropic", "microsoft", "nvidia"}}},
	}
	for _, tt := range tests {
		t.Run(tt.asOf, func(t *testing.T) {
			found := map[string]bool{}
			for _, lp := range loops.Find(d, date(t, tt.asOf), loops.Limit).Loops {
				found[strings.Join(lp.EntityIDs(d), " ")] = true
			}
			for _, want := range tt.want {
				if !found[strings.Join(want, " ")] {
					t.Errorf("no loop %v as of %s", want, tt.asOf)
				}
			}
		})
	}
}

// TestBundledUpdates pins the 2026 changes that the fact base's §2 gives
// as updates of earlier deals.
func TestBundledUpdates(t *testing.T) {
	d := bundled(t)
	deal := func(id string) *dataset.Deal {
		t.Helper()
		i, ok := d.DealIndex[id]
		if !ok {
			t.Fatalf("no deal %s", id)
		}
		return &d.Deals[i]
	}
	// The $100B letter stays a letter, walked back by an update in 2026.
	d09 := deal("d09-nvidia-openai")
	if now := d09.Current(); now.Status != dataset.LOI || now.Amount == nil || !now.Amount.UpTo || now.Amount.Value != 100e9 {
		t.Errorf("d09 now: %v %+v; want an LOI of up to $100B", now.Status, now.Amount)
	}
	if n := len(d09.Updates); n == 0 || d09.Updates[n-1].Date.Year != 2026 || !strings.Contains(d09.Updates[n-1].Summary, "Walked back") {
		t.Errorf("d09 has no 2026 update that walks it back: %+v", d09.Updates)
	}
	// Cerebras grows from more than $10B to more than $20B.
	c := deal("d14-openai-cerebras")
	if a, b := c.At(date(t, "2026-03")).Amount.Value, c.Current().Amount.Value; a != 10e9 || b != 20e9 {
		t.Errorf("Cerebras: %v in March 2026, %v now; want 10e9 then 20e9", a, b)
	}
	// The Abilene expansion ends terminated.
	for _, id := range []string{"d72-oracle-crusoe", "d72-openai-crusoe"} {
		if x := deal(id); x.Current().Status != dataset.Terminated || x.Status == dataset.Terminated {
			t.Errorf("%s: %v as announced, %v now; want talks that end terminated", id, x.Status, x.Current().Status)
		}
	}
	// D13 no longer carries the $10B order, which was Anthropic's (D85).
	if x := deal("d13-openai-broadcom"); x.Amount != nil || strings.Contains(x.Summary, "$10 billion") || len(x.Updates) == 0 {
		t.Errorf("d13: amount %v, summary %q, %d updates", x.Amount, x.Summary, len(x.Updates))
	}
	if x := deal("d85-anthropic-broadcom").Current(); x.Amount == nil || x.Amount.Value != 21e9 {
		t.Errorf("d85 now: %+v; want $21B", x.Amount)
	}
	if got, want := d.AsOf, date(t, "2026-12-04"); got != want {
		t.Errorf("asOf %v; want %v, the date the facts were checked", got, want)
	}
}
