//go:build browser

package e2e_test

// Downloads that go wrong: the data parameter's faults, a dataset that never
// ends, a program cut off halfway. Each is refused with a sentence that says
// what happened.

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"ouroboros/web/server"
)

// answer intercepts the page's requests whose URL matches pattern (Fetch
// domain wildcards) and lets respond answer each in the browser's place.
// Call it before navigating.
func answer(t *testing.T, ctx context.Context, pattern string, respond func(ctx context.Context, id fetch.RequestID) error) {
	t.Helper()
	events := chromedp.Events(ctx, fetch.RequestPaused)
	if _, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: pattern}}}); err != nil {
		t.Fatal(err)
	}
	go func() {
		for ev, err := range events {
			if err != nil {
				return
			}
			if err := respond(ctx, ev.RequestID); err != nil && ctx.Err() == nil {
				t.Errorf("answering %s: %v", ev.Request.URL, err)
			}
		}
	}()
}

func fulfil(status int64, headers map[string]string, body []byte) func(context.Context, fetch.RequestID) error {
	return func(ctx context.Context, id fetch.RequestID) error {
		var hs []*fetch.HeaderEntry
		for k, v := range headers {
			hs = append(hs, &fetch.HeaderEntry{Name: k, Value: v})
		}
		_, err := chromedp.Call(ctx, fetch.FulfillRequest, fetch.FulfillRequestParams{RequestID: id, ResponseCode: status, ResponseHeaders: hs, Body: body})
		return err
	}
}

// The data parameter: only paths on this site, and every way the download
// can fail is explained in a plain sentence (TestCannotStart covers another
// site, a protocol-relative URL, "..", a 404 and a page that is not JSON).
func TestDataParameterFaults(t *testing.T) {
	big := make([]byte, 9<<20)
	for i := range big {
		big[i] = ' '
	}
	copy(big, `{"format": "ouroboros/1"}`)
	for _, tc := range []struct {
		name, query string
		respond     func(context.Context, fetch.RequestID) error
		want        string
	}{
		{"javascript scheme", "/?data=javascript:alert(1)", nil, "names a scheme or another site"},
		{"data URL", "/?data=" + "data:application/json,%7B%7D", nil, "names a scheme or another site"},
		{"encoded dot dot", "/?data=data/%252e%252e/%252e%252e/secret.json", nil, `contains ".."`},
		{"backslash", "/?data=%5C%5Cexample.com%5Cx.json", nil, "names another site"},
		{"slash backslash", "/?data=/%5Cexample.com/x.json", nil, "names another site"},
		{"empty", "/?data=", nil, "is empty"},
		{"too large, declared", "/?data=data/big.json", fulfil(200, map[string]string{"Content-Type": "application/json", "Content-Length": strconv.Itoa(len(big))}, big), "is larger than the 8 MB limit"},
		{"too large, streamed", "/?data=data/big.json", fulfil(200, map[string]string{"Content-Type": "application/json"}, big), "8 MB limit"},
		// Sent compressed, its Content-Length is under the cap; the bytes are not.
		{"the program, compressed", "/?data=ouroboros.wasm", nil, "larger than the 8 MB limit"},
		{"network failure", "/?data=data/ai-compute.json", func(ctx context.Context, id fetch.RequestID) error {
			_, err := chromedp.Call(ctx, fetch.FailRequest, fetch.FailRequestParams{RequestID: id, ErrorReason: network.ErrorReasonInternetDisconnected})
			return err
		}, "the network request failed"},
		{"server error", "/?data=data/ai-compute.json", fulfil(503, nil, []byte("busy")), "the server answered 503"},
		{"not JSON", "/?data=data/ai-compute.json", fulfil(200, map[string]string{"Content-Type": "text/html"}, []byte("<!doctype html><p>Sign in")), "is not valid JSON"},
		{"empty answer", "/?data=data/ai-compute.json", fulfil(200, map[string]string{"Content-Type": "application/json"}, nil), "(document)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := openPage(t, 640, 480, "")
			if tc.respond != nil {
				// Only the dataset: the program still downloads.
				answer(t, ctx, "*/data/*.json", tc.respond)
			}
			navigate(t, ctx, tc.query)
			resolved, msg := outcome(t, ctx)
			if resolved {
				t.Fatal("ouroboros.ready resolved, want it rejected")
			}
			if !strings.Contains(msg, tc.want) {
				t.Errorf("ready rejected with %q, want it to say %q", msg, tc.want)
			}
			shown := eval[string](t, ctx, `document.getElementById('error').hidden ? '' : document.getElementById('error').textContent`)
			if !strings.Contains(shown, tc.want) {
				t.Errorf("the error panel says %q, want %q", shown, tc.want)
			}
			if n := eval[int](t, ctx, `document.querySelectorAll('canvas').length`); n != 0 {
				t.Errorf("%d canvas(es) on the page, want nothing drawn", n)
			}
		})
	}
}

