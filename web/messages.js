// The explainer inside another page: messages with the host (page API §3)
// and the lean embed mode (mode=embed, §1 and §4).
//
// Commands: the host posts {ouroboros: 1, ...command}. One is run only when
// it comes from this page's parent window; anything else (another window or
// frame, a malformed or oversized message, an unknown command) is ignored
// without an exception reaching either page. Events: the parent is told
// {ouroboros: 1, type: "ready" | "select" | "step" | "asof" | "autoplay" |
// "height" | "error", ...}. They carry only what the explainer shows to
// anyone, so they are posted to any origin: the page cannot know its
// host's origin without the referrer, which it does not rely on.
import { api, params } from './app.js';
import { $, picture } from './dom.js';
import { hostSteps } from './sheet.js';
import { t } from './words.js';

// A command is small: the API's largest is a loop of entity ids.
const MAX_MESSAGE_CHARS = 4096;
const MAX_EARLY = 16;

if (params.mode === 'embed') setUpEmbed();

let parent = null;
try { if (window.parent && window.parent !== window) parent = window.parent; } catch (e) { /* no parent to talk to */ }
if (parent) setUpMessages(parent);

function setUpMessages(host) {
  let started = false;
  const early = [];
  const tell = (type, detail) => {
    try { host.postMessage(Object.assign({}, detail, { ouroboros: 1, type }), '*'); } catch (e) { /* the host went away */ }
  };
  const run = (command) => {
    try {
      api.send(command);
    } catch (e) {
      tell('error', { command: String(command.type).slice(0, 40), message: e.message });
    }
  };

  window.addEventListener('message', (e) => {
    try {
      const command = parse(e, host);
      if (!command) return;
      if (started) run(command);
      else if (early.length < MAX_EARLY) early.push(command);
    } catch (err) {
      // Nothing a host sends may break the explainer or throw into its page.
    }
  });

  for (const type of ['select', 'step', 'asof', 'autoplay']) api.on(type, (detail) => tell(type, detail));
  let lastHeight = 0;
  const height = () => {
    const h = contentHeight();
    if (h !== lastHeight) { lastHeight = h; tell('height', { height: h }); }
  };
  // The height follows the frame's width only: a host that resizes the
  // frame to it keeps the article still while its steps go by.
  window.addEventListener('resize', height);
  height();

  api.ready.then((s) => {
    started = true;
    tell('ready', {
      title: s.dataset.title, story: s.story, step: s.step, selection: s.selection, asOf: s.asOf, mode: s.mode,
      stories: (s.stories || []).map((st) => ({ id: st.id, title: st.title, steps: st.steps })),
    });
    height();
    for (const command of early.splice(0)) run(command);
  }, (err) => {
    tell('error', { message: String(err && err.message) });
    height();
  });
}

// parse returns the command in a message event, or null when the event
// is not a command from the host: the wrong sender, not an object marked
// ouroboros: 1 with a string type, or too large.
function parse(e, host) {
  if (e.source !== host) return null;
  const d = e.data;
  if (d === null || typeof d !== 'object' || Array.isArray(d) || d.ouroboros !== 1 || typeof d.type !== 'string') return null;
  if (d.type.length > 64) return null;
  let json;
  try { json = JSON.stringify(d); } catch (err) { return null; }
  if (typeof json !== 'string' || json.length > MAX_MESSAGE_CHARS) return null;
  const command = JSON.parse(json);
  delete command.ouroboros;
  return command;
}

// contentHeight is the height, in CSS pixels, the explainer wants at its
// width: the network in a landscape box and, when the link opens a story or
// the host drives one, room for the caption below the network's top part.
// It depends on the width alone, never on the frame's height (a host
// resizing the frame to it settles at once) nor on the step: a caption
// longer than its room scrolls, and one that the host drives is folded to
// its title (sheet.js), so that the article does not jump between steps.
function contentHeight() {
  const w = document.documentElement.clientWidth || window.innerWidth;
  const narrow = w <= 600;
  // The network's landscape box, and the timeline's row of year marks
  // (style.css's --timeline is 100 px: 56 for the scrubber, 44 for them).
  let h = Math.round(Math.min(640, Math.max(380, w * 0.62))) + 44;
  if (params.story || hostSteps) {
    // The caption (its title and Back/Next when folded, else its text in
    // up to 16 rem), the timeline (100), the toolbar's row on narrow
    // screens, and a view of the network above the caption.
    const caption = hostSteps ? 112 : 256;
    h = Math.max(h, caption + 100 + (narrow ? 62 : 12) + (narrow ? 260 : 220));
  }
  return Math.min(h, 2000);
}

// Embed mode: lean chrome (style.css, body.embed) and no scroll trap.
// The engine's canvas takes wheel and touch to zoom and pan; until the
// reader clicks or taps into the explainer, a transparent layer above it
// lets them scroll the article instead. Going back to the article (the
// frame loses focus, the mouse leaves) or Esc puts the layer back.
function setUpEmbed() {
  document.body.classList.add('embed');
  const shield = $('shield');
  if (!shield) return;
  if (window.matchMedia && matchMedia('(pointer: coarse)').matches) $('shield-hint').dataset.ui = 'shield.tap';
  $('shield-hint').textContent = t('shield.tap');
  const hint = $('shield-hint');
  const arm = () => { shield.hidden = false; hint.hidden = false; };
  // A wheel or a touch on the network that scrolls the article instead
  // says how to explore it.
  let nudged = 0;
  const nudge = () => {
    hint.classList.add('nudge');
    clearTimeout(nudged);
    nudged = setTimeout(() => hint.classList.remove('nudge'), 1800);
  };
  shield.addEventListener('wheel', nudge, { passive: true });
  shield.addEventListener('touchstart', nudge, { passive: true });
  shield.addEventListener('click', () => {
    shield.hidden = true;
    hint.hidden = true;
    hint.classList.remove('nudge');
    const canvas = picture();
    if (canvas) canvas.focus({ preventScroll: true });
  });
  window.addEventListener('blur', arm);
  // A mouseout to nowhere is the mouse leaving the frame.
  document.addEventListener('mouseout', (e) => { if (!e.relatedTarget) arm(); });
  window.addEventListener('keydown', (e) => { if (e.key === 'Escape') arm(); });
  arm();
}
