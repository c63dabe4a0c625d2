package session_test

import (
	"ouroboros/wasm/dataset/datasettest"
	"strings"
	"testing"

	"ouroboros/wasm/dataset"
	"ouroboros/wasm/session"
)

func TestParseOptions(t *testing.T) {
	for _, tc := range []struct {
		name     string
		params   map[string]string
		sys      session.Prefers
		want     session.Options
		problems []string // prefixes
	}{
		{"defaults", nil, session.Prefers{}, session.Options{Select: -1, Story: -1}, nil},
		{"browser prefers reduced motion", nil, session.Prefers{ReducedMotion: true}, session.Options{Select: -1, Story: -1, Reduced: true}, nil},
		{"link overrides the browser", map[string]string{"motion": "full"}, session.Prefers{ReducedMotion: true}, session.Options{Select: -1, Story: -1}, nil},
		{"all known", map[string]string{"select": "a", "asOf": "2025-10", "mode": "kiosk", "motion": "reduced"}, session.Prefers{},
			session.Options{Select: 1, Story: -1, AsOf: dataset.Date{Year: 2025, Month: 10}, Mode: session.Kiosk, Reduced: true}, nil},
		{"embed", map[string]string{"mode": "embed"}, session.Prefers{}, session.Options{Select: -1, Story: -1, Mode: session.Embed}, nil},
		{"unknown parameters ignored", map[string]string{"utm_source": "x", "data": "a.json"}, session.Prefers{}, session.Options{Select: -1, Story: -1}, nil},
		{"bad values reported, rest kept", map[string]string{"select": "zzz", "asOf": "2025-02-30", "mode": "poster", "motion": "slow"}, session.Prefers{},
			session.Options{Select: -1, Story: -1}, []string{`select: "zzz"`, `asOf: "2025-02-30"`, `mode: "poster"`, `motion: "slow"`}},
		{"browser prefers light", nil, session.Prefers{Light: true}, session.Options{Select: -1, Story: -1, Theme: session.Light}, nil},
		{"link asks for light", map[string]string{"theme": "light"}, session.Prefers{}, session.Options{Select: -1, Story: -1, Theme: session.Light}, nil},
		{"link asks for dark over the browser", map[string]string{"theme": "dark"}, session.Prefers{Light: true}, session.Options{Select: -1, Story: -1}, nil},
		{"a kiosk is dark whatever the browser prefers", map[string]string{"mode": "kiosk"}, session.Prefers{Light: true}, session.Options{Select: -1, Story: -1, Mode: session.Kiosk}, nil},
		{"a kiosk's link may ask for light", map[string]string{"mode": "kiosk", "theme": "light"}, session.Prefers{}, session.Options{Select: -1, Story: -1, Mode: session.Kiosk, Theme: session.Light}, nil},
		{"a bad theme keeps the browser's", map[string]string{"theme": "sepia"}, session.Prefers{Light: true}, session.Options{Select: -1, Story: -1, Theme: session.Light},
			[]string{`theme: "sepia" is not a theme (light or dark); showing the light theme`}},
		{"a story this dataset lacks", map[string]string{"story": "x", "step": "2"}, session.Prefers{}, session.Options{Select: -1, Story: -1}, []string{`story: "x" is not a story`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, problems := session.ParseOptions(datasettest.TwoWay(), tc.params, tc.sys)
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
