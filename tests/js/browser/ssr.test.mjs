// Server-side rendering: the page written by examples/ssr/render.mjs carries the cards as
// declarative shadow DOM; the element adopts them without rendering again (no module of the
// core, no wasm, no ICU data is ever requested) and under a strict CSP.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { renderHTML } from 'khabar';
import { launch, openPage, repoRoot, screenshot, settled, startServer, testLog } from './helpers.mjs';

let server, browser;
before(async () => {
  execFileSync(process.execPath, [`${repoRoot}examples/ssr/render.mjs`, 'build/ssr'], { stdio: 'ignore' });
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('server-rendered cards are adopted, not rendered again', async () => {
  server.reset();
  server.setHeaders('/build/ssr/index.html', {
    'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'",
  });
  const { page, context, pageErrors } = await openPage(browser);
  await page.goto(server.url('/build/ssr/index.html'));
  await page.waitForFunction(() => customElements.get('khabar-card'));
  await settled(page, 'khabar-card', { count: 1 });
  await page.waitForTimeout(300);
  const cards = await page.$$eval('khabar-card', (els) =>
    els.map((el) => ({
      state: el.dataset.state,
      html: el.shadowRoot.querySelector('article').outerHTML,
      adopted: el.shadowRoot.adoptedStyleSheets.length,
      fontSize: getComputedStyle(el.shadowRoot.querySelector('.khabar-title')).fontWeight,
    })),
  );
  const seed = await readFile(`${repoRoot}examples/seed-article-ar.txt`, 'utf8');
  const expected = await renderHTML(seed, { locale: 'ar-MA', now: '2025-11-29T10:00:00+01:00', timeZone: 'Africa/Casablanca' });
  assert.equal(cards[0].state, 'ready');
  assert.equal(cards[0].html, expected);
  assert.equal(cards[0].adopted, 1);
  assert.equal(cards[0].fontSize, '700');
  for (const file of ['/web/dist/index.js', 'khabar-core.mjs', 'khabar-core.wasm', 'khabar-icu-']) {
    assert.equal(server.count(file), 0, `${file} requested`);
  }
  const log = await testLog(page);
  assert.equal(log.instantiations, 0);
  assert.deepEqual(log.violations, []);
  assert.deepEqual(pageErrors, []);
  await screenshot(page.locator('khabar-card').first(), 'seed-ar-MA-ssr');
  await context.close();
});
