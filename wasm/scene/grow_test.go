package scene_test

import (
	"os"
	"testing"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/scene"
	"ouroboros/wasm/session"
)

// The mesh's buffers double when full: the first frame of the bundled
// network has some 46,000 vertices, and growing by append's quarter
// copied them some 25 times over, with the collector running after each
// copy, a tenth of a second of the start in the browser.
func TestMeshBuffersDoubleAsTheyGrow(t *testing.T) {
	var m scene.Mesh
	grew := map[string]int{}
	vcap, icap := cap(m.Vertices), cap(m.Indices)
	for range 46000 / 4 {
		m.Quad(0, 0, 1, 0, 1, 1, 0, 1, scene.Color{A: 1})
		if cap(m.Vertices) != vcap {
			grew["vertices"]++
			if vcap > 0 && cap(m.Vertices) < 2*vcap {
				t.Fatalf("vertices grew from %d to %d, less than double", vcap, cap(m.Vertices))
			}
			vcap = cap(m.Vertices)
		}
		if cap(m.Indices) != icap {
			grew["indices"]++
			if icap > 0 && cap(m.Indices) < 2*icap {
				t.Fatalf("indices grew from %d to %d, less than double", icap, cap(m.Indices))
			}
			icap = cap(m.Indices)
		}
	}
	// From nothing to 46,000 vertices (69,000 indexes) by doubling from
	// 4,096: 5 allocations each.
	if grew["vertices"] > 5 || grew["indices"] > 6 {
		t.Errorf("the buffers were allocated %v times; want at most 5 and 6", grew)
	}
	if len(m.Vertices) != 46000 || len(m.Indices) != 69000 {
		t.Errorf("%d vertices and %d indexes; want 46000 and 69000", len(m.Vertices), len(m.Indices))
	}
}

// The bundled network's first frame fits in the room a frame starts with:
// it grows no buffer while the reader waits for the first picture.
func TestTheFirstFrameFitsTheRoomItStartsWith(t *testing.T) {
	doc, err := os.ReadFile("../../data/ai-compute.json")
	if err != nil {
		t.Fatal(err)
	}
	d, err := dataset.Load(doc)
	if err != nil {
		t.Fatal(err)
	}
	pos := make([][2]float64, len(d.Entities))
	for i := range pos {
		pos[i] = [2]float64{float64(i%9) / 8, float64(i%7) / 6}
	}
	f := scene.NewFrame(d, nil, nil)
	f.Mesh.Soft = true // as the page draws it, with the particles' soft edges
	vcap, icap := cap(f.Mesh.Vertices), cap(f.Mesh.Indices)
	look := session.Look{Selected: -1, Focus: -1, SpotMix: 1, View: session.View{Width: 1280, Height: 800, DPR: 1, Motion: true}}
	scene.Build(f, network(d, dataset.Date{}), pos, look)
	if cap(f.Mesh.Vertices) != vcap || cap(f.Mesh.Indices) != icap {
		t.Errorf("the first frame grew the mesh from room for %d vertices and %d indexes to %d and %d (it has %d and %d)",
			vcap, icap, cap(f.Mesh.Vertices), cap(f.Mesh.Indices), len(f.Mesh.Vertices), len(f.Mesh.Indices))
	}
}
