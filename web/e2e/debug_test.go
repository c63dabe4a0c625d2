//go:build browser

package e2e_test

import (
	"flag"
	"os"
	"testing"
)

var shot = flag.String("screenshot", "", "write a screenshot of -screenshot-page to this PNG file (for the README)")
var shotPage = flag.String("screenshot-page", "/", "the page the screenshot shows")

// TestScreenshot takes the README's picture of the real page:
// go test -tags browser -run TestScreenshot ./web/e2e -args -screenshot=$PWD/web/screenshot.png
func TestScreenshot(t *testing.T) {
	if *shot == "" {
		t.Skip("no -screenshot file given")
	}
	ctx := openPage(t, 1100, 720, *shotPage)
	ready(t, ctx)
	img, err := chromedpScreenshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(*shot, img, 0o644); err != nil {
		t.Fatal(err)
	}
}
