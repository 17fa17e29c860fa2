// Benchmarks of the WebAssembly build, printing numbers (no pass/fail):
//  (a) bytes of the loader, package JS, glue, wasm and ICU data: raw / gzip -9 / brotli
//  (b) EASC dev articles -> cards per second, wasm in Node vs the native build (ratio)
//  (c) sentence segmentation: the wasm core vs V8's Intl.Segmenter in this process (ratio)
//  (d) the wasm memory's high-water mark on a 100k-word article
// usage: node tests/bench/wasm_bench.mjs EASC.jsonl NATIVE_THROUGHPUT_BINARY [seconds]
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const [jsonl, nativeBinary, secondsArg] = process.argv.slice(2);
const seconds = Number(secondsArg ?? 3);
// KHABAR_DIST: another build of the package to measure (default: web/dist).
const dist = process.env.KHABAR_DIST ? new URL(`file://${process.env.KHABAR_DIST.replace(/\/?$/, '/')}`) : new URL('../../web/dist/', import.meta.url);
// node.js is the package's Node entry (it reads the .wasm from disk); older builds had only index.js.
const entry = existsSync(new URL('node.js', dist)) ? 'node.js' : 'index.js';
const { load, renderJSON, splitSentences, diagnostics } = await import(new URL(entry, dist).href);

// (a)
console.log('(a) package files             raw     gzip-9     brotli');
const sizes = new Map();
for (const name of (await readdir(dist)).sort()) {
  if (name.endsWith('.d.ts')) continue;
  const bytes = await readFile(new URL(name, dist));
  const gz = gzipSync(bytes, { level: 9 }).length;
  const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  sizes.set(name, [bytes.length, gz, br]);
  console.log(`    ${name.padEnd(22)} ${String(bytes.length).padStart(9)} ${String(gz).padStart(10)} ${String(br).padStart(10)}`);
}
// What a partner page showing Arabic cards downloads (the embed test lists the requests):
// the loader, the package module, the glue, the wasm, the shared ICU data and Arabic's.
const arabicPage = ['khabar.js', 'index.js', 'khabar-core.mjs', 'khabar-core.wasm', 'khabar-icu-base.dat', 'khabar-icu-ar.dat'];
const total = arabicPage.reduce((t, name) => t.map((v, i) => v + (sizes.get(name)?.[i] ?? NaN)), [0, 0, 0]);
console.log(`    ${'one Arabic page'.padEnd(22)} ${String(total[0]).padStart(9)} ${String(total[1]).padStart(10)} ${String(total[2]).padStart(10)}` +
  `   (${(total[2] / 1000).toFixed(1)} KB brotli; budget 450, aim 400; before issue 12's second round (1361800): 602.4, after it (d158e62): 518.6)`);
// The HTML reader's core (load({ html: true }), the card service's): what it adds over the lean
// one, counted apart from the page above. Its wasm holds Gumbo, the reader and ICU's codepage
// converters; khabar-icu-charsets.dat is the converters' data.
const row = (label, v) => console.log(`    ${label.padEnd(22)} ${v.map((x) => String(x).padStart(9)).join(' ')}`);
if (sizes.has('khabar-core-html.wasm')) {
  const diff = (a, b) => sizes.get(a).map((v, i) => v - sizes.get(b)[i]);
  row('html wasm - lean wasm', diff('khabar-core-html.wasm', 'khabar-core.wasm'));
  row('html glue - lean glue', diff('khabar-core-html.mjs', 'khabar-core.mjs'));
  if (sizes.has('khabar-icu-charsets.dat')) row('+ charsets data', sizes.get('khabar-icu-charsets.dat'));
  const htmlPage = ['index.js', 'khabar-core.mjs', 'khabar-core-html.mjs', 'khabar-core-html.wasm', 'khabar-icu-base.dat', 'khabar-icu-ar.dat', 'khabar-icu-charsets.dat'];
  row('html core, Arabic', htmlPage.reduce((t, name) => t.map((v, i) => v + (sizes.get(name)?.[i] ?? NaN)), [0, 0, 0]));
  console.log('    (html core, Arabic: what load({ html: true }) fetches for Arabic cards; not in the budget above)');
}

