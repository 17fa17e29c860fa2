// <khabar-card>: a story card in a shadow root. The markup comes from the core's one
// renderer (renderHTML); this file only fetches, waits for the viewport, and falls back.
import { css } from './styles.js';

const DEFAULT_TIMEOUT_MS = 10000;
let sheet = null;
let coreLoading = null;
let coreLoader = null; // set by define(): how to import the package's core
let workerFactory = null; // set by define(): how to start the worker, or null for the main thread

function sharedSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}

// One wasm instance for every card on the page, on the main thread: the path when define() is
// given no worker, and the fallback when the worker cannot start.
function loadCore() {
  coreLoading ??= coreLoader().then(
    async (core) => {
      await core.load(KhabarCard.loadOptions);
      return core;
    },
    (cause) => {
      throw new CardFailure('load.module_failed', `cannot import the khabar module: ${cause?.message ?? cause}`, { cause });
    },
  );
  coreLoading.catch(() => {
    coreLoading = null;
  });
  return coreLoading;
}

// The browser's time zone where the card names none: asked on the thread that renders, since
// the first Intl call of a page sets up V8's ICU: 27-42 ms on this machine's main thread.
const withTimeZone = (options) => ({ ...options, timeZone: options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone });

const mainThread = {
  start: () => loadCore().catch(() => {}), // a failed load is reported by the render that needs it
  render: (article, options) => loadCore().then((core) => core.renderHTML(article, withTimeZone(options))),
};

// One module worker for every card (worker.js): the same renderHTML, so the same bytes. It is
// started when the first card nears the viewport; if it cannot start (no Worker, refused by
// the page's CSP, its script missing or from another origin without CORS), the jobs it was
// given and every later card go to the main thread, with no error.
let worker = null; // null: not started yet; then { jobs, queue, start, render } or false (use the main thread)
const READY_TIMEOUT_MS = 10000;
let nextJob = 0;

function offMainThread() {
  if (worker === null) worker = workerFactory && typeof Worker === 'function' ? startWorker() : false;
  return worker || mainThread;
}

function startWorker() {
  let thread;
  try {
    thread = workerFactory();
  } catch {
    return false; // e.g. SecurityError: a worker script from another origin
  }
  // Messages wait for the worker's { ready }: sent before, a bundler's worker chunk that loads
  // its other chunks first would lose them. No ready in time: the main thread takes over.
  const state = { jobs: new Map(), queue: [] };
  const send = (message) => (state.queue ? state.queue.push(message) : thread.postMessage(message));
  const notReady = setTimeout(() => thread.onerror(new Event('error')), READY_TIMEOUT_MS);
  thread.onmessage = ({ data }) => {
    if (data.ready) {
      clearTimeout(notReady);
      state.queue.forEach((message) => thread.postMessage(message));
      state.queue = null;
      return;
    }
    const job = state.jobs.get(data.id);
    if (!job) return;
    state.jobs.delete(data.id);
    if (data.error) job.reject(new CardFailure(data.error.code ?? 'card.failed', data.error.message));
    else job.resolve(data.html);
  };
  // The worker's own script failed (load, CSP, parse) or a message could not be read.
  thread.onerror = thread.onmessageerror = (event) => {
    event.preventDefault();
    clearTimeout(notReady);
    if (worker === state) worker = false;
    thread.terminate();
    for (const job of state.jobs.values()) mainThread.render(job.article, job.options).then(job.resolve, job.reject);
    state.jobs.clear();
  };
  state.start = () => {};
  state.render = (article, options) =>
    new Promise((resolve, reject) => {
      const id = ++nextJob;
      state.jobs.set(id, { article, options, resolve, reject });
      send({ id, article, options });
    });
  // URLs do not cross postMessage: their hrefs do (bytes and a WebAssembly.Module do as they are).
  const load = Object.fromEntries(Object.entries(KhabarCard.loadOptions).map(([k, v]) => [k, v instanceof URL ? v.href : v]));
  send({ load });
  return state;
}

// A page's first card in a script is the first text in the card's fonts for it (each family
// of the stack, each weight and size): on Linux each is a synchronous look-up in the browser
// process, 60-90 ms in the one frame that lays the cards out (measured in a trace). So the
// first card of each script looks them up ahead, one text style a task, while the core and the
// article load: a hidden, absolutely placed article in its shadow root, gone when the card (or
// its fallback) replaces it.
// The card's text styles (the read-more link brings its arrow, a glyph most text fonts lack)
// and, per script, letters, digits and the punctuation cards show.
const FONT_ROLES = ['khabar-source', 'khabar-title', 'khabar-summary', 'khabar-meta', 'khabar-figures', 'khabar-read-more'];
const FONT_SAMPLES = {
  naskh: 'أبجد ۱۲۳ ١٢٣ 123 Ab · “ ” ، ـ',
  nastaliq: 'ابجد ۱۲۳ 123 Ab · “ ” ،',
  hebrew: 'אבג 123 Ab · “ ”',
  latin: 'Abc é 123 · “ ” « »',
};
const fontsLookedUp = new Set();

function lookUpFonts(shadow, lang) {
  const language = lang.toLowerCase().split(/[-_]/)[0];
  const script = language === 'ur' ? 'nastaliq' : language === 'ar' || language === 'fa' ? 'naskh' : language === 'he' ? 'hebrew' : 'latin';
  if (fontsLookedUp.has(script)) return;
  fontsLookedUp.add(script);
  const probe = document.createElement('article');
  probe.className = 'khabar-card khabar-fonts';
  probe.setAttribute('aria-hidden', 'true');
  probe.lang = language;
  probe.dir = script === 'latin' ? 'ltr' : 'rtl';
  shadow.append(probe);
  const step = (i) => {
    if (!probe.isConnected) return;
    if (i === FONT_ROLES.length) return probe.remove();
    const role = document.createElement(FONT_ROLES[i] === 'khabar-figures' ? 'ul' : 'p');
    role.className = FONT_ROLES[i];
    if (role.localName === 'ul') role.append(document.createElement('li'));
    (role.firstChild ?? role).textContent = FONT_SAMPLES[script];
    probe.append(role);
    probe.getBoundingClientRect(); // lays out this style alone, looking up its fonts
    setTimeout(step, 0, i + 1);
  };
  setTimeout(step, 0, 0);
}

class CardFailure extends Error {
  constructor(code, message, options) {
    super(message, options);
    this.code = code;
  }
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
      offMainThread().start(); // the wasm compiles while the article downloads
      lookUpFonts(this.shadowRoot, this.getAttribute('locale') || this.closest('[lang]')?.getAttribute('lang') || 'en');
      const article = inline !== null ? inline : await fetchArticle(src, timeout);
      const level = Number(this.getAttribute('heading-level')) || 2;
      // Asked again: a worker that failed to start meanwhile has handed over to the main thread.
      const html = await offMainThread().render(article, {
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
  coreLoader = importCore;
  workerFactory = createWorker;
  if (loadOptions) KhabarCard.loadOptions = loadOptions;
  // Only where a browser is: on a server, importing and calling define() are harmless.
  if (globalThis.customElements && !customElements.get('khabar-card')) customElements.define('khabar-card', KhabarCard);
  return KhabarCard;
}
