// Failures never reach the host page: each one keeps the fallback blockquote as it was (or
// shows a compact error when there is none), warns once with its stable code, throws nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cardInfo, openPage, settled, testLog, useServerAndBrowser } from './helpers.mjs';

let server, browser;
useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

const strictCsp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https:; report-uri /_csp-report";

// The element's events, as a page's listener on document sees them (they bubble); kept behind
// a Symbol so no window property is added.
const recordEvents = () => {
  const events = [];
  Object.defineProperty(window, Symbol.for('khabar.events'), { value: events });
  for (const type of ['khabar-ready', 'khabar-error']) {
    document.addEventListener(type, (e) => {
      const card = e.target;
      events.push({ type, id: card.id || card.querySelector(':scope > blockquote')?.id, detail: e.detail });
    });
  }
};
const events = (page) => page.evaluate(() => window[Symbol.for('khabar.events')]);

// Opens `path`, keeps each blockquote's markup before the script runs, waits for the cards.
async function openFailing(path, count) {
  const session = await openPage(browser, { viewport: { width: 1280, height: 3000 } });
  const { page } = session;
  await page.addInitScript(recordEvents);
  await page.goto(server.url(path));
  await settled(page, 'khabar-card', { count, timeout: 15000 });
  return session;
}

function warningsFor(consoleLog, code) {
  return consoleLog.filter((m) => m.type === 'warning' && m.text.startsWith('<khabar-card>') && m.text.includes(` ${code}:`));
}

async function assertFallback(page, id) {
  const info = await cardInfo(page, `khabar-card:has(> #${id})`);
  assert.equal(info.state, 'failed', id);
  assert.deepEqual(info.slotted, ['blockquote'], `${id}: the blockquote is shown through the slot`);
  const visible = await page.$eval(`#${id}`, (q) => q.getBoundingClientRect().height > 0 && q.querySelector('a').href);
  assert.ok(visible, `${id}: the fallback link is visible`);
}

test('a 404, a timeout, invalid JSON, an unsafe URL, and a card with no fallback', async () => {
  const { page, context, console: log, pageErrors } = await openFailing('/tests/js/browser/pages/article-failures.html', 5);
  const cases = {
    missing: ['fetch.http_status', '/_fault/404/article.json'],
    slow: ['fetch.timeout', '/_fault/slow/article.json'],
    invalid: ['parse.invalid_json', ''],
    unsafe: ['fetch.unsafe_url', 'javascript:'],
  };
  for (const [id, [code, where]] of Object.entries(cases)) {
    await assertFallback(page, id);
    const named = warningsFor(log, code).filter((m) => m.text.includes(where));
    assert.equal(named.length, 1, `${id}: one warning naming ${code}`);
  }
  const bare = await cardInfo(page, '#bare');
  assert.equal(bare.state, 'failed');
  assert.match(bare.error, /127\.0\.0\.1/, 'a compact error state names the host');
  assert.equal(warningsFor(log, 'fetch.http_status').filter((m) => m.text.includes('/_fault/404/bare.json')).length, 1);
  // One warning per failed card, and nothing else reached the console or the page.
  const warnings = log.filter((m) => m.type === 'warning' && m.text.startsWith('<khabar-card>'));
  assert.equal(warnings.length, 5);
  // And one khabar-error event per card, with its code; no khabar-ready.
  const fired = await events(page);
  const codes = Object.fromEntries(fired.map((e) => [e.id, e.type === 'khabar-error' ? e.detail.code : e.type]));
  assert.deepEqual(codes, { ...Object.fromEntries(Object.entries(cases).map(([id, [code]]) => [id, code])), bare: 'fetch.http_status' });
  assert.equal(fired.length, 5);
  for (const e of fired) assert.match(e.detail.message, /\S/, `${e.id}: the event carries a message`);
  assert.deepEqual(log.filter((m) => m.type === 'error' && !/Failed to load resource/.test(m.text)), []);
  assert.deepEqual(pageErrors, []);
  assert.deepEqual((await testLog(page)).errors, []);
  await context.close();
});

test('a failing wasm download (HTTP 500)', async () => {
  const { page, context, console: log, pageErrors } = await openFailing('/tests/js/browser/pages/wasm-failure.html', 1);
  await assertFallback(page, 'card');
  assert.equal(warningsFor(log, 'load.wasm_failed').length, 1);
  assert.deepEqual((await events(page)).map((e) => [e.type, e.detail?.code]), [['khabar-error', 'load.wasm_failed']]);
  assert.deepEqual(pageErrors, []);
  assert.deepEqual((await testLog(page)).errors, []);
  await context.close();
});

// The CSP as a site-wide header: on the page and on the worker, whose own response's policy
// is the one that governs its wasm; the code comes back through the worker.
test("wasm refused by the site's CSP (no 'wasm-unsafe-eval')", async () => {
  const noWasm = { 'content-security-policy': strictCsp.replace(" 'wasm-unsafe-eval'", '') };
  server.setHeaders('/tests/js/browser/pages/csp-no-wasm.html', noWasm);
  server.setHeaders('/web/dist/worker.js', noWasm);
  const { page, context, console: log, pageErrors } = await openFailing('/tests/js/browser/pages/csp-no-wasm.html', 2);
  await assertFallback(page, 'card');
  assert.equal(warningsFor(log, 'load.wasm_blocked').length, 2, 'one warning for each of the two cards');
  assert.deepEqual((await events(page)).map((e) => [e.type, e.detail?.code]), [['khabar-error', 'load.wasm_blocked'], ['khabar-error', 'load.wasm_blocked']]);
  const inline = await cardInfo(page, '#inline');
  assert.equal(inline.state, 'failed');
  assert.ok(inline.error, 'a compact error state: the inline card has no fallback to show');
  assert.deepEqual(pageErrors, []);
  assert.deepEqual((await testLog(page)).errors, []);
  await context.close();
  server.setHeaders('/web/dist/worker.js', {});
});

test('after a failure the core loads again for the next card (the failed load is not cached)', async () => {
  const { page, context } = await openFailing('/tests/js/browser/pages/article-failures.html', 5);
  await page.evaluate(() => {
    const q = document.createElement('blockquote');
    q.className = 'khabar-card';
    q.id = 'good';
    q.dataset.src = '/examples/partner/articles/seed-ar.json';
    q.innerHTML = '<a href="https://news.example/ar">خبر</a>';
    document.body.append(q);
  });
  await settled(page, 'khabar-card:has(> #good)');
  assert.equal((await cardInfo(page, 'khabar-card:has(> #good)')).state, 'ready');
  await context.close();
});

export { strictCsp };
