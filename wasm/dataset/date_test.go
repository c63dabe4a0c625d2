package dataset_test

import (
	"encoding/json"
	"errors"
	"testing"

	"ouroboros/wasm/dataset"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    dataset.Date
		wantErr string
	}{
		{in: "2025", want: dataset.Date{Year: 2025}},
		{in: "2025-03", want: dataset.Date{Year: 2025, Month: 3}},
		{in: "2025-03-09", want: dataset.Date{Year: 2025, Month: 3, Day: 9}},
		{in: "1000", want: dataset.Date{Year: 1000}},
		{in: "9999-12-31", want: dataset.Date{Year: 9999, Month: 12, Day: 31}},
		{in: "2024-02-29", want: dataset.Date{Year: 2024, Month: 2, Day: 29}},
		{in: "2000-02-29", want: dataset.Date{Year: 2000, Month: 2, Day: 29}},
		{in: "1900-02-29", wantErr: `"1900-02-29" is not a valid date: February 1900 has 28 days`},
		{in: "2025-02-29", wantErr: `"2025-02-29" is not a valid date: February 2025 has 28 days`},
		{in: "2025-04-31", wantErr: `"2025-04-31" is not a valid date: April 2025 has 30 days`},
		{in: "2025-13", wantErr: `"2025-13" is not a valid date: the month must be from 01 to 12`},
		{in: "2025-00-10", wantErr: `"2025-00-10" is not a valid date: the month must be from 01 to 12`},
		{in: "2025-01-00", wantErr: `"2025-01-00" is not a valid date: the day must be 01 or later`},
		{in: "0999", wantErr: `"0999" is not a valid date: the year must be from 1000 to 9999`},
		{in: "0000", wantErr: `"0000" is not a valid date: the year must be from 1000 to 9999`},
		{in: "", wantErr: `"" is not a valid date: use YYYY, YYYY-MM or YYYY-MM-DD`},
		{in: "2025-3", wantErr: `"2025-3" is not a valid date: use YYYY, YYYY-MM or YYYY-MM-DD`},
		{in: "2025-03-9", wantErr: `"2025-03-9" is not a valid date: use YYYY, YYYY-MM or YYYY-MM-DD`},
		{in: "2025/03/09", wantErr: `"2025/03/09" is not a valid date: use YYYY, YYYY-MM or YYYY-MM-DD`},
		{in: "25-03-09", wantErr: `"25-03-09" is not a valid date: use YYYY, YYYY-MM or YYYY-MM-DD`},
		{in: "+025-03-09", wantErr: `"+025-03-09" is not a valid date: use YYYY, YYYY-MM or YYYY-MM-DD`},
		{in: "2025-03-09T10:00", wantErr: `"2025-03-09T10:00" is not a valid date: use YYYY, YYYY-MM or YYYY-MM-DD`},
		{in: "２０２５", wantErr: `"２０２５" is not a valid date: use YYYY, YYYY-MM or YYYY-MM-DD`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := dataset.ParseDate(tt.in)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr || !errors.Is(err, dataset.ErrDate) {
					t.Fatalf("got %v, %v; want error %q wrapping ErrDate", got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("got %v, %v; want %v", got, err, tt.want)
			}
			if s := got.String(); s != tt.in {
				t.Errorf("String() = %q, want %q", s, tt.in)
			}
		})
	}
}

func TestDateCompare(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"2025", "2025-01", 0},
		{"2025", "2025-01-01", 0},
		{"2025-01", "2025-01-01", 0},
		{"2025", "2025-01-02", -1},
		{"2025-02", "2025-01-31", 1},
		{"2024-12-31", "2025", -1},
		{"2025-03", "2025-03-01", 0},
		{"2025-03-02", "2025-03", 1},
		{"2026", "2025-12-31", 1},
	}
	for _, tt := range tests {
		t.Run(tt.a+" vs "+tt.b, func(t *testing.T) {
			a, b := mustDate(t, tt.a), mustDate(t, tt.b)
			if got := a.Compare(b); got != tt.want {
				t.Errorf("Compare = %d, want %d", got, tt.want)
			}
			if got := b.Compare(a); got != -tt.want {
				t.Errorf("reverse Compare = %d, want %d", got, -tt.want)
			}
			if got := a.Key() - b.Key(); sign(got) != tt.want {
				t.Errorf("Key difference %d, want sign %d", got, tt.want)
			}
		})
	}
}

func TestDateKey(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"2025", 20250101},
		{"2025-07", 20250701},
		{"2025-07-19", 20250719},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := mustDate(t, tt.in).Key(); got != tt.want {
				t.Errorf("got %d, want %d", got, tt.want)
			}
		})
	}
}

func TestDateJSON(t *testing.T) {
	type wrapper struct {
		D dataset.Date
	}
	tests := []struct {
		name string
		in   dataset.Date
		want string
	}{
		{"year", dataset.Date{Year: 2025}, `{"D":"2025"}`},
		{"month", dataset.Date{Year: 2025, Month: 3}, `{"D":"2025-03"}`},
		{"day", dataset.Date{Year: 2025, Month: 3, Day: 9}, `{"D":"2025-03-09"}`},
		{"zero", dataset.Date{}, `{"D":""}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(wrapper{tt.in})
			if err != nil || string(b) != tt.want {
				t.Fatalf("Marshal = %s, %v; want %s", b, err, tt.want)
			}
			var got wrapper
			if err := json.Unmarshal(b, &got); err != nil || got.D != tt.in {
				t.Fatalf("Unmarshal = %v, %v; want %v", got.D, err, tt.in)
			}
		})
	}
	var w wrapper
	if err := json.Unmarshal([]byte(`{"D":"2025-02-30"}`), &w); !errors.Is(err, dataset.ErrDate) {
		t.Errorf("Unmarshal of a bad date: got %v, want ErrDate", err)
	}
}

func mustDate(t *testing.T, s string) dataset.Date {
	t.Helper()
	d, err := dataset.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}
