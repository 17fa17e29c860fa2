// Lighthouse 12.2.3 on the partner pages (static blockquotes; the card inlined in the page; cards
// from the service: the script alone, with the card's request preloaded in the head, and with it
// preloaded in the pasted snippet; the wasm embed), driving Debian's Chromium; all on 127.0.0.1.
// Prints TBT, LCP, FCP, CLS, total bytes: medians of [rounds] rounds, each loading every page in
// turn, and the LCP as a ratio to the static page's.
//   node tests/bench/lighthouse/run.mjs [rounds]     (make lighthouse-service; needs make web)
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startServer } from '../../js/browser/server.mjs';
import { startServicePages } from '../../js/browser/service-pages.mjs';

const rounds = Number(process.argv[2]) || 3;
const server = await startServer();
const pages = await startServicePages(server, 'service-lighthouse');

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP news.example 127.0.0.1'],
});
const names = ['static', 'inline', 'service', 'preload', 'snippet', 'wasm'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  console.log(`Lighthouse 12.2.3 (navigation, mobile defaults with simulated throttling), ${process.env.CHROMIUM ?? '/usr/bin/chromium'}, ${rounds} rounds, medians`);
  const runs = Object.fromEntries(names.map((name) => [name, []]));
  for (let i = 0; i < rounds; i++) {
    for (const name of names) {
      const result = await lighthouse(server.url(`/build/service-lighthouse/${name}.html`), { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
      const a = result.lhr.audits;
      runs[name].push({
        tbt: a['total-blocking-time'].numericValue,
        lcp: a['largest-contentful-paint'].numericValue,
        fcp: a['first-contentful-paint'].numericValue,
        cls: a['cumulative-layout-shift'].numericValue,
        bytes: a['total-byte-weight'].numericValue,
        score: result.lhr.categories.performance.score * 100,
      });
    }
  }
  for (const name of names) {
    const m = (key) => median(runs[name].map((r) => r[key]));
    const ratio = median(runs[name].map((r, i) => r.lcp / runs.static[i].lcp));
    console.log(`  ${name.padEnd(7)} TBT ${m('tbt').toFixed(0)} ms; LCP ${m('lcp').toFixed(0)} ms (${ratio.toFixed(2)}x the static page); FCP ${m('fcp').toFixed(0)} ms; CLS ${m('cls').toFixed(4)}; total bytes ${(m('bytes') / 1024).toFixed(1)} KB; performance score ${Math.round(m('score'))}`);
  }
} finally {
  await chrome.kill();
  await pages.close();
  await server.close();
}
