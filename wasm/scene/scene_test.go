package scene_test

import (
	"math"
	"slices"
	"testing"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/scene"
	"ouroboros/wasm/session"
)

// tiny is a three-entity loop a→b→c→a where c→a is undisclosed and b→c buys
// capacity.
func tiny() *dataset.Dataset {
	d := &dataset.Dataset{
		Title: "Tiny",
		Kinds: []dataset.Kind{
			{Key: "lab", Label: "Lab", Color: dataset.RGB{R: 0xe6, G: 0x9f, B: 0x00}},
			{Key: "chips", Label: "Chips", Color: dataset.RGB{R: 0x56, G: 0xb4, B: 0xe9}},
		},
		Entities: []dataset.Entity{
			{ID: "a", Name: "Alpha Labs", Kind: 0},
			{ID: "b", Name: "Beta Chips", Kind: 1},
			{ID: "c", Name: "Gamma Cloud", Kind: 1},
		},
		Deals: []dataset.Deal{
			{ID: "ab", From: 0, To: 1, Amount: &dataset.Amount{Value: 100}, Date: dataset.Date{Year: 2025}},
			{ID: "bc", From: 1, To: 2, Type: dataset.Compute, Amount: &dataset.Amount{Value: 25}, CapacityMW: 1000, Date: dataset.Date{Year: 2025}},
			{ID: "ca", From: 2, To: 0, Date: dataset.Date{Year: 2026}},
		},
	}
	return d
}

var pos = [][2]float64{{0.2, 0.3}, {0.8, 0.3}, {0.5, 0.8}}

func view(tick int64) session.View {
	return session.View{Width: 800, Height: 600, DPR: 1, Tick: tick, Motion: true}
}

func TestNetwork(t *testing.T) {
	d := tiny()
	d.Deals = append(d.Deals, dataset.Deal{ID: "ab2", From: 0, To: 1, Amount: &dataset.Amount{Value: 50}, Status: dataset.Terminated, Date: dataset.Date{Year: 2025}})
	n := network(d, dataset.Date{})
	if got, want := len(n.Edges), 3; got != want {
		t.Fatalf("got %d edges, want %d", got, want)
	}
	ab := n.Edges[0]
	if got, want := ab.Deals, []int{0, 3}; len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("edge a→b deals = %v, want %v", got, want)
	}
	if ab.Total != 100 || !ab.Disclosed || ab.Terminated {
		t.Errorf("edge a→b = %+v, want total 100 (the terminated deal left out), disclosed, live", ab)
	}
	if ca := n.Edges[2]; ca.Disclosed {
		t.Errorf("edge c→a is disclosed, want undisclosed")
	}
	if got, want := n.Money, []float64{100, 125, 25}; got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("money = %v, want %v", got, want)
	}
	if got := len(network(d, dataset.Date{Year: 2025, Month: 12}).Edges); got != 2 {
		t.Errorf("at 2025-12: %d edges, want 2 (c→a is dated 2026)", got)
	}
}

func TestDiscsAtLayoutPositionsInKindColours(t *testing.T) {
	d := tiny()
	b := newRig(d, network(d, dataset.Date{}))
	v := view(0)
	b.Build(pos, v)
	ax, ay, aw, ah := session.Area(v)
	for i, e := range d.Entities {
		disc := b.Discs[i]
		wantX, wantY := ax+pos[i][0]*aw, ay+pos[i][1]*ah
		if math.Abs(float64(disc.X)-wantX) > 0.01 || math.Abs(float64(disc.Y)-wantY) > 0.01 {
			t.Errorf("%s at (%v, %v), want (%v, %v)", e.ID, disc.X, disc.Y, wantX, wantY)
		}
		// The disc drawn last over its centre must carry the kind colour.
		c := centreColour(b.Mesh, disc.X, disc.Y)
		k := d.Kinds[e.Kind].Color
		if want := scene.RGBA8(k.R, k.G, k.B, 1); c != want {
			t.Errorf("%s centre colour %v, want %v", e.ID, c, want)
		}
	}
	// More money, larger disc: b (125) > a (100) > c (25).
	if !(b.Discs[1].R > b.Discs[0].R && b.Discs[0].R > b.Discs[2].R) {
		t.Errorf("radii %v, %v, %v, want ordered by money", b.Discs[0].R, b.Discs[1].R, b.Discs[2].R)
	}
}

