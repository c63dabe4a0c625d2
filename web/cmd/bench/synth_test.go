package main

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"ouroboros/wasm/dataset"
)

func TestSyntheticDatasetIsValidAndSeeded(t *testing.T) {
	other := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { http.Error(w, "other", http.StatusTeapot) })
	h := withSynthetic(other)
	get := func(path string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		return rec
	}
	a, b := get("/data/bench/random-1000x3000.json"), get("/data/bench/random-1000x3000.json")
	if a.Code != 200 || a.Body.String() != b.Body.String() {
		t.Fatalf("status %d; the same request twice gave the same document: %v", a.Code, a.Body.String() == b.Body.String())
	}
	d, err := dataset.Load(a.Body.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Entities) != 1000 || len(d.Deals) != 3000 {
		t.Errorf("%d entities, %d deals, want 1000 and 3000", len(d.Entities), len(d.Deals))
	}
	for _, p := range []string{"/data/bench/random-1x3.json", "/data/bench/random-10x.json", "/data/bench/random-10x10"} {
		if c := get(p).Code; c != 404 {
			t.Errorf("%s: status %d, want 404", p, c)
		}
	}
	if c := get("/index.html").Code; c != http.StatusTeapot {
		t.Errorf("/index.html: status %d, want the next handler's", c)
	}
}
