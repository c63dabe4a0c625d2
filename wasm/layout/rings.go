package layout

import "math"

// The rings: which loops the layout draws as regular polygons, how large
// each one is, and the order in which their members are first placed.

// chooseRings keeps loops of three or more members (a two-member loop is
// already a pair of opposite edges), preferring short loops and loops that
// bring in members no earlier ring placed.
func chooseRings(loops [][]int, k float64, push []float64) []ring {
	var rings []ring
	covered := map[int]int{}
	for pass := 0; pass < 2 && len(rings) < MaxRings; pass++ {
		for _, lp := range loops {
			if len(rings) >= MaxRings {
				break
			}
			if len(lp) < 3 || len(lp) > 8 {
				continue
			}
			fresh := 0
			for _, v := range lp {
				if covered[v] == 0 {
					fresh++
				}
			}
			// First pass: loops that add someone new; second pass: the rest
			// of the short loops, which tighten rings that share members.
			if (pass == 0) != (fresh > 0) {
				continue
			}
			if pass == 1 && len(lp) > 4 {
				continue
			}
			if pass == 1 && (containsRing(rings, lp) || busy(lp, covered)) {
				continue
			}
			members := append([]int(nil), lp...)
			for _, v := range members {
				covered[v]++
			}
			rings = append(rings, ring{members: members, radius: ringRadius(members, k, push)})
		}
	}
	return rings
}

// ringRadius is the circumradius of a regular polygon whose side is the
// distance its members keep apart, larger for heavy members.
func ringRadius(members []int, k float64, push []float64) float64 {
	side := 0.0
	for _, v := range members {
		side += ringSide * k * push[v] / float64(len(members))
	}
	return side / (2 * math.Sin(math.Pi/float64(len(members))))
}

// busy reports whether a member of lp already sits in maxRingsPerNode rings:
// a hub pulled by more rings than that is crushed into its neighbours.
func busy(lp []int, covered map[int]int) bool {
	for _, v := range lp {
		if covered[v] >= maxRingsPerNode {
			return true
		}
	}
	return false
}

// maxRingsPerNode caps the extra rings a node joins in the second pass.
const maxRingsPerNode = 3

func containsRing(rings []ring, lp []int) bool {
	for _, r := range rings {
		if len(r.members) != len(lp) {
			continue
		}
		same := true
		for i := range lp {
			if r.members[i] != lp[i] {
				same = false
				break
			}
		}
		if same {
			return true
		}
	}
	return false
}

func ringOrder(n int, rings []ring) []int {
	placed := make([]bool, n)
	order := make([]int, 0, n)
	for _, r := range rings {
		for _, v := range r.members {
			if !placed[v] {
				placed[v] = true
				order = append(order, v)
			}
		}
	}
	for v := 0; v < n; v++ {
		if !placed[v] {
			order = append(order, v)
		}
	}
	return order
}