// centreColour finds the colour of the last triangle fan centred at (x, y).
func centreColour(m scene.Mesh, x, y float32) scene.Color {
	var c scene.Color
	for _, v := range m.Vertices {
		if v.DstX == x && v.DstY == y {
			c = scene.Color{R: v.R, G: v.G, B: v.B, A: v.A}
		}
	}
	return c
}

func TestParticlesMoveWithTicks(t *testing.T) {
	d := tiny()
	b := newRig(d, network(d, dataset.Date{}))
	b.Build(pos, view(0))
	first := append([]scene.Vertex(nil), b.Mesh.Vertices...)
	b.Build(pos, view(30))
	if same(first, b.Mesh.Vertices) {
		t.Error("the frame at tick 30 equals the frame at tick 0, want particles moved")
	}
	still := view(0)
	still.Motion = false
	b.Build(pos, still)
	a := append([]scene.Vertex(nil), b.Mesh.Vertices...)
	still.Tick = 30
	b.Build(pos, still)
	if !same(a, b.Mesh.Vertices) {
		t.Error("without motion the frame changed between ticks, want it still")
	}
	if len(a) >= len(first) {
		t.Errorf("without motion %d vertices, with motion %d: want fewer (no particles)", len(a), len(first))
	}
}

func TestCapacityFlowsOnlyWhereBought(t *testing.T) {
	d := tiny()
	b := newRig(d, network(d, dataset.Date{}))
	b.Build(pos, view(7))
	capacity := 0
	for _, v := range b.Mesh.Vertices {
		if v.R == scene.PaletteFor(session.Dark).Capacity.R && v.G == scene.PaletteFor(session.Dark).Capacity.G && v.B == scene.PaletteFor(session.Dark).Capacity.B {
			capacity++
		}
	}
	if capacity == 0 {
		t.Error("no capacity particles, want some on b→c")
	}
	d.Deals[1].CapacityMW = 0
	b = newRig(d, network(d, dataset.Date{}))
	b.Build(pos, view(7))
	for _, v := range b.Mesh.Vertices {
		if v.R == scene.PaletteFor(session.Dark).Capacity.R && v.G == scene.PaletteFor(session.Dark).Capacity.G && v.B == scene.PaletteFor(session.Dark).Capacity.B {
			t.Fatal("capacity particles drawn with no capacity bought")
		}
	}
}

func TestLabelsDoNotOverlap(t *testing.T) {
	d := tiny()
	// Crowd the three entities so some labels must move or hide.
	crowd := [][2]float64{{0.5, 0.5}, {0.52, 0.5}, {0.5, 0.52}}
	b := newRigMeasured(d, network(d, dataset.Date{}), []float32{60, 60, 60}, nil)
	b.Build(crowd, view(0))
	type box struct{ x0, y0, x1, y1 float32 }
	var boxes []box
	for _, l := range b.Labels {
		if l.Visible {
			boxes = append(boxes, box{l.X - 30, l.Y, l.X + 30, l.Y + 15})
		}
	}
	if len(boxes) == 0 {
		t.Fatal("no label visible, want at least the largest entity's")
	}
	for i := range boxes {
		for j := i + 1; j < len(boxes); j++ {
			a, c := boxes[i], boxes[j]
			if a.x0 < c.x1 && c.x0 < a.x1 && a.y0 < c.y1 && c.y0 < a.y1 {
				t.Errorf("labels %v and %v overlap", a, c)
			}
		}
	}
}

