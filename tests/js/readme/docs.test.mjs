// README.md and docs/*.md checked against the repository, so that a move or a rename cannot leave
// them behind: every relative link leads to a file (and its #anchor to a heading there), every
// `make TARGET` they name is a target of the Makefile, and every repository path they name in
// backquotes exists. The examples they run are checked by readme.test.mjs (JavaScript) and
// tests/examples/docs.mjs (the CLI, in make test-examples).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';

const root = new URL('../../../', import.meta.url).pathname;
const documents = ['README.md', ...(await readdir(`${root}docs`)).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];
const texts = new Map(await Promise.all(documents.map(async (d) => [d, await readFile(`${root}${d}`, 'utf8')])));
// Text outside fenced code blocks (links and headings live there).
const prose = (text) => text.replace(/^```[\s\S]*?^```/gm, '');
// GitHub's anchor of a heading: lower case, punctuation but - and _ dropped, spaces to -.
const slug = (heading) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
const anchors = (text) => new Set([...prose(text).matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1])));

test('the README stays a front door: at most 250 lines', () => {
  assert.ok(texts.get('README.md').split('\n').length <= 251, `README.md has ${texts.get('README.md').split('\n').length - 1} lines`);
});

test('every relative link leads to a file, and every #anchor to a heading of it', () => {
  const broken = [];
  for (const [document, text] of texts) {
    for (const [, target] of prose(text).matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/i.test(target)) continue;
      const [path, anchor] = target.split('#');
      const file = path ? normalize(join(dirname(document), path)) : document;
      if (!existsSync(join(root, file))) broken.push(`${document}: ${target} (no ${file})`);
      else if (anchor && file.endsWith('.md') && !anchors(texts.get(file) ?? '').has(anchor)) broken.push(`${document}: ${target} (no heading)`);
    }
  }
  assert.deepEqual(broken, []);
});

test('every `make TARGET` named is a target of the Makefile', async () => {
  const makefile = await readFile(`${root}Makefile`, 'utf8');
  const targets = new Set([...makefile.matchAll(/^([a-z][a-z0-9-]*):/gm)].map((m) => m[1]));
  const missing = [];
  for (const [document, text] of texts) {
    // In backquotes (`make test-wasm`, `make test-native test-wasm`) and at a code line's start.
    const named = [...text.matchAll(/`make ([a-z][a-z0-9 -]*)`/g)].flatMap((m) => m[1].split(' '))
      .concat([...text.matchAll(/^(?:[A-Z_]+=\S+ )*make ([a-z][a-z0-9-]*)/gm)].map((m) => m[1]));
    for (const target of named) if (target && !targets.has(target)) missing.push(`${document}: make ${target}`);
  }
  assert.deepEqual(missing, []);
});

test('every repository path named in backquotes exists', () => {
  // Paths under the repository's own folders; what a build writes (dist/, build/) is not in a checkout.
  const repoPath = /^(?:core|wasm|web|examples|tests|scripts|docs|cmake)\/[\w./-]*$/;
  const missing = [];
  let checked = 0;
  for (const [document, text] of texts) {
    for (const [, quoted] of text.matchAll(/`([^`\s]+)`/g)) {
      if (!repoPath.test(quoted) || /(^|\/)dist(\/|$)|node_modules/.test(quoted)) continue;
      checked += 1;
      if (!existsSync(join(root, quoted))) missing.push(`${document}: ${quoted}`);
    }
  }
  assert.deepEqual(missing, []);
  assert.ok(checked > 50, `only ${checked} paths found: the pattern no longer matches the documents`);
});
