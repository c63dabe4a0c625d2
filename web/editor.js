// The editor page (editor.html): a newsroom drops its CSV files or a JSON
// document, and the Go program (wasm/cmd/editor, package wasm/editor)
// reads them as the explainer would. A dataset without problems is shown
// at once in the explainer, framed beside the list (index.html with
// data=parent, sent by postMessage); problems are listed by file, row and
// column. The JSON downloads as a blob and the embed snippet is copied:
// nothing leaves the reader's browser.
import { $, el } from './dom.js';

const MAX_BYTES = 8 * 1024 * 1024;

// The last dataset without problems: its bytes as text (for the frame),
// its bytes (for the download), its file name and its title.
let shown = null;
// The program's check, once it has started.
let check = null;

globalThis.ouroborosEditor = {
  ready() {
    check = globalThis.ouroborosEditor.check;
    status('Ready: drop your files, or choose them.');
    document.documentElement.dataset.editor = 'ready';
  },
};

function status(text) { $('status').textContent = text; }

// readFiles reads a list of File objects into {name, bytes}; a folder's
// files keep their path.
async function readFiles(files) {
  const total = files.reduce((n, f) => n + f.size, 0);
  if (total > MAX_BYTES) return null;
  return Promise.all(files.map(async (f) => ({
    name: f.webkitRelativePath || f.name,
    bytes: new Uint8Array(await f.arrayBuffer()),
  })));
}

// entryFiles lists the files under a dropped file or folder entry.
async function entryFiles(entry) {
  if (entry.isFile) return [await new Promise((ok, ko) => entry.file(ok, ko))];
  const reader = entry.createReader();
  const out = [];
  for (;;) {
    const batch = await new Promise((ok, ko) => reader.readEntries(ok, ko));
    if (!batch.length) return out;
    for (const e of batch) out.push(...await entryFiles(e));
  }
}

async function take(files) {
  if (!check) { status('The editor is still starting; try again in a moment.'); return; }
  if (!files.length) return;
  status('Checking ' + (files.length === 1 ? files[0].name : files.length + ' files') + '…');
  let read;
  try {
    read = await readFiles(files);
  } catch (e) {
    status('The files could not be read: ' + e.message);
    return;
  }
  if (!read) {
    show({ problems: [{ file: '', message: 'The files are larger than the 8 MB limit of a dataset.' }], loops: [], names: {} }, null);
    return;
  }
  let out;
  try {
    out = check(read);
  } catch (e) {
    // The program stopped (it never should): say so rather than keep
    // "Checking…" for ever.
    status('The editor stopped while checking the files: ' + e.message + '. Reload the page to try again.');
    return;
  }
  show(JSON.parse(out.result), out.document);
}

// show puts one check's result on the page.
function show(r, doc) {
  renderProblems(r.problems);
  renderProblems(r.notices || [], 'notices');
  if (doc) {
    shown = { bytes: doc, text: new TextDecoder().decode(doc), name: r.name, title: r.title };
    status('No problems in ' + r.from + ': ' + r.entities + ' entities, ' + r.deals + ' deals, ' + r.sources + ' sources. The explainer shows it.' +
      (r.notices.length ? ' ' + r.notices.length + (r.notices.length === 1 ? ' notice is' : ' notices are') + ' worth a look.' : ''));
    renderLoops(r);
    frame();
    renderPublish();
  } else {
    status(r.problems.length + (r.problems.length === 1 ? ' problem' : ' problems') + ' to fix' +
      (shown ? '; the explainer still shows ' + shown.name + ', the last version without problems.' : '.'));
  }
  $('publish').hidden = !doc;
  document.documentElement.dataset.checked = String(Number(document.documentElement.dataset.checked || 0) + 1);
}

// renderProblems fills the table with id (problems or notices), and shows
// its box when there is a row.
function renderProblems(problems, id = 'problems') {
  $(id + '-box').hidden = problems.length === 0;
  $(id).tBodies[0].replaceChildren(...problems.map((p) => {
    const tr = el('tr');
    tr.append(el('td', p.file || '—'), el('td', p.row ? String(p.row) : p.line ? 'line ' + p.line : '—'),
      el('td', p.column || p.path || '—'), el('td', p.message));
    return tr;
  }));
}

