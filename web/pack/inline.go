package pack

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"ouroboros/web/server"
)

// inline puts the style sheets and classic scripts named in names (by
// their names before hashing) into the page itself: a <link
// rel="stylesheet"> becomes a <style data-inline="NAME"> element and a
// <script src> a <script data-inline="NAME"> element with the file's text. They are what the page's first
// paint waits for; inline, it waits for no second request (issue 19: the
// first contentful paint). It returns the page and the sources a
// Content-Security-Policy must allow for them, by directive: the hash of
// each element's text, which the server adds to the page's policy
// (server.SourcesSuffix), so that no other inline code runs.
func inline(dir string, page []byte, names []string, renamed map[string]string) ([]byte, server.Sources, error) {
	sources := server.Sources{}
	for _, name := range names {
		ref := name
		if h, ok := renamed[name]; ok {
			ref = h
		}
		text, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			return nil, nil, err
		}
		var tag, directive string
		var re *regexp.Regexp
		switch {
		case strings.HasSuffix(name, ".css"):
			tag, directive = "style", "style-src"
			re = regexp.MustCompile(`<link rel="stylesheet" href="` + regexp.QuoteMeta(ref) + `">`)
		case strings.HasSuffix(name, ".js"):
			tag, directive = "script", "script-src"
			re = regexp.MustCompile(`<script src="` + regexp.QuoteMeta(ref) + `"></script>`)
		default:
			return nil, nil, fmt.Errorf("%s: only a style sheet (.css) or a classic script (.js) can be put inline", name)
		}
		if n := len(re.FindAllIndex(page, -1)); n != 1 {
			return nil, nil, fmt.Errorf("%s: the page loads it %d times by %s, want once, to put it inline", name, n, re)
		}
		// The element's text ends at the first "</style" or "</script",
		// whatever its case: the file must hold none.
		if bytes.Contains(bytes.ToLower(text), []byte("</"+tag)) {
			return nil, nil, fmt.Errorf("%s holds \"</%s\", which would end the inline element early", name, tag)
		}
		sum := sha256.Sum256(text)
		sources[directive] = append(sources[directive], "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'")
		// data-inline names the file the element holds, for a reader of
		// the page and for tests that tell the page's own inline code from
		// anything else.
		el := append(append([]byte("<"+tag+` data-inline="`+name+`">`), text...), "</"+tag+">"...)
		page = re.ReplaceAllLiteral(page, el)
	}
	return page, sources, nil
}

// writeSources writes the page's inline sources beside it, for the server.
func writeSources(dir, page string, sources server.Sources) error {
	b, err := json.Marshal(sources)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, filepath.FromSlash(page))+server.SourcesSuffix, b, 0o644)
}
