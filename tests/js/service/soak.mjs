// make soak-service: the service under sustained load on 127.0.0.1, on workerd and on Node,
// each in its own process. Per engine, SOAK_REQUESTS requests (default 100,000: 200,000 in all)
// in blocks of 10,000, CONCURRENCY at a time: three of four repeat the golden cards (cached
// articles), one of four asks for an article never seen before (the test server numbers the
// seed's title per URL: a fetch and a render each). After each block: requests a second,
// p50/p99 per kind, errors, RSS. Then the cached and uncached throughput apart.
// Fails on any error, on a "hung" line in workerd's log, or when the last RSS sample is more
// than 15% above the one after the first 20,000 requests. On workerd that is the service's own
// memory: workerd serving an empty worker, driven the same way first, grows by itself (72 to
// about 280 MiB over 100,000 requests, then flat), so the service's RSS less that baseline's at
// the same count is what must stay within 15% of the service's RSS after 20,000.
// Bounded: SOAK_MINUTES per engine.
import { startServer } from './server.mjs';
import { drive, goldenCardPaths, rssKiB, startEngine } from './engines.mjs';

const REQUESTS = Number(process.env.SOAK_REQUESTS ?? 100000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 64);
const BLOCK = Number(process.env.SOAK_BLOCK ?? 10000); // requests between samples; the reference sample is the second
const MINUTES = Number(process.env.SOAK_MINUTES ?? 12);
const ENGINES = (process.env.SOAK_ENGINES ?? 'workerd node').split(/\s+/).filter(Boolean);

const ms = (x) => x.toFixed(1).padStart(6);
const mib = (kib) => (kib / 1024).toFixed(1);

async function soak(engineName, baseline) {
  const server = await startServer();
  // The default time-out (5 s), not the tests' 1.5 s: a loaded machine queues renders.
  const engine = await startEngine(engineName, server, { timeoutMs: 5000 });
  const golden = goldenCardPaths(server);
  const varied = (n) => `/card?${new URLSearchParams({ url: `${server.origin}/varied/${n}`, locale: 'ar-MA', format: 'html', now: '2025-11-29T10:00:00+01:00' })}`;
  const deadline = Date.now() + MINUTES * 60000;
  const problems = [];
  const samples = []; // { after: requests, rss: KiB }
  let fresh = 0; // the next never-seen article
  try {
    console.log(`\n== ${engine.name}: ${REQUESTS} requests, ${CONCURRENCY} at a time; 1 in 4 an article never seen (uncached)`);
    const start = await rssKiB(engine.pid);
    console.log(`RSS at start: ${mib(start)} MiB`);
    console.log('requests   req/s  cached p50/p99 ms  uncached p50/p99 ms  errors  RSS MiB');
    let errors = 0;
    for (let done = 0; done < REQUESTS && Date.now() < deadline; done += BLOCK) {
      const base = fresh;
      const r = await drive(engine.base, {
        count: Math.min(BLOCK, REQUESTS - done),
        concurrency: CONCURRENCY,
        pathOf: (i) => (i % 4 === 3 ? varied(base + i) : golden[i % golden.length]),
        kindOf: (i) => (i % 4 === 3 ? 'uncached' : 'cached'),
        deadline,
      });
      fresh += BLOCK;
      errors += r.errors;
      problems.push(...r.failures);
      const rss = await rssKiB(engine.pid);
      samples.push({ after: done + r.requests, rss });
      const c = r.kinds.get('cached');
      const u = r.kinds.get('uncached');
      console.log(
        `${String(done + r.requests).padStart(8)}  ${r.rps.toFixed(0).padStart(6)}  ${ms(c.p50)} ${ms(c.p99)}      ${ms(u.p50)} ${ms(u.p99)}        ${String(r.errors).padStart(5)}  ${mib(rss).padStart(7)}`,
      );
    }
    if (engineName === 'workerd-empty') return { problems: errors ? [`${errors} errors`] : [], samples };
    // Throughput apart: every request a cached article, then every one a new article.
    const cached = await drive(engine.base, { count: 10000, concurrency: CONCURRENCY, pathOf: (i) => golden[i % golden.length], deadline: deadline + 60000 });
    const first = fresh;
    const uncached = await drive(engine.base, { count: 3000, concurrency: CONCURRENCY, pathOf: (i) => varied(first + i), deadline: deadline + 120000 });
    errors += cached.errors + uncached.errors;
    problems.push(...cached.failures, ...uncached.failures);
    console.log(`cached:   ${cached.requests} requests, ${cached.rps.toFixed(0)} cards/s, p50 ${cached.p50.toFixed(1)} ms, p99 ${cached.p99.toFixed(1)} ms`);
    console.log(`uncached: ${uncached.requests} requests, ${uncached.rps.toFixed(0)} cards/s (a fetch and a render each), p50 ${uncached.p50.toFixed(1)} ms, p99 ${uncached.p99.toFixed(1)} ms`);
    const total = samples.at(-1)?.after ?? 0;
    if (total < REQUESTS) problems.push(`only ${total} of ${REQUESTS} requests within ${MINUTES} min`);
    const reference = samples.find((s) => s.after >= 2 * BLOCK);
    const last = samples.at(-1);
    if (reference && last !== reference) {
      const growth = (last.rss - reference.rss) / reference.rss;
      console.log(`RSS: ${mib(reference.rss)} MiB after ${reference.after}, ${mib(last.rss)} MiB after ${last.after}: ${(growth * 100).toFixed(1)}%`);
      const base = (after) => baseline?.find((s) => s.after === after)?.rss;
      if (baseline && base(reference.after) && base(last.after)) {
        const own = (s) => s.rss - base(s.after);
        const ownGrowth = (own(last) - own(reference)) / reference.rss;
        console.log(`the empty worker: ${mib(base(reference.after))} MiB after ${reference.after}, ${mib(base(last.after))} after ${last.after}`);
        console.log(`the service's own (RSS less the empty worker's): ${mib(own(reference))} MiB after ${reference.after}, ${mib(own(last))} after ${last.after}: ${(ownGrowth * 100).toFixed(1)}% of ${mib(reference.rss)}`);
        if (ownGrowth > 0.15) problems.push(`the service's own RSS grew ${(ownGrowth * 100).toFixed(1)}% after the first 20,000 requests (limit 15%)`);
      } else if (growth > 0.15) problems.push(`RSS grew ${(growth * 100).toFixed(1)}% after the first 20,000 requests (limit 15%)`);
    }
    const hung = engine.log().split('\n').filter((line) => /hung/i.test(line));
    if (hung.length) problems.push(`${hung.length} "hung" lines in the log, the first: ${hung[0].slice(0, 300)}`);
    if (errors) problems.push(`${errors} errors`);
    if (server.violations.length) problems.push(`requests meant for another host: ${server.violations.slice(0, 3)}`);
  } finally {
    await engine.stop();
    await server.close();
  }
  for (const p of problems) console.log(`  FAIL ${p}`);
  return { problems, samples };
}

let failures = 0;
for (const name of ENGINES) {
  const baseline = name === 'workerd' ? (await soak('workerd-empty')).samples : null;
  failures += (await soak(name, baseline)).problems.length;
}
console.log(failures ? `\nsoak-service: ${failures} failures` : '\nsoak-service: no errors, memory flat');
process.exit(failures ? 1 : 0);
