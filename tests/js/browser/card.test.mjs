// The seed card on the partner page: what it shows, its semantics, accessibility (axe-core),
// reduced motion, focus, and the screenshots (ar-MA, fr-MA, en, dark).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cardInfo, openPage, screenshot, settled, testLog, useServerAndBrowser } from './helpers.mjs';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let server, browser;
useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

const seedTitle = 'الإنتربول يشيد من مراكش بالمغرب نموذج عالمي في التعاون الأمني';

test('the seed card renders in Arabic, right to left, with its title, date and summary', async () => {
  const { page, context, pageErrors } = await openPage(browser);
  await page.goto(server.url('/examples/partner/index.html'));
  await settled(page, 'khabar-card', { count: 2 });
  const card = await cardInfo(page, 'khabar-card:has(> blockquote)');
  assert.equal(card.state, 'ready');
  assert.equal(card.dir, 'rtl');
  assert.equal(card.lang, 'ar');
  assert.equal(card.computedDir, 'rtl');
  assert.equal(card.title, seedTitle);
  assert.equal(card.titleHref, 'https://news.example/ar/2025/11/21/interpol-marrakech');
  assert.equal(card.date, '21 نونبر 2025');
  assert.match(card.summary, /^احتضنت مدينة مراكش، اليوم الجمعة/);
  // Semantics: an article labelled by its heading; safe links; the picture's alt and credit.
  const semantics = await page.$eval('khabar-card:has(> blockquote)', (el) => {
    const root = el.shadowRoot;
    const article = root.querySelector('article');
    const heading = root.getElementById(article.getAttribute('aria-labelledby'));
    return {
      headingTag: heading?.localName,
      links: [...root.querySelectorAll('a')].map((a) => [a.protocol, a.rel]),
      img: root.querySelector('img') && { alt: root.querySelector('img').alt, loaded: root.querySelector('img').naturalWidth > 0 },
      credit: root.querySelector('figcaption')?.textContent,
      readMore: root.querySelector('.khabar-read-more')?.textContent,
      styleAttributes: root.querySelectorAll('[style]').length,
      adopted: root.adoptedStyleSheets.length,
    };
  });
  assert.equal(semantics.headingTag, 'h2');
  assert.ok(semantics.links.length >= 2);
  for (const [protocol, rel] of semantics.links) {
    assert.equal(protocol, 'https:');
    assert.match(rel, /\bnoopener\b/);
  }
  await page.waitForFunction(() => document.querySelector('khabar-card').shadowRoot.querySelector('img')?.complete);
  assert.equal(semantics.img.alt, 'صومعة الكتبية في مراكش عند الغروب');
  assert.equal(semantics.credit, 'صورة: أرشيف');
  assert.equal(semantics.readMore, 'اقرأ المزيد');
  assert.equal(semantics.styleAttributes, 0);
  assert.equal(semantics.adopted, 1);

  const inline = await cardInfo(page, '#inline-card');
  assert.equal(inline.state, 'ready');
  assert.equal(inline.dir, 'ltr');
  assert.equal(inline.date, '21 novembre 2025');
  assert.deepEqual(pageErrors, []);
  assert.deepEqual((await testLog(page)).errors, []);
  await context.close();
});

test('screenshots: ar-MA, fr-MA, en, dark, narrow', async () => {
  const { page, context } = await openPage(browser, { viewport: { width: 900, height: 1700 } });
  await page.goto(server.url('/examples/partner/locales.html'));
  await settled(page, 'khabar-card', { count: 4 });
  await page.waitForFunction(() =>
    [...document.querySelectorAll('khabar-card')].every((c) => c.shadowRoot.querySelector('img')?.complete),
  );
  const shots = {
    'seed-ar-MA': '#card-ar',
    'interpol-fr-MA': '#card-fr',
    'interpol-en': '#card-en',
    'seed-ar-MA-dark': '#card-dark',
  };
  for (const [name, id] of Object.entries(shots)) {
    const path = await screenshot(page.locator(`khabar-card:has(> ${id})`), name);
    assert.ok((await readFile(path)).length > 5000, path);
  }
  await page.setViewportSize({ width: 380, height: 1700 });
  await screenshot(page.locator('khabar-card:has(> #card-ar)'), 'seed-ar-MA-narrow');
  await context.close();
});

test('axe-core finds no accessibility violations (light and dark)', async () => {
  for (const page_ of ['/examples/partner/index.html', '/examples/partner/locales.html']) {
    const { page, context } = await openPage(browser, { viewport: { width: 900, height: 1700 } });
    await page.goto(server.url(page_));
    await settled(page, 'khabar-card', { count: 2 });
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const violations = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    assert.deepEqual(violations, [], page_);
    await context.close();
  }
});

test('a configurable heading level, and a new render when an attribute changes', async () => {
  const { page, context } = await openPage(browser);
  await page.goto(server.url('/examples/partner/index.html'));
  await settled(page, '#inline-card');
  await page.$eval('#inline-card', (el) => {
    el.dataset.state = 'loading';
    el.setAttribute('heading-level', '3');
  });
  await settled(page, '#inline-card');
  const tag = await page.$eval('#inline-card', (el) => el.shadowRoot.querySelector('.khabar-title').localName);
  assert.equal(tag, 'h3');
  await context.close();
});

test('visible focus on the title link, and motion only when the reader allows it', async () => {
  for (const reducedMotion of ['reduce', 'no-preference']) {
    const { page, context } = await openPage(browser, { reducedMotion });
    await page.goto(server.url('/examples/partner/index.html'));
    await settled(page, 'khabar-card', { count: 2 });
    const motion = await page.$eval('khabar-card', (el) => {
      const article = getComputedStyle(el.shadowRoot.querySelector('article'));
      const link = getComputedStyle(el.shadowRoot.querySelector('.khabar-title a'));
      return { animation: article.animationName, transition: link.transitionDuration };
    });
    // The card is whole in its first frame (no fade-in from opacity 0); the link's colour eases.
    assert.deepEqual(motion, { animation: 'none', transition: reducedMotion === 'reduce' ? '0s' : '0.12s' });
    if (reducedMotion === 'reduce') {
      await page.keyboard.press('Tab'); // the first focusable thing on the page is the card's title link
      const outline = await page.$eval('khabar-card', (el) => {
        const a = el.shadowRoot.activeElement;
        const s = getComputedStyle(a);
        return { cls: a.parentElement.className, style: s.outlineStyle, width: s.outlineWidth };
      });
      assert.equal(outline.cls, 'khabar-title');
      assert.equal(outline.style, 'solid');
      assert.equal(outline.width, '2px');
    }
    await context.close();
  }
});
