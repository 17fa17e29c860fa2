// Lays out the whole package in one command (`npm run build`): the ES modules as written, the
// Node entry, the embed script bundled into one classic script, the stylesheets, the wasm
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

// The version lives in package.json only; the modules get it written in.
const { version } = JSON.parse(await readFile(new URL('package.json', web), 'utf8'));
const index = await readFile(new URL('./src/index.js', web), 'utf8');
if (!index.includes("'%KHABAR_VERSION%'")) fail('src/index.js lost its version placeholder');
const browserIndex = index.replace("'%KHABAR_VERSION%'", JSON.stringify(version));

// dist/node.js: the same module, reading its local files through node:fs.
const nodeRegion = /\/\/ @khabar-node-begin\n[\s\S]*?\/\/ @khabar-node-end\n/;
if (!nodeRegion.test(browserIndex)) fail('src/index.js lost its @khabar-node-begin/end region');
const nodeIndex =
  '// The package in Node (the `node` export condition): dist/index.js with local files read\n' +
  '// through node:fs. Written by build.mjs from src/index.js; edit that file.\n' +
  browserIndex.replace(nodeRegion, () =>
    "import { readFile } from 'node:fs/promises';\n\n" +
    'async function readLocal(url) {\n' +
    '  try {\n' +
    "    return new Uint8Array(await readFile(url.protocol === 'file:' ? url : String(url)));\n" +
    '  } catch (cause) {\n' +
    "    // A server bundle that moved the package's files: the package must stay external there.\n" +
    "    const hint = \"; bundled for a server? keep 'khabar' external (Next.js: serverExternalPackages: ['khabar'])\";\n" +
    "    throw new Error(cause.code === 'ENOENT' ? cause.message + hint : cause.message, { cause });\n" +
    '  }\n' +
    '}\n');

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
await writeFile(new URL('index.js', dist), browserIndex);
await writeFile(new URL('node.js', dist), nodeIndex);
// dist/service-node.js: the card service over dist/node.js (the `node` condition of
// khabar/service), so that on Node it reads the package's own files; service.js (workerd, Deno,
// Bun) is given the module and the data by its host.
// Its /image (service-image.js) likewise over dist/image-node.js: service-image-node.js.
const service = await readFile(new URL('./src/service.js', web), 'utf8');
if (!service.includes("from './index.js';")) fail("src/service.js no longer imports './index.js'");
if (!service.includes("from './service-image.js';")) fail("src/service.js no longer imports './service-image.js'");
await writeFile(
  new URL('service-node.js', dist),
  service.replace("from './index.js';", "from './node.js';").replace("from './service-image.js';", "from './service-image-node.js';"),
);
const serviceImage = await readFile(new URL('./src/service-image.js', web), 'utf8');
if (!serviceImage.includes("from './image.js';")) fail("src/service-image.js no longer imports './image.js'");
await writeFile(new URL('service-image-node.js', dist), serviceImage.replace("from './image.js';", "from './image-node.js';"));
// dist/image-node.js: khabar/image in Node, reading the module, the ICU data and the fonts
// beside it through node:fs; image.js (workers) is given their bytes.
const image = await readFile(new URL('./src/image.js', web), 'utf8');
if (!image.includes("from './index.js';") || !nodeRegion.test(image)) fail('src/image.js lost its index.js import or its @khabar-node region');
await writeFile(
  new URL('image-node.js', dist),
  '// khabar/image in Node (the `node` export condition): dist/image.js reading its files through\n' +
    '// node:fs. Written by build.mjs from src/image.js; edit that file.\n' +
    image.replace("from './index.js';", "from './node.js';").replace(nodeRegion, () =>
      "import { readFile } from 'node:fs/promises';\n\n" +
        'async function readLocal(name) {\n' +
        '  return new Uint8Array(await readFile(new URL(name, import.meta.url)));\n' +
        '}\n'),
);
for (const file of ['element.js', 'card-element.js', 'card-thread.js', 'card-fonts.js', 'styles.js', 'index.d.ts', 'element.d.ts', 'embed.d.ts', 'errors.d.ts', 'service.js', 'service-fetch.js', 'service-embed.js', 'service-image.js', 'service.d.ts', 'image.js', 'image.d.ts']) {
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
