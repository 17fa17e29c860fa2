// khabar/service: the card service as one standard fetch handler, `(request, env, ctx) →
// Response` (the module-worker shape), over the package's wasm core: the same renderer, so a
// card from the service is the same bytes as the CLI's. Runs on workerd (Cloudflare Workers),
// Deno, Bun and Node (examples/service/node.mjs).
//   GET  /card?url=…&locale=…&format=html|json|text&theme=…&heading-level=…&now=…&tz=…
//   POST /card?…            the article's bytes in the body
//   GET  /oembed?url=…&format=json|xml&maxwidth=…&maxheight=…
//   GET  /embed?url=…&…     a standalone page of the card for an <iframe>
//   GET  /snippet?url=…&…   the embed code to paste (a blockquote naming the card, its preload, the script)
//   GET  /image?url=…&locale=…&size=og|square|story|WxH&theme=light|dark&format=png|svg   the card as a picture (service-image.js)
//   GET  /go?url=…          a redirect to an article of the allowed origins (the embed's links in WordPress)
//   GET  /embed.js, /embed.css, /embed-card.css, /khabar-card.css   the embed page's files (strict CSP)
import * as khabar from './index.js';
import { css } from './styles.js';
import { ServiceError, safeFetch } from './service-fetch.js';
import * as embed from './service-embed.js';
import { imageHandler, imageUrl, thumbnailSize, IMAGE_SIZES } from './service-image.js';

export { ServiceError, addressClass, checkUrl } from './service-fetch.js';

const FORMATS = { html: 'text/html; charset=utf-8', json: 'application/json; charset=utf-8', text: 'text/plain; charset=utf-8' };
const THEMES = new Set(['light', 'dark', 'auto', 'host']);

const encoder = new TextEncoder();

// A bounded map in least-recently-used order whose entries expire: the article cache, and the
// answer cache of memoryCache() (one fetch serves every locale and format of an article).
// Entries are { bytes (a Uint8Array), at, ttlMs?, ... }.
class BoundedCache {
  constructor({ entries, bytes, ttlMs }) {
    this.maxEntries = entries;
    this.maxBytes = bytes;
    this.ttlMs = ttlMs;
    this.map = new Map(); // key -> entry
    this.size = 0;
  }
  get(key, now) {
    const hit = this.map.get(key);
    if (!hit) return null;
    this.map.delete(key);
    if (now - hit.at > (hit.ttlMs ?? this.ttlMs)) {
      this.size -= hit.bytes.byteLength;
      return null;
    }
    this.map.set(key, hit); // most recently used last
    return hit;
  }
  set(key, entry) {
    const old = this.map.get(key);
    if (old) {
      this.size -= old.bytes.byteLength;
      this.map.delete(key);
    }
    if (entry.bytes.byteLength > this.maxBytes) return;
    this.map.set(key, entry);
    this.size += entry.bytes.byteLength;
    for (const [k, value] of this.map) {
      if (this.map.size <= this.maxEntries && this.size <= this.maxBytes) break;
      this.map.delete(k);
      this.size -= value.bytes.byteLength;
    }
  }
}

/**
 * A Cache API object (match/put) in this process's memory, bounded, for the service where no
 * edge cache is given (the Node adapter): each answer is kept for its Cache-Control max-age, so a
 * card asked for again costs neither a fetch nor a render, as at a CDN's edge.
 */
export function memoryCache({ entries = 1024, bytes = 64 * 1024 * 1024 } = {}) {
  const store = new BoundedCache({ entries, bytes, ttlMs: 0 });
  return {
    async match(request) {
      const hit = store.get(request.url ?? String(request), Date.now());
      return hit ? new Response(hit.bytes.slice(), { status: hit.status, headers: hit.headers }) : undefined;
    },
    async put(request, response) {
      const maxAge = /(?:^|,)\s*max-age=(\d+)/.exec(response.headers.get('cache-control') ?? '');
      if (!maxAge || /no-store|private/.test(response.headers.get('cache-control'))) return;
      const body = new Uint8Array(await response.arrayBuffer());
      store.set(request.url ?? String(request), { bytes: body, at: Date.now(), ttlMs: Number(maxAge[1]) * 1000, status: response.status, headers: [...response.headers] });
    },
    get entries() {
      return store.map.size;
    },
  };
}

