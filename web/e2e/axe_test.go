//go:build browser

package e2e_test

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha512"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// axe-core, the accessibility checker, pinned: the version and the
// tarball's integrity as the npm registry gives them (dist.integrity), so
// that a changed file is refused rather than run. The tests download it in
// Go (no node, no curl on CI) once into the user's cache directory.
const (
	axeVersion   = "4.14.1"
	axeIntegrity = "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="
	axeTarball   = "https://registry.npmjs.org/axe-core/-/axe-core-" + axeVersion + ".tgz"
)

var axeOnce struct {
	sync.Once
	src string
	err error
}

// axeSource returns axe.min.js of the pinned axe-core, from the cache or
// downloaded, its integrity checked each time.
func axeSource(t *testing.T) string {
	t.Helper()
	axeOnce.Do(func() { axeOnce.src, axeOnce.err = loadAxe() })
	if axeOnce.err != nil {
		t.Fatalf("axe-core %s: %v", axeVersion, axeOnce.err)
	}
	return axeOnce.src
}

func loadAxe() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	cached := filepath.Join(dir, "ouroboros", "axe-core-"+axeVersion+".tgz")
	tgz, err := os.ReadFile(cached)
	if err != nil || checkIntegrity(tgz) != nil {
		if tgz, err = download(axeTarball); err != nil {
			return "", err
		}
		if err := checkIntegrity(tgz); err != nil {
			return "", fmt.Errorf("%s: %w", axeTarball, err)
		}
		// A cache that cannot be written only costs a download next time.
		if os.MkdirAll(filepath.Dir(cached), 0o755) == nil {
			_ = os.WriteFile(cached, tgz, 0o644)
		}
	}
	return untar(tgz, "package/axe.min.js")
}

func download(url string) ([]byte, error) {
	c := http.Client{Timeout: 2 * time.Minute}
	res, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: %s", url, res.Status)
	}
	return io.ReadAll(res.Body)
}

func checkIntegrity(b []byte) error {
	sum := sha512.Sum512(b)
	if got := "sha512-" + base64.StdEncoding.EncodeToString(sum[:]); got != axeIntegrity {
		return fmt.Errorf("integrity %s, want %s", got, axeIntegrity)
	}
	return nil
}

func untar(tgz []byte, name string) (string, error) {
	zr, err := gzip.NewReader(bytes.NewReader(tgz))
	if err != nil {
		return "", err
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err != nil {
			return "", fmt.Errorf("%s not found in the tarball: %w", name, err)
		}
		if h.Name == name {
			b, err := io.ReadAll(tr)
			return string(b), err
		}
	}
}

// axeViolation is one rule that failed, as axe.run reports it.
type axeViolation struct {
	ID, Impact, Help string
	Nodes            []struct {
		Target         []any
		FailureSummary string
	}
}

// axeCheck injects axe-core into the page and runs every rule it has, at
// every level (WCAG A to AAA, best practices, experimental), on the whole
// document, and fails t listing each violation.
func axeCheck(t *testing.T, ctx context.Context, what string) {
	t.Helper()
	eval[bool](t, ctx, `(() => { if (!window.axe) (0, eval)(`+quoteJSON(axeSource(t))+`); return true; })()`)
	// No rule is switched off. Ebitengine's canvas is the network's
	// picture: it has a role and a name of its own (app.js), and axe
	// checks it like any element.
	got := eval[[]axeViolation](t, ctx, `(async () => {
		const rules = axe.getRules().map(r => r.ruleId);
		const res = await axe.run(document, {runOnly: {type: 'rule', values: rules}, resultTypes: ['violations']});
		return res.violations.map(v => ({id: v.id, impact: v.impact || '', help: v.help,
			nodes: v.nodes.map(n => ({target: n.target, failureSummary: n.failureSummary || ''}))}));
	})()`)
	for _, v := range got {
		var b strings.Builder
		for _, n := range v.Nodes {
			fmt.Fprintf(&b, "\n    %v: %s", n.Target, strings.ReplaceAll(n.FailureSummary, "\n", "\n      "))
		}
		t.Errorf("%s: axe %s (%s): %s%s", what, v.ID, v.Impact, v.Help, b.String())
	}
}

