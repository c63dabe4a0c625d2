package session

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// internalEvents are the program's events that only the page's own
// scripts hear (the hover card, the exploring controls' refresh); the API's
// on() never passes them on.
var internalEvents = map[string]bool{"hover": true, "ui": true}

// TestPageAPIDocListsWhatExists reads web/page-api.md and fails for every
// command, event and link parameter the code has and the document does
// not name, so that the document cannot fall behind the code.
func TestPageAPIDocListsWhatExists(t *testing.T) {
	doc, err := os.ReadFile("../../web/page-api.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(doc)
	linkTable := section(t, text, "## Link parameters")
	eventTable := section(t, text, "### Events")
	for name := range plainCommands {
		if !strings.Contains(text, `{type: "`+name+`"`) {
			t.Errorf("web/page-api.md does not list the command %q", name)
		}
	}
	for name := range argCommands {
		if !strings.Contains(text, `{type: "`+name+`"`) {
			t.Errorf("web/page-api.md does not list the command %q", name)
		}
	}
	sources, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	emits := regexp.MustCompile(`s\.emit\("(\w+)"`)
	params := regexp.MustCompile(`params\["(\w+)"\]|\{"(\w+)", &k\.`)
	events, links := map[string]bool{}, map[string]bool{}
	for _, f := range sources {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range emits.FindAllStringSubmatch(string(b), -1) {
			events[m[1]] = true
		}
		for _, m := range params.FindAllStringSubmatch(string(b), -1) {
			links[m[1]+m[2]] = true
		}
	}
	if len(events) < 5 || len(links) < 5 {
		t.Fatalf("found only events %v and link parameters %v in the session's code: has the code's shape changed?", events, links)
	}
	for e := range events {
		if !internalEvents[e] && !strings.Contains(eventTable, "| `"+e+"` |") {
			t.Errorf("web/page-api.md's events do not list %q, which the program emits", e)
		}
	}
	for p := range links {
		if !regexp.MustCompile("(?m)^\\| (`\\w+`, )*`" + p + "`[ ,]").MatchString(linkTable) {
			t.Errorf("web/page-api.md's link parameters do not list %q, which the session reads", p)
		}
	}
}

// section is the document's text from a heading to the next heading.
func section(t *testing.T, doc, heading string) string {
	t.Helper()
	_, rest, ok := strings.Cut(doc, heading+"\n")
	if !ok {
		t.Fatalf("web/page-api.md has no %q", heading)
	}
	if i := strings.Index(rest, "\n#"); i >= 0 {
		rest = rest[:i]
	}
	return rest
}
