package view

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"

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
	TogglePlay
	Reset
	// Pointer intents, at (X, Y) in device pixels; the program resolves
	// what is under the pointer.
	Tap       // select what is there, or clear
	DoubleTap // zoom to what is there
	HoverAt   // show a card for what is there
	// Camera intents.
	ZoomAt // by factor F about (X, Y)
	PanBy  // by (X, Y)
	Fit    // back to the whole network
	ZoomIn
	ZoomOut
	// Filters, loops and the timeline.
	ToggleKind   // Entity holds the kind's index
	ToggleType   // Entity holds the dataset.DealType
	ToggleStatus // Entity holds the dataset.Status
	BindingOnly  // toggles showing only definitive and completed deals
	ShowAll      // clears every filter
	PickLoop     // Key names the loop (LoopKey), "" clears
	StepTime     // Entity holds +1 or -1 dates
	PlayTimeline
	PauseTimeline
	ToggleTimeline
	// Keyboard focus.
	FocusNext
	FocusPrev
	Activate  // select the focused entity
	FollowOut // select the next entity the selection pays
	FollowIn  // select the next entity that pays the selection
	// Stories.
	GoToStep // Story and Step (0-based); Story -1 leaves the story
	NextStep
	PrevStep
	// Drift turns the attract loop's camera wander on (Entity 1) or off (0).
	Drift
	SetAutoplay // Entity 1 starts, 0 stops, -1 toggles; Ticks per step (0: the default)
)

// Intent is one request to change the view.
type Intent struct {
	Kind   IntentKind
	Entity int          // for Select: entity index, -1 clears
	AsOf   dataset.Date // for SetAsOf: zero clears
	X, Y   float64      // for pointer and camera intents, device pixels
	F      float64      // for ZoomAt: the factor
	Key    string       // for PickLoop
	Story  int          // for GoToStep: story index, -1 leaves
	Step   int          // for GoToStep: step index from 0
	Ticks  int          // for Autoplay: ticks per step, 0 for the default
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
		Type     *string          `json:"type"`
		ID       *json.RawMessage `json:"id"`
		Date     *json.RawMessage `json:"date"`
		Kind     string           `json:"kind"`
		DealType string           `json:"dealType"`
		Status   string           `json:"status"`
		Entities []string         `json:"entities"`
		By       int              `json:"by"`
		Story    *json.RawMessage `json:"story"`
		Step     *json.RawMessage `json:"step"`
		On       *bool            `json:"on"`
		Ticks    int              `json:"ticks"`
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
	// Beyond the page API's commands: what the legend, the loop list and
	// the timeline do, so that a host can do it too.
	case "toggleKind":
		k, ok := d.KindIndex[c.Kind]
		if !ok {
			return Intent{}, fmt.Errorf("%w: toggleKind: %q is not a kind of this dataset", ErrCommand, c.Kind)
		}
		return Intent{Kind: ToggleKind, Entity: k}, nil
	case "toggleDealType":
		t, err := dataset.ParseDealType(c.DealType)
		if err != nil {
			return Intent{}, fmt.Errorf("%w: toggleDealType: %v", ErrCommand, err)
		}
		return Intent{Kind: ToggleType, Entity: int(t)}, nil
	case "toggleStatus":
		st, err := dataset.ParseStatus(c.Status)
		if err != nil {
			return Intent{}, fmt.Errorf("%w: toggleStatus: %v", ErrCommand, err)
		}
		return Intent{Kind: ToggleStatus, Entity: int(st)}, nil
	case "bindingOnly":
		return Intent{Kind: BindingOnly}, nil
	case "showAll":
		return Intent{Kind: ShowAll}, nil
	case "pickLoop":
		if len(c.Entities) == 0 {
			return Intent{Kind: PickLoop}, nil
		}
		var idx []int
		for _, id := range c.Entities {
			i, ok := d.EntityIndex[id]
			if !ok {
				return Intent{}, fmt.Errorf("%w: pickLoop: %q is not an entity id of this dataset", ErrCommand, id)
			}
			idx = append(idx, i)
		}
		return Intent{Kind: PickLoop, Key: LoopKey(d, idx)}, nil
	case "stepTime":
		if c.By != 1 && c.By != -1 {
			return Intent{}, fmt.Errorf(`%w: stepTime takes "by", 1 or -1`, ErrCommand)
		}
		return Intent{Kind: StepTime, Entity: c.By}, nil
	case "playTimeline":
		return Intent{Kind: PlayTimeline}, nil
	case "pauseTimeline":
		return Intent{Kind: PauseTimeline}, nil
	case "goToStep":
		if c.Story == nil || string(*c.Story) == "null" {
			return Intent{Kind: GoToStep, Story: -1}, nil
		}
		var id string
		if err := json.Unmarshal(*c.Story, &id); err != nil {
			return Intent{}, fmt.Errorf(`%w: goToStep takes "story", a story id string, and "step", a number from 1`, ErrCommand)
		}
		step := 1
		if c.Step != nil {
			if err := json.Unmarshal(*c.Step, &step); err != nil {
				return Intent{}, fmt.Errorf(`%w: goToStep: "step" must be a whole number from 1`, ErrCommand)
			}
		}
		story, err := FindStep(d, id, step)
		if err != nil {
			return Intent{}, fmt.Errorf("%w: goToStep: %v", ErrCommand, err)
		}
		return Intent{Kind: GoToStep, Story: story, Step: step - 1}, nil
	case "next":
		return Intent{Kind: NextStep}, nil
	case "prev":
		return Intent{Kind: PrevStep}, nil
	case "drift":
		if c.On == nil {
			return Intent{}, fmt.Errorf(`%w: drift takes "on", true or false`, ErrCommand)
		}
		if *c.On {
			return Intent{Kind: Drift, Entity: 1}, nil
		}
		return Intent{Kind: Drift}, nil
	case "autoplay":
		in := Intent{Kind: SetAutoplay, Entity: -1, Ticks: c.Ticks}
		if c.On != nil {
			in.Entity = 0
			if *c.On {
				in.Entity = 1
			}
		}
		if c.Ticks != 0 && (c.Ticks < minAutoplayTicks || c.Ticks > maxAutoplayTicks) {
			return Intent{}, fmt.Errorf(`%w: autoplay: "ticks" must be from %d to %d`, ErrCommand, minAutoplayTicks, maxAutoplayTicks)
		}
		return in, nil
	}
	return Intent{}, fmt.Errorf("%w: %q is not a command (select, setAsOf, play, pause, reset)", ErrCommand, *c.Type)
}

