// The poster (issue 6): the build-time picture of the bundled network
// (wasm/poster), shown at once, where the program will draw the network,
// while the WebAssembly downloads; the program's canvas takes over when
// ouroboros.ready settles. build.sh puts the <img> into the page, hidden,
// with data-fit: the poster's drawing area and the page's fit rules, so
// that this script lays it out as the program lays out its first frame.
// Portrait windows load the tall poster (a <picture> source), which has its
// own, data-fit-tall.
import { api, params } from './app.js';
import { $ } from './dom.js';

showPoster();

function showPoster() {
  const img = $('poster');
  if (!img || !img.dataset.fit) return;

  // The poster shows one dataset; a link to another gets none. The data
  // parameter is the one app.js read (the hash wins over the query).
  const data = params.data === undefined ? null : params.data;
  if (data !== null && data !== img.dataset.dataset) return;
  // The poster is drawn in the dark theme (as the link preview is): on a
  // light page it would flash a dark block before the light canvas, so a
  // light page shows only the loader.
  if (document.documentElement.classList.contains('light')) return;

  let fits;
  try {
    fits = { wide: JSON.parse(img.dataset.fit), tall: img.dataset.fitTall ? JSON.parse(img.dataset.fitTall) : null };
  } catch (e) {
    return; // a page built without the poster's data shows none
  }

  // place does what scene.Area does for the window's canvas (the free
  // space below the title and above the chrome, inside the padding; the
  // layout's shape within limits, centred) and maps the poster's own
  // drawing area onto that one. When the window's shape needs another
  // layout shape than the poster's, the poster is fitted inside it, and
  // made smaller if its names would then leave the space the program
  // keeps them in (the window between the title and the chrome).
  function place() {
    const fit = fits.tall && /poster-tall\b/.test(img.currentSrc) ? fits.tall : fits.wide;
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
    img.style.left = (mx - cx * s) + 'px';
    img.style.top = (my - cy * s) + 'px';
    img.style.width = (fit.width * s) + 'px';
    img.style.height = (fit.height * s) + 'px';
  }

  place();
  img.hidden = false;
  document.body.classList.add('with-poster');
  window.addEventListener('resize', place);
  // currentSrc is known for sure once the picture has loaded, and changes
  // when a resize crosses to the other source.
  img.addEventListener('load', place);

  // The canvas has drawn its first frame when ready resolves; on a refusal
  // the error panel takes the page. Either way the poster goes.
  const done = () => {
    img.hidden = true;
    document.body.classList.remove('with-poster');
    window.removeEventListener('resize', place);
    img.removeEventListener('load', place);
  };
  api.ready.then(done, done);
}
