//go:build browser

package e2e_test

import (
	"context"
	"encoding/json"
	"fmt"
	"image"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"ouroboros/web/server"
)

// frameAPI is the explainer's window.ouroboros in the editor's frame.
const frameAPI = `document.getElementById('explainer').contentWindow.ouroboros`

// openEditor opens the editor page and waits for its program.
func openEditor(t *testing.T) context.Context {
	t.Helper()
	ctx := openPageFor(t, 1280, 900, 1, "/editor.html", 4*time.Minute)
	waitJS(t, ctx, "the editor's program to start", `document.documentElement.dataset.editor === 'ready'`)
	return ctx
}

// choose sets files on the editor's real file input, as a reader picking
// them does, and waits for the page to have checked them.
func choose(t *testing.T, ctx context.Context, files ...string) {
	t.Helper()
	chooseOn(t, ctx, "files", files...)
}

// chooseOn is choose on the input with this id: "folder" takes a folder.
func chooseOn(t *testing.T, ctx context.Context, input string, files ...string) {
	t.Helper()
	before, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.dataset.checked || '0'`))
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range files {
		if files[i], err = filepath.Abs(f); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := chromedp.Run(ctx, chromedp.SetUploadFiles(chromedp.ID(input), files)); err != nil {
		t.Fatalf("setting the file input: %v", err)
	}
	waitJS(t, ctx, "the files to be checked", `(document.documentElement.dataset.checked || '0') !== '`+before+`'`)
}

// editorProblem is one row of the editor's problems table.
type editorProblem struct{ File, Row, Where, Message string }

func editorProblems(t *testing.T, ctx context.Context) []editorProblem {
	t.Helper()
	return editorRows(t, ctx, "problems")
}

// editorRows reads the rows of the editor's table with the id given.
func editorRows(t *testing.T, ctx context.Context, id string) []editorProblem {
	t.Helper()
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify(Array.from(document.querySelectorAll('#`+id+` tbody tr'),
		(tr) => Array.from(tr.cells, (c) => c.textContent)))`))
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	if err := json.Unmarshal([]byte(raw), &rows); err != nil {
		t.Fatal(err)
	}
	var out []editorProblem
	for _, r := range rows {
		out = append(out, editorProblem{r[0], r[1], r[2], r[3]})
	}
	return out
}