// Cloudflare's runtime (workerd) names itself so (navigator.userAgent, its documented check).
function onWorkers() {
  return globalThis.navigator?.userAgent === 'Cloudflare-Workers';
}

function list(value) {
  if (Array.isArray(value)) return value.map(String);
  return String(value ?? '')
    .split(/[\s,]+/)
    .filter(Boolean);
}

// A scriptUrl that is not an absolute http(s) URL is a configuration error, said when the
// service is made, not a 500 on the first /snippet.
function checkScriptUrl(href) {
  let protocol = '';
  try {
    protocol = new URL(href).protocol;
  } catch {}
  if (protocol !== 'https:' && protocol !== 'http:') throw new Error(`khabar/service: scriptUrl: not an absolute http(s) URL: ${href}`);
}

function normaliseOrigin(origin) {
  try {
    return new URL(origin).origin;
  } catch {
    throw new Error(`khabar/service: allowedOrigins: not an origin: ${origin}`);
  }
}

function errorResponse(error) {
  const status = error instanceof ServiceError ? error.status : error?.code ? coreStatus(error.code) : 500;
  const code = typeof error?.code === 'string' ? error.code : 'service.internal';
  const message = error instanceof ServiceError || error?.code ? error.message : 'internal error';
  return new Response(JSON.stringify({ error: { code, message } }) + '\n', {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store', // a refusal is never cached, by us or by a CDN
      'access-control-allow-origin': '*',
      'x-content-type-options': 'nosniff',
    },
  });
}

// The core's codes -> HTTP statuses.
function coreStatus(code) {
  if (code === 'input.too_large') return 413;
  if (code === 'option.invalid' || code === 'time.invalid' || code === 'locale.invalid') return 400;
  if (/^(parse|input)\./.test(code)) return 422;
  return 500;
}

async function discard(body) {
  if (!body) return;
  const reader = body.getReader();
  try {
    while (!(await reader.read()).done);
  } catch {
    // a client that stops sending: nothing to keep
  }
}

function bad(code, message) {
  return new ServiceError(400, code, message);
}

async function etagOf(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let hex = '';
  for (const b of digest.subarray(0, 16)) hex += b.toString(16).padStart(2, '0');
  return `"${hex}"`;
}

