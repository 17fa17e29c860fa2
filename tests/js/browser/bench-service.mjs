// Cards from the service against static blockquotes and today's wasm embed, in one Chromium run
// (numbers, not pass/fail): first card painted (the static page: its first contentful paint),
// long tasks, CLS, bytes as the servers sent them (bodies) and the brotli size of every body.
//   node tests/js/browser/bench-service.mjs [runs]      (make bench-service-browser)
// The service runs in this process behind node:http on 127.0.0.1, brotli-compressed as a CDN
// would; its outgoing fetch reaches the static test server only.
import { readFile, writeFile } from 'node:fs/promises';
import { brotliCompressSync, constants } from 'node:zlib';
import { launch, repoRoot, startServer } from './helpers.mjs';
import { startServicePages } from './service-pages.mjs';

const runs = Number(process.argv[2]) || 5;
const server = await startServer();
const { origin, svc, dir, withScript, sent, close } = await startServicePages(server, 'service-bench');
// Bodies as the two servers sent them, each brotli-compressed (q 11) as a CDN would serve it: the
// page's CDP session does not see the requests of the worker that renders the wasm embed's cards.
const brotliOfFile = new Map();
async function servedBrotli(fromStatic, fromService) {
  let total = sent.slice(fromService).reduce((sum, r) => sum + r.brotli, 0);
  for (const r of server.requests.slice(fromStatic)) {
    if (r.status !== 200) continue; // a 304 sends no body
    if (!brotliOfFile.has(r.path)) {
      const body = await readFile(`${repoRoot}${r.path.slice(1)}`).catch(() => Buffer.alloc(0));
      brotliOfFile.set(r.path, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length);
    }
    total += brotliOfFile.get(r.path);
  }
  return total;
}
// The same, with the card's request announced in the head (README): it runs beside khabar.js's.
const cardUrl = `${svc}card?${new URLSearchParams({ url: `${origin}/examples/partner/articles/seed-ar.json`, format: 'html', locale: 'ar-MA' })}`;
await writeFile(
  `${dir}preload.html`,
  withScript(`<script async src="/web/dist/khabar.js" data-service="${svc}"></script>`).replace(
    '</head>',
    `  <link rel="preload" as="fetch" crossorigin="anonymous" href="${cardUrl.replaceAll('&', '&amp;')}">\n</head>`,
  ),
);

const browser = await launch({ args: ['--host-resolver-rules=MAP news.example 127.0.0.1'] });

const probe = () => {
  const t = { longTasks: [], cls: 0 };
  Object.defineProperty(window, Symbol.for('khabar.bench'), { value: t });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => t.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => !e.hadRecentInput && (t.cls += e.value))).observe({ type: 'layout-shift', buffered: true });
  new MutationObserver(() => {
    if (t.card === undefined && document.querySelector('khabar-card[data-state="ready"]')) {
      t.card = -1;
      requestAnimationFrame(() => setTimeout(() => (t.card = performance.now()), 0));
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
};

async function measure(context, path, card) {
  const page = await context.newPage();
  const fromStatic = server.requests.length;
  const fromService = sent.length;
  await page.goto(server.url(path));
  if (card) await page.waitForFunction(() => window[Symbol.for('khabar.bench')].card > 0, null, { timeout: 30000, polling: 20 });
  else await page.waitForLoadState('load');
  await page.waitForTimeout(500);
  const brotli = await servedBrotli(fromStatic, fromService);
  // As sent (gzip from the static server, brotli from the service), bodies only.
  const transferred = server.requests.slice(fromStatic).reduce((sum, r) => sum + (typeof r.bytes === 'number' ? r.bytes : 0), 0) +
    sent.slice(fromService).reduce((sum, r) => sum + r.bytes, 0);
  const r = await page.evaluate(() => {
    const t = window[Symbol.for('khabar.bench')];
    return { card: t.card, fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime, longTasks: t.longTasks, cls: t.cls };
  });
  await page.close();
  return { ms: card ? r.card : r.fcp, longest: Math.max(0, ...r.longTasks), longTotal: r.longTasks.reduce((a, b) => a + b, 0), cls: r.cls, transferred, brotli };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
console.log(`service cards vs static blockquotes vs the wasm embed: Chromium ${browser.version()}, ${runs} runs each, median, 127.0.0.1`);
for (const warm of [false, true]) {
  const rows = {};
  for (const [name, card] of [['static', false], ['service', true], ['preload', true], ['wasm', true]]) {
    const out = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addInitScript(probe);
      if (warm) await measure(context, `/build/service-bench/${name}.html`, card);
      out.push(await measure(context, `/build/service-bench/${name}.html`, card));
      await context.close();
    }
    rows[name] = Object.fromEntries(Object.keys(out[0]).map((k) => [k, median(out.map((r) => r[k]))]));
  }
  console.log(`${warm ? 'warm' : 'cold'} cache:`);
  for (const [name, r] of Object.entries(rows)) {
    const paint = name === 'static' ? 'first paint' : 'first card painted';
    const ratio = name === 'static' ? '' : ` (${(r.ms / rows.static.ms).toFixed(2)}x the static page)`;
    console.log(`  ${name.padEnd(7)} ${paint} ${r.ms.toFixed(0)} ms${ratio}; longest task ${r.longest.toFixed(0)} ms (total ${r.longTotal.toFixed(0)} ms); CLS ${r.cls.toFixed(4)}; sent ${kb(r.transferred)}; bodies brotli ${kb(r.brotli)} (${kb(r.brotli - rows.static.brotli)} beyond the static page)`);
  }
}
await browser.close();
await close();
await server.close();
