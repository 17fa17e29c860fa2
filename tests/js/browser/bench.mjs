// The embed's cost in Chromium (numbers, not pass/fail): time from navigation to the first
// card painted, cold and warm cache, against the same page with only the static blockquotes;
// long tasks on the main thread; bytes served with 1 and with 50 cards. Each figure for
// the cards rendered in the worker (the default) and on the main thread (the fallback, forced
// by hiding Worker before the page's scripts run), side by side in the same run.
//   tests/js/run.sh bench [runs]
import { launch, startServer } from './helpers.mjs';

const runs = Number(process.argv[2]) || 5;
const server = await startServer();
// No request interception here: Playwright's routing turns the HTTP cache off. The pictures'
// host resolves to this machine instead, where nothing listens on 443 (a fast failure).
const browser = await launch({ args: ['--host-resolver-rules=MAP news.example 127.0.0.1'] });

// Paint of the first card: a requestAnimationFrame after data-state turns ready; the static
// page's counterpart is its first contentful paint (the blockquote's text).
const probe = () => {
  const key = Symbol.for('khabar.bench');
  const t = { longTasks: [] };
  Object.defineProperty(window, key, { value: t });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => t.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    if (t.card === undefined && document.querySelector('khabar-card[data-state="ready"]')) {
      t.card = -1;
      requestAnimationFrame(() => setTimeout(() => (t.card = performance.now()), 0));
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
};

// Bytes as the server sent them (response bodies, gzip): the page's CDP session does not see
// a worker's requests, the server sees every one.
const served = (from) => server.requests.slice(from).reduce((sum, r) => sum + (typeof r.bytes === "number" ? r.bytes : 0), 0); // a 304 has none

async function measure(context, path, { card }) {
  const page = await context.newPage();
  const from = server.requests.length;
  await page.goto(server.url(path));
  if (card) await page.waitForFunction(() => window[Symbol.for('khabar.bench')].card > 0, null, { timeout: 30000, polling: 20 });
  else await page.waitForLoadState('load');
  await page.waitForTimeout(300);
  const r = await page.evaluate(() => {
    const t = window[Symbol.for('khabar.bench')];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
    return { card: t.card, fcp, longTasks: t.longTasks };
  });
  await page.close();
  return { ms: card ? r.card : r.fcp, longTasks: r.longTasks, bytes: served(from) };
}

// The main-thread path: a browser without Worker, which the element falls back from.
const hideWorker = () => {
  delete window.Worker;
};
const threads = { worker: 'worker', main: 'main thread' };

async function newContext(thread) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(probe);
  if (thread === 'main') await context.addInitScript(hideWorker);
  return context;
}

async function series(path, { card, warm, thread = 'worker' }) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const context = await newContext(thread);
    if (warm) await measure(context, path, { card }); // fills the HTTP cache
    out.push(await measure(context, path, { card }));
    await context.close();
  }
  return out;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${ms.toFixed(0)} ms`;
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;

const longTaskLine = (long) => {
  const over50 = long.map((l) => l.filter((d) => d > 50).length);
  const total = long.map((l) => l.reduce((a, b) => a + b, 0));
  return `long tasks: median count ${median(long.map((l) => l.length))} (over 50 ms: median ${median(over50)}, max ${Math.max(...over50)}), median total ${fmt(median(total))}, longest ${fmt(Math.max(0, ...long.flat()))}`;
};

console.log(`khabar embed benchmark: Chromium ${browser.version()}, ${runs} runs each, median; gzip on, localhost; bytes: response bodies as served`);
for (const warm of [false, true]) {
  const label = warm ? 'warm cache' : 'cold cache';
  const statics = await series('/tests/js/browser/pages/static-blockquote.html', { card: false, warm });
  const s = median(statics.map((r) => r.ms));
  console.log(`${label}: static blockquote page first paint ${fmt(s)}, bytes ${kb(median(statics.map((r) => r.bytes)))}`);
  // Alternated run by run would mix caches; one series each, worker first, then main thread.
  for (const thread of ['worker', 'main']) {
    const cards = await series('/examples/partner/index.html', { card: true, warm, thread });
    const c = median(cards.map((r) => r.ms));
    console.log(`  ${threads[thread]}: first card painted ${fmt(c)} (${(c / s).toFixed(1)}x static); bytes ${kb(median(cards.map((r) => r.bytes)))}`);
    console.log(`    ${longTaskLine(cards.map((r) => r.longTasks))}`);
  }
}

// 50 cards: scroll through so every card renders; bytes and long tasks for the whole scroll.
for (const thread of ['worker', 'main']) {
  const context = await newContext(thread);
  const page = await context.newPage();
  const from = server.requests.length;
  await page.goto(server.url('/examples/partner/fifty.html'));
  for (let n = 1; n <= 50; n++) {
    await page.$eval(`khabar-card:has(> #card-${n}), #card-${n}`, (el) => el.scrollIntoView({ block: 'center' }));
    await page.waitForFunction((n) => document.querySelector(`#card-${n}`).parentElement.dataset.state === 'ready', n, { polling: 20 });
  }
  const long = await page.evaluate(() => window[Symbol.for('khabar.bench')].longTasks);
  console.log(`50 cards (scrolled through), ${threads[thread]}: bytes served ${kb(served(from))}; long tasks ${long.length} ` +
    `(over 50 ms: ${long.filter((d) => d > 50).length}), total ${fmt(long.reduce((a, b) => a + b, 0))}, longest ${fmt(Math.max(0, ...long))}`);
  await context.close();
}
await browser.close();
await server.close();
