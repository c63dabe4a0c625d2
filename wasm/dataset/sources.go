package dataset

import (
	"net/url"
	"strings"

	"github.com/tidwall/gjson"
)

// sources reads the sources object: key → source.
func (l *loader) sources(doc, v gjson.Result, p path) {
	if !l.section(doc, v, p, '{') {
		return
	}
	l.sourcesOK = true
	ds := l.ds
	ds.SourceIndex = make(map[string]int)
	v.ForEach(func(k, sv gjson.Result) bool {
		kp := p.member(k.Str)
		_, dup := ds.SourceIndex[k.Str]
		if dup {
			l.add(k.Index, kp, "the key "+quote(k.Str)+" is given twice; keys must be unique")
		}
		src := l.source(sv, kp)
		if !dup {
			src.Key = k.Str
			ds.SourceIndex[k.Str] = len(ds.Sources)
			ds.Sources = append(ds.Sources, src)
			l.sourceKey = append(l.sourceKey, k.Index)
		}
		return true
	})
	l.cited = make([]bool, len(ds.Sources))
}

const (
	srcPublisher = iota
	srcTitle
	srcURL
	srcDate
	srcTier
	srcCount
)

var sourceNames = [srcCount]string{
	srcPublisher: "publisher", srcTitle: "title", srcURL: "url", srcDate: "date", srcTier: "tier",
}

func (l *loader) source(v gjson.Result, p path) Source {
	var s Source
	if !l.object(v, p) {
		return s
	}
	var f [srcCount]gjson.Result
	l.members(v, p, sourceNames[:], f[:])
	s.Publisher, _ = l.text(v, f[srcPublisher], p.member("publisher"), true)
	s.Title, _ = l.text(v, f[srcTitle], p.member("title"), false)
	if u, ok := l.text(v, f[srcURL], p.member("url"), true); ok {
		if why := checkURL(u); why != "" {
			l.add(f[srcURL].Index, p.member("url"), why)
		}
		s.URL = u
	}
	s.Date, _ = l.date(v, f[srcDate], p.member("date"), false)
	if t, ok := l.text(v, f[srcTier], p.member("tier"), false); ok && f[srcTier].Exists() {
		var err error
		if s.Tier, err = parseTier(t); err != nil {
			l.add(f[srcTier].Index, p.member("tier"), err.Error())
		}
	}
	return s
}

// checkURL returns why u is not an absolute http or https URL with a host,
// or "". The page turns sources into links, so any other scheme
// (javascript:, data:, file:) is refused.
func checkURL(u string) string {
	parsed, err := url.Parse(u)
	switch {
	case err != nil:
		return quote(u) + " is not a valid URL"
	case parsed.Scheme != "http" && parsed.Scheme != "https":
		return quote(u) + " is not an absolute http or https URL"
	case parsed.Hostname() == "":
		return quote(u) + " has no host"
	case strings.ContainsRune(u, ' '):
		return quote(u) + " contains a space; write it as %20"
	}
	return ""
}

// uncited reports every source that no deal or step cites. It says nothing
// when a section that cites sources is broken, since its citations are
// unknown.
func (l *loader) uncited(p path) {
	if !l.sourcesOK || !l.dealsOK || !l.storiesOK {
		return
	}
	for i, c := range l.cited {
		if !c {
			l.add(l.sourceKey[i], p.member(l.ds.Sources[i].Key), "is not cited by any deal or story step")
		}
	}
}
