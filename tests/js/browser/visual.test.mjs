// The cards as a reader sees them, in every script, at 320, 390, 768 and 1,200 px, light
// and dark: compared with approved screenshots (tests/js/browser/visual/, the README's pictures
// in examples/screenshots/), and measured: every clamped box is a whole number of lines, cut
// by its line clamp (where Chromium draws the ellipsis); no part leaves the card; the card
// keeps the height reserved for it (CLS 0); a picture that fails leaves a blank slot.
//   make update-screenshots   (KHABAR_UPDATE_SCREENSHOTS=1) writes the approved pictures anew:
//   review them in the diff. A mismatch leaves the actual picture and a diff in
//   build/screenshots/visual/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { openPage, repoRoot, settled, testLog, useServerAndBrowser } from './helpers.mjs';
import { blockSize, NARROW_CARD } from '../../../web/dist/styles.js';

const UPDATE = process.env.KHABAR_UPDATE_SCREENSHOTS === '1';
const approved = `${repoRoot}tests/js/browser/visual/`;
const readme = `${repoRoot}examples/screenshots/`;
const failures = `${repoRoot}build/screenshots/visual/`;
const WIDTHS = [320, 390, 768, 1200];
// pixelmatch's per-pixel colour threshold, and how many pixels may differ: a few anti-aliased
// edges (one in 10,000, at least 50), where one word more on a line is some hundreds.
const THRESHOLD = 0.1;
const maxDiff = (width, height) => Math.max(50, Math.round(width * height * 0.0001));

const cases = JSON.parse(await readFile(`${repoRoot}tests/golden/cards/cases.json`, 'utf8'));
const goldenNames = cases.cases.flatMap((c) => c.locales.map((locale) => `${c.name}.${locale}`));
const visualPage = await readFile(`${repoRoot}tests/js/browser/pages/visual.html`, 'utf8');
const cardIds = [...visualPage.matchAll(/<blockquote class="khabar-card" id="([^"]+)"/g)].map((m) => m[1]);
const FAILED = 'jsonld-authors.ar-MA'; // its picture's host answers 404
// The README's pictures: [file, width, theme, card].
const README = [
  ['seed-ar-MA.png', 1200, 'light', 'seed-photo'],
  ['seed-ar-MA-dark.png', 1200, 'dark', 'seed-photo'],
  ['interpol-fr-MA.png', 1200, 'light', 'interpol-fr'],
  ['seed-ar-MA-390.png', 390, 'light', 'seed-photo'],
  ['card-he.png', 768, 'light', 'udhr-he.he'],
  ['card-ur.png', 768, 'light', 'udhr-ur.ur'],
  ['image-failed-ar-MA.png', 390, 'light', FAILED],
];

let server, browser;
useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

const picture = await readFile(`${repoRoot}examples/partner/media/marrakech.jpg`);
// Offline, every picture host of the golden articles is answered here: one fails on purpose.
async function routePictures(context) {
  await context.route(/^https:\/\//, (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === 'cdn.exemple-info.ma') return route.fulfill({ status: 404, body: '' });
    if (/\.(jpe?g)$/.test(url.pathname)) return route.fulfill({ status: 200, contentType: 'image/jpeg', body: picture });
    return route.fulfill({ status: 404, body: '' });
  });
}

async function open(width) {
  const opened = await openPage(browser, { viewport: { width, height: 8000 } });
  await routePictures(opened.context);
  return opened;
}

async function picturesSettled(page) {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('khabar-card')].every((c) =>
        [...(c.shadowRoot?.querySelectorAll('img') ?? [])].every((img) => img.complete),
      ),
    null,
    { polling: 50, timeout: 10000 },
  );
  // Two frames: decoded pictures are painted.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Every geometric problem of every card on the page, as strings (in the page). */
