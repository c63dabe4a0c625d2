// The picture for everyone (issue 8): the text twin of the canvas, the
// canvas's role and label, the polite live region, the pause control and
// the text view. The twin's facts and figures come from the program
// (boot.twinFacts() once, boot.twin() on each change:
// the same dataset and analysis as the picture; see wasm/page/twin.go);
// this script writes them as sentences with textContent alone, so a
// dataset's text never becomes markup. Otherwise it talks to the page
// through window.ouroboros (app.js's api) like any host would.
import { api, boot } from './app.js';
import { $, el, inKiosk, picture, webURL } from './dom.js';
import { count, t } from './words.js';

let last = '';
let facts = null;
let twin = null;
let open = false;

// Only web pages become links, opened in a new tab with neither opener
// nor referrer; anything else stays text. A kiosk has no way back from
// another site, so there every source stays text (as in its caption).
function source(src) {
  const label = src.Publisher + (src.Title ? ': ' + src.Title : '');
  if (!webURL(src.URL) || inKiosk()) return el('span', label);
  const a = el('a', label);
  a.href = src.URL;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  return a;
}

// Marks for the selection and the story step's focus: aria-current for
// screen readers, and words for everyone.
function mark(li, selected, focus) {
  if (selected) {
    li.setAttribute('aria-current', 'true');
    li.append(el('span', t('twin.selected'), 'twin-mark'));
  }
  if (focus) {
    li.classList.add('twin-focus');
    li.append(el('span', t('twin.inStep'), 'twin-mark'));
  }
}

// Every figure comes in words from the program (wasm/wording): the
// amounts and capacities of the deals in facts, the totals and loops'
// figures in the twin.
const name = (i) => facts.Entities[i].Name;

// "Nvidia → OpenAI, equity, up to $100B, definitive, 2025-09": the deal
// as of the date on screen (at, from the twin), its updates applied.
function dealText(x, at) {
  const parts = [name(x.From) + ' → ' + name(x.To), facts.Types[x.Type], at.amount];
  if (at.capacity) parts.push(at.capacity);
  parts.push(facts.Statuses[at.status], x.Until ? t('twin.dealUntil', { from: x.Date, until: x.Until }) : x.Date);
  return parts.join(', ');
}

// "AI lab; pays $11B in 3 deals; receives $1.5B in 1 deal; buys 800 MW
// of capacity; in 2 loops." A total is known when a deal is disclosed.
function entityText(i) {
  const f = twin.flows[i];
  const flow = (verb, m, text) => {
    if (!m.deals) return t(verb === 'pays' ? 'twin.paysNothing' : 'twin.receivesNothing');
    const known = m.deals > m.undisclosed;
    let s = t(verb === 'pays' ? 'twin.pays' : 'twin.receives', { amount: known ? text : t('card.undisclosedAmounts'), deals: count('count.deals', m.deals) });
    if (known && m.undisclosed) s += ' ' + t('twin.undisclosedIn', { n: m.undisclosed });
    return s;
  };
  const parts = [facts.Kinds[facts.Entities[i].Kind].Label, flow('pays', f.out, f.outText), flow('receives', f.in, f.inText)];
  if (f.boughtText) parts.push(t('twin.buys', { capacity: f.boughtText }));
  if (f.soldText) parts.push(t('twin.sells', { capacity: f.soldText }));
  parts.push(f.loops ? t('twin.inLoops', { loops: count('count.loops', f.loops) }) : t('twin.inNoLoop'));
  return parts.join('; ') + '.';
}

function loopText(lp, words) {
  const path = lp.Entities.concat(lp.Entities[0]).map(name).join(' → ');
  return t('twin.loop', { path, amount: words.RoundTrip, date: lp.Closed });
}

// The sentences the live region says.
function focusText(i) {
  return name(i) + ': ' + entityText(i);
}
// A loop the keyboard picked, by its key (the entities' ids): as the twin
// lists it, or, beyond the twin's first loops, in the same words from the
// explore panel's report of the picked loop.
function pickedLoopText(key) {
  const index = new Map(facts.Entities.map((e, i) => [e.ID, i]));
  const k = twin.loops.findIndex((lp) => lp.Entities.map((i) => facts.Entities[i].ID).join(' ') === key);
  if (k >= 0) return loopText(twin.loops[k], twin.loopTexts[k]);
  const r = api.state().explore.loop;
  if (!r || r.entities.join(' ') !== key) return '';
  return loopText({ Entities: r.entities.map((id) => index.get(id)), Closed: r.closed }, { RoundTrip: r.roundTripText });
}
function selectionText() {
  const i = twin.selection;
  return i < 0 ? t('twin.cleared') : t('twin.selectedName', { name: name(i), text: entityText(i) });
}
function stepText(c) {
  return c ? t('twin.step', { story: c.storyTitle, step: c.step, steps: c.steps, title: c.title, text: c.text }) : '';
}

