//go:build js && wasm

// Command editor is the editor page's program (web/editor.html): it puts
// ouroborosEditor.check on the page, which reads the dropped files with
// package editor, and waits. It has no engine: only the pure packages and
// syscall/js, so that it stays small.
package main

import (
	"encoding/json"
	"syscall/js"

	"ouroboros/wasm/editor"
)

func main() {
	obj := js.Global().Get("ouroborosEditor")
	if obj.Type() != js.TypeObject {
		js.Global().Get("console").Call("error", "editor: the page set no ouroborosEditor")
		return
	}
	obj.Set("check", js.FuncOf(check))
	obj.Call("ready")
	select {}
}

// check takes an array of {name, bytes: Uint8Array} and returns
// {result: the Result as JSON, document: a Uint8Array or null}.
func check(_ js.Value, args []js.Value) any {
	var files []editor.File
	if len(args) == 1 && args[0].Type() == js.TypeObject {
		list := args[0]
		for i := 0; i < list.Length(); i++ {
			f := list.Index(i)
			b := f.Get("bytes")
			if f.Get("name").Type() != js.TypeString || !b.InstanceOf(js.Global().Get("Uint8Array")) {
				continue
			}
			data := make([]byte, b.Length())
			js.CopyBytesToGo(data, b)
			files = append(files, editor.File{Name: f.Get("name").String(), Data: data})
		}
	}
	r := editor.Check(files)
	text, err := json.Marshal(r)
	if err != nil {
		// Result holds only strings, numbers and slices of them.
		panic(err)
	}
	doc := js.Null()
	if r.Document != nil {
		doc = js.Global().Get("Uint8Array").New(len(r.Document))
		js.CopyBytesToJS(doc, r.Document)
	}
	return map[string]any{"result": string(text), "document": doc}
}
