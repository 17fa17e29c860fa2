// Fetching an article for the card service, safely: only the operator's origins, http(s) only,
// no private, loopback or link-local address (checked on the literal address and on every
// resolved one BEFORE any connection), every redirect checked again, a time-out over the whole
// body, a size limit counted while reading, and the content type checked. Every refusal is a
// ServiceError with a stable code and an HTTP status.

export class ServiceError extends Error {
  constructor(status, code, message, options) {
    super(message, options);
    this.status = status;
    this.code = code;
  }
}

// What is fetched: its Accept header and the content types taken. An article: the types the
// core reads (Khabar JSON, JSON-LD, HTML pages, scraped text); a picture (service-route-image.js):
// the ones khabar-image decodes.
export const ARTICLE = {
  accept: 'application/ld+json, application/json, text/html;q=0.9, text/plain;q=0.8',
  types: new Set(['application/json', 'application/ld+json', 'text/html', 'application/xhtml+xml', 'text/plain']),
  what: 'an article format',
};
export const PICTURE = {
  accept: 'image/webp, image/png, image/jpeg;q=0.9',
  types: new Set(['image/jpeg', 'image/png', 'image/webp']),
  what: 'a picture format (JPEG, PNG, WebP)',
};

function ipv4Bytes(host) {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const bytes = m.slice(1).map(Number);
  return bytes.every((b) => b <= 255) ? bytes : null;
}

