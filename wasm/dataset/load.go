package dataset

import (
	"fmt"
	"math"
	"strings"

	"github.com/tidwall/gjson"
)

// Load parses doc and checks every rule of the format. It returns a valid
// Dataset with its index maps filled, or nil and a Problems error listing
// everything wrong, in document order. It never panics.
func Load(doc []byte) (*Dataset, error) {
	if pos, why := syntaxError(doc); pos >= 0 {
		return nil, Problems{syntaxProblem(doc, pos, why)}
	}
	root := gjson.ParseBytes(doc)
	if !root.IsObject() {
		return nil, Problems{{Path: docPath, Message: "must be a JSON object, found " + kindOf(root)}}
	}
	l := loader{ds: &Dataset{}}
	l.load(root)
	if len(l.list) > 0 {
		return nil, l.problems()
	}
	return l.ds, nil
}

// loader checks one document and builds its Dataset as it goes. The
// Dataset is thrown away if any problem is found.
type loader struct {
	report
	ds *Dataset

	// The ok flags say a section has the right shape, so that checks that
	// look things up in it mean something.
	kindsOK, entitiesOK, sourcesOK, dealsOK, storiesOK bool

	cited     []bool   // by index into ds.Sources
	sourceKey []int    // offset of each source's key, for "not cited"
	refs      []int    // shared backing store of the index lists
	amounts   []Amount // block that newAmount carves from
}

// The members of the top-level object.
const (
	topFormat = iota
	topTitle
	topSubtitle
	topAsOf
	topCurrency
	topKinds
	topEntities
	topDeals
	topSources
	topStories
	topLocale
	topUI
	topCount
)

var topNames = [topCount]string{
	topFormat: "format", topTitle: "title", topSubtitle: "subtitle", topAsOf: "asOf",
	topCurrency: "currency", topKinds: "kinds", topEntities: "entities", topDeals: "deals",
	topSources: "sources", topStories: "stories", topLocale: "locale", topUI: "ui",
}

func (l *loader) load(doc gjson.Result) {
	var root path
	var f [topCount]gjson.Result
	l.members(doc, root, topNames[:], f[:])

	// A document of another format follows other rules: checking it against
	// these would only bury the one problem that matters.
	if v := f[topFormat]; v.Type == gjson.String && v.Str != FormatVersion {
		l.add(v.Index, root.member("format"), fmt.Sprintf("%s is not a supported format; the accepted value is %q", quote(v.Str), FormatVersion))
		return
	}
	l.text(doc, f[topFormat], root.member("format"), true)

	ds := l.ds
	ds.Title, _ = l.text(doc, f[topTitle], root.member("title"), true)
	ds.Subtitle, _ = l.text(doc, f[topSubtitle], root.member("subtitle"), false)
	ds.AsOf, _ = l.date(doc, f[topAsOf], root.member("asOf"), true)
	ds.Currency = "USD"
	if c, ok := l.text(doc, f[topCurrency], root.member("currency"), false); ok && f[topCurrency].Exists() {
		if isCurrency(c) {
			ds.Currency = c
		} else {
			l.add(f[topCurrency].Index, root.member("currency"), quote(c)+" is not a currency code: use three capital letters, such as \"USD\"")
		}
	}
	ds.Locale = "en-US"
	if c, ok := l.text(doc, f[topLocale], root.member("locale"), false); ok && f[topLocale].Exists() {
		if isLocale(c) {
			ds.Locale = c
		} else {
			l.add(f[topLocale].Index, root.member("locale"), quote(c)+" is not a language tag: use BCP 47, such as \"de-DE\" or \"es\"")
		}
	}
	if f[topUI].Exists() {
		l.ui(f[topUI], root.member("ui"))
	}

	l.kinds(doc, f[topKinds], root.member("kinds"))
	l.entities(doc, f[topEntities], root.member("entities"))
	l.sources(doc, f[topSources], root.member("sources"))
	l.deals(doc, f[topDeals], root.member("deals"))
	l.stories(f[topStories], root.member("stories"))
	l.uncited(root.member("sources"))
}

