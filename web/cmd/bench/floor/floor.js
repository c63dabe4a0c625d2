// The floor program's loader for ./build.sh bench: the least the
// explainer's loader (web/app.js) does, with the same boot object and
// performance marks, and window.ouroboros.ready, which the bench waits for,
// resolved when the first frame is drawn. It compiles the program as it
// downloads, the fastest start the browser offers.
let settle = null;
const ready = new Promise((resolve, reject) => { settle = { resolve, reject }; });
Object.defineProperty(window, 'ouroboros', { value: Object.freeze({ ready }), enumerable: true });

function mark(phase) {
  performance.mark('ouroboros:' + phase);
}

globalThis.ouroborosBoot = {
  params: {},
  mark,
  ready() { settle.resolve(null); },
  fail(info) { settle.reject(new Error(info.message)); },
  emit() {},
};

async function start() {
  const go = new Go();
  const res = fetch(document.documentElement.dataset.wasm || 'floor.wasm');
  let instance;
  if (typeof WebAssembly.instantiateStreaming === 'function') {
    ({ instance } = await WebAssembly.instantiateStreaming(res, go.importObject));
  } else {
    const bytes = await (await res).arrayBuffer();
    ({ instance } = await WebAssembly.instantiate(bytes, go.importObject));
  }
  mark('instantiated');
  go.run(instance).then(() => settle.reject(new Error('the floor program stopped')));
}

start().catch((e) => settle.reject(e));
