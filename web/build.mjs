// Lays out the whole package in one command (`npm run build`): the ES modules of src/ as written
// (the Node entries among them; index.js with its version filled in), the embed script bundled into
// one classic script, the cards' worker bundled into one module, the stylesheets, the wasm
// build's outputs, and the README and licences that npm ships from the package's root.
//
// The wasm build's outputs are taken from the repository's build folders, or from elsewhere:
//   KHABAR_WASM_DIR      khabar-core.{mjs,wasm}, and khabar-core-html.{mjs,wasm} (the core with
//                        the HTML reader, load({ html: true }))   (default ../build/wasm/wasm)
//   KHABAR_ICU_DATA_DIR  khabar-icu-*.dat                      (default ../build/deps/icu-data)
//   KHABAR_ICU_CHARSETS_DIR  khabar-icu-charsets.dat, ICU's converters for the HTML core
//                        (default ../build/deps/icu-charsets)
//   KHABAR_ICU_IMAGE_DIR khabar-icu-image.dat, ICU's line-break rules for khabar-image
//                        (default ../build/deps/icu-image); the picture module's fonts are
//                        in KHABAR_WASM_DIR/fonts
import { build } from 'esbuild';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { css, reserve } from './src/styles.js';

const web = new URL('./', import.meta.url);
const dist = new URL('./dist/', web);
const repo = new URL('../', web);
const fromEnv = (name, fallback) => new URL(`${resolve(process.env[name] ?? new URL(fallback, repo).pathname)}/`, 'file:');
const wasmDir = fromEnv('KHABAR_WASM_DIR', 'build/wasm/wasm');
const icuDataDir = fromEnv('KHABAR_ICU_DATA_DIR', 'build/deps/icu-data');
const icuCharsetsDir = fromEnv('KHABAR_ICU_CHARSETS_DIR', 'build/deps/icu-charsets');
const icuImageDir = fromEnv('KHABAR_ICU_IMAGE_DIR', 'build/deps/icu-image');

function fail(message) {
  console.error(`build.mjs: ${message}`);
  process.exit(1);
}

// The wasm build first: without it there is no package, and an empty dist/ helps nobody.
const wasmFiles = ['khabar-core.mjs', 'khabar-core.wasm', 'khabar-core-html.mjs', 'khabar-core-html.wasm', 'khabar-image.mjs', 'khabar-image.wasm'];
// The picture module's fonts (copied from fonts-noto-core by the wasm build), in font_file_names' order.
const fontFiles = ['NotoSans-Regular.ttf', 'NotoSans-Bold.ttf', 'NotoNaskhArabic-Regular.ttf', 'NotoNaskhArabic-Bold.ttf',
  'NotoNastaliqUrdu-Regular.ttf', 'NotoNastaliqUrdu-Bold.ttf', 'NotoSansHebrew-Regular.ttf', 'NotoSansHebrew-Bold.ttf'];
const missing = [];
for (const file of wasmFiles) {
  await readFile(new URL(file, wasmDir)).catch(() => missing.push(new URL(file, wasmDir).pathname));
}
const dataFiles = (await readdir(icuDataDir).catch(() => [])).filter((f) => /^khabar-icu-[a-z]+\.dat$/.test(f));
if (!dataFiles.includes('khabar-icu-base.dat')) missing.push(new URL('khabar-icu-base.dat', icuDataDir).pathname);
// ICU's converters for the HTML core (wasm/deps/build-icu-charsets.sh), a step of their own.
const charsetsFile = new URL('khabar-icu-charsets.dat', icuCharsetsDir);
await readFile(charsetsFile).catch(() => missing.push(charsetsFile.pathname));
const icuImageFile = new URL('khabar-icu-image.dat', icuImageDir);
await readFile(icuImageFile).catch(() => missing.push(icuImageFile.pathname));
for (const file of fontFiles) {
  await readFile(new URL(`fonts/${file}`, wasmDir)).catch(() => missing.push(new URL(`fonts/${file}`, wasmDir).pathname));
}
if (missing.length) {
  fail(`the wasm build is missing (${missing.join(', ')}): run \`make wasm\` in the repository, ` +
    'or point KHABAR_WASM_DIR, KHABAR_ICU_DATA_DIR, KHABAR_ICU_CHARSETS_DIR and KHABAR_ICU_IMAGE_DIR at its outputs');
}

