// Package dataset owns the Ouroboros dataset format (version 1): it parses a
// JSON document, checks every rule of the format and returns a typed, valid
// Dataset or the complete list of located problems. It is the only package
// that reads JSON with gjson; no gjson value leaves it.
package dataset

// FormatVersion is the only accepted value of the top-level "format" field.
const FormatVersion = "ouroboros/1"

// Dataset is a valid document. Slices keep the document's order.
type Dataset struct {
	Title    string
	Subtitle string
	AsOf     Date
	Currency string // ISO 4217 code; "USD" when the document gives none.
	// Locale is the BCP 47 tag that numbers and dates follow; "en-US" when
	// the document gives none.
	Locale string
	// UI holds the words of the page's chrome that the document gives, by
	// key; nil when it gives none. Keys are not checked yet.
	UI map[string]string
	// Kinds keeps the document's key order.
	Kinds    []Kind
	Entities []Entity
	Deals    []Deal
	// Sources keeps the document's key order.
	Sources []Source
	Stories []Story

	// Index maps, filled by Load.
	KindIndex   map[string]int // kind key → index in Kinds
	EntityIndex map[string]int // entity id → index in Entities
	DealIndex   map[string]int // deal id → index in Deals
	SourceIndex map[string]int // source key → index in Sources
}

// Kind is one entity kind of the legend.
type Kind struct {
	Key   string
	Label string
	Color RGB
	// ColorLight is the colour on the light theme, when HasColorLight.
	ColorLight    RGB
	HasColorLight bool
	// ColorAt and ColorLightAt are the byte offsets in the document of
	// the two colours' values (0 for a colorLight not given), so that a
	// notice about a colour, such as its contrast on the canvas, points
	// at it as a Problem does.
	ColorAt, ColorLightAt int
}

// RGB is a colour given as #rrggbb.
type RGB struct{ R, G, B uint8 }

// Entity is one party of the network.
type Entity struct {
	ID   string
	Name string
	Kind int // index into Dataset.Kinds
	Note string
	// Pinned reports whether Pin holds a fixed position.
	Pinned bool
	// Pin is the fixed position, each coordinate in [0, 1] of the drawing area.
	Pin [2]float64
}

// DealType says what a deal buys or grants.
type DealType int

// The deal types of the format, in the format's order.
const (
	Equity DealType = iota
	Compute
	Chips
	Power
	Warrants
	Debt
	Backstop
	Acquisition
)

// Status says how binding a deal is.
type Status int

// The statuses of the format, from least to most binding, then terminated.
const (
	Talks Status = iota
	LOI
	Announced
	Reported
	Definitive
	Completed
	Terminated
)

// Amount is a disclosed money figure in the dataset's currency.
type Amount struct {
	Value    float64 // > 0
	UpTo     bool
	Estimate bool
}

// Deal is one directed link: From pays (or commits, or grants equity) and To receives.
type Deal struct {
	ID   string
	From int // index into Dataset.Entities
	To   int // index into Dataset.Entities
	Type DealType
	// Amount is nil when the figure is undisclosed.
	Amount *Amount
	// CapacityMW is the capacity bought in megawatts, 0 when none is given.
	CapacityMW float64
	Date       Date
	// Until is the zero Date when the document gives none.
	Until   Date
	Status  Status
	Summary string
	Sources []int // indexes into Dataset.Sources
	// Updates are the later changes to the deal, oldest first, each dated
	// strictly after Date and after the one before it.
	Updates []Update
}

// Update is a later change to a deal: from Date on, the fields it gives
// replace the deal's.
type Update struct {
	Date    Date
	Summary string
	Sources []int // indexes into Dataset.Sources
	// HasStatus reports whether the update gives a Status.
	HasStatus bool
	Status    Status
	// Amount is nil when the update does not change the amount.
	Amount *Amount
	// CapacityMW is the new capacity in megawatts, 0 when unchanged.
	CapacityMW float64
}

// State is what a deal is at a date: the fields that updates change.
type State struct {
	Status Status
	// Amount is nil when the figure is undisclosed.
	Amount *Amount
	// CapacityMW is in megawatts, 0 when none is given.
	CapacityMW float64
}

// At returns the deal as of date: its state as announced with every update
// dated on or before date applied, a partial date counting as its first
// day. The zero Date applies every update: the deal's current state.
func (d *Deal) At(date Date) State {
	s := State{Status: d.Status, Amount: d.Amount, CapacityMW: d.CapacityMW}
	for i := range d.Updates {
		u := &d.Updates[i]
		if !date.IsZero() && u.Date.Compare(date) > 0 {
			break
		}
		if u.HasStatus {
			s.Status = u.Status
		}
		if u.Amount != nil {
			s.Amount = u.Amount
		}
		if u.CapacityMW > 0 {
			s.CapacityMW = u.CapacityMW
		}
	}
	return s
}

// Current returns the deal with all its updates applied.
func (d *Deal) Current() State { return d.At(Date{}) }

// Tier grades a source.
type Tier int

// Tiers; NoTier when the document gives none.
const (
	NoTier Tier = iota
	TierA
	TierB
	TierC
)

// Source is where a fact comes from.
type Source struct {
	Key       string
	Publisher string
	Title     string
	URL       string
	Date      Date // zero when absent
	Tier      Tier
}

// Story is a narrated tour over the network.
type Story struct {
	ID    string
	Title string
	Steps []Step
}

// Step is one stop of a story.
type Step struct {
	Title         string
	Text          string
	FocusEntities []int // indexes into Dataset.Entities
	FocusDeals    []int // indexes into Dataset.Deals
	AsOf          Date  // zero when absent
	Sources       []int // indexes into Dataset.Sources
}

// Date is a calendar date of the format: YYYY, YYYY-MM or YYYY-MM-DD. A
// partial date orders as its first day. The zero Date means "no date".
type Date struct {
	Year  int
	Month int // 1–12, 0 when only the year is given
	Day   int // 1–31, 0 when the day is not given
}