// quoteJSON quotes s as a JavaScript string literal (JSON's escapes,
// U+2028 and U+2029 included, are JavaScript's).
func quoteJSON(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// The page, the embed (alone and in the demo article) and the kiosk have
// no accessibility violation that axe finds, at any level (issue 18): the
// page once ready, again with the ☰ panel and a story open, with a card,
// the text view and the keys' dialog.
func TestAxeFindsNoViolation(t *testing.T) {
	axeSource(t) // fail once, early, if axe-core cannot be had
	t.Run("page", func(t *testing.T) {
		ctx := openPage(t, 1280, 800, "/")
		ready(t, ctx)
		axeCheck(t, ctx, "the page")
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("panel-toggle"))); err != nil {
			t.Fatal(err)
		}
		waitJS(t, ctx, "the panel's stories", `!document.getElementById('panel').hidden && !!document.querySelector('#story-list button')`)
		eval[bool](t, ctx, `(document.querySelector('#story-list button').click(), true)`)
		waitState(t, ctx, "a story open", func(s pageState) bool { return s.Story != nil })
		waitJS(t, ctx, "the caption", `!document.getElementById('caption').hidden`)
		axeCheck(t, ctx, "the page with the panel and a story open")
		// A selection's card, then the text view and the keys' dialog.
		id := state(t, ctx).View.Entities[0].ID
		ouroborosSend(t, ctx, `{type: 'select', id: `+quoteJS(id)+`}`)
		waitJS(t, ctx, "the card", `!document.getElementById('card').hidden`)
		axeCheck(t, ctx, "the page with a card")
		eval[bool](t, ctx, `(document.getElementById('text-view').click(), true)`)
		waitJS(t, ctx, "the text view", `document.getElementById('twin').classList.contains('open')`)
		axeCheck(t, ctx, "the text view")
		eval[bool](t, ctx, `(document.getElementById('twin-close').click(), document.getElementById('help').showModal(), true)`)
		axeCheck(t, ctx, "the keys' dialog")
	})
	t.Run("light", func(t *testing.T) {
		// The light theme (issue 20): its colours are others, and axe's
		// color-contrast rule reads them as a reader's browser paints them.
		ctx := openPage(t, 1280, 800, "/?theme=light")
		ready(t, ctx)
		axeCheck(t, ctx, "theme=light")
		eval[bool](t, ctx, `(document.getElementById('panel-toggle').click(), true)`)
		waitJS(t, ctx, "the panel's stories", `!document.getElementById('panel').hidden && !!document.querySelector('#story-list button')`)
		eval[bool](t, ctx, `(document.querySelector('#story-list button').click(), true)`)
		waitState(t, ctx, "a story open", func(s pageState) bool { return s.Story != nil })
		waitJS(t, ctx, "the caption", `!document.getElementById('caption').hidden`)
		id := state(t, ctx).View.Entities[0].ID
		ouroborosSend(t, ctx, `{type: 'select', id: `+quoteJS(id)+`}`)
		waitJS(t, ctx, "the card", `!document.getElementById('card').hidden`)
		axeCheck(t, ctx, "theme=light with the panel, a story and a card")
	})
	t.Run("embed", func(t *testing.T) {
		ctx := openPage(t, 600, 420, "/?mode=embed")
		ready(t, ctx)
		axeCheck(t, ctx, "mode=embed")
	})
	t.Run("embed demo", func(t *testing.T) {
		// The host article around an embedded explainer; axe reaches into
		// the frame only where it is injected, and the frame's page is the
		// embed above.
		ctx := openPage(t, 1280, 800, "/embed-demo.html")
		frameSettled(t, ctx)
		axeCheck(t, ctx, "the embed demo")
	})
	t.Run("phone", func(t *testing.T) {
		// The caption is a bottom sheet here, folded to its title, then
		// unfolded; the toolbar wraps to two rows above it.
		ctx := openPage(t, 390, 844, "/")
		ready(t, ctx)
		ouroborosSend(t, ctx, `{type: 'goToStep', story: ouroboros.state().stories[0].id, step: 1}`)
		waitJS(t, ctx, "the caption", `!document.getElementById('caption').hidden`)
		axeCheck(t, ctx, "the phone with a story's sheet folded")
		eval[bool](t, ctx, `(document.getElementById('caption-toggle').click(), true)`)
		waitJS(t, ctx, "the sheet unfolded", `document.getElementById('caption-toggle').getAttribute('aria-expanded') === 'true'`)
		axeCheck(t, ctx, "the phone with a story's sheet unfolded")
	})
	t.Run("kiosk", func(t *testing.T) {
		ctx := openPage(t, 1920, 1080, "/?mode=kiosk")
		ready(t, ctx)
		axeCheck(t, ctx, "mode=kiosk")
	})
}
