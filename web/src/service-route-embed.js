// GET /embed?url=…: the card's own page, for the frame of an oEmbed answer (WordPress and any
// consumer). It never answers JSON: a card that cannot be made is a small page with the
// article's link (embed.failurePage). GET /go?url=…: the redirect its links go through.
import { varyOf } from './service-context.js';
import * as embed from './service-embed.js';
import { FORMATS, articleUrl } from './service-http.js';
import { IMAGE_SIZES, imageUrl } from './service-route-image.js';

// Nothing runs but the service's own script; any page may frame it.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src https: http:; base-uri 'none'; form-action 'none'";

export async function getEmbed(cx, request, params, base) {
  try {
    return await embedPage(cx, request, params, base);
  } catch (error) {
    cx.counters.refused++;
    const url = params.get('url');
    let allowed = false;
    try {
      allowed = cx.policy.allowedOrigins.has(new URL(url).origin) && /^https?:$/.test(new URL(url).protocol);
    } catch {}
    return embed.failurePage(error, { url, known: url ? cx.known.get(url) : null, locale: params.get('locale') ?? cx.publisherLocales[0], allowed });
  }
}

// The card's share picture for its page: /image of the same article, locale and dates.
function shareImage(base, params, locale, title) {
  const src = imageUrl(base, { url: params.get('url'), locale, theme: params.get('theme'), tz: params.get('tz'), now: params.get('now') });
  return embed.imageMeta({ src, alt: title, width: IMAGE_SIZES.og[0], height: IMAGE_SIZES.og[1] });
}

async function embedPage(cx, request, params, base) {
  const url = articleUrl(params);
  const { bytes, options, coreOptions } = await cx.read(request, params, url, 'html');
  const card = await cx.render(bytes, coreOptions, 'html');
  const meta = await cx.analyze(bytes, coreOptions);
  cx.remember(url, meta);
  const theme = options.theme ? ` theme="${options.theme}"` : '';
  const page = embed.embedDocument({
    lang: meta.ui_lang,
    dir: meta.ui_dir,
    title: meta.title,
    head: shareImage(base, params, options.core.locale, meta.title),
    body: `<khabar-card${theme}><template shadowrootmode="open"><link rel="stylesheet" href="embed-card.css"><link rel="stylesheet" href="khabar-card.css">${card}</template></khabar-card>`,
  });
  return cx.answer(request, page, FORMATS.html, {
    vary: varyOf(options),
    extra: { 'content-security-policy': CSP, 'referrer-policy': 'strict-origin-when-cross-origin' },
  });
}

export function getRedirect(cx, request, params) {
  return embed.redirect(params, cx.policy.allowedOrigins);
}
