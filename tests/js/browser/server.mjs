// A tiny static HTTP server over the repository root for the browser tests, the demo and
// the benchmark: 127.0.0.1 on a free port, gzip like a CDN would, per-path headers (CSP),
// failures on demand, and a log of every request (lazy loading, one instantiation,
// "no requests but the article and the package's own files").
//
// Failure paths:
//   /_fault/404/<anything>            404
//   /_fault/slow/<anything>           headers sent, the body never comes (a timeout)
//   /_fault/invalid.json              200 with broken JSON
//   /_fault/wasm500/<path>            <path> from the root, but any .wasm answers 500
//   /_csp-report                      collects CSP violation reports (POST)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.dat': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
};
const compressible = new Set(['.html', '.js', '.mjs', '.css', '.json', '.txt', '.wasm', '.dat', '.svg']);

export const repoRoot = new URL('../../../', import.meta.url).pathname;

/**
 * @param {{ root?: string, gzip?: boolean }} [options]
 * @returns {Promise<{ origin: string, url: (path: string) => string, requests: object[],
 *   count: (test: string|RegExp) => number, setHeaders: (path: string, headers: object) => void,
 *   cspReports: object[], reset: () => void, close: () => Promise<void> }>}
 */
export async function startServer({ root = repoRoot, gzip = true } = {}) {
  const requests = [];
  const cspReports = [];
  const extraHeaders = new Map();
  const gzipCache = new Map();
  const stalled = new Set();

  async function serveFile(res, req, path, { failWasm = false } = {}) {
    const file = normalize(join(root, decodeURIComponent(path)));
    if (!file.startsWith(normalize(root + sep)) && file !== normalize(root)) return send(res, 403, 'forbidden');
    const ext = extname(file);
    if (failWasm && ext === '.wasm') return send(res, 500, 'wasm unavailable');
    let body;
    try {
      const info = await stat(file);
      body = await readFile(info.isDirectory() ? join(file, 'index.html') : file);
    } catch {
      return send(res, 404, 'not found');
    }
    const headers = {
      'content-type': types[ext] ?? 'application/octet-stream',
      'cache-control': 'no-cache', // revalidated: the warm-cache benchmark gets 304s
      'last-modified': new Date(Math.floor((await stat(file)).mtimeMs / 1000) * 1000).toUTCString(),
      ...(extraHeaders.get(path) ?? {}),
    };
    if (req.headers['if-modified-since'] === headers['last-modified']) {
      res.writeHead(304, headers);
      return res.end();
    }
    if (gzip && compressible.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      const key = `${file}:${headers['last-modified']}`;
      if (!gzipCache.has(key)) gzipCache.set(key, gzipSync(body, { level: 9 }));
      body = gzipCache.get(key);
      headers['content-encoding'] = 'gzip';
      headers.vary = 'accept-encoding';
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(body);
    return body.length;
  }

  function send(res, status, text) {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(text);
    return text.length;
  }

  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    const entry = { path: pathname, method: req.method, status: 0, bytes: 0, time: Date.now() };
    requests.push(entry);
    res.on('finish', () => {
      entry.status = res.statusCode;
    });
    try {
      if (pathname === '/_csp-report') {
        let text = '';
        for await (const chunk of req) text += chunk;
        try {
          cspReports.push(JSON.parse(text));
        } catch {
          cspReports.push({ raw: text });
        }
        res.writeHead(204);
        return res.end();
      }
      if (pathname.startsWith('/_fault/404/')) return (entry.bytes = send(res, 404, 'not found'));
      if (pathname.startsWith('/_fault/slow/')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"title": "'); // and nothing more until the client gives up
        stalled.add(res);
        res.on('close', () => stalled.delete(res));
        return;
      }
      if (pathname === '/_fault/invalid.json') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end('{"khabar": 1, "title": "broken", "body": [');
      }
      if (pathname.startsWith('/_fault/wasm500/')) {
        return (entry.bytes = await serveFile(res, req, pathname.slice('/_fault/wasm500'.length), { failWasm: true }));
      }
      entry.bytes = await serveFile(res, req, pathname);
    } catch (error) {
      if (!res.headersSent) send(res, 500, String(error));
    }
  });

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: (path) => new URL(path, origin).href,
    requests,
    cspReports,
    /** Requests whose path contains `test` (or matches it). */
    count: (test) => requests.filter((r) => (typeof test === 'string' ? r.path.includes(test) : test.test(r.path))).length,
    /** Extra response headers for one path, e.g. a Content-Security-Policy. */
    setHeaders: (path, headers) => extraHeaders.set(path, headers),
    reset: () => {
      requests.length = 0;
      cspReports.length = 0;
    },
    close: () =>
      new Promise((resolve) => {
        for (const res of stalled) res.destroy();
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
