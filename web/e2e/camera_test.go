//go:build browser

package e2e_test

import (
	"context"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

func mouse(t *testing.T, ctx context.Context, typ input.DispatchMouseEventType, x, y float64, opts ...chromedp.MouseOption) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.MouseEvent(typ, x, y, opts...)); err != nil {
		t.Fatal(err)
	}
}

func TestWheelZoomsAboutThePointer(t *testing.T) {
	ctx := openPage(t, 900, 640, "/?data=data/examples/twoloops.json")
	s := ready(t, ctx)
	x, y, _ := entityOnScreen(t, s, "acme-chips")
	mouse(t, ctx, input.DispatchMouseEventTypeMouseWheel, x, y, func(p *input.DispatchMouseEventParams) { p.DeltaX, p.DeltaY = 0.01, -300 })
	s = waitState(t, ctx, "a zoom", func(s pageState) bool { return s.View.Zoom > 1.3 })
	// The entity under the pointer stays under it.
	if nx, ny, _ := entityOnScreen(t, s, "acme-chips"); math.Hypot(nx-x, ny-y) > 3 {
		t.Errorf("acme-chips moved from (%.0f, %.0f) to (%.0f, %.0f) while zooming about it", x, y, nx, ny)
	}
	// The page itself did not scroll or zoom.
	if sy, _ := chromedp.Run(ctx, chromedp.Evaluate[float64](`window.scrollY + (window.visualViewport ? visualViewport.scale - 1 : 0)`)); sy != 0 {
		t.Errorf("the page scrolled or zoomed by %v", sy)
	}
}

func TestDragPansAndTheNetworkIsNeverLost(t *testing.T) {
	ctx := openPage(t, 900, 640, "/?data=data/examples/twoloops.json")
	s := ready(t, ctx)
	x0, y0, _ := entityOnScreen(t, s, "acme-chips")
	// Press on empty space, drag 120 px right, release: a pan, not a select.
	sx, sy := 20.0, aboveTimeline(t, ctx, s)
	mouse(t, ctx, input.DispatchMouseEventTypeMousePressed, sx, sy, chromedp.ButtonLeft, chromedp.ClickCount(1))
	for i := 1; i <= 6; i++ {
		mouse(t, ctx, input.DispatchMouseEventTypeMouseMoved, sx+float64(i)*20, sy, chromedp.ButtonLeft)
	}
	mouse(t, ctx, input.DispatchMouseEventTypeMouseReleased, sx+120, sy, chromedp.ButtonLeft, chromedp.ClickCount(1))
	s = waitState(t, ctx, "a pan", func(s pageState) bool { return math.Abs(s.View.PanX-120) < 1 })
	if x1, y1, _ := entityOnScreen(t, s, "acme-chips"); math.Abs(x1-x0-120) > 1 || math.Abs(y1-y0) > 1 {
		t.Errorf("acme-chips moved from (%.0f, %.0f) to (%.0f, %.0f), want 120 px right", x0, y0, x1, y1)
	}
	if s.Selection != nil {
		t.Errorf("a drag selected %s", *s.Selection)
	}
	// Drag far away: the network stays on screen.
	mouse(t, ctx, input.DispatchMouseEventTypeMousePressed, 400, 300, chromedp.ButtonLeft, chromedp.ClickCount(1))
	for i := 1; i <= 10; i++ {
		mouse(t, ctx, input.DispatchMouseEventTypeMouseMoved, 400+float64(i)*400, 300-float64(i)*300, chromedp.ButtonLeft)
	}
	mouse(t, ctx, input.DispatchMouseEventTypeMouseReleased, 4400, -2700, chromedp.ButtonLeft, chromedp.ClickCount(1))
	s = waitCameraRest(t, ctx)
	onScreen := 0
	for _, e := range s.View.Entities {
		if e.X >= 0 && e.X <= s.View.Width && e.Y >= 0 && e.Y <= s.View.Height {
			onScreen++
		}
	}
	if onScreen == 0 {
		t.Errorf("after dragging far away no entity is on screen (pan %v, %v)", s.View.PanX, s.View.PanY)
	}
	// The fit control brings the whole network back.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("fit"))); err != nil {
		t.Fatal(err)
	}
	waitState(t, ctx, "fit", func(s pageState) bool { return s.View.Zoom == 1 && s.View.PanX == 0 && s.View.PanY == 0 })
}

