// The card service on Node (node:http), for self-hosting behind any CDN: the same fetch handler
// as on workerd, with Node's resolver checked before every connection and the connection made to
// the checked address only (pinnedFetch). The service loads the package's core with the HTML
// reader (web/dist/khabar-core-html.wasm), read from disk.
//   KHABAR_ALLOWED_ORIGINS="https://news.example" node examples/service/node.mjs [port] [host]
// Environment: every KHABAR_* variable of serviceFromEnv() (web/src/service.js).
import { createServer, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { lookup } from 'node:dns/promises';
import { lookup as lookupCallback } from 'node:dns';
import { isIP } from 'node:net';
import { Readable } from 'node:stream';
import { memoryCache, serviceFromEnv } from '../../web/dist/service-node.js';

/** Node's request as a fetch Request (the body streamed, bounded by the service). */
export function toRequest(req, origin) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : Readable.toWeb(req);
  return new Request(new URL(req.url, origin), { method: req.method, headers, body, duplex: 'half' });
}

/** Writes a fetch Response to Node's response. */
export async function send(response, res) {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) return res.end();
  for await (const chunk of response.body) res.write(chunk);
  res.end();
}

/** An http.Server over a service (createService()/serviceFromEnv()). */
export function serve(service, { origin } = {}) {
  return createServer(async (req, res) => {
    try {
      const address = req.socket.address();
      const here = origin ?? `http://${req.headers.host ?? `${address.address}:${address.port}`}`;
      const response = await service.fetch(toRequest(req, here), process.env, {});
      // A body refused unread (too large): answer, drain it and close, never reuse the connection.
      if (!req.complete) res.setHeader('connection', 'close');
      await send(response, res);
      req.resume();
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'service.internal', message: String(error?.message ?? error) } }));
    }
  });
}

/** Every address of a name, for the service's check before it connects. */
export async function resolve(hostname) {
  return (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);
}

/**
 * A fetch for the service's outgoing requests that connects only to the addresses the service's
 * check accepted (init.addresses), never resolving the name a second time: Node's global fetch
 * would, and a name that answered a public address to the check could answer a private one to
 * the connection (DNS rebinding). TLS still verifies the certificate for the URL's host name.
 * Without init.addresses (a literal address, or a service without `resolve`) it resolves with
 * `dnsLookup` (default dns.lookup). Redirects are not followed (the service follows them itself).
 */
export function createPinnedFetch({ dnsLookup = lookupCallback } = {}) {
  return (href, init = {}) =>
    new Promise((resolvePromise, reject) => {
      const url = new URL(href);
      const pinned = init.addresses ?? [];
      const connectLookup = (hostname, options, callback) => {
        if (!pinned.length) return dnsLookup(hostname, options, callback);
        const all = pinned.map((address) => ({ address, family: isIP(address) }));
        if (options?.all) callback(null, all);
        else callback(null, all[0].address, all[0].family);
      };
      const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
        method: init.method ?? 'GET',
        headers: init.headers,
        signal: init.signal,
        lookup: connectLookup,
      });
      request.on('response', (res) => {
        const headers = new Headers();
        for (let i = 0; i < res.rawHeaders.length; i += 2) headers.append(res.rawHeaders[i], res.rawHeaders[i + 1]);
        const empty = [204, 205, 304].includes(res.statusCode) || init.method === 'HEAD';
        if (empty) res.resume();
        resolvePromise(new Response(empty ? null : Readable.toWeb(res), { status: res.statusCode, statusText: res.statusMessage, headers }));
      });
      request.on('error', reject);
      request.end();
    });
}

export const pinnedFetch = createPinnedFetch();

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 8787);
  const host = process.argv[3] ?? '127.0.0.1';
  // Answers kept in memory for their max-age (a CDN in front keeps them too).
  const service = serviceFromEnv(process.env, { resolve, fetch: pinnedFetch, cache: memoryCache() });
  serve(service).listen(port, host, () => console.log(`khabar service on http://${host}:${port}/ (origins: ${process.env.KHABAR_ALLOWED_ORIGINS || 'none'})`));
}
