package dataset

import (
	"fmt"

	"github.com/tidwall/gjson"
)

// stories reads the optional stories array.
func (l *loader) stories(v gjson.Result, p path) {
	if !v.Exists() {
		l.storiesOK = true
		return
	}
	if !v.IsArray() {
		l.add(v.Index, p, "must be an array, found "+kindOf(v))
		return
	}
	l.storiesOK = true
	ids := make(map[string]int)
	n := 0
	v.ForEach(func(_, sv gjson.Result) bool {
		l.story(sv, p.at(n), ids)
		n++
		return true
	})
}

const (
	storyID = iota
	storyTitle
	storySteps
	storyCount
)

var storyNames = [storyCount]string{storyID: "id", storyTitle: "title", storySteps: "steps"}

// story reads one story; ids maps the story ids seen so far to their index.
func (l *loader) story(v gjson.Result, p path, ids map[string]int) {
	if !l.object(v, p) {
		return
	}
	var f [storyCount]gjson.Result
	l.members(v, p, storyNames[:], f[:])
	var s Story
	if id, ok := l.text(v, f[storyID], p.member("id"), true); ok {
		s.ID = id
		if prev, dup := ids[id]; dup {
			l.add(f[storyID].Index, p.member("id"), fmt.Sprintf("%s is already the id of stories[%d]", quote(id), prev))
		} else {
			ids[id] = len(l.ds.Stories)
		}
	}
	s.Title, _ = l.text(v, f[storyTitle], p.member("title"), true)
	steps, sp := f[storySteps], p.member("steps")
	switch {
	case !steps.Exists():
		l.add(end(v), sp, "is required")
	case !steps.IsArray():
		l.add(steps.Index, sp, "must be an array, found "+kindOf(steps))
	default:
		n := 0
		steps.ForEach(func(_, st gjson.Result) bool {
			if step, ok := l.step(st, sp.at(n)); ok {
				s.Steps = append(s.Steps, step)
			}
			n++
			return true
		})
		if n == 0 {
			l.add(steps.Index, sp, "needs at least 1 step, found 0")
		}
	}
	l.ds.Stories = append(l.ds.Stories, s)
}

const (
	stepTitle = iota
	stepText
	stepFocus
	stepAsOf
	stepSources
	stepCount
)

var stepNames = [stepCount]string{
	stepTitle: "title", stepText: "text", stepFocus: "focus", stepAsOf: "asOf", stepSources: "sources",
}

const (
	focusEntities = iota
	focusDeals
	focusCount
)

var focusNames = [focusCount]string{focusEntities: "entities", focusDeals: "deals"}

func (l *loader) step(v gjson.Result, p path) (Step, bool) {
	var s Step
	if !l.object(v, p) {
		return s, false
	}
	var f [stepCount]gjson.Result
	l.members(v, p, stepNames[:], f[:])
	s.Title, _ = l.text(v, f[stepTitle], p.member("title"), true)
	s.Text, _ = l.text(v, f[stepText], p.member("text"), true)
	// The format writes focus without a "?": a step must say what it shows,
	// even if one of its lists is empty.
	focus, fp := f[stepFocus], p.member("focus")
	if !focus.Exists() {
		l.add(end(v), fp, "is required")
	} else if l.object(focus, fp) {
		var g [focusCount]gjson.Result
		l.members(focus, fp, focusNames[:], g[:])
		if g[focusEntities].Exists() {
			s.FocusEntities, _ = l.idList(g[focusEntities], fp.member("entities"), l.ds.EntityIndex, "an entity id")
		} else {
			l.add(end(focus), fp.member("entities"), "is required")
		}
		if g[focusDeals].Exists() {
			s.FocusDeals, _ = l.idList(g[focusDeals], fp.member("deals"), l.ds.DealIndex, "a deal id")
		} else {
			l.add(end(focus), fp.member("deals"), "is required")
		}
	}
	s.AsOf, _ = l.date(v, f[stepAsOf], p.member("asOf"), false)
	if f[stepSources].Exists() {
		s.Sources, _ = l.sourceRefs(f[stepSources], p.member("sources"))
	}
	return s, true
}
