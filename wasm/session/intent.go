package session

import "ouroboros/wasm/dataset"

// IntentKind says what the reader or the host page asks for.
type IntentKind int

// The intents. Commands of the page API, clicks, taps and keys all reduce
// to these before any rule sees them.
const (
	Select  IntentKind = iota // Entity, or -1 to clear
	SetAsOf                   // AsOf, or the zero Date to clear
	Play
	Pause
	TogglePlay
	Reset
	// Pointer intents, at (X, Y) in device pixels. The adapter resolves
	// what is under the pointer (the scene's frame knows) and passes it in
	// Entity and Edge (-1 for nothing), so the session never hit-tests.
	Tap       // select Entity, or clear
	DoubleTap // zoom to Entity, or about (X, Y) when there is none
	HoverAt   // show a card for Entity or Edge
	// Camera intents.
	ZoomAt // by factor F about (X, Y)
	PanBy  // by (X, Y)
	FitAll // back to the whole network
	ZoomIn
	ZoomOut
	// Filters, loops and the timeline.
	ToggleKind   // Entity holds the kind's index
	ToggleType   // Entity holds the dataset.DealType
	ToggleStatus // Entity holds the dataset.Status
	BindingOnly  // toggles showing only definitive and completed deals
	ShowAll      // clears every filter
	PickLoop     // Key names the loop (LoopKey), "" clears
	StepTime     // Entity holds +1 or -1 dates
	PlayTimeline
	PauseTimeline
	ToggleTimeline
	// Keyboard focus, in the canvas (CanvasKeyIntent).
	WalkEntity  // Entity +1 or -1: the focus to the next or previous entity of TabOrder, round
	WalkLoop    // Entity +1 or -1: pick the next or previous loop at the date on screen, round
	LeaveCanvas // the keyboard leaves the canvas: the focus, the picked loop and the selection clear
	Activate    // select the focused entity
	BlurCanvas  // the page's focus left the canvas: the keyboard's ring goes; the selection and the picked loop stay
	FollowOut   // select the next entity the selection pays
	FollowIn    // select the next entity that pays the selection
	// Stories.
	GoToStep // Story and Step (0-based); Story -1 leaves the story
	NextStep
	PrevStep
	// Drift turns the attract loop's camera wander on (Entity 1) or off (0).
	Drift
	SetAutoplay // Entity 1 starts, 0 stops, -1 toggles; Ticks per step (0: the default)
	// Activity says someone is at the screen (a touch, a key, the mouse
	// anywhere on the page): the kiosk hands over to the visitor, or keeps
	// from starting over.
	Activity
)

// Intent is one request to change the session.
type Intent struct {
	Kind   IntentKind
	Entity int          // for Select and pointer intents: entity index, -1 for none
	Edge   int          // for HoverAt: the scene network's edge index, -1 for none
	AsOf   dataset.Date // for SetAsOf: zero clears
	X, Y   float64      // for pointer and camera intents, device pixels
	F      float64      // for ZoomAt: the factor
	Key    string       // for PickLoop
	Story  int          // for GoToStep: story index, -1 leaves
	Step   int          // for GoToStep: step index from 0
	Ticks  int          // for Autoplay: ticks per step, 0 for the default
}

// Resolved returns a pointer intent with what is under the pointer:
// entity and edge indexes, -1 for none.
func (in Intent) Resolved(entity, edge int) Intent {
	in.Entity, in.Edge = entity, edge
	return in
}

// Pointer reports whether an intent comes from the pointer and wants what
// is under it.
func (k IntentKind) Pointer() bool { return k == Tap || k == DoubleTap || k == HoverAt }
