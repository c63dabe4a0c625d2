package palette_test

import (
	"testing"

	"ouroboros/web/palette"
)

func TestParseCSS(t *testing.T) {
	rules, err := palette.ParseCSS(`:root { --bg: #0b1020; --ink: #e8ecf5 } /* a { color: red } */
a, b:hover { color: var(--ink); background: #141b33e6 !important; }
@media (max-width: 600px) { #x { color: #fff } }
.y{opacity:.7}`)
	if err != nil {
		t.Fatal(err)
	}
	if len(rules) != 4 || rules[1].Selector != "a, b:hover" || rules[2].Selector != "#x" || rules[2].Media != "@media (max-width: 600px)" || rules[3].Decls["opacity"] != ".7" {
		t.Fatalf("rules %+v", rules)
	}
	vars := palette.Vars(rules)
	c, ok, err := palette.Colour(rules[1].Decls["color"], vars)
	if err != nil || !ok || c.String() != "#e8ecf5" {
		t.Errorf("var(--ink) = %v %v %v", c, ok, err)
	}
	if c, ok, _ := palette.Colour(rules[1].Decls["background"], vars); !ok || c.String() != "#141b33@0.90" {
		t.Errorf("background %v %v", c, ok)
	}
	if _, ok, err := palette.Colour("transparent", vars); ok || err != nil {
		t.Errorf("transparent: %v %v", ok, err)
	}
	if _, _, err := palette.Colour("var(--nope)", vars); err == nil {
		t.Error("an undeclared variable is not reported")
	}
	light := palette.ThemeVars(append(rules, palette.Rule{Selector: "html.light", Decls: map[string]string{"--ink": "#111"}}), "html.light")
	if c, _, _ := palette.Colour("var(--ink)", light); c.String() != "#111111" {
		t.Errorf("light var(--ink) = %v, want the light theme's", c)
	}
	if c, _, _ := palette.Colour("var(--bg)", light); c.String() != "#0b1020" {
		t.Errorf("light var(--bg) = %v, want :root's, which the theme keeps", c)
	}
	for _, bad := range []string{"a { color: red", "/* open", "stray text"} {
		if _, err := palette.ParseCSS(bad); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}