func TestBatchesFitSixteenBitIndexes(t *testing.T) {
	var m scene.Mesh
	for i := 0; i < 3000; i++ {
		m.Disc(10, 10, 60, scene.PaletteFor(session.Dark).Background)
	}
	if len(m.Batches) < 2 {
		t.Fatalf("%d vertices in %d batch(es), want them split", len(m.Vertices), len(m.Batches))
	}
	for _, bt := range m.Batches {
		if bt.V1-bt.V0 > 1<<16 {
			t.Errorf("batch %+v holds more than 65536 vertices", bt)
		}
		for _, ix := range m.Indices[bt.I0:bt.I1] {
			if int(ix) >= bt.V1-bt.V0 {
				t.Fatalf("batch %+v: index %d out of range", bt, ix)
			}
		}
	}
}

func TestSteadyFrameAllocatesNothing(t *testing.T) {
	d := tiny()
	b := newRig(d, network(d, dataset.Date{}))
	tick := int64(0)
	b.Build(pos, view(tick))
	allocs := testing.AllocsPerRun(100, func() {
		tick++
		b.Build(pos, view(tick))
	})
	if allocs != 0 {
		t.Errorf("%v allocations per frame, want 0", allocs)
	}
}

func same(a, b []scene.Vertex) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestSelectionFadesAllButTheNeighbourhood(t *testing.T) {
	d := tiny()
	d.Entities = append(d.Entities, dataset.Entity{ID: "z", Name: "Zeta", Kind: 0})
	p := append(append([][2]float64(nil), pos...), [2]float64{0.9, 0.9})
	b := newRig(d, network(d, dataset.Date{}))
	b.look.Selected = 0 // a: neighbours b (a→b) and c (c→a); z is alone
	b.Build(p, view(0))
	for i, want := range []bool{true, true, true, false} {
		if b.Lit(i) != want {
			t.Errorf("entity %s lit = %v, want %v", d.Entities[i].ID, b.Lit(i), want)
		}
		k := d.Kinds[d.Entities[i].Kind].Color
		full := scene.RGBA8(k.R, k.G, k.B, 1)
		got := centreColour(b.Mesh, b.Discs[i].X, b.Discs[i].Y)
		if (got == full) != want {
			t.Errorf("entity %s centre %v, kind colour %v: want bright %v", d.Entities[i].ID, got, full, want)
		}
	}
	if b.Labels[3].Visible {
		t.Error("the faded entity's label is shown")
	}
	b.look.Selected = -1
	b.Build(p, view(0))
	for i := range d.Entities {
		if !b.Lit(i) {
			t.Errorf("entity %d faded with nothing selected", i)
		}
	}
}

func TestEntityAt(t *testing.T) {
	d := tiny()
	b := newRig(d, network(d, dataset.Date{}))
	b.Build(pos, view(0))
	for i, disc := range b.Discs {
		if got := b.EntityAt(disc.X+disc.R*0.7, disc.Y, 0); got != i {
			t.Errorf("inside %s's disc: got %d, want %d", d.Entities[i].ID, got, i)
		}
	}
	if got := b.EntityAt(1, 1, 0); got != -1 {
		t.Errorf("empty corner: got %d, want -1", got)
	}
	c := b.Discs[2]
	if got := b.EntityAt(c.X+c.R+10, c.Y, c.R+12); got != 2 {
		t.Errorf("a finger's width from c: got %d, want 2", got)
	}
}

func TestEdgeAt(t *testing.T) {
	d := tiny()
	n := network(d, dataset.Date{})
	b := newRig(d, n)
	b.Build(pos, view(0))
	// Halfway between a and b, pushed to the right of a→b where its curve bends.
	a, c := b.Discs[0], b.Discs[1]
	mx, my := (a.X+c.X)/2, (a.Y+c.Y)/2
	dx, dy := c.X-a.X, c.Y-a.Y
	x, y := mx-dy*0.18*0.5, my+dx*0.18*0.5 // the quadratic's midpoint is half way to its control point
	if got := b.EdgeAt(x, y, 3); got < 0 || n.Edges[got].From != 0 || n.Edges[got].To != 1 {
		t.Errorf("on the a→b curve: got edge %d, want a→b", got)
	}
	if got := b.EdgeAt(1, 1, 3); got != -1 {
		t.Errorf("far from every edge: got %d", got)
	}
}

