// Lays out dist/: the ES modules as written, the embed script bundled into one
// classic script, and the wasm build's outputs (copied in by the Makefile).
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';

const dist = new URL('./dist/', import.meta.url);
await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
for (const file of ['index.js', 'element.js', 'card-element.js', 'styles.js', 'index.d.ts', 'element.d.ts']) {
  await copyFile(new URL(`./src/${file}`, import.meta.url), new URL(file, dist));
}
// A classic script (partners paste a plain <script async>): an IIFE, so nothing leaks
// onto window; the core is imported dynamically, only when a card nears the viewport.
await build({
  entryPoints: [new URL('./src/embed.js', import.meta.url).pathname],
  outfile: new URL('khabar.js', dist).pathname,
  bundle: true,
  format: 'iife',
  minify: true,
  target: ['chrome100', 'firefox100', 'safari16'],
  legalComments: 'none',
  logLevel: 'warning',
});
