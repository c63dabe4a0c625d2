package page

import (
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
	loops []byte // the snapshot's loops as JSON
	buf   []byte // the last state's JSON, reused
	json  string
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
	st := read(ss, f, problems)
	c.buf = appendState(c.buf[:0], &st, c.loops)
	c.json = string(c.buf)
	return c.json
}

// Forget drops the state's JSON, not its loops': the adapter calls it
// after each tick, which is where the session and the frame change (a
// paused session moves its camera and counts a kiosk's seconds without
// advancing its tick or its version, so neither can key the cache).
func (c *StateCache) Forget() { c.json = "" }
