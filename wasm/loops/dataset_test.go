package loops_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"ouroboros/wasm/dataset"
)

// deal is a deal of a hand-built test dataset; amount 0 means undisclosed.
type deal struct {
	id, from, to string
	amount       float64
	date         string
	status       dataset.Status
}

// build returns a dataset with the given entity ids, in that index order,
// and deals. Only the fields loops reads are filled.
func build(t testing.TB, ids []string, deals []deal) *dataset.Dataset {
	t.Helper()
	d := &dataset.Dataset{
		EntityIndex: make(map[string]int, len(ids)),
		DealIndex:   make(map[string]int, len(deals)),
	}
	for i, id := range ids {
		d.Entities = append(d.Entities, dataset.Entity{ID: id, Name: id})
		d.EntityIndex[id] = i
	}
	for i, dl := range deals {
		from, okFrom := d.EntityIndex[dl.from]
		to, okTo := d.EntityIndex[dl.to]
		if !okFrom || !okTo {
			t.Fatalf("bad test: deal %s links unknown entities", dl.id)
		}
		date, err := dataset.ParseDate(dl.date)
		if err != nil {
			t.Fatalf("bad test: deal %s: %v", dl.id, err)
		}
		x := dataset.Deal{ID: dl.id, From: from, To: to, Date: date, Status: dl.status}
		if dl.amount > 0 {
			x.Amount = &dataset.Amount{Value: dl.amount}
		}
		d.Deals = append(d.Deals, x)
		d.DealIndex[dl.id] = i
	}
	return d
}

func date(t testing.TB, s string) dataset.Date {
	t.Helper()
	if s == "" {
		return dataset.Date{}
	}
	d, err := dataset.ParseDate(s)
	if err != nil {
		t.Fatalf("bad test: %v", err)
	}
	return d
}

// generate returns a seeded random dataset: entities with random ids (so id
// order is not index order), deals between random pairs with a mix of
// undisclosed amounts, terminated deals and partial dates.
func generate(seed uint64, entities, deals int) *dataset.Dataset {
	rnd := rand.New(rand.NewPCG(seed, 0x64617461))
	d := &dataset.Dataset{
		EntityIndex: make(map[string]int, entities),
		DealIndex:   make(map[string]int, deals),
	}
	for len(d.Entities) < entities {
		id := fmt.Sprintf("e%x", rnd.Uint32())
		if _, dup := d.EntityIndex[id]; dup {
			continue
		}
		d.EntityIndex[id] = len(d.Entities)
		d.Entities = append(d.Entities, dataset.Entity{ID: id, Name: id})
	}
	for i := range deals {
		from := rnd.IntN(entities)
		to := rnd.IntN(entities - 1)
		if to >= from {
			to++
		}
		x := dataset.Deal{
			ID:     fmt.Sprintf("d%d", i),
			From:   from,
			To:     to,
			Status: dataset.Status(rnd.IntN(int(dataset.Terminated) + 1)),
			Date:   randomDate(rnd),
		}
		if rnd.IntN(3) > 0 {
			x.Amount = &dataset.Amount{Value: float64(1 + rnd.IntN(1000))}
		}
		d.DealIndex[x.ID] = i
		d.Deals = append(d.Deals, x)
	}
	return d
}

// randomDate returns a date from 2020 to 2026 given to the year, the month or the day.
func randomDate(rnd *rand.Rand) dataset.Date {
	dt := dataset.Date{Year: 2020 + rnd.IntN(7)}
	if rnd.IntN(4) > 0 {
		dt.Month = 1 + rnd.IntN(12)
		if rnd.IntN(2) > 0 {
			dt.Day = 1 + rnd.IntN(28)
		}
	}
	return dt
}
