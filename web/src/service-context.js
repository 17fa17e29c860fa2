// What one card service shares between its routes: its configuration, the fetch policy, the
// article cache, the core, and the steps every article route takes (read the card's options,
// fetch the article, settle the locale, render, answer). createService() makes one; each
// route's handler is (cx, request, params, base) -> Response.
import { BoundedCache } from './service-cache.js';
import { safeFetch } from './service-fetch.js';
import { FORMATS, THEMES, answer, bad, list } from './service-http.js';
import * as embed from './service-embed.js';

// Cloudflare's runtime (workerd) names itself so (navigator.userAgent, its documented check).
function onWorkers() {
  return globalThis.navigator?.userAgent === 'Cloudflare-Workers';
}

function normaliseOrigin(origin) {
  try {
    return new URL(origin).origin;
  } catch {
    throw new Error(`khabar/service: allowedOrigins: not an origin: ${origin}`);
  }
}

/** The context of a service with `config` (createService's options and defaults) over `khabar` (the package). */
export class ServiceContext {
  constructor(config, khabar) {
    this.config = config;
    this.khabar = khabar;
    this.publisherLocales = list(config.defaultLocale);
    for (const tag of this.publisherLocales) {
      if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag)) throw new Error(`khabar/service: defaultLocale: not a BCP 47 tag: ${tag}`);
    }
    this.policy = {
      allowedOrigins: new Set(list(config.allowedOrigins).map(normaliseOrigin)),
      allowPrivate: new Set(list(config.allowPrivate)),
      resolve: config.resolve ?? null,
      fetch: config.fetch ?? ((...args) => globalThis.fetch(...args)),
      timeoutMs: config.timeoutMs,
      maxBytes: config.maxBytes,
      maxRedirects: config.maxRedirects,
    };
    this.articles = new BoundedCache({
      entries: config.articleCache?.entries ?? 256,
      bytes: config.articleCache?.bytes ?? 32 * 1024 * 1024,
      ttlMs: config.maxAge * 1000,
    });
    // Concurrent requests for one article share its fetch, where a request may await another's
    // I/O (Node, Deno, Bun). Workers may not: a request awaiting a promise that another request's
    // fetch settles is cancelled as hung (seen under load when cached articles expired). There
    // each request fetches for itself, and the article cache serves the requests after it.
    this.inflight = (config.shareFetches ?? !onWorkers()) ? new Map() : null; // url -> promise of its entry
    this.counters = { requests: 0, rendered: 0, notModified: 0, refused: 0, cacheHits: 0, articleFetches: 0 };
    this.articleLangs = new WeakMap(); // an article's bytes -> its language, read once
    this.known = new embed.KnownArticles(); // url -> the title and link an embed's failure page shows
    this.loading = null;
  }

  core() {
    // The core with the HTML reader: publishers' pages are HTML, most without a JSON-LD body.
    this.loading ??= this.khabar.load({ html: true, ...this.config.load }).then(() => this.khabar);
    this.loading.catch(() => (this.loading = null));
    return this.loading;
  }

  /** An article's bytes and the headers they came with: { bytes, http: { contentType, contentLanguage } }. */
  async article(url) {
    const hit = this.articles.get(url, Date.now());
    if (hit) return hit;
    if (!this.inflight) return this.fetchArticle(url);
    if (!this.inflight.has(url)) {
      const pending = this.fetchArticle(url);
      this.inflight.set(url, pending);
      pending.finally(() => this.inflight.delete(url)).catch(() => {});
    }
    return this.inflight.get(url);
  }

  async fetchArticle(url) {
    const { bytes, contentType, contentLanguage } = await safeFetch(url, this.policy);
    this.counters.articleFetches++;
    const entry = { bytes, http: { contentType, contentLanguage }, at: Date.now() };
    this.articles.set(url, entry);
    return entry;
  }

  /** The card's options from a request. `format`: the endpoint's own (oEmbed's is json|xml, the embed page is html). */
  cardOptions(params, request, format = params.get('format') ?? 'html') {
    if (!FORMATS[format]) throw bad('param.invalid', `format must be html, json or text, not ${format.slice(0, 40)}`);
    const theme = params.get('theme');
    if (theme !== null && !THEMES.has(theme)) throw bad('param.invalid', 'theme must be light, dark, auto or host');
    const level = params.get('heading-level');
    if (level !== null && !/^[1-6]$/.test(level)) throw bad('param.invalid', 'heading-level must be 1 to 6');
    // No locale asked: settled by withLocale() once the article's language is known.
    const locale = params.get('locale');
    return {
      format,
      theme,
      varyLanguage: false,
      acceptLanguage: request.headers.get('accept-language'),
      core: {
        locale: locale ?? undefined,
        now: params.get('now') ?? new Date().toISOString(),
        timeZone: params.get('tz') ?? 'UTC',
        headingLevel: level === null ? undefined : Number(level),
        maxBytes: this.config.maxBytes,
      },
    };
  }

  /**
   * The options with their locale: the one asked, else embed.defaultLocale() of the article's
   * language (the publisher's, else the article's own in the reader's region). `http`: the
   * headers the bytes came with, { contentType, contentLanguage } (the core reads both).
   */
  async withLocale(options, bytes, http) {
    if (options.core.locale !== undefined) return options;
    let lang = this.articleLangs.get(bytes);
    if (lang === undefined) {
      lang = (await this.analyze(bytes, { ...options.core, ...http })).lang ?? '';
      this.articleLangs.set(bytes, lang);
    }
    const { locale, vary } = embed.defaultLocale(lang, options.acceptLanguage, this.publisherLocales);
    return { ...options, varyLanguage: vary, core: { ...options.core, locale } };
  }

  /** A request's article with its options settled: { bytes, options, coreOptions }. */
  async read(request, params, url, format) {
    const asked = this.cardOptions(params, request, format);
    const { bytes, http } = await this.article(url);
    const options = await this.withLocale(asked, bytes, http);
    return { bytes, options, coreOptions: { ...options.core, ...http } };
  }

  /** The card in `format` (html, json, text) as the CLI writes it. */
  async render(bytes, coreOptions, format) {
    const k = await this.core();
    const renderers = { html: k.renderHTML, json: k.renderJSON, text: k.renderText };
    // The bytes as served: the core decodes the page's charset (windows-1256), as the CLI does.
    const out = await renderers[format](bytes, coreOptions);
    // The CLI ends JSON and HTML with a newline: the service's bytes are the CLI's.
    return format === 'text' ? out : `${out}\n`;
  }

  /** The card's fields (title, lang, dir, url ...) without its markup. */
  async analyze(bytes, coreOptions) {
    return (await this.core()).analyze(bytes, coreOptions);
  }

  /** A 200 with ETag and this service's caching headers, or a 304. */
  answer(request, body, contentType, { vary = [], extra = {} } = {}) {
    const cacheControl = `public, max-age=${this.config.maxAge}, stale-while-revalidate=${this.config.staleWhileRevalidate}`;
    return answer(request, body, contentType, { cacheControl, counters: this.counters, vary, extra });
  }

  // The card's title and link as an embed's fallback shows them (its blockquote, its failure page).
  // Kept for the failure page: 1,024 articles at most, a URL ≤ 2,048 characters and a title cut
  // at 1,024, so a few MB at worst.
  remember(url, card) {
    const entry = { title: card.title?.slice(0, 1024), link: embed.articleLink(card, url), lang: card.lang || card.ui_lang, dir: card.dir || card.ui_dir };
    if (entry.title) this.known.set(url, entry);
    return entry;
  }
}

/** Accept-Language when the locale was chosen by it. */
export function varyOf(options) {
  return options.varyLanguage ? ['Accept-Language'] : [];
}
