// GET /image and the share picture's tags, for every shell of the service (in-process, workerd):
// the golden pictures' bytes (tests/golden/images/hashes.json, which the native tests check
// against the CLI) and, where the native CLI is built, `khabar image`'s own bytes; the article's
// picture fetched under the article's rules, and a picture that fails leaving the card without it
// and a warning; ETag and 304; stable codes; the meta tags and the oEmbed thumbnail, escaped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const root = new URL('../../../', import.meta.url);
const hashes = JSON.parse(await readFile(new URL('tests/golden/images/hashes.json', root), 'utf8'));
const now = '2025-11-29T10:00:00+01:00';
const tz = 'Africa/Casablanca';
const khabar = new URL('build/native/core/khabar', root).pathname;
const haveCli = await access(khabar).then(
  () => true,
  () => false,
);
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const q = (params) => new URLSearchParams(params).toString();

/** `khabar image` of a file of the repository, its bytes. */
async function cliImage(input, args) {
  const { stdout } = await promisify(execFile)(khabar, ['image', new URL(input, root).pathname, ...args, '--now', now, '--tz', tz], {
    encoding: 'buffer',
    maxBuffer: 64 << 20,
  });
  return stdout;
}

export function imageSuite(name, { call, server }) {
  const golden = (input) => `${server().origin}/golden/${input}`;
  const seed = () => golden('examples/seed-article-ar.txt');
  const withPicture = (src) => `${server().origin}/with-picture${src === undefined ? '' : `?${q({ src })}`}`;
  const image = (params) => call(`/image?${q({ now, tz, ...params })}`);
  const bytesOf = async (response) => new Uint8Array(await response.arrayBuffer());

  test(`${name}: /image of the seed (ar-MA) is the native picture, byte for byte`, async () => {
    const dark = await image({ url: seed(), locale: 'ar-MA', theme: 'dark' });
    assert.equal(dark.status, 200, await dark.clone().text());
    assert.equal(dark.headers.get('content-type'), 'image/png');
    assert.equal(dark.headers.get('x-khabar-warning'), null);
    assert.equal(sha256(await bytesOf(dark)), hashes['seed-ar-MA-dark'], 'the golden record: khabar image --theme dark');
    const svg = await image({ url: seed(), locale: 'ar-MA', size: 'story', format: 'svg' });
    assert.equal(svg.headers.get('content-type'), 'image/svg+xml');
    assert.match(svg.headers.get('content-security-policy'), /default-src 'none'/);
    assert.equal(sha256(await bytesOf(svg)), hashes['seed-ar-MA-story-svg']);
    const light = await bytesOf(await image({ url: seed(), locale: 'ar-MA' }));
    assert.equal(light[1], 0x50, 'a PNG');
    if (haveCli) {
      assert.deepEqual(Buffer.from(light), await cliImage('examples/seed-article-ar.txt', ['--locale', 'ar-MA']), 'khabar image, light, no picture');
    }
  });

  test(`${name}: the article's og:image is fetched under the article's rules and drawn (the native bytes)`, async () => {
    const src = '/golden/tests/golden/images/pictures/photo.jpg';
    const before = server().hits.get(src) ?? 0;
    const response = await image({ url: withPicture(src), locale: 'fr' });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('x-khabar-warning'), null);
    assert.equal(sha256(await bytesOf(response)), hashes.fr, 'the golden French picture with photo.jpg');
    assert.equal(server().hits.get(src), before + 1, 'the picture fetched once');
    assert.match(response.headers.get('cache-control'), /^public, max-age=\d+, stale-while-revalidate=\d+$/);
  });

  test(`${name}: a picture that cannot be fetched or read: the card without it, and a warning`, async () => {
    const without = await bytesOf(await image({ url: withPicture(), locale: 'fr' }));
    const cases = [
      ['/golden/tests/golden/images/pictures/broken.jpg', 'image.picture_unreadable'],
      ['/golden/tests/golden/images/pictures/not-a-picture.jpg', 'image.picture_unreadable'],
      ['/missing.jpg', 'image.picture_fetch_failed (fetch.http_status)'],
      ['/golden/examples/seed-article-ar.txt', 'image.picture_fetch_failed (fetch.content_type)'],
      ['http://10.0.0.1/a.jpg', 'image.picture_fetch_failed (fetch.private_address)'],
      ['http://169.254.169.254/latest/meta-data/', 'image.picture_fetch_failed (fetch.private_address)'],
      ['https://elsewhere.example/a.jpg', 'image.picture_fetch_failed (fetch.origin_not_allowed)'],
      ['/redirect-private', 'image.picture_fetch_failed (fetch.private_address)'],
      ['/big.jpg', 'image.picture_fetch_failed (fetch.too_large)'],
    ];
    for (const [src, warning] of cases) {
      const response = await image({ url: withPicture(src), locale: 'fr' });
      assert.equal(response.status, 200, src);
      assert.equal(response.headers.get('x-khabar-warning'), warning, src);
      assert.equal(response.headers.get('cache-control'), 'public, max-age=60', `${src}: kept a minute at most`);
      assert.deepEqual(await bytesOf(response), without, `${src}: the card without its picture`);
    }
  });

  test(`${name}: /image ETag and If-None-Match 304`, async () => {
    const path = `/image?${q({ url: seed(), locale: 'ar-MA', now, tz })}`;
    const first = await call(path);
    const etag = first.headers.get('etag');
    assert.match(etag, /^"[0-9a-f]{32}"$/);
    await first.arrayBuffer();
    const again = await call(path, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    assert.equal((await again.arrayBuffer()).byteLength, 0);
    const other = await call(`/image?${q({ url: seed(), locale: 'ar-MA', now, tz, theme: 'dark' })}`, { headers: { 'if-none-match': etag } });
    assert.equal(other.status, 200, 'another picture, another tag');
    await other.arrayBuffer();
  });

  test(`${name}: /image refusals have stable codes`, async () => {
    const refused = [
      [{ locale: 'ar' }, 400, 'param.missing'],
      [{ url: seed(), size: '10x10' }, 400, 'param.invalid'],
      [{ url: seed(), size: '5000x630' }, 400, 'param.invalid'],
      [{ url: seed(), size: 'poster' }, 400, 'param.invalid'],
      [{ url: seed(), theme: 'auto' }, 400, 'param.invalid'],
      [{ url: seed(), format: 'gif' }, 400, 'param.invalid'],
      [{ url: 'http://10.0.0.1/a' }, 403, 'fetch.private_address'],
      [{ url: 'file:///etc/passwd' }, 400, 'fetch.unsupported_scheme'],
      [{ url: 'https://unknown.example/a' }, 403, 'fetch.origin_not_allowed'],
      [{ url: golden('tests/golden/images/pictures/photo.jpg') }, 415, 'fetch.content_type'],
    ];
    for (const [params, status, code] of refused) {
      const response = await call(`/image?${q(params)}`);
      const body = await response.json();
      assert.deepEqual([response.status, body.error.code], [status, code], JSON.stringify(params));
      assert.equal(response.headers.get('cache-control'), 'no-store');
    }
  });

  test(`${name}: /embed carries og:image, its size and alt, and twitter's summary_large_image, escaped`, async () => {
    // A hostile article URL: it reaches the page inside the picture's URL, never as markup.
    const hostile = `${seed()}?a="><script>alert(1)</script>&b='x'<img src=x onerror=alert(2)>`;
    const response = await call(`/embed?${q({ url: hostile, locale: 'ar-MA', now, tz, theme: 'dark' })}`);
    assert.equal(response.status, 200);
    const page = await response.text();
    const head = page.slice(0, page.indexOf('</head>'));
    assert.doesNotMatch(head, /<script>|<img|onerror=alert/, 'nothing of the URL is markup');
    const meta = {};
    for (const m of head.matchAll(/<meta (property|name)="([^"]+)" content="([^"]*)">/g)) {
      meta[m[2]] = m[3].replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)));
    }
    assert.equal(meta['og:image:width'], '1200');
    assert.equal(meta['og:image:height'], '630');
    assert.equal(meta['og:image:type'], 'image/png');
    assert.equal(meta['twitter:card'], 'summary_large_image');
    assert.equal(meta['twitter:image'], meta['og:image']);
    assert.match(meta['og:image:alt'], /^الإنتربول يشيد من مراكش/);
    const src = new URL(meta['og:image']);
    assert.equal(src.pathname, '/image');
    assert.deepEqual(Object.fromEntries(src.searchParams), { url: hostile, locale: 'ar-MA', theme: 'dark', tz, now });
    // The tag's URL is a picture this service draws: the seed's, dark.
    const picture = await call(`${src.pathname}${src.search}`);
    assert.equal(picture.status, 200);
    assert.equal(sha256(await bytesOf(picture)), hashes['seed-ar-MA-dark']);
  });

  test(`${name}: a hostile title reaches og:image:alt and twitter:image:alt as text only`, async () => {
    const title = `Interpol "><script>alert(1)</script><meta property="og:image" content="https://evil.example/x.png"> & 'co'`;
    const url = `${server().origin}/with-picture?${q({ title })}`;
    const answered = await call(`/card?${q({ url, locale: 'fr', format: 'json', now, tz })}`);
    assert.equal(answered.status, 200, await answered.clone().text());
    const card = await answered.json();
    assert.match(card.title, /<script>/, 'the core keeps the title as text: the page must escape it');
    const embedded = await call(`/embed?${q({ url, locale: 'fr', now, tz })}`);
    const page = await embedded.text();
    assert.equal(embedded.status, 200, page);
    const head = page.slice(0, page.indexOf('</head>'));
    assert.doesNotMatch(head, /<script>|<meta property="og:image" content="https:\/\/evil/, 'the title is text, escaped');
    const alts = [...head.matchAll(/<meta (?:property|name)="(?:og|twitter):image:alt" content="([^"]*)">/g)].map((m) =>
      m[1].replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))),
    );
    assert.deepEqual(alts, [card.title, card.title]);
    assert.equal([...head.matchAll(/property="og:image"/g)].length, 1, 'one og:image, the service\'s');
  });

  test(`${name}: the oEmbed thumbnail is the card's picture, scaled to maxwidth`, async () => {
    const url = withPicture('/golden/tests/golden/images/pictures/photo.jpg');
    const o = await (await call(`/oembed?${q({ url, locale: 'fr', maxwidth: '600', tz })}`)).json();
    assert.deepEqual([o.thumbnail_width, o.thumbnail_height], [600, 315]);
    const thumb = new URL(o.thumbnail_url);
    assert.equal(thumb.pathname, '/image');
    assert.deepEqual(Object.fromEntries(thumb.searchParams), { url, locale: 'fr', size: '600x315', tz });
    const answered = await call(`${thumb.pathname}${thumb.search}`);
    assert.equal(answered.status, 200);
    const png = await bytesOf(answered);
    const view = new DataView(png.buffer, png.byteOffset);
    assert.deepEqual([view.getUint32(16), view.getUint32(20)], [600, 315], 'the PNG is the size the answer says');
    const full = await (await call(`/oembed?${q({ url, locale: 'fr' })}`)).json();
    assert.deepEqual([full.thumbnail_width, full.thumbnail_height], [1200, 630], 'no maxwidth: og\'s size');
    assert.equal(new URL(full.thumbnail_url).searchParams.get('size'), null);
    const tiny = await (await call(`/oembed?${q({ url, locale: 'fr', maxwidth: '300' })}`)).json();
    assert.equal(tiny.thumbnail_url, undefined, 'under 200 px high: no thumbnail rather than one too large');
  });

  test(`${name}: no picture's fetch left 127.0.0.1 for anywhere but the test server`, () => {
    assert.deepEqual(server().violations, []);
  });
}
