//go:build js

// Package app is the engine adapter, the only package that imports
// Ebitengine: it turns the page's input into session intents (hit-testing
// the pointer on the last frame), steps the layout, ticks the session,
// builds the scene from the session's Look, draws it, and passes the
// session's events on to the page. The rules live in wasm/session and the
// picture in wasm/scene, where tests reach them without a browser.
package app

import (
	"image"
	"slices"

	"github.com/hajimehoshi/ebiten/v2"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/layout"
	"ouroboros/wasm/page"
	"ouroboros/wasm/scene"
	"ouroboros/wasm/session"
)

// layoutBudget is the layout work allowed per tick, in pair visits: a few
// milliseconds, so that a large network settles over several ticks without
// stalling a frame while a small one settles before the first frame.
const layoutBudget = 1_500_000

// Game is the running explainer. It has no lock: in the browser, Update,
// Draw and the page's calls into the program (state()) all run on the one
// JavaScript thread, and a call from the page can arrive inside Update (the
// ready callback asks for the state), where a lock would deadlock.
type Game struct {
	ds       *dataset.Dataset
	sess     *session.Session
	problems []string
	graph    layout.Graph
	layout   *layout.Layout // nil until the canvas has a size
	// net is the network at the session's date on screen, made for the
	// snapshot netOf; frame is the last frame built from it.
	net   *scene.Network
	netOf *analysis.Snapshot
	frame *scene.Frame
	// pal is the theme's palette, for the clear colour and the text (the
	// frame takes it from the Look).
	pal scene.Palette
	// screen is the canvas as the session is told of it.
	screen session.View

	gestures session.Gestures
	pointed  []session.Intent // the gestures' intents, reused
	touch    bool             // the last pointer was a finger

	white   *ebiten.Image
	verts   []ebiten.Vertex
	triOpts ebiten.DrawTrianglesOptions
	imgOpts ebiten.DrawImageOptions
	text    *texts
	figs    *figureTexts

	drawn, readySent bool
	// settled are the layouts the build settled (StartFrom).
	settled []layout.Settled
	// shown says the session knows the first frame is on screen.
	shown   bool
	onReady func()
	emit    func(event string, detail map[string]any)
	// builtView and builtVersion are the Look of the last frame built.
	builtView    session.View
	builtVersion uint64
	// dirty says the frame differs from the picture on screen: its size,
	// its moving marks (moving) or a kept layer (under, over).
	dirty          bool
	shownW, shownH float64
	moving         []scene.Vertex
	under, over    kept
	// captureWanted asks Draw for the picture's pixels, for onCapture.
	captureWanted bool
	onCapture     func(width, height int, rgba []byte)
	twin          page.TwinCache
	state         page.StateCache
	// geom is the last frame's geometry, kept for GeometryJSON.
	geom scene.Geometry
	// start marks the phases of the start for the bench.
	start phases
}

// New builds the explainer for a valid dataset. onReady runs once, as the
// first frame is drawn; emit tells the page of a change; mark (nil
// for none) is told each phase of the start as it ends (phases.go).
func New(ds *dataset.Dataset, opts session.Options, problems []string, onReady func(), emit func(string, map[string]any), mark func(phase string)) *Game {
	an := analysis.New(ds)
	g := &Game{ds: ds, sess: session.New(ds, an, opts), problems: problems, onReady: onReady, emit: emit, start: phases{mark: mark}}
	g.graph = scene.LayoutGraph(ds, an.At(dataset.Date{}))
	g.start.reach(phaseAnalysis)
	g.screen.DPR = ebiten.Monitor().DeviceScaleFactor()
	if g.screen.DPR <= 0 {
		g.screen.DPR = 1
	}
	white := ebiten.NewImage(3, 3)
	white.Fill(image.White.C)
	// A sub-image away from the border avoids sampling its edge.
	g.white = white.SubImage(image.Rect(1, 1, 2, 2)).(*ebiten.Image)
	g.pal = scene.PaletteFor(opts.Theme)
	g.text = newTexts(ds, g.screen.DPR, page.NewReading(ds, an.At(dataset.Date{})).Headline, inksOf(g.pal))
	g.figs = newFigureTexts(g.screen.DPR, inksOf(g.pal))
	widths := make([]float32, len(ds.Entities))
	for i := range ds.Entities {
		widths[i] = g.text.labelWidthCSS(i)
	}
	g.frame = scene.NewFrame(ds, widths, g.figs.widthCSS)
	// The moving layer is drawn without the engine's anti-aliasing, its
	// shapes soft-edged by the scene (layers.go).
	g.frame.Mesh.Soft = true
	g.start.reach(phaseText)
	return g
}

