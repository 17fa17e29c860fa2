// The card service's embed in a partner's page (WordPress and any oEmbed consumer): the frame's
// size, the oEmbed `html` in the form WordPress trusts, the embed page's script and stylesheets,
// the redirect its links go through, the locale of a card asked without one, and the page a
// frame shows when the card cannot be made. service.js routes to these.
import { blockSizeEm } from './styles.js';
import { ServiceError } from './service-fetch.js';
import { articleUrl, escapeMarkup } from './service-http.js';

// The card's font size in a frame (the reader's default, `font-size: medium`).
const FONT_PX = 16;
// A card is wide when its content box (the frame less the card's 1 px borders) is over 30em
// (styles.js: NARROW_CARD): 483 px and wider.
export const WIDE_MIN_PX = 30 * FONT_PX + 2 + 1;
export const MIN_WIDTH_PX = 280;
export const MAX_WIDTH_PX = 720;
export const DEFAULT_WIDTH_PX = 550;

/** The frame's height for a card this wide: the card's whole box (styles.js budgets), borders included. */
export function frameHeight(width) {
  return Math.ceil((width >= WIDE_MIN_PX ? blockSizeEm.wide : blockSizeEm.narrow) * FONT_PX + 2);
}

// The embed page's script: its height to the parent whenever it changes, in WordPress's form
// (wp-embed.js: {message: 'height', value, secret}, the secret from the `#?secret=` WordPress
// adds to the frame's URL) and a generic one ({type: 'khabar.resize', height}); clicks leave the
// frame. A file, not inline, so that the page keeps `script-src 'self'`.
export const EMBED_SCRIPT = `// khabar embed page: tells the parent frame its height (WordPress and any oEmbed consumer).
(function () {
  var secret = (/[#?&]secret=([A-Za-z0-9]{1,64})/.exec(location.hash) || [])[1] || '';
  var article = new URLSearchParams(location.search).get('url') || '';
  var last = 0;
  function post(message) {
    if (window.parent !== window) window.parent.postMessage(message, '*');
  }
  function send(again) {
    var h = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (h === last && !again) return;
    last = h;
    post({ type: 'khabar.resize', height: h, href: location.href });
    // A page without its card tells WordPress nothing: its blockquote, the linked title, stays.
    if (secret && !document.querySelector('.khabar-failed')) post({ message: 'height', value: h, secret: secret });
  }
  new ResizeObserver(function () { send(false); }).observe(document.documentElement);
  addEventListener('load', function () { send(false); });
  // wp-embed.js says 'ready' when it loads after the frame: the height again.
  addEventListener('message', function (e) {
    if (e.source === window.parent && e.data && e.data.message === 'ready' && e.data.secret === secret) send(true);
  });
  // A link opens in a new tab (<base target="_blank">, where the sandbox allows popups). In
  // WordPress, whose sandbox allows none, wp-embed.js takes the top window to a URL on this frame's
  // host only: the service's redirect to the article.
  document.addEventListener('click', function (e) {
    if (e.defaultPrevented || e.button !== 0) return;
    var link = null;
    var path = e.composedPath();
    for (var i = 0; i < path.length && !link; i++) if (path[i].localName === 'a' && path[i].href) link = path[i];
    if (!link) return;
    post({ type: 'khabar.link', href: link.href });
    if (!secret) return;
    e.preventDefault();
    var to = article;
    try {
      if (new URL(link.href).origin === new URL(article).origin) to = link.href;
    } catch (_) {}
    post({ message: 'link', value: new URL('go?url=' + encodeURIComponent(to), location.href).href, secret: secret });
  });
})();
`;

// The page has no margins and never scrolls (the frame is resized to it); the card fills the
// frame's width (no 40em cap).
export const EMBED_CSS = `html,body{margin:0;padding:0;background:transparent;overflow:hidden}khabar-card{--khabar-max-inline-size:none}.khabar-failed{margin:0;padding:1em 1.25em;border:1px solid #dcdfe3;border-radius:14px;font:medium/1.55 system-ui,"Noto Naskh Arabic","Noto Sans",sans-serif;color:#16181b;background:#fff}.khabar-failed a{color:#0a5bb5;font-weight:700}`;

