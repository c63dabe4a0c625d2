// The page's DOM helpers, shared by its modules: every element the scripts
// make is built with textContent only, so that a dataset's text never
// becomes markup.

// $ returns the page's element with this id.
export const $ = (id) => document.getElementById(id);

// el makes an element with its text (none when undefined) and class.
export function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

// webURL reports whether u is an absolute http or https URL: only those
// become links.
export function webURL(u) {
  try {
    const p = new URL(u);
    return p.protocol === 'https:' || p.protocol === 'http:';
  } catch (e) {
    return false;
  }
}

// inKiosk reports whether the page runs as a kiosk, which has no way back
// from another site: there, sources stay text.
export const inKiosk = () => document.documentElement.classList.contains('kiosk');

// picture returns Ebitengine's canvas, the network's picture: appended to
// <body> by the engine, then moved into <main id="stage"> by app.js so that
// it lies in a landmark (issue 18).
export const picture = () => document.querySelector('#stage > canvas, body > canvas');
