package kiosk_test

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/andybalholm/brotli"

	"ouroboros/web/kiosk"
)

var listening = regexp.MustCompile(`^serving on (http://127\.0\.0\.1:([0-9]+)/)\n$`)

// start runs the kiosk with site and args until the test ends, and returns
// the URL from its listening line and the rest of its output.
func start(t *testing.T, site fs.FS, args ...string) (string, *bufio.Reader, chan error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out, w := io.Pipe()
	done := make(chan error, 1)
	go func() {
		err := kiosk.Run(ctx, site, args, w, io.Discard)
		w.Close()
		done <- err
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Error("Run did not return after its context was cancelled")
		}
	})
	r := bufio.NewReader(out)
	line, err := r.ReadString('\n')
	if err != nil {
		t.Fatalf("reading the listening line: %v", err)
	}
	m := listening.FindStringSubmatch(line)
	if m == nil || m[2] == "0" {
		t.Fatalf("printed %q, want %s with the port bound", line, listening)
	}
	go io.Copy(io.Discard, r) // keep later lines from blocking Run
	return m[1], r, done
}

// get fetches url with an Accept-Encoding and checks the answer's type and
// encoding, returning the decoded body.
func get(t *testing.T, url, acceptEncoding, wantType, wantEncoding string) []byte {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	if acceptEncoding != "" {
		req.Header.Set("Accept-Encoding", acceptEncoding)
	}
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d", url, resp.StatusCode)
	}
	if got := resp.Header.Get("Content-Type"); got != wantType {
		t.Errorf("GET %s: Content-Type %q, want %q", url, got, wantType)
	}
	if got := resp.Header.Get("Content-Encoding"); got != wantEncoding {
		t.Errorf("GET %s: Content-Encoding %q, want %q", url, got, wantEncoding)
	}
	if wantEncoding == "br" {
		body, err = io.ReadAll(brotli.NewReader(bytes.NewReader(body)))
		if err != nil {
			t.Fatalf("GET %s: not brotli: %v", url, err)
		}
	}
	return body
}

