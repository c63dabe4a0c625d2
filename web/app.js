// The page's loader and script API, the first module main.js loads. It
// checks that the browser can run the explainer, downloads the WebAssembly
// with a real progress bar, fetches the dataset named by the link, hands
// both to the Go program and exposes window.ouroboros (see
// shared/design/page-api.md). Every reason the explainer cannot start ends
// in the error panel and a rejected `ready`.
import { $, el, inKiosk, picture, webURL } from './dom.js';
import { geometry, watchChrome } from './geometry.js';
import { dealHistory, renderLegend, renderLoops, wireLegend } from './legend.js';
import { count, t, useWords } from './words.js';

const DEFAULT_DATA = 'data/ai-compute.json';
const MAX_DATASET_BYTES = 8 * 1024 * 1024;

// The link's parameters, read once here for the program and for the
// page's other modules (poster.js, messages.js, kiosk.js).
export const params = linkParams();

let settle = null;
const ready = new Promise((resolve, reject) => { settle = { resolve, reject }; });
// A rejected `ready` is reported in the page; keep it out of the console's
// unhandled-rejection noise when nobody awaits it.
ready.catch(() => {});
let started = false;
let failed = false;
const listeners = new Map();
// drawn holds what must happen as soon as the canvas has drawn its first
// frame, before the page wires up (onDrawn).
const drawn = [];

function emit(type, detail) {
  for (const fn of listeners.get(type) || []) {
    try { fn(detail); } catch (e) { console.error('ouroboros listener for "' + type + '" threw', e); }
  }
}

// boot is what the Go program and the page share: the program reads the
// dataset and the parameters from it and puts its functions on it
// (wasm/bridge); it is the one global the page sets besides
// window.ouroboros, and only the program reads it as one. The page's
// modules import it.
export const boot = {
  dataset: null,
  dataPath: '',
  params,
  reducedMotion: false,
  lightScheme: false,
  layouts: '',
  state: null,
  ready(problems, notices) {
    mark('ready-called');
    if (failed || started) return;
    started = true;
    for (const fn of drawn) fn();
    // Every reader of state() while the page wires up gets one parse, as
    // in a batch of events (react): a command sent meanwhile is only
    // queued, and changes the state in the next tick.
    memo = {};
    let s;
    try {
      wireUp(problems, notices);
      // The state ready resolves with is the one the wiring read: nothing
      // changes before the next tick, and a second copy and parse of its
      // JSON (3 MB with a large network's 10,000 loops) delayed ready.
      s = api.state();
    } finally {
      memo = null;
    }
    settle.resolve(s);
    emit('ready', s);
  },
  fail(info) {
    fail(info.message, Array.from(info.problems || []));
  },
  // Called by the program, inside the tick that made the change and
  // before that tick's frame is drawn (select, asof, pause…). The page's
  // answer (card, panel, caption, hash, listeners) waits for a task after
  // that frame: run here, its DOM work delayed the picture of a selection
  // by 30–70 ms of main thread (BENCHMARKS.md, issue 18).
  emit(type, detail) {
    const plain = JSON.parse(JSON.stringify(detail));
    if (type === 'hover') { renderHover(plain.x, plain.y); return; }
    if (!pending.length) setTimeout(react, 0);
    pending.push([type, plain]);
  },
  // The program marks the phases of its start (wasm/app/phases.go) for
  // ./build.sh bench, which reads them back as performance marks.
  mark(phase) {
    mark(phase);
  },
};
globalThis.ouroborosBoot = boot;

// wireUp is the page's answer to the program's first frame: the notices,
// the theme, the controls, the card and the hash.
function wireUp(problems, notices) {
  // The dataset's words, before anything is written with them.
  if (typeof boot.words === 'function') useWords(boot.words());
  $('loader').hidden = true;
  showNotices([...Array.from(problems || []).map((p) => t('notice.link', { problem: p })),
    ...Array.from(notices || []).map((p) => t('notice.dataset', { problem: p }))]);
  // The program's theme is the page's (theme.js chose it the same way
  // before the first paint).
  document.documentElement.classList.toggle('light', api.state().theme === 'light');
  $('card-close').addEventListener('click', () => api.send({ type: 'select', id: null }));
  wireInput();
  watchChrome(boot);
  renderCard();
  keepHash();
}

// pending holds the program's events not yet answered, in order; react
// answers them in one task, where every state() reads one parse (memo).
let pending = [];
let memo = null;

function react() {
  const batch = pending;
  pending = [];
  const types = new Set(batch.map(([type]) => type));
  memo = {};
  try {
    if (types.has('select') || types.has('asof')) renderCard();
    if (types.has('ui') || types.has('asof') || types.has('select') || types.has('step')) renderExplore();
    if (types.has('step')) renderCaption();
    keepHash();
    for (const [type, plain] of batch) if (type !== 'ui') emit(type, plain);
  } finally {
    memo = null;
  }
}

