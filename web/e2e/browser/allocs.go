package browser

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/chromedp/chromedp"
)

// Program is AllocSite.Owner's name for the program's own code.
const Program = "the program's"

// AllocSite is a call stack that allocated on the Go heap during a run of
// frames, as the program reports it (wasm/bridge, Boot.AllocSites).
type AllocSite struct {
	Count int64
	// Stack is the call stack's functions, innermost first, joined by " < ".
	Stack string
}

// Owner says whose code made an allocation: "the program's" (a package of
// ouroboros/, or its main package), "Ebitengine", "syscall/js" (a callback
// from JavaScript, the Values it hands over) or "Go's runtime". The
// innermost function of either of the first two decides, through any
// library code it called; a stack with neither is syscall/js's if it
// passes through it.
func (s AllocSite) Owner() string {
	for _, fn := range strings.Split(s.Stack, " < ") {
		switch {
		case strings.HasPrefix(fn, "ouroboros/"), strings.HasPrefix(fn, "main."):
			return Program
		case strings.HasPrefix(fn, "github.com/hajimehoshi/ebiten/"):
			return "Ebitengine"
		}
	}
	if strings.Contains(s.Stack, "syscall/js.") {
		return "syscall/js"
	}
	return "Go's runtime"
}

// errNoSites means the page's program does not report its allocation sites.
var errNoSites = errors.New("the program reports no allocation sites (ouroborosBoot.goAllocSites)")

// StartAllocSites has the page's program record every heap allocation from
// now on, for EndAllocSites.
func StartAllocSites(ctx context.Context) error {
	ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => {
  const b = globalThis.ouroborosBoot;
  if (!b || typeof b.goAllocSites !== 'function') return false;
  b.goAllocSites('start');
  return true;
})()`))
	if err == nil && !ok {
		err = errNoSites
	}
	return err
}

// EndAllocSites returns the sites of the allocations made since
// StartAllocSites.
func EndAllocSites(ctx context.Context) ([]AllocSite, error) {
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`globalThis.ouroborosBoot.goAllocSites('end')`))
	if err != nil {
		return nil, err
	}
	var sites []AllocSite
	for line := range strings.SplitSeq(strings.TrimSpace(text), "\n") {
		count, stack, ok := strings.Cut(line, "\t")
		n, err := strconv.ParseInt(count, 10, 64)
		if !ok || err != nil {
			continue
		}
		sites = append(sites, AllocSite{Count: n, Stack: stack})
	}
	return sites, nil
}
