package analysis_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/loops"
)

// TestProperties checks, on seeded random networks and at random dates,
// what must hold whatever the data: a loop's hops are real counted deals
// and its figures follow from them; removing an entity breaks exactly the
// loops through it; the entities' totals add up to the counted deals;
// shares are fractions that add up; At gives the figures of the date asked
// for.
func TestProperties(t *testing.T) {
	sizes := []struct{ entities, deals int }{
		{5, 15}, {8, 30}, {12, 40}, {20, 60}, {40, 120}, {100, 300},
	}
	for _, size := range sizes {
		for seed := range uint64(4) {
			t.Run(fmt.Sprintf("%dx%d/seed=%d", size.entities, size.deals, seed), func(t *testing.T) {
				d := random(t, seed, size.entities, size.deals)
				a := analysis.New(d)
				rnd := rand.New(rand.NewPCG(seed, 7))
				dates := []dataset.Date{{}}
				for range 3 {
					dates = append(dates, a.Dates()[rnd.IntN(len(a.Dates()))])
				}
				dates = append(dates, dataset.Date{Year: 2022, Month: 6, Day: 15})
				for _, asOf := range dates {
					s := a.At(asOf)
					if want := analysis.Build(d, asOf); !reflect.DeepEqual(s.Entities, want.Entities) || !reflect.DeepEqual(s.Loops, want.Loops) {
						t.Fatalf("At(%v) differs from the snapshot computed at that date", asOf)
					}
					checkLoops(t, d, s)
					checkTotals(t, d, s)
					checkShares(t, d, s)
					for x := range d.Entities {
						checkExposure(t, d, s, x, size.entities <= 40)
					}
				}
			})
		}
	}
}

func counted(d *dataset.Dataset, asOf dataset.Date) []int {
	var out []int
	for i := range d.Deals {
		if loops.Counted(&d.Deals[i], asOf) {
			out = append(out, i)
		}
	}
	return out
}

func checkLoops(t *testing.T, d *dataset.Dataset, s *analysis.Snapshot) {
	t.Helper()
	between := map[[2]int][]int{}
	for _, i := range counted(d, s.AsOf) {
		x := &d.Deals[i]
		between[[2]int{x.From, x.To}] = append(between[[2]int{x.From, x.To}], i)
	}
	for k, l := range s.Loops {
		disclosed := 0.0
		var closed dataset.Date
		for h, hop := range l.Hops {
			from, to := l.Entities[h], l.Entities[(h+1)%len(l.Entities)]
			if hop.From != from || hop.To != to {
				t.Fatalf("loop %d hop %d goes %d→%d; want %d→%d", k, h, hop.From, hop.To, from, to)
			}
			if want := between[[2]int{from, to}]; len(want) == 0 || !slices.Equal(hop.Deals, want) {
				t.Fatalf("loop %d hop %d has deals %v; the counted deals between its ends are %v", k, h, hop.Deals, want)
			}
			var first dataset.Date
			for j, i := range hop.Deals {
				if j == 0 || d.Deals[i].Date.Compare(first) < 0 {
					first = d.Deals[i].Date
				}
			}
			if h == 0 || first.Compare(closed) > 0 {
				closed = first
			}
			disclosed += hop.Total
		}
		if l.Disclosed != disclosed {
			t.Errorf("loop %d: disclosed %v; want %v", k, l.Disclosed, disclosed)
		}
		if l.Closed.Compare(closed) != 0 || (!s.AsOf.IsZero() && l.Closed.Compare(s.AsOf) > 0) {
			t.Errorf("loop %d closed %v; want %v, on or before %v", k, l.Closed, closed, s.AsOf)
		}
		for _, e := range l.Entities {
			if !slices.Contains(s.Entities[e].Loops, k) {
				t.Errorf("loop %d is not among the loops of entity %d", k, e)
			}
		}
	}
	for e, f := range s.Entities {
		for _, k := range f.Loops {
			if !slices.Contains(s.Loops[k].Entities, e) {
				t.Errorf("entity %d lists loop %d, which does not go through it", e, k)
			}
		}
	}
}

func checkTotals(t *testing.T, d *dataset.Dataset, s *analysis.Snapshot) {
	t.Helper()
	var want analysis.Money
	var mw float64
	for _, i := range counted(d, s.AsOf) {
		x := &d.Deals[i]
		want.Deals++
		if x.Amount == nil {
			want.Undisclosed++
		} else {
			want.Total += x.Amount.Value
		}
		mw += x.CapacityMW
	}
	var out, in analysis.Money
	var bought, sold float64
	for e, f := range s.Entities {
		out.Total, out.Deals, out.Undisclosed = out.Total+f.Out.Total, out.Deals+f.Out.Deals, out.Undisclosed+f.Out.Undisclosed
		in.Total, in.Deals, in.Undisclosed = in.Total+f.In.Total, in.Deals+f.In.Deals, in.Undisclosed+f.In.Undisclosed
		bought, sold = bought+f.BoughtMW, sold+f.SoldMW
		var byOut, byIn analysis.Money
		for ty := range analysis.TypeCount {
			o, i := f.OutByType[ty], f.InByType[ty]
			byOut.Total, byOut.Deals, byOut.Undisclosed = byOut.Total+o.Total, byOut.Deals+o.Deals, byOut.Undisclosed+o.Undisclosed
			byIn.Total, byIn.Deals, byIn.Undisclosed = byIn.Total+i.Total, byIn.Deals+i.Deals, byIn.Undisclosed+i.Undisclosed
		}
		if byOut != f.Out || byIn != f.In {
			t.Errorf("entity %d: by type out %+v in %+v; totals out %+v in %+v", e, byOut, byIn, f.Out, f.In)
		}
	}
	if out != want || in != want || bought != mw || sold != mw {
		t.Errorf("at %v: out %+v, in %+v, bought %v MW, sold %v MW; counted deals %+v, %v MW", s.AsOf, out, in, bought, sold, want, mw)
	}
}