// Fetches the facts once and the figures when they changed; false when
// nothing changed.
function fetchTwin() {
  if (typeof boot.twin !== 'function') return false;
  if (!facts) facts = JSON.parse(boot.twinFacts());
  const json = boot.twin();
  if (json === last) return false;
  last = json;
  twin = JSON.parse(json);
  return true;
}

function render() {
  if (!fetchTwin()) return;
  const tw = twin;
  const s = api.state();
  const body = $('twin-body');
  // Keep the keyboard's place across a re-render.
  const focused = body.contains(document.activeElement) ? document.activeElement.dataset.key : null;
  const focusE = new Set(tw.focusEntities);
  const focusD = new Set(tw.focusDeals);
  for (const i of tw.focusDeals) { focusE.add(facts.Deals[i].From); focusE.add(facts.Deals[i].To); }
  const loops = tw.loops.length + tw.moreLoops;
  const more = (n) => (tw.truncated ? t('twin.moreThan', { n }) : n);
  const summary = [count('count.entities', facts.Entities.length), count('count.deals', tw.deals.length),
    tw.truncated ? t('twin.moreThan', { n: count('count.loops', loops) }) : count('count.loops', loops)].join(', ') +
    '; ' + (s.asOf ? t('twin.upTo', { date: s.view.shownAsOf || s.asOf }) : t('twin.everyDate')) + '.';
  const step = stepText(s.caption);

  const parts = [el('h2', facts.Title, 'twin-title')];
  if (facts.Subtitle) parts.push(el('p', facts.Subtitle));
  if (s.dataset.factsAsOf) parts.push(el('p', s.dataset.factsAsOf + '.'));
  parts.push(el('p', summary));
  if (step) parts.push(el('p', step, 'twin-step'));
  parts.push(el('p', tw.selection < 0 ? t('twin.nothing') : selectionText()));

  parts.push(el('h3', t('twin.entities', { n: facts.Entities.length })));
  const ents = el('ul', undefined, 'twin-entities');
  facts.Entities.forEach((e, i) => {
    const li = el('li');
    li.append(el('strong', e.Name), document.createTextNode(': ' + entityText(i)));
    mark(li, i === tw.selection, focusE.has(i));
    ents.append(li);
  });
  parts.push(ents);

  parts.push(el('h3', t('twin.deals', { n: tw.deals.length })));
  const later = facts.Deals.length - tw.deals.length;
  if (later) {
    parts.push(el('p', count('twin.later', later, { date: s.view.shownAsOf || s.asOf })));
  }
  const deals = el('ul', undefined, 'twin-deals');
  tw.deals.forEach((di, k) => {
    const x = facts.Deals[di];
    const li = el('li');
    li.append(el('span', dealText(x, tw.dealsAt[k]), 'twin-deal'));
    if (x.Summary) li.append(document.createTextNode('. ' + x.Summary));
    if (x.Sources && x.Sources.length) {
      li.append(document.createTextNode(t('twin.sources')));
      x.Sources.forEach((si, k) => {
        if (k) li.append(document.createTextNode(', '));
        const a = source(facts.Sources[si]);
        a.dataset.key = x.ID + '/' + k;
        li.append(a);
      });
    }
    mark(li, x.From === tw.selection || x.To === tw.selection, focusD.has(di));
    deals.append(li);
  });
  parts.push(deals);

  parts.push(el('h3', t('twin.loops', { n: more(loops) })));
  if (loops === 0) parts.push(el('p', t('twin.noLoops')));
  const list = el('ol', undefined, 'twin-loops');
  tw.loops.forEach((lp, k) => {
    const words = tw.loopTexts[k];
    const li = el('li', loopText(lp, words));
    const hops = el('ul');
    lp.Hops.forEach((h, j) => {
      hops.append(el('li', t('twin.hop', { from: name(h.From), to: name(h.To), amount: words.hops[j], deals: count('count.deals', h.Deals.length) })));
    });
    li.append(hops);
    mark(li, lp.Entities.includes(tw.selection), false);
    list.append(li);
  });
  parts.push(list);
  if (tw.moreLoops) parts.push(el('p', t('twin.moreLoops', { n: more(tw.moreLoops) })));

  body.replaceChildren(...parts);
  reachable();
  if (focused) {
    const again = body.querySelector('[data-key="' + CSS.escape(focused) + '"]');
    if (again) again.focus();
  }
  let label = t('twin.picture', { title: facts.Title, summary });
  if (tw.selection >= 0) label += t('twin.pictureSelected', { name: name(tw.selection) });
  if (s.caption) label += t('twin.pictureStep', { step: s.caption.step, steps: s.caption.steps, title: s.caption.title });
  const canvas = picture();
  if (canvas) canvas.setAttribute('aria-label', label + t('twin.pictureTail'));
}

