package page_test

import (
	"encoding/json"
	"os"
	"testing"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/page"
	"ouroboros/wasm/scene"
	"ouroboros/wasm/session"
)

// BenchmarkStateJSON is what one call of window.ouroboros.state() costs the
// program on the bundled dataset with an entity selected, in the parts
// that make it.
func BenchmarkStateJSON(b *testing.B) {
	raw, err := os.ReadFile("../../data/ai-compute.json")
	if err != nil {
		b.Fatal(err)
	}
	d, err := dataset.Load(raw)
	if err != nil {
		b.Fatal(err)
	}
	an := analysis.New(d)
	ss := session.New(d, an, session.Options{Select: 0, Story: -1})
	ss.SetScreen(session.View{Width: 1280, Height: 800, DPR: 1})
	pos := make([][2]float64, len(d.Entities))
	for i := range pos {
		pos[i] = [2]float64{float64(i) / float64(len(pos)), 0.5}
	}
	ss.SetLayout(pos, true)
	ss.Tick()
	f := scene.NewFrame(d, nil, nil)
	look := ss.Look()
	scene.Build(f, scene.NewNetwork(d, ss.Snapshot()), pos, look)
	b.Run("read+json", func(b *testing.B) {
		for b.Loop() {
			_ = page.Read(ss, f, nil).JSON()
		}
	})
	b.Run("cached, a second call in the tick", func(b *testing.B) {
		var c page.StateCache
		c.JSON(ss, f, nil)
		for b.Loop() {
			_ = c.JSON(ss, f, nil)
		}
	})
	b.Run("cached, a new tick (forgotten, the loops kept)", func(b *testing.B) {
		var c page.StateCache
		c.JSON(ss, f, nil)
		for b.Loop() {
			c.Forget()
			_ = c.JSON(ss, f, nil)
		}
	})
	b.Run("read", func(b *testing.B) {
		for b.Loop() {
			_ = page.Read(ss, f, nil)
		}
	})
	b.Run("loops", func(b *testing.B) {
		for b.Loop() {
			_ = page.Loops(d, ss.Snapshot())
		}
	})
	loops := page.Loops(d, ss.Snapshot())
	b.Run("loops' JSON, encoding/json", func(b *testing.B) {
		for b.Loop() {
			_, _ = json.Marshal(loops)
		}
	})
	b.Run("loops' JSON, by hand (the state's)", func(b *testing.B) {
		var buf []byte
		for b.Loop() {
			buf = page.AppendLoops(buf[:0], loops)
		}
	})
	s := page.Read(ss, f, nil)
	b.Run("json, encoding/json", func(b *testing.B) {
		for b.Loop() {
			_, _ = json.Marshal(s)
		}
	})
	b.Run("json, by hand (the state's)", func(b *testing.B) {
		for b.Loop() {
			_ = s.JSON()
		}
	})
	s.Loops = nil
	b.Run("json without loops, encoding/json", func(b *testing.B) {
		for b.Loop() {
			_, _ = json.Marshal(s)
		}
	})
	b.Run("json without loops, by hand", func(b *testing.B) {
		for b.Loop() {
			_ = s.JSON()
		}
	})
}
