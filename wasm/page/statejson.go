package page

import (
	"strconv"

	"ouroboros/wasm/jsonout"
)

// appendState appends s to b as JSON, the same bytes encoding/json writes
// for it (TestStateJSONIsEncodingJSON), with loops, the JSON of its loops
// (appendLoops), in their place. It spares the start encoding/json's first
// use: V8 compiles each WebAssembly function lazily, on the main thread,
// at its first call, and the encoder's reflection is large (issue 19); and
// it spares each change the page hears of a walk of the state by
// reflection. A field added to one of the state's types must be added
// here: the test compares the bytes with encoding/json's.
func appendState(b []byte, s *State, loops []byte) []byte {
	b = append(b, `{"dataset":`...)
	b = appendDatasetInfo(b, &s.Dataset)
	b = append(b, `,"loops":`...)
	b = append(b, loops...)
	b = append(b, `,"loopsTruncated":`...)
	b = strconv.AppendBool(b, s.LoopsTruncated)
	b = append(b, `,"selection":`...)
	b = jsonout.StringPtr(b, s.Selection)
	b = append(b, `,"story":`...)
	b = jsonout.StringPtr(b, s.Story)
	b = append(b, `,"step":`...)
	b = jsonout.IntPtr(b, s.Step)
	b = append(b, `,"asOf":`...)
	b = jsonout.StringPtr(b, s.AsOf)
	b = append(b, `,"paused":`...)
	b = strconv.AppendBool(b, s.Paused)
	b = append(b, `,"mode":`...)
	b = jsonout.String(b, s.Mode)
	b = append(b, `,"motion":`...)
	b = jsonout.String(b, s.Motion)
	b = append(b, `,"theme":`...)
	b = jsonout.String(b, s.Theme)
	b = append(b, `,"problems":`...)
	b = jsonout.Strings(b, s.Problems)
	b = append(b, `,"selected":`...)
	if s.Selected == nil {
		b = append(b, "null"...)
	} else {
		b = appendEntityCardFields(b, &s.Selected.EntityCard)
		b = append(b, `,"report":`...)
		b = appendEntityReport(b, &s.Selected.Report)
		b = append(b, '}')
	}
	b = append(b, `,"hover":`...)
	b = appendHover(b, s.Hover)
	b = append(b, `,"explore":`...)
	b = appendExplore(b, s.Explore)
	b = append(b, `,"caption":`...)
	b = appendCaption(b, s.Caption)
	b = append(b, `,"stories":`...)
	b = jsonout.List(b, s.Stories, appendStoryListItem)
	b = append(b, `,"autoplay":`...)
	b = strconv.AppendBool(b, s.Autoplay)
	b = append(b, `,"view":`...)
	b = appendScreen(b, &s.View)
	b = append(b, `,"kiosk":`...)
	b = appendKiosk(b, &s.Kiosk)
	b = append(b, `,"reading":`...)
	b = appendReading(b, &s.Reading)
	return append(b, '}')
}

func appendDatasetInfo(b []byte, d *DatasetInfo) []byte {
	b = append(b, `{"title":`...)
	b = jsonout.String(b, d.Title)
	b = append(b, `,"asOf":`...)
	b = jsonout.String(b, d.AsOf)
	b = append(b, `,"currency":`...)
	b = jsonout.String(b, d.Currency)
	b = append(b, `,"entities":`...)
	b = strconv.AppendInt(b, int64(d.Entities), 10)
	b = append(b, `,"deals":`...)
	b = strconv.AppendInt(b, int64(d.Deals), 10)
	b = append(b, `,"factsAsOf":`...)
	b = jsonout.String(b, d.FactsAsOf)
	return append(b, '}')
}

func appendCaption(b []byte, c *StepCaption) []byte {
	if c == nil {
		return append(b, "null"...)
	}
	b = append(b, `{"story":`...)
	b = jsonout.String(b, c.Story)
	b = append(b, `,"storyTitle":`...)
	b = jsonout.String(b, c.StoryTitle)
	b = append(b, `,"step":`...)
	b = strconv.AppendInt(b, int64(c.Step), 10)
	b = append(b, `,"steps":`...)
	b = strconv.AppendInt(b, int64(c.Steps), 10)
	b = append(b, `,"title":`...)
	b = jsonout.String(b, c.Title)
	b = append(b, `,"text":`...)
	b = jsonout.String(b, c.Text)
	b = append(b, `,"sources":`...)
	b = jsonout.List(b, c.Sources, appendSourceLink)
	b = append(b, `,"focus":`...)
	b = jsonout.Strings(b, c.Focus)
	return append(b, '}')
}

