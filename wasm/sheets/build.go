package sheets

import (
	"slices"

	"ouroboros/wasm/dataset"
)

// palette colours the kinds of a folder without kinds.csv: Okabe and Ito's
// colour-blind-safe set (2008) without its black, which would vanish on
// the dark theme.
var palette = []string{"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999"}

// build writes the document the sheets describe, in the format's order.
// It puts in whatever the cells give, even when it breaks a rule of the
// format: those are for the loader to find.
func (c *converter) build(sheets map[string]*sheet) *node {
	meta := sheets[fileMeta]
	root := object(loc{file: fileMeta})
	root.set("format", str(dataset.FormatVersion, loc{file: fileMeta}))
	settings := make(map[string][]member)
	for _, r := range meta.rows {
		key, value := meta.cell(r, "key"), meta.cell(r, "value")
		switch {
		case key == "":
			c.problem(meta.at(r, "key"), "is required: name the setting, one of title, subtitle, asOf, currency or locale")
		case !known(metaKeys, key):
			c.problem(meta.at(r, "key"), quoteCell(key)+" is not a setting: use title, subtitle, asOf, currency or locale")
		case value != "":
			settings[key] = append(settings[key], member{key, str(value, meta.at(r, "value")), meta.at(r, "key")})
		}
	}
	for _, k := range metaKeys {
		root.members = append(root.members, settings[k]...)
		if k == "locale" {
			if ui := c.words(sheets[fileUI]); ui != nil {
				root.set("ui", ui)
			}
		}
	}
	root.set("kinds", c.kinds(sheets[fileKinds], sheets[fileEntities]))
	if s := sheets[fileEntities]; s.present {
		root.set("entities", c.entities(s))
	}
	if s := sheets[fileDeals]; s.present {
		root.set("deals", c.deals(s, sheets[fileUpdates]))
	}
	if s := sheets[fileSources]; s.present {
		root.set("sources", c.sources(s))
	}
	if s := sheets[fileStories]; s.present && len(s.rows) > 0 {
		root.set("stories", c.stories(s))
	}
	return root
}

func known(list []string, s string) bool {
	for _, k := range list {
		if k == s {
			return true
		}
	}
	return false
}

// words reads ui.csv, or returns nil when the folder has none.
func (c *converter) words(s *sheet) *node {
	if !s.present || len(s.rows) == 0 {
		return nil
	}
	ui := object(loc{file: s.file})
	for _, r := range s.rows {
		key, value := s.cell(r, "key"), s.cell(r, "value")
		switch {
		case key == "":
			c.problem(s.at(r, "key"), "is required: name the word of the page it replaces")
		case value != "":
			ui.members = append(ui.members, member{key, str(value, s.at(r, "value")), s.at(r, "key")})
		}
	}
	return ui
}

// kinds reads kinds.csv or, without it, makes a kind of every kind the
// entities use, labelled by its id.
func (c *converter) kinds(s, entities *sheet) *node {
	kinds := object(loc{file: s.file})
	if !s.present {
		kinds.from = loc{file: entities.file}
		for _, r := range entities.rows {
			id := entities.cell(r, "kind")
			if id == "" || kinds.has(id) {
				continue
			}
			at := entities.at(r, "kind")
			k := object(at)
			k.set("label", str(id, at))
			k.set("color", str(palette[len(kinds.members)%len(palette)], at))
			kinds.members = append(kinds.members, member{id, k, at})
		}
		return kinds
	}
	for _, r := range s.rows {
		id := s.cell(r, "id")
		if id == "" {
			c.problem(s.at(r, "id"), "is required: the key entities name in their kind column")
			continue
		}
		k := object(s.at(r, ""))
		c.text(k, s, r, "label", "label")
		c.text(k, s, r, "color", "color")
		c.text(k, s, r, "colorLight", "colorLight")
		kinds.members = append(kinds.members, member{id, k, s.at(r, "id")})
	}
	return kinds
}

