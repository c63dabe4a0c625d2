package page

import (
	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/session"
	"ouroboros/wasm/wording"
)

// The text twin of the picture: what the canvas shows, for screen readers
// and the page's text view (web/twin.js writes the sentences). The program
// hands over the facts in two parts: the dataset's, once (TwinFacts), and
// the analysis' at the current view (Twin), on each change. Both are plain
// Go values marshalled as they are, so that the twin adds next to no code
// to the program (the wasm has a size budget).

// TwinFacts is the part of the dataset the twin lists, marshalled with Go's
// default field names: entities (ID, Name, Kind as an index into Kinds),
// deals (ID, From, To, Type and Status as indexes into Types and Statuses,
// Amount null or {Value, UpTo, Estimate}, CapacityMW, Date, Until, Summary,
// Sources as indexes into Sources), sources (Publisher, Title, URL) and
// kinds (Key, Label).
type TwinFacts struct {
	Title, Subtitle, Currency string
	Kinds                     []dataset.Kind
	Entities                  []dataset.Entity
	Deals                     []dataset.Deal
	Sources                   []dataset.Source
	// Types and Statuses are the words of the deal types and statuses.
	Types, Statuses []string
	// Amounts and Capacities are each deal's amount and capacity in words
	// ("up to $100B", "1 GW", "" for no capacity), by index into Deals.
	Amounts, Capacities []string
}

// NewTwinFacts gathers the facts of d for the twin.
func NewTwinFacts(d *dataset.Dataset) TwinFacts {
	f := TwinFacts{Title: d.Title, Subtitle: d.Subtitle, Currency: d.Currency,
		Kinds: d.Kinds, Entities: d.Entities, Deals: d.Deals, Sources: d.Sources}
	f.Types, f.Statuses = wording.DealTypes(), wording.Statuses()
	for _, x := range d.Deals {
		f.Amounts = append(f.Amounts, wording.Amount(x.Amount, d.Currency))
		f.Capacities = append(f.Capacities, wording.Capacity(x.CapacityMW))
	}
	return f
}

// Twin is the analysis at the current view, for the twin.
type Twin struct {
	// Deals are the indexes of the deals dated on or before the date (every
	// deal when there is none), in the dataset's order.
	Deals []int `json:"deals"`
	// Flows are each entity's figures at the date.
	Flows []TwinFlows `json:"flows"`
	// Loops are the first TwinLoops loops at the date, as the analysis has
	// them (Entities, Hops with From, To, Deals, Total and Disclosed,
	// RoundTrip, RoundTripKnown, Closed); MoreLoops counts the others the
	// analysis kept, and Truncated says that it kept only the first ones.
	Loops     []analysis.LoopInfo `json:"loops"`
	LoopTexts []TwinLoopText      `json:"loopTexts"` // the words of Loops' figures
	MoreLoops int                 `json:"moreLoops"`
	Truncated bool                `json:"truncated"`
	// DealsAt are the deals of Deals as of the date (their updates up to
	// it applied): status (an index into TwinFacts.Statuses), amount and
	// capacity in words, in the order of Deals.
	DealsAt []TwinDeal `json:"dealsAt"`
	// Selection is the selected entity, -1 for none.
	Selection int `json:"selection"`
	// FocusEntities and FocusDeals are what the open story step points at.
	FocusEntities []int `json:"focusEntities"`
	FocusDeals    []int `json:"focusDeals"`
}

// TwinFlows are an entity's figures: what it pays and receives, the
// capacity it buys and sells, and how many loops it sits in.
type TwinFlows struct {
	Out      TwinMoney `json:"out"`
	In       TwinMoney `json:"in"`
	BoughtMW float64   `json:"boughtMW"`
	SoldMW   float64   `json:"soldMW"`
	Loops    int       `json:"loops"`
	// OutText and InText are the totals in words ("undisclosed" when no
	// deal has an amount), BoughtText and SoldText the capacities ("" for
	// none).
	OutText    string `json:"outText"`
	InText     string `json:"inText"`
	BoughtText string `json:"boughtText"`
	SoldText   string `json:"soldText"`
}

