// Where the wasm core spends its time on the EASC cards: renders every article for SECONDS
// under V8's sampling profiler (the same profiler as `node --cpu-prof`) and prints the
// self time by function, then grouped by origin (ICU, the core, libc++, ...). Needs a core
// linked with function names (cmake -DKHABAR_WASM_PROFILING=ON: --profiling-funcs), else the
// wasm frames are only numbers.
// usage: node tests/bench/wasm_profile.mjs EASC.jsonl GLUE_DIR [seconds] [PROFILE.cpuprofile]
//   GLUE_DIR: khabar-core.mjs + khabar-core.wasm; the ICU data comes from web/dist.
import { readFile, writeFile, copyFile, mkdtemp, readdir } from 'node:fs/promises';
import { Session } from 'node:inspector';
import path from 'node:path';
import os from 'node:os';
import { pathToFileURL } from 'node:url';

const [jsonl, glueDir, secondsArg, out] = process.argv.slice(2);
if (!jsonl || !glueDir) {
  console.error('usage: node tests/bench/wasm_profile.mjs EASC.jsonl GLUE_DIR [seconds] [PROFILE.cpuprofile]');
  process.exit(2);
}
const seconds = Number(secondsArg ?? 5);
// The package as built, with the profiling glue and wasm in place of its own.
const dist = new URL('../../web/dist/', import.meta.url);
const dir = await mkdtemp(path.join(os.tmpdir(), 'khabar-profile-'));
for (const name of await readdir(dist)) await copyFile(new URL(name, dist), path.join(dir, name));
for (const name of ['khabar-core.mjs', 'khabar-core.wasm']) await copyFile(path.join(glueDir, name), path.join(dir, name));
// node.js: the package's Node entry, which reads its local files (index.js fetches them).
const { load, renderJSON } = await import(pathToFileURL(path.join(dir, 'node.js')).href);

const articles = (await readFile(jsonl, 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l).article);
await load();
for (const a of articles) await renderJSON(a, { locale: 'ar' }); // warm up: ICU data, tiers

const session = new Session();
session.connect();
const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));
await post('Profiler.enable');
await post('Profiler.setSamplingInterval', { interval: 200 });
await post('Profiler.start');
let cards = 0;
const t0 = performance.now();
while (performance.now() - t0 < seconds * 1000) {
  for (const a of articles) {
    await renderJSON(a, { locale: 'ar' });
    cards++;
  }
}
const elapsed = (performance.now() - t0) / 1000;
const { profile } = await post('Profiler.stop');
if (out) await writeFile(out, JSON.stringify(profile));

// Self time per function: samples whose top frame is that node.
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
for (const id of profile.samples) {
  const name = byId.get(id).callFrame.functionName || '(anonymous)';
  self.set(name, (self.get(name) ?? 0) + 1);
}
const total = profile.samples.length;
const pct = (n) => `${((100 * n) / total).toFixed(1).padStart(5)} %`;
console.log(`${cards} cards in ${elapsed.toFixed(1)} s (${(cards / elapsed).toFixed(1)} cards/s), ${total} samples`);
console.log('self time by function (top 30):');
for (const [name, n] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${pct(n)}  ${name.slice(0, 120)}`);

const origin = (name) => {
  if (/icu_72|^u[a-z]+_\w*_72$|_72$/.test(name)) return 'ICU';
  if (/sb_stemmer|^r_|stem_UTF_8|slice_|find_among|in_grouping|out_grouping|eq_s/.test(name)) return 'Snowball';
  if (/nlohmann/.test(name)) return 'nlohmann_json';
  if (/khabar/.test(name)) return 'khabar';
  if (/^(std::|__cxx|operator new|operator delete)|__2::/.test(name)) return 'libc++';
  if (/^(malloc|free|emmalloc|memcpy|memmove|memset|strlen|memcmp|realloc|calloc|aligned_alloc)/.test(name)) return 'libc (malloc, mem*)';
  if (/^\(garbage collector\)|\(program\)|\(idle\)/.test(name)) return 'V8 (GC, idle, program)';
  if (/^\$?\d+$|^wasm-function/.test(name)) return 'wasm (no name)';
  return 'JS and other';
};
const groups = new Map();
for (const [name, n] of self) groups.set(origin(name), (groups.get(origin(name)) ?? 0) + n);
console.log('self time by origin:');
for (const [g, n] of [...groups].sort((a, b) => b[1] - a[1])) console.log(`  ${pct(n)}  ${g}`);
