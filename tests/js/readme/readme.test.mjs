// The JavaScript examples of README.md and docs/*.md, taken from the documents themselves so that
// they cannot drift: each block after `<!-- example: NAME.mjs -->` is saved as NAME in one fresh
// `npm init -y` project that has installed the packed package, run with Node, and its output
// compared with the block after the `<!-- example output -->` that follows it. The same code
// compiles under strict TypeScript.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../../', import.meta.url).pathname;
const documents = ['README.md', ...(await readdir(`${root}docs`)).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];
const exampleMark = /<!-- example: ([\w.-]+) -->\n```js\n([\s\S]*?)```/g;
const outputMark = /^\s*<!-- example output -->\n[^\n]*\n+```\n([\s\S]*?)```/;
// [document, name, code, output]: the output block must come right after its example's block.
const examples = [];
for (const document of documents) {
  const text = await readFile(`${root}${document}`, 'utf8');
  for (const match of text.matchAll(exampleMark)) {
    const output = text.slice(match.index + match[0].length).match(outputMark);
    examples.push({ document, name: match[1], code: match[2], output: output?.[1] });
  }
}
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const npm = (args, cwd) => run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error', '--prefer-offline'], cwd);

test('README.md has a marked example, and every marked example has its output and an .mjs name', () => {
  assert.ok(examples.some((e) => e.document === 'README.md'), 'README.md: a ```js block after <!-- example: NAME.mjs -->');
  for (const { document, name, output } of examples) {
    assert.ok(output !== undefined, `${document}, ${name}: a \`\`\` block after <!-- example output --> right after the example`);
    assert.match(name, /\.mjs$/, `${document}, ${name}: the file name makes it an ES module in a default npm init -y project`);
  }
  const names = examples.map((e) => e.name);
  assert.equal(new Set(names).size, names.length, `each example's file name is its own: ${names.join(', ')}`);
});

test('every example, pasted into a fresh project, prints what its document says', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'khabar-readme-'));
  try {
    const [{ filename }] = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], `${root}web`));
    npm(['init', '-y'], dir);
    npm(['install', join(dir, filename)], dir);
    for (const { document, name, code, output } of examples) {
      await writeFile(join(dir, name), code);
      assert.equal(run(process.execPath, [name], dir), output, `${document}: ${name}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('every example compiles under strict TypeScript (exactOptionalPropertyTypes)', async () => {
  const dir = await mkdtemp(join(new URL('.', import.meta.url).pathname, '.tmp-'));
  try {
    const files = [];
    for (const { name, code } of examples) {
      const file = name.replace(/\.mjs$/, '.mts');
      await writeFile(join(dir, file), code);
      files.push(file);
    }
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, exactOptionalPropertyTypes: true, noEmit: true, target: 'es2022',
        module: 'nodenext', moduleResolution: 'nodenext', types: ['node'], typeRoots: [`${root}tests/js/node_modules/@types`] },
      files,
    }));
    const tsc = createRequire(import.meta.url).resolve('typescript/package.json').replace(/package\.json$/, 'bin/tsc');
    try {
      run(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], dir);
    } catch (error) {
      assert.fail(`tsc failed on the documents' examples:\n${error.stdout}${error.stderr}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
