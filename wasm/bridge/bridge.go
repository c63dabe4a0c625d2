//go:build js

// Package bridge is the only place the program talks to the page's script:
// it reads what the loader (web/app.js) handed over in
// globalThis.ouroborosBoot and reports back through the same object.
package bridge

import (
	"errors"
	"runtime"
	"syscall/js"
)

// Boot is what the page's loader hands the program.
type Boot struct {
	// Dataset is the dataset document's bytes, as fetched.
	Dataset []byte
	// DataPath is where it came from, for messages.
	DataPath string
	// Params are the link's query and hash parameters.
	Params map[string]string
	// ReducedMotion is the browser's prefers-reduced-motion.
	ReducedMotion bool
	// LightScheme is the browser's prefers-color-scheme: light.
	LightScheme bool
	// Layouts are the layouts the build settled for the page's poster, as
	// JSON (wasm/layout.Settled); "" for none.
	Layouts string
	obj     js.Value
}

// ErrNoBoot means the page did not hand over a boot object.
var ErrNoBoot = errors.New("the page did not provide globalThis.ouroborosBoot")

// Read takes the boot object from the page.
func Read() (*Boot, error) {
	obj := js.Global().Get("ouroborosBoot")
	if obj.Type() != js.TypeObject {
		return nil, ErrNoBoot
	}
	b := &Boot{obj: obj, Params: map[string]string{}}
	if v := obj.Get("dataset"); v.Type() == js.TypeObject && v.InstanceOf(js.Global().Get("Uint8Array")) {
		b.Dataset = make([]byte, v.Length())
		js.CopyBytesToGo(b.Dataset, v)
		// The page keeps no second copy of a large document.
		obj.Set("dataset", js.Null())
	}
	if v := obj.Get("dataPath"); v.Type() == js.TypeString {
		b.DataPath = v.String()
	}
	b.ReducedMotion = obj.Get("reducedMotion").Truthy()
	b.LightScheme = obj.Get("lightScheme").Truthy()
	if v := obj.Get("layouts"); v.Type() == js.TypeString {
		b.Layouts = v.String()
	}
	if p := obj.Get("params"); p.Type() == js.TypeObject {
		keys := js.Global().Get("Object").Call("keys", p)
		for i := 0; i < keys.Length(); i++ {
			k := keys.Index(i).String()
			if v := p.Get(k); v.Type() == js.TypeString {
				b.Params[k] = v.String()
			}
		}
	}
	return b, nil
}

// Refuse tells the page that the program cannot start, with a headline
// and the located problems.
func (b *Boot) Refuse(headline string, problems []string) {
	list := make([]any, len(problems))
	for i, p := range problems {
		list[i] = p
	}
	b.obj.Call("fail", map[string]any{"kind": "refused", "message": headline, "problems": list})
}

// Serve lets the page ask for the state as JSON and send commands (JSON);
// send's error becomes the message of the Error that ouroboros.send throws.
func (b *Boot) Serve(state func() string, send func([]byte) error) {
	b.obj.Set("state", js.FuncOf(func(js.Value, []js.Value) any { return state() }))
	b.obj.Set("send", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) != 1 || args[0].Type() != js.TypeString {
			return "a command must be given as JSON"
		}
		if err := send([]byte(args[0].String())); err != nil {
			return err.Error()
		}
		return ""
	}))
}

// Input lets the page hand over pointer events (kind, id, x and y in CSS
// pixels, time in ms, touch), wheel turns (dy, x, y in CSS pixels) and key
// presses (KeyboardEvent.key, and whether the canvas has the focus).
func (b *Boot) Input(pointer func(kind string, id int, x, y, t float64, touch bool), wheel func(dy, x, y float64), key func(name string, canvas bool) bool) {
	b.obj.Set("pointer", js.FuncOf(func(_ js.Value, a []js.Value) any {
		if len(a) == 6 && a[0].Type() == js.TypeString && numbers(a[1:5]) {
			pointer(a[0].String(), a[1].Int(), a[2].Float(), a[3].Float(), a[4].Float(), a[5].Truthy())
		}
		return nil
	}))
	b.obj.Set("wheel", js.FuncOf(func(_ js.Value, a []js.Value) any {
		if len(a) == 3 && numbers(a) {
			wheel(a[0].Float(), a[1].Float(), a[2].Float())
		}
		return nil
	}))
	b.obj.Set("key", js.FuncOf(func(_ js.Value, a []js.Value) any {
		// ouroborosBoot.key(name, canvas): canvas is true while the canvas
		// has the page's focus.
		return len(a) >= 1 && a[0].Type() == js.TypeString && key(a[0].String(), len(a) > 1 && a[1].Truthy())
	}))
}

