// The package's declarations as a consumer compiles them (tsc --noEmit, strict,
// exactOptionalPropertyTypes; consumer.ts), and the error-code union against the sources:
// every code the core, the binding, the package and the element can report, and no other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const root = new URL('../../../', import.meta.url);
const read = (path) => readFile(new URL(path, root), 'utf8');
const quoted = (text, re) => new Set([...text.matchAll(re)].map((m) => m[1]));

test('consumer.ts compiles under strict TypeScript with exactOptionalPropertyTypes', () => {
  const tsc = createRequire(import.meta.url).resolve('typescript/package.json').replace(/package\.json$/, 'bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', new URL('./tsconfig.json', import.meta.url).pathname], { encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    assert.fail(`tsc failed:\n${error.stdout}${error.stderr}`);
  }
});

test('KhabarErrorCode and KhabarCardErrorCode list exactly the codes in the sources', async () => {
  const declared = await read('web/src/errors.d.ts');
  const [packagePart, elementPart] = declared.split('export type KhabarCardErrorCode');
  const dotted = /'([a-z]+\.[a-z_]+)'/g;
  const packageCodes = quoted(packagePart, dotted);
  const elementCodes = quoted(elementPart, dotted);

  const fromSources = new Set([
    ...quoted(await read('core/include/khabar/error.hpp'), /= "([a-z]+\.[a-z_]+)";/g),
    ...quoted(await read('wasm/binding.cpp'), /"([a-z]+\.[a-z_]+)"/g),
    ...quoted(await read('web/src/index.js'), dotted),
  ]);
  // The embed's remote cards end in khabar-error too, with embed-remote.js's codes.
  const elementSources = quoted((await read('web/src/card-element.js')) + (await read('web/src/card-thread.js')) + (await read('web/src/embed-remote.js')), dotted);
  assert.ok(fromSources.size >= 19, `found ${fromSources.size} codes in the sources`); // a floor against a broken pattern
  assert.deepEqual([...packageCodes].sort(), [...fromSources].sort());
  assert.deepEqual([...elementCodes].sort(), [...elementSources].filter((c) => !fromSources.has(c)).sort());
});
