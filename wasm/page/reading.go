package page

import (
	"strings"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/loops"
	"ouroboros/wasm/wording"
)

// Reading is what tells a newcomer what the picture shows, built from the
// data at the date on screen: the sentence over the canvas, and the
// legend's "What makes a loop circular?" card.
type Reading struct {
	// Headline is the one sentence over the canvas: "Money goes round: 7
	// circular deals; the largest sends at least $50B round Amazon →
	// OpenAI → Amazon."; another sentence when there is no circular deal.
	Headline string `json:"headline"`
	// Rule explains the format's rule for circular deals in two sentences.
	Rule string `json:"rule"`
	// Example is the top circular deal in words ("For example, Amazon
	// invests in OpenAI and OpenAI buys compute from Amazon: at least $50B
	// goes round."); "" when there is none.
	Example string `json:"example"`
	// Top is the entity ids of the top circular deal, in the direction
	// money flows; empty when there is none.
	Top []string `json:"top"`
}

// NewReading describes the loops of snap for a newcomer, in the words of
// the table in use (wording.Said).
func NewReading(d *dataset.Dataset, snap *analysis.Snapshot) Reading {
	say := wording.Said()
	r := Reading{Rule: say.Say("reading.rule", "hops", say.Locale().Int(analysis.MaxCircularHops)), Top: []string{}}
	circ := snap.Circular()
	if len(circ) == 0 {
		r.Headline = noCircular(snap)
		return r
	}
	top := &snap.Loops[circ[0]]
	path := loopPath(d, top.Entities)
	r.Top = top.EntityIDs(d)
	n := say.Count("count.circular", len(circ))
	if top.RoundTripKnown {
		r.Headline = say.Say("reading.headline", "circular", n, "amount", wording.Money(top.RoundTrip, d.Currency), "path", path)
	} else {
		r.Headline = say.Say("reading.headline.undisclosed", "circular", n, "path", path)
	}
	r.Example = say.Say("reading.example", "hops", hopsInWords(d, snap.AsOf, top.Hops), "end", goesRound(top, d.Currency))
	return r
}

// noCircular says what the picture shows when no loop is a circular deal.
func noCircular(snap *analysis.Snapshot) string {
	say := wording.Said()
	if n := len(snap.Loops); n > 0 {
		return say.Say("reading.noCircular", "loops", say.Count("count.loops", n))
	}
	return say.Word("reading.noLoops")
}

// goesRound ends the example: how much goes all the way round.
func goesRound(l *analysis.LoopInfo, currency string) string {
	if l.RoundTripKnown {
		return wording.Said().Say("reading.end", "amount", wording.Money(l.RoundTrip, currency))
	}
	return wording.Said().Say("reading.end.undisclosed", "undisclosed", wording.Undisclosed())
}

// hopsInWords writes the hops of a loop as a sentence's clauses: "A invests
// in B and B buys compute from A", "A lends to B, B … and C … A".
func hopsInWords(d *dataset.Dataset, at dataset.Date, hops []loops.Hop) string {
	parts := make([]string, len(hops))
	for k, h := range hops {
		x := &d.Deals[leadDeal(d, at, h.Deals)]
		parts[k] = wording.Said().Say("hop."+x.Type.String(), "from", d.Entities[h.From].Name, "to", d.Entities[h.To].Name)
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return wording.Said().Say("reading.and", "list", strings.Join(parts[:len(parts)-1], ", "), "last", parts[len(parts)-1])
}

// leadDeal is the deal that speaks for a hop: its largest as of at, the
// first when none is disclosed.
func leadDeal(d *dataset.Dataset, at dataset.Date, deals []int) int {
	best, most := deals[0], 0.0
	for _, i := range deals {
		if a := d.Deals[i].At(at).Amount; a != nil && a.Value > most {
			best, most = i, a.Value
		}
	}
	return best
}

// loopPath is "A → B → A": the loop's names, back to the first.
func loopPath(d *dataset.Dataset, entities []int) string {
	var b strings.Builder
	for _, e := range entities {
		b.WriteString(d.Entities[e].Name)
		b.WriteString(" → ")
	}
	b.WriteString(d.Entities[entities[0]].Name)
	return b.String()
}

// kindText says what a loop is, for the loops list.
func kindText(d *dataset.Dataset, l analysis.LoopInfo) string {
	say := wording.Said()
	if l.Class == analysis.Circular {
		return say.Word("loopKind.circular")
	}
	if len(l.Hops) > analysis.MaxCircularHops {
		return say.Say("loopKind.longer", "n", say.Locale().Int(len(l.Hops)))
	}
	for _, h := range l.Hops {
		for _, i := range h.Deals {
			if analysis.Finances(d.Deals[i].Type) {
				return say.Word("loopKind.financing")
			}
		}
	}
	return say.Word("loopKind.purchases")
}
