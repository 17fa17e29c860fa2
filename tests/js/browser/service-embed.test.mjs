// Cards from the service in Chromium: the embed without wasm (data-service, data-card), unsafe
// markup refused, and oEmbed end to end (an article page's <link> discovered, the iframe shown and
// resized by postMessage). The service runs in this process behind node:http on 127.0.0.1; its
// outgoing fetch reaches the static test server only.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createService } from '../../../web/dist/service-node.js';
import { serve } from '../../../examples/service/node.mjs';
import { launch, openPage, repoRoot, startServer, testLog } from './helpers.mjs';

const dir = `${repoRoot}build/service-browser/`;
const now = '2025-11-29T10:00:00+01:00';
let server, browser, http, service, svc;
const violations = [];
const cardRequests = []; // the service's /card requests, as it received them

before(async () => {
  server = await startServer();
  const origin = new URL(server.url('/')).origin;
  const host = new URL(origin).host;
  service = createService({
    scriptUrl: `${origin}/web/dist/khabar.js`, // /snippet's script tag
    allowedOrigins: [origin],
    allowPrivate: [host],
    fetch: (url, init) => {
      if (new URL(url).host !== host) {
        violations.push(url);
        return Promise.reject(new Error('test guard: not the test server'));
      }
      return fetch(url, init);
    },
  });
  http = serve({
    fetch: (request, ...rest) => {
      if (new URL(request.url).pathname === '/card') cardRequests.push(request.url);
      return service.fetch(request, ...rest);
    },
  });
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
  svc = `http://127.0.0.1:${http.address().port}`;
  await mkdir(dir, { recursive: true });
  const seed = `${origin}/examples/seed-article-ar.txt`;
  const csp = `default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ${svc}; img-src 'self' https:; frame-src ${svc}`;
  const page = (body, script = `<script async src="/web/dist/khabar.js" data-service="${svc}/"></script>`) => `<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}">
<link rel="stylesheet" href="/web/dist/khabar.css"><title>partner</title></head>
<body>${body}${script}</body></html>
`;
  const quote = (attrs) => `<blockquote class="khabar-card" ${attrs} lang="ar-MA" data-now="${now}" data-time-zone="Africa/Casablanca"><a href="${seed}">الإنتربول</a></blockquote>`;
  await writeFile(`${dir}service.html`, page(quote(`data-src="${seed}"`)));
  // The snippet a partner pastes for the quickest card, as /snippet writes it: the blockquote names
  // the card's URL (data-card) and a preload beside it asks for that URL while the script loads.
  const snippet = async (locale) =>
    (await fetch(`${svc}/snippet?${new URLSearchParams({ url: seed, locale, now, tz: 'Africa/Casablanca' })}`)).text();
  // Its own khabar.css reserves the card's box: the page's head does not link it here.
  await writeFile(`${dir}snippet.html`, page(`${await snippet('ar-MA')}<p>A paragraph after the card, which must not move.</p>`, '').replace('<link rel="stylesheet" href="/web/dist/khabar.css">', ''));
  // Two such snippets on one page, each with its own copy of the script tag: khabar.js runs twice.
  await writeFile(`${dir}two-snippets.html`, page(`${await snippet('ar-MA')}<p>between</p>\n${await snippet('fr-MA')}`, ''));
  // A card rendered ahead of time (khabar card --format html), served as a static file.
  const card = await (await service.fetch(new Request(`${svc}/card?url=${encodeURIComponent(seed)}&locale=fr-MA&now=${encodeURIComponent(now)}`))).text();
  await writeFile(`${dir}seed.fr-MA.html`, card);
  await writeFile(`${dir}prerendered.html`, page(quote('data-card="/build/service-browser/seed.fr-MA.html"'), '<script async src="/web/dist/khabar.js"></script>'));
  await writeFile(`${dir}evil.fr-MA.html`, card.replace('<article ', '<article onmouseover="alert(1)" '));
  await writeFile(`${dir}evil.html`, page(quote('data-card="/build/service-browser/evil.fr-MA.html"'), '<script async src="/web/dist/khabar.js"></script>'));
  // The publisher's article page, with oEmbed discovery, and a consumer (as WordPress is) that finds it.
  const article = (await readFile(`${repoRoot}tests/golden/readers/page.html`, 'utf8')).replace(
    '<head>',
    `<head>\n<link rel="alternate" type="application/json+oembed" href="${svc}/oembed?url=${encodeURIComponent(`${origin}/build/service-browser/article.html`)}&amp;format=json" title="Interpol praises Morocco">`,
  );
  await writeFile(`${dir}article.html`, article);
  await writeFile(`${dir}consumer.html`, `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}"><title>consumer</title><script src="consumer.js" defer></script></head>
<body><main id="embed"></main></body></html>
`);
  await writeFile(`${dir}consumer.js`, `// An oEmbed consumer: discovers the provider from the article page's <link>, shows its iframe.
addEventListener('message', (event) => {
  const frame = document.querySelector('#embed iframe');
  if (frame && event.source === frame.contentWindow && event.data?.type === 'khabar.resize') {
    frame.height = String(event.data.height);
    frame.dataset.reported = String(event.data.height);
  }
});
(async () => {
  const page = await (await fetch('article.html')).text();
  const doc = new DOMParser().parseFromString(page, 'text/html');
  const link = doc.querySelector('link[rel="alternate"][type="application/json+oembed"]');
  const oembed = await (await fetch(link.href)).json();
  const template = document.createElement('template');
  template.innerHTML = oembed.html;
  const iframe = template.content.querySelector('iframe');
  document.getElementById('embed').append(iframe);
  document.body.dataset.oembed = JSON.stringify({ title: oembed.title, type: oembed.type, height: oembed.height });
})();
`);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await new Promise((resolve) => http?.close(resolve));
  await server?.close();
});

