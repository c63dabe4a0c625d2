package layout

import (
	"cmp"
	"math"
	"slices"
	"sort"
)

// The loop-first picture. When a graph names its circular deals, their
// members (the core) are laid out by the forces inside an inner ellipse,
// each top deal pulled onto a ring, and every other node sits in an outer
// band round them, grouped, in a fixed order of slots: the band never
// pushes the rings into a corner, however many nodes it holds.

const (
	// coreGap is the space between the core's ellipse and the band's inner
	// row, in units of the half-extent.
	coreGap = 0.12
	// rowGap is the depth of one row of the band, in the same units.
	rowGap = 0.09
	// maxRows caps the band's rows; the core keeps at least a third of the
	// half-extent.
	maxRows = 6
	// slotSpacing is the least distance between neighbours in the band,
	// in units of the area's height, before a row is added.
	slotSpacing = 0.05
	// superExp is the exponent of the band's superellipse: 4 reaches into
	// the corners of the area, so the band has room for its labels.
	superExp = 4
	// strongRings is how many of the top circular deals pull at full
	// strength; the rest pull weakly, so that the top rings stay round.
	strongRings = 6
	// topRing is the pull of a top circular deal, as a share of
	// ringStrength: stronger than the fallback's rings, since the rings are
	// what the picture is for.
	topRing = 2.5
	// weakRing is the pull of the other circular deals, as a share.
	weakRing = 0.15
	// bandCost is placing one band node, in pair visits (sorting and
	// walking the outline).
	bandCost = 40
	// perimeterSamples is how finely the band's outline is measured.
	perimeterSamples = 256
)

// band is the outer band's state.
type band struct {
	nodes []int   // the band's nodes, by index
	group []int   // each node's group
	near  [][]int // each band node's core neighbours
	rows  int
	inner float64 // the inner row's radius, in units of the half-extent
	core  float64 // the core's largest radius, in the same units
	arc   []float64
	order []int     // band nodes in slot order (scratch)
	angle []float64 // each band node's wish, NaN for none (scratch)
	// Per group, by group number (scratch): the summed wish, its angle,
	// the rank of the group round the band and the groups in that order.
	sum    [][2]float64
	gAngle []float64
	gRank  []int
	groups []int
}

// setupBand splits g's nodes into the core and the band and chooses the
// rings: the circular deals in rank order, at most MaxRings of them.
func (l *Layout) setupBand(g Graph) {
	l.core = make([]bool, g.N)
	for _, lp := range g.Circular {
		for _, v := range lp {
			l.core[v] = true
		}
	}
	b := &l.band
	index := make(map[int]int)
	for v := 0; v < g.N; v++ {
		if !l.core[v] {
			index[v] = len(b.nodes)
			b.nodes = append(b.nodes, v)
			grp := 0
			if v < len(g.Group) {
				grp = g.Group[v]
			}
			b.group = append(b.group, grp)
		}
	}
	b.near = make([][]int, len(b.nodes))
	for _, e := range l.edges {
		for s := 0; s < 2; s++ {
			v, u := e[s], e[1-s]
			if i, ok := index[v]; ok && l.core[u] {
				b.near[i] = append(b.near[i], u)
			}
		}
	}
	b.order = make([]int, len(b.nodes))
	b.angle = make([]float64, len(b.nodes))
	groups := 0
	for _, grp := range b.group {
		groups = max(groups, grp+1)
	}
	b.sum = make([][2]float64, groups)
	b.gAngle = make([]float64, groups)
	b.gRank = make([]int, groups)
	b.groups = make([]int, 0, groups)
	for r, lp := range g.Circular[:min(len(g.Circular), MaxRings)] {
		if len(lp) < 2 {
			continue
		}
		w := topRing
		if r >= strongRings {
			w = weakRing
		}
		l.rings = append(l.rings, ring{members: append([]int(nil), lp...), weight: w})
	}
}

// shapeBand sets the band's rows and the core's reach for the area's
// shape, and the k that spaces the core.
func (l *Layout) shapeBand() {
	b := &l.band
	ax, ay := l.halfExtent()
	b.arc = superArc(ax, ay, b.arc)
	b.rows = 0
	if len(b.nodes) > 0 {
		perimeter := b.arc[len(b.arc)-1] * 0.9
		b.rows = int(math.Ceil(float64(len(b.nodes)) * slotSpacing / perimeter))
		b.rows = max(b.rows, min(2, len(b.nodes)/12+1))
		b.rows = min(b.rows, maxRows)
	}
	b.inner = 1 - rowGap*float64(max(b.rows-1, 0)) - rowGap/2
	b.core = 1
	if b.rows > 0 {
		b.core = b.inner - coreGap
	}
	cores := 0
	for _, c := range l.core {
		if c {
			cores++
		}
	}
	area := math.Pi * ax * ay * b.core * b.core
	l.k = math.Min(0.3, 1.2*math.Sqrt(area/float64(max(cores, 1))))
}

// halfExtent is the half-width and half-height of the area inside the margin.
func (l *Layout) halfExtent() (float64, float64) {
	return l.aspect/2 - margin, 0.5 - margin
}

// superArc measures the outline of the superellipse of half-axes ax, ay:
// arc[i] is the length from angle 0 to angle 2πi/perimeterSamples.
func superArc(ax, ay float64, arc []float64) []float64 {
	arc = append(arc[:0], 0)
	prev := superPoint(ax, ay, 0, 1)
	for i := 1; i <= perimeterSamples; i++ {
		p := superPoint(ax, ay, 2*math.Pi*float64(i)/perimeterSamples, 1)
		arc = append(arc, arc[i-1]+math.Hypot(p[0]-prev[0], p[1]-prev[1]))
		prev = p
	}
	return arc
}