// TwinDeal is a deal as of the twin's date.
type TwinDeal struct {
	Status   int    `json:"status"`
	Amount   string `json:"amount"`
	Capacity string `json:"capacity"`
}

// TwinLoopText is a loop's figures in words: its round trip and each hop's
// total ("undisclosed" when unknown).
type TwinLoopText struct {
	RoundTrip string   `json:"roundTrip"`
	Hops      []string `json:"hops"`
}

// TwinMoney is analysis.Money: the disclosed total of some deals, how many
// they are and how many have no amount.
type TwinMoney struct {
	Total       float64 `json:"total"`
	Deals       int     `json:"deals"`
	Undisclosed int     `json:"undisclosed"`
}

// TwinLoops is how many loops the twin lists: a large network has
// thousands, which no reader goes through.
const TwinLoops = 50

// TwinKey is what a twin depends on besides the dataset: the same key makes
// the same twin, so the program builds it only when the key changes.
type TwinKey struct {
	AsOf        dataset.Date
	Selection   int
	Story, Step int
}

// KeyOf returns the key of the twin for a page.
func KeyOf(n session.Now) TwinKey {
	return TwinKey{AsOf: n.AsOf, Selection: n.Selection, Story: n.Story, Step: n.Step}
}

// NewTwin gathers the twin's figures for the view n, with snap the analysis
// at n's date.
func NewTwin(d *dataset.Dataset, snap *analysis.Snapshot, n session.Now) *Twin {
	t := &Twin{Deals: []int{}, DealsAt: []TwinDeal{}, Flows: make([]TwinFlows, len(snap.Entities)), Loops: snap.Loops,
		Truncated: snap.Truncated, Selection: n.Selection, FocusEntities: []int{}, FocusDeals: []int{}}
	for i := range d.Deals {
		if n.AsOf.IsZero() || d.Deals[i].Date.Compare(n.AsOf) <= 0 {
			t.Deals = append(t.Deals, i)
			st := d.Deals[i].At(n.AsOf)
			t.DealsAt = append(t.DealsAt, TwinDeal{Status: int(st.Status), Amount: wording.Amount(st.Amount, d.Currency),
				Capacity: wording.Capacity(st.CapacityMW)})
		}
	}
	for i, f := range snap.Entities {
		t.Flows[i] = TwinFlows{Out: TwinMoney(f.Out), In: TwinMoney(f.In), BoughtMW: f.BoughtMW, SoldMW: f.SoldMW, Loops: len(f.Loops),
			OutText: twinTotal(f.Out, d.Currency), InText: twinTotal(f.In, d.Currency),
			BoughtText: wording.Capacity(f.BoughtMW), SoldText: wording.Capacity(f.SoldMW)}
	}
	if len(t.Loops) > TwinLoops {
		t.Loops, t.MoreLoops = t.Loops[:TwinLoops], len(t.Loops)-TwinLoops
	}
	t.LoopTexts = make([]TwinLoopText, len(t.Loops))
	for k, lp := range t.Loops {
		lt := TwinLoopText{RoundTrip: wording.Undisclosed(), Hops: make([]string, len(lp.Hops))}
		if lp.RoundTripKnown {
			lt.RoundTrip = wording.Money(lp.RoundTrip, d.Currency)
		}
		for h, hop := range lp.Hops {
			lt.Hops[h] = wording.Undisclosed()
			if hop.Disclosed {
				lt.Hops[h] = wording.Money(hop.Total, d.Currency)
			}
		}
		t.LoopTexts[k] = lt
	}
	if n.Story >= 0 && n.Story < len(d.Stories) {
		st := d.Stories[n.Story].Steps[n.Step]
		t.FocusEntities = append(t.FocusEntities, st.FocusEntities...)
		t.FocusDeals = append(t.FocusDeals, st.FocusDeals...)
	}
	return t
}

// twinTotal words a total the twin writes: undisclosed when no deal of it
// has an amount.
func twinTotal(m analysis.Money, currency string) string {
	if m.Deals > m.Undisclosed {
		return wording.Money(m.Total, currency)
	}
	return wording.Undisclosed()
}
