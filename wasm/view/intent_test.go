package view_test

import (
	"errors"
	"strings"
	"testing"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/view"
)

func TestParseCommand(t *testing.T) {
	d := tiny() // entities b (0) and a (1)
	for _, tc := range []struct {
		name string
		raw  string
		want view.Intent
		err  string // part of the message; empty when accepted
	}{
		{"select", `{"type":"select","id":"a"}`, view.Intent{Kind: view.Select, Entity: 1}, ""},
		{"select null clears", `{"type":"select","id":null}`, view.Intent{Kind: view.Select, Entity: -1}, ""},
		{"select without id clears", `{"type":"select"}`, view.Intent{Kind: view.Select, Entity: -1}, ""},
		{"select unknown", `{"type":"select","id":"zzz"}`, view.Intent{}, `"zzz" is not an entity id`},
		{"select number", `{"type":"select","id":3}`, view.Intent{}, "entity id string or null"},
		{"setAsOf", `{"type":"setAsOf","date":"2025-10"}`, view.Intent{Kind: view.SetAsOf, AsOf: dataset.Date{Year: 2025, Month: 10}}, ""},
		{"setAsOf null", `{"type":"setAsOf","date":null}`, view.Intent{Kind: view.SetAsOf}, ""},
		{"setAsOf bad", `{"type":"setAsOf","date":"2025-13"}`, view.Intent{}, "setAsOf:"},
		{"play", `{"type":"play"}`, view.Intent{Kind: view.Play}, ""},
		{"pause", `{"type":"pause"}`, view.Intent{Kind: view.Pause}, ""},
		{"reset", `{"type":"reset"}`, view.Intent{Kind: view.Reset}, ""},
		{"story not yet", `{"type":"next"}`, view.Intent{}, "stories are not available"},
		{"unknown type", `{"type":"explode"}`, view.Intent{}, `"explode" is not a command`},
		{"no type", `{"id":"a"}`, view.Intent{}, `string "type"`},
		{"not an object", `[1,2]`, view.Intent{}, `string "type"`},
		{"not JSON", `{`, view.Intent{}, `string "type"`},
		{"huge", `{"type":"select","id":"` + strings.Repeat("x", 5000) + `"}`, view.Intent{}, "at most 4096 bytes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := view.ParseCommand(d, []byte(tc.raw))
			if tc.err == "" {
				if err != nil || got != tc.want {
					t.Errorf("got %+v, %v; want %+v", got, err, tc.want)
				}
				return
			}
			if err == nil || !errors.Is(err, view.ErrCommand) || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("error %v, want one saying %q", err, tc.err)
			}
		})
	}
}

func TestApply(t *testing.T) {
	start := view.Now{Selection: 1, AsOf: dataset.Date{Year: 2025}}
	n := start
	if c := n.Apply(view.Intent{Kind: view.Select, Entity: 1}); c.Any() {
		t.Errorf("selecting the selected entity changed %+v", c)
	}
	if c := n.Apply(view.Intent{Kind: view.Select, Entity: -1}); !c.Selection || n.Selection != -1 {
		t.Errorf("clear: %+v, now %+v", c, n)
	}
	if c := n.Apply(view.Intent{Kind: view.Pause}); !c.Paused || !n.Paused {
		t.Errorf("pause: %+v, now %+v", c, n)
	}
	if c := n.Apply(view.Intent{Kind: view.SetAsOf}); !c.AsOf || !n.AsOf.IsZero() {
		t.Errorf("clear date: %+v, now %+v", c, n)
	}
	n.Apply(view.Intent{Kind: view.Select, Entity: 0})
	if c := n.Apply(view.Intent{Kind: view.Reset}); !c.Selection || !c.Paused || n != (view.Now{Selection: -1}) {
		t.Errorf("reset: %+v, now %+v; want nothing selected, every date, playing", c, n)
	}
}

func TestGestures(t *testing.T) {
	var g view.Gestures
	if _, tap := g.Pointer("up", 1, 10, 10, 1); tap {
		t.Error("an up with no down is a tap")
	}
	g.Pointer("down", 1, 10, 10, 1)
	g.Pointer("down", 2, 100, 100, 1)
	if at, tap := g.Pointer("up", 1, 14, 13, 1); !tap || at != [2]float64{14, 13} {
		t.Errorf("short press: %v %v, want a tap at (14, 13)", at, tap)
	}
	if _, tap := g.Pointer("up", 2, 130, 100, 1); tap {
		t.Error("a 30 px drag is a tap")
	}
	g.Pointer("down", 3, 0, 0, 3)
	if _, tap := g.Pointer("up", 3, 20, 0, 3); !tap {
		t.Error("20 device px at DPR 3 is under 8 CSS px, want a tap")
	}
	g.Pointer("down", 4, 0, 0, 1)
	if _, tap := g.Pointer("cancel", 4, 0, 0, 1); tap {
		t.Error("a cancelled press is a tap")
	}
	if _, tap := g.Pointer("up", 4, 0, 0, 1); tap {
		t.Error("an up after cancel is a tap")
	}
}

func TestKeyIntent(t *testing.T) {
	if in, ok := view.KeyIntent("Escape"); !ok || in != (view.Intent{Kind: view.Select, Entity: -1}) {
		t.Errorf("Escape: %+v %v, want clear the selection", in, ok)
	}
	if _, ok := view.KeyIntent("q"); ok {
		t.Error("q does something")
	}
}
