// Rollup with node-resolve's browser condition. Like esbuild, Rollup keeps
// new URL('./khabar-core.wasm', import.meta.url) as written: a small plugin copies the
// package's .wasm and .dat files and its worker.js (new URL('./worker.js', …) is kept too)
// beside the chunks, and the page.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { copyFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const out = new URL('../../../build/consumers/rollup/', import.meta.url).pathname;
const khabarFiles = {
  name: 'khabar-files',
  async writeBundle() {
    const dist = dirname(createRequire(import.meta.url).resolve('khabar/khabar-core.wasm'));
    for (const file of await readdir(dist)) {
      if (/\.(wasm|dat)$|^worker\.js$/.test(file)) await copyFile(join(dist, file), join(out, file));
    }
    await copyFile('index.html', join(out, 'index.html'));
  },
};

export default {
  input: 'src/main.js',
  output: { dir: out, format: 'es' },
  plugins: [nodeResolve({ browser: true }), khabarFiles],
};
