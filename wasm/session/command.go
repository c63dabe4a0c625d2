package session

import (
	"encoding/json"
	"errors"
	"fmt"

	"ouroboros/wasm/dataset"
)

// ErrCommand wraps every reason a command is refused.
var ErrCommand = errors.New("command refused")

// maxCommandBytes bounds what a command may weigh; anything larger is not a
// command of this API.
const maxCommandBytes = 4096

// command is a command of the page API as JSON carries it; each type reads
// the fields it takes.
type command struct {
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

// plainCommands are the commands that take no argument.
var plainCommands = map[string]IntentKind{
	"play":          Play,
	"pause":         Pause,
	"reset":         Reset,
	"bindingOnly":   BindingOnly,
	"showAll":       ShowAll,
	"playTimeline":  PlayTimeline,
	"pauseTimeline": PauseTimeline,
	"next":          NextStep,
	"prev":          PrevStep,
	"activity":      Activity,
}

// argCommands are the commands that read arguments, each by its parser.
var argCommands = map[string]func(*dataset.Dataset, *command) (Intent, error){
	"select":         parseSelect,
	"setAsOf":        parseSetAsOf,
	"toggleKind":     parseToggleKind,
	"toggleDealType": parseToggleDealType,
	"toggleStatus":   parseToggleStatus,
	"pickLoop":       parsePickLoop,
	"stepTime":       parseStepTime,
	"goToStep":       parseGoToStep,
	"drift":          parseDrift,
	"autoplay":       parseAutoplay,
}

// ParseCommand turns a command of the page API (as JSON) into an intent,
// or says in a sentence what is wrong with it. Beyond the page API's
// commands it takes what the legend, the loop list, the timeline and the
// stories do, so that a host can do it too.
func ParseCommand(d *dataset.Dataset, raw []byte) (Intent, error) {
	if len(raw) > maxCommandBytes {
		return Intent{}, fmt.Errorf("%w: a command is at most %d bytes", ErrCommand, maxCommandBytes)
	}
	var c command
	if err := json.Unmarshal(raw, &c); err != nil || c.Type == nil {
		return Intent{}, fmt.Errorf(`%w: a command is an object with a string "type", such as {type: "select", id: "nvidia"}`, ErrCommand)
	}
	if k, ok := plainCommands[*c.Type]; ok {
		return Intent{Kind: k}, nil
	}
	if parse, ok := argCommands[*c.Type]; ok {
		return parse(d, &c)
	}
	return Intent{}, fmt.Errorf("%w: %q is not a command (select, setAsOf, play, pause, reset)", ErrCommand, *c.Type)
}

func null(m *json.RawMessage) bool { return m == nil || string(*m) == "null" }

func parseSelect(d *dataset.Dataset, c *command) (Intent, error) {
	if null(c.ID) {
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
}

func parseSetAsOf(_ *dataset.Dataset, c *command) (Intent, error) {
	if null(c.Date) {
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
}

func parseToggleKind(d *dataset.Dataset, c *command) (Intent, error) {
	k, ok := d.KindIndex[c.Kind]
	if !ok {
		return Intent{}, fmt.Errorf("%w: toggleKind: %q is not a kind of this dataset", ErrCommand, c.Kind)
	}
	return Intent{Kind: ToggleKind, Entity: k}, nil
}

func parseToggleDealType(_ *dataset.Dataset, c *command) (Intent, error) {
	t, err := dataset.ParseDealType(c.DealType)
	if err != nil {
		return Intent{}, fmt.Errorf("%w: toggleDealType: %v", ErrCommand, err)
	}
	return Intent{Kind: ToggleType, Entity: int(t)}, nil
}

func parseToggleStatus(_ *dataset.Dataset, c *command) (Intent, error) {
	st, err := dataset.ParseStatus(c.Status)
	if err != nil {
		return Intent{}, fmt.Errorf("%w: toggleStatus: %v", ErrCommand, err)
	}
	return Intent{Kind: ToggleStatus, Entity: int(st)}, nil
}

func parsePickLoop(d *dataset.Dataset, c *command) (Intent, error) {
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
}

func parseStepTime(_ *dataset.Dataset, c *command) (Intent, error) {
	if c.By != 1 && c.By != -1 {
		return Intent{}, fmt.Errorf(`%w: stepTime takes "by", 1 or -1`, ErrCommand)
	}
	return Intent{Kind: StepTime, Entity: c.By}, nil
}

func parseGoToStep(d *dataset.Dataset, c *command) (Intent, error) {
	if null(c.Story) {
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
}

func parseDrift(_ *dataset.Dataset, c *command) (Intent, error) {
	if c.On == nil {
		return Intent{}, fmt.Errorf(`%w: drift takes "on", true or false`, ErrCommand)
	}
	if *c.On {
		return Intent{Kind: Drift, Entity: 1}, nil
	}
	return Intent{Kind: Drift}, nil
}

func parseAutoplay(_ *dataset.Dataset, c *command) (Intent, error) {
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
