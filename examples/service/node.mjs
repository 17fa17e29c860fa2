// The card service on Node (node:http), for self-hosting behind any CDN: the same fetch handler
// as on workerd, with Node's resolver checked before every connection. The service loads the
// package's core with the HTML reader (web/dist/khabar-core-html.wasm), read from disk.
//   KHABAR_ALLOWED_ORIGINS="https://news.example" node examples/service/node.mjs [port] [host]
// Environment: every KHABAR_* variable of serviceFromEnv() (web/src/service.js).
import { createServer } from 'node:http';
import { lookup } from 'node:dns/promises';
import { Readable } from 'node:stream';
import { serviceFromEnv } from '../../web/dist/service-node.js';

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

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 8787);
  const host = process.argv[3] ?? '127.0.0.1';
  const service = serviceFromEnv(process.env, { resolve });
  serve(service).listen(port, host, () => console.log(`khabar service on http://${host}:${port}/ (origins: ${process.env.KHABAR_ALLOWED_ORIGINS || 'none'})`));
}