// StartFrom gives the layouts the build settled (the page's poster's):
// the first layout starts from the one of its graph and shape, if any,
// instead of taking its steps.
func (g *Game) StartFrom(settled []layout.Settled) { g.settled = settled }

// Update steps the layout, ticks the session, builds the frame when its
// inputs changed, and passes the session's events on to the page.
func (g *Game) Update() error {
	g.start.reach(phaseEngine)
	if g.drawn && !g.shown {
		g.shown = true
		g.sess.Shown()
	}
	if g.screen.Width <= 0 {
		return nil // the engine has not laid out the canvas yet
	}
	g.fit()
	stepped := false
	for work := 0; !g.layout.Settled() && work < layoutBudget; work += g.layout.Cost() {
		g.layout.Step()
		stepped = true
	}
	g.start.reach(phaseLayout)
	g.sess.SetScreen(g.screen)
	g.sess.SetLayout(g.layout.Positions(), g.layout.Settled())
	g.sess.Tick()
	// A frame depends only on the network, the positions and the Look;
	// when none changed (paused, nothing touched) the last frame stands
	// and Update costs next to nothing.
	look := g.sess.Look()
	switch {
	case stepped || g.sess.Version() != g.builtVersion || !sameButTick(look.View, g.builtView):
		g.build(look)
	case look.View.Tick != g.builtView.Tick:
		g.move(look.View.Tick)
	}
	g.start.reach(phaseScene)
	// The state the page reads is made again once this tick has run:
	// every change to it is made in a tick (commands and input only queue).
	g.state.Forget()
	// The page hears of changes once it is ready; until then the state it
	// reads when ready says it all (a kiosk's attract loop has begun).
	for _, e := range g.sess.Events() {
		if g.readySent && g.emit != nil {
			g.emit(e.Type, e.Detail)
		}
	}
	// When the picture can change only by an outside event, the engine
	// stops calling Update and Draw until one comes: input on the canvas
	// or a resize (the engine's own), or a call from the page (wake). A
	// paused page then costs the main thread next to nothing a frame.
	if g.quiet() {
		ebiten.SetFPSMode(ebiten.FPSModeVsyncOffMinimum)
	} else {
		ebiten.SetFPSMode(ebiten.FPSModeVsyncOn)
	}
	return nil
}

// build builds the frame of the network on screen for the Look, and marks
// it for drawing when it differs from the picture on screen, so that Draw
// can skip drawing when nothing moved (paused, reduced motion, a still
// story step): the engine keeps the last picture
// (SetScreenClearedEveryFrame(false) in main) and the page's main thread
// stays idle.
func (g *Game) build(look session.Look) {
	if snap := g.sess.Snapshot(); snap != g.netOf {
		g.net, g.netOf = scene.NewNetwork(g.ds, snap), snap
		g.over.stale = true // the figures' words are the network's
	}
	scene.Build(g.frame, g.net, g.layout.Positions(), look)
	g.builtView, g.builtVersion = look.View, g.sess.Version()
	m, f := &g.frame.Mesh, g.frame
	if g.screen.Width != g.shownW || g.screen.Height != g.shownH {
		g.dirty = true
		g.shownW, g.shownH = g.screen.Width, g.screen.Height
	}
	if g.under.note(m.LayerVertices(scene.LayerUnder), nil, nil) {
		g.dirty = true
	}
	if g.over.note(m.LayerVertices(scene.LayerOver), f.Labels, f.Figures) {
		g.dirty = true
	}
	g.noteMoving()
}

// noteMoving marks the picture for drawing when the frame's moving marks
// differ from those on screen.
func (g *Game) noteMoving() {
	if moving := g.frame.Mesh.LayerVertices(scene.LayerMoving); !slices.Equal(moving, g.moving) {
		g.dirty = true
		g.moving = append(g.moving[:0], moving...)
	}
}

// move makes the last frame at another tick, when nothing but the tick
// changed: only its moving marks are made again (scene.Move), and only
// they are compared with the picture on screen.
func (g *Game) move(tick int64) {
	scene.Move(g.frame, tick)
	g.builtView.Tick = tick
	g.noteMoving()
}

// sameButTick reports whether two views differ at most in their tick.
func sameButTick(a, b session.View) bool {
	a.Tick = b.Tick
	return a == b
}

// quiet reports that no tick would change anything: the picture on screen
// is the last one built, the layout has settled and the session says
// nothing moves.
func (g *Game) quiet() bool {
	return g.readySent && !g.dirty && !g.captureWanted && g.layout.Settled() && !g.sess.Moves()
}

