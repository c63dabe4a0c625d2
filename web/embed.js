/*! Ouroboros embed: include this one script in an article, then
 *    <div data-ouroboros="https://example.org/ouroboros/?story=circle"></div>
 *  becomes the explainer in a responsive, lazily loaded iframe that takes
 *  the height the explainer asks for (it changes with the width only),
 *  and elements marked
 *    <p data-ouroboros-step="3">…</p>
 *  open that step of the story as the reader scrolls past them. A step
 *  element may name its story (data-ouroboros-story="circle") and its
 *  explainer (data-ouroboros-for="id of the data-ouroboros element");
 *  otherwise the story is the one in the explainer's URL, or its first, and
 *  the explainer is the first on the page. An explainer whose steps the
 *  page drives is told so (steps=host in its link) and shows only each
 *  step's title. data-ouroboros-theme="light" (or "dark") on the container
 *  draws the explainer in that theme, to match the article.
 *
 *  The container receives the explainer's events as DOM events
 *  ("ouroboros:ready", "ouroboros:step", … with the message as detail), and
 *  container.ouroborosSend(command) posts a command to it.
 *  No dependencies; works with a strict CSP (no inline style or script).
 */
(() => {
  'use strict';

  if (window.__ouroborosEmbed) return; // included twice
  window.__ouroborosEmbed = true;

  const frames = [];
  const DEFAULT_HEIGHT = 520;

  function mount(box) {
    if (box.__ouroboros) return;
    let url;
    try {
      url = new URL(box.getAttribute('data-ouroboros'), document.baseURI);
    } catch (e) {
      console.warn('ouroboros embed: data-ouroboros is not a URL:', box.getAttribute('data-ouroboros'));
      return;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      console.warn('ouroboros embed: data-ouroboros must be an http(s) URL:', url.href);
      return;
    }
    if (!url.searchParams.has('mode')) url.searchParams.set('mode', 'embed');
    // The host's theme (data-ouroboros-theme="light" or "dark"), unless its
    // link names one; without either the explainer follows the reader's
    // system. A value the explainer does not know is its notice to give.
    const theme = box.getAttribute('data-ouroboros-theme');
    if (theme && !url.searchParams.has('theme')) url.searchParams.set('theme', theme);
    // The page's step paragraphs that open this explainer's steps (those
    // naming it, or, for the first, those naming none): with them the host
    // drives the story, and the explainer folds its caption to the step's
    // title, the paragraph being the text.
    const drives = [...document.querySelectorAll('[data-ouroboros-step]')].some((el) => {
      const forId = el.getAttribute('data-ouroboros-for');
      return forId ? forId === box.id : frames.length === 0;
    });
    if (drives && !url.searchParams.has('steps')) url.searchParams.set('steps', 'host');
    const iframe = document.createElement('iframe');
    iframe.title = box.getAttribute('data-ouroboros-title') || 'Ouroboros: an interactive network of the deals';
    iframe.loading = 'lazy';
    iframe.allow = 'fullscreen; clipboard-write';
    iframe.style.display = 'block';
    iframe.style.width = '100%';
    iframe.style.border = '0';
    iframe.style.height = DEFAULT_HEIGHT + 'px';
    const f = {
      box, iframe, url, origin: url.origin, ready: false, pending: null, at: null, lastStep: null,
      story: url.searchParams.get('story') || new URLSearchParams(url.hash.replace(/^#/, '')).get('story'),
      stories: [],
    };
    box.__ouroboros = f;
    box.ouroborosSend = (command) => post(f, command);
    box.replaceChildren(iframe);
    frames.push(f);
    // Load when the frame comes near the screen (the browser's own lazy
    // loading does the same where it exists).
    if (typeof IntersectionObserver === 'function') {
      const io = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) { io.disconnect(); load(f); }
      }, { rootMargin: '600px 0px' });
      io.observe(box);
    } else {
      load(f);
    }
  }

  function load(f) {
    if (!f.iframe.src) f.iframe.src = f.url.href;
  }

  function post(f, command) {
    if (!f.ready) { f.pending = command; return; }
    if (f.iframe.contentWindow) f.iframe.contentWindow.postMessage(Object.assign({}, command, { ouroboros: 1 }), f.origin);
  }

  // Messages count only from one of our frames' windows and its origin.
  window.addEventListener('message', (e) => {
    const f = frames.find((x) => x.iframe.contentWindow === e.source);
    if (!f || e.origin !== f.origin) return;
    const d = e.data;
    if (!d || typeof d !== 'object' || d.ouroboros !== 1 || typeof d.type !== 'string') return;
    // Where the explainer is, so that scrolling back to a step the reader
    // has since left opens it again.
    if (d.type === 'step' || d.type === 'ready') f.at = d.story ? d.story + '/' + d.step : null;
    if (d.type === 'height' && typeof d.height === 'number' && isFinite(d.height)) {
      f.iframe.style.height = Math.round(Math.max(200, Math.min(2000, d.height))) + 'px';
    }
    if (d.type === 'ready') {
      f.ready = true;
      if (Array.isArray(d.stories)) f.stories = d.stories.map((s) => s && s.id).filter((id) => typeof id === 'string');
      if (!f.story) f.story = d.story || f.stories[0] || null;
      if (f.pending) { const c = f.pending; f.pending = null; post(f, c); }
      else if (f.lastStep) { f.at = null; show(f.lastStep); }
    }
    f.box.dispatchEvent(new CustomEvent('ouroboros:' + d.type, { detail: d }));
  });

  // Scrollytelling: the step element crossing the middle of the screen
  // opens its step.
  function watchSteps() {
    const steps = [...document.querySelectorAll('[data-ouroboros-step]')];
    if (!steps.length || typeof IntersectionObserver !== 'function') return;
    const io = new IntersectionObserver((entries) => {
      for (const e of entries) if (e.isIntersecting) show(e.target);
    }, { rootMargin: '-45% 0px -45% 0px' });
    steps.forEach((el) => io.observe(el));
  }

  function show(el) {
    const forId = el.getAttribute('data-ouroboros-for');
    const f = forId ? frames.find((x) => x.box.id === forId) : frames[0];
    if (!f) return;
    const step = Number(el.getAttribute('data-ouroboros-step'));
    if (!Number.isInteger(step) || step < 1) return;
    f.lastStep = el;
    const story = el.getAttribute('data-ouroboros-story') || f.story;
    if (!story) return; // the story comes with "ready", which shows lastStep
    const key = story + '/' + step;
    if (f.at === key) return;
    f.at = key;
    post(f, { type: 'goToStep', story, step });
  }

  function start() {
    document.querySelectorAll('[data-ouroboros]').forEach(mount);
    watchSteps();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
