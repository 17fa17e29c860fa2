// `npm pack` gives a package that a new project installs and imports by its own name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const web = new URL('../../../web', import.meta.url).pathname;
const seed = new URL('../../../examples/seed-article-ar.txt', import.meta.url).pathname;

test('the packed package installs in a new project and renders the seed card', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'khabar-pack-'));
  try {
    const npm = (args, cwd) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8' });
    const [{ filename, files }] = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], web));
    const packed = files.map((f) => f.path);
    for (const f of ['dist/index.js', 'dist/node.js', 'dist/index.d.ts', 'dist/element.d.ts', 'dist/embed.d.ts', 'dist/errors.d.ts',
      'dist/khabar-core.wasm', 'dist/khabar-icu-base.dat', 'dist/khabar-icu-ar.dat', 'dist/khabar.js',
      'dist/khabar-core-html.mjs', 'dist/khabar-core-html.wasm', 'dist/khabar-icu-charsets.dat',
      'dist/service-route-image.js', 'dist/image-node.js', 'dist/khabar-image.wasm',
      'README.md', 'LICENSE', 'THIRD-PARTY-NOTICES.md'])
      assert.ok(packed.includes(f), `${f} is in the package`);
    assert.ok(!packed.some((f) => f.startsWith('src/') || f.startsWith('test/') || f === 'build.mjs'), 'only dist/ and the documents are shipped');
    // The documents are the repository's own, as they are now (build.mjs copies them).
    const repo = new URL('../../../', import.meta.url);
    await execFileSync('tar', ['xzf', join(dir, filename), '-C', dir]);
    for (const f of ['README.md', 'LICENSE', 'THIRD-PARTY-NOTICES.md']) {
      assert.equal(await readFile(join(dir, 'package', f), 'utf8'), await readFile(new URL(f, repo), 'utf8'), `${f} is the repository's`);
    }
    const manifest = JSON.parse(await readFile(join(dir, 'package', 'package.json'), 'utf8'));
    assert.equal(manifest.license, 'MIT');
    assert.match(await readFile(join(dir, 'package', 'LICENSE'), 'utf8'), /^MIT License\n\nCopyright \(c\) \d{4} Khabar contributors\n/);
    for (const name of ['ICU 72.1', 'Snowball libstemmer 2.2.0', 'Gumbo 0.10.1', 'nlohmann_json 3.11.2', 'stopwords-iso 1.1.0', 'Emscripten 3.1.6',
      'HarfBuzz 6.0.0', 'FreeType 2.12.1', 'libpng 1.6.39', 'zlib 1.2.13', 'libjpeg-turbo 2.1.5', 'libwebp 1.2.4', 'Noto fonts \\(SIL Open Font License 1.1\\)'])
      assert.match(await readFile(join(dir, 'package', 'THIRD-PARTY-NOTICES.md'), 'utf8'), new RegExp(`^## ${name}$`, 'm'), `notices for ${name}`);
    assert.ok(manifest.repository?.url && manifest.homepage && manifest.bugs?.url, 'repository, homepage and bugs');
    assert.ok(manifest.keywords?.length >= 5, 'keywords');
    assert.equal(manifest.exports['.'].node, './dist/node.js');
    assert.equal(manifest.exports['.'].browser, './dist/index.js');

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
