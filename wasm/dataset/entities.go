package dataset

import (
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/tidwall/gjson"
)

// Limits of the format.
const (
	maxIDLen   = 64 // bytes; ids are ASCII
	maxNameLen = 80 // Unicode characters
)

// kinds reads the kinds object: key → { label, color }.
func (l *loader) kinds(doc, v gjson.Result, p path) {
	if !l.section(doc, v, p, '{') {
		return
	}
	l.kindsOK = true
	ds := l.ds
	ds.KindIndex = make(map[string]int)
	v.ForEach(func(k, kv gjson.Result) bool {
		kp := p.member(k.Str)
		_, dup := ds.KindIndex[k.Str]
		if dup {
			l.add(k.Index, kp, "the key "+quote(k.Str)+" is given twice; keys must be unique")
		}
		kind := l.kind(kv, kp)
		if !dup {
			kind.Key = k.Str
			ds.KindIndex[k.Str] = len(ds.Kinds)
			ds.Kinds = append(ds.Kinds, kind)
		}
		return true
	})
}

const (
	kindLabel = iota
	kindColor
	kindColorLight
	kindCount
)

var kindNames = [kindCount]string{kindLabel: "label", kindColor: "color", kindColorLight: "colorLight"}

func (l *loader) kind(v gjson.Result, p path) Kind {
	var k Kind
	if !l.object(v, p) {
		return k
	}
	var f [kindCount]gjson.Result
	l.members(v, p, kindNames[:], f[:])
	k.Label, _ = l.text(v, f[kindLabel], p.member("label"), true)
	k.ColorAt, k.ColorLightAt = f[kindColor].Index, f[kindColorLight].Index
	if c, ok := l.text(v, f[kindColor], p.member("color"), true); ok {
		if k.Color, ok = parseColor(c); !ok {
			l.add(f[kindColor].Index, p.member("color"), quote(c)+" is not a colour: use #rrggbb, such as \"#1f77b4\"")
		}
	}
	if c, ok := l.text(v, f[kindColorLight], p.member("colorLight"), false); ok && f[kindColorLight].Exists() {
		if k.ColorLight, k.HasColorLight = parseColor(c); !k.HasColorLight {
			l.add(f[kindColorLight].Index, p.member("colorLight"), quote(c)+" is not a colour: use #rrggbb, such as \"#1f77b4\"")
		}
	}
	return k
}

// parseColor reads #rrggbb in either case.
func parseColor(s string) (RGB, bool) {
	if len(s) != 7 || s[0] != '#' {
		return RGB{}, false
	}
	n, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return RGB{}, false
	}
	return RGB{uint8(n >> 16), uint8(n >> 8), uint8(n)}, true
}

// entities reads the entities array.
func (l *loader) entities(doc, v gjson.Result, p path) {
	if !l.section(doc, v, p, '[') {
		return
	}
	l.entitiesOK = true
	l.ds.EntityIndex = make(map[string]int)
	n := 0
	v.ForEach(func(_, ev gjson.Result) bool {
		l.entity(ev, p.at(n))
		n++
		return true
	})
	if n < 2 {
		l.add(v.Index, p, fmt.Sprintf("needs at least 2 entities, found %d", n))
	}
}

const (
	entID = iota
	entName
	entKind
	entNote
	entPin
	entCount
)

var entityNames = [entCount]string{entID: "id", entName: "name", entKind: "kind", entNote: "note", entPin: "pin"}

func (l *loader) entity(v gjson.Result, p path) {
	if !l.object(v, p) {
		return
	}
	var f [entCount]gjson.Result
	l.members(v, p, entityNames[:], f[:])
	ds := l.ds
	e := Entity{Kind: -1}

	if id, ok := l.text(v, f[entID], p.member("id"), true); ok {
		e.ID = id
		if why := checkID(id); why != "" {
			l.add(f[entID].Index, p.member("id"), why)
		}
		// An id that breaks the pattern still names its entity, so that
		// deals citing it are not reported as well.
		if prev, dup := ds.EntityIndex[id]; dup {
			l.add(f[entID].Index, p.member("id"), fmt.Sprintf("%s is already the id of entities[%d]", quote(id), prev))
		} else {
			ds.EntityIndex[id] = len(ds.Entities)
		}
	}
	if name, ok := l.text(v, f[entName], p.member("name"), true); ok {
		e.Name = name
		if n := utf8.RuneCountInString(name); n > maxNameLen {
			l.add(f[entName].Index, p.member("name"), fmt.Sprintf("is %d characters long; a name has at most %d", n, maxNameLen))
		}
	}
	if kind, ok := l.text(v, f[entKind], p.member("kind"), true); ok && l.kindsOK {
		if k, found := ds.KindIndex[kind]; found {
			e.Kind = k
		} else {
			l.add(f[entKind].Index, p.member("kind"), quote(kind)+" is not a key of kinds")
		}
	}
	e.Note, _ = l.text(v, f[entNote], p.member("note"), false)
	if f[entPin].Exists() {
		e.Pin, e.Pinned = l.pin(f[entPin], p.member("pin"))
	}
	ds.Entities = append(ds.Entities, e)
}

// checkID returns why id is not a valid entity id, or "".
func checkID(id string) string {
	for i := 0; i < len(id); i++ {
		c := id[i]
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' && i > 0 {
			continue
		}
		return quote(id) + " is not a valid id: use lowercase letters a-z, digits and hyphens, starting with a letter or digit"
	}
	if len(id) > maxIDLen {
		return fmt.Sprintf("is %d characters long; an id has at most %d", len(id), maxIDLen)
	}
	return ""
}

// pin reads [x, y] with each coordinate in [0, 1].
func (l *loader) pin(v gjson.Result, p path) (xy [2]float64, ok bool) {
	n := 0
	if v.IsArray() {
		v.ForEach(func(_, c gjson.Result) bool {
			n++
			return true
		})
	}
	if n != 2 {
		l.add(v.Index, p, "must be [x, y]: an array of two numbers, found "+count(v, n))
		return xy, false
	}
	ok = true
	i := 0
	v.ForEach(func(_, c gjson.Result) bool {
		cp := p.at(i)
		x, good := l.number(c, cp)
		if good && (x < 0 || x > 1) {
			l.add(c.Index, cp, "must be between 0 and 1, found "+c.Raw)
			good = false
		}
		xy[i] = x
		ok = ok && good
		i++
		return true
	})
	return xy, ok
}

// count describes a value that should have been an array of a fixed size.
func count(v gjson.Result, n int) string {
	switch {
	case !v.IsArray():
		return kindOf(v)
	case n == 1:
		return "an array of 1 item"
	}
	return fmt.Sprintf("an array of %d items", n)
}
