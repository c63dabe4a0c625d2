package session

import "fmt"

// Theme is the colours the reader asked for: a dark canvas and page, or a
// light one that sits in a white article.
type Theme int

// The themes of the `theme` link parameter; the zero value is the dark
// theme, which the poster, the OG image and kiosks keep.
const (
	Dark Theme = iota
	Light
)

func (t Theme) String() string {
	if t == Light {
		return "light"
	}
	return "dark"
}

// Prefers is what the reader's system asks for when the link does not say.
type Prefers struct {
	// ReducedMotion is the browser's prefers-reduced-motion.
	ReducedMotion bool
	// Light is the browser's prefers-color-scheme: light.
	Light bool
}

// parseTheme reads the theme parameter after the mode: a kiosk is dark
// unless its link says otherwise (it stands in a hall, not in an article),
// and any other page follows the system's colour scheme.
func parseTheme(o *Options, params map[string]string, sys Prefers, problems []string) []string {
	o.Theme = Dark
	if sys.Light && o.Mode != Kiosk {
		o.Theme = Light
	}
	switch s := params["theme"]; s {
	case "":
	case "light":
		o.Theme = Light
	case "dark":
		o.Theme = Dark
	default:
		problems = append(problems, fmt.Sprintf("theme: %q is not a theme (light or dark); showing the %s theme", s, o.Theme))
	}
	return problems
}
