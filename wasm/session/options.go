package session

import (
	"fmt"

	"ouroboros/wasm/dataset"
)

// Mode is how much chrome the page shows.
type Mode int

// The modes of the `mode` link parameter.
const (
	Page Mode = iota
	Embed
	Kiosk
)

func (m Mode) String() string {
	switch m {
	case Embed:
		return "embed"
	case Kiosk:
		return "kiosk"
	}
	return "page"
}

// Options is the starting view that a link asks for.
type Options struct {
	Select  int          // entity index, -1 for none
	Story   int          // story index, -1 for none
	Step    int          // step index from 0
	AsOf    dataset.Date // zero: no date filter
	Mode    Mode
	Reduced bool  // reduced motion: no flowing particles
	Theme   Theme // the colours of the canvas and the page
	Kiosk   KioskTimes
}

// ParseOptions reads the link parameters this version understands. Unknown
// parameters are ignored; a bad value of a known one is reported in problems
// and left at its default, so the rest of the view still loads.
// sys is what the browser prefers when the link does not say.
func ParseOptions(d *dataset.Dataset, params map[string]string, sys Prefers) (Options, []string) {
	o := Options{Select: -1, Story: -1, Reduced: sys.ReducedMotion}
	var problems []string
	if id, ok := params["story"]; ok && id != "" {
		step := 1
		if s, ok := params["step"]; ok {
			if _, err := fmt.Sscan(s, &step); err != nil {
				step = 0
			}
		}
		if i, err := FindStep(d, id, step); err != nil {
			problems = append(problems, fmt.Sprintf("story: %v; no story is open", err))
		} else {
			o.Story, o.Step = i, step-1
			if st := d.Stories[i].Steps[step-1]; !st.AsOf.IsZero() {
				o.AsOf = st.AsOf
			}
		}
	}
	if id, ok := params["select"]; ok && id != "" {
		if i, ok := d.EntityIndex[id]; ok {
			o.Select = i
		} else {
			problems = append(problems, fmt.Sprintf("select: %q is not an entity id of this dataset; nothing is selected", id))
		}
	}
	if s, ok := params["asOf"]; ok && s != "" {
		d, err := dataset.ParseDate(s)
		if err != nil {
			problems = append(problems, fmt.Sprintf("asOf: %q is not a date (use YYYY, YYYY-MM or YYYY-MM-DD); showing every date", s))
		} else {
			o.AsOf = d
		}
	}
	switch s := params["mode"]; s {
	case "", "page":
	case "embed":
		o.Mode = Embed
	case "kiosk":
		o.Mode = Kiosk
	default:
		problems = append(problems, fmt.Sprintf("mode: %q is not a mode (page, embed or kiosk); showing the page", s))
	}
	switch s := params["motion"]; s {
	case "":
	case "reduced":
		o.Reduced = true
	case "full":
		o.Reduced = false
	default:
		problems = append(problems, fmt.Sprintf("motion: %q is not a motion setting (reduced or full)", s))
	}
	problems = parseTheme(&o, params, sys, problems)
	o.Kiosk, problems = parseKiosk(params, problems)
	return o, problems
}
