// The chrome's words. Every word the page's scripts show or say comes from
// one table with stable keys (wasm/words): the build writes its English
// into the page (<script id="words">, for the loader and the errors before
// the program runs), and the program hands over the table it resolved for
// the dataset (its ui words and its locale) as soon as it starts. The
// static HTML keeps its English as the page without scripts; its elements
// name their keys (data-ui for the text, data-ui-label, data-ui-title and
// data-ui-placeholder for those attributes) and take the table's words.

let table = { locale: 'en', decimal: '.', group: ',', minGroup: 4, words: {} };
const inline = document.getElementById('words');
if (inline) {
  try { table = JSON.parse(inline.textContent); } catch (e) { /* the build's table is JSON; the HTML's English stays */ }
}

// useWords takes the program's table (JSON) and puts its words into the
// static HTML.
export function useWords(json) {
  table = JSON.parse(json);
  document.documentElement.lang = table.locale;
  applyWords(document);
}

// t is the word for key with its {name} placeholders filled from vars;
// the key itself when the table has no such word, which the tests catch.
export function t(key, vars) {
  const word = table.words[key];
  if (word === undefined) return key;
  if (!vars) return word;
  return word.replace(/\{(\w+)\}/g, (all, name) => (name in vars ? String(vars[name]) : all));
}

// count is a plural's word for n: key.one for 1, key.other otherwise, with
// {n} written as the locale writes numbers.
export function count(key, n, vars) {
  return t(key + (n === 1 ? '.one' : '.other'), Object.assign({ n: num(n) }, vars));
}

// num writes a whole number with the locale's thousands separator
// (wasm/words/locale.go writes the program's; this is the same rule).
export function num(n) {
  const s = String(Math.abs(Math.trunc(n)));
  const grouped = s.length < table.minGroup ? s : s.replace(/\B(?=(\d{3})+(?!\d))/g, table.group);
  return (n < 0 ? '-' : '') + grouped;
}

// applyWords puts the table's words into the elements under root that
// name a key.
export function applyWords(root) {
  for (const e of root.querySelectorAll('[data-ui]')) e.textContent = t(e.dataset.ui);
  for (const [attr, name] of [['uiLabel', 'aria-label'], ['uiTitle', 'title'], ['uiPlaceholder', 'placeholder']]) {
    const sel = '[data-' + attr.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase()) + ']';
    for (const e of root.querySelectorAll(sel)) e.setAttribute(name, t(e.dataset[attr]));
  }
}
