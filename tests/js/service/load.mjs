// make bench-service: the service under load on 127.0.0.1, on workerd and on Node (each in its
// own process), cold (a fresh process) then warm (the same process again), then every hostile
// request. Bounded: REQUESTS requests, CONCURRENCY at a time, each run stopped after 120 s.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { startServer } from './server.mjs';
import { startWorkerd } from './workerd.test.mjs';
import { hostileRequests } from './suite.mjs';

const REQUESTS = Number(process.env.REQUESTS ?? 10000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 64);
const root = new URL('../../../', import.meta.url);
const spec = JSON.parse(await readFile(new URL('tests/golden/cards/cases.json', root), 'utf8'));

function rssKiB(pid) {
  return readFile(`/proc/${pid}/status`, 'utf8').then((s) => Number(/VmRSS:\s+(\d+)/.exec(s)[1]));
}

async function run(base, paths) {
  const latencies = [];
  let errors = 0;
  let next = 0;
  const deadline = Date.now() + 120000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS && Date.now() < deadline) {
        const path = paths[next++ % paths.length];
        const t = performance.now();
        try {
          const response = await fetch(base + path);
          await response.arrayBuffer();
          if (response.status !== 200) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
  return { requests: latencies.length, rps: (latencies.length / seconds).toFixed(0), p50: pct(50), p99: pct(99), errors };
}

async function hostile(base, server) {
  const rows = [];
  for (const [what, path, status, code] of hostileRequests(server)) {
    const t = performance.now();
    const response = Array.isArray(path) ? await fetch(base + path[0], path[1]) : await fetch(base + path);
    const body = await response.json().catch(() => ({}));
    const ok = response.status === status && body.error?.code === code && response.headers.get('cache-control') === 'no-store';
    rows.push({ what, status: response.status, code: body.error?.code, ms: (performance.now() - t).toFixed(0), ok });
  }
  const alive = await fetch(`${base}/card?url=${encodeURIComponent(`${server.origin}/golden/examples/seed-article-ar.txt`)}&locale=ar-MA`);
  return { rows, servingAfter: alive.status };
}

function paths(server) {
  const out = [];
  for (const c of spec.cases)
    for (const locale of c.locales)
      out.push(`/card?${new URLSearchParams({ url: `${server.origin}/golden/${c.input}`, locale, format: 'html', now: spec.now, tz: spec.time_zone })}`);
  return out;
}

async function measure(name, base, pid, server) {
  const list = paths(server);
  const before = await rssKiB(pid);
  const cold = await run(base, list);
  const afterCold = await rssKiB(pid);
  const warm = await run(base, list);
  const afterWarm = await rssKiB(pid);
  const h = await hostile(base, server);
  const afterHostile = await rssKiB(pid);
  console.log(`\n== ${name}: ${REQUESTS} requests, ${CONCURRENCY} at a time, over ${list.length} cards (golden articles x locales)`);
  console.log(`cold (fresh process): ${cold.requests} requests, ${cold.rps} req/s, p50 ${cold.p50} ms, p99 ${cold.p99} ms, errors ${cold.errors}`);
  console.log(`warm (same process):  ${warm.requests} requests, ${warm.rps} req/s, p50 ${warm.p50} ms, p99 ${warm.p99} ms, errors ${warm.errors}`);
  console.log(`RSS: before ${(before / 1024).toFixed(1)} MiB, after cold ${(afterCold / 1024).toFixed(1)} MiB, after warm ${(afterWarm / 1024).toFixed(1)} MiB, after hostile ${(afterHostile / 1024).toFixed(1)} MiB`);
  console.log(`hostile: ${h.rows.filter((r) => r.ok).length}/${h.rows.length} refused with their code and no-store; serving after: HTTP ${h.servingAfter}`);
  for (const r of h.rows) console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.what}: ${r.status} ${r.code} (${r.ms} ms)`);
  console.log(`article fetches seen by the test server: ${[...server.hits].filter(([p]) => p.startsWith('/golden/')).map(([, n]) => n).reduce((a, b) => a + b, 0)}; violations: ${server.violations.length}`);
  return cold.errors + warm.errors + h.rows.filter((r) => !r.ok).length + server.violations.length + (h.servingAfter === 200 ? 0 : 1);
}

let failures = 0;
{
  const server = await startServer();
  const worker = await startWorkerd(server);
  try {
    failures += await measure('workerd', worker.base, worker.child.pid, server);
  } finally {
    await worker.stop();
    await server.close();
  }
}
{
  const server = await startServer();
  const child = spawn(process.execPath, [new URL('node-child.mjs', import.meta.url).pathname, String(server.port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve) => child.stdout.on('data', (d) => /listening (\d+)/.test(d) && resolve(/listening (\d+)/.exec(d)[1])));
  try {
    failures += await measure('Node (node:http)', `http://127.0.0.1:${port}`, child.pid, server);
  } finally {
    child.kill('SIGTERM');
    await server.close();
  }
}
if (failures) {
  console.log(`\nbench-service: ${failures} failures`);
  process.exit(1);
}
