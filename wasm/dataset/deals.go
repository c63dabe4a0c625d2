package dataset

import (
	"fmt"

	"github.com/tidwall/gjson"
)

// deals reads the deals array.
func (l *loader) deals(doc, v gjson.Result, p path) {
	if !l.section(doc, v, p, '[') {
		return
	}
	l.dealsOK = true
	l.ds.DealIndex = make(map[string]int)
	n := 0
	v.ForEach(func(_, dv gjson.Result) bool {
		l.deal(dv, p.at(n))
		n++
		return true
	})
	if n < 1 {
		l.add(v.Index, p, "needs at least 1 deal, found 0")
	}
}

const (
	dealID = iota
	dealFrom
	dealTo
	dealType
	dealAmount
	dealCapacity
	dealDate
	dealUntil
	dealStatus
	dealSummary
	dealSources
	dealUpdates
	dealCount
)

var dealNames = [dealCount]string{
	dealID: "id", dealFrom: "from", dealTo: "to", dealType: "type", dealAmount: "amount",
	dealCapacity: "capacityMW", dealDate: "date", dealUntil: "until", dealStatus: "status",
	dealSummary: "summary", dealSources: "sources", dealUpdates: "updates",
}

func (l *loader) deal(v gjson.Result, p path) {
	if !l.object(v, p) {
		return
	}
	var f [dealCount]gjson.Result
	l.members(v, p, dealNames[:], f[:])
	ds := l.ds
	d := Deal{From: -1, To: -1}

	if id, ok := l.text(v, f[dealID], p.member("id"), true); ok {
		d.ID = id
		if prev, dup := ds.DealIndex[id]; dup {
			l.add(f[dealID].Index, p.member("id"), fmt.Sprintf("%s is already the id of deals[%d]", quote(id), prev))
		} else {
			ds.DealIndex[id] = len(ds.Deals)
		}
	}
	from, fromOK := l.text(v, f[dealFrom], p.member("from"), true)
	if fromOK {
		d.From = l.entityRef(f[dealFrom], p.member("from"))
	}
	if to, ok := l.text(v, f[dealTo], p.member("to"), true); ok {
		d.To = l.entityRef(f[dealTo], p.member("to"))
		if fromOK && to == from {
			l.add(f[dealTo].Index, p.member("to"), "is the same entity as from ("+quote(from)+"); a deal links two different entities")
		}
	}
	typeOK := false
	if t, ok := l.text(v, f[dealType], p.member("type"), true); ok {
		var err error
		if d.Type, err = ParseDealType(t); err != nil {
			l.add(f[dealType].Index, p.member("type"), err.Error())
		} else {
			typeOK = true
		}
	}
	if f[dealAmount].Exists() {
		d.Amount = l.amount(f[dealAmount], p.member("amount"))
	}
	if c := f[dealCapacity]; c.Exists() {
		d.CapacityMW, _ = l.positive(c, p.member("capacityMW"))
		if typeOK && !d.Type.BuysCapacity() {
			l.add(c.Index, p.member("capacityMW"), "is only for compute, chips and power deals, not "+d.Type.String())
		}
	}
	capOK := typeOK && d.Type.BuysCapacity()
	var dateOK, untilOK bool
	d.Date, dateOK = l.date(v, f[dealDate], p.member("date"), true)
	d.Until, untilOK = l.date(v, f[dealUntil], p.member("until"), false)
	if dateOK && untilOK && d.Until.Compare(d.Date) < 0 {
		l.add(f[dealUntil].Index, p.member("until"), fmt.Sprintf("%s is before the deal's date %s", quote(d.Until.String()), quote(d.Date.String())))
	}
	if s, ok := l.text(v, f[dealStatus], p.member("status"), true); ok {
		var err error
		if d.Status, err = ParseStatus(s); err != nil {
			l.add(f[dealStatus].Index, p.member("status"), err.Error())
		}
	}
	d.Summary, _ = l.text(v, f[dealSummary], p.member("summary"), true)
	if s := f[dealSources]; !s.Exists() {
		l.add(end(v), p.member("sources"), "is required")
	} else {
		var n int
		d.Sources, n = l.sourceRefs(s, p.member("sources"))
		if n == 0 && s.IsArray() {
			l.add(s.Index, p.member("sources"), "must list at least one source")
		}
	}
	if u := f[dealUpdates]; u.Exists() {
		after := d.Date
		if !dateOK {
			after = Date{}
		}
		d.Updates = l.updates(u, p.member("updates"), after, typeOK, capOK, d.Type)
	}
	ds.Deals = append(ds.Deals, d)
}

// entityRef looks up the entity id in v, or returns -1.
func (l *loader) entityRef(v gjson.Result, p path) int {
	if !l.entitiesOK {
		return -1
	}
	i, ok := l.ds.EntityIndex[v.Str]
	if !ok {
		l.add(v.Index, p, quote(v.Str)+" is not an entity id")
		return -1
	}
	return i
}

// sourceRefs reads a list of source keys and marks them cited.
func (l *loader) sourceRefs(v gjson.Result, p path) ([]int, int) {
	refs, n := l.idList(v, p, l.ds.SourceIndex, "a key of sources")
	for _, k := range refs {
		l.cited[k] = true
	}
	return refs, n
}

const (
	amountValue = iota
	amountUpTo
	amountEstimate
	amountCount
)

var amountNames = [amountCount]string{amountValue: "value", amountUpTo: "upTo", amountEstimate: "estimate"}

func (l *loader) amount(v gjson.Result, p path) *Amount {
	if !l.object(v, p) {
		return nil
	}
	var f [amountCount]gjson.Result
	l.members(v, p, amountNames[:], f[:])
	a := l.newAmount()
	if !f[amountValue].Exists() {
		l.add(end(v), p.member("value"), "is required")
	} else {
		a.Value, _ = l.positive(f[amountValue], p.member("value"))
	}
	a.UpTo = l.flag(f[amountUpTo], p.member("upTo"))
	a.Estimate = l.flag(f[amountEstimate], p.member("estimate"))
	return a
}

// newAmount returns a zero Amount carved from a shared block, which saves an
// allocation for each disclosed deal of a large document.
func (l *loader) newAmount() *Amount {
	if len(l.amounts) == cap(l.amounts) {
		l.amounts = make([]Amount, 0, 64)
	}
	l.amounts = l.amounts[:len(l.amounts)+1]
	return &l.amounts[len(l.amounts)-1]
}
