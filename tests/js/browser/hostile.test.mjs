// A hostile host page (* { all: revert; direction: ltr; font-size: 8px }, !important rules,
// polluted prototypes, stray globals) does not change a single computed style in the card.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshot, settled, testLog, useServerAndBrowser } from './helpers.mjs';

let server, browser;
useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

// Every computed property of the host and of each element in its shadow root.
async function computedStyles(page) {
  return page.$eval('khabar-card:has(> blockquote)', (card) => {
    const out = {};
    const all = [card, ...card.shadowRoot.querySelectorAll('*')];
    all.forEach((el, i) => {
      const style = getComputedStyle(el);
      const props = {};
      for (const name of style) props[name] = style.getPropertyValue(name);
      out[`${i}:${el === card ? 'host' : el.localName + '.' + el.className}`] = props;
    });
    return out;
  });
}

test('hostile CSS and scripts change none of the card’s computed styles', async () => {
  const styles = {};
  for (const path of ['/examples/partner/index.html', '/examples/partner/hostile.html']) {
    const { page, context, pageErrors } = await openPage(browser);
    await page.goto(server.url(path));
    await settled(page, 'khabar-card:has(> blockquote)');
    assert.equal(await page.$eval('khabar-card:has(> blockquote)', (c) => c.dataset.state), 'ready', path);
    await page.waitForFunction(() => document.querySelector('khabar-card').shadowRoot.querySelector('img')?.complete);
    styles[path] = await computedStyles(page);
    assert.deepEqual(pageErrors, [], path);
    assert.deepEqual((await testLog(page)).errors, [], path);
    if (path.includes('hostile')) await screenshot(page.locator('khabar-card'), 'seed-ar-MA-hostile-page');
    await context.close();
  }
  const [plain, hostile] = Object.values(styles);
  assert.deepEqual(Object.keys(hostile), Object.keys(plain));
  const differences = [];
  for (const [element, props] of Object.entries(plain)) {
    for (const [name, value] of Object.entries(props)) {
      // The host's own direction is the page's on purpose: a fallback without dir inherits
      // it. Everything inside takes its direction from the card (checked below).
      if (element === '0:host' && name === 'direction') continue;
      if (hostile[element][name] !== value) differences.push(`${element} ${name}: ${value} -> ${hostile[element][name]}`);
    }
  }
  assert.deepEqual(differences, []);
  assert.ok(Object.keys(plain).length > 20);
  assert.equal(hostile['1:article.khabar-card'].direction, 'rtl');
});
