// The service on workerd: started here on 127.0.0.1, exercised with the same suite, stopped.
// Its outgoing fetch is an `external` service pointing at the local test server, so every
// request the worker sends arrives at 127.0.0.1 whatever its URL; the test server records any
// meant for another host as a violation, and the suite fails on one.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startCacheServer } from './cache-server.mjs';
import { startServer } from './server.mjs';
import { imageSuite } from './image-suite.mjs';
import { suite } from './suite.mjs';
import { drive, goldenCardPaths, startWorkerd } from './engines.mjs';

if (import.meta.url === `file://${process.argv[1]}` || process.argv.some((a) => a.endsWith('workerd.test.mjs'))) {
  const server = await startServer();
  // caches.default reaches a local cache server, as Cloudflare's edge cache would be reached:
  // the whole suite runs through the Cache API path.
  const cache = await startCacheServer();
  const worker = await startWorkerd(server, { cachePort: cache.port });
  after(async () => {
    await worker.stop();
    await server.close();
    await cache.close();
  });

  suite('workerd', { call: (path, init) => fetch(`${worker.base}${path}`, init), server: () => server });
  imageSuite('workerd', { call: (path, init) => fetch(`${worker.base}${path}`, init), server: () => server });

  test('workerd: caches.default keeps whole answers; a hit is answered from it; a refusal is never kept', async () => {
    const article = encodeURIComponent(`${server.origin}/golden/tests/golden/readers/udhr-he.json`);
    const path = `/card?url=${article}&locale=he&format=json&heading-level=4`;
    const hitsBefore = cache.seen.hits;
    const first = await fetch(`${worker.base}${path}`);
    const firstBody = await first.text();
    assert.equal(first.status, 200);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the put runs in waitUntil
    assert.ok(cache.seen.puts.some((p) => p.url.includes('heading-level=4') && p.status === 200), JSON.stringify(cache.seen.puts));
    const second = await fetch(`${worker.base}${path}`);
    assert.equal(await second.text(), firstBody);
    assert.equal(second.headers.get('etag'), first.headers.get('etag'));
    assert.equal(cache.seen.hits, hitsBefore + 1, 'the second answer came from the cache');
    assert.ok(cache.seen.puts.every((p) => p.status === 200), 'only successful answers are kept');
  });

  // Workers may not await, in one request, a promise that another request's I/O settles: such a
  // request is cancelled as hung. Identical requests at once (the golden cards, 64 at a time),
  // with articles that expire every second, so that they are fetched again and again under load
  // (a time-out long enough that a busy machine's queue of renders is not what fails them).
  test('workerd: identical concurrent requests, cold and after expiry, none cancelled as hung', async () => {
    const short = await startWorkerd(server, { maxAge: 1, timeoutMs: 10000 });
    try {
      const golden = goldenCardPaths(server);
      const r = await drive(short.base, { count: 1000, concurrency: 64, pathOf: (i) => golden[i % golden.length], deadline: Date.now() + 60000 });
      assert.equal(r.requests, 1000);
      assert.equal(r.errors, 0, r.failures.join('\n'));
      assert.doesNotMatch(short.stderr(), /hung/);
    } finally {
      await short.stop();
    }
  });

  test('workerd: still running after every request', () => {
    assert.equal(worker.child.exitCode, null, worker.stderr());
  });
}
