// The page's theme, set before the first paint: a classic script in the
// page's <head>, which the page waits for, so that a light page never
// shows the dark one first (the modules run after the page is parsed). It
// decides as the program does (wasm/session's parseTheme): the link's
// theme=light or theme=dark (the hash over the query), else dark in a
// kiosk, else the system's prefers-color-scheme. The program reports a bad
// value in the page's notices and says the theme it drew in state().theme,
// which app.js applies again once it is ready.
(function () {
  'use strict';
  const params = {};
  const add = (s) => { for (const [k, v] of new URLSearchParams(s)) params[k] = v; };
  add(location.search);
  add(location.hash.replace(/^#/, ''));
  let light = params.mode !== 'kiosk' && !!window.matchMedia && window.matchMedia('(prefers-color-scheme: light)').matches;
  if (params.theme === 'light') light = true;
  if (params.theme === 'dark') light = false;
  document.documentElement.classList.toggle('light', light);
})();
