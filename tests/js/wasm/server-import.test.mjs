// On a server (Next.js, Astro, SvelteKit and Nuxt evaluate a page's imports there) every module
// of the package imports without a DOM, and define() does nothing; the browser entry names no
// Node built-in, so no bundler for browsers meets one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

test('khabar/element imports in Node, where define() registers nothing', async () => {
  assert.equal(globalThis.HTMLElement, undefined);
  assert.equal(globalThis.customElements, undefined);
  const { define, KhabarCard } = await import('khabar/element');
  assert.equal(typeof KhabarCard, 'function');
  assert.equal(define(), KhabarCard);
  assert.equal(globalThis.customElements, undefined);
});

test("the browser entry names no Node built-in; the node entry exports the same names, reading files", async () => {
  const file = (name) => createRequire(import.meta.url).resolve(`khabar/package.json`).replace(/package\.json$/, `dist/${name}`);
  const names = ['index.js', 'element.js', 'card-element.js', 'node.js'];
  const [browser, element, cardElement, node] = await Promise.all(names.map((n) => readFile(file(n), 'utf8')));
  for (const [name, text] of [['index.js', browser], ['element.js', element], ['card-element.js', cardElement]]) {
    assert.doesNotMatch(text, /['"]node:|['"]fs['"]|fs\/promises/, `${name} names no Node built-in`);
  }
  assert.match(node, /from 'node:fs\/promises'/);
  const exported = async (name) => Object.keys(await import(file(name))).sort();
  assert.deepEqual(await exported('node.js'), await exported('index.js'));
  assert.ok((await exported('index.js')).length >= 10);
  assert.deepEqual(await exported('service-node.js'), await exported('service.js'));
  assert.deepEqual(await exported('image-node.js'), await exported('image.js'));
});

test("the node entry is what 'khabar' resolves to in Node", async () => {
  const resolved = import.meta.resolve('khabar');
  assert.match(resolved, /\/dist\/node\.js$/);
});