// Cover lets the page tell which boxes of the canvas its chrome covers
// (ouroborosBoot.cover(x, y, width, height, passing, …), in CSS pixels of
// the canvas, passing 1 for a box that comes and goes, such as a card,
// and 0 for one that stays), so that the program sets no text under the
// ones that stay and frames what it shows clear of all of them.
func (b *Boot) Cover(cover func(stay, passing [][4]float64)) {
	b.obj.Set("cover", js.FuncOf(func(_ js.Value, a []js.Value) any {
		if len(a)%5 != 0 || !numbers(a) {
			return nil
		}
		var stay, passing [][4]float64
		for i := 0; i < len(a); i += 5 {
			box := [4]float64{a[i].Float(), a[i+1].Float(), a[i+2].Float(), a[i+3].Float()}
			if a[i+4].Float() != 0 {
				passing = append(passing, box)
			} else {
				stay = append(stay, box)
			}
		}
		cover(stay, passing)
		return nil
	}))
}

// Capture lets the page ask for the picture's pixels ("Save picture").
func (b *Boot) Capture(request func()) {
	b.obj.Set("capture", js.FuncOf(func(js.Value, []js.Value) any {
		request()
		return nil
	}))
}

// Captured hands the page the picture's RGBA pixels.
func (b *Boot) Captured(width, height int, pixels []byte) {
	arr := js.Global().Get("Uint8Array").New(len(pixels))
	js.CopyBytesToJS(arr, pixels)
	b.obj.Call("captured", width, height, arr)
}

func numbers(vs []js.Value) bool {
	for _, v := range vs {
		if v.Type() != js.TypeNumber {
			return false
		}
	}
	return true
}

// Emit tells the page about a change: an event of the page API.
func (b *Boot) Emit(event string, detail map[string]any) {
	b.obj.Call("emit", event, detail)
}

// Ready tells the page that the first frame is drawn; problems are link
// parameters that were ignored and notices what the dataset gave that the
// program ignored (its unknown ui words), for the page to show. Called as
// the frame is drawn, it tells the page in a microtask (queueMicrotask):
// once the engine's frame callback has handed the frame to the GPU and
// before the next frame, so that the page wires up while the GPU process
// draws it (a timer would wait for the next frame). then runs once the
// page has wired up.
func (b *Boot) Ready(problems, notices []string, then func()) {
	var tell js.Func
	tell = js.FuncOf(func(js.Value, []js.Value) any {
		tell.Release()
		b.obj.Call("ready", anys(problems), anys(notices))
		then()
		return nil
	})
	js.Global().Call("queueMicrotask", tell)
}

// anys is a list of strings as JavaScript takes it.
func anys(s []string) []any {
	list := make([]any, len(s))
	for i, p := range s {
		list[i] = p
	}
	return list
}

// Heap lets the page ask for the Go heap's live bytes after a collection
// (ouroborosBoot.goHeap()), which the soak run (./build.sh soak) samples to
// see that the program does not grow over hours.
func (b *Boot) Heap() {
	b.obj.Set("goHeap", js.FuncOf(func(js.Value, []js.Value) any {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return float64(m.HeapAlloc)
	}))
}

// Expose lets the page call name() on the boot object for a string, such as
// the text twin's JSON.
func (b *Boot) Expose(name string, f func() string) {
	b.obj.Set(name, js.FuncOf(func(js.Value, []js.Value) any { return f() }))
}
