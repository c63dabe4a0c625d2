package analysis

import (
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/wording"
)

// EntityReport is an entity's card as plain JSON-able data: entities by id,
// amounts as numbers in the dataset's currency, null where unknown, each
// beside its words (wording's, the page writes no number of its own).
type EntityReport struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Kind string `json:"kind"` // key of the entity's kind
	Note string `json:"note"`
	// AsOf is the snapshot's date, "" for every deal.
	AsOf     string         `json:"asOf"`
	Out      FlowReport     `json:"out"`
	In       FlowReport     `json:"in"`
	Capacity CapacityReport `json:"capacity"`
	Loops    []LoopRef      `json:"loops"`
	Shares   []ShareReport  `json:"shares"`
	Exposure ExposureReport `json:"exposure"`
}

// MoneyReport is Money as JSON: total is null when no deal is disclosed;
// TotalText is its words, "undisclosed" when null.
type MoneyReport struct {
	Total       *float64 `json:"total"`
	TotalText   string   `json:"totalText"`
	Deals       int      `json:"deals"`
	Undisclosed int      `json:"undisclosed"`
}

// FlowReport is the money an entity pays or receives, with the total of
// each deal type it has a counted deal of (null when none is disclosed).
type FlowReport struct {
	MoneyReport
	ByType map[string]*float64 `json:"byType"`
}

// CapacityReport is the capacity an entity bought and sold, in megawatts,
// and in words ("6 GW", "" for none).
type CapacityReport struct {
	BoughtMW   float64 `json:"boughtMW"`
	SoldMW     float64 `json:"soldMW"`
	BoughtText string  `json:"boughtText"`
	SoldText   string  `json:"soldText"`
}

// LoopRef names one loop an entity sits in.
type LoopRef struct {
	Index          int      `json:"index"` // index into the snapshot's loops
	Entities       []string `json:"entities"`
	RoundTripValue *float64 `json:"roundTripValue"`
	RoundTripText  string   `json:"roundTripText"` // "undisclosed" when null
}

// ShareReport is an entity's part in a counterparty's incoming commitments.
type ShareReport struct {
	ID          string   `json:"id"` // the counterparty
	Name        string   `json:"name"`
	Amount      *float64 `json:"amount"` // null when no deal to it is disclosed
	Deals       int      `json:"deals"`
	Undisclosed int      `json:"undisclosed"`
	Incoming    float64  `json:"incoming"` // the counterparty's disclosed incoming total
	Share       *float64 `json:"share"`    // in [0, 1], null when unknown
}

// ExposureReport is Exposure as JSON.
type ExposureReport struct {
	DealsAtRisk []string     `json:"dealsAtRisk"`
	AtRisk      MoneyReport  `json:"atRisk"`
	LoopsBroken []int        `json:"loopsBroken"` // indexes into the snapshot's loops
	Failing     []string     `json:"failing"`
	Losers      []LossReport `json:"losers"`
}

// LossReport is Loss as JSON.
type LossReport struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Lost        float64  `json:"lost"`
	Direct      float64  `json:"direct"`
	Indirect    float64  `json:"indirect"`
	Deals       int      `json:"deals"`
	Undisclosed int      `json:"undisclosed"`
	Incoming    float64  `json:"incoming"`
	Share       *float64 `json:"share"`     // in [0, 1], null when unknown
	ShareText   string   `json:"shareText"` // "40%", "" when unknown
	Order       int      `json:"order"`     // 1 or 2
	Through     []string `json:"through"`
}

// LoopReport is a loop's card as plain JSON-able data.
type LoopReport struct {
	Index          int         `json:"index"` // index into the snapshot's loops
	Entities       []string    `json:"entities"`
	Hops           []HopReport `json:"hops"`
	RoundTripValue *float64    `json:"roundTripValue"`
	RoundTripText  string      `json:"roundTripText"` // "undisclosed" when null
	DisclosedTotal float64     `json:"disclosedTotal"`
	DisclosedText  string      `json:"disclosedText"`
	Closed         string      `json:"closed"`
}

// HopReport is one hop of a loop with the deals behind it.
type HopReport struct {
	From      string       `json:"from"`
	To        string       `json:"to"`
	Deals     []DealReport `json:"deals"`
	Total     *float64     `json:"total"`     // null when no deal is disclosed
	TotalText string       `json:"totalText"` // "undisclosed" when null
}

// DealReport is one deal behind a hop.
type DealReport struct {
	ID       string   `json:"id"`
	Type     string   `json:"type"`
	Amount   *float64 `json:"amount"` // null when undisclosed
	UpTo     bool     `json:"upTo"`
	Estimate bool     `json:"estimate"`
	// AmountText is the amount in words: "up to $100B", "undisclosed".
	AmountText string `json:"amountText"`
	Status     string `json:"status"`
	Date       string `json:"date"`
	Summary    string `json:"summary"`
}

