// The service in Node: in-process (the fetch handler itself, its outgoing fetch guarded so that
// any destination but the local test server fails without connecting) and through node:http.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createService, memoryCache } from '../../../web/dist/service-node.js';
import { createPinnedFetch, serve } from '../../../examples/service/node.mjs';
import { startServer } from './server.mjs';
import { imageSuite } from './image-suite.mjs';
import { suite, testConfig } from './suite.mjs';

const server = await startServer();
const resolved = [];
const guarded = [];
// The outgoing fetch: only the test server; anything else is a violation, refused before connecting.
function guardFetch(url, init) {
  const target = new URL(url);
  guarded.push(target.href);
  if (target.host !== `127.0.0.1:${server.port}`) {
    server.violations.push(`fetch ${target.href}`);
    return Promise.reject(new Error('test guard: not the test server'));
  }
  return fetch(target, init);
}
// A resolver that never asks DNS: rebind.test is a name with a private address.
async function resolve(hostname) {
  resolved.push(hostname);
  if (hostname === 'rebind.test') return ['10.0.0.7'];
  throw new Error(`test resolver: ${hostname} unknown`);
}
const config = { ...testConfig(server), fetch: guardFetch, resolve };
const service = createService(config);
after(() => server.close());

suite('in-process', {
  call: (path, init) => service.fetch(new Request(`http://service.test${path}`, init)),
  server: () => server,
  stats: () => service.stats(),
});
imageSuite('in-process', { call: (path, init) => service.fetch(new Request(`http://service.test${path}`, init)), server: () => server });

