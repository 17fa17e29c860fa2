// `npm pack` gives a package that a new project installs and imports by its own name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const web = new URL('..', import.meta.url).pathname;
const seed = new URL('../../examples/seed-article-ar.txt', import.meta.url).pathname;

test('the packed package installs in a new project and renders the seed card', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'khabar-pack-'));
  try {
    const npm = (args, cwd) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8' });
    const [{ filename, files }] = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], web));
    const packed = files.map((f) => f.path);
    for (const f of ['dist/index.js', 'dist/index.d.ts', 'dist/khabar-core.wasm', 'dist/khabar-icu-base.dat', 'dist/khabar-icu-ar.dat', 'dist/khabar.js'])
      assert.ok(packed.includes(f), `${f} is in the package`);
    assert.ok(!packed.some((f) => f.startsWith('src/') || f.startsWith('test/')), 'only dist/ is shipped');

    const app = join(dir, 'app');
    await execFileSync('mkdir', ['-p', app]);
    await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    npm(['install', join(dir, filename)], app);
    await writeFile(join(app, 'main.mjs'), `
      import { analyze, renderHTML, version } from 'khabar';
      import { readFileSync } from 'node:fs';
      const text = readFileSync(process.argv[2], 'utf8');
      const card = await analyze(text, { locale: 'ar-MA' });
      const html = await renderHTML(text, { locale: 'ar-MA' });
      console.log(JSON.stringify({ version, title: card.title, dir: card.dir, html: html.slice(0, 8) }));
    `);
    const out = JSON.parse(execFileSync('node', ['main.mjs', seed], { cwd: app, encoding: 'utf8' }));
    assert.equal(out.title, 'الإنتربول يشيد من مراكش بالمغرب نموذج عالمي في التعاون الأمني');
    assert.equal(out.dir, 'rtl');
    assert.equal(out.html, '<article');
    assert.equal(out.version, JSON.parse(await readFile(join(web, 'package.json'), 'utf8')).version);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
