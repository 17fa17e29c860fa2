// The web app example: the package imported through Vite 7 (`npm run build`, offline), then
// served as static files. The bundled element and analyze() share one wasm instance.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cardInfo, launch, openPage, repoRoot, settled, startServer, testLog } from './helpers.mjs';

const app = `${repoRoot}examples/web-app`;
let server, browser;
before(async () => {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: app, stdio: 'ignore' });
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the Vite build renders the seed card and analyze() output', { skip: !existsSync(`${app}/node_modules/vite`) && 'run npm ci in examples/web-app' }, async () => {
  const { page, context, pageErrors } = await openPage(browser);
  await page.goto(server.url('/examples/web-app/dist/index.html'));
  await settled(page);
  const card = await cardInfo(page);
  assert.equal(card.state, 'ready');
  assert.equal(card.dir, 'rtl');
  assert.equal(card.title, 'الإنتربول يشيد من مراكش بالمغرب نموذج عالمي في التعاون الأمني');
  await page.waitForFunction(() => document.querySelector('#reading-time').textContent !== '…');
  assert.equal(await page.textContent('#reading-time'), '3 دقائق');
  const log = await testLog(page);
  assert.equal(log.instantiations, 1);
  assert.equal(server.count('.wasm'), 1);
  assert.deepEqual(log.addedGlobals, []);
  assert.deepEqual(pageErrors, []);
  await context.close();
});
