// Package page is the page's read model: the state that
// window.ouroboros.state() reports (cards, the explore panel, the caption,
// the stories, where the entities are drawn, the kiosk's phase) and the
// text twin, read from the session and the last frame the scene built. It
// changes nothing; it is pure, so that what the page is told tests without
// a browser.
package page

import (
	"fmt"
	"math"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/scene"
	"ouroboros/wasm/session"
	"ouroboros/wasm/wording"
)

// State is the JSON-able object that window.ouroboros.state() returns; see
// the page API. Fields after Motion are extensions for tests and tools.
type State struct {
	Dataset        DatasetInfo `json:"dataset"`
	Loops          []Loop      `json:"loops"`
	LoopsTruncated bool        `json:"loopsTruncated"`
	Selection      *string     `json:"selection"`
	Story          *string     `json:"story"`
	Step           *int        `json:"step"`
	AsOf           *string     `json:"asOf"`
	Paused         bool        `json:"paused"`
	Mode           string      `json:"mode"`
	Motion         string      `json:"motion"`
	// Theme is the colours the page and the canvas are drawn in: "light"
	// or "dark".
	Theme    string   `json:"theme"`
	Problems []string `json:"problems"`
	// Selected describes the selected entity for the page's card.
	Selected *Selected `json:"selected"`
	// Hover is what the mouse rests on, for the hover card.
	Hover *Hover `json:"hover"`
	// Explore is the state of the legend, the timeline and the loops.
	Explore *Explore `json:"explore"`
	// Caption is the open story step; Stories lists the stories.
	Caption *StepCaption    `json:"caption"`
	Stories []StoryListItem `json:"stories"`
	// Autoplay says the open story moves on by itself.
	Autoplay bool   `json:"autoplay"`
	View     Screen `json:"view"`
	// Kiosk holds the kiosk's timers and where its loop is (the session
	// runs it; web/kiosk.js shows it).
	Kiosk Kiosk `json:"kiosk"`
	// Reading is the sentence over the canvas and the legend's "What makes
	// a loop circular?" card, at the date of loops.
	Reading Reading `json:"reading"`
}

// Kiosk is the kiosk's timers, in seconds, and its loop's phase.
type Kiosk struct {
	session.KioskTimes
	session.KioskState
}

// Selected is the selected entity: its card and the analysis' report.
type Selected struct {
	EntityCard
	Report analysis.EntityReport `json:"report"`
}

// EntityCard is what the page's card shows about an entity.
type EntityCard struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Kind      string `json:"kind"`
	KindLabel string `json:"kindLabel"`
	Color     string `json:"color"`
	Note      string `json:"note"`
}

// DatasetInfo names the loaded dataset and counts what it holds.
type DatasetInfo struct {
	Title    string `json:"title"`
	AsOf     string `json:"asOf"`
	Currency string `json:"currency"`
	Entities int    `json:"entities"`
	Deals    int    `json:"deals"`
	// FactsAsOf says in words when the dataset's facts were checked:
	// "Facts as of 2026-12-04"; "" when the dataset gives no date.
	FactsAsOf string `json:"factsAsOf"`
}

// FactsAsOf words the date a dataset's facts were checked, its asOf.
func FactsAsOf(d *dataset.Dataset) string {
	if d.AsOf.IsZero() {
		return ""
	}
	return wording.Said().Say("factsAsOf", "date", wording.DateText(d.AsOf))
}

// Loop is one loop by entity and deal ids.
type Loop struct {
	Entities       []string `json:"entities"`
	Deals          []string `json:"deals"`
	RoundTripValue *float64 `json:"roundTripValue"`
	// RoundTripText is the round trip in words, "undisclosed" when null.
	RoundTripText string `json:"roundTripText"`
	// Kind is "circular" for a circular deal, "other" for any other loop
	// (the format's "Circular deals").
	Kind string `json:"kind"`
	// Rank counts the circular deals from 1 in their ranking; null for
	// other loops.
	Rank *int `json:"rank"`
	// KindText says in words what the loop is: "circular deal", "longer
	// chain, 4 hops", "financing only", "purchases only".
	KindText string `json:"kindText"`
}

