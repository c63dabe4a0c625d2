//go:build js

// Command wasm is the Ouroboros explainer compiled to WebAssembly: it reads
// the dataset the page fetched, checks it, and runs the animated network.
package main

import (
	"errors"
	"runtime/debug"

	"github.com/hajimehoshi/ebiten/v2"

	"ouroboros/wasm/app"
	"ouroboros/wasm/bridge"
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/layout"
	"ouroboros/wasm/scene"
	"ouroboros/wasm/session"
	"ouroboros/wasm/wording"
	"ouroboros/wasm/words"
)

// Until the page is ready, the collector lets the heap grow to eleven times
// what it found live (GOGC=1000) instead of twice, but not past
// startHeapLimit: the bundled network's start (about 25 MB) runs no
// collection, a large network's runs a tenth as many, and the memory the
// program keeps for its life stays bounded.
const (
	startGCPercent = 1000
	startHeapLimit = 256 << 20
)

func main() {
	// The Go runtime has started: the phases of the start are marked for
	// ./build.sh bench from here on (wasm/app/phases.go).
	bridge.Mark("main")
	// The start allocates some 20 MB that stay (the dataset, its analysis,
	// the font, the first frame, the page's first state) and little
	// garbage: at the collector's default pace it ran four times before
	// ready, marking what would stay anyway (main to ready: 1,523 → 1,463
	// ms against a quarter of the pace; BENCHMARKS.md, issue 19's third
	// pass). The default pace comes back once the page has wired up.
	gcPercent, gcLimit := debug.SetGCPercent(startGCPercent), debug.SetMemoryLimit(startHeapLimit)
	boot, err := bridge.Read()
	if err != nil {
		panic(err) // web/app.js always provides it
	}
	ds, err := dataset.Load(boot.Dataset)
	if err != nil {
		var problems dataset.Problems
		lines := []string{err.Error()}
		if errors.As(err, &problems) {
			lines = lines[:0]
			for _, p := range problems {
				lines = append(lines, p.String())
			}
		}
		boot.Refuse(words.English().Count("error.refused", len(lines), "path", boot.DataPath), lines)
		return
	}
	bridge.Mark("dataset")
	opts, problems := session.ParseOptions(ds, boot.Params, session.Prefers{ReducedMotion: boot.ReducedMotion, Light: boot.LightScheme})
	// The chrome's words: the English table with the dataset's own in
	// place, numbers and dates in its locale.
	say, notices := words.English().In(ds.Locale).With(ds.UI)
	// Kind colours the canvas would hardly show: said, and drawn anyway.
	for _, p := range scene.KindNotices(ds) {
		notices = append(notices, p.String())
	}
	wording.Use(say)
	boot.Expose("words", func() string { return say.JSON() })
	ready := func() {
		boot.Ready(problems, notices, func() {
			debug.SetGCPercent(gcPercent)
			debug.SetMemoryLimit(gcLimit)
		})
	}
	g := app.New(ds, opts, problems, ready, boot.Emit, bridge.Mark)
	// The poster's settled layouts; a page without them, or with ones
	// that do not parse, only makes the program take the layout's steps.
	if settled, err := layout.ParseSettled(boot.Layouts); err == nil {
		g.StartFrom(settled)
	}
	boot.Serve(g.StateJSON, g.Send)
	boot.Expose("twin", g.TwinJSON)
	boot.Expose("twinFacts", g.TwinFactsJSON)
	boot.Expose("geometry", g.GeometryJSON)
	boot.Input(g.Pointer, g.Wheel, g.Key)
	boot.Cover(g.Cover)
	boot.Capture(g.RequestCapture)
	boot.Heap()
	boot.Mallocs()
	boot.AllocSites()
	g.OnCapture(boot.Captured)
	ebiten.SetRunnableOnUnfocused(true)
	// Draw skips frames where nothing changed; the engine must then keep
	// the last picture instead of clearing it.
	ebiten.SetScreenClearedEveryFrame(false)
	// The engine focuses its canvas as it starts, which sends a keyboard
	// reader's first Tab past the page's skip link; the page then had to
	// move the focus back, a forced layout of the whole page in the middle
	// of its start (issue 19). A kiosk has no keyboard and keeps it.
	run := &ebiten.RunGameOptions{InitUnfocused: opts.Mode != session.Kiosk}
	if err := ebiten.RunGameWithOptions(g, run); err != nil {
		boot.Refuse(say.Say("error.stopped", "message", err.Error()), nil)
	}
}
