package session

import "ouroboros/wasm/dataset"

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
	case LeaveCanvas:
		n.Selection, n.Focus, n.Loop = -1, -1, ""
	case BlurCanvas:
		n.Focus = -1
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