// TestEditorShowsAChosenDataset gives the editor a JSON dataset through its
// file input: the explainer in the frame starts with it and draws it, the
// loops are listed, and the embed snippet names it; then a document with a
// planted error lists that error with its location. axe finds nothing
// wrong with the editor in either state.
func TestEditorShowsAChosenDataset(t *testing.T) {
	ctx := openEditor(t)
	axeCheck(t, ctx, "the editor before any file")
	choose(t, ctx, "../../data/examples/tiny.json")
	if got := editorProblems(t, ctx); len(got) != 0 {
		t.Fatalf("tiny.json listed problems: %+v", got)
	}
	waitJS(t, ctx, "the explainer in the frame to be ready and settled", frameAPI+`.state().view.settled`)
	var s pageState
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify(`+frameAPI+`.state())`))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(raw), &s); err != nil {
		t.Fatal(err)
	}
	if s.Dataset.Title != "A tiny loop (fictional example)" || s.Dataset.Entities != 3 || len(s.Loops) != 2 || s.Mode != "embed" {
		t.Fatalf("the framed explainer shows %q with %d entities and %d loops in mode %q; want tiny.json's 3 entities and 2 loops, embedded",
			s.Dataset.Title, s.Dataset.Entities, len(s.Loops), s.Mode)
	}
	loops, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('#loops-box li button'), (b) => b.textContent)`))
	if err != nil {
		t.Fatal(err)
	}
	if len(loops) != 2 || !strings.Contains(strings.Join(loops, "\n"), "Acme AI →") {
		t.Errorf("the loops list = %q, want tiny.json's 2 loops by name", loops)
	}

	// A loop's button lights it in the explainer, in the loop's colour.
	if _, err := chromedp.Run(ctx, chromedp.Click(chromedp.CSS(`#circular-list button`))); err != nil {
		t.Fatal(err)
	}
	waitJS(t, ctx, "the loop to be picked in the explainer", frameAPI+`.state().explore.loop !== null`)
	waitJS(t, ctx, "the explainer to settle", frameAPI+`.state().view.settled && !`+frameAPI+`.state().view.moving`)
	box, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(() => { const r = document.getElementById('explainer').getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })()`))
	if err != nil {
		t.Fatal(err)
	}
	frameBox := image.Rect(int(box[0]), int(box[1]), int(box[2]), int(box[3]))
	until(t, "the picked loop to be drawn in the frame", 2*time.Minute, func() (bool, string) {
		img := screenshot(t, ctx)
		keepShot(t, img, "editor")
		n := loopPixels(img, &frameBox)
		return n > 200, "loop pixels: " + strconv.Itoa(n)
	})

	axeCheck(t, ctx, "the editor with a dataset shown")

	snippet, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('snippet').value`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(snippet, `data-ouroboros="`+baseURL+`/?data=data/tiny.json"`) || !strings.Contains(snippet, `<script src="`+baseURL+`/embed.js" defer></script>`) {
		t.Errorf("the embed snippet is:\n%s", snippet)
	}

	// The download is the document as chosen, made in the page.
	downloads := t.TempDir()
	if _, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: downloads}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("download"))); err != nil {
		t.Fatal(err)
	}
	tiny, err := os.ReadFile("../../data/examples/tiny.json")
	if err != nil {
		t.Fatal(err)
	}
	until(t, "the download of tiny.json", time.Minute, func() (bool, string) {
		got, err := os.ReadFile(filepath.Join(downloads, "tiny.json"))
		return err == nil && string(got) == string(tiny), "read: " + strconv.Itoa(len(got)) + " bytes, " + fmt.Sprint(err)
	})

	// A planted error: a deal paid to an entity that does not exist.
	doc, err := os.ReadFile("../../data/examples/tiny.json")
	if err != nil {
		t.Fatal(err)
	}
	planted := strings.Replace(string(doc), `"to": "acme-chips"`, `"to": "acme-chipz"`, 1)
	if planted == string(doc) {
		t.Fatal("tiny.json has no deal to acme-chips to plant the error in")
	}
	bad := filepath.Join(t.TempDir(), "planted.json")
	if err := os.WriteFile(bad, []byte(planted), 0o644); err != nil {
		t.Fatal(err)
	}
	choose(t, ctx, bad)
	keepShot(t, screenshot(t, ctx), "editor-problems")
	got := editorProblems(t, ctx)
	line := 1 + strings.Count(planted[:strings.Index(planted, `"acme-chipz"`)], "\n")
	if len(got) != 1 || got[0].File != "planted.json" || got[0].Row != "line "+strconv.Itoa(line) || !strings.HasPrefix(got[0].Where, "deals[") || !strings.HasSuffix(got[0].Where, "].to") ||
		!strings.Contains(got[0].Message, `"acme-chipz" is not an entity id`) {
		t.Errorf("the problems listed are %+v; want planted.json's deals[…].to on line %d naming acme-chipz", got, line)
	}
	axeCheck(t, ctx, "the editor with a problem listed")
	status, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('status').textContent + ' | publish hidden: ' + document.getElementById('publish').hidden`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(status, "1 problem to fix") || !strings.Contains(status, "still shows tiny.json") || !strings.HasSuffix(status, "publish hidden: true") {
		t.Errorf("after the planted error the page says %q", status)
	}

	// Another dataset replaces the explainer's.
	choose(t, ctx, "../../data/examples/twoloops.json")
	waitJS(t, ctx, "the explainer to show twoloops.json", frameAPI+`.state().dataset.entities === 8`)
	if got := editorProblems(t, ctx); len(got) != 0 {
		t.Errorf("twoloops.json listed problems: %+v", got)
	}
}

// TestDataParentNeedsAFrame: data=parent outside a frame has nobody to
// send the dataset, and says so.
func TestDataParentNeedsAFrame(t *testing.T) {
	ctx := openPage(t, 800, 600, "/?data=parent")
	ok, msg := outcome(t, ctx)
	if ok || !strings.Contains(msg, "only inside the editor page") {
		t.Errorf("data=parent at the top: ready resolved %v, %q", ok, msg)
	}
}

// TestEditorReadsTheTemplateFolder gives the editor the template folder
// (data/template) through its real folder input: the explainer shows the
// converted document; then the same folder with an unknown entity planted
// in deals.csv lists that problem by file, row and column.
func TestEditorReadsTheTemplateFolder(t *testing.T) {
	ctx := openEditor(t)
	chooseOn(t, ctx, "folder", "../../data/template")
	if got := editorProblems(t, ctx); len(got) != 0 {
		t.Fatalf("the template listed problems: %+v", got)
	}
	waitJS(t, ctx, "the explainer to show the template", frameAPI+`.state().dataset.title === 'An example network (made-up companies)'`)
	waitJS(t, ctx, "the explainer to settle", frameAPI+`.state().view.settled && `+frameAPI+`.state().view.tick > 0`)
	snippet, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('snippet').value`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(snippet, "?data=data/template.json") {
		t.Errorf("the embed snippet does not name template.json:\n%s", snippet)
	}

	// The planted error: deals.csv's third row (the header is row 1) pays
	// an entity that does not exist.
	dir := filepath.Join(t.TempDir(), "mine")
	if err := os.CopyFS(dir, os.DirFS("../../data/template")); err != nil {
		t.Fatal(err)
	}
	deals := filepath.Join(dir, "deals.csv")
	b, err := os.ReadFile(deals)
	if err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(string(b), "\n")
	planted := strings.Replace(rows[2], ",example-cloud,", ",example-clod,", 1)
	if planted == rows[2] {
		t.Fatalf("deals.csv's row 3 pays no example-cloud: %q", rows[2])
	}
	rows[2] = planted
	if err := os.WriteFile(deals, []byte(strings.Join(rows, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	chooseOn(t, ctx, "folder", dir)
	got := editorProblems(t, ctx)
	if len(got) != 1 || got[0].File != "deals.csv" || got[0].Row != "3" || got[0].Where != "to" || !strings.Contains(got[0].Message, "example-clod") {
		t.Errorf("the problems listed are %+v; want deals.csv, row 3, column to, naming example-clod", got)
	}

	// A valid folder whose chips are a pale green on the light canvas:
	// shown, with a notice at kinds.csv's cell, and the explainer in the
	// frame says it too.
	if err := os.WriteFile(deals, b, 0o644); err != nil {
		t.Fatal(err)
	}
	kinds := filepath.Join(dir, "kinds.csv")
	k, err := os.ReadFile(kinds)
	if err != nil {
		t.Fatal(err)
	}
	pale := strings.Replace(string(k), "#2E7D32", "#DDEEDD", 1)
	if pale == string(k) {
		t.Fatal("kinds.csv has no #2E7D32")
	}
	if err := os.WriteFile(kinds, []byte(pale), 0o644); err != nil {
		t.Fatal(err)
	}
	chooseOn(t, ctx, "folder", dir)
	if got := editorProblems(t, ctx); len(got) != 0 {
		t.Fatalf("the pale folder listed problems: %+v", got)
	}
	notices := editorRows(t, ctx, "notices")
	if len(notices) != 1 || notices[0].File != "kinds.csv" || notices[0].Row != "3" || notices[0].Where != "colorLight" || !strings.Contains(notices[0].Message, "#ddeedd is 1.1:1 against the light canvas") {
		t.Errorf("the notices listed are %+v; want kinds.csv, row 3, column colorLight, on the light canvas", notices)
	}
	if !eval[bool](t, ctx, `!document.getElementById('notices-box').hidden`) {
		t.Error("the notices are listed in a hidden box")
	}
	waitJS(t, ctx, "the explainer in the frame to say the notice", `(() => { const d = document.getElementById('explainer').contentDocument;
	  return !!d && !!d.getElementById('notices') && d.getElementById('notices').textContent.includes('kinds.chips.colorLight: #ddeedd is 1.1:1') })()`)
}

// TestDataParentHearsOnlyItsParent: a framed explainer with data=parent
// asks its parent once and takes the dataset only from that window. A
// sibling frame of the same origin posts one dataset first, the parent
// another after it; the explainer shows the parent's.
func TestDataParentHearsOnlyItsParent(t *testing.T) {
	host := hostSite(t, map[string]string{"/host.html": `<!doctype html><meta charset="utf-8"><title>host</title>
<script>
window.asked = 0;
addEventListener('message', (e) => { if (e.data && e.data.type === 'ouroboros:want-dataset') asked++; });
</script>
<iframe id="f" src="/?mode=embed&amp;data=parent" width="600" height="400" title="explainer"></iframe>
<iframe id="g" src="about:blank" title="sibling"></iframe>`}, true, server.Options{})
	ctx := openURL(t, 900, 700, host.URL+"/host.html")
	waitJS(t, ctx, "the framed explainer to ask its parent", `window.asked === 1`)
	eval[bool](t, ctx, `(async () => {
		const [other, mine] = await Promise.all(['data/examples/twoloops.json', 'data/examples/tiny.json'].map((p) => fetch(p).then((r) => r.text())));
		const f = document.getElementById('f').contentWindow;
		// Run in the sibling's realm, the message's source is the sibling.
		document.getElementById('g').contentWindow.eval('(f, json) => f.postMessage({type: "ouroboros:dataset", json}, "*")')(f, other);
		f.postMessage({type: 'ouroboros:dataset', json: mine}, location.origin);
		return true;
	})()`)
	waitJS(t, ctx, "the framed explainer to be ready", `document.getElementById('f').contentWindow.ouroboros.state().view.settled`)
	title := eval[string](t, ctx, `document.getElementById('f').contentWindow.ouroboros.state().dataset.title`)
	if title != "A tiny loop (fictional example)" {
		t.Errorf("the framed explainer shows %q, want the parent's tiny.json", title)
	}
	if n := eval[float64](t, ctx, `window.asked`); n != 1 {
		t.Errorf("the explainer asked its parent %v times, want once", n)
	}
}
