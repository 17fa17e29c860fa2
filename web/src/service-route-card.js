// GET /card?url=…: an article of the allowed origins as a card (html, json or text).
// POST /card: the article's bytes in the body (a publisher's own, never cached).
import { varyOf } from './service-context.js';
import { ServiceError } from './service-fetch.js';
import { FORMATS, articleUrl, discard } from './service-http.js';

export async function getCard(cx, request, params) {
  const { bytes, options, coreOptions } = await cx.read(request, params, articleUrl(params));
  const body = await cx.render(bytes, coreOptions, options.format);
  return cx.answer(request, body, FORMATS[options.format], { vary: varyOf(options) });
}

export async function postCard(cx, request, params) {
  const { maxBytes } = cx.config;
  const asked = cx.cardOptions(params, request);
  const declared = Number(request.headers.get('content-length'));
  if (declared > maxBytes) {
    // A body up to 4 × the limit is read and dropped before the refusal: workerd closes the
    // connection on a body left unread, and a client still writing it sees a broken pipe
    // instead of this 413. A larger one is refused at once.
    if (declared <= 4 * maxBytes) await discard(request.body);
    throw new ServiceError(413, 'input.too_large', `more than ${maxBytes} bytes`);
  }
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > maxBytes) throw new ServiceError(413, 'input.too_large', `more than ${maxBytes} bytes`);
  const http = {
    contentType: request.headers.get('content-type') ?? '',
    contentLanguage: request.headers.get('content-language') ?? '',
  };
  const options = await cx.withLocale(asked, bytes, http);
  const body = await cx.render(bytes, { ...options.core, ...http }, options.format);
  const response = await cx.answer(request, body, FORMATS[options.format], { vary: varyOf(options) });
  response.headers.set('cache-control', 'no-store'); // a pushed article is the publisher's, not a URL to cache
  return response;
}
