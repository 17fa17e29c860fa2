// The command-line examples of README.md and docs/*.md, run as written: each ```sh block after
// `<!-- example: cli -->` is one `$ COMMAND` line (run by bash from the repository's root, with
// `build/native/core/khabar` or a leading `khabar` meaning the CLI given) and what it prints,
// stdout and stderr together, compared byte for byte; and each marked input example (below) read.
//   node tests/examples/docs.mjs build/native/core/khabar
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const cli = resolve(process.argv[2] ?? 'build/native/core/khabar');
const documents = ['README.md', ...(await readdir(`${root}docs`)).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];
let passed = 0;
const failed = [];
for (const document of documents) {
  const text = await readFile(`${root}${document}`, 'utf8');
  for (const [, block] of text.matchAll(/<!-- example: cli -->\n```sh\n([\s\S]*?)```/g)) {
    const [first, ...rest] = block.split('\n');
    if (!first.startsWith('$ ')) {
      failed.push(`${document}: an example's first line is not "$ COMMAND": ${first}`);
      continue;
    }
    const command = first.slice(2).replace(/^(build\/native\/core\/khabar|khabar)(?= )/, () => JSON.stringify(cli));
    const expected = rest.join('\n');
    let out;
    try {
      out = execFileSync('bash', ['-c', `${command} 2>&1`], { cwd: root, encoding: 'utf8' });
    } catch (error) {
      out = error.stdout; // a failing command is an example too: its message is what is shown
    }
    if (out === expected) passed += 1;
    else failed.push(`${document}: ${first}\n--- the document shows\n${expected}--- the CLI prints\n${out}`);
  }
}
// Each ```json block after `<!-- example: input -->` is an article as the document shows it: the
// CLI must read it and make its card.
for (const document of documents) {
  const text = await readFile(`${root}${document}`, 'utf8');
  for (const [, input] of text.matchAll(/<!-- example: input -->\n```json\n([\s\S]*?)```/g)) {
    try {
      const card = execFileSync(cli, ['card', '-', '--format', 'json'], { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
      if (JSON.parse(card).khabar_card === 1) passed += 1;
      else failed.push(`${document}: the input example's card is not a card: ${card.slice(0, 200)}`);
    } catch (error) {
      failed.push(`${document}: the input example is refused: ${error.stderr ?? error.message}`);
    }
  }
}
for (const f of failed) console.error(`docs: ${f}`);
console.log(`docs: ${passed} command-line and input examples passed, ${failed.length} failed`);
if (failed.length || !passed) process.exit(1);
