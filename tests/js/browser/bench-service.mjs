// Cards from the service (the script alone; the card's request preloaded in the head; preloaded in
// the pasted snippet) against static blockquotes, the card inlined in the page's HTML, and the
// wasm embed, in one Chromium run (numbers, not pass/fail): first card painted, long tasks, CLS,
// bytes as the servers sent them (bodies) and the brotli size of every body.
//   node tests/js/browser/bench-service.mjs [rounds]      (make bench-service-browser)
// The service runs in this process behind node:http on 127.0.0.1, brotli-compressed as a CDN
// would; its outgoing fetch reaches the static test server only.
//
// "Painted" is when the browser presented the frame, as first-contentful-paint is: the static page
// gives its FCP; a page whose card arrives later gives the render time (Element Timing) of a
// one-dot marker the probe adds in the very task that makes the card ready, so it is painted in
// the card's own frame; the inlined page has such a marker just after the card (service-pages.mjs:
// its FCP can come before the card, whose stylesheet holds back what follows it). (A timer after
// requestAnimationFrame, used before, stops when the main thread has painted, before raster and
// presentation: 4-66 ms early on this machine.)
// Each round loads every page once, in turn, so that the machine's load drifts alike for all;
// the ratios are the medians of each round's ratio to that round's static page.
import { readFile } from 'node:fs/promises';
import { brotliCompressSync, constants } from 'node:zlib';
import { launch, repoRoot, startServer } from './helpers.mjs';
import { startServicePages } from './service-pages.mjs';

const rounds = Number(process.argv[2]) || 7;
const server = await startServer();
const { sent, close } = await startServicePages(server, 'service-bench');
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
const browser = await launch({ args: ['--host-resolver-rules=MAP news.example 127.0.0.1'] });

const probe = () => {
  const t = { longTasks: [], cls: 0 };
  Object.defineProperty(window, Symbol.for('khabar.bench'), { value: t });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => t.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => !e.hadRecentInput && (t.cls += e.value))).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => e.identifier === 'khabar-bench' && (t.painted = e.renderTime || e.loadTime))).observe({ type: 'element', buffered: true });
  new MutationObserver(() => {
    if (t.ready === undefined && document.querySelector('khabar-card[data-state="ready"]')) {
      t.ready = performance.now();
      const marker = document.createElement('span');
      marker.setAttribute('elementtiming', 'khabar-bench');
      marker.textContent = '.';
      marker.style.cssText = 'position:fixed;top:0;left:0;font-size:4px;color:#888';
      document.body.append(marker);
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
};

// Each page, and whether a marker times its card (all but the static page, timed by its FCP).
const PAGES = { static: false, inline: true, service: true, preload: true, snippet: true, wasm: true };
async function measure(context, name) {
  const page = await context.newPage();
  const fromStatic = server.requests.length;
  const fromService = sent.length;
  await page.goto(server.url(`/build/service-bench/${name}.html`));
  if (PAGES[name]) await page.waitForFunction(() => window[Symbol.for('khabar.bench')].painted > 0, null, { timeout: 30000, polling: 20 });
  else await page.waitForLoadState('load');
  await page.waitForTimeout(500);
  const brotli = await servedBrotli(fromStatic, fromService);
  // As sent (gzip from the static server, brotli from the service), bodies only.
  const transferred = server.requests.slice(fromStatic).reduce((sum, r) => sum + (typeof r.bytes === 'number' ? r.bytes : 0), 0) +
    sent.slice(fromService).reduce((sum, r) => sum + r.bytes, 0);
  const r = await page.evaluate(() => {
    const t = window[Symbol.for('khabar.bench')];
    return { ready: t.ready, painted: t.painted, fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime, longTasks: t.longTasks, cls: t.cls };
  });
  await page.close();
  return {
    ms: PAGES[name] ? r.painted : r.fcp,
    ready: r.ready ?? r.painted ?? r.fcp, // the inlined card is ready when it is parsed: its paint
    longest: Math.max(0, ...r.longTasks),
    longTotal: r.longTasks.reduce((a, b) => a + b, 0),
    cls: r.cls,
    transferred,
    brotli,
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
console.log(`service cards vs static blockquotes, the card inlined and the wasm embed: Chromium ${browser.version()}, ${rounds} rounds, medians, 127.0.0.1`);
for (const warm of [false, true]) {
  const runs = Object.fromEntries(Object.keys(PAGES).map((name) => [name, []]));
  for (let i = 0; i < rounds; i++) {
    for (const name of Object.keys(PAGES)) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addInitScript(probe);
      if (warm) await measure(context, name);
      runs[name].push(await measure(context, name));
      await context.close();
    }
  }
  console.log(`${warm ? 'warm' : 'cold'} cache:`);
  for (const [name, out] of Object.entries(runs)) {
    const r = Object.fromEntries(Object.keys(out[0]).map((k) => [k, median(out.map((x) => x[k]))]));
    const staticRuns = runs.static;
    const what = name === 'static' ? `first paint ${r.ms.toFixed(0)} ms` : name === 'inline' ? `card painted ${r.ms.toFixed(0)} ms (in the page's HTML)` : `first card painted ${r.ms.toFixed(0)} ms (ready ${r.ready.toFixed(0)} ms)`;
    const ratio = name === 'static' ? '' : ` ${median(out.map((x, j) => x.ms / staticRuns[j].ms)).toFixed(2)}x the static page;`;
    const staticBrotli = median(staticRuns.map((x) => x.brotli));
    console.log(`  ${name.padEnd(7)} ${what};${ratio} longest task ${r.longest.toFixed(0)} ms (total ${r.longTotal.toFixed(0)} ms); CLS ${r.cls.toFixed(4)}; sent ${kb(r.transferred)}; bodies brotli ${kb(r.brotli)} (${kb(r.brotli - staticBrotli)} beyond the static page)`);
  }
}
await browser.close();
await close();
await server.close();
