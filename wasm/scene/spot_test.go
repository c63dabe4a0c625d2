package scene_test

import (
	"testing"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/scene"
	"ouroboros/wasm/session"
)

// brightness is how far a disc's colour is from the background, 0 to 1
// of the way to its kind's colour.
func brightness(b *rig, d *dataset.Dataset, i int) float32 {
	k := d.Kinds[d.Entities[i].Kind].Color
	full := scene.RGBA8(k.R, k.G, k.B, 1)
	got := centreColour(b.Mesh, b.Discs[i].X, b.Discs[i].Y)
	return (got.R - scene.PaletteFor(session.Dark).Background.R) / (full.R - scene.PaletteFor(session.Dark).Background.R)
}

func TestSpotlightFadesFromStepToStep(t *testing.T) {
	d := tiny()
	b := newRig(d, network(d, dataset.Date{}))
	b.spotlight([]int{0}, nil, true) // step 1: a alone
	b.spotlight(nil, []int{1}, true) // step 2: the deal b→c, so b and c
	tests := []struct {
		mix  float32
		a, c string // "full", "faded" or "between"
	}{
		{0, "full", "faded"},
		{0.25, "between", "between"},
		{0.5, "between", "between"},
		{1, "faded", "full"},
	}
	prevA := float32(2)
	for _, tt := range tests {
		b.look.SpotMix = tt.mix
		b.Build(pos, view(0))
		for _, e := range []struct {
			i    int
			want string
		}{{0, tt.a}, {2, tt.c}} {
			got := brightness(b, d, e.i)
			var is string
			switch {
			case got > 0.999:
				is = "full"
			case got < 0.2201 && got > 0.2199:
				is = "faded"
			default:
				is = "between"
			}
			if is != e.want {
				t.Errorf("mix %v: entity %s at brightness %v, want %s", tt.mix, d.Entities[e.i].ID, got, e.want)
			}
		}
		if a := brightness(b, d, 0); a >= prevA {
			t.Errorf("mix %v: the entity leaving the spotlight does not dim steadily: %v after %v", tt.mix, a, prevA)
		}
		prevA = brightness(b, d, 0)
	}
	// A selection takes precedence over the spotlight and its fade.
	b.look.SpotMix = 0.5
	b.look.Selected = 0
	b.Build(pos, view(0))
	if a, c := brightness(b, d, 0), brightness(b, d, 2); a < 0.999 || c < 0.999 {
		t.Errorf("with a selected, brightness a %v and c %v, want both full (c is a's neighbour)", a, c)
	}
	b.look.Selected = -1
	if n := testing.AllocsPerRun(50, func() { b.Build(pos, view(1)) }); n != 0 {
		t.Errorf("a fading frame allocates %v times, want 0", n)
	}
}

func TestSpotlightStaysOnANewDate(t *testing.T) {
	d := tiny()
	b := newRig(d, network(d, dataset.Date{}))
	b.spotlight(nil, []int{1}, true) // the deal b→c of 2025
	b.net = network(d, dataset.Date{Year: 2025})
	b.Build(pos, view(0))
	for i, want := range []bool{false, true, true} {
		if b.Lit(i) != want {
			t.Errorf("on the step's date, entity %s lit %v, want %v", d.Entities[i].ID, b.Lit(i), want)
		}
	}
}
