// The README's demo: serves the repository on localhost, prints the partner page's URL, saves
// a screenshot of the seed card (build/screenshots/seed-ar-MA.png) and exits; --serve keeps
// serving until Ctrl-C.  Run through tests/browser/run.sh demo [--serve].
import { launch, openPage, screenshot, settled, startServer } from './helpers.mjs';

const serve = process.argv.includes('--serve');
const server = await startServer();
const url = server.url('/examples/partner/index.html');
console.log(`khabar demo: ${url}`);
console.log(`  also: ${server.url('/examples/partner/locales.html')}  ${server.url('/examples/partner/fifty.html')}  ${server.url('/examples/partner/hostile.html')}`);
const browser = await launch();
try {
  const { page } = await openPage(browser, { viewport: { width: 900, height: 1000 } });
  await page.goto(url);
  await settled(page, 'khabar-card:has(> blockquote)');
  await page.waitForFunction(() => document.querySelector('khabar-card').shadowRoot.querySelector('img')?.complete);
  const path = await screenshot(page.locator('khabar-card:has(> blockquote)'), 'seed-ar-MA');
  console.log(`screenshot: ${path}`);
} finally {
  await browser.close();
}
if (serve) {
  console.log('serving (Ctrl-C to stop); the pictures come from https://news.example/, answered only under the tests');
} else {
  await server.close();
}
