package session

// The keyboard. The page passes each key by its KeyboardEvent.key name and
// says whether the canvas has the page's focus. The canvas is one Tab stop
// (issue 18): inside it the arrows move between the entities (→ ←) and the
// loops (↓ ↑), Enter selects and Esc leaves; the page's Tab moves on.
// Enter selects the focused entity only in the canvas.
// Anywhere else the arrows keep their older meanings, the timeline (← →)
// and following the money (↓ ↑), which readers and tests rely on.

// KeyIntent maps a key pressed outside the canvas to its intent.
func KeyIntent(key string) (Intent, bool) {
	switch key {
	case "Escape", "Esc":
		return Intent{Kind: Select, Entity: -1}, true
	case "+", "=":
		return Intent{Kind: ZoomIn}, true
	case "-", "_":
		return Intent{Kind: ZoomOut}, true
	case "0", "Home":
		return Intent{Kind: FitAll}, true
	case " ", "Spacebar":
		return Intent{Kind: ToggleTimeline}, true
	case "ArrowLeft":
		return Intent{Kind: StepTime, Entity: -1}, true
	case "ArrowRight":
		return Intent{Kind: StepTime, Entity: 1}, true
	case "ArrowDown":
		return Intent{Kind: FollowOut}, true
	case "ArrowUp":
		return Intent{Kind: FollowIn}, true
	case Blur:
		return Intent{Kind: BlurCanvas}, true
	}
	return Intent{}, false
}

// Blur is what the page passes as the key when the canvas loses the
// page's focus (Tab on, a click elsewhere). It is no KeyboardEvent.key
// name, so no key press can pass for it. Without it the keyboard's ring
// stayed drawn on an entity the keyboard had left.
const Blur = "Blur"

// CanvasKeyIntent maps a key pressed while the canvas has the focus: the
// arrows walk the entities and the loops, Esc leaves the canvas, and the
// other keys mean what they mean anywhere.
func CanvasKeyIntent(key string) (Intent, bool) {
	switch key {
	case "ArrowRight":
		return Intent{Kind: WalkEntity, Entity: 1}, true
	case "ArrowLeft":
		return Intent{Kind: WalkEntity, Entity: -1}, true
	case "ArrowDown":
		return Intent{Kind: WalkLoop, Entity: 1}, true
	case "ArrowUp":
		return Intent{Kind: WalkLoop, Entity: -1}, true
	case "Escape", "Esc":
		return Intent{Kind: LeaveCanvas}, true
	case "Enter":
		// Only here: outside the canvas, Enter is the page's (a link, a
		// chip), and selecting the entity the keyboard had left surprised.
		return Intent{Kind: Activate}, true
	}
	return KeyIntent(key)
}

// walkLoop picks the next (by +1) or previous (-1) loop at the date on
// screen, in the text twin's order, and tells the page that the keyboard
// is on it, so that the loop is said even when it was already picked.
func (s *Session) walkLoop(by int) Intent {
	key := WalkLoops(s.ds, s.snap.Loops, s.now.Loop, by)
	if key != "" {
		s.emit("focus", map[string]any{"id": nil, "loop": key})
	}
	return Intent{Kind: PickLoop, Key: key}
}

// setFocus puts the keyboard's focus on entity i (-1 for none), tells the
// page and brings the entity into sight.
func (s *Session) setFocus(i int) {
	if i == s.now.Focus {
		return
	}
	s.now.Focus = i
	s.version++
	s.tellFocus()
	s.revealFocus()
}

// tellFocus tells the page which entity the keyboard is on: a "focus"
// event with its id (null for none), which the page's live region says.
func (s *Session) tellFocus() {
	var id any
	if s.now.Focus >= 0 {
		id = s.ds.Entities[s.now.Focus].ID
	}
	s.emit("focus", map[string]any{"id": id, "loop": nil})
}

// revealFocus pans the focused entity into the clear space when it is off
// the canvas or under one of the page's boxes, as a selection is (Reveal),
// and otherwise leaves the camera be: walking the entities of a whole
// network on screen must not shake it.
func (s *Session) revealFocus() {
	p, ok := s.fittedAt(s.now.Focus)
	if !ok || !s.settled {
		return
	}
	g := s.geometry()
	to := s.camera
	if s.glide.Active() {
		to = s.glide.To()
	}
	if x, y := to.Apply(p[0], p[1]); !g.hides(x, y) {
		return
	}
	if to.Reveal(p[0], p[1], g) {
		s.glideTo(to)
	}
}
