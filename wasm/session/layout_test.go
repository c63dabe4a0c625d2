package session_test

import (
	"math"
	"testing"

	"ouroboros/wasm/session"
)

func TestLayoutAspect(t *testing.T) {
	for _, tc := range []struct {
		name string
		v    session.View
		want float64
	}{
		{"square", session.View{Width: 624, Height: 624, DPR: 1}, 1},
		{"phone is tall but not a strip", session.View{Width: 390, Height: 844, DPR: 1, TopInset: 60}, 0.55},
		{"desktop", session.View{Width: 1304, Height: 824, DPR: 1}, 1280.0 / 800},
		{"very wide", session.View{Width: 3000, Height: 600, DPR: 1}, 1.9},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := session.LayoutAspect(tc.v); math.Abs(got-tc.want) > 1e-9 {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
	if session.Reshape(1.5, 1.6) || !session.Reshape(1.6, 0.6) || !session.Reshape(0.6, 1.0) {
		t.Error("Reshape: want small changes kept, large ones reshaped")
	}
}
