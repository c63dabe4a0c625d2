package scene_test

import (
	"fmt"
	"math/rand"
	"os"
	"testing"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/scene"
	"ouroboros/wasm/session"
)

// randomDataset makes a seeded network of n entities and m deals.
func randomDataset(n, m int, seed int64) *dataset.Dataset {
	rng := rand.New(rand.NewSource(seed))
	d := &dataset.Dataset{Kinds: []dataset.Kind{{Key: "k", Color: dataset.RGB{R: 200}}}, EntityIndex: map[string]int{}, DealIndex: map[string]int{}}
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("e%d", i)
		d.EntityIndex[id] = i
		d.Entities = append(d.Entities, dataset.Entity{ID: id, Name: "Entity " + id})
	}
	for i := 0; i < m; i++ {
		a, b := rng.Intn(n), rng.Intn(n-1)
		if b >= a {
			b++
		}
		x := dataset.Deal{ID: fmt.Sprintf("d%d", i), From: a, To: b, Type: dataset.DealType(rng.Intn(8)), Date: dataset.Date{Year: 2023 + rng.Intn(3)}}
		if rng.Intn(3) > 0 {
			x.Amount = &dataset.Amount{Value: float64(1+rng.Intn(100)) * 1e9}
		}
		d.DealIndex[x.ID] = i
		d.Deals = append(d.Deals, x)
	}
	return d
}

// benchNetwork is a network the benchmarks time.
type benchNetwork struct {
	name string
	d    *dataset.Dataset
}

// bundledForBench is the bundled dataset.
func bundledForBench(b *testing.B) *dataset.Dataset {
	doc, err := os.ReadFile("../../data/ai-compute.json")
	if err != nil {
		b.Fatal(err)
	}
	d, err := dataset.Load(doc)
	if err != nil {
		b.Fatal(err)
	}
	return d
}

// builtForBench is a frame of d built at seeded random positions on a
// 1280×800 canvas, particles moving, its mesh soft-edged or not.
func builtForBench(d *dataset.Dataset, soft bool) (*scene.Frame, *scene.Network, [][2]float64, session.Look) {
	rng := rand.New(rand.NewSource(2))
	pos := make([][2]float64, len(d.Entities))
	for i := range pos {
		pos[i] = [2]float64{rng.Float64(), rng.Float64()}
	}
	f := scene.NewFrame(d, nil, nil)
	f.Mesh.Soft = soft
	net := network(d, dataset.Date{})
	look := session.Look{Selected: -1, Focus: -1, SpotMix: 1,
		View: session.View{Width: 1280, Height: 800, DPR: 1, Motion: true}}
	scene.Build(f, net, pos, look)
	return f, net, pos, look
}

// BenchmarkBuild times building one steady frame (layout settled, particles
// moving): go test -run '^$' -bench Build -benchmem ./wasm/scene/
func BenchmarkBuild(b *testing.B) {
	for _, tc := range []benchNetwork{
		{"bundled", bundledForBench(b)},
		{"500x2000", randomDataset(500, 2000, 1)},
		{"1000x3000", randomDataset(1000, 3000, 1)}, // the browser bench's size
		{"2000x10000", randomDataset(2000, 10000, 1)},
	} {
		b.Run(tc.name, func(b *testing.B) {
			f, net, pos, look := builtForBench(tc.d, false)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				look.View.Tick++
				scene.Build(f, net, pos, look)
			}
		})
	}
}

// BenchmarkMove times a steady frame's moving layer (Move), with and
// without the particles' soft edges (Mesh.Soft, as the page draws them),
// and reports how many vertices and indexes it hands the engine:
// go test -run '^$' -bench Move -benchmem ./wasm/scene/
func BenchmarkMove(b *testing.B) {
	for _, tc := range []benchNetwork{
		{"bundled", bundledForBench(b)},
		{"1000x3000", randomDataset(1000, 3000, 1)},
	} {
		for _, soft := range []bool{false, true} {
			b.Run(fmt.Sprintf("%s/soft=%v", tc.name, soft), func(b *testing.B) {
				f, _, _, _ := builtForBench(tc.d, soft)
				b.ReportAllocs()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					scene.Move(f, int64(i))
				}
				b.StopTimer()
				n := 0
				for _, bt := range f.Mesh.LayerBatches(scene.LayerMoving) {
					n += bt.I1 - bt.I0
				}
				b.ReportMetric(float64(len(f.Mesh.LayerVertices(scene.LayerMoving))), "vertices")
				b.ReportMetric(float64(n), "indexes")
			})
		}
	}
}
