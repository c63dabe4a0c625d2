//go:build js

// Package app wires the pure packages to Ebitengine: it steps the layout and
// the animation in Update and hands the built frame to the engine in Draw.
// It holds no rules of its own, so that everything it shows tests without a
// browser elsewhere.
package app

import (
	"encoding/json"
	"image"
	"slices"

	"github.com/hajimehoshi/ebiten/v2"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/layout"
	"ouroboros/wasm/scene"
	"ouroboros/wasm/session"
	"ouroboros/wasm/view"
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
	opts     session.Options
	now      session.Now
	intents  []session.Intent // waiting for the next Update
	problems []string
	an       *analysis.Analysis
	snap     *analysis.Snapshot // at the current date
	net      *scene.Network
	graph    layout.Graph
	layout   *layout.Layout // nil until the canvas has a size
	builder  *scene.Builder
	view     scene.View

	white     *ebiten.Image
	verts     []ebiten.Vertex
	triOpts   ebiten.DrawTrianglesOptions
	imgOpts   ebiten.DrawImageOptions
	text      *texts
	drawn     bool
	onReady   func()
	readySent bool
	gestures  session.Gestures
	touch     bool // the last pointer was a finger
	camera    session.Camera
	// hoverEntity and hoverEdge are under the mouse, or -1.
	hoverEntity, hoverEdge int
	// shown and dealShown are what the filter keeps (nil: everything).
	shown, dealShown []bool
	// flash is the loop that just closed on the timeline, lit until the
	// tick flashUntil; nil when none.
	flash      []int
	flashUntil int64
	// nextStep is the tick at which a playing timeline moves on.
	nextStep int64
	// frameStep asks for the camera to frame the open story step.
	frameStep bool
	// glide eases the camera to a story step; auto moves the story on.
	glide session.Glide
	// fade eases a story step's spotlight and walks the timeline from
	// walkFrom to the step's date; shownAsOf is the date on screen, which
	// g.snap is for: the step's date (now.AsOf) once the walk is over.
	fade      session.Fade
	walkFrom  dataset.Date
	shownAsOf dataset.Date
	auto      session.Autoplay
	// rebuild says the next Update must build a frame even if the view is
	// the same as builtView's, the view of the last frame built.
	rebuild   bool
	builtView scene.View
	// dirty says the frame differs from the picture on screen; shownW,
	// shownH, shownVerts and shownLabels describe that picture.
	dirty          bool
	shownW, shownH float64
	shownVerts     []scene.Vertex
	shownLabels    []scene.Label
	// captureWanted asks Draw for the picture's pixels, which go to
	// onCapture.
	captureWanted bool
	onCapture     func(width, height int, rgba []byte)
	// emit tells the page about a change: an event type and its detail.
	emit func(event string, detail map[string]any)
	// drifting is the attract loop's camera wander (session.DriftAt), on for
	// driftT ticks.
	drifting bool
	driftT   int64
	// twin is the last text twin built (twin.go); figs draws the figures
	// of a still picture (figures.go).
	twin twinCache
	figs *figureTexts
}

// New builds the explainer for a valid dataset. onReady runs once, after the
// first frame has been drawn.
func New(ds *dataset.Dataset, opts session.Options, problems []string, onReady func(), emit func(string, map[string]any)) *Game {
	g := &Game{ds: ds, opts: opts, now: session.Start(opts), problems: problems, onReady: onReady, emit: emit,
		camera: session.Camera{Zoom: 1}, hoverEntity: -1, hoverEdge: -1}
	g.an = analysis.New(ds)
	g.shownAsOf = g.now.AsOf
	g.snap = g.an.At(g.now.AsOf)
	g.net = scene.NewNetwork(ds, g.snap)
	g.graph = view.LayoutGraph(ds, g.an.At(dataset.Date{}))
	g.builder = scene.NewBuilder(ds, g.net)
	g.builder.Select(g.now.Selection)
	if g.now.Story >= 0 {
		g.showStep()
	}
	g.view = scene.View{DPR: ebiten.Monitor().DeviceScaleFactor(), Motion: !opts.Reduced}
	if g.view.DPR <= 0 {
		g.view.DPR = 1
	}

	white := ebiten.NewImage(3, 3)
	white.Fill(image.White.C)
	// A sub-image away from the border avoids sampling its edge.
	g.white = white.SubImage(image.Rect(1, 1, 2, 2)).(*ebiten.Image)
	g.triOpts.AntiAlias = true
	g.text = newTexts(ds, g.view.DPR)
	for i := range ds.Entities {
		g.builder.SetLabelWidth(i, g.text.labelWidthCSS(i))
	}
	g.figs = newFigureTexts(g.view.DPR)
	g.builder.MeasureFigures(g.figs.widthCSS)
	return g
}