func TestKeysZoomAboutTheSelection(t *testing.T) {
	ctx := openPage(t, 900, 640, "/?data=data/examples/twoloops.json#select=vega-ai")
	s := ready(t, ctx)
	x, y, _ := entityOnScreen(t, s, "vega-ai")
	for i := 0; i < 4; i++ {
		if err := chromedp.Do(ctx, chromedp.KeyEvent("+")); err != nil {
			t.Fatal(err)
		}
	}
	s = waitState(t, ctx, "four zooms in", func(s pageState) bool { return s.View.Zoom > 2.4 })
	if nx, ny, _ := entityOnScreen(t, s, "vega-ai"); nx < 0 || nx > s.View.Width || ny < 0 || ny > s.View.Height || math.Hypot(nx-x, ny-y) > 3 {
		t.Errorf("the selection moved from (%.0f, %.0f) to (%.0f, %.0f) while zooming", x, y, nx, ny)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent("-")); err != nil {
		t.Fatal(err)
	}
	waitState(t, ctx, "a zoom out", func(s pageState) bool { return s.View.Zoom < 2.4 })
	if err := chromedp.Do(ctx, chromedp.KeyEvent("0")); err != nil {
		t.Fatal(err)
	}
	waitState(t, ctx, "fit", func(s pageState) bool { return s.View.Zoom == 1 })
}

func TestDoubleClickZoomsToAnEntity(t *testing.T) {
	ctx := openPage(t, 900, 640, "/?data=data/examples/twoloops.json")
	s := ready(t, ctx)
	x, y, _ := entityOnScreen(t, s, "cirrus-dc")
	// The clicks carry their own times, 110 ms apart, so that a loaded
	// machine's slow dispatch cannot stretch them past a double click.
	at := float64(time.Now().UnixMicro()) / 1e6
	stamp := func(sec float64) chromedp.MouseOption {
		return func(p *input.DispatchMouseEventParams) { p.Timestamp = input.TimeSinceEpoch(at + sec) }
	}
	for i := 1; i <= 2; i++ {
		down := 0.11 * float64(i-1)
		mouse(t, ctx, input.DispatchMouseEventTypeMousePressed, x, y, chromedp.ButtonLeft, chromedp.ClickCount(i), stamp(down))
		mouse(t, ctx, input.DispatchMouseEventTypeMouseReleased, x, y, chromedp.ButtonLeft, chromedp.ClickCount(i), stamp(down+0.03))
	}
	s = waitState(t, ctx, "zoom to cirrus-dc", func(s pageState) bool { return s.View.Zoom >= 2.5 })
	if s.Selection == nil || *s.Selection != "cirrus-dc" {
		t.Errorf("selection %v, want cirrus-dc", s.Selection)
	}
	if nx, ny, _ := entityOnScreen(t, s, "cirrus-dc"); math.Abs(nx-s.View.Width/2) > s.View.Width/3 || ny < 0 || ny > s.View.Height {
		t.Errorf("cirrus-dc at (%.0f, %.0f), want it near the middle of the screen", nx, ny)
	}
}

func f(v float64) *float64 { return &v }

func TestPinchZooms(t *testing.T) {
	ctx := openPage(t, 390, 844, "/?data=data/examples/twoloops.json")
	ready(t, ctx)
	touchAt := func(typ input.DispatchTouchEventType, at input.TimeSinceEpoch, pts ...*input.TouchPoint) {
		t.Helper()
		if pts == nil {
			pts = []*input.TouchPoint{}
		}
		if _, err := chromedp.Call(ctx, input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: typ, TouchPoints: pts, Timestamp: at}); err != nil {
			t.Fatal(err)
		}
	}
	touch := func(typ input.DispatchTouchEventType, pts ...*input.TouchPoint) { t.Helper(); touchAt(typ, 0, pts...) }
	touch(input.DispatchTouchEventTypeTouchStart, &input.TouchPoint{X: 150, Y: 400, ID: f(1)}, &input.TouchPoint{X: 240, Y: 400, ID: f(2)})
	for i := 1; i <= 5; i++ {
		d := float64(i) * 12
		touch(input.DispatchTouchEventTypeTouchMove, &input.TouchPoint{X: 150 - d, Y: 400, ID: f(1)}, &input.TouchPoint{X: 240 + d, Y: 400, ID: f(2)})
	}
	touch(input.DispatchTouchEventTypeTouchEnd)
	s := waitState(t, ctx, "a pinch zoom", func(s pageState) bool { return s.View.Zoom > 1.5 })
	if s.Selection != nil {
		t.Errorf("a pinch selected %s", *s.Selection)
	}
}

