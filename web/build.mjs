// Lays out dist/: the ES modules as written, the embed script bundled into one
// classic script, and the wasm build's outputs (copied in by the Makefile).
import { build } from 'esbuild';
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { css, reserve } from './src/styles.js';

const dist = new URL('./dist/', import.meta.url);
await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
for (const file of ['index.js', 'element.js', 'card-element.js', 'styles.js', 'index.d.ts', 'element.d.ts', 'service.js', 'service-fetch.js', 'service.d.ts']) {
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
// The card's stylesheet as a file, for server-rendered cards (<link> in the declarative
// shadow root, allowed by style-src 'self'), and the embed's space reservation for the
// blockquote before the script arrives.
await writeFile(new URL('khabar-card.css', dist), css.trimStart());
await writeFile(new URL('khabar.css', dist), reserve);
