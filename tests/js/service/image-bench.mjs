// /image on a cold service and under load, on workerd and on Node (each in its own process,
// reading from the local test server on 127.0.0.1): the first picture after the process starts
// (the core, khabar-image.wasm and the fonts loaded by that request), then, after as long warming
// up, pictures a second with the article cached (each request an analysis and a picture: no answer cache here) and
// with a new article each time (a fetch too). Numbers only; part of `make bench-image`.
//   node tests/js/service/image-bench.mjs [SECONDS_EACH]
import { readFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { startServer } from './server.mjs';
import { drive, startEngine } from './engines.mjs';

const seconds = Number(process.argv[2] ?? process.env.SECONDS_EACH ?? 5);
const now = '2025-11-29T10:00:00+01:00';
const server = await startServer();
const q = (params) => new URLSearchParams({ now, tz: 'Africa/Casablanca', ...params }).toString();
const seed = `${server.origin}/golden/examples/seed-article-ar.txt`;

// The engine's CPU seconds so far (user + system, /proc/PID/stat): pictures per CPU second hold
// on a machine other work shares, where pictures per wall second do not.
async function cpuSeconds(pid) {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
}

console.log(`/image, 1200x630 PNG, the seed's card (ar-MA) without a photo; ${cpus().length} cores, load ${loadavg()[0].toFixed(1)}`);
try {
  for (const name of ['workerd', 'node']) {
    const engine = await startEngine(name, server, { maxAge: 3600 });
    try {
      let t = performance.now();
      const first = await fetch(`${engine.base}/image?${q({ url: seed, locale: 'ar-MA' })}`);
      const bytes = (await first.arrayBuffer()).byteLength;
      const cold = performance.now() - t;
      if (first.status !== 200) throw new Error(`${engine.name}: ${first.status}`);
      t = performance.now();
      await (await fetch(`${engine.base}/image?${q({ url: seed, locale: 'ar-MA', theme: 'dark' })}`)).arrayBuffer();
      const second = performance.now() - t;
      const deadline = () => Date.now() + seconds * 1000;
      // Warm: the wasm tiers up and the glyph cache fills over the first pictures (not counted).
      await drive(engine.base, { count: 100000, concurrency: 2, pathOf: (i) => `/image?${q({ url: `${server.origin}/varied/warm${i}`, locale: 'ar-MA' })}`, deadline: deadline() });
      let cpu = await cpuSeconds(engine.pid);
      const cached = await drive(engine.base, { count: 100000, concurrency: 2, pathOf: () => `/image?${q({ url: seed, locale: 'ar-MA' })}`, deadline: deadline() });
      const cachedCpu = (await cpuSeconds(engine.pid)) - cpu;
      cpu = await cpuSeconds(engine.pid);
      const fresh = await drive(engine.base, {
        count: 100000,
        concurrency: 2,
        pathOf: (i) => `/image?${q({ url: `${server.origin}/varied/${i}`, locale: 'ar-MA' })}`,
        deadline: deadline(),
      });
      const freshCpu = (await cpuSeconds(engine.pid)) - cpu;
      for (const r of [cached, fresh]) if (r.errors) throw new Error(`${engine.name}: ${r.errors} errors: ${r.failures.join('; ')}`);
      console.log(
        `${engine.name.padEnd(16)} first picture cold ${cold.toFixed(0)} ms (${(bytes / 1024).toFixed(0)} KB), the next ${second.toFixed(0)} ms; ` +
          `article cached ${cached.rps.toFixed(1)}/s (${(cached.requests / cachedCpu).toFixed(1)} a CPU second, p50 ${cached.p50.toFixed(0)} ms); ` +
          `new article each ${fresh.rps.toFixed(1)}/s (${(fresh.requests / freshCpu).toFixed(1)} a CPU second, p50 ${fresh.p50.toFixed(0)} ms)`,
      );
    } finally {
      await engine.stop();
    }
  }
} finally {
  await server.close();
}