const coreFiles = (s) => s.requests.filter((r) => /khabar-core|khabar-icu|\/web\/dist\/index\.js/.test(r.path)).map((r) => r.path);

// Opens `path` and waits for its first card: the page, its logs, and the card's markup.
async function firstCard(path) {
  const session = await openPage(browser);
  await session.page.goto(server.url(path));
  await session.page.waitForFunction(() => document.querySelector('khabar-card')?.dataset.state === 'ready', null, { timeout: 20000 });
  const html = await session.page.$eval('khabar-card', (el) => el.shadowRoot.querySelector('article').outerHTML);
  return { ...session, html };
}
const seedCard = async () => (await readFile(`${repoRoot}tests/golden/cards/expected/seed.ar-MA.html`, 'utf8')).trimEnd();

test('a blockquote naming the service becomes its card, with no wasm and no ICU data', async () => {
  server.reset();
  const { page, console: logs, pageErrors, html } = await firstCard('/build/service-browser/service.html');
  assert.equal(html, await seedCard());
  assert.equal(await page.$eval('khabar-card', (el) => getComputedStyle(el.shadowRoot.querySelector('.khabar-title')).display !== 'inline'), true);
  assert.deepEqual(coreFiles(server), [], 'no wasm, no ICU data, no core module');
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(logs.filter((m) => m.type === 'warning' || m.type === 'error'), []);
});

test('a blockquote naming a pre-rendered card file adopts it, with no wasm', async () => {
  server.reset();
  const { html } = await firstCard('/build/service-browser/prerendered.html');
  assert.match(html, /^<article class="khabar-card"[^>]* lang="ar"/);
  const file = await readFile(`${dir}seed.fr-MA.html`, 'utf8');
  assert.equal(html, file.trimEnd());
  assert.deepEqual(coreFiles(server), []);
});

test('the snippet with its preload: the card is fetched once, by the preload, and adopted', async () => {
  cardRequests.length = 0;
  const { page, console: logs, pageErrors, html } = await firstCard('/build/service-browser/snippet.html');
  assert.equal(html, await seedCard());
  assert.equal((await testLog(page)).cls, 0, 'the snippet reserves the card\'s box');
  // khabar.js's fetch took the preloaded response: one request, not one per mode or credentials.
  assert.equal(cardRequests.length, 1, JSON.stringify(cardRequests));
  assert.deepEqual(coreFiles(server), []);
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(logs.filter((m) => m.type === 'warning' || m.type === 'error'), []);
});

