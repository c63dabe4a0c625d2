//go:build js

package app

import (
	"encoding/json"

	"ouroboros/wasm/view"
)

// twinCache keeps the text twin's JSON: the dataset's facts, made once, and
// the figures for the view they were made for. The page asks on every
// change it hears of, and most (a filter, the timeline's play button)
// leave the twin as it was.
type twinCache struct {
	facts string
	key   view.TwinKey
	json  string
}

// TwinFactsJSON returns the dataset's facts for the text twin as JSON.
func (g *Game) TwinFactsJSON() string {
	if g.twin.facts == "" {
		g.twin.facts = marshal(view.NewTwinFacts(g.ds))
	}
	return g.twin.facts
}

// TwinJSON returns the text twin's figures for the current view as JSON,
// made again only when the date, the selection or the story step changed.
func (g *Game) TwinJSON() string {
	if k := view.KeyOf(g.now); g.twin.json == "" || g.twin.key != k {
		// The text states the step's date at once, as state().asOf does,
		// while the picture may still be walking the timeline to it.
		snap := g.snap
		if g.shownAsOf != g.now.AsOf {
			snap = g.an.At(g.now.AsOf)
		}
		g.twin.key, g.twin.json = k, marshal(view.NewTwin(g.ds, snap, g.now))
	}
	return g.twin.json
}

func marshal(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // plain values only: a broken invariant
	}
	return string(b)
}
