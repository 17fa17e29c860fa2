// The card in a real WordPress (Debian's 6.1, Twenty Twenty-Three, MariaDB on a socket, `php -S`),
// everything on 127.0.0.1: a publisher's Arabic article page with oEmbed discovery, the card
// service in this process, and two posts that paste the article's URL (classic paste, embed
// block). In Chromium at 320, 390, 768 and 1200 px: the frame's height is the card's, nothing
// scrolls sideways, a click opens the article outside the frame, the labels are Arabic; with the
// service down and with the publisher down, the reader still gets a link to the article, never JSON.
//
//   tests/wordpress/run.sh            (make test-wordpress)
// KHABAR_SERVICE_MODULE: another build of khabar/service (the table of heights "before");
// KHABAR_WP_MEASURE=1: the table only, no assertion.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { userInfo } from 'node:os';
import { promisify } from 'node:util';
import { launch, routeNewsExample } from '../js/browser/helpers.mjs';
import { serve } from '../../examples/service/node.mjs';

const run = promisify(execFile);
const here = new URL('./', import.meta.url).pathname;
const root = new URL('../../', import.meta.url).pathname;
const dir = `${root}build/wordpress`;
const WP = '/usr/share/wordpress';
const WIDTHS = [320, 390, 768, 1200];
const measureOnly = process.env.KHABAR_WP_MEASURE === '1';
const serviceModule = process.env.KHABAR_SERVICE_MODULE ?? `${root}web/dist/service-node.js`;
const { createService } = await import(serviceModule);

let mysqld, php, publisher, http, browser;
let wpUrl, publisherOrigin, svc, articleUrl, posts;
let service; // the service instance behind `http` (replaced for the publisher-down case)
const down = { service: false, publisher: false };
const violations = []; // the service's outgoing requests for anywhere but the publisher
const heights = []; // the table: host, width, frame, card

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function until(what, check, ms = 20000) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      if (await check()) return;
    } catch {}
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// The article page: JSON-LD with its own URL, a picture (routed to examples/partner/media/ in
// Chromium, never fetched), and the oEmbed discovery link to the service.
function articlePage() {
  const article = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: 'الإنتربول يشيد من مراكش بالمغرب نموذج عالمي في التعاون الأمني',
    mainEntityOfPage: { '@type': 'WebPage', '@id': articleUrl },
    url: articleUrl,
    datePublished: '2025-11-21T13:45:00+01:00',
    author: { '@type': 'Person', name: 'سعيد العلمي' },
    publisher: { '@type': 'Organization', name: 'كشـ24' },
    image: 'https://news.example/media/marrakech.jpg',
    articleBody:
      'احتضنت مدينة مراكش، اليوم الجمعة، ندوة صحفية سلطت الضوء على الترتيبات الكبرى للدورة 93 للجمعية العامة للمنظمة الدولية للشرطة الجنائية "الإنتربول"، المزمع عقدها ما بين 24 و27 نونبر 2025.\n' +
      'وشكل هذا اللقاء فرصة لاستعراض الخطوط العريضة لهذا الحدث العالمي الذي سيشهد مشاركة وفود أمنية رفيعة المستوى تمثل 196 دولة عضو في المنظمة.',
  };
  const oembed = `${svc}/oembed?${new URLSearchParams({ url: articleUrl, format: 'json' })}`.replaceAll('&', '&amp;');
  return `<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${article.headline}</title>
<link rel="canonical" href="${articleUrl}">
<link rel="alternate" type="application/json+oembed" href="${oembed}" title="${article.headline}">
<script type="application/ld+json">${JSON.stringify(article)}</script>
</head><body><h1>${article.headline}</h1><p>${article.articleBody}</p></body></html>
`;
}

