// The golden pictures (tests/golden/images/hashes.json, which the native tests check) drawn by
// the khabar-image wasm module must be the same bytes, and the seed's og picture the same bytes
// as the native CLI's `khabar image`. Then pictures a second in Node at 1200x630 (one warm
// instance, as a server keeps it), and the module's size.
// Usage: node check-image-cards.mjs GLUE_DIR DEPS_DIR KHABAR
//   GLUE_DIR holds khabar-image.mjs + .wasm and fonts/; DEPS_DIR holds icu-data/khabar-icu.dat
//   and icu-image/khabar-icu-image.dat; KHABAR is the native CLI. Run with
//   NODE_OPTIONS=--no-experimental-fetch. Exit status 1 if any picture differs.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

const [glueDir, depsDir, khabar] = process.argv.slice(2);
if (!glueDir || !depsDir || !khabar) {
  console.error('usage: node check-image-cards.mjs GLUE_DIR DEPS_DIR KHABAR');
  process.exit(2);
}
const root = fileURLToPath(new URL('../../', import.meta.url));
const at = (p) => path.resolve(root, p);
const { default: createKhabarImage } = await import(pathToFileURL(path.resolve(glueDir, 'khabar-image.mjs')));
const wasmBinary = await readFile(path.resolve(glueDir, 'khabar-image.wasm'));
const m = await createKhabarImage({ wasmBinary });
const enc = new TextEncoder();
const dec = new TextDecoder();

// Bytes into the module's heap (sized as bytes, never string.length); the caller frees.
const copy = (bytes) => {
  const p = m._khabar_alloc(Math.max(bytes.length, 1));
  m.HEAPU8.set(bytes, p); // HEAPU8 read after the alloc: memory may have grown
  return [p, bytes.length];
};
const cstr = (s) => copy(enc.encode(`${s}\0`))[0];
const output = () => m.HEAPU8.slice(m._khabar_output(), m._khabar_output() + m._khabar_output_size());
const fail = (what) => {
  throw new Error(`${what}: ${m.UTF8ToString(m._khabar_error_code())} ${dec.decode(output())}`);
};

// ICU's data (kept for the module's life: ICU holds the pointer), all languages ("*") and the
// line-break rules the picture's layout needs.
for (const [file, language] of [['icu-data/khabar-icu.dat', '*'], ['icu-image/khabar-icu-image.dat', '']]) {
  const [p, n] = copy(new Uint8Array(await readFile(path.resolve(depsDir, file))));
  if (m._khabar_load_icu_data(p, n, cstr(language)) !== 0) fail(file);
}
const fontNames = ['NotoSans-Regular.ttf', 'NotoSans-Bold.ttf', 'NotoNaskhArabic-Regular.ttf', 'NotoNaskhArabic-Bold.ttf',
  'NotoNastaliqUrdu-Regular.ttf', 'NotoNastaliqUrdu-Bold.ttf', 'NotoSansHebrew-Regular.ttf', 'NotoSansHebrew-Bold.ttf'];
for (const [slot, name] of fontNames.entries()) {
  const [p, n] = copy(new Uint8Array(await readFile(path.resolve(glueDir, 'fonts', name))));
  const status = m._khabar_image_font(slot, p, n);
  m._khabar_free(p);
  if (status !== 0) fail(name);
}

const now = '2025-11-29T10:00:00+01:00', timeZone = 'Africa/Casablanca';
function picture(input, { locale, size = 'og', theme = 'light', format = 'png', picture: pic = '' }) {
  const args = [copy(input), copy(enc.encode(JSON.stringify({ locale, now, time_zone: timeZone })))];
  const strings = [size, theme, format, ''].map(cstr);
  const [pp, pn] = copy(pic);
  const status = m._khabar_image(...args[0], ...args[1], ...strings, pp, pn);
  for (const p of [args[0][0], args[1][0], ...strings, pp]) m._khabar_free(p);
  if (status !== 0) fail(`status ${status}`);
  return output();
}

