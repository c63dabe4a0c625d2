package loops_test

import (
	"math"
	"testing"

	"ouroboros/wasm/loops"
)

// complete returns the complete digraph on n vertices.
func complete(n int) [][]int {
	adj := make([][]int, n)
	for v := range n {
		for w := range n {
			if w != v {
				adj[v] = append(adj[v], w)
			}
		}
	}
	return adj
}

// ring returns the single cycle 0 → 1 → ... → n-1 → 0.
func ring(n int) [][]int {
	adj := make([][]int, n)
	for v := range n {
		adj[v] = []int{(v + 1) % n}
	}
	return adj
}

// ladder returns the path 0 ↔ 1 ↔ ... ↔ n-1 with both directions on every
// step: one big strong component whose only cycles are its n-1 2-cycles.
func ladder(n int) [][]int {
	adj := make([][]int, n)
	for v := range n - 1 {
		adj[v] = append(adj[v], v+1)
		adj[v+1] = append(adj[v+1], v)
	}
	return adj
}

var k4 = [][]int{
	{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3},
	{0, 1, 2}, {0, 1, 3}, {0, 2, 1}, {0, 2, 3}, {0, 3, 1}, {0, 3, 2}, {1, 2, 3}, {1, 3, 2},
	{0, 1, 2, 3}, {0, 1, 3, 2}, {0, 2, 1, 3}, {0, 2, 3, 1}, {0, 3, 1, 2}, {0, 3, 2, 1},
}

func TestCycles(t *testing.T) {
	tests := []struct {
		name          string
		adj           [][]int
		limit         int
		want          [][]int
		wantTruncated bool
	}{
		{name: "empty", adj: nil, want: [][]int{}},
		{name: "isolated vertices", adj: make([][]int, 5), want: [][]int{}},
		{name: "self-loop ignored", adj: [][]int{{0}}, want: [][]int{}},
		{name: "acyclic", adj: [][]int{{1, 2}, {2, 3}, {3}, {}}, want: [][]int{}},
		{name: "2-cycle", adj: [][]int{{1}, {0}}, want: [][]int{{0, 1}}},
		{
			name: "repeated edges and self-loops ignored",
			adj:  [][]int{{1, 1, 0, 1}, {1, 0, 0}},
			want: [][]int{{0, 1}},
		},
		{name: "triangle", adj: [][]int{{1}, {2}, {0}}, want: [][]int{{0, 1, 2}}},
		{name: "rotated to least vertex", adj: [][]int{{}, {2}, {3}, {1}}, want: [][]int{{1, 2, 3}}},
		{name: "reverse triangle", adj: [][]int{{2}, {0}, {1}}, want: [][]int{{0, 2, 1}}},
		{
			name: "triangle both directions",
			adj:  complete(3),
			want: [][]int{{0, 1}, {0, 2}, {1, 2}, {0, 1, 2}, {0, 2, 1}},
		},
		{
			name: "shorter first whatever the vertices",
			adj:  [][]int{{1}, {2}, {3}, {0}, {5}, {4}},
			want: [][]int{{4, 5}, {0, 1, 2, 3}},
		},
		{
			name: "figure eight shares a vertex",
			adj:  [][]int{{1, 3}, {2}, {0}, {4}, {0}},
			want: [][]int{{0, 1, 2}, {0, 3, 4}},
		},
		{name: "complete K4 has 20 cycles", adj: complete(4), want: k4},
		{name: "K4 limit 0 means Limit", adj: complete(4), limit: 0, want: k4},
		{name: "K4 limit 1", adj: complete(4), limit: 1, want: k4[:1], wantTruncated: true},
		{name: "K4 limit cuts a length class", adj: complete(4), limit: 9, want: k4[:9], wantTruncated: true},
		{name: "K4 limit at class boundary", adj: complete(4), limit: 14, want: k4[:14], wantTruncated: true},
		{name: "K4 limit one short", adj: complete(4), limit: 19, want: k4[:19], wantTruncated: true},
		{name: "K4 limit exactly the count", adj: complete(4), limit: 20, want: k4},
		{name: "K4 limit above the count", adj: complete(4), limit: 21, want: k4},
		{name: "K4 limit MaxInt", adj: complete(4), limit: math.MaxInt, want: k4},
		{name: "long ring", adj: ring(3), want: [][]int{{0, 1, 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, gotTruncated := loops.Cycles(tt.adj, tt.limit)
			if !equalCycles(got, tt.want) || gotTruncated != tt.wantTruncated {
				t.Errorf("Cycles(%v, %d) = %v, %v; want %v, %v", tt.adj, tt.limit, got, gotTruncated, tt.want, tt.wantTruncated)
			}
			limit := tt.limit
			if limit <= 0 {
				limit = loops.Limit
			}
			got, gotTruncated = loops.CyclesWithBudget(tt.adj, limit, 0)
			if !equalCycles(got, tt.want) || gotTruncated != tt.wantTruncated {
				t.Errorf("without fast path: Cycles(%v, %d) = %v, %v; want %v, %v", tt.adj, tt.limit, got, gotTruncated, tt.want, tt.wantTruncated)
			}
		})
	}
}

// TestCyclesLarge checks shapes whose answer is known by construction and
// whose size would expose a search that is not output-sensitive.
func TestCyclesLarge(t *testing.T) {
	tests := []struct {
		name          string
		adj           [][]int
		limit         int
		wantCount     int
		wantLongest   int
		wantTruncated bool
	}{
		{name: "ring of 5000", adj: ring(5000), wantCount: 1, wantLongest: 5000},
		{name: "ring of 100000", adj: ring(100000), wantCount: 1, wantLongest: 100000},
		{name: "ladder of 2000", adj: ladder(2000), wantCount: 1999, wantLongest: 2},
		{name: "ladder of 2000 exactly at limit", adj: ladder(2000), limit: 1999, wantCount: 1999, wantLongest: 2},
		{name: "ladder of 2000 over limit", adj: ladder(2000), limit: 1998, wantCount: 1998, wantLongest: 2, wantTruncated: true},
		{name: "K9 capped", adj: complete(9), wantCount: loops.Limit, wantLongest: 6, wantTruncated: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, gotTruncated := loops.Cycles(tt.adj, tt.limit)
			longest := 0
			for _, c := range got {
				longest = max(longest, len(c))
			}
			if len(got) != tt.wantCount || longest != tt.wantLongest || gotTruncated != tt.wantTruncated {
				t.Errorf("got %d cycles, longest %d, truncated %v; want %d, %d, %v",
					len(got), longest, gotTruncated, tt.wantCount, tt.wantLongest, tt.wantTruncated)
			}
		})
	}
}