// Hidden, the twin is for screen readers only: its links leave the Tab
// order so that the keyboard's focus is never somewhere unseen.
function reachable() {
  for (const a of $('twin').querySelectorAll('a')) {
    if (open) a.removeAttribute('tabindex'); else a.tabIndex = -1;
  }
}

// The polite live region: cleared first, so that the same sentence twice
// is still read.
// Only the last of sentences said at once is read: ↓ following the money
// moves the focus and the selection.
let saying = 0;
function announce(text) {
  const box = $('announce');
  box.textContent = '';
  clearTimeout(saying);
  if (text) saying = setTimeout(() => { box.textContent = text; }, 50);
}

// The open text view is modal: the page behind it is inert, so that the
// keyboard's focus never goes where nobody sees it.
function showTwin(on) {
  open = on;
  for (const e of document.body.children) {
    if (e.id !== 'twin' && e.id !== 'announce') e.inert = on;
  }
  const box = $('twin');
  box.classList.toggle('sr-only', !on);
  box.classList.toggle('open', on);
  document.body.classList.toggle('text-view', on);
  $('text-view').setAttribute('aria-expanded', String(on));
  $('twin-close').hidden = !on;
  reachable();
  if (on) $('twin-heading').focus();
  else $('text-view').focus();
}

function paused() {
  const s = api.state();
  $('motion').setAttribute('aria-pressed', String(!!(s && s.paused)));
}

api.ready.then((s) => {
  const canvas = picture();
  if (canvas) canvas.setAttribute('role', 'img');
  document.documentElement.classList.toggle('reduce-motion', s.motion === 'reduced');
  // The text view's first writing (a third of the page's answer to the
  // first frame, issue 19) waits for a task of its own: ready, and with
  // it a host's commands and the second frame, do not wait for a view
  // that is only read, a moment later, by a screen reader or on Text.
  setTimeout(render, 0);
  paused();
  $('motion').hidden = false;
  $('text-view').hidden = false;
  $('motion').addEventListener('click', () => api.send({ type: api.state().paused ? 'play' : 'pause' }));
  $('text-view').addEventListener('click', () => showTwin(!open));
  $('twin-close').addEventListener('click', () => showTwin(false));
  // Keys in the text view are for reading it: none may move the picture
  // behind (app.js listens on the window, after this capturing listener),
  // and Esc goes back. Tab and Enter keep their default actions.
  window.addEventListener('keydown', (e) => {
    if (!open) return;
    e.stopImmediatePropagation();
    if (e.key === 'Escape') { e.preventDefault(); showTwin(false); }
  }, true);
  api.on('select', () => { render(); announce(selectionText()); });
  // The arrow keys in the canvas: the entity or the loop they moved to.
  api.on('focus', (d) => {
    render();
    if (d.loop) announce(pickedLoopText(d.loop));
    else if (d.id) announce(focusText(facts.Entities.findIndex((e) => e.ID === d.id)));
  });
  api.on('step', (d) => { render(); announce(d.story ? stepText(api.state().caption) : t('announce.storyClosed')); });
  api.on('asof', render);
  api.on('pause', (d) => {
    paused();
    announce(t(d.paused ? 'announce.paused' : 'announce.resumed'));
  });
}, () => {});