// onDrawn runs fn as soon as the canvas has drawn its first frame, before
// the page wires up: poster.js hides the poster there, whose thousands of
// SVG nodes made every layout of the wiring slow.
export function onDrawn(fn) {
  drawn.push(fn);
}

// api is window.ouroboros, the page's script API (page-api.md §2).
export const api = {
  ready,
  // While the page answers a batch of events, every reader of state()
  // gets the one parse of the batch: the state cannot change before the
  // next tick, and parsing its 100+ KB a dozen times cost more than the
  // frame. Outside a batch each call parses anew.
  state() {
    if (typeof boot.state !== 'function') return null;
    if (memo && memo.state) return memo.state;
    const s = JSON.parse(boot.state());
    if (memo) memo.state = s;
    return s;
  },
  geometry() {
    return geometry(boot);
  },
  send(command) {
    if (command === null || typeof command !== 'object' || typeof command.type !== 'string') {
      throw new Error('ouroboros.send takes an object with a string "type", such as {type: "select", id: "nvidia"}');
    }
    if (typeof boot.send !== 'function' || !started) {
      throw new Error('The explainer is not ready yet; wait for ouroboros.ready');
    }
    let json;
    try {
      json = JSON.stringify(command);
    } catch (e) {
      throw new Error('ouroboros.send takes a plain object: ' + e.message);
    }
    const problem = boot.send(json);
    if (problem) throw new Error(problem);
    return true;
  },
  on(type, fn) {
    if (typeof fn !== 'function') throw new Error('ouroboros.on needs a function');
    if (!listeners.has(type)) listeners.set(type, []);
    listeners.get(type).push(fn);
    return api;
  },
};
Object.defineProperty(window, 'ouroboros', { value: Object.freeze(api), enumerable: true });

// mark names a moment of the start for ./build.sh bench (the page's part:
// the dataset's download, the program's compile and instantiation; the
// program marks the rest, and the bench reads downloads from Resource
// Timing).
function mark(phase) {
  if (typeof performance.mark === 'function') performance.mark('ouroboros:' + phase);
}

function fail(message, problems) {
  if (failed || started) return;
  failed = true;
  problems = problems || [];
  $('loader').hidden = true;
  // Ebitengine adds its canvas when the program starts, before the dataset
  // is checked; nothing may be drawn from a refused one.
  for (const c of document.querySelectorAll('#stage > canvas, body > canvas')) c.remove();
  $('error-message').textContent = message;
  const list = $('error-problems');
  list.replaceChildren(...problems.map((p) => {
    const li = document.createElement('li');
    li.textContent = p;
    return li;
  }));
  $('error').hidden = false;
  const err = new Error(problems.length ? message + '\n' + problems.join('\n') : message);
  err.problems = problems;
  settle.reject(err);
  emit('error', { message, problems });
}

