// make bench-pages: the native HTML reader against Readability.js (npm @mozilla/readability on
// linkedom) on the same pages, the same work (parse + extract), in the same run: rounds
// alternate between the two, and the medians and the median of the rounds' ratios are printed.
// Times are CPU times of each process (process.cpuUsage here, CLOCK_PROCESS_CPUTIME_ID in
// khabar_pages): on a machine shared with other builds, wall time would measure their load.
//   node bench.mjs KHABAR_PAGES ROUNDS DIR...   (a DIR holds <id>.html files or <name>/source.html)
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, existsSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";

const [native, roundsArg, ...dirs] = process.argv.slice(2);
const rounds = Number(roundsArg);
if (!native || !(rounds > 0) || dirs.length === 0) {
  console.error("usage: node bench.mjs KHABAR_PAGES ROUNDS DIR...");
  process.exit(2);
}

const files = [];
for (const dir of dirs)
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith(".html")) files.push(join(dir, name));
    else if (existsSync(join(dir, name, "source.html"))) files.push(join(dir, name, "source.html"));
  }
const pages = files.map((f) => readFileSync(f, "utf8"));
const bytes = pages.reduce((n, p) => n + Buffer.byteLength(p), 0);
const scratch = mkdtempSync(join(tmpdir(), "khabar-bench-pages-"));
const list = join(scratch, "pages.list");
writeFileSync(list, files.join("\n") + "\n");

// One pass of Readability.js over every page: parse with linkedom, then parse() (metadata and
// main text), as a reader view does. Pages it cannot read are counted, not timed apart.
function readabilityRound() {
  let failed = 0, read = 0;
  const start = process.cpuUsage();
  for (const html of pages) {
    try {
      const { document } = parseHTML(html);
      const article = new Readability(document).parse();
      if (article && article.textContent) read++;
      else failed++;
    } catch {
      failed++;
    }
  }
  const used = process.cpuUsage(start);
  const seconds = (used.user + used.system) / 1e6;
  return { pagesPerSecond: pages.length / seconds, read, failed };
}

function nativeRound() {
  const r = spawnSync(native, ["speed", "1", list], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${native} speed failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// A warm-up round each (JIT, page cache), then the measured rounds, alternating.
readabilityRound();
nativeRound();
const js = [], nat = [], card = [], ratio = [];
let last = null, lastNative = null;
for (let i = 0; i < rounds; i++) {
  lastNative = nativeRound();
  nat.push(lastNative.read_per_second);
  card.push(lastNative.card_per_second);
  last = readabilityRound();
  js.push(last.pagesPerSecond);
  ratio.push(nat.at(-1) / js.at(-1));
}
rmSync(scratch, { recursive: true, force: true });

const f = (x) => x.toFixed(1);
console.log(`bench-pages: ${pages.length} pages (${(bytes / 1e6).toFixed(1)} MB), median of ${rounds} rounds, CPU time`);
console.log(`  Readability.js 0.6.0 on linkedom (parse + extract)   ${f(median(js))} pages/s  [${js.map(f).join(" ")}]  (${last.read} read, ${last.failed} without text)`);
console.log(`  khabar native read_article (parse + extract)        ${f(median(nat))} pages/s  [${nat.map(f).join(" ")}]  (${lastNative.read} read, ${lastNative.failed} failed)`);
console.log(`  khabar native full card (read + clean + make_card)  ${f(median(card))} pages/s  [${card.map(f).join(" ")}]`);
console.log(`  ratio native / Readability.js (parse + extract)     ${median(ratio).toFixed(2)}x  [${ratio.map((r) => r.toFixed(2)).join(" ")}] (median of the rounds' ratios)`);
