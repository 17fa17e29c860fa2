// Lighthouse 12.2.3 on the three partner pages (static blockquotes, cards from the service, the
// wasm embed), driving Debian's Chromium; all on 127.0.0.1. Prints TBT, LCP, CLS, total bytes.
//   node tests/bench/lighthouse/run.mjs      (make lighthouse-service; needs make web)
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startServer } from '../../js/browser/server.mjs';
import { startServicePages } from '../../js/browser/service-pages.mjs';

const server = await startServer();
const pages = await startServicePages(server, 'service-lighthouse');

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP news.example 127.0.0.1'],
});
try {
  console.log(`Lighthouse 12.2.3 (navigation, mobile defaults with simulated throttling), ${process.env.CHROMIUM ?? '/usr/bin/chromium'}`);
  for (const name of ['static', 'service', 'wasm']) {
    const result = await lighthouse(server.url(`/build/service-lighthouse/${name}.html`), { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    const a = result.lhr.audits;
    const v = (id) => a[id]?.numericValue;
    console.log(`  ${name.padEnd(7)} TBT ${v('total-blocking-time').toFixed(0)} ms; LCP ${v('largest-contentful-paint').toFixed(0)} ms; FCP ${v('first-contentful-paint').toFixed(0)} ms; CLS ${v('cumulative-layout-shift').toFixed(4)}; total bytes ${(v('total-byte-weight') / 1024).toFixed(1)} KB; performance score ${Math.round(result.lhr.categories.performance.score * 100)}`);
  }
} finally {
  await chrome.kill();
  await pages.close();
  await server.close();
}
