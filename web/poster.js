// The poster (issue 6): the build-time picture of the bundled network
// (wasm/poster), shown at once, where the program will draw the network,
// while the WebAssembly downloads; the program's canvas takes over when
// ouroboros.ready settles. build.sh puts the <img> into the page, hidden,
// with data-fit: the poster's drawing area and the page's fit rules, so
// that this script lays it out as the program lays out its first frame.
(() => {
  'use strict';
  const img = document.getElementById('poster');
  if (!img || !window.ouroboros || !img.dataset.fit) return;

  // The poster shows one dataset; a link to another gets none. The data
  // parameter is read as app.js reads it: the hash wins over the query.
  const query = new URLSearchParams(location.search);
  const hash = new URLSearchParams(location.hash.replace(/^#/, ''));
  const data = hash.has('data') ? hash.get('data') : query.get('data');
  if (data !== null && data !== img.dataset.dataset) return;

  let fit;
  try {
    fit = JSON.parse(img.dataset.fit);
  } catch (e) {
    return; // a page built without the poster's data shows none
  }

  // place does what scene.Area does for the window's canvas (the free
  // space below the title and above the chrome, inside the padding; the
  // layout's shape within limits, centred) and maps the poster's own
  // drawing area onto that one. When the window's shape needs another
  // layout shape than the poster's, the poster is fitted inside it.
  function place() {
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
    const s = w / pw;
    img.style.left = (ax + (aw - w) / 2 - px * s) + 'px';
    img.style.top = (ay + (ah - h) / 2 - py * s) + 'px';
    img.style.width = (fit.width * s) + 'px';
    img.style.height = (fit.height * s) + 'px';
  }

  place();
  img.hidden = false;
  document.body.classList.add('with-poster');
  window.addEventListener('resize', place);

  // The canvas has drawn its first frame when ready resolves; on a refusal
  // the error panel takes the page. Either way the poster goes.
  const done = () => {
    img.hidden = true;
    document.body.classList.remove('with-poster');
    window.removeEventListener('resize', place);
  };
  window.ouroboros.ready.then(done, done);
})();
