// The one-line embed on a page of 50 cards: one wasm instance, nothing fetched below the
// fold until scrolled to, no layout shift, no new window property, no cookies, and no
// requests but the articles and the package's own files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, settled, testLog, useServerAndBrowser } from './helpers.mjs';

let server, browser;
useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

const articleRequests = () => server.requests.filter((r) => r.path.startsWith('/examples/partner/articles/'));

test('50 cards: lazy, one wasm instantiation, CLS 0, no globals, only own requests', async () => {
  server.reset();
  const { page, context, pageErrors } = await openPage(browser);
  await page.goto(server.url('/examples/partner/fifty.html'));
  await page.waitForLoadState('load');
  await settled(page, 'khabar-card:has(> #card-1), khabar-card:has(> #card-2)', { count: 2 });
  // Wait for the cards near the viewport, then give the page a moment: nothing else may load.
  await page.waitForTimeout(500);
  const visible = await page.$$eval('khabar-card', (cards) => cards.filter((c) => c.dataset.state === 'ready').length);
  const fetchedEarly = articleRequests().length;
  assert.ok(visible >= 2 && visible <= 4, `cards rendered before scrolling: ${visible}`);
  assert.equal(fetchedEarly, visible, 'an article is fetched only for a card near the viewport');
  assert.equal(await page.$eval('#card-50', (b) => b.parentElement.dataset.state), undefined);

  // Scroll through the page as a reader would.
  for (let n = 1; n <= 50; n += 2) {
    await page.$eval(`khabar-card:has(> #card-${n})`, (el) => el.scrollIntoView({ block: 'center' }));
    await settled(page, `khabar-card:has(> #card-${n})`);
  }
  await settled(page, 'khabar-card', { count: 50 });
  const states = await page.$$eval('khabar-card', (cards) => cards.map((c) => c.dataset.state));
  assert.deepEqual([...new Set(states)], ['ready']);
  assert.equal(articleRequests().length, 50);

  const log = await testLog(page);
  assert.equal(log.instantiations, 0, 'WebAssembly.instantiate(Streaming) calls on the main thread: the cards render in the worker');
  assert.equal(server.count('khabar-core.wasm'), 1);
  assert.equal(server.count('khabar-icu-base.dat'), 1);
  assert.equal(server.count('khabar-icu-ar.dat'), 1); // each language's data once, for all cards
  assert.equal(log.cls, 0, `layout shifts: ${JSON.stringify(log.shifts)}`);
  assert.deepEqual(log.addedGlobals, []);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(pageErrors, []);
  assert.equal(await page.evaluate(() => document.cookie), '');
  assert.deepEqual(await context.cookies(), []);
  const own = /^\/(examples\/partner\/|web\/dist\/(khabar\.js|khabar\.css|worker\.js|khabar-core\.wasm|khabar-icu-(base|ar|en|fa|fr|he|ur)\.dat)$)/;
  const foreign = server.requests.filter((r) => !own.test(r.path)).map((r) => r.path);
  assert.deepEqual(foreign, []);
  // The page's own request, its stylesheets, the script, the worker (index.js and the glue in
  // it), the wasm, the shared ICU data with English's, and that of the cards' other languages
  // (ar, fr), 50 articles.
  const packageFiles = server.requests.filter((r) => r.path.startsWith('/web/dist/')).map((r) => r.path).sort();
  assert.deepEqual(packageFiles, [
    '/web/dist/khabar-core.wasm',
    '/web/dist/khabar-icu-ar.dat',
    '/web/dist/khabar-icu-base.dat',
    '/web/dist/khabar-icu-en.dat',
    '/web/dist/khabar-icu-fr.dat',
    '/web/dist/khabar.css',
    '/web/dist/khabar.js',
    '/web/dist/worker.js',
  ]);
  await context.close();
});

test('a card below the fold loads nothing (not even the wasm) until scrolled to', async () => {
  server.reset();
  const { page, context } = await openPage(browser);
  await page.goto(server.url('/tests/js/browser/pages/below-fold.html'));
  await page.waitForLoadState('load');
  await page.waitForFunction(() => customElements.get('khabar-card') && document.querySelector('khabar-card'));
  await page.waitForTimeout(800);
  assert.equal(server.count('seed-ar.json'), 0);
  assert.equal(server.count('/web/dist/index.js'), 0);
  assert.equal(server.count('/web/dist/worker.js'), 0);
  assert.equal(server.count('khabar-core.wasm'), 0);
  assert.equal(server.count('khabar-icu-'), 0);
  await page.$eval('khabar-card', (el) => el.scrollIntoView());
  await settled(page);
  assert.equal(await page.$eval('khabar-card', (el) => el.dataset.state), 'ready');
  assert.equal(server.count('seed-ar.json'), 1);
  assert.equal(server.count('khabar-core.wasm'), 1);
  // An Arabic card needs the shared data and Arabic's, not English's (issue 12).
  assert.equal(server.count('khabar-icu-base.dat'), 1);
  assert.equal(server.count('khabar-icu-ar.dat'), 1);
  assert.equal(server.count('khabar-icu-en.dat'), 0);
  await context.close();
});

test('a blockquote added later is upgraded too; the fallback link stays readable without script', async () => {
  const { page, context } = await openPage(browser);
  await page.goto(server.url('/examples/partner/index.html'));
  await settled(page, 'khabar-card', { count: 2 });
  await page.evaluate(() => {
    const q = document.createElement('blockquote');
    q.className = 'khabar-card';
    q.id = 'late';
    q.dataset.src = 'articles/interpol-en.json';
    q.lang = 'en';
    q.innerHTML = '<a href="https://news.example/en/2025/11/21/interpol-morocco">Interpol praises Morocco</a>';
    document.querySelector('main').append(q);
  });
  await settled(page, 'khabar-card:has(> #late)');
  const state = await page.$eval('#late', (q) => q.parentElement.dataset.state);
  assert.equal(state, 'ready');
  await context.close();

  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto(server.url('/examples/partner/index.html'));
  const link = await plain.$eval('blockquote.khabar-card a', (a) => [a.textContent, a.href, a.getBoundingClientRect().height > 0]);
  assert.deepEqual(link, [
    'الإنتربول يشيد من مراكش بالمغرب نموذج عالمي في التعاون الأمني',
    'https://news.example/ar/2025/11/21/interpol-marrakech',
    true,
  ]);
  await noScript.close();
});
