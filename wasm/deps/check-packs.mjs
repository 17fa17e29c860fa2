// Renders the golden cards (tests/golden/cards) with ICU data split the way a page loads it:
// one fresh wasm instance per language, given only the base package and that language's
// package, and compares every card with the native build's expected bytes; then one instance for
// all languages, each package added just before its first card, Arabic first.
// Usage: node check-packs.mjs GLUE_DIR DATA_DIR [BASE_NAME]
//   GLUE_DIR holds khabar-core.mjs + khabar-core.wasm; DATA_DIR holds
//   BASE_NAME (default khabar-icu-base.dat) and khabar-icu-<language>.dat.
// Exit status 1 if any card differs. Run with NODE_OPTIONS=--no-experimental-fetch.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [glueDir, dataDir, baseName = 'khabar-icu-base.dat'] = process.argv.slice(2);
if (!glueDir || !dataDir) {
  console.error('usage: node check-packs.mjs GLUE_DIR DATA_DIR [BASE_NAME]');
  process.exit(2);
}
const root = new URL('../../', import.meta.url);
const read = (p) => readFile(new URL(p, root), 'utf8');
const spec = JSON.parse(await read('tests/golden/cards/cases.json'));
const { default: createCore } = await import(pathToFileURL(path.resolve(glueDir, 'khabar-core.mjs')));
const wasmBinary = await readFile(path.resolve(glueDir, 'khabar-core.wasm'));
const enc = new TextEncoder();
const dec = new TextDecoder();

async function add(core, f) {
  const bytes = new Uint8Array(await readFile(path.resolve(dataDir, f)));
  const ptr = core._khabar_alloc(bytes.length); // never freed: ICU keeps the pointer
  core.HEAPU8.set(bytes, ptr);
  // "*": the core is told it has every language's data, so that a missing item shows up as a
  // different card, not as a request for more data.
  const all = core._khabar_alloc(2);
  core.HEAPU8.set(enc.encode('*\0'), all);
  if (core._khabar_load_icu_data(ptr, bytes.length, all) !== 0) throw new Error(`${f} refused`);
}

async function instance(files) {
  const core = await createCore({ wasmBinary });
  for (const f of files) await add(core, f);
  return core;
}

function card(core, input, options) {
  const copy = (bytes) => {
    const p = core._khabar_alloc(Math.max(bytes.length, 1));
    core.HEAPU8.set(bytes, p);
    return [p, bytes.length];
  };
  const [ip, il] = copy(enc.encode(input));
  const [op, ol] = copy(enc.encode(JSON.stringify(options)));
  const status = core._khabar_card(ip, il, op, ol);
  const out = core._khabar_output();
  const text = dec.decode(core.HEAPU8.subarray(out, out + core._khabar_output_size()));
  core._khabar_free(ip);
  core._khabar_free(op);
  if (status !== 0) throw new Error(text);
  return text;
}

const byLanguage = new Map();
for (const c of spec.cases)
  for (const locale of c.locales) {
    const lang = locale.split('-')[0];
    if (!byLanguage.has(lang)) byLanguage.set(lang, []);
    byLanguage.get(lang).push([c, locale]);
  }

let failed = 0, passed = 0;
async function check(core, lang, cases, label) {
  for (const [c, locale] of cases) {
    const input = await read(c.input);
    for (const format of spec.formats) {
      const name = `${c.name}.${locale}.${format}`;
      const expected = await read(`tests/golden/cards/expected/${name}`);
      let out;
      try {
        out = card(core, input, { locale, now: spec.now, time_zone: spec.time_zone, format });
      } catch (e) {
        out = `error: ${e.message}`;
      }
      if (format !== 'text') out += '\n';
      if (out === expected) passed++;
      else {
        failed++;
        const at = [...out].findIndex((ch, i) => ch !== [...expected][i]);
        console.log(`DIFF ${name} (${label}) at char ${at}: got ${JSON.stringify([...out].slice(Math.max(0, at - 20), at + 40).join(''))}`);
        console.log(`     expected ${JSON.stringify([...expected].slice(Math.max(0, at - 20), at + 40).join(''))}`);
      }
    }
  }
}
// One fresh instance per language, given only the base and that language's package.
for (const [lang, cases] of byLanguage) await check(await instance([baseName, `khabar-icu-${lang}.dat`]), lang, cases, `base + ${lang}`);
// One instance for all, each package added just before its first card, English after Arabic
// (as a page meets them): ICU must not have cached a fallback for a language added later.
const shared = await instance([baseName]);
const order = [...byLanguage.keys()].sort((a, b) => (a === 'ar' ? -1 : b === 'ar' ? 1 : a.localeCompare(b)));
for (const lang of order) {
  await add(shared, `khabar-icu-${lang}.dat`);
  await check(shared, lang, byLanguage.get(lang), `one instance, ${order.slice(0, order.indexOf(lang) + 1).join(' then ')}`);
}
console.log(`check-packs: ${passed} cards identical, ${failed} different`);
process.exit(failed ? 1 : 0);
