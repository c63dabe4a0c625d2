// Package words owns the words of the page's chrome: its buttons, legend,
// timeline, card headings, announcements and the errors a reader sees, as
// one table of stable keys with English defaults, which a dataset's ui
// object overrides word by word (so that a German or Spanish newsroom
// ships its explainer in its own language), and the locale that numbers
// and dates follow (separators and month names for en, de, es and fr).
// The program hands the resolved table to the page once (JSON); the page's
// scripts take every word from it.
//
// It is pure and imports the standard library and jsonout only.
package words

import (
	"sort"
	"strconv"
	"strings"

	"ouroboros/wasm/jsonout"
)

// Words is a resolved table: every key of the chrome with its word, and a
// locale. It does not change once made; With and In return new tables.
type Words struct {
	said   map[string]string
	locale Locale
}

// English returns the default table: every word in English, the English
// locale.
func English() *Words {
	return &Words{said: english, locale: locales["en"]}
}

// With returns the table with the given words in place of the defaults.
// A key that is not a word of the chrome changes nothing and comes back
// as a located notice, "ui.foo: not a word of the chrome", sorted; an
// empty word keeps the default.
func (w *Words) With(over map[string]string) (*Words, []string) {
	var notices []string
	if len(over) == 0 {
		return w, nil
	}
	said := make(map[string]string, len(w.said))
	for k, v := range w.said {
		said[k] = v
	}
	for k, v := range over {
		if _, ok := english[k]; !ok {
			notices = append(notices, "ui."+k+": not a word of the chrome")
			continue
		}
		if v != "" {
			said[k] = v
		}
	}
	sort.Strings(notices)
	return &Words{said: said, locale: w.locale}, notices
}

// In returns the table with numbers and dates written for a BCP 47
// language tag ("de-DE", "es", "fr-CA"): by its language, English for a
// language this package does not know.
func (w *Words) In(tag string) *Words {
	return &Words{said: w.said, locale: LocaleOf(tag)}
}

// Locale is the table's locale.
func (w *Words) Locale() Locale { return w.locale }

// Word is the word for key, "" for a key the chrome does not have.
func (w *Words) Word(key string) string { return w.said[key] }

// Say is the word for key with its {name} placeholders filled: args are
// pairs, name then value. A placeholder without a value stays as it is.
func (w *Words) Say(key string, args ...string) string {
	s := w.said[key]
	for i := 0; i+1 < len(args); i += 2 {
		s = strings.ReplaceAll(s, "{"+args[i]+"}", args[i+1])
	}
	return s
}

// Count is the plural word of key for n: key.one when n is 1, key.other
// otherwise, with {n} the number as the locale writes it; args as Say's.
func (w *Words) Count(key string, n int, args ...string) string {
	form := ".other"
	if n == 1 {
		form = ".one"
	}
	return w.Say(key+form, append([]string{"n", w.locale.Int(n)}, args...)...)
}

// Keys lists every key of the chrome, sorted.
func Keys() []string {
	out := make([]string, 0, len(english))
	for k := range english {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// JSON is what the page's scripts get: {"locale": tag, "decimal": ",",
// "group": ".", "minGroup": 4, "words": {key: word}}.
func (w *Words) JSON() string {
	// Written by hand, not by encoding/json: the page reads the words as
	// it wires up, and encoding/json's first use at the start is costly in
	// WebAssembly (package jsonout).
	b := append([]byte(nil), `{"locale":`...)
	b = jsonout.String(b, w.locale.Tag)
	b = append(b, `,"decimal":`...)
	b = jsonout.String(b, w.locale.Decimal)
	b = append(b, `,"group":`...)
	b = jsonout.String(b, w.locale.Group)
	b = append(b, `,"minGroup":`...)
	b = strconv.AppendInt(b, int64(w.locale.MinGroup), 10)
	b = append(b, `,"words":`...)
	b = jsonout.Map(b, w.said, jsonout.String)
	return string(append(b, '}'))
}

// Money writes an amount with the table's scale words and the locale's
// separators: "$300B", "EUR 1,5 Mrd." with a German table; "" and "USD"
// are dollars. One decimal at most, none from 100 of a unit up.
func (w *Words) Money(v float64, currency string) string {
	mark := "$"
	if currency != "" && currency != "USD" {
		mark = currency + " "
	}
	for _, u := range [...]struct {
		n   float64
		key string
	}{{1e12, "money.trillion"}, {1e9, "money.billion"}, {1e6, "money.million"}, {1e3, "money.thousand"}} {
		if v >= u.n {
			x, dec := v/u.n, 1
			if x >= 100 {
				dec = 0
			}
			return mark + w.locale.Number(x, dec) + w.said[u.key]
		}
	}
	return mark + strconv.FormatFloat(v, 'f', -1, 64)
}