const articles = (await readFile(jsonl, 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l).article);
await load();

// (b) in rounds of one second each, native and wasm in turn, so that both see the same machine
// state (the machine is shared: run one after the other, the ratio moved from 0.16 to 0.51).
for (const a of articles) await renderJSON(a, { locale: 'ar' }); // warm-up: ICU data, V8's tiers
let done = 0, cardMs = 0, nativeDone = 0, nativeSeconds = 0;
for (let round = 0; round < seconds; round++) {
  const line = execFileSync(nativeBinary, [jsonl, '1'], { encoding: 'utf8' });
  const m = /native: (\d+) cards in ([\d.]+) s/.exec(line);
  nativeDone += Number(m[1]);
  nativeSeconds += Number(m[2]);
  const t0 = performance.now();
  while (performance.now() - t0 < 1000) {
    for (const a of articles) {
      await renderJSON(a, { locale: 'ar' });
      done++;
    }
  }
  cardMs += performance.now() - t0;
}
const wasmRate = done / (cardMs / 1000);
const nativeRate = nativeDone / nativeSeconds;
console.log(`(b) native: ${nativeDone} cards in ${nativeSeconds.toFixed(3)} s: ${nativeRate.toFixed(1)} articles/s (${seconds} rounds of 1 s, in turn with wasm)`);
console.log(`    wasm:   ${done} cards in ${(cardMs / 1000).toFixed(3)} s: ${wasmRate.toFixed(1)} articles/s`);
console.log(`    wasm / native = ${(wasmRate / nativeRate).toFixed(2)}   (target 0.6; d158e62, before round 4 of issue 12: 0.42)`);

// (c) the same texts, alternating the two segmenters so both see the same machine state
const segmenter = new Intl.Segmenter('ar', { granularity: 'sentence' });
let wasmMs = 0, v8Ms = 0, wasmCount = 0, v8Count = 0;
for (let round = 0; round < 5; round++) {
  let t = performance.now();
  for (const a of articles) wasmCount += (await splitSentences(a, 'ar')).length;
  wasmMs += performance.now() - t;
  t = performance.now();
  for (const a of articles) for (const s of segmenter.segment(a)) v8Count += s.segment.length > 0;
  v8Ms += performance.now() - t;
}
console.log(`(c) sentences: wasm core ${wasmCount / 5} in ${(wasmMs / 5).toFixed(1)} ms, Intl.Segmenter ${v8Count / 5} in ${(v8Ms / 5).toFixed(1)} ms per pass`);
console.log(`    wasm time / Intl.Segmenter time = ${(wasmMs / v8Ms).toFixed(2)}`);

// (d)
const before = await diagnostics();
const seed = await readFile(new URL('../../examples/seed-article-ar.txt', import.meta.url), 'utf8');
const paragraphs = seed.split('\n').slice(3).filter((l) => l.trim());
let big = 'عنوان مقال طويل جدا\n';
let words = 0;
for (let i = 0; words < 100000; i++) {
  const p = paragraphs[i % paragraphs.length];
  big += p + '\n';
  words += p.split(/\s+/).filter(Boolean).length;
}
const t1 = performance.now();
await renderJSON(big, { locale: 'ar-MA' });
const after = await diagnostics();
console.log(`(d) 100k-word article (${words} words, ${(Buffer.byteLength(big) / 1e6).toFixed(2)} MB) in ${(performance.now() - t1).toFixed(0)} ms`);
console.log(`    wasm memory: ${(before.memoryBytes / 2 ** 20).toFixed(1)} MiB before, ${(after.memoryBytes / 2 ** 20).toFixed(1)} MiB high-water after; heap in use after: ${(after.heapUsed / 2 ** 20).toFixed(2)} MiB`);
