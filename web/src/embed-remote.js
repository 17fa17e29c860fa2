// The embed without wasm: a blockquote that names a card rendered elsewhere (data-card, a file
// from `khabar card --format html`) or a card service (data-service on the blockquote or on the
// script tag) gets that markup as its <khabar-card>'s shadow root, the server-rendered adoption
// path: no WebAssembly and no ICU data are loaded.

const DEFAULT_TIMEOUT_MS = 10000;
// Markup from another origin lands in the partner's page: nothing in it may run or load script.
const FORBIDDEN = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'style', 'link', 'meta', 'base', 'form', 'svg', 'math', 'template', 'noscript']);

/** The URL of the card's markup for this blockquote, or null when it names none. */
export function remoteCardUrl(blockquote, scriptService) {
  const d = blockquote.dataset;
  if (d.card) return new URL(d.card, document.baseURI);
  const service = d.service || scriptService;
  if (!service) return null;
  const article = d.src || blockquote.querySelector('a[href]')?.href;
  if (!article) return null;
  const url = new URL('card', new URL(service.endsWith('/') ? service : `${service}/`, document.baseURI));
  const params = { url: new URL(article, document.baseURI).href, format: 'html', locale: d.locale || blockquote.getAttribute('lang'),
    'heading-level': d.headingLevel, now: d.now, tz: d.timeZone };
  for (const [name, value] of Object.entries(params)) if (value) url.searchParams.set(name, value);
  return url;
}

class EmbedFailure extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

function safeUrl(value) {
  try {
    return ['http:', 'https:'].includes(new URL(value, document.baseURI).protocol);
  } catch {
    return false;
  }
}

/** The card's markup parsed, or an EmbedFailure when it is not a card or could run anything. */
export function checkedCard(html) {
  const template = document.createElement('template');
  template.innerHTML = html;
  const top = [...template.content.children];
  if (top.length !== 1 || !top[0].matches('article.khabar-card')) throw new EmbedFailure('embed.not_a_card', 'the markup is not one khabar card');
  for (const element of template.content.querySelectorAll('*')) {
    if (FORBIDDEN.has(element.localName)) throw new EmbedFailure('embed.unsafe_markup', `<${element.localName}> in the card`);
    for (const { name, value } of element.attributes) {
      if (name.startsWith('on') || name === 'style' || name === 'srcdoc') throw new EmbedFailure('embed.unsafe_markup', `${name} attribute in the card`);
      if ((name === 'href' || name === 'src' || name === 'srcset' || name === 'action') && !safeUrl(value.split(/\s/)[0])) {
        throw new EmbedFailure('embed.unsafe_markup', `${name}="${value.slice(0, 40)}" in the card`);
      }
    }
  }
  return template.content;
}

/** Fetches the card's markup: resolves to it parsed and checked, or rejects with a coded error. */
export async function fetchRemoteCard(url, timeoutAttribute) {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new EmbedFailure('fetch.unsafe_url', `only http(s) cards are fetched, not ${url.protocol}`);
  let response;
  try {
    // Credentials 'same-origin' (no cookie goes to another origin), the mode of
    // <link rel="preload" as="fetch" crossorigin="anonymous">, so a page can start this request early.
    response = await fetch(url, { credentials: 'same-origin', signal: AbortSignal.timeout(Number(timeoutAttribute) || DEFAULT_TIMEOUT_MS) });
  } catch (cause) {
    throw new EmbedFailure(cause?.name === 'TimeoutError' ? 'fetch.timeout' : 'fetch.failed', `${url}: ${cause?.message ?? cause}`);
  }
  if (!response.ok) throw new EmbedFailure('fetch.http_status', `${url}: HTTP ${response.status}`);
  return checkedCard(await response.text());
}
