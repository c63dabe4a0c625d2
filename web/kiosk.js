// Kiosk mode (mode=kiosk in the link): an unattended touch screen. The page
// becomes touch-first (44 px targets, no selection, context menu or page
// zoom, fullscreen on the first touch, the pointer hidden when idle), shows
// the program's attract loop (every story in turn, the camera drifting
// slowly) with an invitation to touch, and its "Still there?" countdown when
// a visitor walks away, and installs a service worker so that it runs
// offline after one visit. The loop and its timers are the program's
// (wasm/session); this module only presents them, through window.ouroboros
// and the boot object's pointer input, like a host script would.
import { api, boot, params } from './app.js';
import { $, el, picture } from './dom.js';
import { t } from './words.js';

// Only a link that asks for a kiosk gets one (params: the query, the hash
// over it, as app.js read them).
if (params.mode === 'kiosk') startKiosk();

function startKiosk() {
  const root = document.documentElement;
  root.classList.add('kiosk', 'pointer-idle');

  // No page zoom: touch-action (style.css, html.kiosk) leaves a finger
  // panning but not pinching the page, and the browser's zoom keys and
  // ctrl+wheel do nothing (the network's own zoom stays). The viewport
  // keeps the page's own content, without maximum-scale or
  // user-scalable=no: those would stop a reader's zoom on every browser,
  // and accessibility checkers (axe's meta-viewport) refuse them.
  const block = (e) => e.preventDefault();
  window.addEventListener('contextmenu', block);
  window.addEventListener('dragstart', block);
  window.addEventListener('selectstart', block);
  window.addEventListener('gesturestart', block);
  window.addEventListener('wheel', (e) => { if (e.ctrlKey) e.preventDefault(); }, { passive: false, capture: true });
  window.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && ['+', '-', '=', '_', '0'].includes(e.key)) e.preventDefault();
  }, true);

  // Fullscreen on the first touch: browsers allow it only in answer to a
  // gesture, and may still refuse (a kiosk browser already is fullscreen).
  const fullscreen = () => {
    if (document.fullscreenElement || !root.requestFullscreen) return;
    root.requestFullscreen({ navigationUI: 'hide' }).catch(() => {});
  };
  window.addEventListener('pointerup', fullscreen, true);

  // The pointer shows while a mouse moves and hides after a few seconds.
  let cursorTimer = 0;
  window.addEventListener('pointermove', (e) => {
    if (e.pointerType !== 'mouse') return;
    root.classList.remove('pointer-idle');
    clearTimeout(cursorTimer);
    cursorTimer = setTimeout(() => root.classList.add('pointer-idle'), 3000);
  }, { passive: true, capture: true });

  // The "Still there?" screen and the attract loop's invitation, built with
  // textContent only.
  const withID = (e, id) => { e.id = id; return e; };
  const still = withID(el('div'), 'still');
  still.hidden = true;
  still.setAttribute('role', 'alertdialog');
  still.setAttribute('aria-labelledby', 'still-title');
  const stillBox = el('div');
  const count = withID(el('span'), 'still-count');
  const countLine = el('p');
  // Words with data-ui take the dataset's once the program hands them
  // over (words.js); the count's line is written again then.
  const say = (e, key) => { e.dataset.ui = key; e.textContent = t(key); return e; };
  const countWords = () => {
    const [before, after] = t('kiosk.startingOver').split('{n}');
    countLine.replaceChildren(before, count, after || '');
  };
  countWords();
  api.ready.then(countWords, () => {});
  stillBox.append(withID(say(el('h2'), 'kiosk.still'), 'still-title'), say(el('p'), 'kiosk.touch'), countLine);
  still.append(stillBox);
  const hint = withID(say(el('p'), 'kiosk.hint'), 'attract-hint');
  // In the page's main landmark, with the picture they speak of.
  $('stage').append(still, hint);

  // The kiosk's loop (attract, visitor, countdown) runs in the program on
  // its ticks (wasm/session); this module shows where it is, from
  // state().kiosk and the "kiosk" event, and tells the program when
  // someone is there. For tests and tools: the kiosk's phase and counters.
  const current = () => {
    const s = api.state();
    return (s && s.kiosk) || { phase: 'starting', left: 0, resets: 0, stepsShown: 0 };
  };
  Object.defineProperty(window, 'ouroborosKiosk', {
    value: Object.freeze({
      get phase() { return current().phase; },
      get left() { return current().left; },
      get resets() { return current().resets; },
      get stepsShown() { return current().stepsShown; },
    }),
    enumerable: true,
  });

  let shown = '';
  function show(k) {
    if (k.phase === 'attract' && shown !== 'attract') closeAll();
    shown = k.phase;
    root.classList.toggle('attract', k.phase === 'attract');
    still.hidden = k.phase !== 'countdown';
    if (k.phase === 'countdown') count.textContent = String(k.left);
  }

  // Back to the attract loop: everything a visitor opened closes (the
  // program has reset the view).
  function closeAll() {
    for (const d of document.querySelectorAll('dialog[open]')) d.close();
    $('panel').hidden = true;
    $('panel-toggle').setAttribute('aria-expanded', 'false');
    $('search').value = '';
    $('hover').hidden = true;
    $('notices').hidden = true;
  }

  // Any touch, key or wheel anywhere on the page is someone there: the
  // program hands the attract loop over, or keeps from starting over (the
  // touch itself still acts, so a tap in the attract loop selects). A
  // moving mouse says so often; once a quarter second is enough.
  let told = -Infinity;
  function activity(e) {
    if (e.timeStamp - told < 250) return;
    told = e.timeStamp;
    try { api.send({ type: 'activity' }); } catch (err) { console.warn('kiosk: ' + err.message); }
  }

  // A tap on the network shows the card of the edge under the finger: what
  // a mouse's hover shows elsewhere. (A tapped entity shows its full card
  // by selection.)
  function tapCards() {
    const canvas = picture();
    if (!canvas || typeof boot.pointer !== 'function') return;
    let down = null;
    // A touch anywhere else puts the card away (one on the canvas does so
    // in app.js).
    window.addEventListener('pointerdown', (e) => { if (e.target !== canvas) $('hover').hidden = true; }, true);
    canvas.addEventListener('pointerdown', (e) => {
      down = e.pointerType === 'touch' && e.isPrimary ? { x: e.clientX, y: e.clientY } : null;
    });
    canvas.addEventListener('pointerup', (e) => {
      if (!down || e.pointerType !== 'touch' || Math.hypot(e.clientX - down.x, e.clientY - down.y) > 8) return;
      const r = canvas.getBoundingClientRect();
      // A pointer id no finger has: a move of a pointer that is not down
      // is a hover.
      boot.pointer('move', -1, e.clientX - r.left, e.clientY - r.top, e.timeStamp, true);
    });
  }

  api.on('kiosk', show);
  api.ready.then((s) => {
    show(s.kiosk);
    for (const type of ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart']) {
      window.addEventListener(type, activity, { capture: true, passive: true });
    }
    tapCards();
    // Offline after one visit. Registered once the program has loaded, so
    // that precaching finds it in the HTTP cache instead of downloading it
    // a second time.
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.register('sw.js').catch((e) => console.warn('kiosk: no offline copy: ' + e.message));
    }
  }, () => {
    // A kiosk has nobody to press reload: try again in a minute (the
    // network may be back, or the server restarted).
    setTimeout(() => location.reload(), 60000);
  });
}