// Pointer events go to the program as they happen: a quick tap can begin
// and end between two of the engine's ticks, which its per-tick input
// state would miss when software WebGL draws a few frames a second.
function wireInput() {
  const canvas = picture();
  if (!canvas) return;
  // Into the page's main landmark, where the picture belongs (axe's region
  // rule: all content in landmarks). Moving it drops the focus that
  // Ebitengine gave it, which wireExplore looks at.
  if (canvas.parentElement !== $('stage')) {
    const focused = document.activeElement === canvas;
    $('stage').append(canvas);
    if (focused) canvas.focus({ preventScroll: true });
  }
  const forward = (kind) => (e) => {
    const r = canvas.getBoundingClientRect();
    // A mouse moving with no button is hovering; a finger only moves
    // while it is down.
    if (kind === 'move' && e.pointerType === 'touch' && e.buttons === 0) return;
    boot.pointer(kind, e.pointerId, e.clientX - r.left, e.clientY - r.top, e.timeStamp, e.pointerType === 'touch');
    if (kind === 'down') hideHover();
  };
  canvas.addEventListener('pointerdown', (e) => {
    // Keep receiving the moves of a drag that leaves the canvas.
    try { canvas.setPointerCapture(e.pointerId); } catch (err) { /* not every pointer can be captured */ }
    forward('down')(e);
  });
  canvas.addEventListener('pointermove', forward('move'));
  canvas.addEventListener('pointerup', forward('up'));
  canvas.addEventListener('pointercancel', forward('cancel'));
  canvas.addEventListener('pointerleave', hideHover);
  canvas.addEventListener('wheel', (e) => {
    e.preventDefault();
    const r = canvas.getBoundingClientRect();
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? r.height : 1;
    boot.wheel(e.deltaY * unit, e.clientX - r.left, e.clientY - r.top);
  }, { passive: false });
  // Ebitengine keeps the browser from acting on any key pressed on its
  // canvas (preventDefault in its own keydown listener), Tab included;
  // stopped on its way down, Tab leaves the canvas as it leaves any
  // element.
  window.addEventListener('keydown', (e) => {
    if (e.key === 'Tab' && e.target === canvas) e.stopPropagation();
  }, true);
  window.addEventListener('keydown', (e) => {
    const t = e.target;
    // The caption's text scrolls by the arrow keys while it has the focus.
    if (t instanceof Element && t.closest('#caption-body')) return;
    if (t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return;
    if (t instanceof HTMLButtonElement && (e.key === ' ' || e.key === 'Enter')) return;
    if ($('help').open) return;
    if (e.key === '?') { e.preventDefault(); $('help').showModal(); return; }
    // The canvas is one Tab stop: Tab is the browser's, in and out of it.
    if (e.key === 'Tab') return;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    // In the canvas the arrows walk its entities and loops and Esc leaves
    // it (wasm/session/keyboard.go); elsewhere they keep their meanings.
    const inCanvas = document.activeElement === canvas;
    if (!boot.key(e.key, inCanvas)) return;
    if (e.key === ' ' || e.key.startsWith('Arrow')) e.preventDefault();
    if (inCanvas && (e.key === 'Escape' || e.key === 'Esc')) leaveCanvas();
  });
  $('zoom-in').addEventListener('click', () => boot.key('+', false));
  $('zoom-out').addEventListener('click', () => boot.key('-', false));
  $('fit').addEventListener('click', () => boot.key('0', false));
  $('controls').hidden = false;
  wireExplore(canvas);
}

// leaveCanvas moves the keyboard out of the canvas on Esc. The canvas is
// the page's last Tab stop, so no control follows it; the focus goes to
// ☰, which opens what the picture holds as lists (the stories, the loops,
// the legend), where a keyboard reader who is done with the picture goes
// next, in the toolbar at the top that the eye already knows. When ☰ is
// not shown, the first control that is.
function leaveCanvas() {
  const shown = (e) => !e.closest('[hidden]') && e.tabIndex >= 0 && !e.disabled &&
    (!e.checkVisibility || e.checkVisibility({ visibilityProperty: true }));
  const toggle = $('panel-toggle');
  const to = toggle && shown(toggle) ? toggle
    : [...document.querySelectorAll('button, input, select, a[href]')].find(shown);
  if (to) to.focus();
  else document.activeElement.blur();
}

// The legend, the filters, the loops, the timeline, search, help, the
// picture and the link. Every change goes through ouroboros.send, so a
// host page can do the same.
function wireExplore(canvas) {
  canvas.tabIndex = 0;
  // The program starts the engine without focusing its canvas but in a
  // kiosk (wasm/cmd/explainer); should a browser focus it all the same, the
  // page takes the keys from the window itself, so the focus goes back to
  // the page's start and the first Tab reaches the skip link, not a walk
  // through the entities. A kiosk has no keyboard and keeps it.
  // Blurring alone would leave the browser's Tab starting after the
  // canvas, the body's last child; focusing the body moves that start.
  if (document.activeElement === canvas && !inKiosk()) {
    document.body.tabIndex = -1;
    document.body.focus({ preventScroll: true });
    document.body.removeAttribute('tabindex');
  }
  // The keyboard's ring is drawn only while the canvas has the focus
  // ('Blur' is the program's word for its leaving: wasm/session/keyboard.go).
  canvas.addEventListener('blur', () => boot.key('Blur', false));
  const toggle = $('panel-toggle');
  toggle.addEventListener('click', () => {
    const open = $('panel').hidden;
    $('panel').hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
  });
  $('binding-only').addEventListener('change', () => api.send({ type: 'bindingOnly' }));
  $('play').addEventListener('click', () => {
    const s = api.state();
    api.send({ type: s.explore.timeline.playing ? 'pauseTimeline' : 'playTimeline' });
  });
  $('scrub').addEventListener('input', () => {
    const dates = api.state().explore.timeline.dates;
    const i = Number($('scrub').value);
    api.send({ type: 'setAsOf', date: i >= dates.length ? null : dates[i] });
  });
  $('help-toggle').addEventListener('click', () => $('help').showModal());
  $('save-png').addEventListener('click', () => boot.capture());
  $('copy-link').addEventListener('click', copyLink);
  wireSearch();
  $('step-prev').addEventListener('click', () => { closePanelOnPhone(); api.send({ type: 'prev' }); });
  $('step-next').addEventListener('click', () => { closePanelOnPhone(); api.send({ type: 'next' }); });
  $('story-close').addEventListener('click', () => api.send({ type: 'goToStep', story: null }));
  $('skip').addEventListener('click', skipToStory);
  $('stories').addEventListener('click', openStories);
  // Enter is taken on its keydown: left to the browser, it would click the
  // link and then its keypress would press the story the focus moved to.
  $('skip').addEventListener('keydown', (e) => { if (e.key === 'Enter') skipToStory(e); });
  const body = $('caption-body');
  body.addEventListener('scroll', markOverflow, { passive: true });
  new ResizeObserver(markOverflow).observe(body);
  $('timeline').hidden = false;
  wireLegend((command) => api.send(command), () => api.state());
  renderExplore();
  renderCaption();
}

// The open story step: its caption, its sources as links (only http and
// https, opened in a new tab with neither opener nor referrer), and the
// way on.
function renderCaption() {
  const s = api.state();
  const box = $('caption');
  const c = s && s.caption;
  document.body.classList.toggle('story', !!c);
  if (!c) { box.hidden = true; return; }
  $('caption-story').textContent = c.storyTitle;
  $('caption-title').textContent = c.title;
  $('caption-text').textContent = c.text;
  const links = c.sources.map((src) => {
    const label = src.publisher + (src.title ? ': ' + src.title : '');
    // The loader takes only http and https URLs; the page checks again, so
    // that a javascript: or data: URL could never become a link. A kiosk
    // has no way back from another site: there, sources stay text.
    if (!webURL(src.url) || inKiosk()) return el('span', label);
    const a = el('a', label);
    a.href = src.url;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    return a;
  });
  const parts = [];
  links.forEach((a, i) => { if (i) parts.push(document.createTextNode(' · ')); parts.push(a); });
  $('caption-sources').replaceChildren(...(parts.length ? [document.createTextNode(t('caption.sources')), ...parts] : []));
  $('step-count').textContent = c.step + ' / ' + c.steps;
  $('step-prev').disabled = c.step <= 1;
  $('step-next').disabled = c.step >= c.steps;
  box.hidden = false;
  $('caption-body').scrollTop = 0;
  markOverflow();
}

// markOverflow shows, by a fade and a cue at its foot, that the caption's
// text goes on below what the box shows; scrolled to its end, they go.
function markOverflow() {
  const b = $('caption-body');
  const more = b.scrollHeight - b.clientHeight - b.scrollTop > 1;
  b.classList.toggle('more', more);
}

// skipToStory is the skip link: it puts the keyboard on the story's
// controls, Next in an open story, otherwise the first story in the ☰
// panel, which it opens.
function skipToStory(e) {
  e.preventDefault();
  if (!$('caption').hidden) {
    const next = $('step-next');
    (next.disabled ? $('step-prev') : next).focus();
    return;
  }
  openStories();
}

// openStories opens the ☰ panel with the keyboard on its stories: the open
// story's chip, or the first (the toolbar's Stories button).
function openStories() {
  const list = $('story-list');
  const chip = list.querySelector('button[aria-pressed="true"]') || list.querySelector('button');
  if (!chip) return;
  $('panel').hidden = false;
  $('panel-toggle').setAttribute('aria-expanded', 'true');
  chip.focus();
}

function toast(text) {
  const t = $('toast');
  t.textContent = text;
  t.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { t.hidden = true; }, 2500);
}

