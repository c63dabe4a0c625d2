//go:build browser

package e2e_test

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// offlineOnly are files the service worker keeps although a page load in
// this browser may not request them, each for its reason.
var offlineOnly = map[string]string{
	// The tab's icon (<link rel="icon">): a browser with a tab strip asks
	// for it; headless Chromium may not.
	"favicon.svg": "the tab's icon",
}

// TestServiceWorkerListsOnlyWhatThePageLoads loads the page (not in kiosk
// mode, so that no service worker fetches its list) and records every
// request it makes: each file of the built service worker's list is one of
// them, or is kept offline for a reason given in offlineOnly.
func TestServiceWorkerListsOnlyWhatThePageLoads(t *testing.T) {
	sw, err := os.ReadFile(filepath.Join("..", "..", "dist", "sw.js"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`const FILES = (\[.*\]);`).FindSubmatch(sw)
	if m == nil {
		t.Fatal("dist/sw.js has no FILES list: is dist/ packed?")
	}
	var files []string
	if err := json.Unmarshal(m[1], &files); err != nil {
		t.Fatal(err)
	}

	ctx := openPage(t, 1024, 700, "")
	var mu sync.Mutex
	requested := map[string]bool{}
	if err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			if u, err := url.Parse(e.Request.URL); err == nil {
				mu.Lock()
				requested[u.Path] = true
				mu.Unlock()
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	navigate(t, ctx, "/")
	ready(t, ctx)

	mu.Lock()
	defer mu.Unlock()
	if len(files) < 5 {
		t.Fatalf("the service worker keeps %q: too few to start the page offline", files)
	}
	for _, f := range files {
		p := "/" + strings.TrimPrefix(f, "./")
		if requested[p] {
			continue
		}
		if why, ok := offlineOnly[f]; ok {
			t.Logf("%s: not requested here, kept offline as %s", f, why)
			continue
		}
		t.Errorf("the service worker keeps %s, which the page never requested", f)
	}
	if t.Failed() {
		t.Logf("requested: %v", requested)
	}
}