// Now is the part of the view that the reader changes: what is selected,
// the date and whether the animation runs.
type Now struct {
	Selection int // entity index, -1 for none
	AsOf      dataset.Date
	Paused    bool
	Filter    Filter
	Loop      string // the picked loop's LoopKey, "" for none
	Focus     int    // the entity the keyboard is on, -1 for none
	Playing   bool   // the timeline is playing
	Story     int    // the open story's index, -1 for none
	Step      int    // the open step, from 0
}

// Start is the view a link asks for.
func Start(o Options) Now {
	return Now{Selection: o.Select, AsOf: o.AsOf, Focus: -1, Story: o.Story, Step: o.Step}
}

// Changed says which parts of the view an intent changed, so the page can
// be told (events) and the picture rebuilt only where needed.
type Changed struct {
	Selection, AsOf, Paused, Filter, Loop, Focus, Playing, Step bool
}

// Any reports whether anything changed.
func (c Changed) Any() bool { return c != Changed{} }

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
	case TogglePlay:
		n.Paused = !n.Paused
	case Reset:
		*n = Now{Selection: -1, Focus: -1, Story: -1}
	case ToggleKind:
		if in.Entity < 64 {
			n.Filter.Kinds ^= 1 << in.Entity
		}
	case ToggleType:
		n.Filter.Types ^= 1 << in.Entity
	case ToggleStatus:
		n.Filter.Statuses ^= 1 << in.Entity
	case BindingOnly:
		if n.Filter.Statuses == Binding {
			n.Filter.Statuses = 0
		} else {
			n.Filter.Statuses = Binding
		}
	case ShowAll:
		n.Filter = Filter{}
	case PickLoop:
		n.Loop = in.Key
	case PlayTimeline:
		n.Playing = true
	case PauseTimeline:
		n.Playing = false
	case ToggleTimeline:
		n.Playing = !n.Playing
	}
	return Diff(before, *n)
}

// Diff says which parts of the view differ between a and b.
func Diff(a, b Now) Changed {
	return Changed{
		Step:      a.Story != b.Story || a.Step != b.Step,
		Selection: a.Selection != b.Selection,
		AsOf:      a.AsOf != b.AsOf,
		Paused:    a.Paused != b.Paused,
		Filter:    a.Filter != b.Filter,
		Loop:      a.Loop != b.Loop,
		Focus:     a.Focus != b.Focus,
		Playing:   a.Playing != b.Playing,
	}
}

// tapCSS is how far, in CSS pixels, a press may move and still be a tap
// rather than a drag.
const tapCSS = 8

// doubleTapMS and doubleTapCSS bound a double tap: the second tap comes
// this soon after the first, this near it.
const (
	doubleTapMS  = 400
	doubleTapCSS = 24
)

// Gestures turns pointer events into intents: a tap, a double tap, a drag
// that pans, a pinch that zooms, and hovering. It remembers the pointers
// that are down and the last tap.
type Gestures struct {
	down    []pointerDown
	lastTap struct {
		x, y, t float64
		ok      bool
	}
}

