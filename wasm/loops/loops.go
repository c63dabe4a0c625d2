// Package loops finds the loops of a dataset's money graph: the elementary
// directed cycles along which money flows from an entity back to itself, as
// the dataset format defines them ("Loops: what the program must compute"),
// with the deals behind each hop and the loop's round-trip value.
package loops

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"ouroboros/wasm/dataset"
)

// Limit is the number of loops the format keeps: the first Limit in the
// order of Find.
const Limit = 10000

// Loop is one elementary cycle of the money graph.
type Loop struct {
	// Entities are the entities of the loop in the direction money flows,
	// as indexes into Dataset.Entities, starting with the smallest id.
	Entities []int
	// Hops[i] goes from Entities[i] to Entities[(i+1) % len(Entities)].
	Hops []Hop
	// RoundTrip is the smallest hop total in the dataset's currency, the
	// most that can have gone all the way round; 0 when not RoundTripKnown.
	RoundTrip float64
	// RoundTripKnown reports whether every hop is disclosed; when one is not,
	// the round-trip value is unknown (null in the format).
	RoundTripKnown bool
}

// Result is the loops of a dataset at a date.
type Result struct {
	// Loops are sorted by length, then by their lists of entity ids.
	Loops []Loop
	// Truncated reports whether more loops exist than were kept.
	Truncated bool
}

// Find returns the loops of d's money graph at asOf (the zero Date counts
// every deal that is not terminated): the first limit of them by length,
// then by their lists of entity ids compared in byte order, and whether more
// exist. A limit <= 0 means Limit.
func Find(d *dataset.Dataset, asOf dataset.Date, limit int) Result {
	g := NewGraph(d, asOf)

	// Number the entities in id order so that the vertex order of Cycles,
	// which decides rotation and sorting, is the id order of the format.
	byID := make([]int, len(d.Entities))
	for i := range byID {
		byID[i] = i
	}
	slices.SortFunc(byID, func(a, b int) int {
		return strings.Compare(d.Entities[a].ID, d.Entities[b].ID)
	})
	vertex := make([]int, len(d.Entities))
	for v, e := range byID {
		vertex[e] = v
	}
	// adj[v] lists the successors of vertex v in ascending order and
	// edge[v] the index into g.Edges of each of those edges.
	adj, edge := make([][]int, len(d.Entities)), make([][]int, len(d.Entities))
	for e, h := range g.Edges {
		v := vertex[h.From]
		adj[v] = append(adj[v], vertex[h.To])
		edge[v] = append(edge[v], e)
	}
	for v := range adj {
		sortTogether(adj[v], edge[v])
	}

	cycles, truncated := Cycles(adj, limit)
	r := Result{Loops: make([]Loop, len(cycles)), Truncated: truncated}
	size := 0
	for _, c := range cycles {
		size += len(c)
	}
	// One backing array each for all the loops' entities and hops.
	entities, hops := make([]int, size), make([]Hop, size)
	for i, c := range cycles {
		l := Loop{
			Entities:       entities[:len(c):len(c)],
			Hops:           hops[:len(c):len(c)],
			RoundTrip:      math.Inf(1),
			RoundTripKnown: true,
		}
		entities, hops = entities[len(c):], hops[len(c):]
		for k, v := range c {
			l.Entities[k] = byID[v]
		}
		for k, v := range c {
			w := c[(k+1)%len(c)]
			at, ok := slices.BinarySearch(adj[v], w)
			if !ok {
				panic("loops: a cycle uses an edge the money graph does not have")
			}
			h := g.Edges[edge[v][at]]
			l.Hops[k] = h
			if !h.Disclosed {
				l.RoundTripKnown = false
			}
			l.RoundTrip = min(l.RoundTrip, h.Total)
		}
		if !l.RoundTripKnown {
			l.RoundTrip = 0
		}
		r.Loops[i] = l
	}
	return r
}

// sortTogether sorts keys ascending and applies the same permutation to
// values.
func sortTogether(keys, values []int) {
	type pair struct{ key, value int }
	pairs := make([]pair, len(keys))
	for i := range keys {
		pairs[i] = pair{keys[i], values[i]}
	}
	slices.SortFunc(pairs, func(a, b pair) int { return cmp.Compare(a.key, b.key) })
	for i, p := range pairs {
		keys[i], values[i] = p.key, p.value
	}
}

// EntityIDs returns the ids of the loop's entities, in loop order: the form
// in which the format reports a loop.
func (l Loop) EntityIDs(d *dataset.Dataset) []string {
	ids := make([]string, len(l.Entities))
	for i, e := range l.Entities {
		ids[i] = d.Entities[e].ID
	}
	return ids
}

// DealIDs returns the ids of all the deals behind the loop, hop by hop and
// in dataset order within a hop.
func (l Loop) DealIDs(d *dataset.Dataset) []string {
	var ids []string
	for _, h := range l.Hops {
		for _, i := range h.Deals {
			ids = append(ids, d.Deals[i].ID)
		}
	}
	return ids
}
