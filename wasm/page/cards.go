package page

import (
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/scene"
	"ouroboros/wasm/session"
	"ouroboros/wasm/wording"
)

// Hover is what the pointer rests on: an entity or an edge, for the page's
// hover card.
type Hover struct {
	Entity *EntityCard `json:"entity,omitempty"`
	Edge   *EdgeCard   `json:"edge,omitempty"`
}

// EdgeCard lists the deals of one edge, one payer to one payee.
type EdgeCard struct {
	From     string     `json:"from"`
	To       string     `json:"to"`
	FromName string     `json:"fromName"`
	ToName   string     `json:"toName"`
	Deals    []DealCard `json:"deals"`
}

// DealCard is one deal as a card shows it. Amount is null when undisclosed;
// AmountText and CapacityText are the words the card writes ("up to
// $100B", "1 GW"; CapacityText "" for none).
type DealCard struct {
	ID           string   `json:"id"`
	Type         string   `json:"type"`
	Amount       *float64 `json:"amount"`
	UpTo         bool     `json:"upTo"`
	Estimate     bool     `json:"estimate"`
	AmountText   string   `json:"amountText"`
	Currency     string   `json:"currency"`
	CapacityMW   float64  `json:"capacityMW,omitempty"`
	CapacityText string   `json:"capacityText,omitempty"`
	Status       string   `json:"status"`
	Date         string   `json:"date"`
	Until        string   `json:"until,omitempty"`
	Summary      string   `json:"summary"`
	Publishers   []string `json:"publishers"`
	// History is the deal's announcement and its updates up to the date
	// on screen, each with what it changed and its sources.
	History []HistoryEntry `json:"history"`
}

// NewEntityCard describes entity i, its kind's colour in theme t.
func NewEntityCard(d *dataset.Dataset, i int, t session.Theme) *EntityCard {
	e := d.Entities[i]
	k := d.Kinds[e.Kind]
	return &EntityCard{ID: e.ID, Name: e.Name, Kind: k.Key, KindLabel: k.Label, Color: hex(scene.KindColor(k, t)), Note: e.Note}
}

// NewDealCard describes deal i as of at (its current state for the zero
// date), with its history up to then.
func NewDealCard(d *dataset.Dataset, i int, at dataset.Date) DealCard {
	dl := d.Deals[i]
	st := dl.At(at)
	c := DealCard{
		ID: dl.ID, Type: wording.DealType(dl.Type), Currency: d.Currency, CapacityMW: st.CapacityMW,
		AmountText: wording.Amount(st.Amount, d.Currency), CapacityText: wording.Capacity(st.CapacityMW),
		Status: wording.Status(st.Status), Date: wording.DateText(dl.Date), Summary: dl.Summary, Publishers: []string{},
		History: History(d, i, at),
	}
	if st.Amount != nil {
		v := st.Amount.Value
		c.Amount, c.UpTo, c.Estimate = &v, st.Amount.UpTo, st.Amount.Estimate
	}
	if !dl.Until.IsZero() {
		c.Until = wording.DateText(dl.Until)
	}
	for _, s := range dl.Sources {
		c.Publishers = append(c.Publishers, d.Sources[s].Publisher)
	}
	return c
}

// HoverCard describes what the pointer rests on: entity, else edge (an
// index into net's edges, its deals as of at), else nothing; colours are
// theme t's.
func HoverCard(d *dataset.Dataset, net *scene.Network, entity, edge int, at dataset.Date, t session.Theme) *Hover {
	switch {
	case entity >= 0:
		return &Hover{Entity: NewEntityCard(d, entity, t)}
	case edge >= 0 && edge < len(net.Edges):
		e := net.Edges[edge]
		c := &EdgeCard{From: d.Entities[e.From].ID, To: d.Entities[e.To].ID,
			FromName: d.Entities[e.From].Name, ToName: d.Entities[e.To].Name}
		for _, di := range e.Deals {
			c.Deals = append(c.Deals, NewDealCard(d, di, at))
		}
		return &Hover{Edge: c}
	}
	return nil
}
