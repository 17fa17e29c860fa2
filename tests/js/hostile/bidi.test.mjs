// Bidi spoofing: embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) in the
// data cannot reorder text outside their own field. In the text output every field sits in
// FSI … PDI and every line is balanced; in the HTML no field keeps a control character at
// all (the cleaner removes them), and each field is its own element.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFragment } from 'parse5';
import { baseArticle, fields } from './cases.mjs';
import { renderAll } from './render.mjs';

const controls = /[\u202A-\u202E\u2066-\u2069]/u;
const spoofs = [
  '\u202Egpj.exe',
  'Breaking \u202Edesrever\u202C news',
  '\u202B\u202B\u202Bthree embeddings, never closed',
  '\u202D\u202Eoverride in an override',
  '\u2067\u2067two isolates, never closed',
  '\u2069\u2069\u202C\u202Cpops with nothing to pop',
  'مرحبا \u202Ahello\u202C \u2066world\u2069 بالعالم',
  '\u2068first strong\u202E',
];

// Isolate depth along each line: never below zero, zero at the end; no embedding or override.
function textProblems(output) {
  const found = [];
  output.split('\n').forEach((line, n) => {
    let depth = 0;
    for (const ch of line) {
      if (/[\u202A-\u202E]/u.test(ch)) found.push(`line ${n}: embedding/override U+${ch.codePointAt(0).toString(16)}`);
      if (/[\u2066-\u2068]/u.test(ch)) depth += 1;
      if (ch === '\u2069' && --depth < 0) found.push(`line ${n}: PDI without an isolate`);
    }
    if (depth > 0) found.push(`line ${n}: ${depth} isolate(s) left open`);
  });
  return found;
}

const all = (node, out = []) => {
  out.push(node);
  for (const child of node.childNodes ?? []) all(child, out);
  return out;
};

test('bidi controls in any field cannot reorder text outside it', () => {
  const list = [];
  spoofs.forEach((value, i) => {
    for (const [field, set] of Object.entries(fields)) {
      const article = baseArticle();
      set(article, value);
      list.push({ id: `bidi:${i}:${field}`, field, value, locale: i % 2 ? 'ar-MA' : 'en', article });
    }
  });
  const failures = [];
  renderAll(list).forEach((r, i) => {
    const c = list[i];
    if (r.error) return failures.push(`${c.id}: error [${r.error}]`);
    for (const p of textProblems(r.text)) failures.push(`${c.id} text: ${p}`);
    const card = r.card;
    const values = [card.title, card.subtitle, card.source, card.credit, card.section, card.url, card.summary.text,
      ...card.authors, ...card.tags, card.image?.alt ?? '', card.image?.credit ?? '', card.image?.url ?? ''];
    for (const v of values) if (controls.test(v)) failures.push(`${c.id}: a control survived in ${JSON.stringify(v)}`);
    for (const node of all(parseFragment(r.html))) {
      if (node.nodeName === '#text' && controls.test(node.value)) failures.push(`${c.id}: control in HTML text`);
      for (const a of node.attrs ?? []) if (controls.test(a.value)) failures.push(`${c.id}: control in ${a.name}`);
    }
  });
  console.log(`bidi: ${spoofs.length} spoofing strings x ${Object.keys(fields).length} fields = ${list.length} cards`);
  assert.deepEqual(failures.slice(0, 20), [], `${failures.length} failures`);
});