async function copyLink() {
  keepHash();
  try {
    await navigator.clipboard.writeText(location.href);
    toast(t('toast.copied'));
  } catch (e) {
    // No clipboard (an insecure origin or a refusal): show the link to copy by hand.
    window.prompt(t('toast.copyPrompt'), location.href);
  }
}

// Called by the program with the picture's pixels after a "capture".
boot.captured = (width, height, pixels) => {
  const c = document.createElement('canvas');
  c.width = width;
  c.height = height;
  c.getContext('2d').putImageData(new ImageData(new Uint8ClampedArray(pixels.buffer, pixels.byteOffset, pixels.byteLength), width, height), 0, 0);
  c.toBlob((blob) => {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'ouroboros.png';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    boot.lastCapture = { width, height, bytes: blob.size };
    toast(t('toast.saved'));
  }, 'image/png');
};

const fold = (t) => t.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

function wireSearch() {
  const input = $('search');
  const list = $('search-results');
  let matches = [];
  let at = 0;
  const show = () => {
    list.replaceChildren(...matches.map((m, i) => {
      const li = el('li', m.name);
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', String(i === at));
      li.addEventListener('pointerdown', (e) => { e.preventDefault(); pick(i); });
      return li;
    }));
    list.hidden = matches.length === 0;
  };
  const pick = (i) => {
    const m = matches[i];
    if (!m) return;
    api.send({ type: 'select', id: m.id });
    input.value = '';
    matches = [];
    show();
  };
  input.addEventListener('input', () => {
    const q = fold(input.value.trim());
    const s = api.state();
    matches = q ? s.view.entities.filter((e) => fold(e.name).includes(q) || e.id.includes(q))
      .sort((a, b) => fold(a.name).indexOf(q) - fold(b.name).indexOf(q)).slice(0, 8) : [];
    at = 0;
    show();
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { e.preventDefault(); pick(at); }
    else if (e.key === 'ArrowDown') { e.preventDefault(); at = Math.min(at + 1, matches.length - 1); show(); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); at = Math.max(at - 1, 0); show(); }
    else if (e.key === 'Escape') { input.value = ''; matches = []; show(); }
  });
  input.addEventListener('blur', () => { matches = []; show(); });
}

// closePanelOnPhone shuts the ☰ panel under 720 px wide: there it covers the
// story it has just opened, and the caption's Next button with it.
function closePanelOnPhone() {
  if (!window.matchMedia('(max-width: 719.98px)').matches || $('panel').hidden) return;
  $('panel').hidden = true;
  $('panel-toggle').setAttribute('aria-expanded', 'false');
}