// wake makes the engine run the next frame's Update even when quiet: the
// page called into the program.
func wake() { ebiten.ScheduleFrame() }

// fit makes the title and the layout fit the canvas: the title wraps to its
// width, and the layout takes the shape of the space left, reshaping when
// the window's shape changes a lot.
func (g *Game) fit() {
	// The page's chrome (session.Chrome) is shared with the build-time
	// poster, which must fit the network the same way.
	titleW, bottom := session.Chrome(g.screen.Width / g.screen.DPR)
	g.screen.BottomInset = bottom
	g.screen.TopInset, g.screen.ReadingInset = g.text.wrap(titleW, g.screen.Width/g.screen.DPR)
	want := session.LayoutAspect(g.screen)
	switch {
	case g.layout == nil:
		g.graph.Aspect = want
		g.layout = layout.New(g.graph, 1)
		// A layout the build settled for this graph and shape (the
		// poster's) is where these steps would lead: start there.
		g.layout.Restore(g.graph.Fingerprint(), g.settled)
	case session.Reshape(g.layout.Aspect(), want):
		g.layout.SetAspect(want)
	}
	g.screen.Aspect = g.layout.Aspect()
}

// Draw hands the last built frame to the engine; it changes no state but
// the note that the first frame is drawn, which it passes on (onReady).
func (g *Game) Draw(screen *ebiten.Image) {
	if !g.dirty && !g.captureWanted && g.drawn {
		return // the picture on screen is the current one
	}
	g.dirty = false
	// The edges under the moving marks and the discs, names and figures
	// over them are drawn again only when they changed (layers.go).
	b := screen.Bounds()
	g.under.fit(b.Dx(), b.Dy())
	g.over.fit(b.Dx(), b.Dy())
	if g.under.stale {
		// The background is the under layer's own: a steady frame covers
		// the screen with it and spends no draw on clearing.
		g.under.img.Fill(toRGBA(g.pal.Background))
		g.drawLayer(g.under.img, scene.LayerUnder)
		g.under.stale = false
	}
	if g.over.stale {
		g.over.img.Clear()
		g.drawLayer(g.over.img, scene.LayerOver)
		g.figs.draw(g.over.img, g.frame, &g.imgOpts)
		g.start.reach(phaseMesh)
		g.text.draw(g.over.img, g.frame, &g.imgOpts)
		g.over.stale = false
	}
	g.imgOpts.GeoM.Reset()
	screen.DrawImage(g.under.img, &g.imgOpts)
	g.drawLayer(screen, scene.LayerMoving)
	g.imgOpts.GeoM.Reset()
	screen.DrawImage(g.over.img, &g.imgOpts)
	g.start.reach(phaseMesh)
	g.start.reach(phaseFrame)
	g.drawn = true
	if !g.readySent {
		// The page hears of the first frame from here, in a microtask
		// once the engine's frame callback is done (bridge.Ready), not at
		// the next tick: that waits for the GPU process to draw the
		// frame, on two cores a quarter of a second that the page's
		// wiring now uses (issue 19).
		g.readySent = true
		if g.onReady != nil {
			g.onReady()
		}
	}
	if g.captureWanted && g.onCapture != nil {
		// The pixels exist only here, after drawing; reading them is the
		// one thing Draw does besides drawing, and it changes no state.
		g.captureWanted = false
		pix := make([]byte, 4*b.Dx()*b.Dy())
		screen.ReadPixels(pix)
		g.onCapture(b.Dx(), b.Dy(), pix)
	}
}

// RequestCapture asks for the next frame's pixels ("Save picture").
func (g *Game) RequestCapture() { g.captureWanted = true; wake() }

// OnCapture sets where captured pixels go.
func (g *Game) OnCapture(f func(width, height int, rgba []byte)) { g.onCapture = f }

// LayoutF makes the screen as large as the canvas in device pixels, so the
// picture is crisp on HiDPI screens.
func (g *Game) LayoutF(outsideWidth, outsideHeight float64) (float64, float64) {
	w, h := outsideWidth*g.screen.DPR, outsideHeight*g.screen.DPR
	g.screen.Width, g.screen.Height = w, h
	return w, h
}

// Layout is required by ebiten.Game; LayoutF is what the engine calls.
func (g *Game) Layout(outsideWidth, outsideHeight int) (int, int) {
	w, h := g.LayoutF(float64(outsideWidth), float64(outsideHeight))
	return int(w), int(h)
}
