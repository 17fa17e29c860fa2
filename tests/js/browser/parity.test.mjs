// The golden cards rendered in Chromium through the package's ES module: byte for byte the
// expected files of tests/golden/cards (the native and the Node tests check the same files).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, openPage, repoRoot, startServer } from './helpers.mjs';
import { expectedZoneCase, renderZoneCases } from '../wasm/zone-cases.mjs';

const read = (path) => readFile(`${repoRoot}${path}`, 'utf8');
const spec = JSON.parse(await read('tests/golden/cards/cases.json'));
let server, browser, page, context;
before(async () => {
  server = await startServer();
  browser = await launch();
  ({ page, context } = await openPage(browser));
  await page.goto(server.url('/tests/js/browser/pages/parity.html'));
});
after(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

for (const c of spec.cases) {
  test(`golden ${c.name} (${c.locales.join(', ')}) in the browser`, async () => {
    const input = await read(c.input);
    const jobs = c.locales.flatMap((locale) => spec.formats.map((format) => ({ locale, format })));
    const outputs = await page.evaluate(
      async ({ input, jobs, now, timeZone }) => {
        const khabar = await import('/web/dist/index.js');
        const render = { json: khabar.renderJSON, html: khabar.renderHTML, text: khabar.renderText };
        const out = [];
        for (const { locale, format } of jobs) out.push(await render[format](input, { locale, now, timeZone }));
        return out;
      },
      { input, jobs, now: spec.now, timeZone: spec.time_zone },
    );
    for (const [i, { locale, format }] of jobs.entries()) {
      const name = `${c.name}.${locale}.${format}`;
      const expected = await read(`tests/golden/cards/expected/${name}`);
      const out = format === 'text' ? outputs[i] : `${outputs[i]}\n`; // the CLI ends JSON and HTML with a newline
      assert.equal(out, expected, name);
    }
  });
}

// Chromium's Intl gives the offsets here (no ICU zone data is shipped): the same table as
// natively and in Node (tests/golden/format/zones.json), the same function as in Node.
test('time zones around their offset changes in the browser (zones.json)', async () => {
  const table = JSON.parse(await read('tests/golden/format/zones.json'));
  const results = await page.evaluate(
    ([source, cases]) => (0, eval)(`(${source})`)(cases, '/web/dist/index.js'),
    [renderZoneCases.toString(), table.cases],
  );
  for (const [i, c] of table.cases.entries()) assert.deepEqual(results[i], expectedZoneCase(c), `${c.tz} ${c.input}: ${c.source}`);
});