// renderLoops lists the loops as the explainer's panel does (web/legend.js):
// circular deals by rank, then the others with what they are; each button
// lights its loop in the explainer.
function renderLoops(r) {
  const name = (id) => r.names[id] || id;
  const item = (lp, text, tag) => {
    const b = el('button', lp.entities.concat(lp.entities[0]).map(name).join(' → ') + ' · ' + text);
    b.type = 'button';
    if (tag) b.append(el('span', ' ' + tag, 'loop-tag'));
    b.addEventListener('click', () => {
      const api = $('explainer').contentWindow && $('explainer').contentWindow.ouroboros;
      if (api) api.send({ type: 'pickLoop', entities: lp.entities });
    });
    const li = el('li');
    li.append(b);
    return li;
  };
  const circular = r.loops.filter((lp) => lp.kind === 'circular').sort((a, b) => a.rank - b.rank);
  const others = r.loops.filter((lp) => lp.kind !== 'circular');
  $('loops-box').hidden = false;
  $('loops-count').textContent = '(' + r.loops.length + (r.loopsTruncated ? '+' : '') + ')';
  $('circular-list').replaceChildren(...circular.map((lp) => item(lp, lp.roundTripText + ' goes round')));
  $('other-list').replaceChildren(...others.map((lp) => item(lp, 'round trip ' + lp.roundTripText, lp.kindText)));
  $('circular-title').hidden = $('circular-list').hidden = circular.length === 0;
  $('other-title').hidden = $('other-list').hidden = others.length === 0;
  $('no-loops').hidden = r.loops.length > 0;
}

// frame loads a fresh explainer, which asks this page for the dataset.
function frame() {
  const old = $('explainer');
  const f = el('iframe');
  f.id = 'explainer';
  f.title = 'The explainer with ' + (shown.title || 'your data');
  f.src = './?mode=embed&data=parent';
  old.replaceWith(f);
  $('view-empty').hidden = true;
}

// The explainer in the frame asks for the dataset once it listens.
window.addEventListener('message', (e) => {
  const f = $('explainer');
  if (e.origin !== location.origin || !f || e.source !== f.contentWindow) return;
  if (!e.data || e.data.type !== 'ouroboros:want-dataset' || !shown) return;
  f.contentWindow.postMessage({ type: 'ouroboros:dataset', json: shown.text }, location.origin);
});

function renderPublish() {
  const site = new URL('./', location.href).href;
  const attr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  $('snippet').value = '<div data-ouroboros="' + attr(site + '?data=data/' + encodeURIComponent(shown.name)) +
    '" data-ouroboros-title="' + attr(shown.title || 'Ouroboros') + '"></div>\n' +
    '<script src="' + attr(site + 'embed.js') + '" defer></script>';
  $('copied').textContent = '';
}

$('download').addEventListener('click', () => {
  if (!shown) return;
  const url = URL.createObjectURL(new Blob([shown.bytes], { type: 'application/json' }));
  const a = el('a');
  a.href = url;
  a.download = shown.name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
});

$('copy').addEventListener('click', async () => {
  const text = $('snippet').value;
  try {
    await navigator.clipboard.writeText(text);
  } catch (e) {
    // Without the clipboard API (an insecure origin, a refused
    // permission), the old way still copies a selection.
    $('snippet').select();
    if (!document.execCommand('copy')) {
      $('copied').textContent = 'Select the snippet and copy it.';
      return;
    }
  }
  $('copied').textContent = 'Copied.';
});

for (const id of ['files', 'folder']) {
  $(id).addEventListener('change', (e) => { take(Array.from(e.target.files)); e.target.value = ''; });
}

const zone = $('drop-zone');
for (const type of ['dragenter', 'dragover']) {
  document.addEventListener(type, (e) => { e.preventDefault(); zone.classList.add('over'); });
}
document.addEventListener('dragleave', (e) => { if (!e.relatedTarget) zone.classList.remove('over'); });
document.addEventListener('drop', async (e) => {
  e.preventDefault();
  zone.classList.remove('over');
  const items = Array.from(e.dataTransfer.items || []);
  const entries = items.map((i) => i.webkitGetAsEntry && i.webkitGetAsEntry()).filter(Boolean);
  if (entries.length) {
    try {
      take((await Promise.all(entries.map(entryFiles))).flat());
    } catch (err) {
      status('The dropped folder could not be read: ' + err.message);
    }
    return;
  }
  take(Array.from(e.dataTransfer.files));
});

async function start() {
  if (typeof Go !== 'function') throw new Error('a part of the editor (wasm_exec.js) did not load');
  const res = await fetch(document.documentElement.dataset.wasm || 'editor.wasm');
  if (!res.ok) throw new Error('the program could not be downloaded: the server answered ' + res.status);
  const go = new Go();
  const { instance } = await WebAssembly.instantiate(await res.arrayBuffer(), go.importObject);
  go.run(instance);
}

// The deferred wasm_exec.js runs before this module, which is deferred too.
start().catch((e) => status('The editor could not start: ' + e.message + '. Reload the page to try again.'));
