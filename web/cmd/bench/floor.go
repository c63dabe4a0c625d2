package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"ouroboros/web/pack"
	"ouroboros/web/server"
)

// floorPath is where the bench serves the floor program's site.
const floorPath = "/floor/"

// packFloor packs the floor program's site as ./build.sh packs the
// explainer's (hashed names, brotli and gzip beside each file), once.
func packFloor(dir string) error {
	page, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		return fmt.Errorf("%w; ./build.sh bench builds it", err)
	}
	if bytes.Contains(page, []byte("data-wasm=")) {
		return nil
	}
	cache := ""
	if d, err := os.UserCacheDir(); err == nil {
		cache = filepath.Join(d, "ouroboros", "floor")
	}
	return pack.Site(dir, pack.Options{Page: "index.html", Wasm: "floor.wasm", Hashed: []string{"floor.js", "wasm_exec.js"}, Cache: cache})
}

// withFloor serves the floor program's site under floorPath, with the
// site's own server, and passes every other request to next.
func withFloor(dir string, next http.Handler) http.Handler {
	floor := http.StripPrefix(strings.TrimSuffix(floorPath, "/"), server.New(dir, server.Options{}))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, floorPath) {
			floor.ServeHTTP(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// benchFloor loads the floor program cold as the pages are, then times
// its frames (it draws every frame, as the explainer does while animating).
func benchFloor(browser context.Context, base string, cfg config, out io.Writer) (result, error) {
	fmt.Fprintf(out, "\nthe floor: %s (web/cmd/bench/floor: three discs, no dataset, no text)\n", floorPath)
	if sizes, err := floorSizes(cfg.floor); err == nil {
		fmt.Fprintf(out, "  program: %s\n", sizes)
	}
	var steady frameStats
	allocs, own := -1.0, -1.0
	colds, err := coldLoads(browser, base+floorPath, cfg, out, func(tab context.Context) error {
		var err error
		if steady, allocs, err = timeWindow(tab, out, "animating", cfg.window); err != nil {
			return err
		}
		own, err = allocSites(tab, out, "animating", cfg.window)
		return err
	})
	if err != nil {
		return result{}, err
	}
	r := summarizeLoads(colds)
	r.steady, r.allocs, r.own = steady, allocs, own
	fmt.Fprintf(out, "  first contentful paint, cold: median %.0f ms; time to ready (first frame drawn), cold: median %.0f ms of %d loads\n", r.fcp, r.ready, len(colds))
	return r, nil
}

// floorSizes says how large the floor program is, plain and brotli.
func floorSizes(dir string) (string, error) {
	plain, err := os.Stat(filepath.Join(dir, "floor.wasm"))
	if err != nil {
		return "", err
	}
	br, err := os.Stat(filepath.Join(dir, "floor.wasm.br"))
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%d bytes, %d with brotli", plain.Size(), br.Size()), nil
}