function matches(ifNoneMatch, etag) {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function escapeXml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The service. Every option but `allowedOrigins` has a default:
 *   allowedOrigins   the origins articles may be fetched from (the publisher's own)
 *   allowPrivate     host:port pairs that may be private or loopback (tests only)
 *   resolve          hostname -> Promise<[address]>, checked before connecting (Node: dns.lookup)
 *   fetch            the outgoing fetch (default globalThis.fetch)
 *   load             options for the core's load(), html: true by default (workerd: { wasmUrl: the
 *                    khabar-core-html.wasm Module, dataUrl: bytes, languageData })
 *   timeoutMs 5000, maxBytes 5 MB, maxRedirects 3, maxAge 300 s, staleWhileRevalidate 86400 s
 *   articleCache     { entries: 256, bytes: 32 MB }
 *   cache            a Cache API object (workerd: caches.default), or null
 *   shareFetches     concurrent requests for one article share its fetch (default: true but on
 *                    Workers, where a request may not await another request's I/O)
 *   providerName, providerUrl   for oEmbed
 *   scriptUrl        the khabar.js partners load (the CDN's), for /snippet
 *   defaultLocale    the publisher's locale(s) for cards asked without `locale` (the first in the
 *                    article's language, else the first); without it, the article's language
 *   image            loadImage()'s options for /image (workerd: { wasm, icuData, fonts } as bytes)
 *   maxPictureBytes  the article's picture's size limit for /image (default maxBytes)
 * @returns {{ fetch(request: Request, env?: object, ctx?: object): Promise<Response>, stats(): object }}
 */
export function createService(options = {}) {
  const config = {
    timeoutMs: 5000,
    maxBytes: 5 * 1024 * 1024,
    maxRedirects: 3,
    maxAge: 300,
    staleWhileRevalidate: 86400,
    providerName: 'Khabar',
    providerUrl: '',
    ...options,
  };
  if (config.scriptUrl) checkScriptUrl(config.scriptUrl);
  const publisherLocales = list(config.defaultLocale);
  for (const tag of publisherLocales) {
    if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag)) throw new Error(`khabar/service: defaultLocale: not a BCP 47 tag: ${tag}`);
  }
  const policy = {
    allowedOrigins: new Set(list(config.allowedOrigins).map(normaliseOrigin)),
    allowPrivate: new Set(list(config.allowPrivate)),
    resolve: config.resolve ?? null,
    fetch: config.fetch ?? ((...args) => globalThis.fetch(...args)),
    timeoutMs: config.timeoutMs,
    maxBytes: config.maxBytes,
    maxRedirects: config.maxRedirects,
  };
  const articles = new BoundedCache({
    entries: config.articleCache?.entries ?? 256,
    bytes: config.articleCache?.bytes ?? 32 * 1024 * 1024,
    ttlMs: config.maxAge * 1000,
  });
  // Concurrent requests for one article share its fetch, where a request may await another's
  // I/O (Node, Deno, Bun). Workers may not: a request awaiting a promise that another request's
  // fetch settles is cancelled as hung (seen under load when cached articles expired). There
  // each request fetches for itself, and the article cache serves the requests after it.
  const inflight = (config.shareFetches ?? !onWorkers()) ? new Map() : null; // url -> promise of its entry
  const counters = { requests: 0, rendered: 0, notModified: 0, refused: 0, cacheHits: 0, articleFetches: 0 };
  const articleLangs = new WeakMap(); // an article's bytes -> its language, read once
  const known = new embed.KnownArticles(); // url -> the title and link an embed's failure page shows
  let loading = null;

  function core() {
    // The core with the HTML reader: publishers' pages are HTML, most without a JSON-LD body.
    loading ??= khabar.load({ html: true, ...config.load }).then(() => khabar);
    loading.catch(() => (loading = null));
    return loading;
  }

  // An article's bytes and the Content-Type header they came with (its charset is the core's).
  async function article(url) {
    const now = Date.now();
    const hit = articles.get(url, now);
    if (hit) return hit;
    if (!inflight) return fetchArticle(url);
    if (!inflight.has(url)) {
      const pending = fetchArticle(url);
      inflight.set(url, pending);
      pending.finally(() => inflight.delete(url)).catch(() => {});
    }
    return inflight.get(url);
  }

  async function fetchArticle(url) {
    const { bytes, contentType } = await safeFetch(url, policy);
    counters.articleFetches++;
    const entry = { bytes, contentType, at: Date.now() };
    articles.set(url, entry);
    return entry;
  }

  // `format`: the endpoint's own (oEmbed's format is json|xml, the embed page is html).
  function cardOptions(params, request, format = params.get('format') ?? 'html') {
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
        maxBytes: config.maxBytes,
      },
    };
  }

  // The options with their locale: the one asked, else embed.defaultLocale() of the article's
  // language (the publisher's, else the article's own in the reader's region).
  async function withLocale(options, bytes, contentType) {
    if (options.core.locale !== undefined) return options;
    let lang = articleLangs.get(bytes);
    if (lang === undefined) {
      const k = await core();
      lang = (await k.analyze(bytes, { ...options.core, contentType })).lang ?? '';
      articleLangs.set(bytes, lang);
    }
    const { locale, vary } = embed.defaultLocale(lang, options.acceptLanguage, publisherLocales);
    return { ...options, varyLanguage: vary, core: { ...options.core, locale } };
  }

  async function render(bytes, options, format) {
    const k = await core();
    const renderers = { html: k.renderHTML, json: k.renderJSON, text: k.renderText };
    // The bytes as served: the core decodes the page's charset (windows-1256), as the CLI does.
    const out = await renderers[format](bytes, options);
    // The CLI ends JSON and HTML with a newline: the service's bytes are the CLI's.
    return format === 'text' ? out : `${out}\n`;
  }

  function cacheHeaders(etag, contentType, vary) {
    const headers = {
      'content-type': contentType,
      etag,
      'cache-control': `public, max-age=${config.maxAge}, stale-while-revalidate=${config.staleWhileRevalidate}`,
      'access-control-allow-origin': '*',
      'x-content-type-options': 'nosniff',
    };
    if (vary.length) headers.vary = vary.join(', ');
    return headers;
  }

  // A 200 with ETag and caching headers, or a 304 when the client has these bytes already.
  // `body`: text, or bytes (a picture).
  async function answer(request, body, contentType, { vary = [], extra = {} } = {}) {
    const bytes = typeof body === 'string' ? encoder.encode(body) : body;
    const etag = await etagOf(bytes);
    const headers = { ...cacheHeaders(etag, contentType, vary), ...extra };
    if (matches(request.headers.get('if-none-match'), etag)) {
      counters.notModified++;
      delete headers['content-type'];
      return new Response(null, { status: 304, headers });
    }
    counters.rendered++;
    return new Response(request.method === 'HEAD' ? null : bytes, { status: 200, headers });
  }

  function articleUrl(params) {
    const url = params.get('url');
    if (!url) throw bad('param.missing', 'the url parameter is required');
    if (url.length > 2048) throw bad('param.invalid', 'url is longer than 2048 characters');
    return url;
  }

  async function getCard(request, params) {
    const url = articleUrl(params);
    const asked = cardOptions(params, request);
    const { bytes, contentType } = await article(url);
    const options = await withLocale(asked, bytes, contentType);
    const body = await render(bytes, { ...options.core, contentType }, options.format);
    return answer(request, body, FORMATS[options.format], { vary: options.varyLanguage ? ['Accept-Language'] : [] });
  }

  async function postCard(request, params) {
    const asked = cardOptions(params, request);
    const declared = Number(request.headers.get('content-length'));
    if (declared > config.maxBytes) {
      // A body up to 4 × the limit is read and dropped before the refusal: workerd closes the
      // connection on a body left unread, and a client still writing it sees a broken pipe
      // instead of this 413. A larger one is refused at once.
      if (declared <= 4 * config.maxBytes) await discard(request.body);
      throw new ServiceError(413, 'input.too_large', `more than ${config.maxBytes} bytes`);
    }
    const bytes = new Uint8Array(await request.arrayBuffer());
    if (bytes.byteLength > config.maxBytes) throw new ServiceError(413, 'input.too_large', `more than ${config.maxBytes} bytes`);
    const contentType = request.headers.get('content-type') ?? '';
    const options = await withLocale(asked, bytes, contentType);
    const body = await render(bytes, { ...options.core, contentType }, options.format);
    const response = await answer(request, body, FORMATS[options.format], { vary: options.varyLanguage ? ['Accept-Language'] : [] });
    response.headers.set('cache-control', 'no-store'); // a pushed article is the publisher's, not a URL to cache
    return response;
  }

  // The named parameters of a request that were given, in that order: the query of a URL it links to.
  function forwarded(params, names) {
    const query = new URLSearchParams();
    for (const name of names) if (params.get(name) !== null) query.set(name, params.get(name));
    return query;
  }

  // The Card (analyze()'s object) of the article a request names, for the locale it asks or
  // withLocale() settles: what /image draws and the embed page's share picture names.
  async function cardOf(request, params) {
    const url = articleUrl(params);
    const asked = cardOptions(params, request, 'json');
    const { bytes, contentType } = await article(url);
    const options = await withLocale(asked, bytes, contentType);
    const card = await (await core()).analyze(bytes, { ...options.core, contentType });
    return { card, options, vary: options.varyLanguage ? ['Accept-Language'] : [] };
  }

  const getImage = imageHandler({ cardOf, answer, policy, load: config.image, maxPictureBytes: config.maxPictureBytes ?? config.maxBytes, maxAge: config.maxAge });

  // The card's share picture for a page of it: /image of the same article, locale and dates.
  function shareImage(base, params, locale, title) {
    const src = imageUrl(base, { url: params.get('url'), locale, theme: params.get('theme'), tz: params.get('tz'), now: params.get('now') });
    return embed.imageMeta({ src, alt: title, width: IMAGE_SIZES.og[0], height: IMAGE_SIZES.og[1] });
  }

  // The card's title and link as an embed's fallback shows them (its blockquote, its failure page).
  // Kept for the failure page: 1,024 articles at most, a URL ≤ 2,048 characters and a title cut
  // at 1,024, so a few MB at worst.
  function remember(url, card) {
    const entry = { title: card.title?.slice(0, 1024), link: embed.articleLink(card, url), lang: card.lang || card.ui_lang, dir: card.dir || card.ui_dir };
    if (entry.title) known.set(url, entry);
    return entry;
  }

  // GET /embed: the card's page for a frame. It never answers JSON: a card that cannot be made
  // is a small page with the article's link (embed.failurePage).
  async function getEmbed(request, params, base) {
    try {
      return await embedPage(request, params, base);
    } catch (error) {
      counters.refused++;
      const url = params.get('url');
      let allowed = false;
      try {
        allowed = policy.allowedOrigins.has(new URL(url).origin) && /^https?:$/.test(new URL(url).protocol);
      } catch {}
      return embed.failurePage(error, { url, known: url ? known.get(url) : null, locale: params.get('locale') ?? publisherLocales[0], allowed });
    }
  }

  async function embedPage(request, params, base) {
    const url = articleUrl(params);
    const asked = cardOptions(params, request, 'html');
    const { bytes, contentType } = await article(url);
    const options = await withLocale(asked, bytes, contentType);
    const coreOptions = { ...options.core, contentType };
    const card = await render(bytes, coreOptions, 'html');
    const k = await core();
    const meta = await k.analyze(bytes, coreOptions);
    remember(url, meta);
    const theme = options.theme ? ` theme="${options.theme}"` : '';
    const page = embed.embedDocument({
      lang: meta.ui_lang,
      dir: meta.ui_dir,
      title: meta.title,
      head: shareImage(base, params, options.core.locale, meta.title),
      body: `<khabar-card${theme}><template shadowrootmode="open"><link rel="stylesheet" href="embed-card.css"><link rel="stylesheet" href="khabar-card.css">${card}</template></khabar-card>`,
    });
    return answer(request, page, FORMATS.html, {
      vary: options.varyLanguage ? ['Accept-Language'] : [],
      extra: {
        // Nothing runs but the service's own script; any page may frame it.
        'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src https: http:; base-uri 'none'; form-action 'none'",
        'referrer-policy': 'strict-origin-when-cross-origin',
      },
    });
  }

  async function getOEmbed(request, params, base) {
    const format = params.get('format') ?? 'json';
    // oEmbed 1.0 §2.2: an unsupported format is 501.
    if (format !== 'json' && format !== 'xml') throw new ServiceError(501, 'oembed.format', `format ${format.slice(0, 20)} is not served (json, xml)`);
    const url = articleUrl(params);
    const dimension = (name) => {
      const value = params.get(name);
      if (value === null) return null;
      if (!/^\d{1,5}$/.test(value) || Number(value) < 1) throw bad('param.invalid', `${name} must be a positive whole number`);
      return Number(value);
    };
    const maxwidth = dimension('maxwidth');
    const maxheight = dimension('maxheight');
    // The card fills its frame; the frame's height is the card's at that width.
    const width = Math.min(maxwidth ?? embed.DEFAULT_WIDTH_PX, embed.MAX_WIDTH_PX);
    if (width < embed.MIN_WIDTH_PX) throw new ServiceError(404, 'oembed.too_small', `no card fits in ${width} px (${embed.MIN_WIDTH_PX} px at least)`);
    const height = embed.frameHeight(width);
    if (maxheight !== null && maxheight < height) throw new ServiceError(404, 'oembed.too_small', `no card fits in ${maxheight} px`);
    const asked = cardOptions(params, request, 'json');
    const { bytes, contentType } = await article(url);
    const options = await withLocale(asked, bytes, contentType);
    const k = await core();
    const card = await k.analyze(bytes, { ...options.core, contentType });
    const { link } = remember(url, card);
    // The frame's URL names the locale this answer was made for: a consumer's cached html shows
    // the same card to every reader.
    const src = new URL('embed', base);
    src.search = forwarded(params, ['url', 'theme', 'heading-level', 'tz']).toString();
    if (options.core.locale) src.searchParams.set('locale', options.core.locale);
    const html = embed.oembedHtml({ src: src.href, title: card.title, link, lang: card.lang, dir: card.dir, width, height });
    const body = {
      version: '1.0',
      type: 'rich',
      provider_name: config.providerName,
      provider_url: config.providerUrl || base.origin,
      title: card.title,
      html,
      width,
      height,
      cache_age: config.maxAge,
    };
    if (card.authors?.length) body.author_name = card.authors.join(', ');
    else if (card.source) body.author_name = card.source;
    if (card.url) body.author_url = new URL(card.url).origin;
    // The card as a picture (/image), og's shape scaled to maxwidth and maxheight.
    const thumbnail = thumbnailSize(maxwidth, maxheight);
    if (thumbnail) {
      body.thumbnail_url = imageUrl(base, { url, locale: options.core.locale, size: thumbnail.size, tz: params.get('tz') });
      body.thumbnail_width = thumbnail.width;
      body.thumbnail_height = thumbnail.height;
    }
    const vary = options.varyLanguage ? ['Accept-Language'] : [];
    if (format === 'xml') {
      const fields = Object.entries(body)
        .map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`)
        .join('');
      return answer(request, `<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<oembed>${fields}</oembed>\n`, 'text/xml; charset=utf-8', { vary });
    }
    return answer(request, JSON.stringify(body) + '\n', 'application/json; charset=utf-8', { vary });
  }

  // GET /snippet: the embed code a publisher hands its partners, to paste as it is. khabar.css
  // (beside khabar.js) reserves the card's box; the blockquote names the card's URL (data-card)
  // and a preload beside it asks for that very URL while khabar.js loads (README: the quickest
  // card); its title link is the fallback. text/plain, so that it is read and copied here, never
  // rendered on the service's origin.
  async function getSnippet(request, params, base) {
    if (!config.scriptUrl) throw new ServiceError(501, 'snippet.no_script', 'no scriptUrl (KHABAR_SCRIPT_URL) is set: the khabar.js that partners load');
    const url = articleUrl(params);
    const asked = cardOptions(params, request, 'json');
    const { bytes, contentType } = await article(url);
    const options = await withLocale(asked, bytes, contentType);
    const k = await core();
    const meta = await k.analyze(bytes, { ...options.core, contentType });
    const card = new URL('card', base);
    // `now` only when asked (a card for a test or an archive); a live card is dated at each request.
    card.search = forwarded(params, ['url', 'locale', 'heading-level', 'now', 'tz']).toString();
    const href = escapeHtml(card.href);
    const theme = options.theme ? ` data-theme="${options.theme}"` : '';
    const link = /^https?:/.test(meta.url) ? meta.url : url;
    const body =
      `<link rel="stylesheet" href="${escapeHtml(new URL('khabar.css', config.scriptUrl).href)}">\n` +
      `<blockquote class="khabar-card" data-card="${href}"${theme} lang="${escapeHtml(meta.lang)}" dir="${escapeHtml(meta.dir)}">` +
      `<a href="${escapeHtml(link)}">${escapeHtml(meta.title)}</a></blockquote>\n` +
      `<link rel="preload" as="fetch" crossorigin="anonymous" href="${href}">\n` +
      `<script async src="${escapeHtml(config.scriptUrl)}"></script>\n`;
    return answer(request, body, FORMATS.text, { vary: options.varyLanguage ? ['Accept-Language'] : [] });
  }

  function staticFile(request, body, type) {
    return answer(request, body, type);
  }

  async function route(request, ctx) {
    const url = new URL(request.url);
    const params = url.searchParams;
    const base = new URL('./', config.publicUrl ? new URL(config.publicUrl) : url);
    const path = url.pathname.slice(base.pathname.length - 1);
    const method = request.method;
    if (method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, HEAD, POST', 'access-control-max-age': '86400' },
      });
    }
    const get = method === 'GET' || method === 'HEAD';
    if (path === '/card' && method === 'POST') return postCard(request, params);
    if (!get) throw new ServiceError(405, 'request.method', `${method} is not served here`);
    if (path === '/embed.js') return staticFile(request, embed.EMBED_SCRIPT, 'text/javascript; charset=utf-8');
    if (path === '/embed.css') return staticFile(request, embed.EMBED_CSS, 'text/css; charset=utf-8');
    if (path === '/embed-card.css') return staticFile(request, embed.EMBED_CARD_CSS, 'text/css; charset=utf-8');
    if (path === '/go') return embed.redirect(params, policy.allowedOrigins);
    if (path === '/khabar-card.css') return staticFile(request, css.trimStart(), 'text/css; charset=utf-8');
    const handlers = { '/card': getCard, '/embed': getEmbed, '/oembed': getOEmbed, '/snippet': getSnippet, '/image': getImage };
    const handler = handlers[path];
    if (!handler) throw new ServiceError(404, 'request.not_found', `${path} is not an endpoint (/card, /image, /oembed, /embed, /snippet, /go)`);
    return cached(request, ctx, () => handler(request, params, base));
  }

  // On workerd the Cache API keeps whole answers at the edge: a hit costs no fetch and no render.
  async function cached(request, ctx, produce) {
    const cache = config.cache;
    if (!cache || request.method !== 'GET' || request.headers.has('if-none-match')) return produce();
    // The Cache API keys on the URL alone: a card chosen by Accept-Language gets it in its key.
    const keyUrl = new URL(request.url);
    if (!keyUrl.searchParams.has('locale')) keyUrl.searchParams.set('khabar-accept-language', request.headers.get('accept-language') ?? '');
    const key = new Request(keyUrl.href);
    try {
      const hit = await cache.match(key);
      if (hit) {
        counters.cacheHits++;
        return hit;
      }
    } catch {}
    const response = await produce();
    if (response.status === 200) {
      const put = cache.put(key, response.clone()).catch(() => {});
      if (ctx?.waitUntil) ctx.waitUntil(put);
      else await put;
    }
    return response;
  }

  return {
    async fetch(request, env, ctx) {
      counters.requests++;
      try {
        return await route(request, ctx);
      } catch (error) {
        counters.refused++;
        return errorResponse(error);
      }
    },
    /** Counters: requests, rendered, notModified, refused, cacheHits, and the article cache. */
    stats() {
      return { ...counters, articlesCached: articles.map.size, articleBytes: articles.size };
    },
  };
}

/**
 * The service configured from a worker's environment (wrangler.toml [vars], workerd bindings):
 * KHABAR_ALLOWED_ORIGINS (space or comma separated), KHABAR_ALLOW_PRIVATE (tests only),
 * KHABAR_MAX_AGE, KHABAR_STALE_WHILE_REVALIDATE, KHABAR_TIMEOUT_MS, KHABAR_MAX_BYTES,
 * KHABAR_PROVIDER_NAME, KHABAR_PUBLIC_URL, KHABAR_SCRIPT_URL, KHABAR_DEFAULT_LOCALE. `extra` adds what the environment cannot carry
 * (the wasm module and data: { load }, { cache }).
 */
export function serviceFromEnv(env = {}, extra = {}) {
  const number = (name, fallback) => (env[name] !== undefined && env[name] !== '' ? Number(env[name]) : fallback);
  return createService({
    allowedOrigins: env.KHABAR_ALLOWED_ORIGINS ?? '',
    allowPrivate: env.KHABAR_ALLOW_PRIVATE ?? '',
    maxAge: number('KHABAR_MAX_AGE', 300),
    staleWhileRevalidate: number('KHABAR_STALE_WHILE_REVALIDATE', 86400),
    timeoutMs: number('KHABAR_TIMEOUT_MS', 5000),
    maxBytes: number('KHABAR_MAX_BYTES', 5 * 1024 * 1024),
    providerName: env.KHABAR_PROVIDER_NAME || 'Khabar',
    publicUrl: env.KHABAR_PUBLIC_URL || '',
    scriptUrl: env.KHABAR_SCRIPT_URL || '',
    defaultLocale: env.KHABAR_DEFAULT_LOCALE || '',
    ...extra,
  });
}
