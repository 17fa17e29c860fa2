// make bench-service: the service under load on 127.0.0.1, on workerd and on Node (each in its
// own process), cold (a fresh process) then warm (the same process again), then every hostile
// request. Bounded: REQUESTS requests, CONCURRENCY at a time, each run stopped after 120 s.
import { startServer } from './server.mjs';
import { drive, goldenCardPaths, rssKiB, startEngine } from './engines.mjs';
import { hostileRequests } from './suite.mjs';

const REQUESTS = Number(process.env.REQUESTS ?? 10000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 64);

async function run(base, paths) {
  const r = await drive(base, { count: REQUESTS, concurrency: CONCURRENCY, pathOf: (i) => paths[i % paths.length], deadline: Date.now() + 120000 });
  return { requests: r.requests, rps: r.rps.toFixed(0), p50: r.p50.toFixed(1), p99: r.p99.toFixed(1), errors: r.errors };
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

async function measure(name, base, pid, server) {
  const list = goldenCardPaths(server);
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
for (const engine of ['workerd', 'node']) {
  const server = await startServer();
  const running = await startEngine(engine, server);
  try {
    failures += await measure(running.name, running.base, running.pid, server);
  } finally {
    await running.stop();
    await server.close();
  }
}
if (failures) {
  console.log(`\nbench-service: ${failures} failures`);
  process.exit(1);
}
