package scene_test

import (
	"testing"

	"ouroboros/wasm/scene"
)

func TestMoney(t *testing.T) {
	for _, tc := range []struct {
		v        float64
		currency string
		want     string
	}{
		{100e9, "USD", "$100B"},
		{1.5e9, "USD", "$1.5B"},
		{1e9, "", "$1B"},
		{300e9, "USD", "$300B"},
		{2.25e12, "USD", "$2.3T"},
		{999, "USD", "$999"},
		{12.5e6, "EUR", "EUR 12.5M"},
		{40e3, "USD", "$40K"},
		{1234.5e6, "USD", "$1.2B"},
	} {
		if got := scene.Money(tc.v, tc.currency); got != tc.want {
			t.Errorf("Money(%v, %q) = %q, want %q", tc.v, tc.currency, got, tc.want)
		}
	}
}

func TestCapacity(t *testing.T) {
	for mw, want := range map[float64]string{300: "300 MW", 60: "60 MW", 1000: "1 GW", 6000: "6 GW", 1500: "1.5 GW", 4520: "4.52 GW", 2.5: "2.5 MW"} {
		if got := scene.Capacity(mw); got != want {
			t.Errorf("Capacity(%v) = %q, want %q", mw, got, want)
		}
	}
}
