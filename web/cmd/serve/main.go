// Command serve serves the built site over HTTP for local use and browser
// tests. It prints one line, "serving DIR on http://HOST:PORT/", once it is
// listening, and shuts down gracefully on SIGINT or SIGTERM.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"ouroboros/web/server"
)

// shutdownGrace is how long in-flight requests get to finish after a signal.
const shutdownGrace = 5 * time.Second

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
	case errors.Is(err, errUsage):
		// The flag package has already printed the problem and the usage.
		os.Exit(2)
	default:
		fmt.Fprintln(os.Stderr, "serve:", err)
		os.Exit(1)
	}
}

// errUsage marks a command line the flag package rejected and already
// reported on stderr.
var errUsage = errors.New("usage")

// run parses args, serves until ctx is done, then shuts the server down.
// The -port default comes from $PORT. The listening line goes to stdout;
// flag usage and the server's error log go to stderr.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	defaultPort := 8080
	if env, ok := os.LookupEnv("PORT"); ok && env != "" {
		p, err := parsePort(env)
		if err != nil {
			return fmt.Errorf("PORT=%q: %w", env, err)
		}
		defaultPort = p
	}

	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("dir", "dist", "directory to serve")
	addr := fs.String("addr", "127.0.0.1", "address to listen on")
	port := fs.Int("port", defaultPort, "port to listen on, 0 for any free one; $PORT sets the default")
	allowFraming := fs.Bool("allow-framing", false, "let any origin embed the site in a frame")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if *port < 0 || *port > 65535 {
		return fmt.Errorf("-port %d: not in 0..65535", *port)
	}
	info, err := os.Stat(*dir)
	if err != nil {
		return fmt.Errorf("-dir: %w", err)
	}
	if !info.IsDir() {
		return fmt.Errorf("-dir %s: not a directory", *dir)
	}

	ln, err := net.Listen("tcp", net.JoinHostPort(*addr, strconv.Itoa(*port)))
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           server.New(*dir, server.Options{AllowFraming: *allowFraming}),
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          log.New(stderr, "serve: ", 0),
	}
	actual := ln.Addr().(*net.TCPAddr).Port
	fmt.Fprintf(stdout, "serving %s on http://%s/\n", *dir, net.JoinHostPort(urlHost(*addr), strconv.Itoa(actual)))

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	shutCtx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// parsePort reads a port number in 0..65535.
func parsePort(s string) (int, error) {
	p, err := strconv.Atoi(s)
	if err != nil || p < 0 || p > 65535 {
		return 0, errors.New("not a port number in 0..65535")
	}
	return p, nil
}

// urlHost is the host to print for a listen address. An empty or unspecified
// address listens on every interface; localhost is one of them, and unlike
// 0.0.0.0 it is a URL that browsers will open.
func urlHost(addr string) string {
	if addr == "" {
		return "localhost"
	}
	if ip := net.ParseIP(addr); ip != nil && ip.IsUnspecified() {
		return "localhost"
	}
	return addr
}
