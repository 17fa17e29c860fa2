// The golden cards through the wasm build: byte-identical to the native build's
// expected files (tests/golden/cards), which the native tests check too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { analyze, renderHTML, renderJSON, renderText, load, version, KhabarError } from 'khabar';

const root = new URL('../../../', import.meta.url);
const read = (path) => readFile(new URL(path, root), 'utf8');
const spec = JSON.parse(await read('tests/golden/cards/cases.json'));
await load();

const renderers = { json: renderJSON, html: renderHTML, text: renderText };

for (const c of spec.cases) {
  const input = await read(c.input);
  for (const locale of c.locales) {
    for (const format of spec.formats) {
      const name = `${c.name}.${locale}.${format}`;
      test(`golden ${name}`, async () => {
        const expected = await read(`tests/golden/cards/expected/${name}`);
        let out = await renderers[format](input, { locale, now: spec.now, timeZone: spec.time_zone });
        if (format !== 'text') out += '\n'; // the CLI ends JSON and HTML with a newline
        assert.equal(out, expected);
      });
    }
  }
}

test('the lean core refuses a page only the HTML reader reads, naming the module that does', async () => {
  assert.ok(spec.html_cases.length > 0);
  for (const c of spec.html_cases) {
    const bytes = new Uint8Array(await readFile(new URL(c.input, root)));
    await assert.rejects(
      analyze(bytes, { locale: c.locales[0] }),
      (e) => e instanceof KhabarError && e.code === 'input.html_reader_missing' && /khabar-core-html\.wasm/.test(e.message) && /html: true/.test(e.message),
      c.name,
    );
  }
  // A JSON-LD article without its body: natively its text comes from the markup, so the lean
  // core refuses it rather than give a headline-only card that differs from the native one.
  const headlineOnly = `<!doctype html><html lang="en"><head><script type="application/ld+json">
{"@type": "NewsArticle", "headline": "Rain in Rabat"}</script></head><body><article><p>It rained all day in Rabat.</p></article></body></html>`;
  await assert.rejects(analyze(headlineOnly, { locale: 'en' }), (e) => e.code === 'input.html_reader_missing');
  // A page with a JSON-LD article is still read by the lean core (the golden `page` above).
});

test('analyze returns the Card object', async () => {
  const card = await analyze(await read('examples/seed-article-ar.txt'), { locale: 'ar-MA' });
  assert.equal(card.khabar_card, 1);
  assert.equal(card.title, 'الإنتربول يشيد من مراكش بالمغرب نموذج عالمي في التعاون الأمني');
  assert.equal(card.dir, 'rtl');
  assert.equal(card.source, 'كشـ24');
});

test('an article object is read as Khabar JSON', async () => {
  const card = await analyze({ title: 'عنوان الخبر', body: ['فقرة أولى من الخبر.'] });
  assert.equal(card.title, 'عنوان الخبر');
  assert.equal(card.lang, 'ar');
});

test('long Arabic input is copied whole (sized in UTF-8 bytes, not string.length)', async () => {
  const paragraph = 'وأوضح رئيس الإنتربول أن الدول الأعضاء مطالبة بالعمل يدا واحدة لمجابهة التهديدات. ';
  const text = `عنوان طويل ينتهي هنا\n${(paragraph + "\n").repeat(2000)}\nالسطر الأخير ينتهي بكلمة خاتمة`;
  const card = await analyze(text);
  assert.equal(card.title, 'عنوان طويل ينتهي هنا');
  // 12 words a repetition, 2000 repetitions, plus the title and the last line.
  assert.ok(card.reading_time.words >= 24000, `words: ${card.reading_time.words}`);
});

test('errors carry the native stable codes', async () => {
  const cases = [
    ['', 'input.empty'],
    ['{"title": ', 'parse.invalid_json'],
    ['[' .repeat(100000), 'input.too_deep'],
    ['{"@context":"https://schema.org","@type":"Recipe","name":"x"}', 'parse.no_article'],
    ['{"khabar": 2, "title": "x"}', 'parse.unsupported_version'],
  ];
  for (const [input, code] of cases) {
    await assert.rejects(analyze(input), (e) => e instanceof KhabarError && e.code === code, code);
  }
  await assert.rejects(analyze('t\nb', { now: 'yesterday' }), (e) => e.code === 'time.invalid');
  await assert.rejects(analyze('t\nb', { headingLevel: 9 }), (e) => e.code === 'option.invalid');
  await assert.rejects(analyze('x'.repeat(100), { maxBytes: 10 }), (e) => e.code === 'input.too_large');
});

test('version and a second load() share one instance', async () => {
  assert.match(version, /^\d+\.\d+\.\d+$/);
  assert.equal(await load(), await load());
});
