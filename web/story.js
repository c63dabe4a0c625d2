// The story's progress dots and its play control, in the caption. The
// caption itself (title, text, sources, Back and Next) is app.js's; this
// adds one dot per step, each a button to its step, and a button that
// turns autoplay on and off. Everything goes through window.ouroboros, so
// a host page or a kiosk drives the same thing with {type: "autoplay"}.
import { api } from './app.js';
import { $ } from './dom.js';
import { t } from './words.js';

const dots = $('step-dots');
const play = $('step-play');

const send = (command) => {
  try { api.send(command); } catch (e) { console.warn('ouroboros:', e.message); }
};
play.addEventListener('click', () => send({ type: 'autoplay' }));

function render() {
  const s = api.state();
  const c = s && s.caption;
  if (!c) { dots.replaceChildren(); dots.removeAttribute('data-story'); return; }
  if (dots.dataset.story !== c.story || dots.childElementCount !== c.steps) {
    dots.dataset.story = c.story;
    const items = [];
    for (let i = 1; i <= c.steps; i++) {
      const b = document.createElement('button');
      b.type = 'button';
      b.setAttribute('aria-label', t('story.step', { step: i, steps: c.steps }));
      b.addEventListener('click', () => send({ type: 'goToStep', story: c.story, step: i }));
      const li = document.createElement('li');
      li.append(b);
      items.push(li);
    }
    dots.replaceChildren(...items);
  }
  dots.querySelectorAll('button').forEach((b, i) => {
    if (i + 1 === c.step) b.setAttribute('aria-current', 'step'); else b.removeAttribute('aria-current');
  });
  play.textContent = s.autoplay ? '❚❚' : '▶';
  play.setAttribute('aria-pressed', String(!!s.autoplay));
  const label = t(s.autoplay ? 'story.pause' : 'story.play');
  play.setAttribute('aria-label', label);
  play.title = label;
}

api.ready.then(() => {
  render();
  api.on('step', render);
  api.on('autoplay', render);
}, () => {});
