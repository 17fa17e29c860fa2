// web/build.mjs lays out the whole package itself, wasm included; without the wasm build it
// stops before touching dist/, saying what is missing and where it looked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';

const web = new URL('../../../web/', import.meta.url).pathname;

test('build.mjs without the wasm build fails clearly and leaves dist/ as it was', async () => {
  const before = (await readdir(`${web}dist`)).sort();
  const run = spawnSync(process.execPath, ['build.mjs'], {
    cwd: web,
    encoding: 'utf8',
    env: { ...process.env, KHABAR_WASM_DIR: '/nonexistent/wasm', KHABAR_ICU_DATA_DIR: '/nonexistent/icu-data', KHABAR_ICU_CHARSETS_DIR: '/nonexistent/icu-charsets', KHABAR_ICU_IMAGE_DIR: '/nonexistent/icu-image' },
  });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /the wasm build is missing \(\/nonexistent\/wasm\/khabar-core\.mjs, \/nonexistent\/wasm\/khabar-core\.wasm, \/nonexistent\/wasm\/khabar-core-html\.mjs, \/nonexistent\/wasm\/khabar-core-html\.wasm, \/nonexistent\/wasm\/khabar-image\.mjs, \/nonexistent\/wasm\/khabar-image\.wasm, \/nonexistent\/icu-data\/khabar-icu-base\.dat, \/nonexistent\/icu-charsets\/khabar-icu-charsets\.dat, \/nonexistent\/icu-image\/khabar-icu-image\.dat, \/nonexistent\/wasm\/fonts\/NotoSans-Regular\.ttf, /);
  assert.match(run.stderr, /make wasm/);
  assert.deepEqual((await readdir(`${web}dist`)).sort(), before);
});

test('dist/ holds the wasm build beside the modules (what npm run build copied)', async () => {
  const files = await readdir(`${web}dist`);
  for (const f of ['khabar-core.mjs', 'khabar-core.wasm', 'khabar-core-html.mjs', 'khabar-core-html.wasm', 'khabar-icu-charsets.dat',
    'khabar-icu-base.dat', 'khabar-icu-ar.dat', 'index.js', 'node.js', 'khabar.js', 'khabar-image.mjs', 'khabar-image.wasm',
    'khabar-icu-image.dat', 'image.js', 'image-node.js', 'image.d.ts'])
    assert.ok(files.includes(f), f);
});
