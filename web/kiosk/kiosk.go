// Package kiosk runs the explainer as one program on a kiosk machine: it
// serves a copy of the built site (embedded in the kiosk command) on the
// loopback interface and, where Chromium is installed, opens it full screen
// in Chromium's kiosk mode, in the page's kiosk mode.
package kiosk

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"time"

	"ouroboros/web/server"
)

// shutdownGrace is how long in-flight requests get to finish at the end.
const shutdownGrace = 5 * time.Second

// browsers are the Chromium builds looked for when -browser is not given,
// Debian's first.
var browsers = []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// Run serves site until ctx is done, or until the browser it opened exits
// (so that a service manager restarts both). It prints one line,
// "serving on URL", once it listens; args are the command's flags.
func Run(ctx context.Context, site fs.FS, args []string, stdout, stderr io.Writer) error {
	o, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	// The build keeps compressible files as their brotli copy only
	// (web/pack.BrotliOnly); the server decompresses for clients that
	// cannot take brotli.
	_, err = fs.Stat(site, "index.html")
	if err != nil {
		_, err = fs.Stat(site, "index.html.br")
	}
	if err != nil {
		return errors.New("the site has no index.html: build this program with ./build.sh kiosk, which embeds the built site")
	}

	dir, err := os.MkdirTemp("", "ouroboros-kiosk-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if err := os.CopyFS(dir, site); err != nil {
		return fmt.Errorf("unpacking the site: %w", err)
	}

	ln, err := net.Listen("tcp", net.JoinHostPort(o.addr, strconv.Itoa(o.port)))
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           server.New(dir, server.Options{}),
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          log.New(stderr, "ouroboros-kiosk: ", 0),
	}
	host := o.addr
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		host = "localhost"
	}
	base := "http://" + net.JoinHostPort(host, strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)) + "/"
	fmt.Fprintf(stdout, "serving on %s\n", base)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	exited, err := o.openBrowser(ctx, base, stdout, stderr)
	if err != nil {
		srv.Close()
		return err
	}
	var result error
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	case err := <-exited:
		if err != nil {
			result = fmt.Errorf("the browser exited: %w", err)
		}
	}
	shutCtx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return result
}

// options are the program's flags.
type options struct {
	addr, browser, query, profile string
	port                          int
	open                          bool
}

// parseFlags reads and checks the program's flags.
func parseFlags(args []string, stderr io.Writer) (options, error) {
	var o options
	fset := flag.NewFlagSet("ouroboros-kiosk", flag.ContinueOnError)
	fset.SetOutput(stderr)
	fset.StringVar(&o.addr, "addr", "127.0.0.1", "address to listen on; the default keeps the site on this machine")
	fset.IntVar(&o.port, "port", 0, "port to listen on, 0 for any free one (a fixed one keeps the browser's offline copy between starts)")
	fset.BoolVar(&o.open, "open", true, "open the page in Chromium's kiosk mode, when Chromium is installed")
	fset.StringVar(&o.browser, "browser", "", "the browser to open (default: chromium, chromium-browser or google-chrome on PATH)")
	fset.StringVar(&o.query, "query", "mode=kiosk", "the link's parameters, such as mode=kiosk&idle=60 (see the README)")
	fset.StringVar(&o.profile, "profile", defaultProfile(), "the browser's profile directory, kept apart from the user's own")
	if err := fset.Parse(args); err != nil {
		return o, err
	}
	if fset.NArg() > 0 {
		return o, fmt.Errorf("unexpected argument %q", fset.Arg(0))
	}
	if o.port < 0 || o.port > 65535 {
		return o, fmt.Errorf("-port %d: not in 0..65535", o.port)
	}
	if _, err := url.ParseQuery(o.query); err != nil {
		return o, fmt.Errorf("-query %q: %w", o.query, err)
	}
	return o, nil
}

// openBrowser opens the site at base in the kiosk's browser when -open
// asks for it and one is found; the channel it returns gets the browser's
// exit (nil when no browser was opened: it never fires).
func (o options) openBrowser(ctx context.Context, base string, stdout, stderr io.Writer) (chan error, error) {
	if !o.open {
		return nil, nil
	}
	exe := o.browser
	if exe == "" {
		exe = findBrowser()
	}
	if exe == "" {
		fmt.Fprintf(stdout, "no Chromium found; open %s?%s in a browser\n", base, o.query)
		return nil, nil
	}
	cmd := exec.CommandContext(ctx, exe, BrowserArgs(base+"?"+o.query, o.profile)...)
	cmd.Stdout, cmd.Stderr = stderr, stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("opening %s: %w", exe, err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	return exited, nil
}

// BrowserArgs are Chromium's flags for a kiosk showing pageURL: full screen
// with no way out to the desktop, no first-run or crash prompts, and a
// profile of its own, so that it neither joins a running browser (which
// would ignore --kiosk) nor loses its offline copy between starts.
func BrowserArgs(pageURL, profile string) []string {
	args := []string{"--kiosk", "--app=" + pageURL, "--no-first-run", "--noerrdialogs",
		"--disable-session-crashed-bubble", "--disable-infobars", "--disable-pinch", "--overscroll-history-navigation=0",
		"--check-for-update-interval=31536000"}
	if profile != "" {
		args = append(args, "--user-data-dir="+profile)
	}
	return args
}

func findBrowser() string {
	for _, b := range browsers {
		if p, err := exec.LookPath(b); err == nil {
			return p
		}
	}
	return ""
}

// defaultProfile is a directory under the user's configuration, or "" for
// the browser's default.
func defaultProfile() string {
	d, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "ouroboros-kiosk", "chromium")
}
