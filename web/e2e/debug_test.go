//go:build browser

package e2e_test

import (
	"flag"
	"fmt"
	"os"
	"testing"
)

var shot = flag.String("screenshot", "", "write a screenshot of -screenshot-page to this PNG file (for the README)")
var shotPage = flag.String("screenshot-page", "/", "the page the screenshot shows")
var shotSize = flag.String("screenshot-size", "1100x720", "the window's CSS size, WIDTHxHEIGHT")
var shotDPR = flag.Float64("screenshot-dpr", 1, "the device pixel ratio of the screenshot")

// TestScreenshot takes the README's picture of the real page:
// go test -tags browser -run TestScreenshot ./web/e2e -args -screenshot=$PWD/web/screenshot.png
func TestScreenshot(t *testing.T) {
	if *shot == "" {
		t.Skip("no -screenshot file given")
	}
	var shotW, shotH int64
	if _, err := fmt.Sscanf(*shotSize, "%dx%d", &shotW, &shotH); err != nil {
		t.Fatalf("-screenshot-size %q: %v", *shotSize, err)
	}
	ctx := openPageScaled(t, shotW, shotH, *shotDPR, *shotPage)
	ready(t, ctx)
	img, err := chromedpScreenshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(*shot, img, 0o644); err != nil {
		t.Fatal(err)
	}
}
