// The core off the main thread: the embed and the element render in one module worker
// (web/dist/worker.js), the same bytes as on the main thread, with the same error codes; where
// no worker can start (no Worker, a CSP that refuses it, the package on another origin under a
// strict CSP) or the page asks for it, the cards render on the main thread with no error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { cardInfo, openPage, repoRoot, settled, startServer, testLog, useServerAndBrowser } from './helpers.mjs';

let server, browser;
useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

const hideWorker = () => {
  delete window.Worker; // a browser without workers: the element must not need one
};
const recordEvents = () => {
  const events = [];
  Object.defineProperty(window, Symbol.for('khabar.events'), { value: events });
  for (const type of ['khabar-ready', 'khabar-error']) {
    document.addEventListener(type, (e) => events.push({ type, id: e.target.id || e.target.querySelector(':scope > blockquote')?.id, detail: e.detail }));
  }
};

// Opens `path` and waits for `count` cards; `workers` are the URLs of the workers the page started.
async function open(path, { count = 1, noWorker = false, height = 800, selector = 'khabar-card' } = {}) {
  const session = await openPage(browser, { viewport: { width: 1280, height } });
  const workers = [];
  session.page.on('worker', (w) => workers.push(w.url()));
  if (noWorker) await session.page.addInitScript(hideWorker);
  await session.page.addInitScript(recordEvents);
  await session.page.goto(server.url(path));
  await settled(session.page, selector, { count, timeout: 15000 });
  const log = await testLog(session.page);
  const events = await session.page.evaluate(() => window[Symbol.for('khabar.events')]);
  return { ...session, workers, log, events };
}

const khabarWarnings = (log) => log.filter((m) => m.type === 'warning' && m.text.startsWith('<khabar-card>'));
const shadows = (page) => page.$$eval('khabar-card', (cards) => cards.map((c) => [c.dataset.state, c.shadowRoot.innerHTML]));