func (n *node) has(key string) bool {
	for _, m := range n.members {
		if m.key == key {
			return true
		}
	}
	return false
}

// text sets member key of n to the cell of column col, unless it is empty.
func (c *converter) text(n *node, s *sheet, r row, key, col string) {
	if v := s.cell(r, col); v != "" {
		n.set(key, str(v, s.at(r, col)))
	}
}

// items sets member key of n to the items of the list cell col, unless it
// is empty; always, as an empty list, when keep is true.
func (c *converter) items(n *node, s *sheet, r row, key, col string, keep bool) {
	items := splitList(s.cell(r, col))
	if len(items) == 0 && !keep {
		return
	}
	at := s.at(r, col)
	a := array(at)
	for _, it := range items {
		a.items = append(a.items, str(it, at))
	}
	n.set(key, a)
}

// num sets member key of n to the number in cell col, unless it is empty.
func (c *converter) num(n *node, s *sheet, r row, key, col string) {
	v := s.cell(r, col)
	if v == "" {
		return
	}
	x, err := parseNumber(v)
	if err != nil {
		c.problem(s.at(r, col), quoteCell(v)+" "+err.Error())
		return
	}
	n.set(key, number(x, s.at(r, col)))
}

func (c *converter) entities(s *sheet) *node {
	list := array(loc{file: s.file})
	for _, r := range s.rows {
		e := object(s.at(r, ""))
		c.text(e, s, r, "id", "id")
		c.text(e, s, r, "name", "name")
		c.text(e, s, r, "kind", "kind")
		c.text(e, s, r, "note", "note")
		x, y := s.cell(r, "pinX"), s.cell(r, "pinY")
		switch {
		case x != "" && y != "":
			pin := array(s.at(r, "pinX"))
			for _, col := range []string{"pinX", "pinY"} {
				v, err := parseNumber(s.cell(r, col))
				if err != nil {
					c.problem(s.at(r, col), quoteCell(s.cell(r, col))+" "+err.Error())
				}
				pin.items = append(pin.items, number(v, s.at(r, col)))
			}
			e.set("pin", pin)
		case x != "":
			c.problem(s.at(r, "pinY"), "is required with pinX: a pinned entity gives both, each from 0 to 1")
		case y != "":
			c.problem(s.at(r, "pinX"), "is required with pinY: a pinned entity gives both, each from 0 to 1")
		}
		list.items = append(list.items, e)
	}
	return list
}

// amount sets the amount of a deal or an update from the columns amount,
// upTo and estimate.
func (c *converter) amount(n *node, s *sheet, r row) {
	raw := s.cell(r, "amount")
	var flags [2]bool
	for i, col := range []string{"upTo", "estimate"} {
		v := s.cell(r, col)
		if v == "" {
			continue
		}
		f, err := parseFlag(v)
		if err != nil {
			c.problem(s.at(r, col), quoteCell(v)+" "+err.Error())
		}
		flags[i] = f
		if f && raw == "" {
			c.problem(s.at(r, col), "is yes, but the amount is empty; leave it empty when the figure is undisclosed")
		}
	}
	if raw == "" {
		return
	}
	v, err := parseAmount(raw)
	if err != nil {
		c.problem(s.at(r, "amount"), quoteCell(raw)+" "+err.Error())
		return
	}
	a := object(s.at(r, "amount"))
	a.set("value", number(v, s.at(r, "amount")))
	if flags[0] {
		a.set("upTo", yes(s.at(r, "upTo")))
	}
	if flags[1] {
		a.set("estimate", yes(s.at(r, "estimate")))
	}
	n.set("amount", a)
}