// Update advances the layout and the animation by one tick.
func (g *Game) Update() error {
	if g.drawn && !g.readySent {
		g.readySent = true
		if g.onReady != nil {
			g.onReady()
		}
	}
	if g.view.Width <= 0 {
		return nil // the engine has not laid out the canvas yet
	}
	g.fit()
	if len(g.intents) > 0 {
		g.rebuild = true
	}
	for _, in := range g.intents {
		if g.auto.On && session.Interrupts(in.Kind) {
			g.setAutoplay(false, 0)
		}
		if session.Interrupts(in.Kind) {
			g.endFade() // the reader's input lands on the step's picture
		}
		if in.Kind == session.SetAutoplay {
			g.setAutoplay(in.Entity == 1 || in.Entity < 0 && !g.auto.On, in.Ticks)
			continue
		}
		in, ok := g.resolve(in)
		if !ok {
			continue
		}
		if g.camera.Move(in, g.geometry()) {
			g.glide.Stop() // the reader took the camera
		} else {
			g.apply(g.translate(in))
		}
	}
	g.intents = g.intents[:0]
	g.playTimeline()
	g.playStory()
	g.endFlash()
	g.view.Zoom, g.view.PanX, g.view.PanY = g.camera.Zoom, g.camera.X, g.camera.Y
	for work := 0; !g.layout.Settled() && work < layoutBudget; work += g.layout.Cost() {
		g.layout.Step()
		g.rebuild = true
	}
	if g.frameStep && g.layout.Settled() {
		// Fitted positions come from the last frame; build one first.
		g.builder.Build(g.layout.Positions(), g.view)
		g.frame()
	}
	if g.glide.Active() {
		g.camera = g.glide.Next()
	}
	g.stepFade()
	g.view.Zoom, g.view.PanX, g.view.PanY = g.camera.Zoom, g.camera.X, g.camera.Y
	g.drift()
	if !g.now.Paused {
		g.view.Tick++
	}
	// A frame depends only on the view and on what the intents, the layout
	// and the timeline changed; when none of them did (paused, nothing
	// touched) the last frame stands and Update costs next to nothing.
	if g.rebuild || g.view != g.builtView {
		g.builder.Build(g.layout.Positions(), g.view)
		g.markChanges()
		g.builtView, g.rebuild = g.view, false
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

// quiet reports that no tick would change anything: the picture on screen
// is the last one built, nothing waits, the layout has settled, and nothing
// moves with the ticks (paused, or no motion, no playing timeline and no
// loop flashing). Anything new that moves with ticks must keep it false:
// a story's autoplay, its camera glide and its fade (spotlight and
// timeline) count ticks, and the kiosk's drift moves the camera.
func (g *Game) quiet() bool {
	return g.readySent && !g.dirty && !g.rebuild && !g.captureWanted && !g.frameStep && len(g.intents) == 0 &&
		g.layout.Settled() && !g.auto.On && !g.glide.Active() && !g.fade.Active() && !g.drifting &&
		(g.now.Paused || !g.view.Motion && !g.now.Playing && g.flash == nil)
}

// wake makes the engine run the next frame's Update even when quiet: the
// page called into the program.
func wake() { ebiten.ScheduleFrame() }

// markChanges compares the frame just built with the one on screen, so
// that Draw can skip drawing when nothing moved (paused, reduced motion, a
// still story step): the engine keeps the last picture
// (SetScreenClearedEveryFrame(false) in main) and the page's main thread
// stays idle.
func (g *Game) markChanges() {
	m := &g.builder.Mesh
	if g.view.Width != g.shownW || g.view.Height != g.shownH ||
		!slices.Equal(m.Vertices, g.shownVerts) || !slices.Equal(g.builder.Labels, g.shownLabels) {
		g.dirty = true
		g.shownW, g.shownH = g.view.Width, g.view.Height
		g.shownVerts = append(g.shownVerts[:0], m.Vertices...)
		g.shownLabels = append(g.shownLabels[:0], g.builder.Labels...)
	}
}

// Send queues a command of the page API for the next Update, or says what
// is wrong with it.
func (g *Game) Send(command []byte) error {
	wake()
	in, err := session.ParseCommand(g.ds, command)
	if err != nil {
		return err
	}
	g.intents = append(g.intents, in)
	return nil
}

// apply changes the view by one intent and tells the page what changed.
func (g *Game) apply(in session.Intent) {
	g.rebuild = true
	before := g.now
	if !g.now.ApplyStory(g.ds, in) {
		g.now.Apply(in)
	}
	c := session.Diff(before, g.now)
	if c.Step {
		g.showStep()
	}
	if c.AsOf && !(c.Step && g.fade.Active()) {
		// A date set any other way than by a step easing to it cuts, and
		// ends a walk under way.
		g.endFade()
		g.showDate(g.now.AsOf)
	}
	if c.Filter {
		g.shown, g.dealShown = g.now.Filter.Visible(g.ds)
		g.builder.Filter(g.shown, g.dealShown)
	}
	if c.AsOf || c.Loop || c.Filter {
		g.showLoop()
	}
	if in.Kind == session.Reset {
		g.endFade() // a reset cuts, the spotlight and the date too
		g.glide.Stop()
		g.camera = session.Camera{Zoom: 1}
	}
	if c.Selection {
		g.builder.Select(g.now.Selection)
	}
	if g.emit == nil {
		return
	}
	if c.Filter || c.Loop || c.Playing || c.AsOf {
		g.emit("ui", map[string]any{})
	}
	if c.Selection {
		var id any
		if g.now.Selection >= 0 {
			id = g.ds.Entities[g.now.Selection].ID
		}
		g.emit("select", map[string]any{"id": id})
	}
	if c.AsOf {
		var date any
		if !g.now.AsOf.IsZero() {
			date = g.now.AsOf.String()
		}
		g.emit("asof", map[string]any{"date": date})
	}
	if c.Paused {
		g.emit("pause", map[string]any{"paused": g.now.Paused})
	}
	if c.Step {
		detail := map[string]any{"story": nil, "step": nil}
		if g.now.Story >= 0 {
			detail["story"], detail["step"] = g.ds.Stories[g.now.Story].ID, g.now.Step+1
		}
		g.emit("step", detail)
	}
}

// fit makes the title and the layout fit the canvas: the title wraps to its
// width, and the layout takes the shape of the space left, reshaping when
// the window's shape changes a lot.
func (g *Game) fit() {
	// The page's chrome (session.Chrome) is shared with the build-time
	// poster, which must fit the network the same way.
	titleW, bottom := session.Chrome(g.view.Width / g.view.DPR)
	g.view.BottomInset = bottom
	g.view.TopInset = g.text.wrap(titleW)
	want := session.LayoutAspect(session.View(g.view))
	switch {
	case g.layout == nil:
		g.graph.Aspect = want
		g.layout = layout.New(g.graph, 1)
	case session.Reshape(g.layout.Aspect(), want):
		g.layout.SetAspect(want)
	}
	g.view.Aspect = g.layout.Aspect()
}

// Draw hands the last built frame to the engine; it changes no state.
func (g *Game) Draw(screen *ebiten.Image) {
	if !g.dirty && !g.captureWanted && g.drawn {
		return // the picture on screen is the current one
	}
	g.dirty = false
	screen.Fill(toRGBA(scene.Background))
	m := &g.builder.Mesh
	if cap(g.verts) < len(m.Vertices) {
		g.verts = make([]ebiten.Vertex, len(m.Vertices), len(m.Vertices)*5/4)
	}
	g.verts = g.verts[:len(m.Vertices)]
	for i, v := range m.Vertices {
		g.verts[i] = ebiten.Vertex{DstX: v.DstX, DstY: v.DstY, SrcX: v.SrcX, SrcY: v.SrcY, ColorR: v.R, ColorG: v.G, ColorB: v.B, ColorA: v.A}
	}
	for _, b := range m.Batches {
		screen.DrawTriangles(g.verts[b.V0:b.V1], m.Indices[b.I0:b.I1], g.white, &g.triOpts)
	}
	g.figs.draw(screen, g.builder, &g.imgOpts)
	g.text.draw(screen, g.builder, &g.imgOpts)
	g.drawn = true
	if g.captureWanted && g.onCapture != nil {
		// The pixels exist only here, after drawing; reading them is the
		// one thing Draw does besides drawing, and it changes no view state.
		g.captureWanted = false
		b := screen.Bounds()
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
	w, h := outsideWidth*g.view.DPR, outsideHeight*g.view.DPR
	g.view.Width, g.view.Height = w, h
	return w, h
}

// Layout is required by ebiten.Game; LayoutF is what the engine calls.
func (g *Game) Layout(outsideWidth, outsideHeight int) (int, int) {
	w, h := g.LayoutF(float64(outsideWidth), float64(outsideHeight))
	return int(w), int(h)
}

// StateJSON returns the page state as JSON for window.ouroboros.state().
func (g *Game) StateJSON() string {
	settled := g.layout != nil && g.layout.Settled()
	s := view.Snapshot(g.ds, g.snap, g.opts, g.now, g.problems, g.builder, g.view, settled)
	// The explore panel, the scrubber's included, follows the date on
	// screen while a step walks the timeline; asOf is the step's at once.
	shown := g.now
	shown.AsOf = g.shownAsOf
	s.Explore = view.NewExplore(g.ds, g.an, g.snap, shown, g.flash)
	s.Caption = view.Caption(g.ds, g.now)
	s.Stories = view.Stories(g.ds)
	s.Hover = view.HoverCard(g.ds, g.net, g.hoverEntity, g.hoverEdge)
	s.Autoplay = g.auto.On
	s.View.Moving = g.frameStep || g.glide.Active() || g.fade.Active()
	s.View.FocusMix = float64(g.builder.SpotMix())
	if !g.shownAsOf.IsZero() {
		s.View.ShownAsOf = g.shownAsOf.String()
	}
	s.View.Drifting = g.drifting
	b, err := json.Marshal(s)
	if err != nil {
		// Every field is a plain value; failing here is a broken invariant.
		panic(err)
	}
	return string(b)
}