function chip(label, pressed, onClick, color) {
  const b = el('button');
  b.type = 'button';
  b.setAttribute('aria-pressed', String(pressed));
  if (color) {
    const sw = el('span', undefined, 'swatch');
    sw.style.background = color;
    b.append(sw);
  }
  b.append(document.createTextNode(label));
  b.addEventListener('click', onClick);
  return b;
}

function renderExplore() {
  const s = api.state();
  if (!s || !s.explore) return;
  const x = s.explore;
  const names = new Map(s.view.entities.map((v) => [v.id, v.name]));
  const name = (id) => names.get(id) || id;
  $('legend-kinds').replaceChildren(...x.legend.kinds.map((k) =>
    chip(k.label, !x.filter.hiddenKinds.includes(k.key), () => api.send({ type: 'toggleKind', kind: k.key }), k.color)));
  $('legend-types').replaceChildren(...x.legend.dealTypes.map((t) =>
    chip(t, !x.filter.hiddenTypes.includes(t), () => api.send({ type: 'toggleDealType', dealType: t }))));
  $('binding-only').checked = x.filter.bindingOnly;
  $('story-list').replaceChildren(...s.stories.map((st) =>
    chip(st.title, s.story === st.id, () => { closePanelOnPhone(); api.send({ type: 'goToStep', story: st.id, step: 1 }); })));

  // Loops: circular deals by rank, the others behind a toggle (legend.js).
  const picked = x.loop ? x.loop.entities.join(' ') : '';
  renderLoops(s, picked, name);
  renderLegend(s);
  const detail = $('loop-detail');
  if (x.loop) {
    const list = el('ul');
    for (const h of x.loop.hops) {
      const li = el('li', name(h.from) + ' → ' + name(h.to) + ': ' + h.totalText);
      const deals = el('ul');
      for (const d of h.deals) {
        const item = el('li', d.type + ', ' + d.amountText + ', ' + d.status + ', ' + d.date);
        // A deal that changed since it was announced lists its history.
        const past = x.histories[d.id];
        if (past && past.length > 1) item.append(dealHistory(past, true));
        deals.append(item);
      }
      li.append(deals);
      list.append(li);
    }
    detail.replaceChildren(el('p', t('loop.follow', { date: x.loop.closed, amount: x.loop.disclosedText })), list);
    detail.hidden = false;
  } else {
    detail.hidden = true;
  }

  // The timeline: one step per distinct deal date, then "every date".
  const tl = x.timeline;
  const scrub = $('scrub');
  scrub.max = String(tl.dates.length);
  scrub.value = String(tl.index < 0 ? tl.dates.length : tl.index);
  // While a story step walks the timeline, the scrubber shows the date on screen.
  const label = tl.index < 0 ? t('timeline.all') : (s.view.shownAsOf || s.asOf);
  $('scrub-date').textContent = label;
  scrub.setAttribute('aria-valuetext', label);
  renderYears(tl.years);
  $('facts-as-of').textContent = s.dataset.factsAsOf;
  $('play').textContent = tl.playing ? '❚❚' : '▶';
  $('play').setAttribute('aria-label', t(tl.playing ? 'timeline.pause' : 'timeline.play'));
}

// The year marks: a button per year of the dataset's dates, to the year's
// last date, with the loops as of it (words from the program). They are
// made once, so that the keyboard keeps its place; each render marks the
// year the timeline is in.
function renderYears(years) {
  const box = $('years');
  const key = years.map((y) => y.label).join('|');
  if (box.dataset.key !== key) {
    box.dataset.key = key;
    box.replaceChildren(...years.map((y) => {
      const b = el('button');
      b.type = 'button';
      // The count's number and its unit apart: a phone shows the number
      // under the year, the unit being in the mark's label.
      // A large network's earlier years are counted after the first
      // frame: their count is "…" until then (y.counting).
      const cut = y.loopsText.includes(' ') ? y.loopsText.indexOf(' ') : y.loopsText.length;
      const n = el('span', undefined, 'n');
      n.append(el('span', y.loopsText.slice(0, cut), 'num'), el('span', y.loopsText.slice(cut), 'unit'));
      // The spaces stay text of the button's own, outside the separator
      // that narrow screens hide: its visible text is then "2025 9 circular
      // deals", part of its spoken name (axe's label-content-name-mismatch).
      b.append(el('span', y.year, 'y'), ' ', el('span', '·', 'sep'), ' ', n);
      b.setAttribute('aria-label', y.spoken);
      b.title = y.spoken;
      b.dataset.asOf = y.asOf;
      b.addEventListener('click', () => api.send({ type: 'setAsOf', date: y.asOf }));
      return b;
    }));
  }
  years.forEach((y, i) => {
    const b = box.children[i];
    if (y.current) b.setAttribute('aria-current', 'true'); else b.removeAttribute('aria-current');
  });
}

function hideHover() { $('hover').hidden = true; }

