//go:build browser

package e2e_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// A dataset with a German ui table (data/examples/tiny-de.json) shows its
// words: German buttons in the static HTML and in what the scripts
// write, German announcements in the live region, German numbers; a key
// that is not a word of the chrome is a notice, not a refusal.
func TestGermanWords(t *testing.T) {
	doc, err := os.ReadFile("../../data/examples/tiny-de.json")
	if err != nil {
		t.Fatal(err)
	}
	var d map[string]any
	if err := json.Unmarshal(doc, &d); err != nil {
		t.Fatal(err)
	}
	d["ui"].(map[string]any)["legende"] = "Legende"
	withTypo, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	ctx := openPage(t, 1000, 700, "")
	answer(t, ctx, "*/data/examples/tiny-de.json", fulfil(200, map[string]string{"Content-Type": "application/json"}, withTypo))
	navigate(t, ctx, "/?data=data/examples/tiny-de.json")
	ready(t, ctx)

	for _, c := range []struct{ js, want string }{
		{`document.documentElement.lang`, "de"},
		{`document.getElementById('stories').textContent`, "Geschichten"},
		{`document.getElementById('step-next').textContent`, "Weiter →"},
		{`document.getElementById('step-prev').textContent`, "← Zurück"},
		{`document.getElementById('zoom-in').getAttribute('aria-label')`, "Vergrößern"},
		{`document.querySelector('#panel h2').textContent`, "Geschichten"},
		{`document.getElementById('copy-link').textContent`, "Link kopieren"},
		// English where the table gives no German: the defaults.
		{`document.getElementById('fit').getAttribute('aria-label')`, "Show the whole network"},
	} {
		if got := eval[string](t, ctx, c.js); got != c.want {
			t.Errorf("%s: got %q, want %q", c.js, got, c.want)
		}
	}
	if got := eval[string](t, ctx, `document.getElementById('notices').textContent`); !strings.Contains(got, "ui.legende: not a word of the chrome") {
		t.Errorf("notices say %q, want the unknown ui key named", got)
	}
	if got := eval[string](t, ctx, `document.getElementById('twin-body').textContent`); !strings.Contains(got, "4 Geschäfte") || !strings.Contains(got, "Nichts ausgewählt.") {
		t.Errorf("the text view says %q, want its counts and its selection in German", got)
	}
	// The program's sentences and dates, written in Go from the same table.
	if got := eval[string](t, ctx, `document.getElementById('headline').textContent`); got != "Geld geht im Kreis: 2 Kreisgeschäfte; das größte schickt mindestens $500 Mio. über Acme AI → Acme Chips → Acme AI." {
		t.Errorf("the headline says %q, want the dataset's German sentence", got)
	}
	if got := eval[string](t, ctx, `document.getElementById('twin-body').textContent`); !strings.Contains(got, "Stand: 1. Oktober 2025.") {
		t.Errorf("the text view says %q, want the facts' date in German", got)
	}

	ouroborosSend(t, ctx, `{type: 'goToStep', story: 'circle', step: 1}`)
	if got := eval[string](t, ctx, `document.getElementById('step-next').textContent`); got != "Weiter →" {
		t.Errorf("an open story's Next says %q", got)
	}
	before := waitAnnounced(t, ctx, "the story's step to be announced", "")
	ouroborosSend(t, ctx, `{type: 'goToStep', story: null}`)
	if got := waitAnnounced(t, ctx, "the story's closing to be announced", before); got != "Geschichte geschlossen." {
		t.Errorf("closing the story announced %q, want %q", got, "Geschichte geschlossen.")
	}
	ouroborosSend(t, ctx, `{type: 'pause'}`)
	if got := waitAnnounced(t, ctx, "the pause to be announced", "Geschichte geschlossen."); got != "Bewegung angehalten." {
		t.Errorf("pausing announced %q, want %q", got, "Bewegung angehalten.")
	}
}