// EntityReport returns the card of entity (an index into Dataset.Entities).
func (s *Snapshot) EntityReport(entity int) EntityReport {
	d := s.a.d
	e, f := &d.Entities[entity], &s.Entities[entity]
	r := EntityReport{
		ID:   e.ID,
		Name: e.Name,
		Kind: d.Kinds[e.Kind].Key,
		Note: e.Note,
		AsOf: s.AsOf.String(),
		Out:  flowReport(f.Out, &f.OutByType, d.Currency),
		In:   flowReport(f.In, &f.InByType, d.Currency),
		Capacity: CapacityReport{BoughtMW: f.BoughtMW, SoldMW: f.SoldMW,
			BoughtText: wording.Capacity(f.BoughtMW), SoldText: wording.Capacity(f.SoldMW)},
		Loops:    make([]LoopRef, len(f.Loops)),
		Shares:   make([]ShareReport, len(f.Shares)),
		Exposure: s.exposureReport(s.Exposure(entity)),
	}
	for k, i := range f.Loops {
		l := &s.Loops[i]
		rt := known(l.RoundTrip, l.RoundTripKnown)
		r.Loops[k] = LoopRef{Index: i, Entities: l.EntityIDs(d), RoundTripValue: rt, RoundTripText: wording.Known(rt, d.Currency)}
	}
	for k, sh := range f.Shares {
		r.Shares[k] = ShareReport{
			ID:          d.Entities[sh.To].ID,
			Name:        d.Entities[sh.To].Name,
			Amount:      known(sh.Amount, sh.Known()),
			Deals:       sh.Deals,
			Undisclosed: sh.Undisclosed,
			Incoming:    sh.Incoming,
			Share:       known(sh.Share, sh.Known()),
		}
	}
	return r
}

func (s *Snapshot) exposureReport(x Exposure) ExposureReport {
	d := s.a.d
	r := ExposureReport{
		DealsAtRisk: make([]string, len(x.Deals)),
		AtRisk:      moneyReport(x.AtRisk, d.Currency),
		LoopsBroken: x.Loops,
		Failing:     s.ids(x.Failing),
		Losers:      make([]LossReport, len(x.Losers)),
	}
	if r.LoopsBroken == nil {
		r.LoopsBroken = []int{}
	}
	for k, i := range x.Deals {
		r.DealsAtRisk[k] = d.Deals[i].ID
	}
	for k, l := range x.Losers {
		r.Losers[k] = LossReport{
			ID:          d.Entities[l.Entity].ID,
			Name:        d.Entities[l.Entity].Name,
			Lost:        l.Lost(),
			Direct:      l.Direct,
			Indirect:    l.Indirect,
			Deals:       l.Deals,
			Undisclosed: l.Undisclosed,
			Incoming:    l.Incoming,
			Share:       known(l.Share, l.Known()),
			ShareText:   wording.Share(known(l.Share, l.Known())),
			Order:       l.Order,
			Through:     s.ids(l.Through),
		}
	}
	return r
}

// LoopReport returns the card of loop (an index into Snapshot.Loops).
func (s *Snapshot) LoopReport(loop int) LoopReport {
	d := s.a.d
	l := &s.Loops[loop]
	r := LoopReport{
		Index:          loop,
		Entities:       l.EntityIDs(d),
		Hops:           make([]HopReport, len(l.Hops)),
		RoundTripValue: known(l.RoundTrip, l.RoundTripKnown),
		RoundTripText:  wording.Known(known(l.RoundTrip, l.RoundTripKnown), d.Currency),
		DisclosedTotal: l.Disclosed,
		DisclosedText:  wording.Money(l.Disclosed, d.Currency),
		Closed:         wording.Date(l.Closed),
	}
	for k, h := range l.Hops {
		hr := HopReport{
			From:  d.Entities[h.From].ID,
			To:    d.Entities[h.To].ID,
			Deals: make([]DealReport, len(h.Deals)),
			Total: known(h.Total, h.Disclosed),
		}
		hr.TotalText = wording.Known(hr.Total, d.Currency)
		for j, i := range h.Deals {
			hr.Deals[j] = dealReport(&d.Deals[i], s.at, d.Currency)
		}
		r.Hops[k] = hr
	}
	return r
}

// dealReport reports the deal as of at, in words.
func dealReport(x *dataset.Deal, at dataset.Date, currency string) DealReport {
	st := x.At(at)
	r := DealReport{ID: x.ID, Type: wording.DealType(x.Type), Status: wording.Status(st.Status), Date: wording.Date(x.Date),
		Summary: x.Summary, AmountText: wording.Amount(st.Amount, currency)}
	if a := st.Amount; a != nil {
		r.Amount, r.UpTo, r.Estimate = known(a.Value, true), a.UpTo, a.Estimate
	}
	return r
}

func flowReport(m Money, byType *[TypeCount]Money, currency string) FlowReport {
	r := FlowReport{MoneyReport: moneyReport(m, currency), ByType: map[string]*float64{}}
	for t, tm := range byType {
		if tm.Deals > 0 {
			r.ByType[wording.DealType(dataset.DealType(t))] = known(tm.Total, tm.Known())
		}
	}
	return r
}

func moneyReport(m Money, currency string) MoneyReport {
	total := known(m.Total, m.Known())
	return MoneyReport{Total: total, TotalText: wording.Known(total, currency), Deals: m.Deals, Undisclosed: m.Undisclosed}
}

// known returns &v, or nil (null in JSON) when v is not known.
func known(v float64, ok bool) *float64 {
	if !ok {
		return nil
	}
	return &v
}

// ids returns the ids of some entities, never nil.
func (s *Snapshot) ids(entities []int) []string {
	out := make([]string, len(entities))
	for k, e := range entities {
		out[k] = s.a.d.Entities[e].ID
	}
	return out
}
