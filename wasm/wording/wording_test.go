package wording_test

import (
	"slices"
	"testing"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/wording"
	"ouroboros/wasm/words"
)

func TestMoney(t *testing.T) {
	for _, tc := range []struct {
		name     string
		v        float64
		currency string
		want     string
	}{
		{"billions", 100e9, "USD", "$100B"},
		{"one decimal", 1.5e9, "USD", "$1.5B"},
		{"no currency is dollars", 1e9, "", "$1B"},
		{"none from 100 up", 300e9, "USD", "$300B"},
		{"trillions", 2.25e12, "USD", "$2.3T"},
		{"under a thousand", 999, "USD", "$999"},
		{"another currency", 12.5e6, "EUR", "EUR 12.5M"},
		{"thousands", 40e3, "USD", "$40K"},
		{"rounded to a tenth", 1234.5e6, "USD", "$1.2B"},
		{"rounding up to the next unit's figure", 99.96e9, "USD", "$100B"},
		{"zero", 0, "USD", "$0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := wording.Money(tc.v, tc.currency); got != tc.want {
				t.Errorf("Money(%v, %q) = %q, want %q", tc.v, tc.currency, got, tc.want)
			}
		})
	}
}

func TestAmount(t *testing.T) {
	for _, tc := range []struct {
		name     string
		a        *dataset.Amount
		currency string
		want     string
	}{
		{"undisclosed", nil, "USD", "undisclosed"},
		{"exact", &dataset.Amount{Value: 300e9}, "USD", "$300B"},
		{"a ceiling", &dataset.Amount{Value: 100e9, UpTo: true}, "USD", "up to $100B"},
		{"an estimate", &dataset.Amount{Value: 40e9, Estimate: true}, "USD", "about $40B"},
		{"an estimate in euros", &dataset.Amount{Value: 6.3e9, Estimate: true}, "EUR", "about EUR 6.3B"},
		{"a ceiling wins over an estimate", &dataset.Amount{Value: 1e9, UpTo: true, Estimate: true}, "USD", "up to $1B"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := wording.Amount(tc.a, tc.currency); got != tc.want {
				t.Errorf("Amount(%+v, %q) = %q, want %q", tc.a, tc.currency, got, tc.want)
			}
		})
	}
}

func TestKnown(t *testing.T) {
	v := 11e9
	for _, tc := range []struct {
		name string
		v    *float64
		want string
	}{
		{"known", &v, "$11B"},
		{"unknown", nil, "undisclosed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := wording.Known(tc.v, "USD"); got != tc.want {
				t.Errorf("Known = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestCapacity(t *testing.T) {
	for _, tc := range []struct {
		name string
		mw   float64
		want string
	}{
		{"megawatts", 300, "300 MW"},
		{"a few", 60, "60 MW"},
		{"a fraction", 2.5, "2.5 MW"},
		{"one gigawatt", 1000, "1 GW"},
		{"gigawatts", 6000, "6 GW"},
		{"one decimal", 1500, "1.5 GW"},
		{"two decimals at most", 4523, "4.52 GW"},
		{"none", 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := wording.Capacity(tc.mw); got != tc.want {
				t.Errorf("Capacity(%v) = %q, want %q", tc.mw, got, tc.want)
			}
		})
	}
}

func TestShare(t *testing.T) {
	f := func(x float64) *float64 { return &x }
	for _, tc := range []struct {
		name string
		x    *float64
		want string
	}{
		{"part", f(0.4), "40%"},
		{"rounded", f(0.126), "13%"},
		{"all", f(1), "100%"},
		{"unknown", nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := wording.Share(tc.x); got != tc.want {
				t.Errorf("Share = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSize(t *testing.T) {
	for _, tc := range []struct {
		name  string
		bytes int64
		want  string
	}{
		{"megabytes", 3_250_000, "3.1 MB"},
		{"whole", 8 << 20, "8.0 MB"},
		{"small", 1000, "0.0 MB"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := wording.Size(tc.bytes); got != tc.want {
				t.Errorf("Size(%d) = %q, want %q", tc.bytes, got, tc.want)
			}
		})
	}
}

func TestDate(t *testing.T) {
	for _, tc := range []struct {
		in, want string
	}{{"2025", "2025"}, {"2025-09", "2025-09"}, {"2025-09-22", "2025-09-22"}, {"", ""}} {
		t.Run(tc.in, func(t *testing.T) {
			var d dataset.Date
			if tc.in != "" {
				var err error
				if d, err = dataset.ParseDate(tc.in); err != nil {
					t.Fatal(err)
				}
			}
			if got := wording.Date(d); got != tc.want {
				t.Errorf("Date(%s) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestEnumerations(t *testing.T) {
	if got, want := wording.DealTypes(), []string{"equity", "compute", "chips", "power", "warrants", "debt", "backstop", "acquisition"}; !slices.Equal(got, want) {
		t.Errorf("DealTypes() = %q, want %q", got, want)
	}
	if got, want := wording.Statuses(), []string{"talks", "loi", "announced", "reported", "definitive", "completed", "terminated"}; !slices.Equal(got, want) {
		t.Errorf("Statuses() = %q, want %q", got, want)
	}
	if got := wording.Status(dataset.Definitive); got != "definitive" {
		t.Errorf("Status(Definitive) = %q", got)
	}
	if got := wording.DealType(dataset.Compute); got != "compute" {
		t.Errorf("DealType(Compute) = %q", got)
	}
}

// TestImports keeps the package at the bottom of the house: the dataset
// model, the chrome's words and the standard library only.
func TestImports(t *testing.T) {
	pkgs := importsOf(t)
	for _, p := range pkgs {
		if p != "ouroboros/wasm/dataset" && p != "ouroboros/wasm/words" && p != "math" && p != "strconv" {
			t.Errorf("wording imports %s", p)
		}
	}
}

// A German table writes every figure in German: its scale words, its
// words around an amount, its decimal comma. Not parallel: Use sets the
// package's table.
func TestFiguresFollowTheTable(t *testing.T) {
	de, _ := words.English().In("de-DE").With(map[string]string{
		"money.billion": " Mrd.", "money.upTo": "bis zu {amount}", "money.undisclosed": "nicht genannt",
	})
	wording.Use(de)
	defer wording.Use(words.English())
	for _, c := range []struct{ name, got, want string }{
		{"money", wording.Money(1.5e9, "EUR"), "EUR 1,5 Mrd."},
		{"up to", wording.Amount(&dataset.Amount{Value: 100e9, UpTo: true}, ""), "bis zu $100 Mrd."},
		{"undisclosed", wording.Amount(nil, ""), "nicht genannt"},
		{"capacity", wording.Capacity(1250), "1,25 GW"},
	} {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, c.got, c.want)
		}
	}
}
