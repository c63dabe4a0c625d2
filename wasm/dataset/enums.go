package dataset

import (
	"fmt"
	"strconv"
)

var dealTypeWords = [...]string{
	Equity:      "equity",
	Compute:     "compute",
	Chips:       "chips",
	Power:       "power",
	Warrants:    "warrants",
	Debt:        "debt",
	Backstop:    "backstop",
	Acquisition: "acquisition",
}

var statusWords = [...]string{
	Talks:      "talks",
	LOI:        "loi",
	Announced:  "announced",
	Reported:   "reported",
	Definitive: "definitive",
	Completed:  "completed",
	Terminated: "terminated",
}

var tierWords = [...]string{NoTier: "", TierA: "A", TierB: "B", TierC: "C"}

// String returns the format's word for t: equity, compute, ….
func (t DealType) String() string {
	if t >= 0 && int(t) < len(dealTypeWords) {
		return dealTypeWords[t]
	}
	return "DealType(" + strconv.Itoa(int(t)) + ")"
}

// BuysCapacity reports whether a deal of type t buys something real, so that
// it may give a capacity in megawatts.
func (t DealType) BuysCapacity() bool { return t == Compute || t == Chips || t == Power }

// ParseDealType reads the format's word for a deal type.
func ParseDealType(s string) (DealType, error) {
	for i, w := range dealTypeWords {
		if s == w {
			return DealType(i), nil
		}
	}
	return 0, fmt.Errorf("%s is not a deal type: use equity, compute, chips, power, warrants, debt, backstop or acquisition", quote(s))
}

// String returns the format's word for s: talks, loi, ….
func (s Status) String() string {
	if s >= 0 && int(s) < len(statusWords) {
		return statusWords[s]
	}
	return "Status(" + strconv.Itoa(int(s)) + ")"
}

// ParseStatus reads the format's word for a status.
func ParseStatus(s string) (Status, error) {
	for i, w := range statusWords {
		if s == w {
			return Status(i), nil
		}
	}
	return 0, fmt.Errorf("%s is not a status: use talks, loi, announced, reported, definitive, completed or terminated", quote(s))
}

// String returns the format's letter for t (A, B or C), or "" for NoTier.
func (t Tier) String() string {
	if t >= 0 && int(t) < len(tierWords) {
		return tierWords[t]
	}
	return "Tier(" + strconv.Itoa(int(t)) + ")"
}

// parseTier reads a tier letter; the empty string is not a tier.
func parseTier(s string) (Tier, error) {
	for i, w := range tierWords[1:] {
		if s == w {
			return Tier(i + 1), nil
		}
	}
	return NoTier, fmt.Errorf("%s is not a tier: use A, B or C", quote(s))
}