// Screen tells where things are drawn, in CSS pixels from the canvas's top
// left corner.
type Screen struct {
	Width    float64 `json:"width"`
	Height   float64 `json:"height"`
	DPR      float64 `json:"dpr"`
	Settled  bool    `json:"settled"`
	Drifting bool    `json:"drifting"` // the attract loop's camera wander is on
	// TourRank is the rank (from 1) of the circular deal the reading
	// order lights now; 0 when it is not showing or lights them all
	// (reduced motion).
	TourRank int  `json:"tourRank"`
	Touring  bool `json:"touring"` // the reading order is showing
	Moving   bool `json:"moving"`  // a story step is easing in: its camera, spotlight or date
	// FocusMix is how far a story step's spotlight has faded from the
	// step before's dimming (0) to its own (1); 1 when still.
	FocusMix float64 `json:"focusMix"`
	// ShownAsOf is the date the picture shows: while a step walks the
	// timeline to its date it passes through the dates between, and it is
	// asOf once moving is false; "" for every date.
	ShownAsOf string  `json:"shownAsOf"`
	Tick      int64   `json:"tick"`
	Zoom      float64 `json:"zoom"`
	Deals     int     `json:"deals"`   // deals drawn: within the date and the filters
	Figures   int     `json:"figures"` // edges' figures written on a still picture
	// TopInset is the height the title takes at the top, in CSS pixels:
	// the reading sentence goes just below it.
	TopInset float64        `json:"topInset"`
	PanX     float64        `json:"panX"` // CSS pixels
	PanY     float64        `json:"panY"`
	Entities []EntityOnView `json:"entities"`
}

// EntityOnView is where one entity's disc is, and its kind's colour.
type EntityOnView struct {
	ID    string  `json:"id"`
	Name  string  `json:"name"`
	X     float64 `json:"x"`
	Y     float64 `json:"y"`
	R     float64 `json:"r"`
	Color string  `json:"color"`
	Label bool    `json:"label"`
}

// Loops converts a snapshot's loops to their ids, in the format's order,
// each with its class and, for a circular deal, its rank.
func Loops(d *dataset.Dataset, snap *analysis.Snapshot) []Loop {
	out := make([]Loop, len(snap.Loops))
	rank := make([]int, len(snap.Loops))
	for k, i := range snap.Circular() {
		rank[i] = k + 1
	}
	for i, lp := range snap.Loops {
		l := Loop{Entities: make([]string, len(lp.Entities)), Deals: []string{},
			Kind: lp.Class.String(), KindText: kindText(d, lp)}
		if rank[i] > 0 {
			r := rank[i]
			l.Rank = &r
		}
		for j, e := range lp.Entities {
			l.Entities[j] = d.Entities[e].ID
		}
		for _, h := range lp.Hops {
			for _, di := range h.Deals {
				l.Deals = append(l.Deals, d.Deals[di].ID)
			}
		}
		if lp.RoundTripKnown {
			v := lp.RoundTrip
			l.RoundTripValue = &v
		}
		l.RoundTripText = wording.Known(l.RoundTripValue, d.Currency)
		out[i] = l
	}
	return out
}

// Read is the state of the page: the session's, and where the last frame
// built drew the entities. problems are the link's.
func Read(ss *session.Session, f *scene.Frame, problems []string) State {
	s := read(ss, f, problems)
	s.Loops = Loops(ss.Dataset(), ss.Snapshot())
	return s
}