type pointerDown struct {
	id       int
	x0, y0   float64 // where it went down
	x, y     float64 // where it is
	dragging bool
}

// Pointer takes one event ("down", "move", "up" or "cancel") of pointer id
// at (x, y) in device pixels at time t in milliseconds, and appends the
// intents it makes to out.
func (g *Gestures) Pointer(kind string, id int, x, y, t, dpr float64, out []Intent) []Intent {
	i := g.find(id)
	switch kind {
	case "down":
		if i >= 0 {
			g.forget(i)
		}
		g.down = append(g.down, pointerDown{id: id, x0: x, y0: y, x: x, y: y})
		for j := range g.down {
			// A second finger turns any press into a pinch, never a tap.
			if len(g.down) > 1 {
				g.down[j].dragging = true
			}
		}
	case "move":
		if i < 0 {
			return append(out, Intent{Kind: HoverAt, X: x, Y: y})
		}
		p := &g.down[i]
		if len(g.down) >= 2 {
			// Pinch: the first two pointers; zoom by the change of their
			// distance about their midpoint, and pan with the midpoint.
			a, b := g.down[0], g.down[1]
			d0, mx0, my0 := span(a.x, a.y, b.x, b.y)
			p.x, p.y = x, y
			a, b = g.down[0], g.down[1]
			d1, mx1, my1 := span(a.x, a.y, b.x, b.y)
			if d0 > 0 && d1 > 0 {
				out = append(out, Intent{Kind: ZoomAt, F: d1 / d0, X: mx1, Y: my1})
			}
			return append(out, Intent{Kind: PanBy, X: mx1 - mx0, Y: my1 - my0})
		}
		if !p.dragging && far(p.x0, p.y0, x, y, tapCSS*dpr) {
			p.dragging = true
		}
		dx, dy := x-p.x, y-p.y
		p.x, p.y = x, y
		if p.dragging {
			out = append(out, Intent{Kind: PanBy, X: dx, Y: dy})
		}
	case "up", "cancel":
		if i < 0 {
			return out
		}
		p := g.down[i]
		g.forget(i)
		if kind == "cancel" || p.dragging || far(p.x0, p.y0, x, y, tapCSS*dpr) {
			return out
		}
		l := g.lastTap
		if l.ok && t-l.t <= doubleTapMS && !far(l.x, l.y, x, y, doubleTapCSS*dpr) {
			g.lastTap.ok = false
			return append(out, Intent{Kind: DoubleTap, X: x, Y: y})
		}
		g.lastTap.x, g.lastTap.y, g.lastTap.t, g.lastTap.ok = x, y, t, true
		return append(out, Intent{Kind: Tap, X: x, Y: y})
	}
	return out
}

// Wheel turns a wheel turn of dy device pixels at (x, y) into a zoom about
// the pointer; one notch (100 px) zooms by about 1.2.
func Wheel(dy, x, y float64) Intent {
	return Intent{Kind: ZoomAt, F: math.Exp(-dy / 550), X: x, Y: y}
}

func span(ax, ay, bx, by float64) (d, mx, my float64) {
	return math.Hypot(bx-ax, by-ay), (ax + bx) / 2, (ay + by) / 2
}

func far(x0, y0, x1, y1, r float64) bool {
	return (x1-x0)*(x1-x0)+(y1-y0)*(y1-y0) > r*r
}

func (g *Gestures) find(id int) int {
	for i, d := range g.down {
		if d.id == id {
			return i
		}
	}
	return -1
}

func (g *Gestures) forget(i int) {
	g.down = append(g.down[:i], g.down[i+1:]...)
}

// KeyIntent maps a key (a KeyboardEvent.key name) to its intent.
func KeyIntent(key string) (Intent, bool) {
	switch key {
	case "Escape", "Esc":
		return Intent{Kind: Select, Entity: -1}, true
	case "+", "=":
		return Intent{Kind: ZoomIn}, true
	case "-", "_":
		return Intent{Kind: ZoomOut}, true
	case "0", "Home":
		return Intent{Kind: Fit}, true
	case " ", "Spacebar":
		return Intent{Kind: ToggleTimeline}, true
	case "ArrowLeft":
		return Intent{Kind: StepTime, Entity: -1}, true
	case "ArrowRight":
		return Intent{Kind: StepTime, Entity: 1}, true
	case "ArrowDown":
		return Intent{Kind: FollowOut}, true
	case "ArrowUp":
		return Intent{Kind: FollowIn}, true
	case "Tab":
		return Intent{Kind: FocusNext}, true
	case "Shift+Tab":
		return Intent{Kind: FocusPrev}, true
	case "Enter":
		return Intent{Kind: Activate}, true
	}
	return Intent{}, false
}
