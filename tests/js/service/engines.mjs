// The service's two engines as separate processes for the load test and the soak (each one's
// memory measured apart), and the request loop both drive them with. 127.0.0.1 only.
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { testConfig } from './suite.mjs';

const root = new URL('../../../', import.meta.url);
const spec = JSON.parse(await readFile(new URL('tests/golden/cards/cases.json', root), 'utf8'));

/** The golden cards (articles x locales) as /card requests to the service, read from the test server. */
export function goldenCardPaths(server) {
  const out = [];
  for (const c of spec.cases)
    for (const locale of c.locales)
      out.push(`/card?${new URLSearchParams({ url: `${server.origin}/golden/${c.input}`, locale, format: 'html', now: spec.now, tz: spec.time_zone })}`);
  return out;
}

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
  return spawnWorkerd(file, `http://127.0.0.1:${port}`);
}

// Starts workerd on a configuration; resolves when `base` answers.
async function spawnWorkerd(file, base) {
  const child = spawn(workerd, ['serve', file.pathname], { stdio: ['ignore', 'inherit', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
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

/**
 * workerd serving an empty worker (a fixed 6 KB answer to every request, no wasm, no cache): the
 * runtime's own memory under the same requests, the baseline the soak compares the service with.
 */
export async function startEmptyWorkerd() {
  const dir = new URL('build/service-test/', root);
  await mkdir(dir, { recursive: true });
  const port = await freePort();
  await writeFile(new URL('empty-worker.js', dir), "export default { fetch() { return new Response('<p>empty</p>'.repeat(512), { headers: { 'content-type': 'text/html' } }); } };\n");
  const file = new URL(`workerd-empty-${port}.capnp`, dir);
  await writeFile(
    file,
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "empty", worker = (modules = [(name = "w.js", esModule = embed "empty-worker.js")], compatibilityDate = "2024-09-23"))],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "empty")],
);
`,
  );
  return spawnWorkerd(file, `http://127.0.0.1:${port}`);
}

/** A process's resident set, KiB. */
export function rssKiB(pid) {
  return readFile(`/proc/${pid}/status`, 'utf8').then((s) => Number(/VmRSS:\s+(\d+)/.exec(s)[1]));
}

/** workerd with the example's modules, or Node (node-child.mjs), reading from the test server;
 * `overrides` of the test configuration (testConfig) for either. */
export async function startEngine(name, server, overrides = {}) {
  if (name === 'workerd' || name === 'workerd-empty') {
    const worker = name === 'workerd' ? await startWorkerd(server, overrides) : await startEmptyWorkerd();
    if (name === 'workerd-empty') return { name: 'workerd, an empty worker (baseline)', base: worker.base, pid: worker.child.pid, log: worker.stderr, stop: worker.stop };
    return { name, base: worker.base, pid: worker.child.pid, log: worker.stderr, stop: worker.stop };
  }
  const child = spawn(process.execPath, [new URL('node-child.mjs', import.meta.url).pathname, String(server.port), JSON.stringify(overrides)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (d) => (log += d));
  const port = await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => /listening (\d+)/.test(d) && resolve(/listening (\d+)/.exec(d)[1]));
    child.once('exit', () => reject(new Error(`node-child exited: ${log}`)));
  });
  return {
    name: 'Node (node:http)',
    base: `http://127.0.0.1:${port}`,
    pid: child.pid,
    log: () => log,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Sends `count` requests, `concurrency` at a time, the i-th to base + pathOf(i), until done or
 * `deadline` (ms since the epoch). Latencies are kept per kind (kindOf(i)), so that cached and
 * uncached requests are told apart. Non-200 answers are errors, with their first bodies kept.
 */
export async function drive(base, { count, concurrency, pathOf, kindOf = () => 'all', deadline }) {
  const kinds = new Map(); // kind -> latencies (ms)
  const failures = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count && Date.now() < deadline) {
        const i = next++;
        const t = performance.now();
        try {
          const response = await fetch(base + pathOf(i));
          const body = await response.text();
          if (response.status !== 200) {
            errors++;
            if (failures.length < 5) failures.push(`${response.status} ${pathOf(i)}: ${body.slice(0, 200)}`);
          }
        } catch (error) {
          errors++;
          if (failures.length < 5) failures.push(`${pathOf(i)}: ${error.message}`);
        }
        const kind = kindOf(i);
        if (!kinds.has(kind)) kinds.set(kind, []);
        kinds.get(kind).push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const all = [...kinds.values()].flat();
  return { requests: all.length, seconds, rps: all.length / seconds, errors, failures, ...summary(all), kinds: new Map([...kinds].map(([k, v]) => [k, summary(v)])) };
}

function summary(latencies) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);
  return { count: sorted.length, p50: pct(50), p99: pct(99) };
}
