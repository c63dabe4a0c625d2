package page_test

import (
	"slices"
	"strings"
	"testing"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/dataset/datasettest"
	"ouroboros/wasm/page"
	"ouroboros/wasm/session"
)

// The d09 letter of intent from Nvidia to OpenAI was walked back in
// February 2026 without a formal termination: its card shows the letter
// as of each date, and its history grows with the updates up to it.
func TestWalkedBackLetter(t *testing.T) {
	d := datasettest.Bundled(t)
	i, ok := d.DealIndex["d09-nvidia-openai"]
	if !ok {
		t.Fatal("no d09-nvidia-openai in the bundled dataset")
	}
	before, after := dataset.Date{Year: 2026, Month: 1}, dataset.Date{Year: 2026, Month: 3}
	if c := page.NewDealCard(d, i, before); c.Status != "loi" || c.AmountText != "up to $100B" {
		t.Errorf("before the walk-back: %s, %s; want loi, up to $100B", c.Status, c.AmountText)
	}
	c := page.NewDealCard(d, i, after)
	if want := d.Deals[i].At(after).Status.String(); c.Status != want {
		t.Errorf("after the walk-back: status %s, want %s", c.Status, want)
	}
	if n := len(page.NewDealCard(d, i, before).History); n != 3 {
		t.Errorf("before the walk-back the history has %d entries, want the announcement and 2 updates", n)
	}
	h := c.History
	if len(h) != 4 {
		t.Fatalf("history %+v, want the announcement and 3 updates", h)
	}
	if h[0].Date != "2025-09" || h[0].Change != "announced: loi, up to $100B" || len(h[0].Sources) != 4 {
		t.Errorf("announcement %+v", h[0])
	}
	last := h[3]
	if last.Date != "2026-02" || !strings.HasPrefix(last.Summary, "Walked back") || len(last.Sources) != 4 || last.Sources[0].URL == "" {
		t.Errorf("walk-back %+v", last)
	}
}

// A deal whose update changes its status and amount: Amazon's talks to
// invest in OpenAI became a $50B investment.
func TestUpdateChangesCard(t *testing.T) {
	d := datasettest.Bundled(t)
	i := d.DealIndex["d59-amazon-openai"]
	if c := page.NewDealCard(d, i, dataset.Date{Year: 2026, Month: 1}); c.Status != "talks" || c.AmountText != "$10B" || *c.Amount != 10e9 {
		t.Errorf("in January 2026: %s, %s", c.Status, c.AmountText)
	}
	c := page.NewDealCard(d, i, dataset.Date{})
	if c.Status != "announced" || c.AmountText != "$50B" {
		t.Errorf("now: %s, %s", c.Status, c.AmountText)
	}
	if got := c.History[1].Change; got != "status talks → announced; amount $10B → $50B" {
		t.Errorf("the update's change: %q", got)
	}
	if got := c.History[2].Change; got != "no change to status or amount" {
		t.Errorf("the second update's change: %q", got)
	}
	// Called off: faded in the picture, terminated on the card.
	if c := page.NewDealCard(d, d.DealIndex["d72-oracle-crusoe"], dataset.Date{}); c.Status != "terminated" || c.History[1].Change != "status talks → terminated" {
		t.Errorf("d72: %s, %+v", c.Status, c.History)
	}
}

// The text twin lists each deal as of the date on screen.
func TestTwinDealsAsOf(t *testing.T) {
	d := datasettest.Bundled(t)
	i := d.DealIndex["d59-amazon-openai"]
	for _, tc := range []struct {
		at             dataset.Date
		status, amount string
	}{
		{dataset.Date{Year: 2026, Month: 1}, "talks", "$10B"},
		{dataset.Date{}, "announced", "$50B"},
	} {
		n := session.Now{Selection: -1, Focus: -1, Story: -1, AsOf: tc.at}
		tw := page.NewTwin(d, analysis.New(d).At(tc.at), n)
		k := slices.Index(tw.Deals, i)
		if k < 0 || len(tw.DealsAt) != len(tw.Deals) {
			t.Fatalf("%v: d59 at %d of %d deals, %d states", tc.at, k, len(tw.Deals), len(tw.DealsAt))
		}
		if got := tw.DealsAt[k]; dataset.Status(got.Status).String() != tc.status || got.Amount != tc.amount {
			t.Errorf("%v: %+v, want %s %s", tc.at, got, tc.status, tc.amount)
		}
	}
}