function geometry() {
  const eps = 0.5;
  const problems = [];
  const rect = (el) => el.getBoundingClientRect();
  for (const host of document.querySelectorAll('khabar-card')) {
    const name = host.querySelector('blockquote')?.id ?? host.dataset.name;
    const article = host.shadowRoot.querySelector('article');
    if (!article) {
      problems.push(`${name}: no card`);
      continue;
    }
    const a = rect(article);
    const s = getComputedStyle(article);
    const inner = {
      top: a.top + parseFloat(s.paddingTop),
      bottom: a.bottom - parseFloat(s.paddingBottom),
      left: a.left + parseFloat(s.paddingLeft),
      right: a.right - parseFloat(s.paddingRight),
    };
    const h = rect(host);
    if (a.bottom > h.bottom - 1 + eps || a.top < h.top + 1 - eps) problems.push(`${name}: the card is cut by its box`);
    const parts = [...article.querySelectorAll(':scope > *, header > *')];
    for (const el of parts) {
      const r = rect(el);
      const what = el.className || el.localName;
      if (r.top < inner.top - eps || r.bottom > inner.bottom + eps || r.left < inner.left - eps || r.right > inner.right + eps) {
        problems.push(`${name}: ${what} leaves the card (${Math.round(r.top - inner.top)}, ${Math.round(inner.bottom - r.bottom)})`);
      }
    }
    // Text boxes: whole lines, cut only by their clamp; nothing wider than its box.
    for (const el of article.querySelectorAll('.khabar-title, .khabar-summary')) {
      const style = getComputedStyle(el);
      const line = parseFloat(style.lineHeight);
      const lines = rect(el).height / line;
      const clamp = Number(style.webkitLineClamp);
      if (Math.abs(lines - Math.round(lines)) > 0.01 || Math.round(lines) < 1) {
        problems.push(`${name}: ${el.className} is ${lines.toFixed(3)} lines high`);
      }
      if (!(clamp >= 1)) problems.push(`${name}: ${el.className} has no line clamp`);
      // Hidden lines below the clamp (Nastaliq's tall letters overflow a few px even when not).
      const cut = el.scrollHeight - el.clientHeight > line / 2;
      if (cut && Math.round(lines) !== clamp) problems.push(`${name}: ${el.className} cut at ${lines.toFixed(2)} lines, not by its clamp (${clamp}): no ellipsis`);
      if (el.scrollWidth > el.clientWidth + 1) problems.push(`${name}: ${el.className} overflows sideways`);
    }
    // One-line parts: exactly one line, ended with an ellipsis if too long (text-overflow).
    for (const el of article.querySelectorAll('.khabar-source, .khabar-byline, .khabar-meta, .khabar-read-more')) {
      const style = getComputedStyle(el);
      const lines = rect(el).height / parseFloat(style.lineHeight);
      if (Math.abs(lines - 1) > 0.01) problems.push(`${name}: ${el.className} is ${lines.toFixed(3)} lines high`);
      if (style.textOverflow !== 'ellipsis' || style.whiteSpace !== 'nowrap') problems.push(`${name}: ${el.className} can wrap or be cut without an ellipsis`);
    }
    // Key figures: each chip wholly shown or wholly hidden (a chip that wraps to a second row).
    const ul = article.querySelector('.khabar-figures');
    if (ul) {
      const u = rect(ul);
      let shown = 0;
      for (const li of ul.children) {
        const r = rect(li);
        if (r.top >= u.top - eps && r.bottom <= u.bottom + eps && r.right <= u.right + eps && r.left >= u.left - eps) shown++;
        else if (!(r.top >= u.bottom - eps)) problems.push(`${name}: a key-figure chip is cut`);
      }
      if (!shown) problems.push(`${name}: no key figure shown`);
    }
    // In order, none over another: header, summary, figures, footer.
    const order = ['header', '.khabar-summary', '.khabar-figures', 'footer'].map((q) => article.querySelector(`:scope > ${q}`)).filter(Boolean);
    for (let i = 1; i < order.length; i++) {
      if (rect(order[i]).top < rect(order[i - 1]).bottom - eps) problems.push(`${name}: ${order[i].localName} overlaps what is above it`);
    }
  }
  return problems;
}

/** The cards' sizes: host height, whether the article holds free space, the reserved heights in px. */
function sizes([wide, narrow, narrowCard]) {
  const probe = (value) => {
    const el = document.createElement('div');
    el.style.cssText = `block-size:${value};font-size:medium;position:absolute`;
    document.body.append(el);
    const px = el.getBoundingClientRect().height;
    el.remove();
    return px;
  };
  const threshold = probe(narrowCard);
  return [...document.querySelectorAll('khabar-card')].map((host) => {
    const article = host.shadowRoot.querySelector('article');
    // What is left between the last part (and its margin) and the card's padding.
    const last = article?.lastElementChild;
    const free = article
      ? article.getBoundingClientRect().bottom - parseFloat(getComputedStyle(article).paddingBottom) -
        last.getBoundingClientRect().bottom - parseFloat(getComputedStyle(last).marginBlockEnd)
      : null;
    const narrowLayout = host.clientWidth <= threshold;
    return {
      name: host.querySelector('blockquote')?.id ?? host.dataset.name,
      state: host.dataset.state,
      height: host.getBoundingClientRect().height,
      reserved: narrowLayout ? probe(narrow) : probe(wide),
      free,
      html: article?.outerHTML ?? '',
    };
  });
}

async function save(path, png, { quantize = false } = {}) {
  await mkdir(path.slice(0, path.lastIndexOf('/')), { recursive: true });
  await writeFile(path, PNG.sync.write(png, { deflateLevel: 9, filterType: -1 }));
  // The repository keeps the approved pictures: 256 colours without dithering (pngquant,
  // Debian's) make them a third of the size, and compare with a live screenshot at 0 pixels
  // over THRESHOLD.
  if (quantize) execFileSync('pngquant', ['--speed', '1', '--nofs', '--strip', '--force', '--output', path, '256', path]);
}