func network(d *dataset.Dataset, asOf dataset.Date) *scene.Network {
	return scene.NewNetwork(d, analysis.New(d).At(asOf))
}

func TestFilterHidesEntitiesAndDeals(t *testing.T) {
	d := tiny()
	b := newRig(d, network(d, dataset.Date{}))
	// Hide entity c and deal ab: only no edge is left between shown ones.
	b.look.Shown, b.look.DealShown = []bool{true, true, false}, []bool{false, true, true}
	b.Build(pos, view(0))
	if b.Shown(2) || !b.Shown(0) {
		t.Errorf("shown %v %v %v", b.Shown(0), b.Shown(1), b.Shown(2))
	}
	c := b.Discs[2]
	if b.EntityAt(c.X, c.Y, 0) == 2 {
		t.Error("a hidden entity can be picked")
	}
	if got := centreColour(b.Mesh, c.X, c.Y); got != (scene.Color{}) {
		t.Errorf("the hidden entity is drawn (%v)", got)
	}
	if b.Labels[2].Visible {
		t.Error("the hidden entity's label is shown")
	}
	for ei := range []int{0, 1, 2} {
		if got := b.EdgeAt(0, 0, 1e6); got >= 0 {
			t.Errorf("edge %d can be hovered with every edge hidden (got %d)", ei, got)
		}
	}
	b.look.Shown, b.look.DealShown = nil, nil
	b.Build(pos, view(0))
	if !b.Shown(2) {
		t.Error("clearing the filter left c hidden")
	}
}

func TestLoopHighlightAndToken(t *testing.T) {
	d := tiny()
	b := newRig(d, network(d, dataset.Date{}))
	b.Build(pos, view(0))
	plain := len(b.Mesh.Vertices)
	b.look.Loop, b.look.LoopTick = []int{0, 1, 2}, 0
	b.Build(pos, view(10))
	gold := 0
	for _, v := range b.Mesh.Vertices {
		if v.R == scene.PaletteFor(session.Dark).Loop.R && v.G == scene.PaletteFor(session.Dark).Loop.G && v.A == scene.PaletteFor(session.Dark).Loop.A {
			gold++
		}
	}
	if gold == 0 || len(b.Mesh.Vertices) <= plain {
		t.Errorf("%d loop vertices, %d vertices against %d: want the loop drawn", gold, len(b.Mesh.Vertices), plain)
	}
	b.look.Loop, b.look.LoopTick = []int{0, 2, 1}, 0 // not a loop of this network: a→c does not exist
	b.Build(pos, view(10))
	for _, v := range b.Mesh.Vertices {
		if v.R == scene.PaletteFor(session.Dark).Loop.R && v.G == scene.PaletteFor(session.Dark).Loop.G && v.A == scene.PaletteFor(session.Dark).Loop.A {
			t.Fatal("a path that is not a loop of the network is highlighted")
		}
	}
}

