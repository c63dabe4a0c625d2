package layout

import "testing"

// A layout prepares what its steps need only when asked (prepare), so a
// restored one may never make it; when it does (the window reshaped), it
// must end where a layout prepared at once would: the same positions, to
// the bit, after the same steps, for a loop-first graph and a plain one.
func TestPreparingLateChangesNothing(t *testing.T) {
	loopFirst := randomGraph(60, 150, 3)
	loopFirst.Circular = [][]int{{0, 1, 2}, {3, 4, 5, 6}, {0, 7}}
	for name, g := range map[string]Graph{"plain": randomGraph(80, 200, 4), "loop-first": loopFirst} {
		g.Aspect = 1.9
		settled := New(g, 1)
		settled.Settle()
		shipped := []Settled{SettledOf(g, settled)}

		late, early := New(g, 1), New(g, 1)
		early.prepare()
		for _, l := range []*Layout{late, early} {
			if !l.Restore(g.Fingerprint(), shipped) {
				t.Fatalf("%s: not restored", name)
			}
		}
		if late.prepared {
			t.Errorf("%s: restoring prepared the layout's steps", name)
		}
		for _, l := range []*Layout{late, early} {
			l.SetAspect(0.6)
			l.Settle()
		}
		want, got := early.Positions(), late.Positions()
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("%s: node %d at %v prepared late, %v prepared at once", name, i, got[i], want[i])
			}
		}
		// A fresh layout's first positions are its start, prepared on
		// asking.
		fresh := New(g, 1)
		if p := fresh.Positions(); !fresh.prepared || p[0] == ([2]float64{}) {
			t.Errorf("%s: a fresh layout's positions %v before its start was made", name, p[:2])
		}
	}
}
