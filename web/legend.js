// Issue 16, the picture that explains itself: the reading sentence under
// the title, the legend over the canvas' corner with its "What makes a
// loop circular?" card, and the loops list (circular deals by rank, the
// others behind a toggle). Every word, colour and width comes from the
// program's state() (wasm/page), so that the legend says what the scene
// draws; this module only places them.
import { $, el, inKiosk, webURL } from './dom.js';
import { t } from './words.js';

let send = null;

// wireLegend hooks the legend's buttons; send runs a command as
// ouroboros.send does, state returns ouroboros.state().
export function wireLegend(sendCommand, state) {
  send = sendCommand;
  // A resize rewraps the title and the sentence: place them again once
  // the program has laid the title out for the new width.
  let again = 0;
  window.addEventListener('resize', () => {
    clearTimeout(again);
    again = setTimeout(() => { const s = state(); if (s && s.reading) renderLegend(s); }, 200);
  });
  const key = $('legend-key');
  key.addEventListener('click', () => {
    const open = !$('legend').classList.contains('open');
    $('legend').classList.toggle('open', open);
    key.setAttribute('aria-expanded', String(open));
  });
  $('circular-open').addEventListener('click', () => {
    showCircular($('circular-card').hidden);
    if (!$('circular-card').hidden) $('circular-close').focus();
  });
  $('circular-close').addEventListener('click', () => { showCircular(false); $('circular-open').focus(); });
  $('circular-card').addEventListener('keydown', (e) => {
    if (e.key === 'Escape') { e.stopPropagation(); showCircular(false); $('circular-open').focus(); }
  });
  $('other-toggle').addEventListener('click', () => showOthers($('other-list').hidden));
  $('legend').hidden = false;
}

function showCircular(open) {
  $('circular-card').hidden = !open;
  $('circular-open').setAttribute('aria-expanded', String(open));
}

function showOthers(open) {
  $('other-list').hidden = !open;
  $('other-toggle').setAttribute('aria-expanded', String(open));
}

// The legend and the circular card hang under the reading sentence
// (--reading-bottom), whose height is known only once it is laid out. A
// ResizeObserver hands it over in the rendering step, after the browser's
// own layout: reading offsetHeight here forced the page's first layout in
// the middle of the wiring, 200–330 ms of the start on two cores while
// the GPU process drew the first frame (issue 19). A hidden sentence
// measures 0.
let sized = null;
let headTop = 0;
let headHeight = 0;

function underHead() {
  document.body.style.setProperty('--reading-bottom', headTop + headHeight + 6 + 'px');
}

// renderLegend writes the reading sentence, the legend's colours and
// widths and the circular card from the state s.
export function renderLegend(s) {
  const r = s.reading;
  const head = $('headline');
  head.textContent = r.headline;
  head.style.top = s.view.topInset + 'px';
  head.hidden = !r.headline;
  headTop = s.view.topInset;
  if (!sized) {
    sized = new ResizeObserver(([e]) => { headHeight = e.borderBoxSize[0].blockSize; underHead(); });
    sized.observe(head);
  }
  underHead();

  const k = s.explore.legend.key;
  for (const e of document.querySelectorAll('.shape-money')) e.style.background = k.money;
  for (const e of document.querySelectorAll('.shape-capacity')) e.style.background = k.capacity;
  for (const e of document.querySelectorAll('#legend-loop, .key-line')) e.style.borderTopColor = k.loop;
  for (const e of document.querySelectorAll('.legend-line:not(#legend-loop)')) e.style.borderTopColor = k.edge;
  document.querySelector('.legend-line.faded').style.borderTopColor = k.faded;
  document.querySelector('.legend-line.thin').style.borderTopWidth = k.undisclosedCSS + 'px';
  const widths = $('legend-widths');
  const wkey = k.widths.map((w) => w.text + ':' + w.css).join('|');
  if (widths.dataset.key !== wkey) {
    widths.dataset.key = wkey;
    widths.replaceChildren(...k.widths.map((w) => {
      const line = el('span', undefined, 'legend-line');
      line.setAttribute('aria-hidden', 'true');
      line.style.borderTopColor = k.edge;
      line.style.borderTopWidth = w.css + 'px';
      const mark = el('span', undefined, 'legend-mark');
      mark.append(line);
      const li = el('li');
      li.append(mark, document.createTextNode(w.text));
      return li;
    }));
    $('legend-widths').previousElementSibling.hidden = k.widths.length === 0;
  }
  const kinds = $('legend-kinds-key');
  const kkey = s.explore.legend.kinds.map((x) => x.label + ':' + x.color).join('|');
  if (kinds.dataset.key !== kkey) {
    kinds.dataset.key = kkey;
    kinds.replaceChildren(...s.explore.legend.kinds.map((x) => {
      const dot = el('span', undefined, 'kind-dot');
      dot.setAttribute('aria-hidden', 'true');
      dot.style.background = x.color;
      const li = el('li');
      li.append(dot, document.createTextNode(x.label));
      return li;
    }));
  }
  $('circular-rule').textContent = r.rule;
  $('circular-example').textContent = r.example;
  $('circular-example').hidden = !r.example;
}