// superPoint is the point at angle a on the superellipse of half-axes ax,
// ay, scaled by rho, relative to the centre.
func superPoint(ax, ay, a, rho float64) [2]float64 {
	c, s := math.Cos(a), math.Sin(a)
	r := 1 / math.Pow(math.Pow(math.Abs(c/ax), superExp)+math.Pow(math.Abs(s/ay), superExp), 1.0/superExp)
	return [2]float64{rho * r * c, rho * r * s}
}

// keepInCore pulls a core node back inside the core's ellipse.
func (l *Layout) keepInCore(v int) {
	ax, ay := l.halfExtent()
	cx, cy := l.aspect/2, 0.5
	dx, dy := (l.pos[v][0]-cx)/ax, (l.pos[v][1]-cy)/ay
	rho := math.Hypot(dx, dy)
	if lim := l.band.core; rho > lim {
		l.pos[v][0] = cx + dx/rho*lim*ax
		l.pos[v][1] = cy + dy/rho*lim*ay
	}
}

// placeBand puts the band's nodes in their slots: groups in the order of
// the angles at which their core neighbours lie, members of a group side by
// side, alternate members on alternate rows so that labels get room.
func (l *Layout) placeBand() {
	b := &l.band
	if len(b.nodes) == 0 {
		return
	}
	cx, cy := l.aspect/2, 0.5
	ax, ay := l.halfExtent()
	// Each node's wish: the direction of its core neighbours.
	clear(b.sum)
	for i := range b.nodes {
		var sx, sy float64
		for _, u := range b.near[i] {
			dx, dy := (l.pos[u][0]-cx)/ax, (l.pos[u][1]-cy)/ay
			if d := math.Hypot(dx, dy); d > 1e-9 {
				sx, sy = sx+dx/d, sy+dy/d
			}
		}
		b.angle[i] = math.NaN()
		if sx != 0 || sy != 0 {
			b.angle[i] = math.Atan2(sy, sx)
		}
		g := b.group[i]
		b.sum[g][0] += sx
		b.sum[g][1] += sy
	}
	b.groups = b.groups[:0]
	for g := range b.sum {
		b.gAngle[g] = math.Atan2(b.sum[g][1], b.sum[g][0])
	}
	for _, g := range b.group {
		if !slices.Contains(b.groups, g) {
			b.groups = append(b.groups, g)
		}
	}
	slices.SortFunc(b.groups, func(x, y int) int {
		if c := cmp.Compare(b.gAngle[x], b.gAngle[y]); c != 0 {
			return c
		}
		return cmp.Compare(x, y)
	})
	for r, g := range b.groups {
		b.gRank[g] = r
	}
	for i := range b.order {
		b.order[i] = i
	}
	slices.SortStableFunc(b.order, func(i, j int) int {
		if c := cmp.Compare(b.gRank[b.group[i]], b.gRank[b.group[j]]); c != 0 {
			return c
		}
		return cmp.Compare(relAngle(b.angle[i], b.gAngle[b.group[i]]), relAngle(b.angle[j], b.gAngle[b.group[j]]))
	})
	l.slotBand(len(b.groups))
}

// slotBand places b.order on the outline, one empty slot between groups,
// starting so that the first group is centred on its angle.
func (l *Layout) slotBand(groups int) {
	b := &l.band
	cx, cy := l.aspect/2, 0.5
	ax, ay := l.halfExtent()
	slots := len(b.nodes) + groups
	first := 0
	for _, i := range b.order {
		if b.group[i] == b.group[b.order[0]] {
			first++
		}
	}
	start := arcFraction(b.arc, b.gAngle[b.group[b.order[0]]]) - float64(first)/2/float64(slots)
	slot := 0
	for n, i := range b.order {
		if n > 0 && b.group[i] != b.group[b.order[n-1]] {
			slot++
		}
		v := b.nodes[i]
		if l.pinned[v] {
			slot++
			continue
		}
		f := start + (float64(slot)+0.5)/float64(slots)
		row := n % b.rows
		rho := b.inner + rowGap*float64(row)
		p := superPoint(ax, ay, arcAngle(b.arc, f), rho)
		l.pos[v] = [2]float64{cx + p[0], cy + p[1]}
		slot++
	}
}

// relAngle is a's angle from centre c in (-π, π]; NaN (no wish) counts as 0.
func relAngle(a, c float64) float64 {
	if math.IsNaN(a) {
		return 0
	}
	d := math.Mod(a-c+3*math.Pi, 2*math.Pi) - math.Pi
	return d
}

// arcFraction is the share of the outline's length from angle 0 to angle a.
func arcFraction(arc []float64, a float64) float64 {
	if math.IsNaN(a) {
		a = 0
	}
	a = math.Mod(a+2*math.Pi, 2*math.Pi)
	i := int(a / (2 * math.Pi) * perimeterSamples)
	i = min(max(i, 0), perimeterSamples)
	return arc[i] / arc[len(arc)-1]
}

// arcAngle is the angle at which the outline has run share f of its length.
func arcAngle(arc []float64, f float64) float64 {
	f -= math.Floor(f)
	want := f * arc[len(arc)-1]
	i := sort.SearchFloat64s(arc, want)
	i = min(max(i, 1), perimeterSamples)
	lo, hi := arc[i-1], arc[i]
	t := 0.0
	if hi > lo {
		t = (want - lo) / (hi - lo)
	}
	return 2 * math.Pi * (float64(i-1) + t) / perimeterSamples
}