// The hover card: built with textContent only, so a dataset's text can
// never become markup.
function renderHover(x, y) {
  const s = api.state();
  const box = $('hover');
  // In a kiosk only a tap shows this card, and a tapped entity shows its
  // full card by selection: only edges get this one.
  if (!s || !s.hover || (inKiosk() && s.hover.entity)) { box.hidden = true; return; }
  const parts = [];
  if (s.hover.entity) {
    const e = s.hover.entity;
    parts.push(el('h3', e.name), el('p', e.kindLabel, 'meta'));
    if (e.note) parts.push(el('p', e.note));
  } else if (s.hover.edge) {
    const g = s.hover.edge;
    parts.push(el('h3', g.fromName + ' → ' + g.toName));
    const list = el('ul');
    for (const d of g.deals) {
      const cap = d.capacityText ? ', ' + d.capacityText : '';
      const li = el('li', d.type + ': ' + d.amountText + cap + ' — ' + d.status + ', ' + (d.until ? t('twin.dealUntil', { from: d.date, until: d.until }) : d.date));
      li.append(el('div', d.publishers.join(', '), 'meta'));
      if (d.history.length > 1) li.append(dealHistory(d.history, false));
      list.append(li);
    }
    parts.push(list);
  }
  box.replaceChildren(...parts);
  box.hidden = false;
  const w = box.offsetWidth, h = box.offsetHeight;
  box.style.left = Math.max(4, Math.min(x + 14, innerWidth - w - 4)) + 'px';
  box.style.top = Math.max(4, Math.min(y + 14, innerHeight - h - 4)) + 'px';
}

// The card shows the selected entity; built with textContent only, so a
// dataset's text can never become markup.
function renderCard() {
  const s = api.state();
  const card = $('card');
  if (!s || !s.selected) {
    card.hidden = true;
    return;
  }
  const e = s.selected;
  const r = e.report;
  const names = new Map(s.view.entities.map((v) => [v.id, v.name]));
  const name = (id) => names.get(id) || id;
  const sum = (m, what) => {
    if (!m.deals) return null;
    let amount = m.total === null ? t('card.undisclosedAmounts') : m.totalText;
    if (m.total !== null && m.undisclosed) amount = t('card.plusUndisclosed', { amount, n: m.undisclosed });
    return t(what, { amount, deals: count('count.deals', m.deals) });
  };
  const body = [];
  if (e.note) body.push(el('p', e.note));
  for (const line of [sum(r.out, 'card.pays'), sum(r.in, 'card.receives')]) if (line) body.push(el('p', line));
  if (r.capacity.boughtText || r.capacity.soldText) {
    const parts = [];
    if (r.capacity.boughtText) parts.push(t('card.buys', { capacity: r.capacity.boughtText }));
    if (r.capacity.soldText) parts.push(t('card.sells', { capacity: r.capacity.soldText }));
    body.push(el('p', t('card.capacity', { parts: parts.join(', ') })));
  }
  if (r.loops.length) {
    body.push(el('h3', count('card.loops', r.loops.length)));
    const list = el('ul');
    for (const lp of r.loops.slice(0, 6)) {
      const path = lp.entities.concat(lp.entities[0]).map(name).join(' → ');
      list.append(el('li', t('card.loop', { path, amount: lp.roundTripText })));
    }
    if (r.loops.length > 6) list.append(el('li', t('more', { n: r.loops.length - 6 })));
    body.push(list);
  }
  const x = r.exposure;
  if (x.dealsAtRisk.length) {
    body.push(el('h3', t('card.cannotPay', { name: e.name })));
    const risk = x.atRisk.total === null ? t('card.undisclosedAmounts') : x.atRisk.totalText;
    body.push(el('p', count('card.atRisk', x.dealsAtRisk.length, { amount: risk, loops: count('card.breaks', x.loopsBroken.length) })));
    const hit = x.losers.filter((l) => l.shareText).slice(0, 3);
    if (hit.length) {
      const list = el('ul');
      for (const l of hit) {
        const line = t('card.loses', { name: l.name, share: l.shareText });
        list.append(el('li', l.order === 2 ? t('card.through', { line, names: l.through.map(name).join(', ') }) : line));
      }
      body.push(list);
    }
  }
  $('card-name').textContent = e.name;
  $('card-kind-label').textContent = e.kindLabel;
  $('card-swatch').style.background = e.color;
  $('card-body').replaceChildren(...body);
  // Keep the card on the side away from the selection, so that it does not
  // cover what the reader just picked.
  const at = s.view.entities.find((v) => v.id === e.id);
  card.classList.toggle('left', !!at && at.x > s.view.width / 2);
  // On a narrow screen the card spans the width: it goes to the top when
  // the selection is low or in the middle, where a zoom puts it.
  card.classList.toggle('top', !!at && s.view.width <= 600 && at.y >= s.view.height * 0.4);
  card.hidden = false;
}

