package session

import (
	"math"
	"testing"
)

func TestAreaKeepsTheLayoutsShape(t *testing.T) {
	for _, tc := range []struct {
		name   string
		v      View
		aspect float64
	}{
		{"square in landscape", View{Width: 1000, Height: 600, DPR: 1}, 1},
		{"wide in landscape", View{Width: 1000, Height: 600, DPR: 1, Aspect: 1.6}, 1.6},
		{"tall in portrait", View{Width: 390, Height: 844, DPR: 2, TopInset: 60, Aspect: 0.5}, 0.5},
		{"wide in portrait", View{Width: 390, Height: 844, DPR: 1, Aspect: 2}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x, y, w, h := Area(tc.v)
			fx, fy, fw, fh := Free(tc.v)
			if math.Abs(w/h-tc.aspect) > 1e-9 {
				t.Errorf("area %v×%v, want aspect %v", w, h, tc.aspect)
			}
			if x < fx-1e-9 || y < fy-1e-9 || x+w > fx+fw+1e-9 || y+h > fy+fh+1e-9 {
				t.Errorf("area %v,%v %v×%v outside the free space %v,%v %v×%v", x, y, w, h, fx, fy, fw, fh)
			}
			if math.Abs(w-fw) > 1e-9 && math.Abs(h-fh) > 1e-9 {
				t.Errorf("area %v×%v touches neither side of the free %v×%v", w, h, fw, fh)
			}
		})
	}
}
