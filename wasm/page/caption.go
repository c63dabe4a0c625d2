package page

import (
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/session"
)

// StepCaption is the open story step as the page's caption shows it.
type StepCaption struct {
	Story      string       `json:"story"`
	StoryTitle string       `json:"storyTitle"`
	Step       int          `json:"step"` // from 1
	Steps      int          `json:"steps"`
	Title      string       `json:"title"`
	Text       string       `json:"text"`
	Sources    []SourceLink `json:"sources"`
	Focus      []string     `json:"focus"`
}

// SourceLink is a source as a caption links it. URL is empty unless it is
// http or https, so that the page only ever links to web pages.
type SourceLink struct {
	Publisher string `json:"publisher"`
	Title     string `json:"title"`
	URL       string `json:"url"`
}

// StoryListItem is a story in the picker.
type StoryListItem struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Steps int    `json:"steps"`
}

// Caption describes the open step, or nil.
func Caption(d *dataset.Dataset, n session.Now) *StepCaption {
	if n.Story < 0 || n.Story >= len(d.Stories) {
		return nil
	}
	s := d.Stories[n.Story]
	st := s.Steps[n.Step]
	c := &StepCaption{Story: s.ID, StoryTitle: s.Title, Step: n.Step + 1, Steps: len(s.Steps),
		Title: st.Title, Text: st.Text, Sources: []SourceLink{}, Focus: []string{}}
	for _, i := range st.Sources {
		c.Sources = append(c.Sources, sourceLink(d.Sources[i]))
	}
	for _, e := range st.FocusEntities {
		c.Focus = append(c.Focus, d.Entities[e].ID)
	}
	return c
}

func sourceLink(s dataset.Source) SourceLink {
	l := SourceLink{Publisher: s.Publisher, Title: s.Title}
	if safeURL(s.URL) {
		l.URL = s.URL
	}
	return l
}

// safeURL reports whether u is an http or https URL; the loader already
// refuses others, and this keeps the page safe whatever reaches it.
func safeURL(u string) bool {
	for _, p := range []string{"https://", "http://"} {
		if len(u) > len(p) && equalFold(u[:len(p)], p) {
			return true
		}
	}
	return false
}

func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// Stories lists the dataset's stories for the picker.
func Stories(d *dataset.Dataset) []StoryListItem {
	out := []StoryListItem{}
	for _, s := range d.Stories {
		out = append(out, StoryListItem{ID: s.ID, Title: s.Title, Steps: len(s.Steps)})
	}
	return out
}
