// Lighthouse 12.2.3 on the three partner pages (static blockquotes, cards from the service, the
// wasm embed), driving Debian's Chromium; all on 127.0.0.1. Prints TBT, LCP, CLS, total bytes.
//   node tests/bench/lighthouse/run.mjs      (make lighthouse-service; needs make web)
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { brotliCompressSync } from 'node:zlib';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { createService } from '../../../web/dist/service-node.js';
import { toRequest } from '../../../examples/service/node.mjs';
import { startServer, repoRoot } from '../../js/browser/server.mjs';

const server = await startServer();
const origin = new URL(server.url('/')).origin;
const host = new URL(origin).host;
const service = createService({
  allowedOrigins: [origin],
  allowPrivate: [host],
  fetch: (url, init) => (new URL(url).host === host ? fetch(url, init) : Promise.reject(new Error(`not the test server: ${url}`))),
});
const http = createServer(async (req, res) => {
  const response = await service.fetch(toRequest(req, `http://${req.headers.host}`));
  const headers = Object.fromEntries(response.headers);
  let body = Buffer.from(await response.arrayBuffer());
  if (body.length && /\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
    body = brotliCompressSync(body);
    headers['content-encoding'] = 'br';
  }
  res.writeHead(response.status, { ...headers, 'content-length': body.length });
  res.end(body);
});
await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
const svc = `http://127.0.0.1:${http.address().port}/`;
const warmUp = `${svc}card?url=${encodeURIComponent(`${origin}/examples/partner/articles/seed-ar.json`)}&format=html&locale=ar-MA`;
for (let i = 0; i < 100; i++) await (await service.fetch(new Request(warmUp))).arrayBuffer();

const dir = `${repoRoot}build/service-lighthouse/`;
await mkdir(dir, { recursive: true });
const base = await readFile(`${repoRoot}tests/js/browser/pages/static-blockquote.html`, 'utf8');
const withScript = (script) => base.replace('</main>', `</main>\n${script}`);
await writeFile(`${dir}static.html`, base);
await writeFile(`${dir}service.html`, withScript(`<script async src="/web/dist/khabar.js" data-service="${svc}"></script>`));
await writeFile(`${dir}wasm.html`, withScript('<script async src="/web/dist/khabar.js"></script>'));

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP news.example 127.0.0.1'],
});
try {
  console.log(`Lighthouse 12.2.3 (navigation, mobile defaults with simulated throttling), ${process.env.CHROMIUM ?? '/usr/bin/chromium'}`);
  for (const name of ['static', 'service', 'wasm']) {
    const result = await lighthouse(server.url(`/build/service-lighthouse/${name}.html`), { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    const a = result.lhr.audits;
    const v = (id) => a[id]?.numericValue;
    console.log(`  ${name.padEnd(7)} TBT ${v('total-blocking-time').toFixed(0)} ms; LCP ${v('largest-contentful-paint').toFixed(0)} ms; FCP ${v('first-contentful-paint').toFixed(0)} ms; CLS ${v('cumulative-layout-shift').toFixed(4)}; total bytes ${(v('total-byte-weight') / 1024).toFixed(1)} KB; performance score ${Math.round(result.lhr.categories.performance.score * 100)}`);
  }
} finally {
  await chrome.kill();
  await new Promise((resolve) => http.close(resolve));
  await server.close();
}