test('a name that resolves to a private address is refused before connecting', async () => {
  const response = await service.fetch(new Request('http://service.test/card?url=http://rebind.test/a'));
  assert.equal(response.status, 403);
  assert.equal((await response.json()).error.code, 'fetch.private_address');
  assert.deepEqual(resolved, ['rebind.test']);
  assert.ok(!guarded.some((u) => u.includes('rebind.test')), 'never fetched');
  // The hosts fetched (an article's own URL may name such an address in its query: /image's tests).
  assert.ok(!guarded.some((u) => /169\.254|10\.0\.0\.1|192\.168|\[/.test(new URL(u).host)), `guarded: ${guarded.filter((u) => !u.includes(server.origin))}`);
});

test('/snippet without a scriptUrl: 501 with its code, never a snippet without its script', async () => {
  const bare = createService({ ...config, scriptUrl: '' });
  const response = await bare.fetch(new Request(`http://s.test/snippet?url=${encodeURIComponent(`${server.origin}/golden/examples/seed-article-ar.txt`)}`));
  assert.equal(response.status, 501);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  assert.equal((await response.json()).error.code, 'snippet.no_script');
});

test('a scriptUrl that is not an absolute http(s) URL is refused when the service is made', () => {
  for (const scriptUrl of ['/khabar/khabar.js', 'javascript:alert(1)', 'not a url']) {
    assert.throws(() => createService({ ...config, scriptUrl }), /scriptUrl: not an absolute http\(s\) URL/, scriptUrl);
  }
  assert.doesNotThrow(() => createService({ ...config, scriptUrl: 'https://cdn.example/khabar/khabar.js' }));
});

test('a publisher\'s default locale: the one in the article\'s language, else the first; an asked locale wins', async () => {
  const card = async (svc, input, init, query = '') =>
    (await (await svc.fetch(new Request(`http://s.test/card?url=${encodeURIComponent(`${server.origin}/golden/${input}`)}&format=json${query}`, init))).json()).locale;
  const publisher = createService({ ...config, defaultLocale: 'ar-MA fr-MA' });
  const french = { headers: { 'accept-language': 'fr-FR' } };
  assert.equal(await card(publisher, 'examples/seed-article-ar.txt', french), 'ar-MA');
  assert.equal(await card(publisher, 'tests/golden/readers/udhr-fr-long-title.json', french), 'fr-MA');
  assert.equal(await card(publisher, 'tests/golden/readers/udhr-he.json', french), 'ar-MA', 'no default in Hebrew: the first');
  assert.equal(await card(publisher, 'examples/seed-article-ar.txt', french, '&locale=ar-EG'), 'ar-EG');
  const response = await publisher.fetch(new Request(`http://s.test/card?url=${encodeURIComponent(`${server.origin}/golden/examples/seed-article-ar.txt`)}`));
  assert.equal(response.headers.get('vary'), null, 'the publisher\'s default does not vary with the reader');
  assert.throws(() => createService({ ...config, defaultLocale: 'ar MA!' }), /defaultLocale: not a BCP 47 tag/);
});

test('/embed with the publisher down: the title the service has seen, linked; never the error\'s message', async () => {
  let down = false;
  const refusing = (url, init) => (down ? Promise.reject(new Error('connect ECONNREFUSED 10.1.2.3:8080')) : guardFetch(url, init));
  const svc = createService({ ...config, maxAge: 0, fetch: refusing });
  const url = `${server.origin}/golden/tests/golden/readers/jsonld-graph.json`;
  const embed = () => svc.fetch(new Request(`http://s.test/embed?url=${encodeURIComponent(url)}&locale=ar-MA`));
  assert.equal((await embed()).status, 200);
  down = true;
  await new Promise((resolve) => setTimeout(resolve, 5)); // maxAge 0: the article is not kept
  const failed = await embed();
  const body = await failed.text();
  assert.equal(failed.status, 502);
  assert.equal(failed.headers.get('x-khabar-error'), 'fetch.failed');
  assert.match(body, /<html lang="ar" dir="rtl">/);
  assert.match(body, /<p class="khabar-failed"><a href="https:\/\/www\.example-news\.ma\/ar\/2025\/11\/21\/interpol\/">الإنتربول يشيد/);
  assert.doesNotMatch(body, /ECONNREFUSED|10\.1\.2\.3|"error"/);
});

test('the article cache is bounded', async () => {
  const small = createService({ ...config, articleCache: { entries: 2, bytes: 1 << 20 } });
  for (const input of ['examples/seed-article-ar.txt', 'tests/golden/readers/page.html', 'tests/golden/readers/khabar-en.json']) {
    const r = await small.fetch(new Request(`http://s.test/card?url=${encodeURIComponent(`${server.origin}/golden/${input}`)}&locale=en`));
    assert.equal(r.status, 200);
  }
  assert.equal(small.stats().articlesCached, 2);
  assert.equal(small.stats().articleFetches, 3);
});

test('concurrent requests for one article share its fetch, unless shareFetches is false (Workers)', async () => {
  const url = `http://s.test/card?url=${encodeURIComponent(`${server.origin}/varied/7001`)}&locale=ar-MA&format=json`;
  for (const [shareFetches, fetches] of [[undefined, 1], [false, 8]]) {
    const fresh = createService({ ...config, shareFetches });
    const answers = await Promise.all(Array.from({ length: 8 }, () => fresh.fetch(new Request(url))));
    assert.deepEqual(answers.map((a) => a.status), Array(8).fill(200));
    assert.equal(fresh.stats().articleFetches, fetches, `shareFetches: ${shareFetches}`);
  }
});

test('the Cache API keeps whole answers, keyed by the reader language when no locale is asked; never a refusal', async () => {
  const store = new Map();
  const cache = {
    match: async (request) => store.get(request.url)?.clone(),
    put: async (request, response) => void store.set(request.url, response),
  };
  const cachedService = createService({ ...config, cache });
  const seed = encodeURIComponent(`${server.origin}/golden/tests/golden/readers/udhr-he.json`);
  const path = `http://c.test/card?url=${seed}&locale=he&format=text`;
  const first = await cachedService.fetch(new Request(path));
  const second = await cachedService.fetch(new Request(path));
  assert.equal(first.status, 200);
  assert.equal(await second.text(), await first.text());
  assert.equal(cachedService.stats().cacheHits, 1);
  assert.equal(cachedService.stats().rendered, 1, 'the second answer came from the cache');
  // A Hebrew article: Accept-Language picks the region of Hebrew it names, nothing else.
  const israeli = await cachedService.fetch(new Request(`http://c.test/card?url=${seed}&format=json`, { headers: { 'accept-language': 'he-IL' } }));
  const english = await cachedService.fetch(new Request(`http://c.test/card?url=${seed}&format=json`, { headers: { 'accept-language': 'en' } }));
  assert.equal((await israeli.json()).locale, 'he-IL');
  assert.equal((await english.json()).locale, 'he', 'not the he-IL answer from the cache');
  const refused = await cachedService.fetch(new Request('http://c.test/card?url=http://10.0.0.1/a'));
  assert.equal(refused.status, 403);
  assert.equal(store.size, 3, [...store.keys()].join(' '));
  assert.ok([...store.values()].every((r) => r.status === 200));
});

test('memoryCache keeps answers for their max-age, bounded, and never a no-store answer', async () => {
  const cache = memoryCache({ entries: 2 });
  const answer = (body, cacheControl) => new Response(body, { headers: { 'cache-control': cacheControl, etag: '"x"' } });
  await cache.put(new Request('http://c.test/a'), answer('a', 'public, max-age=60'));
  await cache.put(new Request('http://c.test/gone'), answer('g', 'public, max-age=0'));
  await cache.put(new Request('http://c.test/refused'), answer('r', 'no-store'));
  const hit = await cache.match(new Request('http://c.test/a'));
  assert.equal(await hit.text(), 'a');
  assert.equal(hit.headers.get('etag'), '"x"');
  assert.equal(await (await cache.match(new Request('http://c.test/a'))).text(), 'a', 'a second, independent body');
  await new Promise((resolve) => setTimeout(resolve, 5));
  assert.equal(await cache.match(new Request('http://c.test/gone')), undefined, 'expired');
  assert.equal(await cache.match(new Request('http://c.test/refused')), undefined, 'no-store is not kept');
  await cache.put(new Request('http://c.test/b'), answer('b', 'max-age=60'));
  await cache.put(new Request('http://c.test/c'), answer('c', 'max-age=60'));
  assert.equal(cache.entries, 2);
  assert.equal(await cache.match(new Request('http://c.test/a')), undefined, 'the least recently used went first');
  // Through the service: the second request for a card is neither fetched nor rendered.
  const cachedService = createService({ ...config, cache: memoryCache() });
  const path = `http://m.test/card?url=${encodeURIComponent(`${server.origin}/golden/tests/golden/readers/khabar-en.json`)}&locale=en`;
  const first = await (await cachedService.fetch(new Request(path))).text();
  const second = await cachedService.fetch(new Request(path));
  assert.equal(await second.text(), first);
  assert.deepEqual([cachedService.stats().rendered, cachedService.stats().cacheHits], [1, 1]);
});

// The Node adapter: the same handler behind node:http.
const http = serve(createService(config));
await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
after(() => new Promise((resolve) => http.close(resolve)));
const base = `http://127.0.0.1:${http.address().port}`;
const nodeServer = await startServer();
after(() => nodeServer.close());
const httpService = createService({ ...testConfig(nodeServer), fetch: guardFetchFor(nodeServer) });
const http2 = serve(httpService);
await new Promise((resolve) => http2.listen(0, '127.0.0.1', resolve));
after(() => new Promise((resolve) => http2.close(resolve)));

// The adapter's own outgoing fetch (pinnedFetch), guarded: any name lookup is a violation.
function guardFetchFor(s) {
  const pinned = createPinnedFetch({ dnsLookup: (hostname, options, callback) => {
    s.violations.push(`dns ${hostname}`);
    callback(new Error('test guard: no name lookups'));
  } });
  return (url, init) => {
    const target = new URL(url);
    if (target.port !== String(s.port) || !(target.hostname === '127.0.0.1' || init.addresses?.every((a) => a === '127.0.0.1'))) {
      s.violations.push(`fetch ${target.href}`);
      return Promise.reject(new Error('test guard: not the test server'));
    }
    return pinned(url, init);
  };
}

test('node:http adapter answers', async () => {
  const r = await fetch(`${base}/card`);
  assert.equal(r.status, 400);
  assert.equal((await r.json()).error.code, 'param.missing');
});

suite('node:http', {
  call: (path, init) => fetch(`http://127.0.0.1:${http2.address().port}${path}`, init),
  server: () => nodeServer,
  stats: () => httpService.stats(),
});
imageSuite('node:http', { call: (path, init) => fetch(`http://127.0.0.1:${http2.address().port}${path}`, init), server: () => nodeServer });

// After the suite, which counts the test server's fetches of each golden article.
test('the Node adapter connects to the address the check accepted and never resolves the name again (DNS rebinding)', async () => {
  const answers = [];
  // A name that answers the allowed test server to the first question and a private address to
  // any later one, as a rebinding attacker's DNS would.
  const rebinding = async (hostname) => {
    answers.push(hostname);
    return answers.length === 1 ? ['127.0.0.1'] : ['10.0.0.9'];
  };
  const host = `pinned.test:${nodeServer.port}`;
  const pinnedService = createService({
    ...testConfig(nodeServer),
    allowedOrigins: [`http://${host}`],
    allowPrivate: [host],
    resolve: rebinding,
    fetch: guardFetchFor(nodeServer),
  });
  const article = encodeURIComponent(`http://${host}/golden/examples/seed-article-ar.txt`);
  const response = await pinnedService.fetch(new Request(`http://s.test/card?url=${article}&locale=ar-MA&format=text`));
  assert.equal(response.status, 200, await response.clone().text());
  assert.match(await response.text(), /\S/);
  assert.deepEqual(answers, ['pinned.test'], 'resolved once, by the check');
  assert.deepEqual(nodeServer.violations, []);
});
