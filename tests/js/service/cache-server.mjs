// A stand-in for the edge cache behind workerd's Cache API, on 127.0.0.1: workerd sends
// caches.default.put() as PUT <key URL> with the response serialised as HTTP/1.1 in the body,
// match() as GET (answered with Cf-Cache-Status: HIT and the stored response, or MISS), and
// delete() as PURGE. Counts what it saw, so tests can tell a hit from a render.
import { createServer } from 'node:http';

// "HTTP/1.1 200 OK\r\nname: value\r\n…\r\n\r\nbody" (body chunked or not) -> { status, headers, body }
function parseResponse(bytes) {
  const end = bytes.indexOf('\r\n\r\n');
  const head = bytes.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(head[0].split(' ')[1]);
  const headers = head.slice(1).map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]);
  let body = bytes.subarray(end + 4);
  if (headers.some(([n, v]) => n.toLowerCase() === 'transfer-encoding' && /chunked/i.test(v))) {
    const parts = [];
    for (let at = 0; ; ) {
      const eol = body.indexOf('\r\n', at);
      const size = parseInt(body.subarray(at, eol).toString('latin1'), 16);
      if (!size) break;
      parts.push(body.subarray(eol + 2, eol + 2 + size));
      at = eol + 2 + size + 2;
    }
    body = Buffer.concat(parts);
  }
  return { status, headers: headers.filter(([n]) => !/^(transfer-encoding|content-length)$/i.test(n)), body };
}

export async function startCacheServer() {
  const store = new Map(); // key URL -> parsed response
  const seen = { puts: [], hits: 0, misses: 0, purges: 0 };
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const key = `${req.headers['cf-cache-namespaces'] ?? ''} ${req.url}`;
    if (req.method === 'PUT') {
      const stored = parseResponse(Buffer.concat(chunks));
      seen.puts.push({ url: req.url, status: stored.status });
      store.set(key, stored);
      res.writeHead(204).end();
    } else if (req.method === 'GET') {
      const hit = store.get(key);
      if (!hit) {
        seen.misses++;
        res.writeHead(504, { 'cf-cache-status': 'MISS' }).end();
        return;
      }
      seen.hits++;
      res.writeHead(hit.status, [...hit.headers.flat(), 'cf-cache-status', 'HIT', 'content-length', String(hit.body.length)]);
      res.end(hit.body);
    } else if (req.method === 'PURGE') {
      seen.purges++;
      res.writeHead(store.delete(key) ? 200 : 404).end();
    } else {
      res.writeHead(405).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: server.address().port, seen, store, close: () => new Promise((resolve) => server.close(resolve)) };
}