/** Compares a screenshot with its approved picture, or (updating) approves it. */
async function compare(buffer, path, problems) {
  const actual = PNG.sync.read(buffer);
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (UPDATE) return save(path, actual, { quantize: true });
  if (!existsSync(path)) return problems.push(`${name}: no approved picture (make update-screenshots)`);
  const expected = PNG.sync.read(await readFile(path));
  if (expected.width !== actual.width || expected.height !== actual.height) {
    await save(`${failures}${name}`, actual);
    return problems.push(`${name}: ${actual.width}x${actual.height}, approved ${expected.width}x${expected.height}`);
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const count = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, { threshold: THRESHOLD });
  if (count > maxDiff(actual.width, actual.height)) {
    await save(`${failures}${name}`, actual);
    await save(`${failures}${name.replace(/\.png$/, '.diff.png')}`, diff);
    problems.push(`${name}: ${count} pixels differ (see ${failures})`);
  }
}

/** A region of the page is one colour: nothing drawn there (no icon, no alt text, no credit). */
async function blank(page, box) {
  const png = PNG.sync.read(await page.screenshot({ clip: box, animations: 'disabled' }));
  const [r, g, b] = png.data;
  let off = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (Math.abs(png.data[i] - r) + Math.abs(png.data[i + 1] - g) + Math.abs(png.data[i + 2] - b) > 6) off++;
  }
  return off;
}

