// The service on workerd: started here on 127.0.0.1, exercised with the same suite, stopped.
// Its outgoing fetch is an `external` service pointing at the local test server, so every
// request the worker sends arrives at 127.0.0.1 whatever its URL; the test server records any
// meant for another host as a violation, and the suite fails on one.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { startCacheServer } from './cache-server.mjs';
import { startServer } from './server.mjs';
import { suite, testConfig } from './suite.mjs';

const root = new URL('../../../', import.meta.url);
const workerd = new URL('../node_modules/.bin/workerd', import.meta.url).pathname;

async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * Starts workerd with the example's modules and a test configuration; resolves when it answers.
 * overrides.cachePort: the Cache API's requests go to that local cache server (cache-server.mjs).
 */
export async function startWorkerd(server, overrides = {}) {
  const config = { ...testConfig(server), ...overrides };
  const dir = new URL('build/service-test/', root);
  await mkdir(dir, { recursive: true });
  const port = await freePort();
  const text = (name, value) => `(name = "${name}", text = ${JSON.stringify(String(value))})`;
  const capnp = `using Workerd = import "/workerd/workerd.capnp";
using Khabar = import "../../examples/service/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "khabar", worker = (
      modules = Khabar.modules,
      compatibilityDate = "2024-09-23",
      bindings = [
        ${text('KHABAR_ALLOWED_ORIGINS', config.allowedOrigins.join(' '))},
        ${text('KHABAR_ALLOW_PRIVATE', config.allowPrivate.join(' '))},
        ${text('KHABAR_TIMEOUT_MS', config.timeoutMs)},
        ${text('KHABAR_MAX_BYTES', config.maxBytes)},
        ${text('KHABAR_MAX_AGE', config.maxAge)},
        ${text('KHABAR_STALE_WHILE_REVALIDATE', config.staleWhileRevalidate)},
        ${text('KHABAR_SCRIPT_URL', config.scriptUrl)},
      ],
      globalOutbound = "test-server",${overrides.cachePort ? '\n      cacheApiOutbound = "cache",' : ''}
    )),
    (name = "test-server", external = (address = "127.0.0.1:${server.port}", http = ())),${overrides.cachePort ? `\n    (name = "cache", external = (address = "127.0.0.1:${overrides.cachePort}", http = ())),` : ''}
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "khabar")],
);
`;
  const file = new URL(`workerd-${port}.capnp`, dir);
  await writeFile(file, capnp);
  const child = spawn(workerd, ['serve', file.pathname], { stdio: ['ignore', 'inherit', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`workerd exited: ${stderr}`);
    try {
      await (await fetch(`${base}/embed.js`)).arrayBuffer();
      break;
    } catch {
      if (i > 100) throw new Error(`workerd did not answer in 10 s: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    base,
    child,
    stderr: () => stderr,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

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

  test('workerd: still running after every request', () => {
    assert.equal(worker.child.exitCode, null, worker.stderr());
  });
}
