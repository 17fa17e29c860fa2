// GET /oembed?url=…&format=json|xml&maxwidth=…&maxheight=… (oEmbed 1.0): a `rich` answer whose
// html is an iframe of /embed in the form WordPress trusts (service-embed.js: oembedHtml).
import { varyOf } from './service-context.js';
import * as embed from './service-embed.js';
import { ServiceError } from './service-fetch.js';
import { articleUrl, bad, escapeMarkup, forwarded } from './service-http.js';
import { imageUrl, thumbnailSize } from './service-route-image.js';

function dimension(params, name) {
  const value = params.get(name);
  if (value === null) return null;
  if (!/^\d{1,5}$/.test(value) || Number(value) < 1) throw bad('param.invalid', `${name} must be a positive whole number`);
  return Number(value);
}

// The card fills its frame; the frame's height is the card's at that width.
function frameSize(params) {
  const maxwidth = dimension(params, 'maxwidth');
  const maxheight = dimension(params, 'maxheight');
  const width = Math.min(maxwidth ?? embed.DEFAULT_WIDTH_PX, embed.MAX_WIDTH_PX);
  if (width < embed.MIN_WIDTH_PX) throw new ServiceError(404, 'oembed.too_small', `no card fits in ${width} px (${embed.MIN_WIDTH_PX} px at least)`);
  const height = embed.frameHeight(width);
  if (maxheight !== null && maxheight < height) throw new ServiceError(404, 'oembed.too_small', `no card fits in ${maxheight} px`);
  return { width, height, maxwidth, maxheight };
}

export async function getOEmbed(cx, request, params, base) {
  const format = params.get('format') ?? 'json';
  // oEmbed 1.0 §2.2: an unsupported format is 501.
  if (format !== 'json' && format !== 'xml') throw new ServiceError(501, 'oembed.format', `format ${format.slice(0, 20)} is not served (json, xml)`);
  const url = articleUrl(params);
  const { width, height, maxwidth, maxheight } = frameSize(params);
  const { bytes, options, coreOptions } = await cx.read(request, params, url, 'json');
  const card = await cx.analyze(bytes, coreOptions);
  const { link } = cx.remember(url, card);
  // The frame's URL names the locale this answer was made for: a consumer's cached html shows
  // the same card to every reader.
  const src = new URL('embed', base);
  src.search = forwarded(params, ['url', 'theme', 'heading-level', 'tz']).toString();
  if (options.core.locale) src.searchParams.set('locale', options.core.locale);
  const html = embed.oembedHtml({ src: src.href, title: card.title, link, lang: card.lang, dir: card.dir, width, height });
  const body = {
    version: '1.0',
    type: 'rich',
    provider_name: cx.config.providerName,
    provider_url: cx.config.providerUrl || base.origin,
    title: card.title,
    html,
    width,
    height,
    cache_age: cx.config.maxAge,
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
  const vary = varyOf(options);
  if (format === 'xml') {
    const fields = Object.entries(body)
      .map(([name, value]) => `<${name}>${escapeMarkup(value)}</${name}>`)
      .join('');
    return cx.answer(request, `<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<oembed>${fields}</oembed>\n`, 'text/xml; charset=utf-8', { vary });
  }
  return cx.answer(request, JSON.stringify(body) + '\n', 'application/json; charset=utf-8', { vary });
}
