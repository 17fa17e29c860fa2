// esbuild bundles the modules but leaves new URL('./khabar-core.wasm', import.meta.url) as it
// is (and new URL('./worker.js', …) too): the package's .wasm and .dat files and its worker.js
// are copied beside the bundle, where those URLs point.
import { build } from 'esbuild';
import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const out = new URL('../../../build/consumers/esbuild/', import.meta.url).pathname;
await rm(out, { recursive: true, force: true });
await build({
  entryPoints: ['src/main.js'],
  outdir: out,
  bundle: true,
  format: 'esm',
  splitting: true,
  platform: 'browser',
  target: 'es2022',
  minify: true,
  logLevel: 'warning',
});
const dist = dirname(createRequire(import.meta.url).resolve('khabar/khabar-core.wasm'));
for (const file of await readdir(dist)) {
  if (/\.(wasm|dat)$|^worker\.js$/.test(file)) await copyFile(join(dist, file), join(out, file));
}
await mkdir(out, { recursive: true });
await copyFile('index.html', join(out, 'index.html'));
