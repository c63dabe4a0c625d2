package scene

import "strings"

// WrapWords breaks s at spaces into lines no wider than max, as measured by
// width; a single word wider than max gets a line of its own.
func WrapWords(s string, max float64, width func(string) float64) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		try := w
		if line != "" {
			try = line + " " + w
		}
		if line != "" && width(try) > max {
			lines = append(lines, line)
			line = w
			continue
		}
		line = try
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
