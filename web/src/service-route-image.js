// GET /image?url=…&locale=…&size=og|square|story|WxH&theme=light|dark&format=png|svg&now=…&tz=…
// The card service's picture of an article's card (og:image, twitter:image): the Card the
// service makes for /card (one fetch, one analysis), drawn by khabar/image from that Card's JSON
// (renderCardImage: no second analysis) with the article's own picture (its og:image), fetched
// under the article's rules (allowed origins, no private address, size and time limits). A
// picture that cannot be fetched or read leaves the card without it, and says so in a header.
// Also the /image URL and size the embed page's og:image and the oEmbed thumbnail name.
import { loadImage, renderCardImage } from './image.js';
import { PICTURE, ServiceError, safeFetch } from './service-fetch.js';
import { varyOf } from './service-context.js';
import { articleUrl } from './service-http.js';

/** The named sizes in pixels (khabar::set_image_size's): og:image:width/height. */
export const IMAGE_SIZES = { og: [1200, 630], square: [1080, 1080], story: [1080, 1920] };
const MIN_SIDE = 200;
const MAX_SIDE = 4096;
const TYPES = { png: 'image/png', svg: 'image/svg+xml' };

function bad(message) {
  return new ServiceError(400, 'param.invalid', message);
}

/** [width, height] of a `size` parameter ('og', 'square', 'story' or 'WxH'), or a param.invalid ServiceError. */
export function imageSize(size) {
  if (IMAGE_SIZES[size]) return IMAGE_SIZES[size];
  const m = /^(\d{3,4})x(\d{3,4})$/.exec(size);
  const sides = m ? [Number(m[1]), Number(m[2])] : null;
  if (!sides || sides.some((n) => n < MIN_SIDE || n > MAX_SIDE)) {
    throw bad(`size must be og, square, story or WxH with each side ${MIN_SIDE} to ${MAX_SIDE}, not ${String(size).slice(0, 20)}`);
  }
  return sides;
}

/** The picture's own parameters, checked: { size, width, height, theme, format }. */
export function imageParams(params) {
  const size = params.get('size') ?? 'og';
  const [width, height] = imageSize(size);
  const theme = params.get('theme') ?? 'light';
  if (theme !== 'light' && theme !== 'dark') throw bad('theme must be light or dark');
  const format = params.get('format') ?? 'png';
  if (!TYPES[format]) throw bad(`format must be png or svg, not ${format.slice(0, 20)}`);
  return { size, width, height, theme, format };
}

// khabar/image loaded once per service (its options: createService's `image`; workerd: the
// module, ICU's data and the fonts as bytes; Node reads the package's files).
const loaded = new WeakMap(); // ServiceContext -> promise of the loaded module
function images(cx) {
  if (!loaded.has(cx)) {
    const loading = loadImage(cx.config.image ?? {});
    loaded.set(cx, loading);
    loading.catch(() => loaded.delete(cx));
  }
  return loaded.get(cx);
}

// The article's picture, or null and why (a warning, never a refusal of the card), fetched
// under the article's rules; its size limit createService's `maxPictureBytes` (default maxBytes).
async function picture(cx, card) {
  const href = card.image?.url;
  if (!href) return { bytes: null, warning: null };
  try {
    const { bytes } = await safeFetch(href, { ...cx.policy, maxBytes: cx.config.maxPictureBytes ?? cx.config.maxBytes }, PICTURE);
    return { bytes, warning: null };
  } catch (error) {
    const cause = typeof error?.code === 'string' ? error.code : 'fetch.failed';
    return { bytes: null, warning: `image.picture_fetch_failed (${cause})` };
  }
}

export async function getImage(cx, request, params) {
  const asked = imageParams(params);
  const { bytes, options, coreOptions } = await cx.read(request, params, articleUrl(params), 'json');
  const card = await cx.analyze(bytes, coreOptions);
  const [got] = await Promise.all([picture(cx, card), images(cx)]);
  const drawn = await renderCardImage(card, { size: asked.size, theme: asked.theme, format: asked.format, picture: got.bytes ?? undefined });
  const warnings = [...(got.warning ? [got.warning] : []), ...drawn.warnings.map((w) => w.code)];
  const extra = {
    // An SVG is a document: nothing in it may load or run (its picture is a data: URL).
    'content-security-policy': "default-src 'none'; img-src data:",
  };
  if (warnings.length) {
    extra['x-khabar-warning'] = warnings.join(', ');
    // A picture that failed may be back soon: the card without it is kept a minute at most.
    extra['cache-control'] = `public, max-age=${Math.min(cx.config.maxAge, 60)}`;
  }
  return cx.answer(request, drawn.bytes, TYPES[asked.format], { vary: varyOf(options), extra });
}

/**
 * The /image URL of an article's card on this service (`base`: the service's root URL): for the
 * embed page's og:image and the oEmbed thumbnail. `locale` the card's (named, so that every
 * reader and crawler gets the same picture); `theme` only light or dark; `now` and `tz` only
 * when the page was asked with them; `size` omitted for og.
 */
export function imageUrl(base, { url, locale, size, theme, tz, now }) {
  const href = new URL('image', base);
  const query = new URLSearchParams({ url });
  if (locale) query.set('locale', locale);
  if (size && size !== 'og') query.set('size', size);
  if (theme === 'light' || theme === 'dark') query.set('theme', theme);
  if (tz) query.set('tz', tz);
  if (now) query.set('now', now);
  href.search = query.toString();
  return href.href;
}

/**
 * The oEmbed thumbnail's size: og (1200x630) scaled down to maxwidth and maxheight (oEmbed 1.0
 * §2.3.4: a thumbnail respects them), or null when that is under the picture's smallest side.
 */
export function thumbnailSize(maxwidth, maxheight) {
  let [width, height] = IMAGE_SIZES.og;
  if (maxwidth !== null && maxwidth < width) [width, height] = [maxwidth, Math.round((maxwidth * IMAGE_SIZES.og[1]) / IMAGE_SIZES.og[0])];
  if (maxheight !== null && maxheight < height) [width, height] = [Math.round((maxheight * IMAGE_SIZES.og[0]) / IMAGE_SIZES.og[1]), maxheight];
  if (width < MIN_SIDE || height < MIN_SIDE) return null;
  return { width, height, size: width === IMAGE_SIZES.og[0] && height === IMAGE_SIZES.og[1] ? 'og' : `${width}x${height}` };
}