// The cases of tests/core/test_image.cpp (golden_images), named as in hashes.json.
const cases = [
  ['seed-ar-MA-light', 'examples/seed-article-ar.txt', { locale: 'ar-MA', picture: 'photo.jpg' }],
  ['seed-ar-MA-dark', 'examples/seed-article-ar.txt', { locale: 'ar-MA', theme: 'dark' }],
  ['seed-ar-MA-square', 'examples/seed-article-ar.txt', { locale: 'ar-MA', size: 'square', picture: 'photo.png' }],
  ['seed-ar-MA-story-svg', 'examples/seed-article-ar.txt', { locale: 'ar-MA', size: 'story', format: 'svg' }],
  ['fr', 'tests/golden/images/articles/fr.json', { locale: 'fr', picture: 'photo.jpg' }],
  ['fr-long-title', 'tests/golden/readers/udhr-fr-long-title.json', { locale: 'fr' }],
  ['en', 'tests/golden/readers/khabar-en.json', { locale: 'en', picture: 'photo.webp' }],
  ['he', 'tests/golden/readers/udhr-he.json', { locale: 'he' }],
  ['fa', 'tests/golden/readers/udhr-fa.json', { locale: 'fa', theme: 'dark' }],
  ['ur', 'tests/golden/readers/udhr-ur.json', { locale: 'ur' }],
  ['mixed-ar', 'tests/golden/images/articles/mixed-ar.json', { locale: 'ar-MA' }],
  ['long-title-ar', 'tests/golden/images/articles/long-title-ar.json', { locale: 'ar-MA', size: 'story', picture: 'photo.jpg' }],
];
const hashes = JSON.parse(await readFile(at('tests/golden/images/hashes.json'), 'utf8'));
const sha256 = (b) => createHash('sha256').update(b).digest('hex');
const bytesOf = async (p) => new Uint8Array(await readFile(at(p)));
let failed = 0;
for (const [name, input, o] of cases) {
  const pic = o.picture ? await bytesOf(`tests/golden/images/pictures/${o.picture}`) : new Uint8Array();
  const got = sha256(picture(await bytesOf(input), { ...o, picture: pic }));
  const same = got === hashes[name];
  if (!same) failed++;
  console.log(`${same ? 'same' : 'DIFF'} ${name} ${got}${same ? '' : ` (native ${hashes[name]})`}`);
}

// The seed's og picture against the native CLI's, byte for byte.
const seed = await bytesOf('examples/seed-article-ar.txt');
const photo = at('tests/golden/images/pictures/photo.jpg');
const cli = execFileSync(khabar, ['image', at('examples/seed-article-ar.txt'), '--locale', 'ar-MA', '--size', 'og',
  '--picture', photo, '--now', now, '--tz', timeZone], { maxBuffer: 64 << 20 });
const wasm = picture(seed, { locale: 'ar-MA', picture: new Uint8Array(await readFile(photo)) });
const cliSame = Buffer.compare(cli, Buffer.from(wasm)) === 0;
if (!cliSame) failed++;
console.log(`${cliSame ? 'same' : 'DIFF'} seed og: wasm ${sha256(wasm)} (${wasm.length} B), khabar image ${sha256(cli)} (${cli.length} B)`);

// Pictures a second at 1200x630, warm (glyphs cached), with and without the photo.
for (const [label, pic] of [['without a photo', new Uint8Array()], ['with the JPEG photo', new Uint8Array(await readFile(photo))]]) {
  picture(seed, { locale: 'ar-MA', picture: pic });
  const t0 = performance.now(), cpu0 = process.cpuUsage();
  let n = 0;
  while (performance.now() - t0 < 3000) picture(seed, { locale: 'ar-MA', picture: pic }), n++;
  const wall = (performance.now() - t0) / 1000, cpu = process.cpuUsage(cpu0);
  // By CPU time too, as make bench-image counts natively: the machine is shared.
  console.log(`node: ${(n / wall).toFixed(1)} pictures/s at 1200x630 ${label} (${n} in ${wall.toFixed(1)} s), ` +
    `${(n / ((cpu.user + cpu.system) / 1e6)).toFixed(1)} a CPU second`);
}
const brotli = brotliCompressSync(wasmBinary, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
console.log(`khabar-image.wasm: ${wasmBinary.length} B raw, ${brotli} B brotli`);
console.log(`check-image-cards: ${cases.length + 1 - failed} identical, ${failed} different`);
process.exit(failed ? 1 : 0);
