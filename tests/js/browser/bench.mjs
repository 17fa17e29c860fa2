// The embed's cost in Chromium (numbers, not pass/fail): time from navigation to the first
// card painted, cold and warm cache, against the same page with only the static blockquotes;
// long tasks on the main thread; bytes transferred with 1 and with 50 cards.
//   tests/browser/run.sh bench [runs]
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

async function measure(context, path, { card }) {
  const page = await context.newPage();
  let bytes = 0;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
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
  return { ms: card ? r.card : r.fcp, longTasks: r.longTasks, bytes };
}

async function series(path, { card, warm }) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(probe);
    if (warm) await measure(context, path, { card }); // fills the HTTP cache
    out.push(await measure(context, path, { card }));
    await context.close();
  }
  return out;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${ms.toFixed(0)} ms`;
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;

console.log(`khabar embed benchmark: Chromium ${browser.version()}, ${runs} runs each, median; gzip on, localhost`);
for (const warm of [false, true]) {
  const label = warm ? 'warm cache' : 'cold cache';
  const cards = await series('/examples/partner/index.html', { card: true, warm });
  const statics = await series('/tests/js/browser/pages/static-blockquote.html', { card: false, warm });
  const c = median(cards.map((r) => r.ms));
  const s = median(statics.map((r) => r.ms));
  const long = cards.map((r) => r.longTasks);
  console.log(`${label}: first card painted ${fmt(c)}; static blockquote page first paint ${fmt(s)}; ratio ${(c / s).toFixed(1)}x`);
  console.log(`  long tasks (card page): median count ${median(long.map((l) => l.length))}, median total ${fmt(median(long.map((l) => l.reduce((a, b) => a + b, 0))))}, longest ${fmt(Math.max(0, ...long.flat()))}`);
  console.log(`  bytes transferred: card page ${kb(median(cards.map((r) => r.bytes)))}, static page ${kb(median(statics.map((r) => r.bytes)))}`);
}

// Bytes with 50 cards: scroll through so every card renders.
{
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(probe);
  const page = await context.newPage();
  let bytes = 0;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
  await page.goto(server.url('/examples/partner/fifty.html'));
  for (let n = 1; n <= 50; n++) {
    await page.$eval(`khabar-card:has(> #card-${n}), #card-${n}`, (el) => el.scrollIntoView({ block: 'center' }));
    await page.waitForFunction((n) => document.querySelector(`#card-${n}`).parentElement.dataset.state === 'ready', n, { polling: 20 });
  }
  const long = await page.evaluate(() => window[Symbol.for('khabar.bench')].longTasks);
  console.log(`50 cards (scrolled through): bytes transferred ${kb(bytes)}; long tasks ${long.length}, total ${fmt(long.reduce((a, b) => a + b, 0))}, longest ${fmt(Math.max(0, ...long))}`);
  await context.close();
}
await browser.close();
await server.close();
