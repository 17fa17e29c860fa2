// khabar.js: the one-line embed. Partners paste
//   <blockquote class="khabar-card" data-src="…/article.json" lang="ar" dir="rtl"><a href="…">title</a></blockquote>
//   <script async src="…/khabar.js"></script>
// and every such blockquote, also ones added later, becomes a <khabar-card> in place,
// the blockquote kept inside as the fallback. Adds nothing to window but the element.
import { define } from './card-element.js';
import { adoptRemoteCard, remoteCardUrl } from './embed-remote.js';

const base = new URL('.', document.currentScript?.src ?? document.baseURI);
// <script data-service="https://cards.example"> renders every card on that service, no wasm.
const scriptService = document.currentScript?.dataset.service;
const pending = new WeakSet();

define({
  importCore: () => import(new URL('index.js', base).href),
  loadOptions: { wasmUrl: new URL('khabar-core.wasm', base), dataUrl: new URL('khabar-icu-base.dat', base) },
});

function upgrade(blockquote) {
  if (blockquote.parentElement?.localName === 'khabar-card') return;
  const card = document.createElement('khabar-card');
  const src = blockquote.dataset.src;
  if (src) card.setAttribute('src', src);
  const locale = blockquote.dataset.locale || blockquote.getAttribute('lang');
  if (locale) card.setAttribute('locale', locale);
  for (const name of ['theme', 'headingLevel', 'now', 'timeZone', 'timeout']) {
    const value = blockquote.dataset[name];
    if (value) card.setAttribute(name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase()), value);
  }
  const remote = remoteCardUrl(blockquote, scriptService);
  if (remote) {
    // Markup rendered elsewhere: the blockquote stays until it has arrived, and on any failure.
    if (pending.has(blockquote)) return;
    pending.add(blockquote);
    adoptRemoteCard(card, remote, blockquote.dataset.timeout).then(
      () => {
        blockquote.replaceWith(card);
        card.append(blockquote);
      },
      (error) => console.warn(`<khabar-card> ${error.code ?? 'card.failed'}: ${error.message}`),
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