test('the cards of a page render in one module worker: no wasm on the main thread', async () => {
  server.reset();
  const { page, context, workers, log, pageErrors } = await open('/examples/partner/fifty.html', { count: 2, selector: 'khabar-card:has(> #card-1), khabar-card:has(> #card-2)' });
  await page.$eval('khabar-card:has(> #card-7)', (el) => el.scrollIntoView({ block: 'center' }));
  await settled(page, 'khabar-card:has(> #card-7)');
  const ready = await page.$$eval('khabar-card', (cards) => cards.filter((c) => c.dataset.state === 'ready').length);
  assert.ok(ready >= 3, `cards ready: ${ready}`);
  assert.deepEqual(workers, [server.url('/web/dist/worker.js')], 'one worker for every card');
  assert.equal((await testLog(page)).instantiations, 0, 'no WebAssembly instantiated on the main thread');
  assert.equal(server.count('/web/dist/worker.js'), 1);
  assert.equal(server.count('khabar-core.wasm'), 1);
  assert.equal(server.count('/web/dist/index.js'), 0, 'the main-thread module is not loaded');
  assert.deepEqual(log.errors, []);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("the worker's cards are byte for byte the main thread's", async () => {
  const runs = [];
  for (const noWorker of [false, true]) {
    const { page, context, workers, log } = await open('/examples/partner/index.html', { count: 2, noWorker, height: 3000 });
    runs.push({ cards: await shadows(page), workers, instantiations: log.instantiations });
    await context.close();
  }
  const [worker, main] = runs;
  assert.equal(worker.workers.length, 1);
  assert.equal(worker.instantiations, 0);
  assert.deepEqual(main.workers, []);
  assert.equal(main.instantiations, 1);
  assert.ok(worker.cards.length === 2 && worker.cards.every(([state]) => state === 'ready'), JSON.stringify(worker.cards.map(([s]) => s)));
  assert.deepEqual(worker.cards, main.cards);
});

test('the golden cards through worker.js are the expected files', async () => {
  const read = (path) => readFile(`${repoRoot}${path}`, 'utf8');
  const spec = JSON.parse(await read('tests/golden/cards/cases.json'));
  const jobs = [];
  for (const c of spec.cases) for (const locale of c.locales) jobs.push({ name: `${c.name}.${locale}.html`, article: await read(c.input), locale });
  const { page, context } = await openPage(browser);
  await page.goto(server.url('/tests/js/browser/pages/parity.html'));
  const outputs = await page.evaluate(
    ({ jobs, now, timeZone }) =>
      new Promise((resolve, reject) => {
        const worker = new Worker('/web/dist/worker.js', { type: 'module' });
        const out = [];
        worker.onerror = () => reject(new Error('the worker did not start'));
        worker.onmessage = ({ data }) => {
          if (data.ready) return; // the worker runs: the messages below were queued for it
          out[data.id] = data.error ? `error ${data.error.code}: ${data.error.message}` : data.html;
          if (Object.keys(out).length === jobs.length) resolve(out);
        };
        worker.postMessage({ load: {} });
        jobs.forEach(({ article, locale }, id) => worker.postMessage({ id, article, options: { locale, now, timeZone } }));
      }),
    { jobs, now: spec.now, timeZone: spec.time_zone },
  );
  assert.equal(outputs.length, jobs.length);
  for (const [i, { name }] of jobs.entries()) assert.equal(`${outputs[i]}\n`, await read(`tests/golden/cards/expected/${name}`), name);
  await context.close();
});

test('failures keep their codes and messages through the worker', async () => {
  for (const [path, count] of [['/tests/js/browser/pages/article-failures.html', 5], ['/tests/js/browser/pages/wasm-failure.html', 1]]) {
    const runs = [];
    for (const noWorker of [false, true]) {
      const { context, workers, events, console: log, pageErrors } = await open(path, { count, noWorker, height: 3000 });
      runs.push({ workers, events: events.sort((a, b) => a.id.localeCompare(b.id)), warnings: khabarWarnings(log).map((m) => m.text).sort(), pageErrors });
      await context.close();
    }
    const [worker, main] = runs;
    assert.equal(worker.workers.length, 1, `${path}: rendered through the worker`);
    assert.deepEqual(main.workers, []);
    assert.equal(worker.events.length, count);
    assert.ok(worker.events.every((e) => e.type === 'khabar-error' && /^[a-z]+\.[a-z_]+$/.test(e.detail.code)), JSON.stringify(worker.events));
    assert.deepEqual(worker.events, main.events, `${path}: the same events`);
    assert.deepEqual(worker.warnings, main.warnings, `${path}: the same warnings`);
    assert.deepEqual([...worker.pageErrors, ...main.pageErrors], []);
  }
});

// The main-thread fallbacks: each renders the card, fires khabar-ready, warns nothing.
async function assertMainThread(run, why, cards = 1) {
  const { page, workers, log, events, console: consoleLog, pageErrors } = run;
  const states = await page.$$eval('khabar-card', (all) => all.map((c) => c.dataset.state));
  assert.deepEqual(states, Array(cards).fill('ready'), why);
  assert.deepEqual(events.map((e) => e.type), Array(cards).fill('khabar-ready'), why);
  assert.equal(log.instantiations, 1, `${why}: the core on the main thread`);
  assert.deepEqual(khabarWarnings(consoleLog), [], why);
  assert.deepEqual(log.errors, [], why);
  assert.deepEqual(pageErrors, [], why);
  return workers;
}

test('no Worker in the browser: the main thread, no error', async () => {
  server.reset();
  const run = await open('/tests/js/browser/pages/csp.html', { count: 2, noWorker: true });
  assert.deepEqual(await assertMainThread(run, 'no Worker', 2), []);
  assert.equal(server.count('/web/dist/worker.js'), 0);
  await run.context.close();
});

test('a worker that never says it is ready: the main thread after 10 s, no error', async () => {
  const run = await open('/tests/js/browser/pages/silent-worker.html', { count: 1 });
  assert.deepEqual(await assertMainThread(run, 'silent worker'), [server.url('/tests/js/browser/pages/silent-worker.js')]);
  await run.context.close();
});

test('data-worker="false" on the script keeps the main thread', async () => {
  server.reset();
  const run = await open('/tests/js/browser/pages/no-worker.html');
  assert.deepEqual(await assertMainThread(run, 'data-worker=false'), []);
  assert.equal(server.count('/web/dist/worker.js'), 0);
  await run.context.close();
});

test("a CSP that refuses the worker (worker-src 'none'): the main thread, no error", async () => {
  const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src https:; worker-src 'none'";
  server.setHeaders('/tests/js/browser/pages/cross-origin.html', { 'content-security-policy': csp });
  const run = await open(`/tests/js/browser/pages/cross-origin.html?embed=${encodeURIComponent('/web/dist/khabar.js')}`);
  assert.deepEqual(await assertMainThread(run, "worker-src 'none'"), []);
  assert.deepEqual(run.log.violations, [`worker-src ${server.url('/web/dist/worker.js')}`], 'the one refusal is the worker');
  await run.context.close();
});

// The package on another origin (a CDN, with CORS): a module worker must have the page's
// origin, so the embed starts a blob: module that imports worker.js. Under a CSP that allows
// no blob: worker, the main thread.
test('the embed from another origin: a blob: worker, or the main thread under a strict CSP', async () => {
  const cdn = await startServer();
  try {
    for (const file of ['khabar.js', 'worker.js', 'index.js', 'khabar-core.mjs', 'khabar-core.wasm', 'khabar-icu-base.dat', 'khabar-icu-ar.dat']) {
      cdn.setHeaders(`/web/dist/${file}`, { 'access-control-allow-origin': '*' });
    }
    const page = `/tests/js/browser/pages/cross-origin.html?embed=${encodeURIComponent(cdn.url('/web/dist/khabar.js'))}`;
    const strict = `default-src 'self'; script-src 'self' ${cdn.origin} 'wasm-unsafe-eval'; connect-src 'self' ${cdn.origin}; style-src 'self'; img-src https:`;
    const cases = [
      { csp: null, worker: true },
      { csp: strict, worker: false },
      { csp: `${strict}; worker-src blob: ${cdn.origin}`, worker: true },
    ];
    for (const { csp, worker } of cases) {
      cdn.reset();
      server.reset();
      server.setHeaders('/tests/js/browser/pages/cross-origin.html', csp ? { 'content-security-policy': csp } : {});
      const run = await open(page);
      const why = `CSP ${csp ?? 'none'}`;
      if (worker) {
        assert.equal(run.workers.length, 1, why);
        assert.match(run.workers[0], /^blob:http:\/\/127\.0\.0\.1:/, why);
        assert.equal(run.log.instantiations, 0, why);
        assert.equal((await cardInfo(run.page)).state, 'ready', why);
        assert.deepEqual(run.log.violations, [], why);
        assert.equal(cdn.count('/web/dist/worker.js'), 1, why);
        assert.equal(cdn.count('/web/dist/index.js'), 0, why);
      } else {
        assert.deepEqual(await assertMainThread(run, why), []);
        assert.deepEqual(run.log.violations, ['worker-src blob'], `${why}: the one refusal is the blob: worker`);
        assert.equal(cdn.count('/web/dist/worker.js'), 0, why);
      }
      assert.ok(cdn.count('khabar-core.wasm') === 1 && server.count('khabar-core.wasm') === 0, `${why}: the package's files come from the CDN`);
      await run.context.close();
    }
  } finally {
    await cdn.close();
  }
});
