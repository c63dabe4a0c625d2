package dataset_test

import (
	"testing"

	"ouroboros/wasm/dataset"
)

func TestDealTypeWords(t *testing.T) {
	words := []string{"equity", "compute", "chips", "power", "warrants", "debt", "backstop", "acquisition"}
	for i, w := range words {
		t.Run(w, func(t *testing.T) {
			if got := dataset.DealType(i).String(); got != w {
				t.Errorf("String() = %q, want %q", got, w)
			}
			got, err := dataset.ParseDealType(w)
			if err != nil || got != dataset.DealType(i) {
				t.Errorf("ParseDealType = %v, %v; want %v", got, err, dataset.DealType(i))
			}
		})
	}
	if _, err := dataset.ParseDealType("Equity"); err == nil {
		t.Error("ParseDealType accepted a capitalised word")
	}
	if got := dataset.DealType(99).String(); got != "DealType(99)" {
		t.Errorf("out of range: got %q", got)
	}
}

func TestStatusWords(t *testing.T) {
	words := []string{"talks", "loi", "announced", "reported", "definitive", "completed", "terminated"}
	for i, w := range words {
		t.Run(w, func(t *testing.T) {
			if got := dataset.Status(i).String(); got != w {
				t.Errorf("String() = %q, want %q", got, w)
			}
			got, err := dataset.ParseStatus(w)
			if err != nil || got != dataset.Status(i) {
				t.Errorf("ParseStatus = %v, %v; want %v", got, err, dataset.Status(i))
			}
		})
	}
	if _, err := dataset.ParseStatus("LOI"); err == nil {
		t.Error("ParseStatus accepted a capitalised word")
	}
}

func TestTierWords(t *testing.T) {
	tests := []struct {
		tier dataset.Tier
		want string
	}{
		{dataset.NoTier, ""},
		{dataset.TierA, "A"},
		{dataset.TierB, "B"},
		{dataset.TierC, "C"},
		{dataset.Tier(7), "Tier(7)"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := tt.tier.String(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
