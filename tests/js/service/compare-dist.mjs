// Maintenance check (not in make test): the service of two builds of dist/ answer the same
// requests with the same status, headers and bytes. node compare-dist.mjs BEFORE_DIST AFTER_DIST
import { startServer } from './server.mjs';
import { goldenCardPaths } from './engines.mjs';
import { hostileRequests, testConfig } from './suite.mjs';
const [before, after] = process.argv.slice(2).map((d) => new URL(`file://${d.replace(/\/?$/, '/')}service-node.js`));
const server = await startServer();
const guard = (url, init) => (new URL(url).host === `127.0.0.1:${server.port}` ? fetch(url, init) : Promise.reject(new Error('not the test server')));
const config = { ...testConfig(server), fetch: guard, publicUrl: 'https://cards.example/k/' };
const services = await Promise.all([before, after].map(async (u) => (await import(u.href)).createService(config)));
const q = (p) => new URLSearchParams(p).toString();
const seed = `${server.origin}/golden/examples/seed-article-ar.txt`;
const paths = [
  ...goldenCardPaths(server),
  ...goldenCardPaths(server).map((p) => p.replace('format=html', 'format=json')),
  ...goldenCardPaths(server).map((p) => p.replace('format=html', 'format=text')).slice(0, 10),
  ...hostileRequests(server).map(([, path]) => path),
  `/card?${q({ url: seed })}`, `/card?${q({ url: seed, theme: 'dark', 'heading-level': '3', now: '2025-11-29T10:00:00Z' })}`,
  `/embed?${q({ url: seed, locale: 'ar-MA', now: '2025-11-29T10:00:00Z' })}`, `/embed?${q({ url: seed })}`, `/embed?${q({ url: `${server.origin}/nope` })}`,
  `/embed?${q({ url: 'http://10.0.0.1/x' })}`, `/oembed?${q({ url: seed })}`, `/oembed?${q({ url: seed, format: 'xml', maxwidth: '400' })}`,
  `/oembed?${q({ url: seed, maxwidth: '100' })}`, `/oembed?${q({ url: seed, format: 'yaml' })}`, `/oembed?${q({ url: seed, maxheight: 'x' })}`,
  `/snippet?${q({ url: seed, locale: 'fr-FR', theme: 'dark' })}`, `/snippet?${q({ url: seed })}`, `/go?${q({ url: seed })}`, `/go?${q({ url: 'https://evil.example/' })}`,
  '/embed.js', '/embed.css', '/embed-card.css', '/khabar-card.css', '/nowhere', '/card', `/card?${q({ url: seed, format: 'pdf' })}`,
  `/card?${q({ url: seed, theme: 'neon' })}`, `/card?${q({ url: seed, 'heading-level': '9' })}`, `/card?${q({ url: 'x'.repeat(3000) })}`,
];
const requests = paths.map((p) => (Array.isArray(p) ? p : [p, {}]));
requests.push(['/card?locale=ar-MA&now=2025-11-29T10:00:00Z', { method: 'POST', body: 'عنوان\n\nفقرة أولى.', headers: { 'content-type': 'text/plain; charset=utf-8' } }]);
requests.push(['/card', { method: 'DELETE' }], ['/card', { method: 'OPTIONS' }], [`/card?${q({ url: seed, locale: 'ar-MA' })}`, { method: 'HEAD' }]);
requests.push([`/card?${q({ url: seed })}`, { headers: { 'accept-language': 'fr-CA,fr;q=0.8' } }]);
let differ = 0;
const first = [];
for (const [path, init] of requests) {
  const answers = [];
  for (const s of services) {
    const r = await s.fetch(new Request(`https://cards.example/k${path}`, init));
    answers.push({ status: r.status, headers: JSON.stringify([...r.headers]), body: Buffer.from(await r.arrayBuffer()).toString('base64') });
  }
  // An etag answered, then asked with If-None-Match: both 304 or neither.
  const [a, b] = answers;
  if (a.status !== b.status || a.headers !== b.headers || a.body !== b.body) {
    differ++;
    if (first.length < 5) first.push(`${path.slice(0, 120)}\n  before ${a.status} ${a.headers.slice(0, 300)} ${a.body.length}\n  after  ${b.status} ${b.headers.slice(0, 300)} ${b.body.length}`);
  }
}
console.log(`${requests.length} requests, ${differ} answers differ`);
for (const f of first) console.log(f);
console.log('stats', JSON.stringify(services.map((s) => s.stats())));
await server.close();
process.exit(differ ? 1 : 0);
