package scripts_test

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"ouroboros/wasm/words"
)

var (
	// wordKey is a key the scripts ask words.js for: t('key'), count('key'
	// or say(e, 'key'); a key built from parts ('twin.' + verb) ends in a
	// dot and is checked by its parts' tests.
	wordKey = regexp.MustCompile(`\b(t|count|say)\('([\w.]+)'`)
	// uiAttr is a key the HTML names: data-ui="key" and the like, with the
	// element's text when it is data-ui.
	uiAttr = regexp.MustCompile(`data-ui(?:-label|-title|-placeholder)?="([^"]+)"`)
	uiText = regexp.MustCompile(`<(\w+)[^>]*\bdata-ui="([^"]+)"[^>]*>([^<]*)</(\w+)>`)
	// literal is a quoted string in a script, comments removed.
	literal = regexp.MustCompile(`'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"`)
	// english is a literal a reader could read: two words, or a capital
	// and a lower-case letter.
	english = regexp.MustCompile(`[A-Za-z]{2,}[,.:;!?…]* +[A-Za-z]{2,}|^['"][A-Z][a-z]|^['"] +[a-z]{2,}|[a-z]{2,} +['"]$`)
	// blockComment is a /* */ comment.
	blockComment = regexp.MustCompile(`(?s)/\*.*?\*/`)
)

// notWords are the literals that look like English and are not the
// chrome's: what only a developer sees (the script API's errors thrown to
// a host page's code, the console), keys, selectors and media queries.
var notWords = map[string]string{
	`'ouroboros listener for "'`: "console",
	`'ouroboros.send takes an object with a string "type", such as {type: "select", id: "nvidia"}'`: "the script API's error, for a host's developer",
	`'The explainer is not ready yet; wait for ouroboros.ready'`:                                    "the script API's error, for a host's developer",
	`'ouroboros.send takes a plain object: '`:                                                       "the script API's error, for a host's developer",
	`'ouroboros.on needs a function'`:                                                               "the script API's error, for a host's developer",
	`'kiosk: no offline copy: '`:                                                                    "console",
	`'ouroboros:'`:                                                                                  "console",
	`'(max-width: 719.98px)'`:                                                                       "media query",
	`'(pointer: coarse)'`:                                                                           "media query",
	`'(prefers-reduced-motion: reduce)'`:                                                            "media query",
	`'(prefers-color-scheme: light)'`:                                                               "media query",
	`'Tab'`:                                                                                         "a key's name",
	`'Enter'`:                                                                                       "a key's name",
	`'Escape'`:                                                                                      "a key's name",
	`'Esc'`:                                                                                         "a key's name",
	`'ArrowDown'`:                                                                                   "a key's name",
	`'ArrowUp'`:                                                                                     "a key's name",
	`'Arrow'`:                                                                                       "a key's name",
	`'Content-Length'`:                                                                              "an HTTP header",
	`'Content-Encoding'`:                                                                            "an HTTP header",
	`'Content-Type'`:                                                                                "an HTTP header",
	`'Uint8Array'`:                                                                                  "a type",
	`'Blur'`:                                                                                        "a key's name for the program",
	`'#stage > canvas, body > canvas'`:                                                              "a selector",
	`'button, input, select, a[href]'`:                                                              "a selector",
	`'noopener noreferrer'`:                                                                         "a link's rel",
}

// pageScripts are the page's modules: embed.js runs in the host's page,
// sw.js has no words.
//
// editor.js is left out too: the editor page is the data desk's tool, not
// the chrome a newsroom's readers see, and speaks English like the README.
func pageScripts(t *testing.T) map[string]string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join("..", "*.js"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, name := range names {
		if standalone[filepath.Base(name)] || filepath.Base(name) == "editor.js" {
			continue
		}
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(name)] = string(b)
	}
	return out
}

// TestNoEnglishOutsideTheTable: the page's scripts write no reader-visible
// English of their own; every word comes from the table (words.js).
func TestNoEnglishOutsideTheTable(t *testing.T) {
	for name, src := range pageScripts(t) {
		src = comment.ReplaceAllString(blockComment.ReplaceAllString(src, ""), "$1")
		for i, line := range strings.Split(src, "\n") {
			for _, lit := range literal.FindAllString(line, -1) {
				if english.MatchString(lit) && notWords[lit] == "" && !strings.Contains(lit, "{") {
					t.Errorf("%s:%d: %s is English written in the script; give it a key in wasm/words and write t('key')", name, i+1, lit)
				}
			}
		}
	}
}

// TestEveryKeyIsAWord: every key the scripts and the HTML ask for is in
// the table, and the HTML's English (the page without scripts) is the
// table's.
func TestEveryKeyIsAWord(t *testing.T) {
	known := map[string]bool{}
	for _, k := range words.Keys() {
		known[k] = true
	}
	used := map[string]string{}
	for name, src := range pageScripts(t) {
		for _, m := range wordKey.FindAllStringSubmatch(src, -1) {
			switch {
			case strings.HasSuffix(m[2], "."):
			case m[1] == "count":
				used[m[2]+".one"], used[m[2]+".other"] = name, name
			default:
				used[m[2]] = name
			}
		}
	}
	page, err := os.ReadFile(filepath.Join("..", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range uiAttr.FindAllStringSubmatch(string(page), -1) {
		used[m[1]] = "index.html"
	}
	if len(used) < 100 {
		t.Errorf("found %d keys in the page; is the pattern still right?", len(used))
	}
	var missing []string
	for k, where := range used {
		if !known[k] {
			missing = append(missing, where+": "+k)
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("%s is not a key of wasm/words", m)
	}
	en := words.English()
	for _, m := range uiText.FindAllStringSubmatch(string(page), -1) {
		if got, want := strings.TrimSpace(html.UnescapeString(m[3])), en.Word(m[2]); got != want {
			t.Errorf("index.html's %s says %q, the table %q: the page without scripts must say what the table says", m[2], got, want)
		}
	}
}
