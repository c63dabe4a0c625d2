package session

import (
	"strings"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
)

// Filter hides kinds of entity, types of deal and statuses, as bit masks:
// bit k of Kinds hides the dataset's k-th kind (the first 64 kinds can be
// hidden), bit t of Types hides dataset.DealType t, bit s of Statuses
// hides dataset.Status s. The zero Filter shows everything.
type Filter struct {
	Kinds    uint64
	Types    uint16
	Statuses uint16
}

// Binding hides every status but definitive and completed: only deals that
// bind their parties.
const Binding = uint16(0x7f) &^ (1<<dataset.Definitive | 1<<dataset.Completed)

// Active reports whether the filter hides anything.
func (f Filter) Active() bool { return f != Filter{} }

// Visible marks the entities and deals the filter keeps: an entity whose
// kind is kept, a deal of a kept type and status between kept entities.
func (f Filter) Visible(d *dataset.Dataset) (entities, deals []bool) {
	entities = make([]bool, len(d.Entities))
	for i, e := range d.Entities {
		entities[i] = e.Kind >= 64 || f.Kinds&(1<<e.Kind) == 0
	}
	deals = make([]bool, len(d.Deals))
	for i, x := range d.Deals {
		deals[i] = entities[x.From] && entities[x.To] &&
			f.Types&(1<<x.Type) == 0 && f.Statuses&(1<<x.Status) == 0
	}
	return entities, deals
}

// FilterState is the filter as the page's legend shows it.
type FilterState struct {
	HiddenKinds    []string `json:"hiddenKinds"`
	HiddenTypes    []string `json:"hiddenTypes"`
	HiddenStatuses []string `json:"hiddenStatuses"`
	BindingOnly    bool     `json:"bindingOnly"`
}

// State describes the filter by names.
func (f Filter) State(d *dataset.Dataset) FilterState {
	s := FilterState{HiddenKinds: []string{}, HiddenTypes: []string{}, HiddenStatuses: []string{}, BindingOnly: f.Statuses == Binding}
	for k := range d.Kinds {
		if k < 64 && f.Kinds&(1<<k) != 0 {
			s.HiddenKinds = append(s.HiddenKinds, d.Kinds[k].Key)
		}
	}
	for t := dataset.Equity; t <= dataset.Acquisition; t++ {
		if f.Types&(1<<t) != 0 {
			s.HiddenTypes = append(s.HiddenTypes, t.String())
		}
	}
	for st := dataset.Talks; st <= dataset.Terminated; st++ {
		if f.Statuses&(1<<st) != 0 {
			s.HiddenStatuses = append(s.HiddenStatuses, st.String())
		}
	}
	return s
}

// LoopKey names a loop by its entity ids, so that a picked loop survives
// a change of date, which renumbers the loops.
func LoopKey(d *dataset.Dataset, entities []int) string {
	ids := make([]string, len(entities))
	for i, e := range entities {
		ids[i] = d.Entities[e].ID
	}
	return strings.Join(ids, " ")
}

// LoopKeys names every loop of a snapshot.
func LoopKeys(d *dataset.Dataset, snap *analysis.Snapshot) map[string]bool {
	keys := make(map[string]bool, len(snap.Loops))
	for _, lp := range snap.Loops {
		keys[LoopKey(d, lp.Entities)] = true
	}
	return keys
}