func TestHoverCards(t *testing.T) {
	ctx := openPage(t, 900, 640, "/?data=data/examples/twoloops.json")
	s := ready(t, ctx)
	x, y, _ := entityOnScreen(t, s, "orbit-ai")
	mouse(t, ctx, input.DispatchMouseEventTypeMouseMoved, x, y)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!document.getElementById('hover').hidden && document.getElementById('hover').textContent.includes('Orbit AI')`, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("no hover card for Orbit AI: %v", err)
	}
	// An edge: halfway along orbit-ai → nimbus-cloud, on its right-hand bend.
	nx, ny, _ := entityOnScreen(t, s, "nimbus-cloud")
	mx, my := (x+nx)/2-(ny-y)*0.09, (y+ny)/2+(nx-x)*0.09
	mouse(t, ctx, input.DispatchMouseEventTypeMouseMoved, mx, my)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById('hover').textContent.includes('Orbit AI → Nimbus Cloud')`, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('hover').textContent`))
		t.Fatalf("no hover card for the Orbit AI → Nimbus Cloud edge (card: %q): %v", got, err)
	}
	text, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('hover').textContent`))
	for _, want := range []string{"compute", "definitive", "up to $6B"} {
		if !strings.Contains(text, want) {
			t.Errorf("edge card %q lacks %q", text, want)
		}
	}
	mouse(t, ctx, input.DispatchMouseEventTypeMouseMoved, 3, aboveTimeline(t, ctx, s))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById('hover').hidden`, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Errorf("the hover card stays over empty space: %v", err)
	}
}

func TestTouchDragPansAndDoubleTapZooms(t *testing.T) {
	ctx := openPage(t, 390, 844, "/?data=data/examples/twoloops.json")
	s := ready(t, ctx)
	touchAt := func(typ input.DispatchTouchEventType, at input.TimeSinceEpoch, pts ...*input.TouchPoint) {
		t.Helper()
		if pts == nil {
			pts = []*input.TouchPoint{}
		}
		if _, err := chromedp.Call(ctx, input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: typ, TouchPoints: pts, Timestamp: at}); err != nil {
			t.Fatal(err)
		}
	}
	touch := func(typ input.DispatchTouchEventType, pts ...*input.TouchPoint) { t.Helper(); touchAt(typ, 0, pts...) }
	// One finger from empty space, 100 px down: a pan.
	touch(input.DispatchTouchEventTypeTouchStart, &input.TouchPoint{X: 10, Y: 200, ID: f(1)})
	for i := 1; i <= 5; i++ {
		touch(input.DispatchTouchEventTypeTouchMove, &input.TouchPoint{X: 10, Y: 200 + float64(i)*20, ID: f(1)})
	}
	touch(input.DispatchTouchEventTypeTouchEnd)
	waitState(t, ctx, "a touch pan", func(s pageState) bool { return math.Abs(s.View.PanY-100) < 1 })
	// Double tap on an entity: selected and zoomed to.
	// The taps carry their own times, a finger's pace apart (a tap of 30
	// ms, 80 ms between taps), so that a loaded machine's slow dispatch
	// cannot stretch the gap past the double tap's 400 ms.
	x, y, _ := entityOnScreen(t, state(t, ctx), "acme-chips")
	at := float64(time.Now().UnixMicro()) / 1e6
	for i := 0; i < 2; i++ {
		down := input.TimeSinceEpoch(at + 0.11*float64(i))
		touchAt(input.DispatchTouchEventTypeTouchStart, down, &input.TouchPoint{X: x, Y: y, ID: f(float64(2 + i))})
		touchAt(input.DispatchTouchEventTypeTouchEnd, down+0.03)
	}
	s = waitState(t, ctx, "a double tap zoom", func(s pageState) bool { return s.View.Zoom >= 2.5 })
	if s.Selection == nil || *s.Selection != "acme-chips" {
		t.Errorf("selection %v, want acme-chips", s.Selection)
	}
}
