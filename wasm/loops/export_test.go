package loops

import (
	"math"
	"slices"
)

// Deepen exposes the iterative deepening search on its own, without a
// budget, so that the differential test can check it alone.
func Deepen(adj [][]int, limit int) [][]int {
	cs, _ := deepen(newDigraph(adj), limit, math.MaxInt)
	return cs
}

// CyclesWithBudget is Cycles with the budget of its fast path given, so that
// tests can force the fallback through Johnson's algorithm (budget 0).
func CyclesWithBudget(adj [][]int, limit, budget int) ([][]int, bool) {
	return cyclesOf(newDigraph(adj), limit, budget)
}

// JohnsonAll exposes the package's own Johnson enumeration, uncapped and
// sorted, so that the differential test can check it alone.
func JohnsonAll(adj [][]int) [][]int {
	cs := johnsonCycles(newDigraph(adj), math.MaxInt)
	slices.SortFunc(cs, compareCycles)
	return widen(cs)
}
