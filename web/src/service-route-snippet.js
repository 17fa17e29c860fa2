// GET /snippet?url=…: the embed code a publisher hands its partners, to paste as it is.
// khabar.css (beside khabar.js) reserves the card's box; the blockquote names the card's URL
// (data-card) and a preload beside it asks for that very URL while khabar.js loads (the quickest
// card); its title link is the fallback. text/plain, so that it is read and copied here, never
// rendered on the service's origin.
import { varyOf } from './service-context.js';
import { ServiceError } from './service-fetch.js';
import { FORMATS, articleUrl, escapeMarkup, forwarded } from './service-http.js';

export async function getSnippet(cx, request, params, base) {
  const { scriptUrl } = cx.config;
  if (!scriptUrl) throw new ServiceError(501, 'snippet.no_script', 'no scriptUrl (KHABAR_SCRIPT_URL) is set: the khabar.js that partners load');
  const url = articleUrl(params);
  const { bytes, options, coreOptions } = await cx.read(request, params, url, 'json');
  const meta = await cx.analyze(bytes, coreOptions);
  const card = new URL('card', base);
  // `now` only when asked (a card for a test or an archive); a live card is dated at each request.
  card.search = forwarded(params, ['url', 'locale', 'heading-level', 'now', 'tz']).toString();
  const href = escapeMarkup(card.href);
  const theme = options.theme ? ` data-theme="${options.theme}"` : '';
  const link = /^https?:/.test(meta.url) ? meta.url : url;
  const body =
    `<link rel="stylesheet" href="${escapeMarkup(new URL('khabar.css', scriptUrl).href)}">\n` +
    `<blockquote class="khabar-card" data-card="${href}"${theme} lang="${escapeMarkup(meta.lang)}" dir="${escapeMarkup(meta.dir)}">` +
    `<a href="${escapeMarkup(link)}">${escapeMarkup(meta.title)}</a></blockquote>\n` +
    `<link rel="preload" as="fetch" crossorigin="anonymous" href="${href}">\n` +
    `<script async src="${escapeMarkup(scriptUrl)}"></script>\n`;
  return cx.answer(request, body, FORMATS.text, { vary: varyOf(options) });
}
