package scene_test

import (
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/scene"
	"ouroboros/wasm/session"
)

// rig draws frames of one dataset for the tests: a frame, the network it
// draws and the look of the next build, which a test sets field by field
// as the session would.
type rig struct {
	*scene.Frame
	net  *scene.Network
	look session.Look
}

// newRig draws net, a network of d, with the names' and figures' widths
// guessed; nothing selected, no step open.
func newRig(d *dataset.Dataset, net *scene.Network) *rig {
	return newRigMeasured(d, net, nil, nil)
}

// newRigMeasured draws net with the names' widths and the figures' measure
// given.
func newRigMeasured(d *dataset.Dataset, net *scene.Network, labelWidth []float32, measure func(string) float32) *rig {
	return &rig{Frame: scene.NewFrame(d, labelWidth, measure), net: net, look: noLook()}
}

// noLook is the look with nothing selected, focused, lit or filtered.
func noLook() session.Look {
	return session.Look{Selected: -1, Focus: -1, SpotMix: 1}
}

// Build builds the frame of the rig's network and look for pos and v.
func (r *rig) Build(pos [][2]float64, v session.View) {
	r.look.View = v
	scene.Build(r.Frame, r.net, pos, r.look)
}

// spotlight opens a story step on entities and deals as the session does
// on moving to the next step: the open step becomes the step before, and
// the dimming cuts to the new one.
func (r *rig) spotlight(entities, deals []int, on bool) {
	r.look.From = r.look.Spot
	r.look.Spot = session.Spot{On: on, Entities: entities, Deals: deals}
	r.look.SpotMix = 1
}