// The hash carries the view (select, asOf) so that a copied link, a
// reload or the engine's reload after a lost WebGL context comes back to
// it. Other hash parameters (story, step…) are kept as they are.
function keepHash() {
  const s = api.state();
  if (!s) return;
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const set = (k, v) => { if (v === null || v === undefined) params.delete(k); else params.set(k, v); };
  set('select', s.selection);
  set('asOf', s.asOf);
  set('story', s.story);
  set('step', s.step === null ? null : String(s.step));
  const hash = params.toString();
  const url = location.pathname + location.search + (hash ? '#' + hash : '');
  if (url !== location.pathname + location.search + location.hash) history.replaceState(null, '', url);
}

// A hash edited by hand (or a link followed within the page) moves the view.
window.addEventListener('hashchange', () => {
  if (!started) return;
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const s = api.state();
  try {
    const id = params.get('select');
    if (id !== s.selection) api.send({ type: 'select', id });
    const date = params.get('asOf');
    if (date !== s.asOf) api.send({ type: 'setAsOf', date });
    const story = params.get('story');
    const step = Number(params.get('step') || 1);
    if (story !== s.story || (story && step !== s.step)) api.send({ type: 'goToStep', story, step });
  } catch (e) {
    showNotices([t('notice.link', { problem: e.message })]);
  }
});

function showNotices(problems) {
  if (!problems.length) return;
  const box = $('notices');
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = t('notice.dismiss');
  close.addEventListener('click', () => { box.hidden = true; });
  box.replaceChildren(...problems.map((p) => {
    const el = document.createElement('p');
    el.textContent = p;
    return el;
  }), close);
  box.hidden = false;
}

// progress moves the bar. The program's size comes in words from the
// build (data-wasm-size, wasm/wording's), as every figure the page shows
// does: the page writes no number itself.
function progress(loaded, total) {
  if (!(total > 0)) return;
  const bar = document.querySelector('.bar');
  const pct = Math.min(100, Math.round((loaded / total) * 100));
  $('bar-fill').style.width = pct + '%';
  bar.setAttribute('aria-valuenow', String(pct));
  const size = document.documentElement.dataset.wasmSize;
  $('loader-bytes').textContent = size ? t('loading.of', { pct, size }) : pct + '%';
}

