// khabar/image in Node: the golden pictures' record (tests/golden/images/hashes.json, which the
// native tests check) drawn through the package, so the same bytes as `khabar image`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { renderCardImage, renderImage, KhabarError } from 'khabar/image';
import { analyze, load, renderJSON } from 'khabar';

const root = new URL('../../../', import.meta.url);
const bytes = async (path) => new Uint8Array(await readFile(new URL(path, root)));
const hashes = JSON.parse(await readFile(new URL('tests/golden/images/hashes.json', root), 'utf8'));
const sha256 = (b) => createHash('sha256').update(b).digest('hex');
const now = '2025-11-29T10:00:00+01:00', timeZone = 'Africa/Casablanca';

test('the seed card as an og picture: the native bytes', async () => {
  const seed = await readFile(new URL('examples/seed-article-ar.txt', root), 'utf8');
  const r = await renderImage(seed, { locale: 'ar-MA', now, timeZone, picture: await bytes('tests/golden/images/pictures/photo.jpg') });
  assert.equal(r.mimeType, 'image/png');
  assert.equal(sha256(r.bytes), hashes['seed-ar-MA-light']);
  const dark = await renderImage(seed, { locale: 'ar-MA', now, timeZone, theme: 'dark' });
  assert.equal(sha256(dark.bytes), hashes['seed-ar-MA-dark']);
});

test('an SVG story and a French card with a JPEG: the native bytes', async () => {
  const seed = await bytes('examples/seed-article-ar.txt');
  const svg = await renderImage(seed, { locale: 'ar-MA', now, timeZone, size: 'story', format: 'svg' });
  assert.equal(svg.mimeType, 'image/svg+xml');
  assert.equal(sha256(svg.bytes), hashes['seed-ar-MA-story-svg']);
  const fr = await renderImage(await bytes('tests/golden/images/articles/fr.json'), { locale: 'fr', now, timeZone, picture: await bytes('tests/golden/images/pictures/photo.jpg') });
  assert.equal(sha256(fr.bytes), hashes.fr);
});

test('a broken picture: drawn without it, and a warning', async () => {
  const seed = await bytes('examples/seed-article-ar.txt');
  const r = await renderImage(seed, { locale: 'ar-MA', now, timeZone, picture: await bytes('tests/golden/images/pictures/broken.jpg') });
  assert.ok(r.warnings.some((w) => w.code === 'image.picture_unreadable'));
});

test('a bad size is a KhabarError with the stable code', async () => {
  await assert.rejects(renderImage('{"title":"x","body":["y"]}', { size: '10x10' }), (e) => e instanceof KhabarError && e.code === 'option.invalid');
});

// The service's way: the card made once (analyze(), the package's main core), drawn from it.
test('renderCardImage: the card from analyze(), its JSON text or bytes, gives the native bytes', async () => {
  await load();
  const seed = await readFile(new URL('examples/seed-article-ar.txt', root), 'utf8');
  const photo = await bytes('tests/golden/images/pictures/photo.jpg');
  const card = await analyze(seed, { locale: 'ar-MA', now, timeZone });
  const fromObject = await renderCardImage(card, { picture: photo });
  assert.equal(fromObject.mimeType, 'image/png');
  assert.equal(sha256(fromObject.bytes), hashes['seed-ar-MA-light']);
  const json = await renderJSON(seed, { locale: 'ar-MA', now, timeZone });
  assert.equal(sha256((await renderCardImage(json, { theme: 'dark' })).bytes), hashes['seed-ar-MA-dark']);
  const svg = await renderCardImage(new TextEncoder().encode(json), { size: 'story', format: 'svg' });
  assert.equal(svg.mimeType, 'image/svg+xml');
  assert.equal(sha256(svg.bytes), hashes['seed-ar-MA-story-svg']);
  const broken = await renderCardImage(card, { picture: await bytes('tests/golden/images/pictures/broken.jpg') });
  assert.deepEqual(broken.warnings.map((w) => w.code), ['image.picture_unreadable'], 'the picture\'s warnings only');
});

test('renderCardImage: bad Card JSON and wrong types are KhabarErrors with stable codes', async () => {
  const code = (code) => (e) => e instanceof KhabarError && e.code === code;
  await assert.rejects(renderCardImage('{"khabar_card": 1,'), code('parse.invalid_json'));
  await assert.rejects(renderCardImage({ khabar_card: 1, title: 5 }), (e) => code('parse.invalid_field')(e) && /card\.title/.test(e.message));
  await assert.rejects(renderCardImage({ khabar_card: 2, title: 'x' }), code('parse.unsupported_version'));
  await assert.rejects(renderCardImage({ title: 'no version' }), code('parse.invalid_field'));
  await assert.rejects(renderCardImage({ khabar_card: 1, title: 'x' }, { size: '10x10' }), code('option.invalid'));
});
