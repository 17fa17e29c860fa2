// <khabar-card>: a story card in a shadow root. The markup comes from the core's one
// renderer (renderHTML); this file only fetches, waits for the viewport, and falls back.
import { css } from './styles.js';

const FETCH_TIMEOUT_MS = 10000;
let sheet = null;
let coreLoading = null;
let coreLoader = null; // set by define(): how to import the package's core

function sharedSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}

// One wasm instance for every card on the page.
function loadCore() {
  coreLoading ??= coreLoader().then(async (core) => {
    await core.load(KhabarCard.loadOptions);
    return core;
  });
  coreLoading.catch(() => {
    coreLoading = null;
  });
  return coreLoading;
}

class CardFailure extends Error {
  constructor(code, message, options) {
    super(message, options);
    this.code = code;
  }
}

async function fetchArticle(src) {
  const url = new URL(src, document.baseURI);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new CardFailure('fetch.unsafe_url', `only http(s) articles are fetched, not ${url.protocol}`);
  }
  let response;
  try {
    response = await fetch(url, { credentials: 'omit', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (cause) {
    const timeout = cause?.name === 'TimeoutError';
    throw new CardFailure(timeout ? 'fetch.timeout' : 'fetch.failed', `${url}: ${cause.message}`, { cause });
  }
  if (!response.ok) throw new CardFailure('fetch.http_status', `${url}: HTTP ${response.status}`);
  return response.text();
}

export class KhabarCard extends HTMLElement {
  static observedAttributes = ['src', 'locale', 'heading-level', 'now'];
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
      this.#state = 'ready';
      this.dataset.state = 'ready';
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
    if (oldValue === newValue || this.#state !== 'ready') return;
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

  #inlineArticle() {
    const script = this.querySelector(
      ':scope > script[type="application/json"], :scope > script[type="application/ld+json"], :scope > script[type="text/plain"]',
    );
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
      const [core, article] = await Promise.all([loadCore(), inline !== null ? inline : fetchArticle(src)]);
      const level = Number(this.getAttribute('heading-level')) || 2;
      const html = await core.renderHTML(article, {
        locale: this.getAttribute('locale') || this.closest('[lang]')?.getAttribute('lang') || undefined,
        now: this.getAttribute('now') || new Date(),
        timeZone: this.getAttribute('time-zone') || Intl.DateTimeFormat().resolvedOptions().timeZone,
        headingLevel: Math.min(6, Math.max(1, level)),
      });
      if (generation !== this.#generation) return;
      // The core escapes every field and keeps only http(s) URLs: this markup runs nothing.
      this.shadowRoot.innerHTML = html;
      this.#state = 'ready';
      this.dataset.state = 'ready';
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#fail(error);
    }
  }

  #fail(error) {
    this.#state = 'failed';
    this.dataset.state = 'failed';
    const code = error?.code || 'card.failed';
    // One warning, naming the cause; nothing is thrown into the host page.
    console.warn(`<khabar-card> ${code}: ${error?.message ?? error}`);
    if (this.children.length === 0) {
      const p = document.createElement('p');
      p.className = 'khabar-error';
      p.setAttribute('part', 'error');
      p.setAttribute('role', 'status');
      p.textContent = this.getAttribute('src') ? new URL(this.getAttribute('src'), document.baseURI).host : 'khabar';
      this.shadowRoot.replaceChildren(p);
    } else {
      this.shadowRoot.innerHTML = '<slot></slot>';
    }
  }
}

/**
 * Registers <khabar-card> once. `importCore` returns the package's main module: the ES
 * module entry (element.js) imports it beside itself, the embed script from its own URL.
 * @param {{ importCore: () => Promise<object>, loadOptions?: object }} options
 */
export function define({ importCore, loadOptions }) {
  coreLoader = importCore;
  if (loadOptions) KhabarCard.loadOptions = loadOptions;
  if (!customElements.get('khabar-card')) customElements.define('khabar-card', KhabarCard);
  return KhabarCard;
}
