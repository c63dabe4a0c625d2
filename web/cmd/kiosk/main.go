// Command ouroboros-kiosk is the explainer in one file for a kiosk: the
// built site is embedded, served on the loopback interface, and opened full
// screen in Chromium's kiosk mode where Chromium is installed. Build it with
// ./build.sh kiosk, which copies dist/ into site/ first; see the README for
// starting it at boot.
package main

import (
	"context"
	"embed"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"syscall"

	"ouroboros/web/kiosk"
)

// site holds the built site; ./build.sh kiosk fills the directory (it
// keeps only a README.txt in git).
//
//go:embed all:site
var site embed.FS

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	sub, err := fs.Sub(site, "site")
	if err == nil {
		err = kiosk.Run(ctx, sub, os.Args[1:], os.Stdout, os.Stderr)
	}
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
	default:
		fmt.Fprintln(os.Stderr, "ouroboros-kiosk:", err)
		os.Exit(1)
	}
}
