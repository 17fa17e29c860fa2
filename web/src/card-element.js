// <khabar-card>: a story card in a shadow root. The markup comes from the core's one
// renderer (renderHTML); this file only fetches, waits for the viewport, and falls back.
import { css } from './styles.js';
import { CardFailure, configureThreads, renderer } from './card-thread.js';
import { lookUpFonts } from './card-fonts.js';

const DEFAULT_TIMEOUT_MS = 10000;
let sheet = null;

function sharedSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}

async function fetchArticle(src, timeout) {
  let url;
  try {
    url = new URL(src, document.baseURI);
  } catch (cause) {
    throw new CardFailure('fetch.unsafe_url', `not a URL: ${src}`, { cause });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new CardFailure('fetch.unsafe_url', `only http(s) articles are fetched, not ${url.protocol}`);
  }
  try {
    const response = await fetch(url, { credentials: 'omit', signal: AbortSignal.timeout(timeout) });
    if (!response.ok) throw new CardFailure('fetch.http_status', `${url}: HTTP ${response.status}`);
    return await response.text(); // the timeout covers a body that stalls, too
  } catch (cause) {
    if (cause instanceof CardFailure) throw cause;
    const timedOut = cause?.name === 'TimeoutError';
    throw new CardFailure(timedOut ? 'fetch.timeout' : 'fetch.failed', `${url}: ${cause?.message ?? cause}`, { cause });
  }
}

// On a server (Next.js, Astro, SvelteKit, Nuxt evaluate imports there) there is no
// HTMLElement: the class extends a stand-in so the module imports, and define() does nothing.
const ElementBase = globalThis.HTMLElement ?? class {};

export class KhabarCard extends ElementBase {
  static observedAttributes = ['src', 'locale', 'heading-level', 'now', 'time-zone'];
  /** Passed to the package's load(): { wasmUrl, dataUrl }. */
  static loadOptions = {};

  #observer = null;
  #state = 'idle'; // idle | waiting | loading | ready | failed
  #generation = 0;

  connectedCallback() {
    // A server-rendered card arrives in a declarative shadow root: adopt it as it is.
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [sharedSheet()];
    if (this.#state === 'idle' && shadow.querySelector('article.khabar-card')) {
      this.#ready();
      return;
    }
    if (this.#state === 'idle') {
      shadow.innerHTML = '<slot></slot>'; // the fallback (e.g. the embed's blockquote) shows until the card is ready
      this.#waitForViewport();
    }
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    this.#observer = null;
    if (this.#state === 'waiting') this.#state = 'idle';
  }

  attributeChangedCallback(name, oldValue, newValue) {
    // Attributes set before the card first renders are simply read by that render.
    if (oldValue === newValue || (this.#state !== 'ready' && this.#state !== 'failed')) return;
    this.#render();
  }

  #waitForViewport() {
    this.#state = 'waiting';
    if (!('IntersectionObserver' in window)) {
      this.#render();
      return;
    }
    // Near the viewport, not in it: the card is ready when it scrolls in.
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          this.#observer.disconnect();
          this.#observer = null;
          this.#render();
        }
      },
      { rootMargin: '300px 0px' },
    );
    this.#observer.observe(this);
  }

  // An inline article: a data block (never executed) in the element or in its fallback.
  #inlineArticle() {
    const types = ['application/json', 'application/ld+json', 'text/plain'];
    const selector = types.map((t) => `:scope > script[type="${t}"], :scope > blockquote > script[type="${t}"]`).join(', ');
    const script = this.querySelector(selector);
    return script ? script.textContent : null;
  }

  async #render() {
    const generation = ++this.#generation;
    this.#state = 'loading';
    this.dataset.state = 'loading';
    try {
      const src = this.getAttribute('src');
      const inline = this.#inlineArticle();
      if (!src && inline === null) throw new CardFailure('card.no_article', 'no src attribute and no inline article');
      const timeout = Number(this.getAttribute('timeout')) || DEFAULT_TIMEOUT_MS;
      renderer().start(); // the wasm compiles while the article downloads
      lookUpFonts(this.shadowRoot, this.getAttribute('locale') || this.closest('[lang]')?.getAttribute('lang') || 'en');
      const article = inline !== null ? inline : await fetchArticle(src, timeout);
      const level = Number(this.getAttribute('heading-level')) || 2;
      // Asked again: a worker that failed to start meanwhile has handed over to the main thread.
      const html = await renderer().render(article, {
        locale: this.getAttribute('locale') || this.closest('[lang]')?.getAttribute('lang') || undefined,
        now: this.getAttribute('now') || new Date(),
        timeZone: this.getAttribute('time-zone') || undefined, // the browser's (withTimeZone)
        headingLevel: Math.min(6, Math.max(1, level)),
      });
      if (generation !== this.#generation) return;
      // The core escapes every field and keeps only http(s) URLs: this markup runs nothing.
      this.shadowRoot.innerHTML = html;
      this.#ready();
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#fail(error);
    }
  }

  // Each render ends in one event on the element: khabar-ready, or khabar-error with the code.
  #ready() {
    this.#state = 'ready';
    this.dataset.state = 'ready';
    this.dispatchEvent(new CustomEvent('khabar-ready', { bubbles: true }));
  }

  #fail(error) {
    this.#state = 'failed';
    this.dataset.state = 'failed';
    const code = typeof error?.code === 'string' ? error.code : 'card.failed';
    const message = String(error?.message ?? error);
    // One warning, naming the cause; nothing is thrown into the host page.
    console.warn(`<khabar-card> ${code}: ${message}`);
    const fallback = [...this.children].some((child) => child.localName !== 'script');
    if (!fallback) {
      // No fallback to show: a quiet line naming where the story was to come from.
      const p = document.createElement('p');
      p.className = 'khabar-error';
      p.setAttribute('part', 'error');
      p.setAttribute('role', 'status');
      let where = 'khabar';
      try {
        if (this.getAttribute('src')) where = new URL(this.getAttribute('src'), document.baseURI).host || where;
      } catch {}
      p.textContent = `\u26A0\uFE0E ${where}`;
      this.shadowRoot.replaceChildren(p);
    } else {
      this.shadowRoot.innerHTML = '<slot></slot>';
    }
    // After the fallback is in place, so that a listener sees what the reader sees.
    this.dispatchEvent(new CustomEvent('khabar-error', { bubbles: true, detail: { code, message } }));
  }
}

/**
 * Registers <khabar-card> once. `importCore` returns the package's main module: the ES
 * module entry (element.js) imports it beside itself, the embed script from its own URL.
 * `createWorker` starts the package's worker.js (null or absent: the core runs on the main thread).
 * @param {{ importCore: () => Promise<object>, createWorker?: (() => Worker) | null, loadOptions?: object }} options
 */
export function define({ importCore, createWorker = null, loadOptions }) {
  if (loadOptions) KhabarCard.loadOptions = loadOptions;
  configureThreads({ importCore, createWorker, loadOptions: () => KhabarCard.loadOptions });
  // Only where a browser is: on a server, importing and calling define() are harmless.
  if (globalThis.customElements && !customElements.get('khabar-card')) customElements.define('khabar-card', KhabarCard);
  return KhabarCard;
}
