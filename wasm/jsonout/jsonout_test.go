package jsonout_test

import (
	"encoding/json"
	"math"
	"testing"

	"ouroboros/wasm/jsonout"
)

// String writes any text as encoding/json does: its escapes, HTML
// characters, invalid UTF-8 and U+2028.
func FuzzString(f *testing.F) {
	for _, s := range []string{"", "plain", `"quoted" \ back`, "<b>&</b>", "\x00\x1f\t\n\r\b\f", "\xff\xfe bad", "a\u2028b\u2029", "ünïcødé 日本"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := jsonout.String(nil, s); string(got) != string(want) {
			t.Errorf("%q: got %s, want %s", s, got, want)
		}
	})
}

// Number writes any float as encoding/json does, and null for what it
// refuses (NaN, ±Inf).
func FuzzNumber(f *testing.F) {
	for _, v := range []float64{0, math.Copysign(0, -1), 1, -2.5, 1e-7, 1e-6, 1e20, 1e21, 123456789.125, math.SmallestNonzeroFloat64, math.MaxFloat64, math.NaN(), math.Inf(1)} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v float64) {
		got := string(jsonout.Number(nil, v))
		if math.IsNaN(v) || math.IsInf(v, 0) {
			if got != "null" {
				t.Errorf("%v: got %s, want null", v, got)
			}
			return
		}
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if got != string(want) {
			t.Errorf("%v: got %s, want %s", v, got, want)
		}
	})
}

// Lists and maps: nil is null, empty is empty, a map's keys in order and
// escaped, pointers null when nil.
func TestListsMapsAndPointers(t *testing.T) {
	one := func(b []byte, i *int) []byte { return jsonout.IntPtr(b, i) }
	x, s := 2.5, "s"
	n := 7
	cases := map[string]struct{ got, want string }{
		"nil list":    {string(jsonout.List[int](nil, nil, one)), "null"},
		"empty list":  {string(jsonout.List(nil, []int{}, one)), "[]"},
		"list":        {string(jsonout.List(nil, []int{1, 2}, one)), "[1,2]"},
		"nil strings": {string(jsonout.Strings(nil, nil)), "null"},
		"strings":     {string(jsonout.Strings(nil, []string{"a", "<"})), `["a","\u003c"]`},
		"keys":        {string(jsonout.Strings(nil, jsonout.Keys(map[string]int{"b": 1, "a": 2, "B": 3}))), `["B","a","b"]`},
		"nil map":     {string(jsonout.Map[*int](nil, nil, jsonout.IntPtr)), "null"},
		"empty map":   {string(jsonout.Map(nil, map[string]*int{}, jsonout.IntPtr)), "{}"},
		"map":         {string(jsonout.Map(nil, map[string]*int{"b": &n, "<a>": nil}, jsonout.IntPtr)), `{"\u003ca\u003e":null,"b":7}`},
		"nil float":   {string(jsonout.FloatPtr(nil, nil)), "null"},
		"float":       {string(jsonout.FloatPtr(nil, &x)), "2.5"},
		"nil string":  {string(jsonout.StringPtr(nil, nil)), "null"},
		"string":      {string(jsonout.StringPtr(nil, &s)), `"s"`},
		"nil int":     {string(jsonout.IntPtr(nil, nil)), "null"},
		"int":         {string(jsonout.IntPtr(nil, &n)), "7"},
	}
	for name, c := range cases {
		if c.got != c.want {
			t.Errorf("%s: got %s, want %s", name, c.got, c.want)
		}
	}
}
