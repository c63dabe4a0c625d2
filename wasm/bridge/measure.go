//go:build js

package bridge

import (
	"runtime"
	"syscall/js"
)

// Mark records that the program reached a phase of its start ("main",
// "dataset", "first-frame"…) by calling ouroborosBoot.mark(phase), which
// the page turns into performance.mark("ouroboros:" + phase) for
// ./build.sh bench to read. It does nothing when the page has no such
// function, and it needs no Boot, so that main can mark its very start.
func Mark(phase string) {
	boot := js.Global().Get("ouroborosBoot")
	if boot.Type() != js.TypeObject {
		return
	}
	if f := boot.Get("mark"); f.Type() == js.TypeFunction {
		boot.Call("mark", phase)
	}
}

// Mallocs lets the page ask for the count of heap allocations the program
// has made since it started (ouroborosBoot.goMallocs()), which the bench
// reads before and after a run of frames for the allocations per frame.
// runtime.ReadMemStats flushes the allocation caches first, so the count
// is exact; the bench subtracts what a call itself costs.
func (b *Boot) Mallocs() {
	var m runtime.MemStats
	b.obj.Set("goMallocs", js.FuncOf(func(js.Value, []js.Value) any {
		runtime.ReadMemStats(&m)
		return float64(m.Mallocs)
	}))
}
