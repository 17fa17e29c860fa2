// A partner page under a strict Content-Security-Policy: the cards render, and the browser
// reports no violation (no style attributes, no inline script, no eval but wasm's).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cardInfo, openPage, settled, testLog, useServerAndBrowser } from './helpers.mjs';

let server, browser;
useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; report-uri /_csp-report";

test(`works under ${csp} with no violation reports`, async () => {
  server.reset();
  server.setHeaders('/tests/js/browser/pages/csp.html', { 'content-security-policy': csp });
  const { page, context, pageErrors, console: log } = await openPage(browser);
  await page.goto(server.url('/tests/js/browser/pages/csp.html'));
  await settled(page, 'khabar-card', { count: 2 });
  const seed = await cardInfo(page, 'khabar-card:has(> #card)');
  assert.equal(seed.state, 'ready');
  assert.equal(seed.dir, 'rtl');
  assert.equal((await cardInfo(page, '#inline')).state, 'ready');
  // The styles did apply (the adopted sheet is not blocked by style-src 'self').
  const radius = await page.$eval('khabar-card', (el) => getComputedStyle(el).borderTopLeftRadius);
  assert.equal(radius, '14px');
  await page.waitForTimeout(300); // reports are sent asynchronously
  const log_ = await testLog(page);
  assert.deepEqual(log_.violations, []);
  assert.deepEqual(server.cspReports, []);
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(log.filter((m) => m.type === 'error' || m.type === 'warning'), []);
  await context.close();
});
