// The story's caption folds to one line and unfolds to its whole text. Its
// heading is a button (aria-expanded) that a tap, a click or the keyboard
// toggles; on phones the caption is a bottom sheet whose heading is also its
// grab handle, swiped up to unfold and down to fold. The caption's box is a
// chrome box (geometry.js watches its size and class), so each change of
// state reaches the program, which frames the step again in the space the
// sheet leaves.
import { api, params } from './app.js';
import { $ } from './dom.js';

const box = $('caption');
const toggle = $('caption-toggle');
const phone = window.matchMedia('(max-width: 719.98px)');

// hostSteps: the host page scrolls its own paragraphs through the steps
// (embed.js adds steps=host to the link when the page has
// data-ouroboros-step elements for this frame). The article's paragraph is
// then the step's text, so the caption keeps only its title.
export const hostSteps = params.mode === 'embed' && params.steps === 'host';

// A swipe is a move of the finger this far (CSS px) along the handle.
const SWIPE = 24;

// foldedAtStart is the state a story opens in. On a phone it opens folded
// to its title and Back/Next: at 390×844 the timeline, the toolbar and
// the reading sentence already take about a third of the screen, and the
// whole text would take half of what is left, so that the step's subjects
// would be framed in a strip a quarter of the screen high, too small to
// read their names. Folded, the sheet is two rows and the picture keeps
// more than half the screen; the title says what the step shows, and a tap
// or a swipe up gives the text and its sources. Wider screens have room
// for the whole caption beside the picture.
const foldedAtStart = () => hostSteps || phone.matches;

function setFolded(folded) {
  box.classList.toggle('folded', folded);
  toggle.setAttribute('aria-expanded', String(!folded));
}

setFolded(foldedAtStart());

// A tap or a click toggles; a swipe has done its work by then, and the
// click the browser may still send after it is dropped. A click from the
// keyboard (detail 0) always toggles.
let swiped = false;
toggle.addEventListener('click', (e) => {
  if (swiped && e.detail !== 0) { swiped = false; return; }
  setFolded(!box.classList.contains('folded'));
});

// The swipe: pointer events on the handle only (its touch-action is none
// in style.css), so the text below keeps the browser's own scrolling. The
// state changes as soon as the finger has moved far enough.
let from = null;
toggle.addEventListener('pointerdown', (e) => {
  swiped = false;
  from = { id: e.pointerId, y: e.clientY };
  try { toggle.setPointerCapture(e.pointerId); } catch (err) { /* not every pointer can be captured */ }
});
toggle.addEventListener('pointermove', (e) => {
  if (!from || e.pointerId !== from.id) return;
  const dy = e.clientY - from.y;
  if (Math.abs(dy) < SWIPE) return;
  swiped = true;
  from.y = e.clientY;
  setFolded(dy > 0);
});
const end = (e) => { if (from && e.pointerId === from.id) from = null; };
toggle.addEventListener('pointerup', end);
toggle.addEventListener('pointercancel', end);

// Each story opens in the state above; within a story the reader's choice
// stays from step to step. Crossing the phone's width starts afresh.
let story = null;
function follow(open) {
  if (open && open !== story) setFolded(foldedAtStart());
  story = open || null;
}
phone.addEventListener('change', () => setFolded(foldedAtStart()));
api.ready.then((s) => {
  follow(s.story);
  api.on('step', (d) => follow(d.story));
}, () => {});
