// A partner page under a strict Content-Security-Policy: the cards render in the worker, and the
// browser reports no violation (no style attributes, no inline script, no eval but wasm's). The
// worker is allowed by script-src 'self' (worker-src falls back to it); a worker runs under the
// policy its own response carries, so the second test serves the same header on every file, as
// a site-wide header does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cardInfo, openPage, settled, testLog, useServerAndBrowser } from './helpers.mjs';

let server, browser;
useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; report-uri /_csp-report";

for (const siteWide of [false, true]) {
  test(`works under ${csp}${siteWide ? ', on the worker too' : ''}, in the worker, with no violation reports`, async () => {
    server.reset();
    server.setHeaders('/tests/js/browser/pages/csp.html', { 'content-security-policy': csp });
    server.setHeaders('/web/dist/worker.js', siteWide ? { 'content-security-policy': csp } : {});
    const { page, context, pageErrors, console: log } = await openPage(browser);
    const workers = [];
    page.on('worker', (w) => workers.push(w.url()));
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
    assert.deepEqual(workers, [server.url('/web/dist/worker.js')], 'the cards rendered in the worker');
    assert.equal(log_.instantiations, 0, 'no wasm on the main thread');
    assert.deepEqual(log_.violations, []);
    assert.deepEqual(server.cspReports, []);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(log.filter((m) => m.type === 'error' || m.type === 'warning'), []);
    await context.close();
  });
}
