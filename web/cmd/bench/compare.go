package main

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"text/tabwriter"
)

// frameStats summarizes the main-thread milliseconds of a run of frames.
type frameStats struct {
	N                      int     // frames
	Secs                   float64 // over how long
	Median, Mean, P95, Max float64 // ms
}

// newFrameStats summarizes per-frame milliseconds taken over secs seconds.
func newFrameStats(ms []float64, secs float64) frameStats {
	s := frameStats{N: len(ms), Secs: secs}
	if len(ms) == 0 {
		return s
	}
	sorted := slices.Sorted(slices.Values(ms))
	sum := 0.0
	for _, v := range sorted {
		sum += v
	}
	s.Median, s.Mean, s.Max = median(sorted), sum/float64(len(sorted)), sorted[len(sorted)-1]
	s.P95 = sorted[min(len(sorted)-1, len(sorted)*95/100)]
	return s
}

func (s frameStats) String() string {
	if s.N == 0 {
		return fmt.Sprintf("no frames in %.1f s", s.Secs)
	}
	return fmt.Sprintf("%d frames in %.1f s (%.1f fps); main thread per frame: median %.2f ms, mean %.2f ms, p95 %.2f ms, max %.2f ms",
		s.N, s.Secs, float64(s.N)/s.Secs, s.Median, s.Mean, s.P95, s.Max)
}

// allocsPerFrame is the program's heap allocations per frame from three
// counts: before and after one read of the counter at the window's start
// (what a read itself costs), and at its end. -1 when unknown.
func allocsPerFrame(start0, start1, end float64, frames int) float64 {
	if frames == 0 || start0 < 0 || start1 < 0 || end < 0 {
		return -1
	}
	// The read at the end costs what the read at the start did.
	return math.Max(0, end-start1-(start1-start0)) / float64(frames)
}

// A phase is a moment of the start: a performance mark of the page or the
// program (without its "ouroboros:" prefix), or one the bench adds from
// Resource Timing and paint timing.
type phase struct{ mark, label string }

// phases are the start's moments and their labels, in the order they
// usually come, which breaks ties.
var phases = []phase{
	{"wasm-requested", "program requested"},
	{"fcp", "first contentful paint"},
	{"dataset-fetched", "dataset downloaded"},
	{"wasm-downloaded", "program downloaded"},
	{"instantiated", "program compiled and instantiated"},
	{"main", "Go runtime started: main"},
	{"dataset", "dataset copied, parsed and checked"},
	{"analysis", "analysis, session, layout graph"},
	{"text", "font parsed, label widths measured"},
	{"engine", "engine up: its first tick"},
	{"layout", "initial layout steps"},
	{"scene", "first frame built (mesh, labels placed)"},
	{"mesh", "first frame: shapes drawn"},
	{"first-frame", "first frame: labels rasterized, drawn"},
	{"ready-called", "program says ready, the page wires up"},
	{"ready", "ready"},
}

// medianMarks is each mark's median over the loads that have it.
func medianMarks(loads []map[string]float64) map[string]float64 {
	all := map[string][]float64{}
	for _, l := range loads {
		for k, v := range l {
			all[k] = append(all[k], v)
		}
	}
	out := map[string]float64{}
	for k, v := range all {
		out[k] = median(v)
	}
	return out
}

// phaseRows orders the marks of ours and the floor's in time, ours where
// we have it (the downloads run side by side, so their order varies): the
// known phases with their labels, then any other mark by its name.
func phaseRows(ours, floor map[string]float64) []phase {
	var rows []phase
	known := map[string]bool{}
	for _, p := range phases {
		known[p.mark] = true
		rows = append(rows, p)
	}
	for _, m := range [2]map[string]float64{ours, floor} {
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if !known[k] {
				known[k] = true
				rows = append(rows, phase{k, k})
			}
		}
	}
	at := func(p phase) (float64, bool) {
		if v, ok := ours[p.mark]; ok {
			return v, true
		}
		v, ok := floor[p.mark]
		return v, ok
	}
	rows = slices.DeleteFunc(rows, func(p phase) bool { _, ok := at(p); return !ok })
	slices.SortStableFunc(rows, func(a, b phase) int {
		ta, _ := at(a)
		tb, _ := at(b)
		return cmp.Compare(ta, tb)
	})
	return rows
}

// writePhases prints the start's phases as a table of milliseconds from
// the navigation's start, ours beside the floor's (nil: not measured),
// each with the time since the row above.
func writePhases(out io.Writer, indent string, ours, floor map[string]float64) error {
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%sphase\tours ms\t+ms\t", indent)
	if floor != nil {
		fmt.Fprint(tw, "floor ms\t+ms\t")
	}
	fmt.Fprintln(tw)
	prevOurs, prevFloor := 0.0, 0.0
	for _, p := range phaseRows(ours, floor) {
		fmt.Fprintf(tw, "%s%s\t%s\t", indent, p.label, since(ours, p.mark, &prevOurs))
		if floor != nil {
			fmt.Fprintf(tw, "%s\t", since(floor, p.mark, &prevFloor))
		}
		fmt.Fprintln(tw)
	}
	return tw.Flush()
}

// since formats a mark's time and the time since prev, which it moves on.
func since(marks map[string]float64, mark string, prev *float64) string {
	v, ok := marks[mark]
	if !ok {
		return "—\t"
	}
	d := v - *prev
	*prev = v
	return fmt.Sprintf("%.0f\t%+.0f", v, d)
}

// ratio is ours over the floor's, or "—" when either is unknown or the
// floor's is 0.
func ratio(ours, floor float64) string {
	if ours < 0 || floor <= 0 {
		return "—"
	}
	return fmt.Sprintf("%.2f×", ours/floor)
}

// A figure is one line of the table that sets ours beside the floor.
type figure struct {
	page, name  string
	ours, floor float64 // -1: not measured
	unit        string  // "ms", or "" for a count
	note        string
}

func (f figure) value(v float64) string {
	switch {
	case v < 0:
		return "—"
	case f.unit == "ms" && v >= 100:
		return fmt.Sprintf("%.0f ms", v)
	case f.unit == "ms":
		return fmt.Sprintf("%.2f ms", v)
	}
	return fmt.Sprintf("%.1f", v)
}

// writeFigures prints every figure of ours beside the floor's and their
// ratio.
func writeFigures(out io.Writer, figs []figure) error {
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "page\tfigure\tours\tfloor\tratio\t")
	for _, f := range figs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", f.page, f.name, f.value(f.ours), f.value(f.floor), ratio(f.ours, f.floor), f.note)
	}
	return tw.Flush()
}
