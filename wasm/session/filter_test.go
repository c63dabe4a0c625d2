package session_test

import (
	"ouroboros/wasm/dataset/datasettest"
	"reflect"
	"testing"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/session"
)

func TestFilterVisible(t *testing.T) {
	d := datasettest.TwoWay() // b, a; d1 b→a equity completed; d2 a→b compute announced; d3 a→b chips reported
	for _, tc := range []struct {
		name     string
		f        session.Filter
		entities []bool
		deals    []bool
	}{
		{"nothing hidden", session.Filter{}, []bool{true, true}, []bool{true, true, true}},
		{"a kind", session.Filter{Kinds: 1}, []bool{false, false}, []bool{false, false, false}},
		{"a type", session.Filter{Types: 1 << dataset.Compute}, []bool{true, true}, []bool{true, false, true}},
		{"binding only", session.Filter{Statuses: session.Binding}, []bool{true, true}, []bool{true, false, false}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, dl := tc.f.Visible(d)
			if !reflect.DeepEqual(e, tc.entities) || !reflect.DeepEqual(dl, tc.deals) {
				t.Errorf("got %v %v, want %v %v", e, dl, tc.entities, tc.deals)
			}
		})
	}
	s := session.Filter{Types: 1 << dataset.Chips, Statuses: session.Binding}.State(d)
	if !s.BindingOnly || !reflect.DeepEqual(s.HiddenTypes, []string{"chips"}) || len(s.HiddenStatuses) != 5 {
		t.Errorf("state %+v", s)
	}
}
