// The core with the HTML reader (load({ html: true }), khabar-core-html.wasm) in Node: every
// golden card byte-identical to the native build's expected files, the pages only the HTML
// reader reads (cases.json's html_cases) included. Its own file, so its own process: the
// package holds one core, and parity.test.mjs checks the lean one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { analyze, renderHTML, renderJSON, renderText, load, KhabarError } from 'khabar';

const root = new URL('../../../', import.meta.url);
const spec = JSON.parse(await readFile(new URL('tests/golden/cards/cases.json', root), 'utf8'));
const module = await load({ html: true });

const renderers = { json: renderJSON, html: renderHTML, text: renderText };
const cases = [...spec.cases, ...spec.html_cases];

test('the html cases are there: an Arabic windows-1256 page and an OpenGraph-only Latin page', () => {
  assert.ok(spec.html_cases.length >= 2);
  assert.ok(spec.html_cases.some((c) => c.input.endsWith('windows-1256.html')));
});

for (const c of cases) {
  // The bytes as a page serves them: the core decodes windows-1256 itself, as natively.
  const input = new Uint8Array(await readFile(new URL(c.input, root)));
  for (const locale of c.locales) {
    for (const format of spec.formats) {
      const name = `${c.name}.${locale}.${format}`;
      test(`html core golden ${name}`, async () => {
        const expected = await readFile(new URL(`tests/golden/cards/expected/${name}`, root), 'utf8');
        let out = await renderers[format](input, { locale, now: spec.now, timeZone: spec.time_zone });
        if (format !== 'text') out += '\n'; // the CLI ends JSON and HTML with a newline
        assert.equal(out, expected);
      });
    }
  }
}

test('a UTF-8 page gives the same card as a string and as bytes', async () => {
  const path = new URL(spec.html_cases.find((c) => !c.input.endsWith('windows-1256.html')).input, root);
  const options = { locale: 'en', now: spec.now, timeZone: spec.time_zone };
  assert.equal(await renderHTML(await readFile(path, 'utf8'), options), await renderHTML(await readFile(path), options));
});

test('the windows-1256 page is decoded: Arabic title, rtl, no replacement character', async () => {
  const c = spec.html_cases.find((x) => x.input.endsWith('windows-1256.html'));
  const card = await analyze(await readFile(new URL(c.input, root)), { locale: 'ar-MA', now: spec.now });
  assert.equal(card.lang, 'ar');
  assert.equal(card.dir, 'rtl');
  assert.match(card.title, /^[\u0600-\u06FF ]+$/);
  assert.ok(!JSON.stringify(card).includes('\uFFFD'));
  assert.ok(card.summary.text.length > 0, 'a summary from the extracted body');
});

test('the same instance for load() and load({ html: true }); the lean core asked after is refused', async () => {
  assert.equal(await load(), module);
  assert.equal(await load({ html: true }), module);
  await assert.rejects(load({ html: false }), (e) => e instanceof KhabarError && e.code === 'load.module_conflict');
});