// Inside the card's shadow root, after khabar-card.css: no margin (its :host rule is !important,
// which only a rule of the same shadow root overrides), and the card's whole box, the height the
// oEmbed answer gave, rather than the server-rendered card's content height.
export const EMBED_CARD_CSS = `:host(khabar-card){margin:0!important}:host(khabar-card) link+article{block-size:calc(var(--khabar-block-size,var(--khabar-reserve) + 2px) - 2px)}`;

/**
 * The oEmbed `html`: WordPress keeps a blockquote and an iframe (wp_filter_oembed_result), shows
 * the blockquote's link until the frame reports its height, and loads wp-embed.js only when the
 * blockquote has the class wp-embedded-content. Other consumers keep the blockquote for screen
 * readers only (clipped) and show the frame.
 * The frame is `width="100%"`: WordPress drops every style, and no theme of its own narrows an
 * iframe, so a frame `width` px wide scrolls a phone's page sideways. Where styles are kept,
 * max-width is `width`. Its height is the card's at `width`; narrower, the card reports its own.
 */
export function oembedHtml({ src, title, link, lang, dir, width, height }) {
  const clip = 'position:absolute;clip:rect(1px,1px,1px,1px);width:1px;height:1px;overflow:hidden';
  return (
    `<blockquote class="wp-embedded-content" lang="${escapeMarkup(lang)}" dir="${escapeMarkup(dir)}" style="${clip}">` +
    `<a href="${escapeMarkup(link)}">${escapeMarkup(title)}</a></blockquote>` +
    `<iframe class="wp-embedded-content" src="${escapeMarkup(src)}" width="100%" height="${height}" title="${escapeMarkup(title)}"` +
    ` frameborder="0" marginwidth="0" marginheight="0" scrolling="no" loading="lazy"` +
    ` sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" style="border:0;max-width:${width}px"></iframe>`
  );
}

/** The card's link for an article, when it is http(s); otherwise the URL it was asked by. */
export function articleLink(card, url) {
  return /^https?:\/\//i.test(card?.url ?? '') ? card.url : url;
}

/**
 * GET /go?url=…: a redirect to an article of the allowed origins, for wp-embed.js, which follows
 * links to the frame's own host only. Anything else is refused: no open redirect.
 */
export function redirect(params, allowedOrigins) {
  const href = articleUrl(params);
  let url;
  try {
    url = new URL(href);
  } catch {
    throw new ServiceError(400, 'redirect.invalid_url', 'url is not an absolute URL');
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) {
    throw new ServiceError(400, 'redirect.invalid_url', 'only http(s) URLs without credentials are followed');
  }
  if (!allowedOrigins.has(url.origin)) throw new ServiceError(403, 'redirect.origin_not_allowed', 'not an article of this service\'s origins');
  return new Response(null, {
    status: 302,
    headers: { location: url.href, 'cache-control': 'public, max-age=86400', 'referrer-policy': 'strict-origin-when-cross-origin' },
  });
}

/**
 * The locale of a card asked without `locale`: the publisher's default (the first of its list in
 * the article's language, else the first), else the article's language in the reader's region
 * when Accept-Language names that language (ar-MA for an Arabic article), else the article's
 * language alone. `vary`: whether Accept-Language chose it.
 */
export function defaultLocale(articleLang, acceptLanguage, publisherDefaults) {
  const language = (tag) => tag.split(/[-_]/)[0].toLowerCase();
  const lang = language(articleLang ?? '');
  if (publisherDefaults.length) {
    return { locale: publisherDefaults.find((tag) => language(tag) === lang) ?? publisherDefaults[0], vary: false };
  }
  if (!/^[a-z]{2,3}$/.test(lang)) return { locale: undefined, vary: false };
  const asked = String(acceptLanguage ?? '')
    .split(',')
    .map((part, at) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(rest.join(';'));
      return { tag: tag.trim(), q: q ? Number(q[1]) : 1, at };
    })
    .filter(({ tag, q }) => q > 0 && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag) && language(tag) === lang)
    .sort((a, b) => b.q - a.q || a.at - b.at);
  return { locale: asked[0]?.tag ?? lang, vary: true };
}

