package page

import (
	"strconv"
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

// hopVerbs says what the payer of a deal of each type does to the payee.
var hopVerbs = map[dataset.DealType]string{
	dataset.Equity: "invests in", dataset.Warrants: "takes warrants in", dataset.Debt: "lends to",
	dataset.Backstop: "backstops", dataset.Acquisition: "buys into",
	dataset.Compute: "buys compute from", dataset.Chips: "buys chips from", dataset.Power: "buys power from",
}

// circularRule is the format's rule in two sentences.
var circularRule = "A loop is a circular deal when money goes out as an investment and comes back as sales: " +
	"it has at most " + strconv.Itoa(analysis.MaxCircularHops) + " hops, and among its deals at least one finances " +
	"(equity, warrants, debt, a backstop or an acquisition) and one buys something real (compute, chips or power). " +
	"Longer chains, and loops that only finance or only buy, are listed apart as other loops."

// NewReading describes the loops of snap for a newcomer.
func NewReading(d *dataset.Dataset, snap *analysis.Snapshot) Reading {
	r := Reading{Rule: circularRule, Top: []string{}}
	circ := snap.Circular()
	if len(circ) == 0 {
		r.Headline = noCircular(d, snap)
		return r
	}
	top := &snap.Loops[circ[0]]
	path := loopPath(d, top.Entities)
	r.Top = top.EntityIDs(d)
	n := count(len(circ), "circular deal", "circular deals")
	if top.RoundTripKnown {
		r.Headline = "Money goes round: " + n + "; the largest sends at least " +
			wording.Money(top.RoundTrip, d.Currency) + " round " + path + "."
	} else {
		r.Headline = "Money goes round: " + n + "; the first, " + path + ", has undisclosed amounts."
	}
	r.Example = "For example, " + hopsInWords(d, snap.AsOf, top.Hops) + ": " + goesRound(top, d.Currency)
	return r
}

// noCircular says what the picture shows when no loop is a circular deal.
func noCircular(d *dataset.Dataset, snap *analysis.Snapshot) string {
	if n := len(snap.Loops); n > 0 {
		return "No circular deal here: " + count(n, "loop", "loops") + " of money, each a longer chain or of one kind of deal; " +
			"arrows go from payer to payee."
	}
	return "No money goes round here: each arrow goes from payer to payee, wider for larger amounts."
}

// goesRound ends the example: how much goes all the way round.
func goesRound(l *analysis.LoopInfo, currency string) string {
	if l.RoundTripKnown {
		return "at least " + wording.Money(l.RoundTrip, currency) + " goes round."
	}
	return "how much goes round is " + wording.Undisclosed() + "."
}

// hopsInWords writes the hops of a loop as a sentence's clauses: "A invests
// in B and B buys compute from A", "A lends to B, B … and C … A".
func hopsInWords(d *dataset.Dataset, at dataset.Date, hops []loops.Hop) string {
	parts := make([]string, len(hops))
	for k, h := range hops {
		x := &d.Deals[leadDeal(d, at, h.Deals)]
		parts[k] = d.Entities[h.From].Name + " " + hopVerbs[x.Type] + " " + d.Entities[h.To].Name
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
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
	if l.Class == analysis.Circular {
		return "circular deal"
	}
	if len(l.Hops) > analysis.MaxCircularHops {
		return "longer chain, " + strconv.Itoa(len(l.Hops)) + " hops"
	}
	for _, h := range l.Hops {
		for _, i := range h.Deals {
			if analysis.Finances(d.Deals[i].Type) {
				return "financing only"
			}
		}
	}
	return "purchases only"
}

// count writes n things: "1 circular deal", "7 circular deals".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
