package view

import (
	"encoding/json"
	"errors"
	"fmt"

	"ouroboros/wasm/dataset"
)

// IntentKind says what the reader or the host page asks for.
type IntentKind int

// The intents. Commands of the page API, clicks, taps and keys all reduce
// to these before any rule sees them.
const (
	Select  IntentKind = iota // Entity, or -1 to clear
	SetAsOf                   // AsOf, or the zero Date to clear
	Play
	Pause
	Reset
)

// Intent is one request to change the view.
type Intent struct {
	Kind   IntentKind
	Entity int          // for Select: entity index, -1 clears
	AsOf   dataset.Date // for SetAsOf: zero clears
}

// ErrCommand wraps every reason a command is refused.
var ErrCommand = errors.New("command refused")

// maxCommandBytes bounds what a command may weigh; anything larger is not a
// command of this API.
const maxCommandBytes = 4096

// ParseCommand turns a command of the page API (as JSON) into an intent,
// or says in a sentence what is wrong with it.
func ParseCommand(d *dataset.Dataset, raw []byte) (Intent, error) {
	if len(raw) > maxCommandBytes {
		return Intent{}, fmt.Errorf("%w: a command is at most %d bytes", ErrCommand, maxCommandBytes)
	}
	var c struct {
		Type  *string          `json:"type"`
		ID    *json.RawMessage `json:"id"`
		Date  *json.RawMessage `json:"date"`
		Story *json.RawMessage `json:"story"`
	}
	if err := json.Unmarshal(raw, &c); err != nil || c.Type == nil {
		return Intent{}, fmt.Errorf(`%w: a command is an object with a string "type", such as {type: "select", id: "nvidia"}`, ErrCommand)
	}
	switch *c.Type {
	case "select":
		if c.ID == nil || string(*c.ID) == "null" {
			return Intent{Kind: Select, Entity: -1}, nil
		}
		var id string
		if err := json.Unmarshal(*c.ID, &id); err != nil {
			return Intent{}, fmt.Errorf(`%w: select takes "id", an entity id string or null`, ErrCommand)
		}
		i, ok := d.EntityIndex[id]
		if !ok {
			return Intent{}, fmt.Errorf("%w: select: %q is not an entity id of this dataset", ErrCommand, id)
		}
		return Intent{Kind: Select, Entity: i}, nil
	case "setAsOf":
		if c.Date == nil || string(*c.Date) == "null" {
			return Intent{Kind: SetAsOf}, nil
		}
		var s string
		if err := json.Unmarshal(*c.Date, &s); err != nil {
			return Intent{}, fmt.Errorf(`%w: setAsOf takes "date", a YYYY, YYYY-MM or YYYY-MM-DD string, or null`, ErrCommand)
		}
		date, err := dataset.ParseDate(s)
		if err != nil {
			return Intent{}, fmt.Errorf("%w: setAsOf: %v", ErrCommand, err)
		}
		return Intent{Kind: SetAsOf, AsOf: date}, nil
	case "play":
		return Intent{Kind: Play}, nil
	case "pause":
		return Intent{Kind: Pause}, nil
	case "reset":
		return Intent{Kind: Reset}, nil
	case "goToStep", "next", "prev":
		return Intent{}, fmt.Errorf("%w: %s: stories are not available in this version of the explainer", ErrCommand, *c.Type)
	}
	return Intent{}, fmt.Errorf("%w: %q is not a command (select, setAsOf, play, pause, reset)", ErrCommand, *c.Type)
}

// Now is the part of the view that the reader changes: what is selected,
// the date and whether the animation runs.
type Now struct {
	Selection int // entity index, -1 for none
	AsOf      dataset.Date
	Paused    bool
}

// Start is the view a link asks for.
func Start(o Options) Now {
	return Now{Selection: o.Select, AsOf: o.AsOf}
}

// Changed says which parts of the view an intent changed, so the page can
// be told (events) and the picture rebuilt only where needed.
type Changed struct {
	Selection, AsOf, Paused bool
}

// Any reports whether anything changed.
func (c Changed) Any() bool { return c.Selection || c.AsOf || c.Paused }

// Apply changes the view by one intent. Reset returns to the whole network:
// nothing selected, every date, moving.
func (n *Now) Apply(in Intent) Changed {
	before := *n
	switch in.Kind {
	case Select:
		n.Selection = in.Entity
	case SetAsOf:
		n.AsOf = in.AsOf
	case Play:
		n.Paused = false
	case Pause:
		n.Paused = true
	case Reset:
		*n = Now{Selection: -1}
	}
	return Changed{
		Selection: n.Selection != before.Selection,
		AsOf:      n.AsOf != before.AsOf,
		Paused:    n.Paused != before.Paused,
	}
}

// tapCSS is how far, in CSS pixels, a press may move and still be a tap
// rather than a drag.
const tapCSS = 8

// Gestures tells taps from drags across pointer events. It remembers where
// each pointer went down.
type Gestures struct {
	down []pointerDown
}

type pointerDown struct {
	id   int
	x, y float64
}

// Pointer takes one event ("down", "up" or "cancel") of pointer id at (x, y)
// in device pixels, and reports a tap and where it ended.
func (g *Gestures) Pointer(kind string, id int, x, y, dpr float64) (at [2]float64, tap bool) {
	switch kind {
	case "down":
		g.forget(id)
		g.down = append(g.down, pointerDown{id, x, y})
	case "up", "cancel":
		for _, d := range g.down {
			if d.id != id {
				continue
			}
			g.forget(id)
			r := tapCSS * dpr
			if kind == "up" && (x-d.x)*(x-d.x)+(y-d.y)*(y-d.y) <= r*r {
				return [2]float64{x, y}, true
			}
			break
		}
	}
	return at, false
}

func (g *Gestures) forget(id int) {
	for i, d := range g.down {
		if d.id == id {
			g.down = append(g.down[:i], g.down[i+1:]...)
			return
		}
	}
}

// KeyIntent maps a key (a KeyboardEvent.key name) to its intent.
func KeyIntent(key string) (Intent, bool) {
	switch key {
	case "Escape", "Esc":
		return Intent{Kind: Select, Entity: -1}, true
	}
	return Intent{}, false
}
