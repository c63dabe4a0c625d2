package sheets

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
)

// export writes a JSON document as the CSV form, every table with all its
// columns: the inverse of Convert, used to make the bundled dataset's CSV
// twin once (go test -run TestTwin -update) and to check round trips.
func export(doc []byte) (map[string][]byte, error) {
	d := json.NewDecoder(bytes.NewReader(doc))
	d.UseNumber()
	root, err := decode(d)
	if err != nil {
		return nil, err
	}
	files := make(map[string][]byte)
	add := func(file string, rows [][]string) {
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		w.WriteAll(rows)
		files[file] = b.Bytes()
	}
	cols := func(file string) []string {
		for _, t := range tables {
			if t.file == file {
				return t.columns
			}
		}
		panic(file)
	}

	meta := [][]string{cols(fileMeta)}
	for _, k := range metaKeys {
		if v := root.get(k); v != nil {
			meta = append(meta, []string{k, v.text})
		}
	}
	add(fileMeta, meta)
	if ui := root.get("ui"); ui != nil {
		rows := [][]string{cols(fileUI)}
		for _, m := range ui.members {
			rows = append(rows, []string{m.key, m.val.text})
		}
		add(fileUI, rows)
	}

	kinds := [][]string{cols(fileKinds)}
	for _, m := range root.get("kinds").members {
		kinds = append(kinds, []string{m.key, m.val.cell("label"), m.val.cell("color"), m.val.cell("colorLight")})
	}
	add(fileKinds, kinds)

	entities := [][]string{cols(fileEntities)}
	for _, e := range root.get("entities").items {
		x, y := "", ""
		if pin := e.get("pin"); pin != nil {
			x, y = pin.items[0].text, pin.items[1].text
		}
		entities = append(entities, []string{e.cell("id"), e.cell("name"), e.cell("kind"), e.cell("note"), x, y})
	}
	add(fileEntities, entities)

	deals := [][]string{cols(fileDeals)}
	updates := [][]string{cols(fileUpdates)}
	for _, d := range root.get("deals").items {
		amount, upTo, estimate := d.money()
		deals = append(deals, []string{d.cell("id"), d.cell("from"), d.cell("to"), d.cell("type"),
			amount, upTo, estimate, d.cell("capacityMW"), d.cell("date"), d.cell("until"),
			d.cell("status"), d.cell("summary"), d.cell("sources")})
		if ups := d.get("updates"); ups != nil {
			for _, u := range ups.items {
				amount, upTo, estimate := u.money()
				updates = append(updates, []string{d.cell("id"), u.cell("date"), u.cell("status"),
					amount, upTo, estimate, u.cell("capacityMW"), u.cell("summary"), u.cell("sources")})
			}
		}
	}
	add(fileDeals, deals)
	if len(updates) > 1 {
		add(fileUpdates, updates)
	}

	sources := [][]string{cols(fileSources)}
	for _, m := range root.get("sources").members {
		s := m.val
		sources = append(sources, []string{m.key, s.cell("publisher"), s.cell("title"), s.cell("url"), s.cell("date"), s.cell("tier")})
	}
	add(fileSources, sources)

	if stories := root.get("stories"); stories != nil {
		rows := [][]string{cols(fileStories)}
		for _, st := range stories.items {
			for i, step := range st.get("steps").items {
				title := ""
				if i == 0 {
					title = st.cell("title")
				}
				focus := step.get("focus")
				rows = append(rows, []string{st.cell("id"), title, step.cell("title"), step.cell("text"),
					focus.cell("entities"), focus.cell("deals"), step.cell("asOf"), step.cell("sources")})
			}
		}
		add(fileStories, rows)
	}
	return files, nil
}

// cell writes member key of n as a cell: a list joined by "; ".
func (n *node) cell(key string) string {
	v := n.get(key)
	switch {
	case v == nil:
		return ""
	case v.kind == '[':
		items := make([]string, len(v.items))
		for i, it := range v.items {
			items[i] = it.text
		}
		return strings.Join(items, "; ")
	}
	return v.text
}

// money writes the amount of a deal or update as a spreadsheet would: 300B,
// 11.9B, 750M.
func (n *node) money() (amount, upTo, estimate string) {
	a := n.get("amount")
	if a == nil {
		return "", "", ""
	}
	if a.cell("upTo") == "true" {
		upTo = "yes"
	}
	if a.cell("estimate") == "true" {
		estimate = "yes"
	}
	return scaled(a.cell("value")), upTo, estimate
}

// scaled writes a whole number of at least a million with a scale.
func scaled(v string) string {
	if strings.ContainsAny(v, ".e") {
		return v
	}
	for _, s := range []struct {
		zeros  int
		suffix string
	}{{9, "B"}, {6, "M"}} {
		if len(v) <= s.zeros {
			continue
		}
		whole, frac := v[:len(v)-s.zeros], strings.TrimRight(v[len(v)-s.zeros:], "0")
		if frac != "" {
			whole += "." + frac
		}
		return whole + s.suffix
	}
	return v
}
