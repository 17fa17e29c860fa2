// Real articles no one here wrote, through the wasm core and through the native CLI: the same
// bytes. The golden cards are our own fragments; EASC's 130 Arabic articles (the shared
// evaluation set, read in place, never copied) found a difference they did not: two keywords
// whose order fell to the hash tables' order, libstdc++'s natively and libc++'s in wasm.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderJSON, load } from 'khabar';

const root = new URL('../../../', import.meta.url);
const easc = new URL('../shared/eval/easc/easc-dev.jsonl', root);
const cli = fileURLToPath(new URL('build/native/core/khabar', root));
const options = { now: '2025-11-29T10:00:00+01:00', timeZone: 'Africa/Casablanca' };

function native(text, locale) {
  return new Promise((resolve, reject) => {
    const child = execFile(cli, ['card', '-', '--format', 'json', '--locale', locale, '--now', options.now, '--tz', options.timeZone],
      { maxBuffer: 16 << 20 }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
    child.stdin.end(text);
  });
}

test('EASC articles: the wasm core gives the native CLI\'s cards, byte for byte', { skip: !existsSync(easc) && 'no shared evaluation set here' }, async () => {
  assert.ok(existsSync(cli), `${cli} is built by make test-wasm (make cli)`);
  await load();
  const articles = (await readFile(easc, 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l).article);
  assert.ok(articles.length >= 100, `${articles.length} articles`);
  const jobs = articles.flatMap((text, i) => ['ar', 'en'].map((locale) => ({ text, locale, name: `easc-dev #${i} ${locale}` })));
  const differ = [];
  // Two CLI processes at a time (two cores); the wasm core in this process meanwhile.
  for (let i = 0; i < jobs.length; i += 2) {
    const batch = jobs.slice(i, i + 2);
    const expected = await Promise.all(batch.map((j) => native(j.text, j.locale)));
    for (const [k, j] of batch.entries()) {
      const out = (await renderJSON(j.text, { locale: j.locale, ...options })) + '\n';
      if (out !== expected[k]) differ.push(j.name);
    }
  }
  assert.deepEqual(differ, [], `${differ.length} of ${jobs.length} cards differ`);
});