func checkShares(t *testing.T, d *dataset.Dataset, s *analysis.Snapshot) {
	t.Helper()
	sum := make([]float64, len(d.Entities))
	for e, f := range s.Entities {
		for _, sh := range f.Shares {
			if sh.Share < 0 || sh.Share > 1 || (sh.Known() && sh.Incoming != s.Entities[sh.To].In.Total) {
				t.Errorf("entity %d's share of %d: %+v", e, sh.To, sh)
			}
			sum[sh.To] += sh.Share
		}
	}
	for e, f := range s.Entities {
		if f.In.Total > 0 && math.Abs(sum[e]-1) > 1e-9 {
			t.Errorf("the shares of entity %d's incoming add up to %v", e, sum[e])
		}
	}
}

func checkExposure(t *testing.T, d *dataset.Dataset, s *analysis.Snapshot, x int, viaRemoval bool) {
	t.Helper()
	ex := s.Exposure(x)
	id := d.Entities[x].ID

	var atRisk []int
	for _, i := range counted(d, s.AsOf) {
		if d.Deals[i].From == x || d.Deals[i].To == x {
			atRisk = append(atRisk, i)
		}
	}
	if !slices.Equal(ex.Deals, atRisk) && len(ex.Deals)+len(atRisk) > 0 {
		t.Errorf("%s: deals at risk %v; want %v", id, ex.Deals, atRisk)
	}

	var through []int
	for k, l := range s.Loops {
		if slices.Contains(l.Entities, x) {
			through = append(through, k)
		}
	}
	if !slices.Equal(ex.Loops, through) && len(ex.Loops)+len(through) > 0 {
		t.Errorf("%s: loops broken %v; loops through it %v", id, ex.Loops, through)
	}
	if viaRemoval && !s.Truncated {
		checkBrokenByRemoval(t, d, s, x, ex.Loops)
	}
	checkLosers(t, d, s, x, ex)
}

// checkBrokenByRemoval removes x's deals and finds the loops again: the
// loops that are gone are exactly the broken ones.
func checkBrokenByRemoval(t *testing.T, d *dataset.Dataset, s *analysis.Snapshot, x int, broken []int) {
	t.Helper()
	id := d.Entities[x].ID
	without := *d
	without.Deals = nil
	for _, deal := range d.Deals {
		if deal.From != x && deal.To != x {
			without.Deals = append(without.Deals, deal)
		}
	}
	left := map[string]bool{}
	for _, l := range loops.Find(&without, s.AsOf, 0).Loops {
		left[strings.Join(l.EntityIDs(d), " ")] = true
	}
	var gone []int
	for k, l := range s.Loops {
		if !left[strings.Join(l.EntityIDs(d), " ")] {
			gone = append(gone, k)
		}
	}
	if !slices.Equal(broken, gone) && len(broken)+len(gone) > 0 {
		t.Errorf("%s: loops broken %v; removing it breaks %v", id, broken, gone)
	}
}

// checkLosers checks the losses that x's failure causes: in range, of the
// right order, through failing counterparties only, and in order.
func checkLosers(t *testing.T, d *dataset.Dataset, s *analysis.Snapshot, x int, ex analysis.Exposure) {
	t.Helper()
	id := d.Entities[x].ID
	failing := map[int]bool{}
	for _, c := range ex.Failing {
		failing[c] = true
	}
	for k, l := range ex.Losers {
		if l.Entity == x {
			t.Errorf("%s loses by its own failure", id)
		}
		if l.Share < 0 || l.Share > 1 || l.Lost() > l.Incoming || l.Incoming != s.Entities[l.Entity].In.Total {
			t.Errorf("%s: loss %+v out of range", id, l)
		}
		if (l.Order == 1) != (l.Direct > 0 || directDeals(d, s, x, l.Entity)) || (l.Order == 2 && len(l.Through) == 0) {
			t.Errorf("%s: loss %+v has the wrong order", id, l)
		}
		for _, c := range l.Through {
			if !failing[c] {
				t.Errorf("%s: %+v loses through %d, which is not failing", id, l, c)
			}
		}
		if failing[l.Entity] != (l.Direct > l.Incoming/2) && l.Order == 1 {
			// A failing counterparty is one that lost more than half at
			// first order.
			t.Errorf("%s: %+v failing %v", id, l, failing[l.Entity])
		}
		if k > 0 {
			p := ex.Losers[k-1]
			if p.Known() && l.Known() && p.Share < l.Share || !p.Known() && l.Known() {
				t.Errorf("%s: losers out of order at %d", id, k)
			}
		}
	}
}

// directDeals reports whether x has a counted deal to e.
func directDeals(d *dataset.Dataset, s *analysis.Snapshot, x, e int) bool {
	for _, i := range counted(d, s.AsOf) {
		if d.Deals[i].From == x && d.Deals[i].To == e {
			return true
		}
	}
	return false
}
