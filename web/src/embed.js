// khabar.js: the one-line embed. Partners paste
//   <blockquote class="khabar-card" data-src="…/article.json" lang="ar" dir="rtl"><a href="…">title</a></blockquote>
//   <script async src="…/khabar.js"></script>
// and every such blockquote, also ones added later, becomes a <khabar-card> in place,
// the blockquote kept inside as the fallback. Adds nothing to window but the element.
import { define } from './card-element.js';
import { fetchRemoteCard, remoteCardUrl } from './embed-remote.js';

const base = new URL('.', document.currentScript?.src ?? document.baseURI);
// <script data-service="https://cards.example"> renders every card on that service, no wasm.
const scriptService = document.currentScript?.dataset.service;

// The cards render in one module worker (worker.js beside this script) unless the script says
// data-worker="false". A worker's script must have the page's origin: from another origin (a
// CDN) the worker is a same-origin blob: module that imports worker.js (with CORS); a CSP that
// allows no blob: worker refuses it, and the cards render on the main thread instead.
function createWorker() {
  const url = new URL('worker.js', base);
  if (url.origin === location.origin) return new Worker(url, { type: 'module' });
  const source = URL.createObjectURL(new Blob([`import ${JSON.stringify(url.href)};\n`], { type: 'text/javascript' }));
  try {
    return new Worker(source, { type: 'module' });
  } finally {
    setTimeout(() => URL.revokeObjectURL(source), 30000); // long after the worker fetched it
  }
}

define({
  importCore: () => import(new URL('index.js', base).href),
  createWorker: document.currentScript?.dataset.worker === 'false' ? null : createWorker,
  loadOptions: { wasmUrl: new URL('khabar-core.wasm', base), dataUrl: new URL('khabar-icu-base.dat', base) },
});

function upgrade(blockquote) {
  if (blockquote.parentElement?.localName === 'khabar-card') return;
  const locale = blockquote.dataset.locale || blockquote.getAttribute('lang');
  const remote = remoteCardUrl(blockquote, scriptService);
  let arrived = null;
  if (remote) {
    // On its way, or failed: the state is on the blockquote, so that a second copy of this script
    // (embed codes pasted each with its own tag) leaves it to the first.
    if (blockquote.dataset.state) return;
    blockquote.dataset.state = 'loading';
    // The request first: everything below happens while it is on the network.
    arrived = fetchRemoteCard(remote, blockquote.dataset.timeout);
  }
  const card = document.createElement('khabar-card');
  const src = blockquote.dataset.src;
  if (src) card.setAttribute('src', src);
  if (locale) card.setAttribute('locale', locale);
  for (const name of ['theme', 'headingLevel', 'now', 'timeZone', 'timeout']) {
    const value = blockquote.dataset[name];
    if (value) card.setAttribute(name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase()), value);
  }
  if (arrived) {
    // Markup rendered elsewhere: the blockquote stays until it has arrived, and on any failure.
    arrived.then(
      (content) => {
        card.attachShadow({ mode: 'open' }).append(content);
        delete blockquote.dataset.state; // the card's data-state says it now
        blockquote.replaceWith(card);
        card.append(blockquote);
      },
      (error) => {
        const code = error.code ?? 'card.failed';
        const message = String(error.message ?? error);
        console.warn(`<khabar-card> ${code}: ${message}`);
        // As every card's render ends in one event, so does this one, on the blockquote that stays.
        blockquote.dataset.state = 'failed';
        blockquote.dispatchEvent(new CustomEvent('khabar-error', { bubbles: true, detail: { code, message } }));
      },
    );
    return;
  }
  blockquote.replaceWith(card);
  card.append(blockquote);
}

function scan(root) {
  if (root.matches?.('blockquote.khabar-card')) upgrade(root);
  root.querySelectorAll?.('blockquote.khabar-card').forEach(upgrade);
}

scan(document);
new MutationObserver((records) => {
  for (const record of records) record.addedNodes.forEach((node) => node.nodeType === 1 && scan(node));
}).observe(document.documentElement, { childList: true, subtree: true });