// read is Read without the loops, the state's largest part, which
// StateCache keeps as JSON for as long as the snapshot stays.
func read(ss *session.Session, f *scene.Frame, problems []string) State {
	d, snap, o, now := ss.Dataset(), ss.Snapshot(), ss.Options(), ss.Now()
	s := State{
		Dataset: DatasetInfo{Title: d.Title, AsOf: d.AsOf.String(), Currency: d.Currency, Entities: len(d.Entities), Deals: len(d.Deals),
			FactsAsOf: FactsAsOf(d)},
		LoopsTruncated: snap.Truncated,
		Mode:           o.Mode.String(),
		Motion:         "full",
		Theme:          o.Theme.String(),
		Paused:         now.Paused,
		Problems:       append([]string{}, problems...),
		Kiosk:          Kiosk{o.Kiosk.Resolved(), ss.Kiosk()},
		Caption:        Caption(d, now),
		Stories:        Stories(d),
		Autoplay:       ss.Autoplay(),
		Reading:        NewReading(d, snap),
	}
	if o.Reduced {
		s.Motion = "reduced"
	}
	if !now.AsOf.IsZero() {
		a := now.AsOf.String()
		s.AsOf = &a
	}
	if now.Story >= 0 {
		id, step := d.Stories[now.Story].ID, now.Step+1
		s.Story, s.Step = &id, &step
	}
	if now.Selection >= 0 {
		s.Selection = &d.Entities[now.Selection].ID
		s.Selected = &Selected{EntityCard: *NewEntityCard(d, now.Selection, o.Theme), Report: snap.EntityReport(now.Selection)}
	}
	// The explore panel, the scrubber's included, follows the date on
	// screen while a step walks the timeline; asOf is the step's at once.
	shown := now
	shown.AsOf = ss.ShownAsOf()
	s.Explore = NewExplore(d, ss.Analysis(), snap, shown, ss.Flash(), o.Theme)
	net := f.Network()
	if net == nil {
		// No frame built yet: the network the first one will draw.
		net = scene.NewNetwork(d, snap)
	}
	s.Explore.Legend.Key = NewLegendKey(net.MaxTotal, d.Currency, o.Theme)
	if e, edge := ss.Hover(); f.Network() != nil {
		s.Hover = HoverCard(d, f.Network(), e, edge, shown.AsOf, o.Theme)
	}
	s.View = screen(ss, f)
	return s
}

// screen says where the last frame drew things, in CSS pixels.
func screen(ss *session.Session, f *scene.Frame) Screen {
	look := ss.Look()
	v := look.View
	dpr := v.DPR
	if dpr <= 0 {
		dpr = 1
	}
	zoom := v.Zoom
	if zoom <= 0 {
		zoom = 1
	}
	s := Screen{Width: v.Width / dpr, Height: v.Height / dpr, DPR: dpr, Settled: ss.Settled(), Tick: v.Tick,
		Zoom: zoom, PanX: v.PanX / dpr, PanY: v.PanY / dpr, Deals: f.DealsShown(), Figures: f.FiguresShown(),
		Moving: ss.Easing(), FocusMix: float64(look.SpotMix), Drifting: ss.Drifting(), TopInset: round2(v.TopInset),
		TourRank: ss.TourRank(), Touring: ss.Touring()}
	if !look.AsOf.IsZero() {
		s.ShownAsOf = wording.DateText(look.AsOf)
	}
	d := ss.Dataset()
	for i, e := range d.Entities {
		disc := f.Discs[i]
		s.Entities = append(s.Entities, EntityOnView{
			ID:    e.ID,
			Name:  e.Name,
			X:     round2(float64(disc.X) / dpr),
			Y:     round2(float64(disc.Y) / dpr),
			R:     round2(float64(disc.R) / dpr),
			Color: hex(scene.KindColor(d.Kinds[e.Kind], ss.Options().Theme)),
			Label: f.Labels[i].Visible,
		})
	}
	return s
}

func hex(c dataset.RGB) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

func round2(x float64) float64 { return math.Round(x*100) / 100 }