// A dataset that never ends (a misconfigured proxy, a hostile endpoint on
// the same site) is refused once it passes the 8 MB cap, not read until the
// tab runs out of memory.
func TestEndlessDatasetIsCutOff(t *testing.T) {
	dist, _ := filepath.Abs("../../dist")
	stop := make(chan struct{})
	var sent atomic.Int64
	ended := make(chan struct{}) // closed when the page has dropped the download
	var endOnce sync.Once
	mux := http.NewServeMux()
	mux.HandleFunc("/data/endless.json", func(w http.ResponseWriter, r *http.Request) {
		defer endOnce.Do(func() { close(ended) })
		w.Header().Set("Content-Type", "application/json")
		chunk := bytes.Repeat([]byte(" "), 64<<10)
		w.Write([]byte(`{"format": "ouroboros/1", "pad": "`))
		for {
			select {
			case <-stop:
				return
			case <-r.Context().Done():
				return
			default:
			}
			if _, err := w.Write(chunk); err != nil {
				return
			}
			sent.Add(int64(len(chunk)))
			w.(http.Flusher).Flush()
		}
	})
	mux.Handle("/", server.New(dist, server.Options{}))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(stop) })

	ctx := openPage(t, 640, 480, "")
	if _, err := chromedp.Run(ctx, chromedp.Navigate(srv.URL+"/?data=data/endless.json")); err != nil {
		t.Fatal(err)
	}
	resolved, msg := outcome(t, ctx)
	if resolved || !strings.Contains(msg, "8 MB limit") {
		t.Fatalf("ready: resolved %v, %q; want it rejected for the 8 MB limit", resolved, msg)
	}
	// The page stopped reading: it dropped the download, so the server's
	// next write fails (or the request ends) and the handler returns.
	at := sent.Load()
	select {
	case <-ended:
	case <-time.After(time.Minute):
		t.Fatalf("a minute after the refusal the page still holds the download open (%d MB sent, %d since)", sent.Load()>>20, (sent.Load()-at)>>20)
	}
	if more := sent.Load() - at; more > 32<<20 {
		t.Errorf("the server sent %d more MB after the refusal: the page kept reading", more>>20)
	}
}

// A program download cut off halfway (a dropped connection) is explained as
// such, not as a dataset problem or a bare "network error".
func TestProgramDownloadCutOff(t *testing.T) {
	dist, _ := filepath.Abs("../../dist")
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasSuffix(r.URL.Path, ".wasm") {
			server.New(dist, server.Options{}).ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/wasm")
		w.Header().Set("Content-Length", strconv.Itoa(8<<20))
		w.WriteHeader(http.StatusOK)
		w.Write(bytes.Repeat([]byte{0}, 1<<20))
		w.(http.Flusher).Flush()
		// Then the connection drops.
		conn, _, err := http.NewResponseController(w).Hijack()
		if err == nil {
			conn.Close()
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)

	ctx := openPage(t, 640, 480, "")
	if _, err := chromedp.Run(ctx, chromedp.Navigate(srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	resolved, msg := outcome(t, ctx)
	if want := "The program could not be downloaded: the download was cut off"; resolved || !strings.Contains(msg, want) {
		t.Fatalf("ready: resolved %v, %q; want it rejected with %q", resolved, msg, want)
	}
}
