package dataset

import (
	"fmt"

	"github.com/tidwall/gjson"
)

const (
	updateDate = iota
	updateSummary
	updateSources
	updateStatus
	updateAmount
	updateCapacity
	updateCount
)

var updateNames = [updateCount]string{
	updateDate: "date", updateSummary: "summary", updateSources: "sources",
	updateStatus: "status", updateAmount: "amount", updateCapacity: "capacityMW",
}

// updates reads a deal's updates array. after is the deal's date (zero when
// it is unusable, and then only the order of the updates is checked);
// typeOK says the deal's type t is known and capOK that it may give a
// capacity.
func (l *loader) updates(v gjson.Result, p path, after Date, typeOK, capOK bool, t DealType) []Update {
	if !v.IsArray() {
		l.add(v.Index, p, "must be an array, found "+kindOf(v))
		return nil
	}
	var list []Update
	prev, prevAt, n := after, -1, 0
	v.ForEach(func(_, uv gjson.Result) bool {
		up := p.at(n)
		n++
		u, at, ok := l.update(uv, up, typeOK, capOK, t)
		if !ok {
			return true
		}
		if !prev.IsZero() && u.Date.Compare(prev) <= 0 {
			if prevAt < 0 {
				l.add(at, up.member("date"), fmt.Sprintf("%s is not after the deal's date %s; an update comes after the deal", quote(u.Date.String()), quote(prev.String())))
			} else {
				l.add(at, up.member("date"), fmt.Sprintf("%s is not after the date of updates[%d], %s; updates are oldest first, one date each", quote(u.Date.String()), prevAt, quote(prev.String())))
			}
		}
		prev, prevAt = u.Date, n-1
		list = append(list, u)
		return true
	})
	return list
}

// update reads one update and returns the offset of its date; ok is false
// when the date is unusable, so that its order cannot be checked.
func (l *loader) update(v gjson.Result, p path, typeOK, capOK bool, t DealType) (u Update, at int, ok bool) {
	if !l.object(v, p) {
		return Update{}, 0, false
	}
	var f [updateCount]gjson.Result
	l.members(v, p, updateNames[:], f[:])
	var dateOK bool
	u.Date, dateOK = l.date(v, f[updateDate], p.member("date"), true)
	u.Summary, _ = l.text(v, f[updateSummary], p.member("summary"), true)
	if s := f[updateSources]; !s.Exists() {
		l.add(end(v), p.member("sources"), "is required")
	} else {
		var n int
		u.Sources, n = l.sourceRefs(s, p.member("sources"))
		if n == 0 && s.IsArray() {
			l.add(s.Index, p.member("sources"), "must list at least one source")
		}
	}
	if st, ok := l.text(v, f[updateStatus], p.member("status"), false); ok && f[updateStatus].Exists() {
		var err error
		if u.Status, err = ParseStatus(st); err != nil {
			l.add(f[updateStatus].Index, p.member("status"), err.Error())
		} else {
			u.HasStatus = true
		}
	}
	if f[updateAmount].Exists() {
		u.Amount = l.amount(f[updateAmount], p.member("amount"))
	}
	if c := f[updateCapacity]; c.Exists() {
		u.CapacityMW, _ = l.positive(c, p.member("capacityMW"))
		if typeOK && !capOK {
			l.add(c.Index, p.member("capacityMW"), "is only for compute, chips and power deals, not "+t.String())
		}
	}
	return u, f[updateDate].Index, dateOK
}
