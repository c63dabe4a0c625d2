package scene

// A highlighted loop ("follow the dollar") is drawn over the other edges,
// its edges widened in gold, and with motion a token travels round it hop
// by hop, from the tick the loop was lit.

// findLoop lists the edges of a loop, given as its entities in order, in
// the network drawn; none when it is not a loop of this network (its deals
// are later than the date drawn) or nil.
func (f *Frame) findLoop(entities []int) {
	f.loop = f.loop[:0]
	for k, from := range entities {
		to := entities[(k+1)%len(entities)]
		for ei, e := range f.net.Edges {
			if e.From == from && e.To == to {
				f.loop = append(f.loop, ei)
				break
			}
		}
	}
	if len(f.loop) != len(entities) {
		f.loop = f.loop[:0]
	}
}

// loopPath draws the highlighted loop's edges over the others and, with
// motion, a token that travels round it hop by hop ("follow the dollar").
func (f *Frame) loopPath(tick int64, dpr float32, motion bool) {
	if len(f.loop) == 0 {
		return
	}
	for _, ei := range f.loop {
		c := &f.curves[ei]
		w := f.widths[ei] + 3*dpr
		for i := 0; i < curveSamples; i++ {
			p, q := c[i], c[i+1]
			nx, ny := normal(p, q)
			h := w / 2
			f.Mesh.Quad(p.x+nx*h, p.y+ny*h, q.x+nx*h, q.y+ny*h, q.x-nx*h, q.y-ny*h, p.x-nx*h, p.y-ny*h, LoopColor)
		}
	}
	// The token takes tokenTicks per hop whatever the hop's length, so a
	// loop of any shape reads at the same pace.
	const tokenTicks = 90
	t := tick - f.loopTick
	if !motion {
		t = 0
	}
	hop := int(t/tokenTicks) % len(f.loop)
	u := float32(t%tokenTicks) / tokenTicks
	p := f.along(f.loop[hop], u)
	f.Mesh.Disc(p.x, p.y, 7*dpr, Background)
	f.Mesh.Disc(p.x, p.y, 5.5*dpr, MoneyColor)
}
