package palette

import (
	"fmt"
	"strings"
)

// Rule is one CSS rule: a selector list and its declarations, by property.
// Rules inside at-rules (@media) are flattened, their condition in Media.
type Rule struct {
	Selector string
	Media    string
	Decls    map[string]string
}

// ParseCSS reads the rules of a plain stylesheet such as web/style.css:
// comments, rules and @media blocks; nothing fancier.
func ParseCSS(css string) ([]Rule, error) {
	for {
		i := strings.Index(css, "/*")
		if i < 0 {
			break
		}
		j := strings.Index(css[i+2:], "*/")
		if j < 0 {
			return nil, fmt.Errorf("an unclosed comment at byte %d", i)
		}
		css = css[:i] + " " + css[i+2+j+2:]
	}
	var rules []Rule
	var parse func(s, media string) error
	parse = func(s, media string) error {
		for {
			s = strings.TrimSpace(s)
			if s == "" {
				return nil
			}
			open := strings.IndexByte(s, '{')
			if open < 0 {
				return fmt.Errorf("text with no rule: %.40q", s)
			}
			head := strings.TrimSpace(s[:open])
			// The matching brace.
			depth, end := 0, -1
			for k := open; k < len(s); k++ {
				if s[k] == '{' {
					depth++
				} else if s[k] == '}' {
					depth--
					if depth == 0 {
						end = k
						break
					}
				}
			}
			if end < 0 {
				return fmt.Errorf("an unclosed block after %.40q", head)
			}
			body := s[open+1 : end]
			s = s[end+1:]
			if strings.HasPrefix(head, "@") {
				if err := parse(body, head); err != nil {
					return err
				}
				continue
			}
			r := Rule{Selector: head, Media: media, Decls: map[string]string{}}
			for _, d := range strings.Split(body, ";") {
				k, v, ok := strings.Cut(d, ":")
				if ok {
					r.Decls[strings.TrimSpace(k)] = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "!important"))
				}
			}
			rules = append(rules, r)
		}
	}
	if err := parse(css, ""); err != nil {
		return nil, err
	}
	return rules, nil
}

// Vars returns the custom properties declared on :root.
func Vars(rules []Rule) map[string]string {
	return ThemeVars(rules, ":root")
}

// ThemeVars returns the custom properties of a theme: those declared on
// :root, overridden by those the rules with the theme's selector (such as
// html.light) declare outside any @media block.
func ThemeVars(rules []Rule, selector string) map[string]string {
	vars := map[string]string{}
	for _, sel := range []string{":root", selector} {
		for _, r := range rules {
			if r.Selector == sel && r.Media == "" {
				for k, v := range r.Decls {
					if strings.HasPrefix(k, "--") {
						vars[k] = v
					}
				}
			}
		}
	}
	return vars
}

// Colour reads a colour value: a hex colour or var(--name) of one. ok is
// false for values that paint nothing or are not plain colours
// (transparent, none, inherit, gradients).
func Colour(v string, vars map[string]string) (c RGBA, ok bool, err error) {
	v = strings.TrimSpace(v)
	if strings.HasPrefix(v, "var(") && strings.HasSuffix(v, ")") {
		name := strings.TrimSpace(v[4 : len(v)-1])
		val, found := vars[name]
		if !found {
			return RGBA{}, false, fmt.Errorf("%s is not declared on :root", name)
		}
		return Colour(val, vars)
	}
	if !strings.HasPrefix(v, "#") {
		return RGBA{}, false, nil
	}
	c, err = ParseHex(v)
	return c, err == nil, err
}
