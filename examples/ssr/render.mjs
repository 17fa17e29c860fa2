// Server-side rendering: the seed card rendered in Node (renderHTML) and by the CLI, inlined
// in a page as declarative shadow DOM. In the browser <khabar-card> adopts that markup as it
// is: no wasm, no fetch, no second render.
//   node examples/ssr/render.mjs [out-dir]     (default build/ssr; the CLI part needs `make native`)
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { renderHTML } from '../../web/dist/node.js'; // in your project: from 'khabar'

const root = new URL('../../', import.meta.url);
const out = new URL(`${process.argv[2] ?? 'build/ssr'}/`, root);
const seedPath = new URL('examples/seed-article-ar.txt', root).pathname;
const options = { locale: 'ar-MA', now: '2025-11-29T10:00:00+01:00', timeZone: 'Africa/Casablanca' };

const fromNode = await renderHTML(await readFile(seedPath, 'utf8'), options);
const cli = new URL('build/native/core/khabar', root).pathname;
let fromCli = null;
if (existsSync(cli)) {
  fromCli = execFileSync(cli, ['card', seedPath, '--format', 'html', '--locale', 'fr-MA', '--now', options.now,
    '--tz', options.timeZone]).toString('utf8').trimEnd();
  const sameLocale = execFileSync(cli, ['card', seedPath, '--format', 'html', '--locale', 'ar-MA', '--now', options.now,
    '--tz', options.timeZone]).toString('utf8').trimEnd();
  console.log(`CLI and renderHTML() for ar-MA: ${sameLocale === fromNode ? 'the same bytes' : 'DIFFERENT'}`);
}

// The stylesheet is a file (style-src 'self' allows it); the element then adopts its own copy.
const card = (html) => `<khabar-card><template shadowrootmode="open"><link rel="stylesheet" href="/web/dist/khabar-card.css">${html}</template></khabar-card>`;
const page = `<!doctype html>
<html lang="ar" dir="rtl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Khabar: server-rendered cards</title>
  <script type="module" src="main.js"></script>
</head>
<body>
<main>
  <h1>بطاقات من الخادم</h1>
  ${card(fromNode)}
  ${fromCli ? card(fromCli) : ''}
</main>
</body>
</html>
`;
await mkdir(out, { recursive: true });
await writeFile(new URL('index.html', out), page);
await writeFile(new URL('main.js', out), "import { define } from '/web/dist/element.js';\ndefine();\n");
console.log(`wrote ${new URL('index.html', out).pathname}`);