// renderLoops fills the loops list: circular deals first by rank, then
// the other loops behind the toggle, each a button that highlights it.
// picked is the highlighted loop's entities joined by spaces, name an id's
// name.
export function renderLoops(s, picked, name) {
  const item = (lp, text, tag) => {
    const key = lp.entities.join(' ');
    const b = el('button', lp.entities.concat(lp.entities[0]).map(name).join(' → ') + ' · ' + text);
    b.type = 'button';
    b.setAttribute('aria-pressed', String(key === picked));
    if (tag) b.append(el('span', tag, 'loop-tag'));
    b.addEventListener('click', () => send({ type: 'pickLoop', entities: key === picked ? [] : lp.entities }));
    const li = el('li');
    li.append(b);
    return li;
  };
  const more = (n) => el('li', t('more', { n }));
  const circular = s.loops.filter((lp) => lp.kind === 'circular').sort((a, b) => a.rank - b.rank);
  const others = s.loops.filter((lp) => lp.kind !== 'circular');
  $('loop-count').textContent = '(' + s.loops.length + (s.loopsTruncated ? '+' : '') + ')';
  $('loop-list').replaceChildren(...circular.slice(0, 50).map((lp) => item(lp, t('loop.goesRound', { amount: lp.roundTripText }))),
    ...(circular.length > 50 ? [more(circular.length - 50)] : []));
  $('loop-circular-title').hidden = circular.length === 0;
  $('other-toggle').textContent = t('panel.othersCount', { n: others.length + (s.loopsTruncated ? '+' : '') });
  $('other-toggle').hidden = others.length === 0;
  $('other-list').replaceChildren(...others.slice(0, 50).map((lp) => item(lp, t('loop.roundTrip', { amount: lp.roundTripText }), lp.kindText)),
    ...(others.length > 50 ? [more(others.length - 50)] : []));
  // A picked loop among the others shows where it is.
  if (others.some((lp) => lp.entities.join(' ') === picked)) showOthers(true);
}

// dealHistory lists a deal's history: each entry's date, what changed and its
// sources, linked where they are web pages (text in a kiosk and where the
// list cannot be clicked, links false).
export function dealHistory(entries, links) {
  const list = el('ul', undefined, 'history');
  for (const h of entries) {
    const li = el('li', h.date + ': ' + h.change + '. ' + h.summary);
    if (h.sources.length) {
      li.append(document.createTextNode(' Sources: '));
      h.sources.forEach((src, i) => {
        if (i) li.append(document.createTextNode(', '));
        if (links && webURL(src.url) && !inKiosk()) {
          const a = el('a', src.publisher);
          a.href = src.url;
          a.target = '_blank';
          a.rel = 'noopener noreferrer';
          li.append(a);
        } else {
          li.append(document.createTextNode(src.publisher));
        }
      });
    }
    list.append(li);
  }
  return list;
}
