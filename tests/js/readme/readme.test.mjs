// The README's JavaScript example, taken from README.md itself so that it cannot drift: the block
// after `<!-- example: NAME -->` is saved as NAME in a fresh `npm init -y` project that has
// installed the packed package, run with Node, and its output compared with the block after
// `<!-- example output -->`. The same code compiles under strict TypeScript.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../../', import.meta.url).pathname;
const readme = await readFile(`${root}README.md`, 'utf8');
const example = readme.match(/<!-- example: ([\w.-]+) -->\n```js\n([\s\S]*?)```/);
const output = readme.match(/<!-- example output -->\n[^\n]*\n+```\n([\s\S]*?)```/);
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const npm = (args, cwd) => run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error', '--prefer-offline'], cwd);

test('README.md marks its example and the example\'s output', () => {
  assert.ok(example, 'a ```js block after <!-- example: NAME -->');
  assert.ok(output, 'a ``` block after <!-- example output -->');
  assert.match(example[1], /\.mjs$/, 'the file name makes it an ES module in a default npm init -y project');
});

test('the example, pasted into a fresh project, prints what the README says', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'khabar-readme-'));
  try {
    const [{ filename }] = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], `${root}web`));
    npm(['init', '-y'], dir);
    npm(['install', join(dir, filename)], dir);
    await writeFile(join(dir, example[1]), example[2]);
    assert.equal(run(process.execPath, [example[1]], dir), output[1]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the example compiles under strict TypeScript (exactOptionalPropertyTypes)', async () => {
  const dir = await mkdtemp(join(new URL('.', import.meta.url).pathname, '.tmp-'));
  try {
    await writeFile(join(dir, 'example.mts'), example[2]);
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, exactOptionalPropertyTypes: true, noEmit: true, target: 'es2022',
        module: 'nodenext', moduleResolution: 'nodenext', types: ['node'], typeRoots: [`${root}tests/js/node_modules/@types`] },
      files: ['example.mts'],
    }));
    const tsc = createRequire(import.meta.url).resolve('typescript/package.json').replace(/package\.json$/, 'bin/tsc');
    try {
      run(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], dir);
    } catch (error) {
      assert.fail(`tsc failed on the README's example:\n${error.stdout}${error.stderr}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
