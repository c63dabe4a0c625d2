package scene_test

import (
	"math"
	"reflect"
	"testing"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/scene"
	"ouroboros/wasm/session"
)

// drawn is everything a frame shows and answers, copied out of it.
type drawn struct {
	Vertices       []scene.Vertex
	Indices        []uint16
	Batches        []scene.Batch
	Discs          []scene.Disc
	Labels         []scene.Label
	Figures        []scene.Figure
	Fitted         [][2]float64
	Lit, Shown     []bool
	Deals, Figured int
	Detail         scene.DetailCounts
	Network        *scene.Network
	At, EdgeAt     []int
}

func copyOut(f *scene.Frame, n int) drawn {
	d := drawn{
		Vertices: append([]scene.Vertex(nil), f.Mesh.Vertices...),
		Indices:  append([]uint16(nil), f.Mesh.Indices...),
		Batches:  append([]scene.Batch(nil), f.Mesh.Batches...),
		Discs:    append([]scene.Disc(nil), f.Discs...),
		Labels:   append([]scene.Label(nil), f.Labels...),
		Figures:  append([]scene.Figure(nil), f.Figures...),
		Fitted:   append([][2]float64(nil), f.Fitted...),
		Deals:    f.DealsShown(), Figured: f.FiguresShown(), Detail: f.Detail(), Network: f.Network(),
	}
	for i := 0; i < n; i++ {
		d.Lit = append(d.Lit, f.Lit(i))
		d.Shown = append(d.Shown, f.Shown(i))
		// What is under each disc's centre, and a little off it.
		x, y := f.Discs[i].X, f.Discs[i].Y
		d.At = append(d.At, f.EntityAt(x, y, 0))
		d.EdgeAt = append(d.EdgeAt, f.EdgeAt(x+40, y+40, 6))
	}
	return d
}

// input is one set of Build's inputs.
type input struct {
	name string
	net  *scene.Network
	look session.Look
}

// inputs are looks of the tiny network that differ in every part of the
// look: the selection, the focus, the filters, a story step and its fade,
// a loop, the date (another network), the camera and motion.
func inputs(d *dataset.Dataset) []input {
	all := network(d, dataset.Date{})
	early := network(d, dataset.Date{Year: 2025, Month: 12})
	plain := noLook()
	plain.View = view(12)
	with := func(name string, net *scene.Network, change func(l *session.Look)) input {
		l := plain
		change(&l)
		return input{name, net, l}
	}
	stepA := session.Spot{On: true, Entities: []int{0}}
	stepB := session.Spot{On: true, Deals: []int{1}}
	return []input{
		{"plain", all, plain},
		with("selected", all, func(l *session.Look) { l.Selected = 0 }),
		with("focused", all, func(l *session.Look) { l.Focus = 2 }),
		with("filtered", all, func(l *session.Look) {
			l.Shown, l.DealShown = []bool{true, true, false}, []bool{false, true, true}
		}),
		with("step", all, func(l *session.Look) { l.Spot = stepB }),
		with("step fading", all, func(l *session.Look) { l.Spot, l.From, l.SpotMix = stepB, stepA, 0.5 }),
		with("loop", all, func(l *session.Look) { l.Loop, l.LoopTick = []int{0, 1, 2}, 3 }),
		with("earlier date", early, func(l *session.Look) { l.AsOf = dataset.Date{Year: 2025, Month: 12} }),
		with("step on the earlier date", early, func(l *session.Look) { l.Spot = stepB }),
		with("zoomed", all, func(l *session.Look) { l.View.Zoom, l.View.PanX, l.View.PanY = 2, -300, -200 }),
		with("still", all, func(l *session.Look) { l.View.Motion = false }),
		with("selected still", all, func(l *session.Look) { l.View.Motion, l.Selected = false, 1 }),
	}
}

// TestBuildIsAFunctionOfItsInputs builds every input after every other on
// one frame, and wants the frame built fresh from the same inputs: nothing
// of an earlier frame's look (a selection, a filter, a step, a loop, a
// network) outlives it.
func TestBuildIsAFunctionOfItsInputs(t *testing.T) {
	d := tiny()
	d.Currency = "USD"
	ins := inputs(d)
	want := map[string]drawn{}
	for _, in := range ins {
		f := scene.NewFrame(d, nil, nil)
		scene.Build(f, in.net, pos, in.look)
		want[in.name] = copyOut(f, len(d.Entities))
	}
	if reflect.DeepEqual(want["plain"], want["selected"]) || reflect.DeepEqual(want["plain"], want["step fading"]) ||
		reflect.DeepEqual(want["step"], want["step fading"]) || reflect.DeepEqual(want["plain"], want["earlier date"]) {
		t.Fatal("the looks draw alike; the test would prove nothing")
	}
	for _, before := range ins {
		for _, in := range ins {
			f := scene.NewFrame(d, nil, nil)
			scene.Build(f, before.net, pos, before.look)
			scene.Build(f, in.net, pos, in.look)
			if got := copyOut(f, len(d.Entities)); !reflect.DeepEqual(got, want[in.name]) {
				t.Errorf("%s built after %s differs from %s built alone", in.name, before.name, in.name)
			}
		}
	}
}

// TestSpotMixDimsBetweenTheSteps: while a story's spotlight fades from one
// step to the next, what only one of the steps lights is drawn between
// lit and faded, in proportion to the mix.
func TestSpotMixDimsBetweenTheSteps(t *testing.T) {
	d := tiny()
	const faded = 0.22
	tests := []struct {
		mix float32
		// a is lit by the step before only (entity a), c by the open step
		// only (the deal b→c lights b and c).
		a, c float32
	}{
		{0, 1, faded},
		{0.25, 1 - 0.25*(1-faded), faded + 0.25*(1-faded)},
		{0.5, (1 + faded) / 2, (1 + faded) / 2},
		{1, faded, 1},
	}
	for _, tt := range tests {
		b := newRig(d, network(d, dataset.Date{}))
		b.look.From = session.Spot{On: true, Entities: []int{0}}
		b.look.Spot = session.Spot{On: true, Deals: []int{1}}
		b.look.SpotMix = tt.mix
		b.Build(pos, view(0))
		for _, e := range []struct {
			i    int
			want float32
		}{{0, tt.a}, {1, tt.c}, {2, tt.c}} {
			if got := brightness(b, d, e.i); math.Abs(float64(got-e.want)) > 1e-3 {
				t.Errorf("mix %v: entity %s at brightness %v, want %v", tt.mix, d.Entities[e.i].ID, got, e.want)
			}
		}
	}
}

// TestSteadyLitFrameAllocatesNothing: a frame whose look selects, filters,
// fades a step and highlights a loop reads it afresh every frame, and
// still allocates nothing.
func TestSteadyLitFrameAllocatesNothing(t *testing.T) {
	d := tiny()
	for _, in := range inputs(d) {
		f := scene.NewFrame(d, nil, nil)
		scene.Build(f, in.net, pos, in.look)
		look := in.look
		if n := testing.AllocsPerRun(50, func() {
			look.View.Tick++
			scene.Build(f, in.net, pos, look)
		}); n != 0 {
			t.Errorf("%s: %v allocations per frame, want 0", in.name, n)
		}
	}
}