// The version lives in package.json only; index.js gets it written over its placeholder (a
// literal, so that every host, workerd's module lists included, loads the same files). Every
// other module of src/ is copied as written; the Node entries (node.js, service-node.js,
// image-node.js) are modules of their own: node.js lends its node:fs reader (see index.js).
const { version } = JSON.parse(await readFile(new URL('package.json', web), 'utf8'));
const index = await readFile(new URL('./src/index.js', web), 'utf8');
if (!index.includes("'%KHABAR_VERSION%'")) fail('src/index.js lost its version placeholder');

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
await writeFile(new URL('index.js', dist), index.replace("'%KHABAR_VERSION%'", JSON.stringify(version)));
const modules = ['node.js', 'element.js', 'card-element.js', 'card-thread.js', 'card-fonts.js', 'styles.js',
  'service.js', 'service-node.js', 'service-cache.js', 'service-context.js', 'service-embed.js', 'service-fetch.js', 'service-http.js',
  'service-route-card.js', 'service-route-embed.js', 'service-route-oembed.js', 'service-route-snippet.js', 'service-route-image.js', 'image.js', 'image-node.js'];
const declarations = ['index.d.ts', 'element.d.ts', 'embed.d.ts', 'errors.d.ts', 'service.d.ts', 'image.d.ts'];
for (const file of [...modules, ...declarations]) {
  await copyFile(new URL(`./src/${file}`, web), new URL(file, dist));
}
// A classic script (partners paste a plain <script async>): an IIFE, so nothing leaks
// onto window; the core is imported dynamically, only when a card nears the viewport.
const forBrowsers = { bundle: true, minify: true, target: ['chrome100', 'firefox100', 'safari16'], legalComments: 'none', logLevel: 'warning' };
await build({
  ...forBrowsers,
  entryPoints: [new URL('./src/embed.js', web).pathname],
  outfile: new URL('khabar.js', dist).pathname,
  format: 'iife',
});
// dist/worker.js: the worker that renders the cards off the page's main thread, bundled with
// index.js and the glue (one request instead of three in a row, and a single file for bundlers
// that leave `new URL('./worker.js', import.meta.url)` as written, as esbuild and Rollup do).
// An ES module: the glue's and index.js's `import.meta.url` find the .wasm and .dat beside it.
await build({
  ...forBrowsers,
  entryPoints: [new URL('./src/worker.js', web).pathname],
  outfile: new URL('worker.js', dist).pathname,
  format: 'esm',
  plugins: [
    {
      // index.js as written to dist (its version filled in), and the glue from the wasm build.
      name: 'khabar-dist',
      setup(b) {
        // The worker renders with the lean core: no import of the HTML core's glue in it (a
        // dynamic import would make Vite's iife worker build a code-splitting one, which it refuses).
        b.onResolve({ filter: /^\.\/khabar-core-html\.mjs$/ }, () => ({ path: 'html-core', namespace: 'khabar' }));
        b.onLoad({ filter: /^html-core$/, namespace: 'khabar' }, () => ({
          contents: "export default () => Promise.reject(new Error('the cards\\' worker runs khabar-core only: load({ html: true }) is for the package\\'s own functions'));",
        }));
        b.onResolve({ filter: /^\.\/(index\.js|khabar-core\.mjs)$/ }, ({ path }) => ({
          path: (path === './index.js' ? new URL('index.js', dist) : new URL('khabar-core.mjs', wasmDir)).pathname,
        }));
      },
    },
  ],
});
// The card's stylesheet as a file, for server-rendered cards (<link> in the declarative
// shadow root, allowed by style-src 'self'), and the embed's space reservation for the
// blockquote before the script arrives.
await writeFile(new URL('khabar-card.css', dist), css.trimStart());
await writeFile(new URL('khabar.css', dist), reserve);

for (const file of wasmFiles) await copyFile(new URL(file, wasmDir), new URL(file, dist));
for (const file of dataFiles) await copyFile(new URL(file, icuDataDir), new URL(file, dist));
await copyFile(charsetsFile, new URL('khabar-icu-charsets.dat', dist));
await copyFile(icuImageFile, new URL('khabar-icu-image.dat', dist));
await mkdir(new URL('fonts/', dist), { recursive: true });
for (const file of fontFiles) await copyFile(new URL(`fonts/${file}`, wasmDir), new URL(`fonts/${file}`, dist));

// npm ships README and LICENSE from the package's root: copies of the repository's (git-ignored here).
for (const file of ['README.md', 'LICENSE', 'THIRD-PARTY-NOTICES.md']) {
  await copyFile(new URL(file, repo), new URL(file, web)).catch((cause) => fail(`cannot copy ${file}: ${cause.message}`));
}
console.log(`build.mjs: khabar ${version} in ${dist.pathname} (${dataFiles.length} ICU data files)`);
