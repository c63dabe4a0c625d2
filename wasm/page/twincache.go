package page

import (
	"encoding/json"

	"ouroboros/wasm/session"
)

// TwinCache keeps the text twin's JSON: the dataset's facts, made once,
// and the figures for the view they were made for. The page asks on every
// change it hears of, and most (a filter, the timeline's play button)
// leave the twin as it was.
type TwinCache struct {
	facts string
	key   TwinKey
	json  string
}

// FactsJSON returns the dataset's facts for the text twin as JSON.
func (c *TwinCache) FactsJSON(ss *session.Session) string {
	if c.facts == "" {
		c.facts = marshal(NewTwinFacts(ss.Dataset()))
	}
	return c.facts
}

// JSON returns the text twin's figures for the session's view as JSON,
// made again only when the date, the selection or the story step changed.
// The text states the step's date at once, as state().asOf does, while the
// picture may still be walking the timeline to it.
func (c *TwinCache) JSON(ss *session.Session) string {
	now := ss.Now()
	if k := KeyOf(now); c.json == "" || c.key != k {
		snap := ss.Snapshot()
		if ss.ShownAsOf() != now.AsOf {
			snap = ss.Analysis().At(now.AsOf)
		}
		c.key, c.json = k, marshal(NewTwin(ss.Dataset(), snap, now))
	}
	return c.json
}

// JSON returns the state as JSON for window.ouroboros.state().
func (s State) JSON() string {
	loops := appendLoops(nil, s.Loops)
	return string(appendState(make([]byte, 0, len(loops)+16<<10), &s, loops))
}

func marshal(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // plain values only: a broken invariant
	}
	return string(b)
}
