// 10,000 analyses in one wasm instance keep the heap flat: nothing leaks across the
// boundary, on success or on error. Prints the figures for the closing note.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, renderHTML, diagnostics } from 'khabar';

const article = {
  title: 'الإنتربول يشيد من مراكش بالمغرب',
  source: 'كشـ24',
  published: '2025-11-21',
  url: 'https://example.ma/a',
  body: ['احتضنت مدينة مراكش ندوة صحفية حول الدورة 93 للجمعية العامة بمشاركة 196 دولة.', 'وقال المتحدث إن “التعاون ضروري” للجميع.'],
};

async function round(i) {
  if (i % 10 === 9) {
    await assert.rejects(analyze('{"title": '), (e) => e.code === 'parse.invalid_json');
  } else if (i % 2) {
    await renderHTML(article, { locale: i % 4 === 1 ? 'ar-MA' : 'fr-MA' });
  } else {
    await analyze(article, { locale: 'ar-EG', now: '2025-11-29T10:00:00Z' });
  }
}

test('10,000 analyses keep the wasm heap flat', async () => {
  for (let i = 0; i < 200; i++) await round(i); // warm caches (ICU objects, stemmers)
  const before = await diagnostics();
  for (let i = 0; i < 10000; i++) await round(i);
  const after = await diagnostics();
  console.log(`heap in use: ${before.heapUsed} bytes after warm-up, ${after.heapUsed} after 10,000 more; memory ${before.memoryBytes} -> ${after.memoryBytes} bytes`);
  assert.ok(after.heapUsed <= before.heapUsed + 16 * 1024, `heap grew from ${before.heapUsed} to ${after.heapUsed}`);
  assert.equal(after.memoryBytes, before.memoryBytes);
});