// Refuses anything but a path on this site: no scheme, no other host, no
// "..". Returns the URL to fetch or throws a sentence for the reader.
function datasetURL(param) {
  const bad = (why) => new Error(t('error.data', { param: JSON.stringify(param), why: t('error.data.' + why) }));
  if (param.trim() === '') throw bad('empty');
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(param)) throw bad('scheme');
  if (param.startsWith('//') || param.includes('\\')) throw bad('site');
  let decoded = param;
  try { decoded = decodeURIComponent(param); } catch (e) { throw bad('path'); }
  if (decoded.split(/[/?#]/).some((seg) => seg === '..')) throw bad('dots');
  const url = new URL(param, location.href);
  if (url.origin !== location.origin) throw bad('origin');
  return url;
}

async function fetchDataset(url, path) {
  let res;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch (e) {
    throw new Error(t('error.fetch.network', { path }));
  }
  if (!res.ok) {
    throw new Error(t('error.fetch.status', { path, status: res.status + (res.statusText ? ' ' + res.statusText : '') }));
  }
  const length = Number(res.headers.get('Content-Length') || 0);
  if (length > MAX_DATASET_BYTES) {
    throw new Error(t('error.fetch.large', { path }));
  }
  // Bytes, not text: the loader must see the file as it is, invalid UTF-8
  // included, which res.text() would quietly replace. Read as a stream and
  // stopped at the cap: a compressed or undeclared body can be far larger
  // than its Content-Length, or never end.
  return readBody(res, MAX_DATASET_BYTES, () => {},
    () => new Error(t('error.fetch.large', { path })),
    () => new Error(t('error.fetch.cut', { path })));
}

// datasetFromParent waits for the dataset the page around this one sends
// (data=parent: the editor, web/editor.js, shows a document nobody
// uploaded). Only the parent window of this same origin is heard, and only
// once: it is asked with {type: 'ouroboros:want-dataset'} and answers
// {type: 'ouroboros:dataset', json}. The bytes then go through the same cap
// and the same loader as a fetched file.
function datasetFromParent() {
  if (window.parent === window) {
    return Promise.reject(new Error(t('error.parent.alone')));
  }
  return new Promise((resolve, reject) => {
    const heard = (e) => {
      if (e.origin !== location.origin || e.source !== window.parent) return;
      const m = e.data;
      if (!m || m.type !== 'ouroboros:dataset' || typeof m.json !== 'string') return;
      window.removeEventListener('message', heard);
      const bytes = new TextEncoder().encode(m.json);
      if (bytes.byteLength > MAX_DATASET_BYTES) reject(new Error(t('error.parent.large')));
      else resolve(bytes);
    };
    window.addEventListener('message', heard);
    window.parent.postMessage({ type: 'ouroboros:want-dataset' }, location.origin);
  });
}

// readBody reads a response's bytes as they arrive, telling onBytes the
// count so far. Past limit (0: no limit) it stops reading and throws
// tooLarge(); a connection dropped halfway throws cutOff().
async function readBody(res, limit, onBytes, tooLarge, cutOff) {
  if (!res.body || !res.body.getReader) {
    let buf;
    try { buf = await res.arrayBuffer(); } catch (e) { throw cutOff(); }
    if (limit && buf.byteLength > limit) throw tooLarge();
    onBytes(buf.byteLength);
    return new Uint8Array(buf);
  }
  const reader = res.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    let part;
    try { part = await reader.read(); } catch (e) { throw cutOff(); }
    if (part.done) break;
    size += part.value.byteLength;
    if (limit && size > limit) {
      reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(part.value);
    onBytes(size);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) { bytes.set(c, at); at += c.byteLength; }
  return bytes;
}

// compileWasm downloads the program and compiles it as it arrives
// (WebAssembly.compileStreaming: the compile ends with the download, not
// after it), counting the bytes for the progress bar on the way.
async function compileWasm(path) {
  let res;
  try {
    res = await fetch(path);
  } catch (e) {
    throw new Error(t('error.wasm.network'));
  }
  if (!res.ok) throw new Error(t('error.wasm.status', { status: res.status }));
  // Content-Length counts encoded bytes; when the server compresses, the
  // stream yields more, so the size the build recorded is preferred.
  const declared = Number(document.documentElement.dataset.wasmBytes || 0);
  const total = declared || (res.headers.get('Content-Encoding') ? 0 : Number(res.headers.get('Content-Length') || 0));
  const onBytes = (n) => progress(n, total);
  const cutOff = () => new Error(t('error.wasm.cut'));
  if (typeof WebAssembly.compileStreaming !== 'function' || !res.body || !res.body.getReader) {
    const bytes = await readBody(res, 0, onBytes, null, cutOff);
    try {
      return await WebAssembly.compile(bytes);
    } catch (e) {
      throw new Error(t('error.instantiate', { message: e.message }));
    }
  }
  const reader = res.body.getReader();
  let size = 0;
  let cut = false;
  const counted = new ReadableStream({
    async pull(ctl) {
      let part;
      try { part = await reader.read(); } catch (e) { cut = true; ctl.error(e); return; }
      if (part.done) { progress(size, size); ctl.close(); return; }
      size += part.value.byteLength;
      onBytes(size);
      ctl.enqueue(part.value);
    },
    cancel(why) { return reader.cancel(why); },
  });
  const streamed = new Response(counted, { headers: { 'Content-Type': 'application/wasm' } });
  try {
    return await WebAssembly.compileStreaming(streamed);
  } catch (e) {
    throw cut ? cutOff() : new Error(t('error.instantiate', { message: e.message }));
  }
}

function hasWebGL2() {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return false;
    const lose = gl.getExtension('WEBGL_lose_context');
    if (lose) lose.loseContext();
    return true;
  } catch (e) {
    return false;
  }
}

function linkParams() {
  const params = {};
  const add = (s) => { for (const [k, v] of new URLSearchParams(s)) params[k] = v; };
  add(location.search);
  add(location.hash.replace(/^#/, ''));
  return params;
}

async function start() {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    return fail(t('error.noWasm'));
  }
  if (!hasWebGL2()) {
    return fail(t('error.noWebGL'));
  }
  if (typeof Go !== 'function') {
    return fail(t('error.noGo'));
  }
  const params = boot.params;
  const path = params.data === undefined ? DEFAULT_DATA : params.data;
  let dataset;
  if (path === 'parent') {
    boot.dataPath = t('data.fromEditor');
    dataset = datasetFromParent();
  } else {
    let url;
    try {
      url = datasetURL(path);
    } catch (e) {
      return fail(e.message);
    }
    boot.dataPath = path;
    dataset = fetchDataset(url, path);
  }
  boot.reducedMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  boot.lightScheme = window.matchMedia && window.matchMedia('(prefers-color-scheme: light)').matches;
  // The layouts the build settled for the poster (wasm/layout.Settled):
  // the program starts from the one of its graph and window's shape.
  const poster = document.getElementById('poster');
  boot.layouts = (poster && poster.dataset.layouts) || '';

  let module;
  try {
    [module, boot.dataset] = await Promise.all([
      compileWasm(document.documentElement.dataset.wasm || 'ouroboros.wasm'),
      dataset.then((b) => { mark('dataset-fetched'); return b; }),
    ]);
  } catch (e) {
    return fail(e.message);
  }
  $('loader-text').textContent = t('loading.starting');
  const go = new Go();
  let instance;
  try {
    instance = await WebAssembly.instantiate(module, go.importObject);
  } catch (e) {
    return fail(t('error.instantiate', { message: e.message }));
  }
  mark('instantiated');
  go.run(instance).then(
    () => { if (!started) fail(t('error.stoppedEarly')); },
    (e) => fail(t('error.stopped', { message: e && e.message ? e.message : String(e) })),
  );
}

start().catch((e) => fail(t('error.start', { message: e && e.message ? e.message : String(e) })));
