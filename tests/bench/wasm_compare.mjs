// Two builds of the package side by side in one process, interleaved so that both see the same
// machine state: EASC cards a second through each, and B's rate over A's (no pass/fail).
// The build loaded second ran up to ~4 % faster than the same build loaded first: run it again
// with A and B swapped, and take the geometric mean of B/A and A/B's inverse.
// usage: node tests/bench/wasm_compare.mjs DIST_A DIST_B EASC.jsonl [rounds]
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

const [distA, distB, jsonl, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 5);
async function open(dist) {
  const url = pathToFileURL(`${dist.replace(/\/?$/, '/')}`);
  const entry = existsSync(new URL('node.js', url)) ? 'node.js' : 'index.js';
  const khabar = await import(new URL(entry, url).href);
  await khabar.load();
  return khabar;
}
const builds = [await open(distA), await open(distB)];
const articles = (await readFile(jsonl, 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l).article);
const ms = [0, 0];
for (const b of builds) for (const a of articles) await b.renderJSON(a, { locale: 'ar' }); // warm-up
for (let round = 0; round < rounds; round++) {
  for (const [i, b] of (round % 2 ? [...builds].reverse() : builds).entries()) {
    const which = round % 2 ? 1 - i : i;
    const t = performance.now();
    for (const a of articles) await b.renderJSON(a, { locale: 'ar' });
    ms[which] += performance.now() - t;
  }
}
const rate = ms.map((m) => (rounds * articles.length) / (m / 1000));
console.log(`A ${distA}: ${rate[0].toFixed(1)} cards/s`);
console.log(`B ${distB}: ${rate[1].toFixed(1)} cards/s`);
console.log(`B / A = ${(rate[1] / rate[0]).toFixed(3)} (${rounds} interleaved rounds of ${articles.length} EASC cards)`);
