// geometry(): what is drawn now, in CSS pixels of the page (page-api.md
// §2). The program reports the last frame it built (boot.geometry(): the
// discs, the names and the edges' figures, in CSS pixels of the canvas,
// and the title block it draws); this module moves them to the page by the
// canvas's place and adds the page's own boxes over the canvas: every
// visible element marked data-chrome="name", as the browser lays it out.
import { $, picture } from './dom.js';

// The page's boxes that lie over the canvas, by element id. Other modules
// mark their own (the legend, the headline) with data-chrome in the page.
const CHROME = { caption: 'caption', panel: 'panel', controls: 'controls', timeline: 'timeline', card: 'card' };
for (const [id, name] of Object.entries(CHROME)) {
  const e = $(id);
  if (e && !e.hasAttribute('data-chrome')) e.setAttribute('data-chrome', name);
}

const box = (r) => ({ x: r.x, y: r.y, width: r.width, height: r.height });
const shift = (b, dx, dy) => ({ x: b.x + dx, y: b.y + dy, width: b.width, height: b.height });
const overlaps = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

// geometry turns the program's report into the page API's answer; null
// before the program can answer.
export function geometry(boot) {
  const canvas = picture();
  if (!canvas || typeof boot.geometry !== 'function') return null;
  const c = box(canvas.getBoundingClientRect());
  const g = JSON.parse(boot.geometry());
  const chrome = g.chrome.map((b) => Object.assign({ name: b.name }, shift(b, c.x, c.y)))
    .filter((b) => b.width > 0 && b.height > 0);
  for (const e of document.querySelectorAll('[data-chrome]')) {
    if (e.hidden || e.closest('[hidden]') || getComputedStyle(e).visibility === 'hidden') continue;
    const b = box(e.getBoundingClientRect());
    if (b.width > 0 && b.height > 0 && overlaps(b, c)) chrome.push(Object.assign({ name: e.dataset.chrome }, b));
  }
  return {
    canvas: c,
    entities: g.entities.map((e) => ({
      id: e.id, x: e.x + c.x, y: e.y + c.y, r: e.r,
      label: e.label ? shift(e.label, c.x, c.y) : null,
      visible: e.visible,
    })),
    edgeLabels: g.edgeLabels.map((l) => Object.assign({ from: l.from, to: l.to, text: l.text }, shift(l, c.x, c.y))),
    chrome,
  };
}

// The page's boxes that come and go over the canvas: a card, the ☰ panel
// and the circular card. The program keeps its text only from the others,
// those that stay while the reader looks at the picture, so that names do
// not jump as a card opens; its camera frames a step or a selection clear
// of them all.
const TRANSIENT = new Set(['card', 'panel', 'circular']);

// watchChrome tells the program, now and whenever one of them moves,
// shows or hides, which boxes the page covers on the canvas
// (boot.cover(x, y, width, height, passing, …) in CSS pixels of the
// canvas, passing 1 for the boxes that come and go).
export function watchChrome(boot) {
  const canvas = picture();
  if (!canvas || typeof boot.cover !== 'function') return;
  let last = '';
  let queued = false;
  const report = () => {
    queued = false;
    const c = box(canvas.getBoundingClientRect());
    const flat = [];
    for (const e of document.querySelectorAll('[data-chrome]')) {
      if (e.hidden || e.closest('[hidden]') || getComputedStyle(e).visibility === 'hidden') continue;
      const b = box(e.getBoundingClientRect());
      if (b.width > 0 && b.height > 0 && overlaps(b, c)) {
        flat.push(b.x - c.x, b.y - c.y, b.width, b.height, TRANSIENT.has(e.dataset.chrome) ? 1 : 0);
      }
    }
    const key = flat.map((v) => Math.round(v)).join(',');
    if (key === last) return;
    last = key;
    boot.cover(...flat);
  };
  const soon = () => {
    if (!queued) {
      queued = true;
      requestAnimationFrame(report);
    }
  };
  const sizes = new ResizeObserver(soon);
  const changes = new MutationObserver(soon);
  for (const e of document.querySelectorAll('[data-chrome]')) {
    sizes.observe(e);
    changes.observe(e, { attributes: true, attributeFilter: ['hidden', 'class', 'style'] });
  }
  changes.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  window.addEventListener('resize', soon);
  soon();
}
