// Package scripts_test checks the page's scripts (web/*.js) as text.
package scripts_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// numberFormatting are the ways a script could word a number itself:
// the formatting calls, a unit glued to a number, a currency sign put
// before one, a unit table or a scale division. Every figure the page
// shows comes already worded from the program (wasm/wording), so that the
// canvas, the cards, the text twin and the captions read the same.
var numberFormatting = []struct {
	what string
	re   *regexp.Regexp
}{
	{"toFixed", regexp.MustCompile(`\.toFixed\s*\(`)},
	{"toPrecision", regexp.MustCompile(`\.toPrecision\s*\(`)},
	{"toLocaleString", regexp.MustCompile(`\.toLocale(Date|Time)?String\s*\(`)},
	{"Intl.NumberFormat", regexp.MustCompile(`Intl\s*\.\s*NumberFormat`)},
	{"Intl.DateTimeFormat", regexp.MustCompile(`Intl\s*\.\s*(DateTimeFormat|RelativeTimeFormat)`)},
	{"a unit glued to a number", regexp.MustCompile(`\+\s*['"` + "`" + `]\s?(T|B|M|K|GW|MW|kW|W|MB|KB|kB|GB|bytes?|billion|million|trillion)\b`)},
	{"a unit in a template", regexp.MustCompile(`\}\s?(T|B|M|K|GW|MW|MB|KB|GB|billion|million|trillion)\b`)},
	{"a currency sign", regexp.MustCompile(`['"` + "`" + `](\$|€|£)['"` + "`" + `]|['"` + "`" + `](USD|EUR) ?['"` + "`" + `]\s*\+`)},
	{"a table of units", regexp.MustCompile(`\[\s*1e(3|6|9|12)\s*,\s*['"]`)},
	{"a division into a unit", regexp.MustCompile(`/\s*\(?\s*(1e(3|6|9|12)|1048576|1024\s*\*\s*1024)\b`)},
}

// TestScriptsWriteNoNumbers fails when a script of the page formats a
// number of its own (issue 15: one source of wording).
func TestScriptsWriteNoNumbers(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "*.js"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no web/*.js files found")
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range formatting(string(b)) {
			t.Errorf("%s: %s", filepath.Base(name), bad)
		}
	}
}

// formatting lists the number formatting in a script's source, one
// "line N: what: text" each.
func formatting(src string) []string {
	var out []string
	for i, line := range strings.Split(src, "\n") {
		for _, f := range numberFormatting {
			if m := f.re.FindString(line); m != "" {
				out = append(out, "line "+strconv.Itoa(i+1)+": "+f.what+": "+strings.TrimSpace(line))
			}
		}
	}
	return out
}

// TestFormattingIsCaught: the check finds what the scripts wrote before
// the program worded their figures, and leaves the page's other
// arithmetic alone.
func TestFormattingIsCaught(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want bool
	}{
		{`text = (v / n).toFixed(1) + u;`, true},
		{`const mw = (v) => (v >= 1000 ? v / 1000 + ' GW' : v + ' MW');`, true},
		{`return (currency === 'USD' ? '$' : currency + ' ') + text;`, true},
		{`const units = [[1e12, 'T'], [1e9, 'B']];`, true},
		{`const mb = (n) => (n / 1048576) + 'MB';`, true},
		{"label = `${total} MB`;", true},
		{`new Intl.NumberFormat('en').format(v)`, true},
		{`d.toLocaleDateString()`, true},
		{`x.toPrecision(2)`, true},
		{`'$' + v`, true},
		{`box.style.left = x + 'px';`, false},
		{`$('bar-fill').style.width = pct + '%';`, false},
		{`const $ = (id) => document.getElementById(id);`, false},
		{`const MAX = 8 * 1024 * 1024;`, false},
		{`throw new Error('larger than the 8 MB limit.');`, false},
		{`const left = Math.ceil((end - now) / 1000);`, false},
		{`$('step-count').textContent = c.step + ' / ' + c.steps;`, false},
		{`parts.push('buys ' + f.boughtText);`, false},
	} {
		if got := len(formatting(tc.src)) > 0; got != tc.want {
			t.Errorf("%s: caught %v, want %v", tc.src, got, tc.want)
		}
	}
}
