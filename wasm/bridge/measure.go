//go:build js

package bridge

import (
	"runtime"
	"strconv"
	"strings"
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

// AllocSites lets the bench and the browser tests ask where the program's
// heap allocations come from (ouroborosBoot.goAllocSites(phase)), which
// the allocation count alone cannot say: the engine and syscall/js
// allocate in every frame whatever the program does. "start" has the
// runtime record every allocation from then on (runtime.MemProfileRate 1)
// and keeps the profile as it stands; "end" returns the allocations made
// since, one site a line: the count, a tab, and the site's call stack,
// innermost function first, joined by " < ", and puts the rate back, so
// that what is timed after it is not slowed by the recording. Each
// reading collects twice first, as runtime.MemProfile's profile is as of
// two collections back. The reading's own allocations are left out.
func (b *Boot) AllocSites() {
	var base map[[32]uintptr]int64
	rate := runtime.MemProfileRate
	b.obj.Set("goAllocSites", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) == 0 {
			return ""
		}
		switch args[0].String() {
		case "start":
			runtime.MemProfileRate = 1
			base = allocCounts()
			return ""
		case "end":
			if base == nil {
				return ""
			}
			defer func() { runtime.MemProfileRate, base = rate, nil }()
			var out []byte
			for stack, n := range allocCounts() {
				if n -= base[stack]; n > 0 {
					if site, ok := describe(stack); ok {
						out = strconv.AppendInt(out, n, 10)
						out = append(out, '\t')
						out = append(out, site...)
						out = append(out, '\n')
					}
				}
			}
			return string(out)
		}
		return ""
	}))
}

// allocCounts is the count of allocations so far at each call stack.
func allocCounts() map[[32]uintptr]int64 {
	runtime.GC()
	runtime.GC()
	var recs []runtime.MemProfileRecord
	for {
		n, _ := runtime.MemProfile(nil, true)
		recs = make([]runtime.MemProfileRecord, n+64)
		if n, ok := runtime.MemProfile(recs, true); ok {
			recs = recs[:n]
			break
		}
	}
	counts := make(map[[32]uintptr]int64, len(recs))
	for _, r := range recs {
		counts[r.Stack0] += r.AllocObjects
	}
	return counts
}

// describe is a call stack's functions, innermost first, and false for the
// stacks of AllocSites' own reading.
func describe(stack [32]uintptr) (string, bool) {
	pcs := stack[:]
	for i, pc := range pcs {
		if pc == 0 {
			pcs = pcs[:i]
			break
		}
	}
	frames := runtime.CallersFrames(pcs)
	var names []string
	for {
		f, more := frames.Next()
		if strings.Contains(f.Function, "bridge.(*Boot).AllocSites") || strings.HasSuffix(f.Function, "bridge.allocCounts") {
			return "", false
		}
		if f.Function != "" {
			names = append(names, f.Function)
		}
		if !more {
			break
		}
	}
	return strings.Join(names, " < "), true
}
