// The page's one module entry (index.html loads it after wasm_exec.js,
// which defines Go). Each part of the page is a module that imports what it
// needs; they run in this order, as the page's scripts always have: the
// loader and the script API first, then the poster, the kiosk, the story's
// dots, the caption's fold, the messages with a host page and the text twin.
import './app.js';
import './poster.js';
import './kiosk.js';
import './story.js';
import './sheet.js';
import './messages.js';
import './twin.js';