// The failure page's words, in the languages of the cards' ICU data; English for the others.
const FAILED = {
  ar: ['تعذر عرض البطاقة.', 'اقرأ المقال على'],
  en: ['The card could not be shown.', 'Read the article on'],
  fa: ['نمایش کارت ممکن نشد.', 'خواندن مقاله در'],
  fr: ['La carte n’a pas pu être affichée.', 'Lire l’article sur'],
  he: ['לא ניתן להציג את הכרטיס.', 'לקריאת הכתבה ב־'],
  ur: ['کارڈ نہیں دکھایا جا سکا۔', 'مضمون پڑھیں:'],
};
const RTL = new Set(['ar', 'fa', 'he', 'ur']);

/**
 * The card's share picture for a page of it (Open Graph and Twitter cards): `src` the service's
 * /image URL of the article, `alt` what it shows (the card's title), its size in pixels. Every
 * value escaped: a hostile URL or title stays inside its attribute.
 */
export function imageMeta({ src, alt, width, height, type = 'image/png' }) {
  const meta = (attribute, name, content) => `<meta ${attribute}="${name}" content="${escapeMarkup(content)}">\n`;
  return (
    meta('property', 'og:image', src) +
    meta('property', 'og:image:type', type) +
    meta('property', 'og:image:width', width) +
    meta('property', 'og:image:height', height) +
    meta('property', 'og:image:alt', alt) +
    meta('name', 'twitter:card', 'summary_large_image') +
    meta('name', 'twitter:image', src) +
    meta('name', 'twitter:image:alt', alt)
  );
}

/**
 * The embed page around its body (the card, or the failure's link): its one script and
 * stylesheet as files, and <base target>, so that links open outside the frame (embed.js:
 * WordPress's way). Attributes and title escaped here; `body` and `head` (imageMeta()'s tags)
 * are markup already.
 */
export function embedDocument({ lang, dir, title, body, head = '' }) {
  return `<!doctype html>
<html lang="${escapeMarkup(lang)}" dir="${escapeMarkup(dir)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<base target="_blank">
<title>${escapeMarkup(title)}</title>
${head}<link rel="stylesheet" href="embed.css">
<script src="embed.js" defer></script>
</head>
<body>
${body}
</body>
</html>
`;
}

/**
 * What a frame shows when its card cannot be made: never JSON, never an error's message (it may
 * name the publisher's internal address); the article's linked title when this service has seen
 * it, else a neutral sentence and a link to the article when it is of the allowed origins.
 * Not cached; the code in X-Khabar-Error.
 */
export function failurePage(error, { url, known, locale, allowed }) {
  const status = error?.status ?? 500;
  const code = typeof error?.code === 'string' ? error.code : 'service.internal';
  let body;
  let lang;
  let dir;
  if (known) {
    ({ lang, dir } = known);
    body = `<p class="khabar-failed"><a href="${escapeMarkup(known.link)}">${escapeMarkup(known.title)}</a></p>`;
  } else {
    lang = String(locale ?? '').split('-')[0].toLowerCase();
    if (!FAILED[lang]) lang = 'en';
    dir = RTL.has(lang) ? 'rtl' : 'ltr';
    const [sentence, read] = FAILED[lang];
    let link = '';
    if (url && allowed) {
      const host = new URL(url).host;
      link = ` <a href="${escapeMarkup(url)}">${escapeMarkup(read)} <bdi>${escapeMarkup(host)}</bdi></a>`;
    }
    body = `<p class="khabar-failed">${escapeMarkup(sentence)}${link}</p>`;
  }
  const page = embedDocument({ lang, dir, title: known?.title ?? FAILED[lang]?.[0] ?? '', body });
  return new Response(page, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-khabar-error': code,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'",
      'referrer-policy': 'strict-origin-when-cross-origin',
    },
  });
}

/** Titles of the articles this service has embedded, for the failure page (bounded, oldest out). */
export class KnownArticles {
  constructor(max = 1024) {
    this.max = max;
    this.map = new Map();
  }
  get(url) {
    return this.map.get(url) ?? null;
  }
  set(url, value) {
    this.map.delete(url);
    this.map.set(url, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value);
  }
}