for (const width of WIDTHS) {
  test(`${width} px: every card as embedded, light and dark: whole lines, no overflow, CLS 0, as approved`, async () => {
    const { page, context, pageErrors } = await open(width);
    await page.goto(server.url('/tests/js/browser/pages/visual.html'));
    await settled(page, 'khabar-card', { count: cardIds.length });
    await picturesSettled(page);

    const cards = await page.evaluate(sizes, [blockSize.wide, blockSize.narrow, NARROW_CARD]);
    assert.deepEqual(cards.map((c) => c.name), cardIds);
    for (const card of cards) {
      assert.equal(card.state, 'ready', card.name);
      // The golden cards are the golden set's own markup (compared as parsed: the DOM
      // serialises &#39; as ').
      if (goldenNames.includes(card.name)) {
        const expected = await readFile(`${repoRoot}tests/golden/cards/expected/${card.name}.html`, 'utf8');
        const same = await page.$eval(`khabar-card:has(> [id="${card.name}"])`, (host, html) => {
          const parsed = document.createElement('template');
          parsed.innerHTML = html.trimEnd();
          return parsed.innerHTML === host.shadowRoot.innerHTML;
        }, expected);
        assert.ok(same, `${card.name}: not the golden markup`);
      }
      // The card keeps the height reserved for it before it rendered.
      assert.ok(Math.abs(card.height - card.reserved) < 0.5, `${card.name}: ${card.height} px, reserved ${card.reserved} px`);
    }
    assert.deepEqual(await page.evaluate(geometry), []);
    const log = await testLog(page);
    assert.equal(log.cls, 0, `layout shifts: ${JSON.stringify(log.shifts)}`);
    assert.deepEqual(log.errors, []);
    assert.deepEqual(pageErrors, []);

    // The picture that failed: its slot is blank (no icon, alt text or credit), its size kept.
    const failed = await page.$eval(`khabar-card:has(> [id="${FAILED}"])`, (host) => {
      const figure = host.shadowRoot.querySelector('figure');
      const img = figure.querySelector('img');
      const r = figure.getBoundingClientRect();
      return { loaded: img.naturalWidth > 0, complete: img.complete, box: { x: r.x, y: r.y, width: r.width, height: r.height } };
    });
    assert.deepEqual([failed.complete, failed.loaded], [true, false]);
    assert.ok(failed.box.width > 50 && failed.box.height > 50, JSON.stringify(failed.box));
    assert.equal(await blank(page, failed.box), 0, 'the failed picture’s slot shows something');

    const problems = [];
    for (const theme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: theme });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      // Named by the column's width: at 768 and 1,200 px the cards are as wide (40em), and
      // one approved picture says they look the same.
      const column = await page.$eval('main', (main) => Math.round(main.getBoundingClientRect().width));
      await compare(await page.locator('main').screenshot({ animations: 'disabled' }), `${approved}cards-${column}px-${theme}.png`, problems);
      for (const [file, w, t, id] of README) {
        if (w !== width || t !== theme) continue;
        const shot = await page.locator(`khabar-card:has(> [id="${id}"])`).screenshot({ animations: 'disabled' });
        await compare(shot, `${readme}${file}`, problems);
      }
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('server-rendered golden cards: as tall as their content, whole lines, nothing outside', async () => {
  const names = goldenNames.filter((n) => !n.startsWith('seed.ar-SA')); // the same layout as seed.ar-EG
  for (const width of [320, 1200]) {
    const { page, context, pageErrors } = await open(width);
    await page.goto(server.url(`/tests/js/browser/pages/ssr-cards.html?cards=${names.join(',')}`));
    await page.waitForSelector('body[data-ready]');
    await settled(page, 'khabar-card', { count: names.length });
    await picturesSettled(page);
    const cards = await page.evaluate(sizes, [blockSize.wide, blockSize.narrow, NARROW_CARD]);
    for (const card of cards) {
      assert.equal(card.state, 'ready', card.name);
      // No band of empty space above "Read more": nothing to reserve, nothing left over.
      assert.ok(Math.abs(card.free) < 0.5, `${card.name} at ${width} px: ${card.free} px of empty space`);
    }
    assert.deepEqual(await page.evaluate(geometry), [], `${width} px`);
    assert.deepEqual(pageErrors, []);
    await context.close();
  }
});

test('280 to 1,200 px, every 10 px and every pixel around the layout switch: whole lines, nothing outside', async () => {
  const { page, context } = await open(280);
  await page.goto(server.url('/tests/js/browser/pages/visual.html'));
  await settled(page, 'khabar-card', { count: cardIds.length });
  await picturesSettled(page);
  const widths = [];
  for (let w = 280; w <= 1200; w += 10) widths.push(w);
  for (let w = 505; w <= 535; w++) widths.push(w); // the card reaches 30em at 520 px
  const problems = [];
  for (const width of widths) {
    await page.setViewportSize({ width, height: 8000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    for (const p of await page.evaluate(geometry)) problems.push(`${width} px: ${p}`);
    for (const card of await page.evaluate(sizes, [blockSize.wide, blockSize.narrow, NARROW_CARD])) {
      if (Math.abs(card.height - card.reserved) >= 0.5) problems.push(`${width} px: ${card.name} is ${card.height} px, reserved ${card.reserved}`);
    }
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('a slow picture: a quiet slot (no alt text), then the picture, and nothing moves', async () => {
  const { page, context } = await open(390);
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await context.route('https://news.example/media/**', async (route) => {
    await held;
    await route.fulfill({ status: 200, contentType: 'image/jpeg', body: picture });
  });
  await page.goto(server.url('/tests/js/browser/pages/visual.html'));
  await settled(page, 'khabar-card', { count: cardIds.length });
  const box = () =>
    page.$eval('khabar-card:has(> #seed-photo)', (host) => {
      const img = host.shadowRoot.querySelector('img');
      const r = img.getBoundingClientRect();
      return { complete: img.complete, x: r.x, y: r.y, width: r.width, height: r.height };
    });
  const waiting = await box();
  assert.equal(waiting.complete, false);
  const { complete, ...slot } = waiting;
  // Inside its rounded corners, the placeholder is one colour: no icon, no alt text.
  const inside = { x: slot.x + 8, y: slot.y + 8, width: slot.width - 16, height: slot.height - 16 };
  assert.equal(await blank(page, inside), 0, 'the slot of a picture still loading shows something');
  release();
  await picturesSettled(page);
  const { complete: done, ...loaded } = await box();
  assert.equal(done, true);
  assert.deepEqual(loaded, slot);
  assert.equal((await testLog(page)).cls, 0);
  await context.close();
});

test('high contrast (forced-colors) and print: whole lines, nothing outside; on paper as tall as the content', async () => {
  const { page, context } = await open(390);
  await page.goto(server.url('/tests/js/browser/pages/visual.html'));
  await settled(page, 'khabar-card', { count: cardIds.length });
  await picturesSettled(page);
  await page.emulateMedia({ forcedColors: 'active' });
  assert.deepEqual(await page.evaluate(geometry), [], 'forced-colors');
  const chip = await page.$eval('khabar-card', (host) => {
    const probe = document.createElement('div');
    probe.style.cssText = 'color: CanvasText';
    document.body.append(probe);
    const canvasText = getComputedStyle(probe).color;
    probe.remove();
    return [getComputedStyle(host.shadowRoot.querySelector('.khabar-figures li')).borderTopColor, canvasText];
  });
  assert.equal(chip[0], chip[1], 'figure chips are outlined in CanvasText');
  await page.emulateMedia({ forcedColors: 'none', media: 'print' });
  assert.deepEqual(await page.evaluate(geometry), [], 'print');
  for (const card of await page.evaluate(sizes, [blockSize.wide, blockSize.narrow, NARROW_CARD])) {
    assert.ok(Math.abs(card.free) < 0.5, `${card.name} in print: ${card.free} px of empty space`);
  }
  await context.close();
});