// isCurrency reports whether c looks like an ISO 4217 code.
func isCurrency(c string) bool {
	return len(c) == 3 && isUpper(c[0]) && isUpper(c[1]) && isUpper(c[2])
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// maxLocaleLen bounds a language tag; real ones are far shorter.
const maxLocaleLen = 35

// isLocale reports whether s has the shape of a BCP 47 language tag: a
// language of 2 or 3 letters, then subtags of 1 to 8 letters or digits,
// joined by hyphens ("de-DE", "es-419", "zh-Hant-TW"). Whether the browser
// knows the tag is its business; it falls back to its own default.
func isLocale(s string) bool {
	if len(s) > maxLocaleLen {
		return false
	}
	for i, sub := range strings.Split(s, "-") {
		if i == 0 && (len(sub) < 2 || len(sub) > 3) || len(sub) < 1 || len(sub) > 8 {
			return false
		}
		for j := 0; j < len(sub); j++ {
			c := sub[j] | 0x20 // lower case, for letters
			letter := c >= 'a' && c <= 'z'
			if !letter && (i == 0 || sub[j] < '0' || sub[j] > '9') {
				return false
			}
		}
	}
	return true
}

// ui reads the optional ui object: key → a non-empty string. Which keys
// the page knows is the page's business; unknown keys are kept.
func (l *loader) ui(v gjson.Result, p path) {
	if !l.object(v, p) {
		return
	}
	words := make(map[string]string)
	v.ForEach(func(k, w gjson.Result) bool {
		kp := p.member(k.Str)
		if _, dup := words[k.Str]; dup {
			l.add(k.Index, kp, "the key "+quote(k.Str)+" is given twice; keys must be unique")
			return true
		}
		// An unusable value still takes its key, so that a second one is
		// reported as given twice.
		words[k.Str], _ = l.text(v, w, kp, true)
		return true
	})
	l.ds.UI = words
}

// members reads the object obj in one pass: got[k] receives the value of the
// member named names[k]. Unknown members are ignored, so that newer documents
// still load; a member given twice is a problem, because JSON readers
// disagree about which one counts.
func (l *loader) members(obj gjson.Result, p path, names []string, got []gjson.Result) {
	obj.ForEach(func(k, v gjson.Result) bool {
		for j, name := range names {
			if k.Str != name {
				continue
			}
			if got[j].Exists() {
				l.add(k.Index, p.member(name), "is given twice; a member may appear only once")
			} else {
				got[j] = v
			}
			break
		}
		return true
	})
}

// object reports whether v, the value at p, is an object, and says so if not.
func (l *loader) object(v gjson.Result, p path) bool {
	if v.IsObject() {
		return true
	}
	l.add(v.Index, p, "must be an object, found "+kindOf(v))
	return false
}

// section checks that the required top-level member v is present and is an
// object or an array as want says ('{' or '[').
func (l *loader) section(doc, v gjson.Result, p path, want byte) bool {
	switch {
	case !v.Exists():
		l.add(end(doc), p, "is required")
		return false
	case want == '{' && !v.IsObject():
		l.add(v.Index, p, "must be an object, found "+kindOf(v))
		return false
	case want == '[' && !v.IsArray():
		l.add(v.Index, p, "must be an array, found "+kindOf(v))
		return false
	}
	return true
}

// text reads the string member v of parent. A required string must be
// present and not empty. ok is false when the value is unusable.
func (l *loader) text(parent, v gjson.Result, p path, required bool) (s string, ok bool) {
	switch {
	case !v.Exists():
		if required {
			l.add(end(parent), p, "is required")
		}
		return "", !required
	case v.Type != gjson.String:
		l.add(v.Index, p, "must be a string, found "+kindOf(v))
		return "", false
	case required && v.Str == "":
		l.add(v.Index, p, "must not be empty")
		return "", false
	}
	return v.Str, true
}

// date reads the date member v of parent; ok is false when it is absent or
// unusable.
func (l *loader) date(parent, v gjson.Result, p path, required bool) (d Date, ok bool) {
	s, ok := l.text(parent, v, p, required)
	if !ok || !v.Exists() {
		return Date{}, false
	}
	d, err := ParseDate(s)
	if err != nil {
		l.add(v.Index, p, err.Error())
		return Date{}, false
	}
	return d, true
}

// number reads a finite number.
func (l *loader) number(v gjson.Result, p path) (float64, bool) {
	if v.Type != gjson.Number {
		l.add(v.Index, p, "must be a number, found "+kindOf(v))
		return 0, false
	}
	if math.IsInf(v.Num, 0) || math.IsNaN(v.Num) {
		l.add(v.Index, p, v.Raw+" is too large")
		return 0, false
	}
	return v.Num, true
}

// positive reads a number greater than 0.
func (l *loader) positive(v gjson.Result, p path) (float64, bool) {
	n, ok := l.number(v, p)
	if ok && !(n > 0) {
		l.add(v.Index, p, "must be greater than 0, found "+v.Raw)
		return 0, false
	}
	return n, ok
}

// flag reads an optional boolean.
func (l *loader) flag(v gjson.Result, p path) bool {
	switch v.Type {
	case gjson.True:
		return true
	case gjson.False:
		return false
	}
	if v.Exists() {
		l.add(v.Index, p, "must be true or false, found "+kindOf(v))
	}
	return false
}

// idList reads an array of strings that name items of another section and
// returns their indexes. index is nil when that section is broken; names
// are then not looked up. what completes `"x" is not …`.
func (l *loader) idList(v gjson.Result, p path, index map[string]int, what string) ([]int, int) {
	if !v.IsArray() {
		l.add(v.Index, p, "must be an array, found "+kindOf(v))
		return nil, 0
	}
	start, n := len(l.refs), 0
	v.ForEach(func(_, item gjson.Result) bool {
		ip := p.at(n)
		n++
		if item.Type != gjson.String {
			l.add(item.Index, ip, "must be a string, found "+kindOf(item))
			return true
		}
		if index == nil {
			return true
		}
		k, ok := index[item.Str]
		if !ok {
			l.add(item.Index, ip, quote(item.Str)+" is not "+what)
			return true
		}
		l.refs = append(l.refs, k)
		return true
	})
	return l.refs[start:len(l.refs):len(l.refs)], n
}

// end returns the offset of the last byte of v: problems about a member
// missing from an object sort after those about the members it has.
func end(v gjson.Result) int { return v.Index + len(v.Raw) - 1 }

// kindOf names the JSON type of v for a message.
func kindOf(v gjson.Result) string {
	switch v.Type {
	case gjson.Null:
		return "null"
	case gjson.False, gjson.True:
		return "a boolean"
	case gjson.Number:
		return "a number"
	case gjson.String:
		return "a string"
	}
	if v.IsArray() {
		return "an array"
	}
	return "an object"
}