// The oEmbed consumer of tests/js/browser/service-embed.test.mjs: discovers the provider, shows
// the iframe of its html, resizes it from khabar.resize.
const consumerPage = `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>consumer</title><script src="consumer.js" defer></script></head>
<body style="margin:8px"><main id="embed"></main></body></html>
`;
const consumerScript = `addEventListener('message', (event) => {
  const frame = document.querySelector('#embed iframe');
  if (frame && event.source === frame.contentWindow && event.data?.type === 'khabar.resize') frame.height = String(event.data.height);
});
(async () => {
  const page = await (await fetch('/ar/interpol')).text();
  const doc = new DOMParser().parseFromString(page, 'text/html');
  const link = doc.querySelector('link[rel="alternate"][type="application/json+oembed"]');
  const oembed = await (await fetch(link.href)).json();
  const template = document.createElement('template');
  template.innerHTML = oembed.html;
  document.getElementById('embed').append(template.content.querySelector('iframe'));
  document.body.dataset.oembed = JSON.stringify({ width: oembed.width, height: oembed.height });
})();
`;

function makeService() {
  const host = new URL(publisherOrigin).host;
  return createService({
    allowedOrigins: [publisherOrigin],
    allowPrivate: [host],
    maxAge: 1, // the publisher-down case: the article is not kept
    timeoutMs: 2000,
    fetch: (url, init) => {
      if (new URL(url).host !== host) {
        violations.push(url);
        return Promise.reject(new Error('test guard: not the publisher'));
      }
      return fetch(url, init);
    },
  });
}

async function startDatabase() {
  const user = userInfo().username;
  await mkdir(`${dir}/mysql`, { recursive: true });
  if (!existsSync(`${dir}/mysql/mysql`)) {
    await run('mariadb-install-db', ['--no-defaults', `--datadir=${dir}/mysql`, '--auth-root-authentication-method=normal', '--skip-test-db', `--user=${user}`]);
  }
  const sock = `${dir}/mysqld.sock`;
  await rm(sock, { force: true });
  // No TCP at all: the socket in build/wordpress only.
  mysqld = spawn('mariadbd', ['--no-defaults', `--datadir=${dir}/mysql`, `--socket=${sock}`, '--skip-networking', `--pid-file=${dir}/mysqld.pid`,
    `--log-error=${dir}/mysqld.err`, `--user=${user}`, '--innodb-buffer-pool-size=16M', '--skip-log-bin'], { stdio: 'ignore' });
  const sql = (statement) => run('mariadb', ['--no-defaults', '-S', sock, '-u', 'root', '-e', statement]);
  await until('MariaDB on its socket', async () => (await sql('SELECT 1'), true));
  await sql('DROP DATABASE IF EXISTS wordpress; CREATE DATABASE wordpress CHARACTER SET utf8mb4');
}

// build/wordpress/root: Debian's WordPress by symlinks, with the test's wp-config.php.
async function layOut() {
  await rm(`${dir}/root`, { recursive: true, force: true });
  await rm(`${dir}/wp-content`, { recursive: true, force: true });
  await mkdir(`${dir}/root`, { recursive: true });
  for (const name of await readdir(WP)) {
    if (name !== 'wp-config.php' && name !== 'wp-content') await symlink(`${WP}/${name}`, `${dir}/root/${name}`);
  }
  await symlink(`${here}wp-config.php`, `${dir}/root/wp-config.php`);
  await mkdir(`${dir}/wp-content/mu-plugins`, { recursive: true });
  await mkdir(`${dir}/wp-content/plugins`, { recursive: true });
  await symlink(`${WP}/wp-content/themes`, `${dir}/wp-content/themes`);
  await symlink(`${here}khabar-test.php`, `${dir}/wp-content/mu-plugins/khabar-test.php`);
  await rm(`${dir}/http.log`, { force: true });
}

