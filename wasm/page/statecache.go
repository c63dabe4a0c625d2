package page

import (
	"encoding/json"
	"strings"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/scene"
	"ouroboros/wasm/session"
)

// StateCache keeps the state's JSON. A change the page hears of (a
// selection, a step) makes its scripts ask for the state several times in
// the tick that made it (the card, the explore panel, the text twin), and
// that tick's frame is not drawn until they are done: made once a tick,
// and with the loops (over four fifths of it on the bundled dataset) made
// once a snapshot, the state costs a change's frame one reading, not four.
type StateCache struct {
	snap  *analysis.Snapshot
	loops json.RawMessage
	json  string
}

// stateOut is the state with its loops as ready JSON: the outer field
// hides State's own (encoding/json takes the shallower of two names) and
// comes last, where JSON splices the cached loops in.
type stateOut struct {
	State
	Loops json.RawMessage `json:"loops"`
}

// JSON returns what Read(ss, f, problems).JSON() would, as it was when
// made, until Forget.
func (c *StateCache) JSON(ss *session.Session, f *scene.Frame, problems []string) string {
	if c.json != "" {
		return c.json
	}
	if snap := ss.Snapshot(); snap != c.snap || c.loops == nil {
		c.snap, c.loops = snap, appendLoops(c.loops[:0], Loops(ss.Dataset(), snap))
	}
	// The loops go in after the rest is marshalled, not as the field's
	// RawMessage: encoding/json checks and compacts a RawMessage byte by
	// byte, which on the bundled dataset's 100 KB of loops cost more than
	// the rest of the state (BenchmarkStateJSON, a new tick: 1.15 → 0.43
	// ms natively; issue 19).
	rest := marshal(stateOut{State: read(ss, f, problems), Loops: json.RawMessage("null")})
	body, ok := strings.CutSuffix(rest, loopsLast)
	if !ok {
		panic("page: the state's JSON does not end with its loops") // stateOut's last field
	}
	var b strings.Builder
	b.Grow(len(body) + len(loopsKey) + len(c.loops) + 1)
	b.WriteString(body)
	b.WriteString(loopsKey)
	b.Write(c.loops)
	b.WriteByte('}')
	c.json = b.String()
	return c.json
}

// loopsKey and loopsLast are how the state's JSON ends with its loops
// left out (null).
const (
	loopsKey  = `"loops":`
	loopsLast = loopsKey + `null}`
)

// Forget drops the state's JSON, not its loops': the adapter calls it
// after each tick, which is where the session and the frame change (a
// paused session moves its camera and counts a kiosk's seconds without
// advancing its tick or its version, so neither can key the cache).
func (c *StateCache) Forget() { c.json = "" }