func brotliOf(t *testing.T, b []byte) []byte {
	var buf bytes.Buffer
	w := brotli.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func TestRunServesTheSiteWithTheRightTypes(t *testing.T) {
	wasm := []byte("\x00asm\x01\x00\x00\x00")
	site := fstest.MapFS{
		"index.html":                 {Data: []byte(`<html data-wasm="ouroboros.0123abcd.wasm">`)},
		"ouroboros.0123abcd.wasm":    {Data: wasm},
		"ouroboros.0123abcd.wasm.br": {Data: brotliOf(t, wasm)},
		"sw.js":                      {Data: []byte("'use strict';")},
		"data/ai-compute.json":       {Data: []byte(`{}`)},
	}
	url, _, _ := start(t, site, "-port", "0", "-open=false")
	if body := get(t, url, "", "text/html; charset=utf-8", ""); !bytes.Contains(body, []byte("data-wasm")) {
		t.Errorf("GET / = %q", body)
	}
	if body := get(t, url+"ouroboros.0123abcd.wasm", "gzip, br", "application/wasm", "br"); !bytes.Equal(body, wasm) {
		t.Errorf("the wasm decodes to %q", body)
	}
	get(t, url+"ouroboros.0123abcd.wasm", "", "application/wasm", "")
	get(t, url+"data/ai-compute.json", "", "application/json", "")
	get(t, url+"sw.js", "", "text/javascript; charset=utf-8", "")
}

// TestRunServesABrotliOnlySite serves a site as ./build.sh kiosk embeds it,
// each compressible file as its brotli copy only: a client that takes
// brotli gets those bytes with Content-Encoding: br, one that does not gets
// them decompressed, with the file's own type.
func TestRunServesABrotliOnlySite(t *testing.T) {
	page := []byte(`<html data-wasm="ouroboros.0123abcd.wasm">`)
	wasm := bytes.Repeat([]byte("\x00asm\x01\x00\x00\x00"), 100)
	site := fstest.MapFS{
		"index.html.br":              {Data: brotliOf(t, page)},
		"ouroboros.0123abcd.wasm.br": {Data: brotliOf(t, wasm)},
		"sw.js.br":                   {Data: brotliOf(t, []byte("'use strict';"))},
		"favicon.ico":                {Data: []byte("\x00\x00\x01\x00")},
	}
	url, _, _ := start(t, site, "-port", "0", "-open=false")
	for _, tc := range []struct {
		path, wantType string
		plain          []byte
	}{
		{"", "text/html; charset=utf-8", page},
		{"ouroboros.0123abcd.wasm", "application/wasm", wasm},
		{"sw.js", "text/javascript; charset=utf-8", []byte("'use strict';")},
	} {
		if body := get(t, url+tc.path, "gzip, deflate, br", tc.wantType, "br"); !bytes.Equal(body, tc.plain) {
			t.Errorf("GET /%s with brotli decodes to %q", tc.path, body)
		}
		if body := get(t, url+tc.path, "", tc.wantType, ""); !bytes.Equal(body, tc.plain) {
			t.Errorf("GET /%s without brotli = %q, want the file decompressed", tc.path, body)
		}
		if body := get(t, url+tc.path, "gzip", tc.wantType, ""); !bytes.Equal(body, tc.plain) {
			t.Errorf("GET /%s with gzip only = %q, want the file decompressed", tc.path, body)
		}
	}
	get(t, url+"favicon.ico", "br", "image/x-icon", "")
}

// TestRunServesTheBuiltSite serves the real dist/, as ./build.sh kiosk
// embeds it.
func TestRunServesTheBuiltSite(t *testing.T) {
	dist, _ := filepath.Abs("../../dist")
	page, err := os.ReadFile(filepath.Join(dist, "index.html"))
	if err != nil {
		t.Skip("dist/ is not built; run ./build.sh first to test the kiosk on the real site")
	}
	m := regexp.MustCompile(`data-wasm="([^"]+)"`).FindSubmatch(page)
	if m == nil {
		t.Fatal("dist/index.html names no program (data-wasm); is dist/ packed?")
	}
	url, _, _ := start(t, os.DirFS(dist), "-open=false")
	get(t, url+"?mode=kiosk", "", "text/html; charset=utf-8", "")
	if body := get(t, url+string(m[1]), "br", "application/wasm", "br"); !bytes.HasPrefix(body, []byte("\x00asm")) {
		t.Error("the wasm is not WebAssembly")
	}
	get(t, url+"data/ai-compute.json", "", "application/json", "")
	if body := get(t, url+"sw.js", "", "text/javascript; charset=utf-8", ""); !bytes.Contains(body, []byte(string(m[1]))) {
		t.Error("the service worker does not keep the program offline")
	}
}

// TestRunOpensTheBrowser opens a stand-in browser that records its
// arguments and exits: the kiosk opens the page in kiosk mode and ends with
// the browser, so that a service manager restarts the pair.
func TestRunOpensTheBrowser(t *testing.T) {
	dir := t.TempDir()
	record := filepath.Join(dir, "args")
	fake := filepath.Join(dir, "chromium")
	script := "#!/bin/sh\nprintf '%s\\n' \"$@\" > " + record + "\n"
	if err := os.WriteFile(fake, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	site := fstest.MapFS{"index.html": {Data: []byte("<html>")}}
	url, _, done := start(t, site, "-browser", fake, "-query", "mode=kiosk&idle=60", "-profile", filepath.Join(dir, "profile"))
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run = %v after the browser exited cleanly", err)
		}
		done <- nil // for the cleanup
	case <-time.After(20 * time.Second):
		t.Fatal("Run did not end when the browser exited")
	}
	b, err := os.ReadFile(record)
	if err != nil {
		t.Fatal(err)
	}
	args := strings.Split(strings.TrimSpace(string(b)), "\n")
	for _, want := range []string{"--kiosk", "--app=" + url + "?mode=kiosk&idle=60", "--user-data-dir=" + filepath.Join(dir, "profile")} {
		found := false
		for _, a := range args {
			found = found || a == want
		}
		if !found {
			t.Errorf("the browser got %q, lacking %q", args, want)
		}
	}
}

func TestRunRefuses(t *testing.T) {
	site := fstest.MapFS{"index.html": {Data: []byte("<html>")}}
	for _, tc := range []struct {
		site fs.FS
		args []string
		want string
	}{
		{fstest.MapFS{"README.txt": {Data: []byte("x")}}, []string{"-open=false"}, "build this program with ./build.sh kiosk"},
		{site, []string{"-port", "70000"}, "not in 0..65535"},
		{site, []string{"-query", "a=%zz"}, "-query"},
		{site, []string{"extra"}, `unexpected argument "extra"`},
		{site, []string{"-nope"}, "flag provided but not defined"},
	} {
		err := kiosk.Run(context.Background(), tc.site, tc.args, io.Discard, io.Discard)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Run(%q) = %v, want an error containing %q", tc.args, err, tc.want)
		}
	}
}
