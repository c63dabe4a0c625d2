package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// listening matches the one line run prints once it accepts connections.
var listening = regexp.MustCompile(`^serving (.+) on (http://127\.0\.0\.1:([0-9]+)/)\n$`)

// newDist makes a directory holding an index page and returns its path.
func newDist(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte("<title>ouroboros</title>"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// start runs the command with args until the test ends and returns the URL
// from its listening line.
func start(t *testing.T, args ...string) (dir, url string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out, w := io.Pipe()
	done := make(chan error, 1)
	go func() {
		err := run(ctx, args, w, io.Discard)
		w.Close()
		done <- err
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("run returned %v after shutdown, want nil", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("run did not return after its context was cancelled")
		}
	})

	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("reading the listening line: %v (run: %v)", err, <-done)
	}
	m := listening.FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("printed %q, want a line matching %s", line, listening)
	}
	if m[3] == "0" {
		t.Fatalf("printed port 0, want the port actually bound: %q", line)
	}
	return m[1], m[2]
}

func fetch(t *testing.T, url string) *http.Response {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

func TestRunServesIndex(t *testing.T) {
	dist := newDist(t)
	dir, url := start(t, "-dir", dist, "-port", "0")
	if dir != dist {
		t.Errorf("printed dir %q, want %q", dir, dist)
	}
	resp := fetch(t, url)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status = %d, want %d", url, resp.StatusCode, http.StatusOK)
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(body), "<title>ouroboros</title>"; got != want {
		t.Errorf("body = %q, want %q", got, want)
	}
	if got, want := resp.Header.Get("X-Frame-Options"), "SAMEORIGIN"; got != want {
		t.Errorf("X-Frame-Options = %q, want %q", got, want)
	}
}

func TestRunAllowFraming(t *testing.T) {
	_, url := start(t, "-dir", newDist(t), "-port", "0", "-allow-framing")
	resp := fetch(t, url)
	if got := resp.Header.Get("X-Frame-Options"); got != "" {
		t.Errorf("X-Frame-Options = %q, want none", got)
	}
	if got := resp.Header.Get("Content-Security-Policy"); !strings.HasSuffix(got, "frame-ancestors *") {
		t.Errorf("Content-Security-Policy = %q, want it to end with frame-ancestors *", got)
	}
}

func TestRunPortFromEnv(t *testing.T) {
	t.Setenv("PORT", "0")
	_, url := start(t, "-dir", newDist(t))
	if resp := fetch(t, url); resp.StatusCode != http.StatusOK {
		t.Errorf("GET %s: status = %d, want %d", url, resp.StatusCode, http.StatusOK)
	}
}

func TestRunErrors(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		port    string // $PORT; "" leaves it unset
		args    []string
		wantErr string
	}{
		{"unknown flag", "", []string{"-nope"}, "flag provided but not defined"},
		{"extra argument", "", []string{"-dir", t.TempDir(), "extra"}, `unexpected argument "extra"`},
		{"missing dir", "", []string{"-dir", filepath.Join(t.TempDir(), "missing")}, "no such file"},
		{"dir is a file", "", []string{"-dir", file}, "not a directory"},
		{"port too large", "", []string{"-dir", t.TempDir(), "-port", "70000"}, "not in 0..65535"},
		{"bad PORT", "eighty", []string{"-dir", t.TempDir()}, `PORT="eighty"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("PORT", tt.port)
			err := run(context.Background(), tt.args, io.Discard, io.Discard)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("run(%q) = %v, want an error containing %q", tt.args, err, tt.wantErr)
			}
		})
	}
}
