// The poster (issue 6): the build-time picture of the bundled network
// (wasm/poster), where the program will draw the network, while the
// WebAssembly downloads; the program's canvas takes over when
// ouroboros.ready settles. The build puts it into the page inline, a
// <div id="poster"> holding the wide SVG and the tall one (for portrait
// windows), and writes the rules that place it into style.css, so that the
// page's first paint shows it with no script run (issue 19). This script
// hides it for a link to another dataset, hands over to the program, and
// lays it out exactly as the program lays out its first frame (data-fit:
// the poster's drawing area and the page's fit rules; data-fit-tall for
// the tall one), which the style sheet's rules match but for one case (see
// FillCSS).
import { api, onDrawn, params } from './app.js';
import { $ } from './dom.js';

showPoster();

function showPoster() {
  const poster = $('poster');
  if (!poster) return;
  const hide = () => { poster.hidden = true; };
  if (!poster.dataset.fit) return hide();

  // The poster shows one dataset; a link to another gets none. The data
  // parameter is the one app.js read (the hash wins over the query).
  const data = params.data === undefined ? null : params.data;
  if (data !== null && data !== poster.dataset.dataset) return hide();
  // The poster is drawn in the dark theme (as the link preview is): on a
  // light page it would show a dark block before the light canvas, so a
  // light page shows only the loader (the style sheet hides it too, from
  // the first paint, since theme.js runs before it).
  if (document.documentElement.classList.contains('light')) return hide();

  let fits;
  try {
    fits = { wide: JSON.parse(poster.dataset.fit), tall: poster.dataset.fitTall ? JSON.parse(poster.dataset.fitTall) : null };
  } catch (e) {
    return hide(); // a page built without the poster's data shows none
  }
  // The tall poster shows in portrait windows (the style sheet's rule).
  const portrait = window.matchMedia('(max-aspect-ratio: 1/1)');

  // place does what scene.Area does for the window's canvas (the free
  // space below the title and above the chrome, inside the padding; the
  // layout's shape within limits, centred) and maps the poster's own
  // drawing area onto that one. When the window's shape needs another
  // layout shape than the poster's, the poster is fitted inside it, and
  // made smaller if its names would then leave the space the program
  // keeps them in (the window between the title and the chrome).
  function place() {
    const fit = fits.tall && portrait.matches ? fits.tall : fits.wide;
    const W = window.innerWidth, H = window.innerHeight;
    let top = 0, bottom = 0;
    for (const [w, t, b] of fit.insets) {
      if (W >= w) { top = t; bottom = b; }
    }
    const fw = Math.max(1, W - 2 * fit.pad);
    const fh = Math.max(1, H - top - bottom - 2 * fit.pad);
    const aspect = Math.min(fit.maxAspect, Math.max(fit.minAspect, fw / fh));
    let aw = fw, ah = fw / aspect;
    if (ah > fh) { aw = fh * aspect; ah = fh; }
    const ax = fit.pad + (fw - aw) / 2, ay = top + fit.pad + (fh - ah) / 2;
    const [px, py, pw, ph] = fit.area;
    let w = aw, h = aw * ph / pw;
    if (h > ah) { w = ah * pw / ph; h = ah; }
    let s = w / pw;
    // The poster's area's centre goes to the window area's centre.
    const mx = ax + aw / 2, my = ay + ah / 2, cx = px + pw / 2, cy = py + ph / 2;
    const [x0, y0, x1, y1] = fit.content;
    const room = Math.min(mx / (cx - x0), (W - mx) / (x1 - cx), (my - top) / (cy - y0), (H - bottom - my) / (y1 - cy));
    // Only then: a poster of the window's own layout shape keeps its discs
    // exactly where the program draws them.
    const same = Math.abs(aspect / (pw / ph) - 1) < 0.01;
    if (!same && room > 0 && room < s) s = room;
    poster.style.left = (mx - cx * s) + 'px';
    poster.style.top = (my - cy * s) + 'px';
    poster.style.width = (fit.width * s) + 'px';
    poster.style.height = (fit.height * s) + 'px';
  }

  place();
  window.addEventListener('resize', place);

  // The poster goes as soon as the canvas has drawn its first frame,
  // before the page wires up: hidden, its thousands of SVG nodes leave the
  // layouts that the wiring makes. On a refusal the error panel takes the
  // page.
  const done = () => {
    hide();
    window.removeEventListener('resize', place);
  };
  onDrawn(done);
  api.ready.catch(done);
}
