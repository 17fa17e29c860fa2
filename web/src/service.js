// khabar/service: the card service as one standard fetch handler, `(request, env, ctx) →
// Response` (the module-worker shape), over the package's wasm core: the same renderer, so a
// card from the service is the same bytes as the CLI's. Runs on workerd (Cloudflare Workers),
// Deno, Bun and Node (examples/service/node.mjs). Its routes, each in its own module:
//   GET  /card?url=…&locale=…&format=html|json|text&theme=…&heading-level=…&now=…&tz=…
//   POST /card?…            the article's bytes in the body                  service-route-card.js
//   GET  /oembed?url=…&format=json|xml&maxwidth=…&maxheight=…                 service-route-oembed.js
//   GET  /embed?url=…&…     a standalone page of the card for an <iframe>    service-route-embed.js
//   GET  /image?url=…&locale=…&size=og|square|story|WxH&theme=light|dark&format=png|svg
//                           the card as a picture (og:image)                 service-route-image.js
//   GET  /go?url=…          a redirect to an article of the allowed origins (the embed's links in WordPress)
//   GET  /snippet?url=…&…   the embed code to paste (a blockquote naming the card, its preload, the script)
//                                                                            service-route-snippet.js
//   GET  /embed.js, /embed.css, /embed-card.css, /khabar-card.css   the embed page's files (strict CSP)
// What the routes share (the article cache, the core, the card's options) is service-context.js;
// the request/response toolkit service-http.js; the caches service-cache.js; the guarded fetch
// service-fetch.js; the embed's templates service-embed.js.
import * as khabar from './index.js';
import { css } from './styles.js';
import { edgeCached } from './service-cache.js';
import { ServiceContext } from './service-context.js';
import * as embed from './service-embed.js';
import { ServiceError } from './service-fetch.js';
import { errorResponse } from './service-http.js';
import { getCard, postCard } from './service-route-card.js';
import { getEmbed, getRedirect } from './service-route-embed.js';
import { getImage } from './service-route-image.js';
import { getOEmbed } from './service-route-oembed.js';
import { getSnippet } from './service-route-snippet.js';

export { ServiceError, addressClass, checkUrl } from './service-fetch.js';
export { memoryCache } from './service-cache.js';

// The embed page's files: [body, Content-Type].
const STATIC = {
  '/embed.js': [embed.EMBED_SCRIPT, 'text/javascript; charset=utf-8'],
  '/embed.css': [embed.EMBED_CSS, 'text/css; charset=utf-8'],
  '/embed-card.css': [embed.EMBED_CARD_CSS, 'text/css; charset=utf-8'],
  '/khabar-card.css': [css.trimStart(), 'text/css; charset=utf-8'],
};
// GET routes: [handler, whether its 200s go to the edge cache].
const ROUTES = {
  '/card': [getCard, true],
  '/embed': [getEmbed, true],
  '/oembed': [getOEmbed, true],
  '/snippet': [getSnippet, true],
  '/image': [getImage, true],
  '/go': [getRedirect, false],
};

// A scriptUrl that is not an absolute http(s) URL is a configuration error, said when the
// service is made, not a 500 on the first /snippet.
function checkScriptUrl(href) {
  let protocol = '';
  try {
    protocol = new URL(href).protocol;
  } catch {}
  if (protocol !== 'https:' && protocol !== 'http:') throw new Error(`khabar/service: scriptUrl: not an absolute http(s) URL: ${href}`);
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
  const cx = new ServiceContext(config, khabar);

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
    if (path === '/card' && method === 'POST') return postCard(cx, request, params);
    if (method !== 'GET' && method !== 'HEAD') throw new ServiceError(405, 'request.method', `${method} is not served here`);
    if (STATIC[path]) return cx.answer(request, ...STATIC[path]);
    const [handler, cacheable] = ROUTES[path] ?? [];
    if (!handler) throw new ServiceError(404, 'request.not_found', `${path} is not an endpoint (/card, /image, /oembed, /embed, /snippet, /go)`);
    if (!cacheable) return handler(cx, request, params, base);
    return edgeCached(config.cache, request, ctx, cx.counters, () => handler(cx, request, params, base));
  }

  return {
    async fetch(request, env, ctx) {
      cx.counters.requests++;
      try {
        return await route(request, ctx);
      } catch (error) {
        cx.counters.refused++;
        return errorResponse(error);
      }
    },
    /** Counters: requests, rendered, notModified, refused, cacheHits, and the article cache. */
    stats() {
      return { ...cx.counters, articlesCached: cx.articles.map.size, articleBytes: cx.articles.size };
    },
  };
}

/**
 * The service configured from a worker's environment (wrangler.toml [vars], workerd bindings):
 * KHABAR_ALLOWED_ORIGINS (space or comma separated), KHABAR_ALLOW_PRIVATE (tests only),
 * KHABAR_MAX_AGE, KHABAR_STALE_WHILE_REVALIDATE, KHABAR_TIMEOUT_MS, KHABAR_MAX_BYTES,
 * KHABAR_PROVIDER_NAME, KHABAR_PUBLIC_URL, KHABAR_SCRIPT_URL, KHABAR_DEFAULT_LOCALE. `extra` adds
 * what the environment cannot carry (the wasm module and data: { load }, { cache }).
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
