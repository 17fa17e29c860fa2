// load({ html: true, charsetData: false }): the HTML core without ICU's converter data reads UTF-8
// pages as the full one does, and refuses a windows-1256 page instead of guessing (its own file,
// so its own process and core: parity-html.test.mjs loads the converters).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { renderHTML, load, KhabarError } from 'khabar';

const root = new URL('../../../', import.meta.url);
const spec = JSON.parse(await readFile(new URL('tests/golden/cards/cases.json', root), 'utf8'));
await load({ html: true, charsetData: false });
const options = (locale) => ({ locale, now: spec.now, timeZone: spec.time_zone });

test('a UTF-8 page without JSON-LD: the golden card', async () => {
  const c = spec.html_cases.find((x) => !x.input.endsWith('windows-1256.html'));
  const out = `${await renderHTML(await readFile(new URL(c.input, root)), options(c.locales[0]))}\n`;
  assert.equal(out, await readFile(new URL(`tests/golden/cards/expected/${c.name}.${c.locales[0]}.html`, root), 'utf8'));
});

test('a windows-1256 page: input.invalid_utf8, not a card of replacement characters', async () => {
  const c = spec.html_cases.find((x) => x.input.endsWith('windows-1256.html'));
  await assert.rejects(renderHTML(await readFile(new URL(c.input, root)), options(c.locales[0])),
    (e) => e instanceof KhabarError && e.code === 'input.invalid_utf8');
});