test('two snippets, each with the script: each card is fetched and adopted once, none nested', async () => {
  cardRequests.length = 0;
  const { page, pageErrors } = await openPage(browser);
  await page.goto(server.url('/build/service-browser/two-snippets.html'));
  await page.waitForFunction(() => [...document.querySelectorAll('khabar-card')].filter((c) => c.dataset.state === 'ready').length >= 2, null, { timeout: 20000 });
  await page.waitForTimeout(500); // a second run of the script, if any, has had its answers
  const shape = await page.evaluate(() => ({
    cards: document.querySelectorAll('khabar-card').length,
    nested: document.querySelectorAll('khabar-card khabar-card').length,
    langs: [...document.querySelectorAll('khabar-card')].map((c) => c.shadowRoot.querySelector('article').getAttribute('lang')),
  }));
  assert.deepEqual(shape, { cards: 2, nested: 0, langs: ['ar', 'ar'] });
  assert.equal(cardRequests.length, 2, JSON.stringify(cardRequests));
  assert.deepEqual(pageErrors, []);
});

test('markup that could run script is refused: the blockquote stays, one warning, one khabar-error', async () => {
  const { page, console: logs } = await openPage(browser);
  await page.addInitScript(() => {
    const events = [];
    Object.defineProperty(window, Symbol.for('khabar.events'), { value: events });
    document.addEventListener('khabar-error', (e) => events.push({ target: e.target.localName, state: e.target.dataset.state, detail: e.detail }));
    document.addEventListener('khabar-ready', (e) => events.push({ target: e.target.localName, ready: true }));
  });
  await page.goto(server.url('/build/service-browser/evil.html'));
  await page.waitForFunction(() => window[Symbol.for('khabar.events')].length > 0, null, { timeout: 20000 });
  await page.waitForTimeout(300);
  assert.equal(await page.$$eval('khabar-card', (els) => els.length), 0);
  assert.equal(await page.$$eval('blockquote.khabar-card', (els) => els.length), 1);
  const events = await page.evaluate(() => window[Symbol.for('khabar.events')]);
  assert.equal(events.length, 1, JSON.stringify(events));
  assert.equal(events[0].target, 'blockquote');
  assert.equal(events[0].state, 'failed');
  assert.equal(events[0].detail.code, 'embed.unsafe_markup');
  assert.equal(logs.filter((m) => m.type === 'warning').length, 1, JSON.stringify(logs));
  assert.ok(logs.some((m) => m.type === 'warning' && m.text.includes('embed.unsafe_markup')), JSON.stringify(logs));
});

test('oEmbed end to end: discovered from the article page, the iframe shows the card and resizes', async () => {
  const { page, pageErrors } = await openPage(browser);
  await page.goto(server.url('/build/service-browser/consumer.html'));
  await page.waitForFunction(() => document.body.dataset.oembed, null, { timeout: 20000 });
  const meta = JSON.parse(await page.$eval('body', (b) => b.dataset.oembed));
  assert.equal(meta.type, 'rich');
  assert.equal(meta.title, 'Interpol praises Morocco as a model of security cooperation');
  const frame = await (await page.$('#embed iframe')).contentFrame();
  await frame.waitForFunction(() => document.querySelector('khabar-card')?.shadowRoot?.querySelector('article.khabar-card'), null, { timeout: 20000 });
  // The height the embed page reports arrives as the iframe's height attribute; the oEmbed
  // answer's height was already the card's (its whole box at 550 px, no margins).
  await page.waitForFunction(() => document.querySelector('#embed iframe').dataset.reported, null, { timeout: 10000 });
  const reported = Number(await page.$eval('#embed iframe', (f) => f.height));
  const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  const card = await frame.evaluate(() => document.querySelector('khabar-card').getBoundingClientRect());
  assert.equal(reported, content);
  assert.equal(meta.height, reported, 'the oEmbed height is the card\'s');
  assert.equal(card.top, 0, 'no margin above the card');
  assert.ok(Math.abs(card.height - reported) < 1, `card ${card.height}, frame ${reported}`);
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(violations, []);
});
