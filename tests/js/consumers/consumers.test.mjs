// The packed package (npm pack) in fresh projects, one per bundler (tests/consumers/*): each
// installs the tarball, builds, and its page runs in Chromium: the element renders a card from
// a URL in the worker the bundle emitted (or copied), analyze() reads the same article on the
// main thread, and the .wasm and .dat files are served from the bundle's own output. The
// Next.js App Router page renders a card on the server (renderHTML in Node, at request time)
// and hydrates: the element adopts that card, then renders a second one in the browser.
// Prints each bundle's sizes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { renderHTML } from 'khabar';
import { cardInfo, launch, openPage, repoRoot, settled, startServer, testLog } from '../browser/helpers.mjs';

const consumers = `${repoRoot}tests/consumers`;
const out = `${repoRoot}build/consumers`;
const seedTitle = 'الإنتربول يشيد من مراكش بالمغرب نموذج عالمي في التعاون الأمني';
const quiet = { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } };
const npm = (args, cwd) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error', '--prefer-offline'], { ...quiet, cwd });

let tarball, server, browser;
const timings = {};

function timed(name, fn) {
  const start = performance.now();
  const result = fn();
  timings[name] = (timings[name] ?? 0) + (performance.now() - start) / 1000;
  return result;
}

// A consumer's own modules come from its lock (npm ci), again only when the lock changed;
// then the tarball, fresh each run.
function install(name) {
  const dir = `${consumers}/${name}`;
  const stamp = `${dir}/node_modules/.package-lock.json`;
  const fresh = existsSync(stamp) && statSync(stamp).mtimeMs >= statSync(`${dir}/package-lock.json`).mtimeMs;
  timed(`${name} install`, () => {
    if (!fresh) npm(['ci'], dir);
    npm(['install', '--no-save', tarball], dir);
  });
  // A real copy from the tarball, not a link to web/.
  assert.ok(!lstatSync(`${dir}/node_modules/khabar`).isSymbolicLink(), 'khabar is installed, not linked');
  const version = (path) => JSON.parse(readFileSync(path, 'utf8')).version;
  assert.equal(version(`${dir}/node_modules/khabar/package.json`), version(`${repoRoot}web/package.json`));
}

async function sizes(dir) {
  const files = [];
  const walk = async (d) => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) await walk(path);
      else files.push({ path, bytes: (await stat(path)).size, gzip: /\.m?js$/.test(path) ? gzipSync(await readFile(path), { level: 9 }).length : 0 });
    }
  };
  await walk(dir);
  const sum = (re) => files.filter((f) => re.test(f.path)).reduce((s, f) => s + f.bytes, 0);
  return { js: sum(/\.m?js$/), jsGzip: files.reduce((s, f) => s + f.gzip, 0), wasm: sum(/\.wasm$/), dat: sum(/\.dat$/), datFiles: files.filter((f) => /\.dat$/.test(f.path)).length };
}

function report(name, s) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`${name}: JS ${kb(s.js)} (gzip -9 ${kb(s.jsGzip)}), wasm ${kb(s.wasm)}, ICU data ${kb(s.dat)} in ${s.datFiles} files; ` +
    `install ${timings[`${name} install`].toFixed(1)} s, build ${timings[`${name} build`].toFixed(1)} s`);
}

