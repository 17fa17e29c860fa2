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

test("the browser entry names no Node built-in; the node entry is the same module reading files", async () => {
  const dist = (file) => readFile(createRequire(import.meta.url).resolve(`khabar/package.json`).replace(/package\.json$/, `dist/${file}`), 'utf8');
  const [browser, node, element, cardElement] = await Promise.all(['index.js', 'node.js', 'element.js', 'card-element.js'].map(dist));
  for (const [name, text] of [['index.js', browser], ['element.js', element], ['card-element.js', cardElement]]) {
    assert.doesNotMatch(text, /['"]node:|['"]fs['"]|fs\/promises/, `${name} names no Node built-in`);
  }
  assert.match(node, /from 'node:fs\/promises'/);
  const exported = (text) => [...text.matchAll(/^export (?:async )?(?:function|const|class) (\w+)/gm)].map((m) => m[1]).sort();
  assert.deepEqual(exported(node), exported(browser));
  assert.ok(exported(browser).length >= 10);
});

test("the node entry is what 'khabar' resolves to in Node", async () => {
  const resolved = import.meta.resolve('khabar');
  assert.match(resolved, /\/dist\/node\.js$/);
});