// The drawing package keeps the Under and Over layers of the last frame
// and draws only Moving anew while they stay the same (issue 19's steady
// frame): so a tick that moves the particles, the capacity marks and a
// loop's path must change Moving alone.
func TestOnlyTheMovingLayerChangesWithTicks(t *testing.T) {
	d := tiny()
	layers := func(m *scene.Mesh) [3][]scene.Vertex {
		return [3][]scene.Vertex{
			append([]scene.Vertex(nil), m.LayerVertices(scene.LayerUnder)...),
			append([]scene.Vertex(nil), m.LayerVertices(scene.LayerMoving)...),
			append([]scene.Vertex(nil), m.LayerVertices(scene.LayerOver)...),
		}
	}
	for _, loop := range [][]int{nil, {0, 1, 2}} {
		b := newRig(d, network(d, dataset.Date{}))
		b.look.Loop = loop
		b.Build(pos, view(0))
		first := layers(&b.Mesh)
		if n := len(first[0]) + len(first[1]) + len(first[2]); n != len(b.Mesh.Vertices) {
			t.Fatalf("loop %v: the layers hold %d vertices of %d", loop, n, len(b.Mesh.Vertices))
		}
		if len(first[0]) == 0 || len(first[1]) == 0 || len(first[2]) == 0 {
			t.Fatalf("loop %v: layers of %d, %d and %d vertices, want edges, moving marks and discs", loop, len(first[0]), len(first[1]), len(first[2]))
		}
		b.look.LoopTick = 17
		b.Build(pos, view(17))
		later := layers(&b.Mesh)
		if !same(first[0], later[0]) {
			t.Errorf("loop %v: the Under layer (edges) changed between ticks", loop)
		}
		if !same(first[2], later[2]) {
			t.Errorf("loop %v: the Over layer (discs) changed between ticks", loop)
		}
		if same(first[1], later[1]) {
			t.Errorf("loop %v: the Moving layer did not move between ticks", loop)
		}
		// Every batch lies inside one layer, whole.
		n := 0
		for l := scene.LayerUnder; l <= scene.LayerOver; l++ {
			n += len(b.Mesh.LayerBatches(l))
		}
		if n != len(b.Mesh.Batches) {
			t.Errorf("loop %v: the layers hold %d batches of %d", loop, n, len(b.Mesh.Batches))
		}
	}
}

// Move redraws the Moving layer alone at another tick; the frame it makes
// must be the one a full Build at that tick makes, layer by layer, with a
// loop lit or not, in motion or still.
func TestMoveMakesTheFrameBuildMakes(t *testing.T) {
	d := tiny()
	for _, c := range []struct {
		loop         []int
		motion, soft bool
	}{
		{nil, true, false}, {nil, false, false}, {[]int{0, 1, 2}, true, false}, {[]int{0, 1, 2}, false, false},
		// Soft-edged, as the page draws it.
		{nil, true, true}, {[]int{0, 1, 2}, true, true}, {[]int{0, 1, 2}, false, true},
	} {
		loop, motion := c.loop, c.motion
		moved := newRig(d, network(d, dataset.Date{}))
		built := newRig(d, network(d, dataset.Date{}))
		moved.Mesh.Soft, built.Mesh.Soft = c.soft, c.soft
		moved.look.Loop, built.look.Loop = loop, loop
		v := view(3)
		v.Motion = motion
		moved.Build(pos, v)
		for _, tick := range []int64{4, 9, 40} {
			scene.Move(moved.Frame, tick)
			v.Tick = tick
			built.Build(pos, v)
			for _, l := range scene.Layers {
				if !same(moved.Mesh.LayerVertices(l), built.Mesh.LayerVertices(l)) {
					t.Errorf("loop %v, motion %v, soft %v, tick %d: layer %d differs from Build's", loop, motion, c.soft, tick, l)
				}
			}
			if !slices.Equal(moved.Mesh.Indices, built.Mesh.Indices) || !slices.Equal(moved.Mesh.Batches, built.Mesh.Batches) {
				t.Errorf("loop %v, motion %v, soft %v, tick %d: indexes or batches differ from Build's", loop, motion, c.soft, tick)
			}
		}
	}
	// A steady frame allocates nothing either way, soft-edged or not.
	for _, soft := range []bool{false, true} {
		b := newRig(d, network(d, dataset.Date{}))
		b.Mesh.Soft = soft
		b.look.Loop = []int{0, 1, 2}
		b.Build(pos, view(0))
		tick := int64(0)
		if allocs := testing.AllocsPerRun(100, func() { tick++; scene.Move(b.Frame, tick) }); allocs != 0 {
			t.Errorf("Move, soft %v: %v allocations per frame, want 0", soft, allocs)
		}
	}
}
