// Package browser starts Debian's Chromium the way the browser tests and
// the benchmarks need it: headless, with software WebGL, and without the
// background connections that this machine's closed network refuses.
package browser

import (
	"context"
	"os"

	"github.com/chromedp/chromedp"
)

// Path is the Chromium to run: $CHROMIUM, or Debian's /usr/bin/chromium.
func Path() string {
	if exe := os.Getenv("CHROMIUM"); exe != "" {
		return exe
	}
	return "/usr/bin/chromium"
}

// NewAllocator returns a context that starts Chromium for chromedp.
func NewAllocator(parent context.Context) (context.Context, context.CancelFunc) {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(Path()),
		chromedp.NoSandbox,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.Flag("use-angle", "swiftshader-webgl"),
		chromedp.Flag("disable-component-update", true),
		// Headless Chromium prefers-color-scheme: light, which would put
		// every test and benchmark in the light theme; dark is the
		// project's default look, and the theme tests emulate light per tab.
		chromedp.Flag("force-dark-mode", true),
	)
	return chromedp.NewExecAllocator(parent, opts...)
}
