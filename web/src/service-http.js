// The card service's request and response toolkit, shared by every route: the parameters they
// all read, errors as JSON with their stable codes, answers with an ETag and caching headers,
// and escaping for markup.
import { ServiceError } from './service-fetch.js';

export const FORMATS = { html: 'text/html; charset=utf-8', json: 'application/json; charset=utf-8', text: 'text/plain; charset=utf-8' };
export const THEMES = new Set(['light', 'dark', 'auto', 'host']);

const encoder = new TextEncoder();

/** A list option as given: an array, or a string separated by spaces or commas. */
export function list(value) {
  if (Array.isArray(value)) return value.map(String);
  return String(value ?? '')
    .split(/[\s,]+/)
    .filter(Boolean);
}

export function bad(code, message) {
  return new ServiceError(400, code, message);
}

/** For HTML and XML alike: text and attribute values. */
export function escapeMarkup(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The `url` parameter every article route needs. */
export function articleUrl(params) {
  const url = params.get('url');
  if (!url) throw bad('param.missing', 'the url parameter is required');
  if (url.length > 2048) throw bad('param.invalid', 'url is longer than 2048 characters');
  return url;
}

/** The named parameters of a request that were given, in that order: the query of a URL it links to. */
export function forwarded(params, names) {
  const query = new URLSearchParams();
  for (const name of names) if (params.get(name) !== null) query.set(name, params.get(name));
  return query;
}

// The core's codes -> HTTP statuses.
function coreStatus(code) {
  if (code === 'input.too_large') return 413;
  if (code === 'option.invalid' || code === 'time.invalid' || code === 'locale.invalid') return 400;
  if (/^(parse|input)\./.test(code)) return 422;
  return 500;
}

/** A refusal: `{ error: { code, message } }`, never cached. */
export function errorResponse(error) {
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

/** Reads a request body to its end and drops it. */
export async function discard(body) {
  if (!body) return;
  const reader = body.getReader();
  try {
    while (!(await reader.read()).done);
  } catch {
    // a client that stops sending: nothing to keep
  }
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

/**
 * A 200 with ETag and caching headers (`cacheControl`), or a 304 when the client has these bytes
 * already. `body`: a string or bytes; `counters` gets rendered or notModified counted.
 */
export async function answer(request, body, contentType, { cacheControl, counters, vary = [], extra = {} }) {
  const bytes = typeof body === 'string' ? encoder.encode(body) : body;
  const etag = await etagOf(bytes);
  const headers = { 'content-type': contentType, etag, 'cache-control': cacheControl, 'access-control-allow-origin': '*', 'x-content-type-options': 'nosniff' };
  if (vary.length) headers.vary = vary.join(', ');
  Object.assign(headers, extra);
  if (matches(request.headers.get('if-none-match'), etag)) {
    counters.notModified++;
    delete headers['content-type'];
    return new Response(null, { status: 304, headers });
  }
  counters.rendered++;
  return new Response(request.method === 'HEAD' ? null : bytes, { status: 200, headers });
}
