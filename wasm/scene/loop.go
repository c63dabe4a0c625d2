package scene

// Highlighted loops ("follow the dollar") are drawn over the other edges,
// widened in the loop's reserved colour, their hops' figures first; with
// motion a token travels round each hop by hop, from the tick the loop was
// lit. The look's Loop is the one picked; its Loops are more lit at once.

// loops holds the edges of the highlighted loops of a frame, each in loop
// order, one after another: loop k is edges[ends[k-1]:ends[k]]. main says
// whether the first is the look's Loop (which keeps a still token when
// motion is reduced); onLoop marks the edges of any of them and member
// their entities.
type loops struct {
	edges, ends []int
	main        bool
	onLoop      []bool
	member      []bool
}

// findLoops lists the edges of the look's loops, given as their entities in
// order, in the network drawn; a loop that is not one of this network
// (its deals are later than the date drawn) is left out.
func (f *Frame) findLoops(loop []int, more [][]int) {
	f.loops.edges, f.loops.ends = f.loops.edges[:0], f.loops.ends[:0]
	clear(f.onLoop)
	clear(f.member)
	f.loops.main = f.addLoop(loop)
	for _, l := range more {
		f.addLoop(l)
	}
}

// addLoop adds a loop's edges and reports whether it is one of the network.
func (f *Frame) addLoop(entities []int) bool {
	if len(entities) == 0 {
		return false
	}
	start := len(f.loops.edges)
	for k, from := range entities {
		to := entities[(k+1)%len(entities)]
		for ei, e := range f.net.Edges {
			if e.From == from && e.To == to {
				f.loops.edges = append(f.loops.edges, ei)
				break
			}
		}
	}
	if len(f.loops.edges)-start != len(entities) {
		f.loops.edges = f.loops.edges[:start]
		return false
	}
	f.loops.ends = append(f.loops.ends, len(f.loops.edges))
	for _, ei := range f.loops.edges[start:] {
		f.onLoop[ei] = true
	}
	for _, e := range entities {
		f.member[e] = true
	}
	return true
}

// loopPath draws the highlighted loops' edges over the others and their
// tokens: moving with motion; without, only the picked loop's, still at
// its start.
func (f *Frame) loopPath(tick int64, dpr float32, motion bool) {
	start := 0
	for k, end := range f.loops.ends {
		hops := f.loops.edges[start:end]
		start = end
		for _, ei := range hops {
			w := f.widths[ei] + 3*dpr
			f.stroke(ei, w, 0, 0, f.pal.Loop)
			end, tip := f.curves[ei][curveSamples], f.tips[ei]
			nx, ny := normal(end, tip)
			hw := arrowHalf(w, dpr)
			f.Mesh.Triangle(tip.x, tip.y, end.x+nx*hw, end.y+ny*hw, end.x-nx*hw, end.y-ny*hw, f.pal.Loop)
		}
		if !motion && (k > 0 || !f.loops.main) {
			continue
		}
		// The token takes tokenTicks per hop whatever the hop's length, so
		// a loop of any shape reads at the same pace.
		const tokenTicks = 90
		t := tick - f.loopTick
		if !motion {
			t = 0
		}
		hop := int(t/tokenTicks) % len(hops)
		u := float32(t%tokenTicks) / tokenTicks
		p := f.along(hops[hop], u)
		f.Mesh.Disc(p.x, p.y, 7*dpr, f.pal.Background)
		f.Mesh.Disc(p.x, p.y, 5.5*dpr, f.pal.Money)
	}
}