func appendStoryListItem(b []byte, s *StoryListItem) []byte {
	b = append(b, `{"id":`...)
	b = jsonout.String(b, s.ID)
	b = append(b, `,"title":`...)
	b = jsonout.String(b, s.Title)
	b = append(b, `,"steps":`...)
	b = strconv.AppendInt(b, int64(s.Steps), 10)
	return append(b, '}')
}

func appendScreen(b []byte, s *Screen) []byte {
	b = append(b, `{"width":`...)
	b = jsonout.Number(b, s.Width)
	b = append(b, `,"height":`...)
	b = jsonout.Number(b, s.Height)
	b = append(b, `,"dpr":`...)
	b = jsonout.Number(b, s.DPR)
	b = append(b, `,"settled":`...)
	b = strconv.AppendBool(b, s.Settled)
	b = append(b, `,"drifting":`...)
	b = strconv.AppendBool(b, s.Drifting)
	b = append(b, `,"tourRank":`...)
	b = strconv.AppendInt(b, int64(s.TourRank), 10)
	b = append(b, `,"touring":`...)
	b = strconv.AppendBool(b, s.Touring)
	b = append(b, `,"moving":`...)
	b = strconv.AppendBool(b, s.Moving)
	b = append(b, `,"focusMix":`...)
	b = jsonout.Number(b, s.FocusMix)
	b = append(b, `,"shownAsOf":`...)
	b = jsonout.String(b, s.ShownAsOf)
	b = append(b, `,"tick":`...)
	b = strconv.AppendInt(b, s.Tick, 10)
	b = append(b, `,"zoom":`...)
	b = jsonout.Number(b, s.Zoom)
	b = append(b, `,"deals":`...)
	b = strconv.AppendInt(b, int64(s.Deals), 10)
	b = append(b, `,"figures":`...)
	b = strconv.AppendInt(b, int64(s.Figures), 10)
	b = append(b, `,"topInset":`...)
	b = jsonout.Number(b, s.TopInset)
	b = append(b, `,"panX":`...)
	b = jsonout.Number(b, s.PanX)
	b = append(b, `,"panY":`...)
	b = jsonout.Number(b, s.PanY)
	b = append(b, `,"entities":`...)
	b = jsonout.List(b, s.Entities, func(b []byte, e *EntityOnView) []byte {
		b = append(b, `{"id":`...)
		b = jsonout.String(b, e.ID)
		b = append(b, `,"name":`...)
		b = jsonout.String(b, e.Name)
		b = append(b, `,"x":`...)
		b = jsonout.Number(b, e.X)
		b = append(b, `,"y":`...)
		b = jsonout.Number(b, e.Y)
		b = append(b, `,"r":`...)
		b = jsonout.Number(b, e.R)
		b = append(b, `,"color":`...)
		b = jsonout.String(b, e.Color)
		b = append(b, `,"label":`...)
		b = strconv.AppendBool(b, e.Label)
		return append(b, '}')
	})
	return append(b, '}')
}

func appendKiosk(b []byte, k *Kiosk) []byte {
	b = append(b, `{"idle":`...)
	b = strconv.AppendInt(b, int64(k.Idle), 10)
	b = append(b, `,"countdown":`...)
	b = strconv.AppendInt(b, int64(k.Countdown), 10)
	b = append(b, `,"attract":`...)
	b = strconv.AppendInt(b, int64(k.Attract), 10)
	b = append(b, `,"phase":`...)
	b = jsonout.String(b, k.Phase)
	b = append(b, `,"left":`...)
	b = strconv.AppendInt(b, int64(k.Left), 10)
	b = append(b, `,"resets":`...)
	b = strconv.AppendInt(b, int64(k.Resets), 10)
	b = append(b, `,"stepsShown":`...)
	b = strconv.AppendInt(b, int64(k.StepsShown), 10)
	return append(b, '}')
}

func appendReading(b []byte, r *Reading) []byte {
	b = append(b, `{"headline":`...)
	b = jsonout.String(b, r.Headline)
	b = append(b, `,"rule":`...)
	b = jsonout.String(b, r.Rule)
	b = append(b, `,"example":`...)
	b = jsonout.String(b, r.Example)
	b = append(b, `,"top":`...)
	b = jsonout.Strings(b, r.Top)
	return append(b, '}')
}