before(async () => {
  await mkdir(out, { recursive: true });
  const [{ filename }] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', out, '--loglevel=error'], { ...quiet, cwd: `${repoRoot}web` }));
  tarball = join(out, filename);
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

for (const name of ['vite', 'webpack', 'esbuild', 'rollup']) {
  test(`${name}: the bundle renders a card in Chromium, with the wasm and ICU data it emitted`, async () => {
    install(name);
    // One entry for every bundler (tests/consumers/main.js), copied in: not kept four times.
    mkdirSync(`${consumers}/${name}/src`, { recursive: true });
    copyFileSync(`${consumers}/main.js`, `${consumers}/${name}/src/main.js`);
    timed(`${name} build`, () => npm(['run', 'build', '--silent'], `${consumers}/${name}`));
    const bundle = await sizes(`${out}/${name}`);
    report(name, bundle);
    assert.ok(bundle.wasm > 0 && bundle.datFiles > 0, `${name} emitted the .wasm and the .dat files`);

    // No bundle may carry a Node built-in or the Node entry.
    for (const file of (await readdir(`${out}/${name}`, { recursive: true })).filter((f) => /\.m?js$/.test(f))) {
      const text = await readFile(`${out}/${name}/${file}`, 'utf8');
      // As a module specifier (import, export … from, import(), require()): { type: 'module' },
      // the worker's option, is not one.
      const builtin = /(?:\bfrom|\bimport|\brequire)\s*\(?\s*["'](?:node:[a-z_/]+|fs|fs\/promises|path|url|module)["']/.exec(text);
      assert.equal(builtin, null, `${name}/${file} names a Node built-in: ${builtin?.[0]}`);
    }

    server.reset();
    const { page, context, pageErrors } = await openPage(browser);
    const workers = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.goto(server.url(`/build/consumers/${name}/index.html`));
    await settled(page);
    const card = await cardInfo(page);
    assert.equal(card.state, 'ready');
    assert.equal(card.dir, 'rtl');
    assert.equal(card.title, seedTitle);
    assert.equal(await page.getAttribute('body', 'data-event'), 'khabar-ready');
    await page.waitForFunction(() => document.querySelector('#reading-time').textContent !== '…');
    assert.equal(await page.textContent('#reading-time'), '3 دقائق');
    const log = await testLog(page);
    // The card in the worker the bundle emitted (its own instance), analyze() on the main thread.
    console.log(`${name}: the card rendered in ${workers.length ? `the worker ${new URL(workers[0]).pathname}` : 'the main thread'}`);
    assert.equal(workers.length, 1, `${name}: one worker, from the bundle's output`);
    assert.ok(workers[0].startsWith(server.url(`/build/consumers/${name}/`)), workers[0]);
    assert.equal(log.instantiations, 1, "one wasm instance on the main thread, analyze()'s");
    assert.deepEqual(log.addedGlobals, []);
    assert.deepEqual(pageErrors, []);
    // The wasm and the ICU data came from the bundle's output.
    const served = server.requests.filter((r) => /\.(wasm|dat)$/.test(r.path));
    assert.ok(served.length >= 3, `wasm + base + ar data requested: ${served.map((r) => r.path)}`);
    for (const r of served) {
      assert.ok(r.path.startsWith(`/build/consumers/${name}/`), `${r.path} is served from the bundle`);
      assert.equal(r.status, 200, r.path);
    }
    // Each instance asks once; the second may be answered by the browser's cache (webpack's
    // two requests overlap and Chromium serves one from the other), never a third.
    const wasmRequests = served.filter((r) => r.path.endsWith('.wasm')).length;
    assert.ok(wasmRequests >= 1 && wasmRequests <= 2, `wasm requested ${wasmRequests} times`);
    await context.close();
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// Next.js 16 builds with Turbopack by default; `--webpack` is the webpack 5 build.
for (const bundler of ['turbopack', 'webpack']) test(`next (${bundler}): an App Router page renders a card on the server and hydrates it`, async () => {
  const dir = `${consumers}/next`;
  const name = `next-${bundler}`;
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', KHABAR_NEXT_DIST_DIR: `.next-${bundler}` };
  if (bundler === 'turbopack') install('next'); // the webpack run uses the same install
  timings[`${name} install`] = bundler === 'turbopack' ? timings['next install'] : 0;
  timed(`${name} build`, () => execFileSync(`${dir}/node_modules/.bin/next`, ['build', `--${bundler}`], { ...quiet, cwd: dir, env }));
  const port = await freePort();
  const next = spawn(`${dir}/node_modules/.bin/next`, ['start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  next.stdout.on('data', (d) => (output += d));
  next.stderr.on('data', (d) => (output += d));
  try {
    const origin = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      if (await fetch(origin).then((r) => r.ok, () => false)) break;
      assert.ok(i < 150 && next.exitCode === null, `next start did not answer: ${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const built = await sizes(`${dir}/.next-${bundler}/static`);
    report(name, built);

    // The server's HTML already holds the card (declarative shadow DOM), byte for byte renderHTML's.
    const seed = await readFile(`${repoRoot}examples/seed-article-ar.txt`, 'utf8');
    const expected = await renderHTML(seed, { locale: 'ar-MA', now: '2025-11-29T10:00:00+01:00', timeZone: 'Africa/Casablanca' });
    const html = await (await fetch(origin)).text();
    assert.ok(html.includes(`<template shadowrootmode="open">${expected}</template>`), 'the server-rendered card is in the HTML');

    const { page, context, pageErrors } = await openPage(browser);
    const requests = [];
    const workers = [];
    page.on('request', (r) => requests.push(new URL(r.url())));
    page.on('worker', (w) => workers.push(w.url()));
    await page.goto(origin);
    await page.waitForFunction(() => document.body.dataset.hydrated === 'true');
    await settled(page, 'khabar-card', { count: 2 });
    const ssr = await cardInfo(page, '#ssr');
    assert.equal(ssr.state, 'ready');
    assert.equal(ssr.html, expected, 'the element adopted the server-rendered card as it was');
    assert.equal(await page.getAttribute('#ssr', 'data-event'), 'khabar-ready');
    const client = await cardInfo(page, '#client');
    assert.equal(client.state, 'ready', `the client card: ${client.error}`);
    assert.equal(client.lang, 'ar');
    assert.equal(client.title, seedTitle);
    assert.equal(await page.getAttribute('#client', 'data-event'), 'khabar-ready');
    console.log(`${name}: the client card rendered in ${workers.length ? `the worker ${new URL(workers[0]).pathname}` : 'the main thread'}`);
    assert.equal(workers.length, 1, `${name}: the client card in the worker the build emitted`);
    assert.deepEqual(pageErrors, []);
    assert.ok(requests.some((u) => u.pathname.endsWith('.wasm')), 'the browser loaded the wasm from the Next build');
    // (news.example, the articles' image host, is answered inside the browser by openPage.)
    const offMachine = requests.filter((u) => u.hostname !== '127.0.0.1' && u.hostname !== 'news.example');
    assert.deepEqual(offMachine.map(String), [], 'nothing requested off the machine');
    await context.close();
  } finally {
    next.kill();
  }
});
