// The Chromium half of the hostile-input check (tests/js/hostile/cases.mjs): every naughty
// string and XSS vector in every field, rendered in the page by the wasm core and put into a
// shadow root exactly as <khabar-card> does (innerHTML). A trap catches any script that runs
// (alert/confirm/prompt/print, window.__xss); the shadow DOM is searched for script elements,
// on* attributes and non-http(s) links.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cases } from '../hostile/cases.mjs';
import { launch, openPage, startServer } from './helpers.mjs';

const BATCH = 500;

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('no hostile case runs script or leaves an unsafe attribute in the shadow DOM', async () => {
  const all = cases().map((c) => ({ id: c.id, locale: c.locale, input: JSON.stringify(c.article) }));
  const { page, context } = await openPage(browser);
  // Nothing leaves the machine: the articles' https URLs (images) are answered here.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.fulfill({ status: 404, body: '' }));
  await page.goto(server.url('/tests/js/browser/pages/parity.html'));
  await page.evaluate(() => {
    const trap = (what) => () => {
      document.documentElement.dataset.xss = (document.documentElement.dataset.xss ?? '') + what + ';';
    };
    for (const name of ['alert', 'confirm', 'prompt', 'print']) window[name] = trap(name);
    Object.defineProperty(window, '__xss', { set: trap('__xss'), configurable: true });
  });
  const totals = { cases: 0, rendered: 0, errors: {}, scripts: 0, handlers: 0, unsafeUrls: 0, foreignElements: 0 };
  const findings = [];
  for (let i = 0; i < all.length; i += BATCH) {
    const batch = all.slice(i, i + BATCH);
    const result = await page.evaluate(async (batch) => {
      const khabar = await import('/web/dist/index.js');
      const out = { rendered: 0, errors: {}, scripts: 0, handlers: 0, unsafeUrls: 0, foreignElements: 0, findings: [] };
      const container = document.createElement('div');
      document.body.replaceChildren(container);
      for (const c of batch) {
        let html;
        try {
          html = await khabar.renderHTML(c.input, { locale: c.locale, now: '2025-11-29T10:00:00+01:00' });
        } catch (e) {
          out.errors[e.code ?? 'other'] = (out.errors[e.code ?? 'other'] ?? 0) + 1;
          continue;
        }
        const host = document.createElement('div');
        host.attachShadow({ mode: 'open' }).innerHTML = html; // as <khabar-card> does
        container.append(host);
        out.rendered++;
        for (const el of host.shadowRoot.querySelectorAll('*')) {
          if (/^(script|iframe|object|embed|style|link|meta|base|form|svg|math|template)$/.test(el.localName)) {
            out.foreignElements++;
            out.findings.push(`${c.id}: <${el.localName}>`);
          }
          if (el.localName === 'script') out.scripts++;
          for (const a of el.attributes) {
            if (/^on/i.test(a.name)) {
              out.handlers++;
              out.findings.push(`${c.id}: ${a.name}`);
            }
            if ((a.name === 'href' || a.name === 'src') && !/^https?:$/.test(new URL(a.value, 'http://x/').protocol)) {
              out.unsafeUrls++;
              out.findings.push(`${c.id}: ${a.name}=${a.value}`);
            }
          }
        }
      }
      await new Promise((r) => setTimeout(r, 200)); // let any onerror/onload fire
      return out;
    }, batch);
    totals.cases += batch.length;
    totals.rendered += result.rendered;
    for (const [code, n] of Object.entries(result.errors)) totals.errors[code] = (totals.errors[code] ?? 0) + n;
    for (const key of ['scripts', 'handlers', 'unsafeUrls', 'foreignElements']) totals[key] += result[key];
    findings.push(...result.findings);
  }
  const trapped = await page.evaluate(() => document.documentElement.dataset.xss ?? '');
  // The trap works: markup that does run script, put in the same way, is caught.
  const control = await page.evaluate(async () => {
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML = '<img src="/_fault/404/x.png" onerror="alert(1)">';
    document.body.append(host);
    await new Promise((r) => setTimeout(r, 500));
    return document.documentElement.dataset.xss ?? '';
  });
  console.log(`hostile cases in Chromium: ${JSON.stringify({ ...totals, trapped: trapped || 'none' })}`);
  await context.close();
  assert.equal(totals.cases, all.length);
  assert.ok(totals.rendered > all.length * 0.9, `rendered ${totals.rendered} of ${all.length}`);
  assert.equal(trapped, '', 'a script ran');
  assert.equal(control, 'alert;', 'the trap catches a real handler');
  assert.deepEqual(findings.slice(0, 20), []);
});