before(async () => {
  await mkdir(dir, { recursive: true });
  // The publisher: the article, and the consumer example's page.
  publisher = createServer((req, res) => {
    if (down.publisher) return req.socket.destroy();
    const path = new URL(req.url, 'http://x').pathname;
    const pages = {
      '/ar/interpol': ['text/html; charset=utf-8', () => articlePage()],
      '/consumer.html': ['text/html; charset=utf-8', () => consumerPage],
      '/consumer.js': ['text/javascript; charset=utf-8', () => consumerScript],
    };
    if (!pages[path]) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': pages[path][0] }).end(pages[path][1]());
  });
  await new Promise((resolve) => publisher.listen(0, '127.0.0.1', resolve));
  publisherOrigin = `http://127.0.0.1:${publisher.address().port}`;
  articleUrl = `${publisherOrigin}/ar/interpol`;
  http = serve({ fetch: (...args) => service.fetch(...args) });
  http.on('connection', (socket) => down.service && socket.destroy()); // down: nothing answers
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
  svc = `http://127.0.0.1:${http.address().port}`;
  service = makeService();

  const wpPort = await freePort();
  wpUrl = `http://127.0.0.1:${wpPort}`;
  const env = {
    ...process.env,
    KHABAR_WP_DIR: dir,
    KHABAR_WP_PORT: String(wpPort),
    KHABAR_WP_ALLOWED_PORTS: `${publisher.address().port},${http.address().port}`,
    PHP_CLI_SERVER_WORKERS: '4',
  };
  await Promise.all([startDatabase(), layOut()]);
  const { stdout } = await run('php', [`${here}setup.php`, articleUrl], { env });
  posts = JSON.parse(stdout.trim().split('\n').pop());
  // Its own process group: php -S's workers are stopped with it.
  php = spawn('php', ['-S', `127.0.0.1:${wpPort}`, '-t', WP, `${here}router.php`], { env, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  php.stderr.on('data', () => {}); // its access log
  await until('php -S', async () => (await fetch(`${wpUrl}/wp-includes/js/wp-embed.js`)).ok);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  if (php) process.kill(-php.pid);
  mysqld?.kill();
  await new Promise((resolve) => (http ? http.close(resolve) : resolve()));
  http?.closeAllConnections?.();
  await new Promise((resolve) => (publisher ? publisher.close(resolve) : resolve()));
  if (mysqld) await new Promise((resolve) => (mysqld.exitCode !== null ? resolve() : mysqld.once('exit', resolve)));
});

async function openAt(width) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1, locale: 'en-US' });
  await routeNewsExample(context);
  // Chromium may not leave 127.0.0.1 either: only news.example's picture is answered, from disk.
  await context.route(/^(?!http:\/\/127\.0\.0\.1[:/]|https:\/\/news\.example\/)/, (route) => {
    violations.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

// The frame's box and the card's in it, once the frame has reported (WordPress shows it then).
async function measure(page, selector, reported) {
  const frameHandle = await page.waitForSelector(selector, { state: 'attached', timeout: 20000 });
  const frame = await frameHandle.contentFrame();
  await frame.waitForSelector('khabar-card article', { state: 'attached', timeout: 20000 });
  try {
    await page.waitForFunction(reported, null, { timeout: measureOnly ? 3000 : 10000 });
  } catch (error) {
    if (!measureOnly) throw error;
  }
  await page.waitForTimeout(300); // a second report, if any, has arrived
  const box = await page.evaluate((s) => {
    const f = document.querySelector(s);
    const r = f.getBoundingClientRect();
    return { height: r.height, width: r.width, left: r.left, right: r.right, shown: !f.hasAttribute('style'),
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth };
  }, selector);
  const card = await frame.evaluate(() => {
    const host = document.querySelector('khabar-card');
    const r = host.getBoundingClientRect();
    const article = host.shadowRoot.querySelector('article');
    return { top: r.top, height: r.height, bottom: r.bottom, width: r.width, page: document.documentElement.getBoundingClientRect().height,
      lang: article.getAttribute('lang'), more: host.shadowRoot.querySelector('.khabar-read-more')?.textContent ?? '',
      meta: host.shadowRoot.querySelector('.khabar-meta')?.textContent ?? '' };
  });
  return { frame, box, card };
}

const wpReported = () => {
  const f = document.querySelector('iframe.wp-embedded-content');
  return f && !f.hasAttribute('style');
};
const hosts = {
  'WordPress, classic paste': () => `${wpUrl}/?p=${posts.classic[0]}`,
  'WordPress, embed block': () => `${wpUrl}/?p=${posts.block[0]}`,
};

for (const [host, url] of Object.entries(hosts)) {
  test(`${host}: the frame is the card's height at ${WIDTHS.join(', ')} px, nothing scrolls sideways, Arabic labels`, async () => {
    for (const width of WIDTHS) {
      const { context, page, errors } = await openAt(width);
      await page.goto(url());
      const { box, card } = await measure(page, 'iframe.wp-embedded-content', wpReported);
      heights.push({ host, width, frame: box.height, frameWidth: box.width, card: card.height, cut: Math.max(0, card.bottom - box.height), band: box.height - card.bottom, overflow: box.overflow });
      if (width === 390 && process.env.KHABAR_WP_SCREENSHOT) await page.screenshot({ path: `${dir}/${host.replace(/\W+/g, '-')}-${width}.png`, fullPage: false });
      await context.close();
      if (measureOnly) continue;
      const at = `${host} at ${width} px: ${JSON.stringify({ box, card })}`;
      assert.ok(box.shown, `${at}: the frame reported, WordPress shows it`);
      assert.ok(Math.abs(box.height - card.height) <= 1, `${at}: frame ${box.height}, card ${card.height}`);
      assert.ok(card.top === 0 && card.bottom <= box.height, `${at}: the card starts at the top and is not cut`);
      assert.ok(box.overflow <= 0, `${at}: the page scrolls sideways by ${box.overflow} px`);
      assert.ok(box.left >= 0 && box.right <= width, `${at}: the frame is inside the screen`);
      assert.ok(Math.abs(card.width - box.width) <= 1, `${at}: the card fills the frame's width`);
      assert.equal(card.lang, 'ar', at);
      assert.equal(card.more, 'اقرأ المزيد', at);
      assert.match(card.meta, /نونبر|نوفمبر/, `${at}: the date in Arabic`);
      assert.deepEqual(errors, [], at);
    }
  });
}

test('the oEmbed consumer example: the frame is the card\'s height', async () => {
  for (const width of WIDTHS) {
    const { context, page } = await openAt(width);
    await page.goto(`${publisherOrigin}/consumer.html`);
    await page.waitForFunction(() => document.body.dataset.oembed, null, { timeout: 20000 });
    const initial = JSON.parse(await page.$eval('body', (b) => b.dataset.oembed)).height;
    const { box, card } = await measure(page, '#embed iframe', (h) => document.querySelector('#embed iframe').height !== String(h));
    heights.push({ host: 'oEmbed consumer example', width, frame: box.height, frameWidth: box.width, card: card.height, cut: Math.max(0, card.bottom - box.height), band: box.height - card.bottom, overflow: box.overflow, initial });
    await context.close();
    if (measureOnly) continue;
    assert.ok(Math.abs(box.height - card.height) <= 1, `consumer at ${width}: ${JSON.stringify({ box, card })}`);
    assert.ok(box.overflow <= 0, `consumer at ${width}: scrolls sideways by ${box.overflow}`);
  }
});

if (!measureOnly) {
  for (const [host, url] of Object.entries(hosts)) {
    test(`${host}: a click on the card opens the article in the top window, not in the frame`, async () => {
      const { context, page } = await openAt(390);
      await page.goto(url());
      const { frame } = await measure(page, 'iframe.wp-embedded-content', wpReported);
      await frame.click('a.khabar-read-more');
      await page.waitForURL(articleUrl, { timeout: 10000 });
      assert.equal(page.url(), articleUrl);
      assert.equal(context.pages().length, 1, 'no other tab');
      await context.close();
    });
  }

  test('the service down: WordPress keeps the blockquote, the article\'s linked title', async () => {
    down.service = true;
    try {
      for (const url of Object.values(hosts)) {
        const { context, page } = await openAt(390);
        await page.goto(url());
        await page.waitForTimeout(1500);
        const seen = await page.evaluate(() => {
          const quote = document.querySelector('blockquote.wp-embedded-content');
          const link = quote?.querySelector('a');
          return { visible: !!quote && quote.offsetHeight > 0 && getComputedStyle(quote).display !== 'none', href: link?.href, text: link?.textContent,
            json: document.body.innerText.includes('{"error"') };
        });
        await context.close();
        assert.deepEqual(seen, { visible: true, href: articleUrl, text: 'الإنتربول يشيد من مراكش بالمغرب نموذج عالمي في التعاون الأمني', json: false });
      }
    } finally {
      down.service = false;
    }
  });

  test('the publisher down: the frame never shows JSON or an address; WordPress keeps the link', async () => {
    down.publisher = true;
    try {
      await new Promise((r) => setTimeout(r, 1100)); // the service's copy of the article expires (maxAge 1 s)
      const src = `${svc}/embed?${new URLSearchParams({ url: articleUrl, locale: 'ar' })}`;
      const response = await fetch(src);
      const body = await response.text();
      assert.equal(response.status, 502);
      assert.match(response.headers.get('content-type'), /^text\/html/);
      assert.equal(response.headers.get('x-khabar-error'), 'fetch.failed');
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.doesNotMatch(body, /"error"|ECONNREFUSED|socket|fetch\.failed/);
      assert.match(body, /<a href="[^"]+">الإنتربول يشيد/, 'the title the service saw, linked');
      // A service that never saw the article: a neutral sentence and the article's link.
      service = makeService();
      const fresh = await (await fetch(src)).text();
      assert.match(fresh, /تعذر عرض البطاقة/);
      assert.ok(fresh.includes(`href="${articleUrl}"`));
      for (const url of Object.values(hosts)) {
        const { context, page } = await openAt(390);
        await page.goto(url());
        await page.waitForTimeout(1500);
        const seen = await page.evaluate(() => {
          const quote = document.querySelector('blockquote.wp-embedded-content');
          return { visible: !!quote && quote.offsetHeight > 0, href: quote?.querySelector('a')?.href, json: document.body.innerText.includes('{"error"') };
        });
        const frame = await (await page.$('iframe.wp-embedded-content')).contentFrame();
        const inFrame = await frame.evaluate(() => document.body.innerText);
        await context.close();
        assert.deepEqual(seen, { visible: true, href: articleUrl, json: false });
        assert.doesNotMatch(inFrame, /"error"|ECONNREFUSED/);
      }
    } finally {
      down.publisher = false;
    }
  });
}

test('nothing left 127.0.0.1: the service, WordPress and Chromium', async () => {
  assert.deepEqual(violations, []);
  const log = await readFile(`${dir}/http.log`, 'utf8').catch(() => '');
  const outside = log.split('\n').filter((u) => u && !u.startsWith('http://127.0.0.1:'));
  assert.deepEqual(outside, [], 'WordPress asked only 127.0.0.1');
  const table = ['| host | width | frame (w × h) | card | band | cut | sideways |', '|---|---:|---:|---:|---:|---:|---:|'];
  for (const h of heights) {
    table.push(`| ${h.host} | ${h.width} | ${h.frameWidth} × ${h.frame} | ${h.card.toFixed(1)} | ${h.band.toFixed(1)} | ${h.cut.toFixed(1)} | ${Math.max(0, h.overflow)} |`);
  }
  console.log(table.join('\n'));
  await writeFile(`${dir}/heights.json`, JSON.stringify(heights, null, 1));
});
