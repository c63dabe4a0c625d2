package session_test

import (
	"strings"
	"testing"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/session"
)

func TestParseOptions(t *testing.T) {
	for _, tc := range []struct {
		name     string
		params   map[string]string
		reduced  bool
		want     session.Options
		problems []string // prefixes
	}{
		{"defaults", nil, false, session.Options{Select: -1, Story: -1}, nil},
		{"browser prefers reduced motion", nil, true, session.Options{Select: -1, Story: -1, Reduced: true}, nil},
		{"link overrides the browser", map[string]string{"motion": "full"}, true, session.Options{Select: -1, Story: -1}, nil},
		{"all known", map[string]string{"select": "a", "asOf": "2025-10", "mode": "kiosk", "motion": "reduced"}, false,
			session.Options{Select: 1, Story: -1, AsOf: dataset.Date{Year: 2025, Month: 10}, Mode: session.Kiosk, Reduced: true}, nil},
		{"embed", map[string]string{"mode": "embed"}, false, session.Options{Select: -1, Story: -1, Mode: session.Embed}, nil},
		{"unknown parameters ignored", map[string]string{"utm_source": "x", "data": "a.json"}, false, session.Options{Select: -1, Story: -1}, nil},
		{"bad values reported, rest kept", map[string]string{"select": "zzz", "asOf": "2025-02-30", "mode": "poster", "motion": "slow"}, false,
			session.Options{Select: -1, Story: -1}, []string{`select: "zzz"`, `asOf: "2025-02-30"`, `mode: "poster"`, `motion: "slow"`}},
		{"a story this dataset lacks", map[string]string{"story": "x", "step": "2"}, false, session.Options{Select: -1, Story: -1}, []string{`story: "x" is not a story`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, problems := session.ParseOptions(tiny(), tc.params, tc.reduced)
			if got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
			if len(problems) != len(tc.problems) {
				t.Fatalf("problems %q, want %d", problems, len(tc.problems))
			}
			for i, p := range tc.problems {
				if !strings.HasPrefix(problems[i], p) {
					t.Errorf("problem %d = %q, want it to start %q", i, problems[i], p)
				}
			}
		})
	}
}

func tiny() *dataset.Dataset {
	doc := `{"format":"ouroboros/1","title":"T","asOf":"2026-01","kinds":{"k":{"label":"K","color":"#112233"}},
	"entities":[{"id":"b","name":"B","kind":"k"},{"id":"a","name":"A","kind":"k"}],
	"deals":[{"id":"d1","from":"b","to":"a","type":"equity","amount":{"value":5},"date":"2025","status":"completed","summary":"s","sources":["s"]},
	         {"id":"d2","from":"a","to":"b","type":"compute","date":"2025-06","status":"announced","summary":"s","sources":["s"]},
	         {"id":"d3","from":"a","to":"b","type":"chips","amount":{"value":7},"date":"2025-07","status":"reported","summary":"s","sources":["s"]}],
	"sources":{"s":{"publisher":"P","url":"https://example.com/"}}}`
	d, err := dataset.Load([]byte(doc))
	if err != nil {
		panic(err)
	}
	return d
}
