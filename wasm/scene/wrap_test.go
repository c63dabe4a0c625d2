package scene_test

import (
	"reflect"
	"testing"

	"ouroboros/wasm/scene"
)

func TestWrapWords(t *testing.T) {
	chars := func(s string) float64 { return float64(len(s)) }
	for _, tc := range []struct {
		name string
		s    string
		max  float64
		want []string
	}{
		{"fits", "Who pays whom", 20, []string{"Who pays whom"}},
		{"breaks at spaces", "Who pays whom in the boom", 10, []string{"Who pays", "whom in", "the boom"}},
		{"long word alone", "a Supercalifragilistic b", 6, []string{"a", "Supercalifragilistic", "b"}},
		{"extra spaces folded", "  a   b  ", 10, []string{"a b"}},
		{"empty", "", 10, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := scene.WrapWords(tc.s, tc.max, chars); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