// An IPv6 literal (without brackets) as 8 groups, or null.
function ipv6Groups(host) {
  if (!host.includes(':')) return null;
  let text = host.toLowerCase().replace(/%.*$/, '');
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const b = ipv4Bytes(v4[1]);
    if (!b) return null;
    text = text.slice(0, -v4[1].length) + `${((b[0] << 8) | b[1]).toString(16)}:${((b[2] << 8) | b[3]).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const part = (s) => (s ? s.split(':') : []);
  const head = part(halves[0]);
  const tail = halves.length === 2 ? part(halves[1]) : [];
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  const groups = [...head, ...Array(Math.max(fill, 0)).fill('0'), ...tail];
  if (groups.length !== 8 || !groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => parseInt(g, 16));
}

/**
 * Why an address may not be fetched ('loopback', 'private', 'link-local', 'reserved'), or null
 * for a public one. `address` is an IPv4 or IPv6 literal; anything else is 'reserved'.
 */
export function addressClass(address) {
  const host = String(address).replace(/^\[|\]$/g, '');
  let b = ipv4Bytes(host);
  if (!b) {
    const g = ipv6Groups(host);
    if (!g) return 'reserved';
    const mapped = g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff; // ::ffff:a.b.c.d
    const compat = g.slice(0, 6).every((x) => x === 0) && (g[6] !== 0 || g[7] > 1); // ::a.b.c.d
    const nat64 = g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0); // 64:ff9b::a.b.c.d
    if (mapped || compat || nat64) b = [g[6] >> 8, g[6] & 255, g[7] >> 8, g[7] & 255];
    else {
      if (g.every((x) => x === 0)) return 'reserved'; // ::
      if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return 'loopback'; // ::1
      if ((g[0] & 0xffc0) === 0xfe80) return 'link-local'; // fe80::/10
      if ((g[0] & 0xfe00) === 0xfc00) return 'private'; // fc00::/7 unique local
      if ((g[0] & 0xffc0) === 0xfec0) return 'private'; // fec0::/10 site-local (deprecated)
      if ((g[0] & 0xff00) === 0xff00) return 'reserved'; // multicast
      if (g[0] === 0x2001 && g[1] === 0x0db8) return 'reserved'; // documentation
      if (g[0] === 0x2002) return 'reserved'; // 6to4 embeds any IPv4: refused rather than decoded
      return null;
    }
  }
  const [a, c] = b;
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && c >= 16 && c <= 31) || (a === 192 && c === 168)) return 'private';
  if (a === 169 && c === 254) return 'link-local';
  if (a === 100 && c >= 64 && c <= 127) return 'private'; // carrier-grade NAT
  if (a === 0 || a >= 224) return 'reserved'; // "this network", multicast, 240/4, broadcast
  if (a === 192 && c === 0 && b[2] === 0) return 'reserved'; // IETF protocol assignments
  if (a === 198 && (c === 18 || c === 19)) return 'reserved'; // benchmarking
  return null;
}

function isAddressLiteral(hostname) {
  return ipv4Bytes(hostname) !== null || hostname.startsWith('[');
}

/**
 * Checks one URL against the policy before anything connects: the scheme, the allowed origins,
 * and the address (literal, or each one `resolve` gives). Throws a ServiceError.
 */
export async function checkUrl(href, policy) {
  return (await checkTarget(href, policy)).url;
}

// checkUrl, also giving the addresses it accepted (none for a literal or without `resolve`).
async function checkTarget(href, policy) {
  let url;
  try {
    url = new URL(href);
  } catch (cause) {
    throw new ServiceError(400, 'fetch.invalid_url', `not an absolute URL: ${String(href).slice(0, 200)}`, { cause });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ServiceError(400, 'fetch.unsupported_scheme', `only http(s) articles are fetched, not ${url.protocol}`);
  }
  if (url.username || url.password) throw new ServiceError(400, 'fetch.invalid_url', 'a URL with credentials is not fetched');
  if (!policy.allowedOrigins.has(url.origin)) {
    throw new ServiceError(403, 'fetch.origin_not_allowed', `${url.origin} is not one of the origins this service reads`);
  }
  // host:port, as the allowance for tests names it; the URL parser has already turned
  // 2130706433, 0x7f.1 and 127.1 into 127.0.0.1.
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const allowed = policy.allowPrivate.has(`${url.hostname}:${port}`);
  const addresses = isAddressLiteral(url.hostname) ? [url.hostname] : policy.resolve ? await resolveAll(policy, url.hostname) : [];
  for (const address of addresses) {
    const kind = addressClass(address);
    if (kind && !allowed) {
      throw new ServiceError(403, 'fetch.private_address', `${url.hostname} is a ${kind} address (${address}): not fetched`);
    }
  }
  return { url, addresses: isAddressLiteral(url.hostname) ? [] : addresses };
}

async function resolveAll(policy, hostname) {
  let addresses;
  try {
    addresses = await policy.resolve(hostname);
  } catch (cause) {
    throw new ServiceError(502, 'fetch.dns_failed', `${hostname} does not resolve: ${cause?.message ?? cause}`, { cause });
  }
  if (!addresses?.length) throw new ServiceError(502, 'fetch.dns_failed', `${hostname} has no address`);
  return addresses;
}

/**
 * Fetches an article (or, with kind PICTURE, a picture) under the policy: { allowedOrigins: Set,
 * allowPrivate: Set of host:port, resolve?: hostname -> [address], fetch, timeoutMs, maxBytes,
 * maxRedirects }.
 * @returns {Promise<{ url: string, bytes: Uint8Array, contentType: string, contentLanguage: string }>}
 *   contentType: the whole Content-Type header (its charset decodes a page not in UTF-8; the core
 *   reads it); contentLanguage: the Content-Language header, '' without one (the article's language
 *   when it declares none)
 */
export async function safeFetch(href, policy, kind = ARTICLE) {
  const deadline = AbortSignal.timeout(policy.timeoutMs);
  let { url, addresses } = await checkTarget(href, policy);
  for (let hop = 0; ; hop++) {
    let response;
    try {
      // `addresses`: the ones the check accepted. A fetch that resolves the name again could be
      // answered differently (DNS rebinding); one that connects to these only cannot
      // (examples/service/node.mjs: pinnedFetch). Standard fetch ignores the member.
      response = await policy.fetch(url.href, {
        redirect: 'manual',
        signal: deadline,
        headers: { accept: kind.accept },
        addresses,
      });
    } catch (cause) {
      if (cause instanceof ServiceError) throw cause;
      if (deadline.aborted) throw new ServiceError(504, 'fetch.timeout', `${url.href}: no answer within ${policy.timeoutMs} ms`, { cause });
      throw new ServiceError(502, 'fetch.failed', `${url.href}: ${cause?.message ?? cause}`, { cause });
    }
    if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
      await response.body?.cancel();
      if (hop >= policy.maxRedirects) throw new ServiceError(502, 'fetch.too_many_redirects', `more than ${policy.maxRedirects} redirects from ${href}`);
      ({ url, addresses } = await checkTarget(new URL(response.headers.get('location'), url).href, policy));
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new ServiceError(502, 'fetch.http_status', `${url.href}: HTTP ${response.status}`);
    }
    const contentType = response.headers.get('content-type') ?? '';
    const mediaType = contentType.split(';')[0].trim().toLowerCase();
    if (!kind.types.has(mediaType)) {
      await response.body?.cancel();
      throw new ServiceError(415, 'fetch.content_type', `${url.href}: ${mediaType || 'no content type'} is not ${kind.what}`);
    }
    const declared = Number(response.headers.get('content-length'));
    if (declared > policy.maxBytes) {
      await response.body?.cancel();
      throw new ServiceError(413, 'fetch.too_large', `${url.href}: ${declared} bytes, more than ${policy.maxBytes}`);
    }
    const bytes = await readLimited(response, url, policy, deadline);
    return { url: url.href, bytes, contentType, contentLanguage: response.headers.get('content-language') ?? '' };
  }
}

// Reads the body counting bytes, so that a page that never ends stops at the limit or the deadline.
async function readLimited(response, url, policy, deadline) {
  const chunks = [];
  let size = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > policy.maxBytes) throw new ServiceError(413, 'fetch.too_large', `${url.href}: more than ${policy.maxBytes} bytes`);
      chunks.push(value);
    }
  } catch (cause) {
    reader.cancel().catch(() => {});
    if (cause instanceof ServiceError) throw cause;
    if (deadline.aborted) throw new ServiceError(504, 'fetch.timeout', `${url.href}: the body did not end within ${policy.timeoutMs} ms`, { cause });
    throw new ServiceError(502, 'fetch.failed', `${url.href}: ${cause?.message ?? cause}`, { cause });
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