func (c *converter) deals(s, updates *sheet) *node {
	list := array(loc{file: s.file})
	byID := make(map[string]*node)
	for _, r := range s.rows {
		d := object(s.at(r, ""))
		c.text(d, s, r, "id", "id")
		c.text(d, s, r, "from", "from")
		c.text(d, s, r, "to", "to")
		c.text(d, s, r, "type", "type")
		c.amount(d, s, r)
		c.num(d, s, r, "capacityMW", "capacityMW")
		c.text(d, s, r, "date", "date")
		c.text(d, s, r, "until", "until")
		c.text(d, s, r, "status", "status")
		c.text(d, s, r, "summary", "summary")
		c.items(d, s, r, "sources", "sources", false)
		if id := s.cell(r, "id"); id != "" && byID[id] == nil {
			byID[id] = d
		}
		list.items = append(list.items, d)
	}
	ups := make(map[*node]*node)
	for _, r := range updates.rows {
		id := updates.cell(r, "deal")
		d := byID[id]
		if d == nil {
			if id == "" {
				c.problem(updates.at(r, "deal"), "is required: the id of the deal the update changes")
			} else if !c.missing[loc{file: fileDeals}] {
				c.problem(updates.at(r, "deal"), quoteCell(id)+" is not a deal id")
			}
			continue
		}
		u := object(updates.at(r, ""))
		c.text(u, updates, r, "date", "date")
		c.text(u, updates, r, "summary", "summary")
		c.items(u, updates, r, "sources", "sources", false)
		c.text(u, updates, r, "status", "status")
		c.amount(u, updates, r)
		c.num(u, updates, r, "capacityMW", "capacityMW")
		if ups[d] == nil {
			ups[d] = array(updates.at(r, "deal"))
			d.set("updates", ups[d])
		}
		ups[d].items = append(ups[d].items, u)
	}
	return list
}

func (c *converter) sources(s *sheet) *node {
	sources := object(loc{file: s.file})
	for _, r := range s.rows {
		id := s.cell(r, "id")
		if id == "" {
			c.problem(s.at(r, "id"), "is required: the key deals and stories name in their sources column")
			continue
		}
		src := object(s.at(r, ""))
		c.text(src, s, r, "publisher", "publisher")
		c.text(src, s, r, "title", "title")
		c.text(src, s, r, "url", "url")
		c.text(src, s, r, "date", "date")
		c.text(src, s, r, "tier", "tier")
		sources.members = append(sources.members, member{id, src, s.at(r, "id")})
	}
	return sources
}

// stories reads stories.csv: one row a step, the rows of a story together
// in step order, its title on its first row.
func (c *converter) stories(s *sheet) *node {
	list := array(loc{file: s.file})
	byID := make(map[string]*node)
	var last string
	for _, r := range s.rows {
		id := s.cell(r, "story")
		if id == "" {
			c.problem(s.at(r, "story"), "is required: the id of the story this step belongs to")
			continue
		}
		st := byID[id]
		switch {
		case st == nil:
			st = object(s.at(r, "story"))
			st.set("id", str(id, s.at(r, "story")))
			st.set("steps", array(s.at(r, "story")))
			byID[id] = st
			list.items = append(list.items, st)
		case id != last:
			c.problem(s.at(r, "story"), "the steps of story "+quoteCell(id)+" must be on consecutive rows, in step order")
		}
		if t := s.cell(r, "storyTitle"); t != "" {
			switch title := st.members[1]; {
			case title.key != "title":
				st.members = slices.Insert(st.members, 1, member{"title", str(t, s.at(r, "storyTitle")), s.at(r, "storyTitle")})
			case title.val.text != t:
				c.problem(s.at(r, "storyTitle"), "the story "+quoteCell(id)+" already has the title "+quoteCell(title.val.text)+"; give it once, on its first row")
			}
		}
		last = id
		step := object(s.at(r, ""))
		c.text(step, s, r, "title", "title")
		c.text(step, s, r, "text", "text")
		focus := object(s.at(r, ""))
		c.items(focus, s, r, "entities", "entities", true)
		c.items(focus, s, r, "deals", "deals", true)
		step.set("focus", focus)
		c.text(step, s, r, "asOf", "asOf")
		c.items(step, s, r, "sources", "sources", false)
		steps := st.members[len(st.members)-1].val
		steps.items = append(steps.items, step)
	}
	return list
}
