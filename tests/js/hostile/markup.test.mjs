// Markup safety, proved with a real HTML parser (parse5): every naughty string and XSS
// vector in every field, rendered natively, parses back to the card's own text, with only
// the renderer's elements and attributes and only http(s) links.
//   KHABAR_RENDER_CASES=build/<dir>/tests/hostile/khabar_render_cases node --test
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFragment } from 'parse5';
import { cases, fields, naughtyStrings, xssVectors } from './cases.mjs';
import { renderAll } from './render.mjs';

const elements = new Set(['article', 'header', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'bdi', 'time',
  'span', 'figure', 'img', 'figcaption', 'ul', 'li', 'footer']);
const attributes = new Set(['class', 'part', 'lang', 'dir', 'id', 'aria-labelledby', 'href', 'rel', 'src', 'alt',
  'loading', 'decoding', 'datetime']);

const all = (node, out = []) => {
  out.push(node);
  for (const child of node.childNodes ?? []) all(child, out);
  return out;
};
const text = (node) => (node.nodeName === '#text' ? node.value : (node.childNodes ?? []).map(text).join(''));
const attr = (node, name) => node.attrs?.find((a) => a.name === name)?.value;
const byClass = (nodes, cls) => nodes.filter((n) => (attr(n, 'class') ?? '').split(' ').includes(cls));
const elementChildren = (node, name) => node.childNodes.filter((c) => c.nodeName === name);

// Every problem of one rendered card, as strings (empty: safe and faithful).
function problems(card, html) {
  const found = [];
  const fragment = parseFragment(html);
  const nodes = all(fragment).slice(1);
  const top = fragment.childNodes;
  if (top.length !== 1 || top[0].nodeName !== 'article') found.push('the fragment is not one <article>');
  for (const n of nodes) {
    if (n.nodeName === '#text') continue;
    if (!elements.has(n.nodeName)) found.push(`element ${n.nodeName}`);
    for (const a of n.attrs ?? []) {
      if (!attributes.has(a.name)) found.push(`attribute ${a.name} on ${n.nodeName}`);
      if ((a.name === 'href' || a.name === 'src') && !/^https?:\/\//i.test(a.value)) found.push(`${a.name}=${a.value}`);
    }
  }
  const eq = (what, actual, expected) => {
    if (actual !== expected) found.push(`${what}: ${JSON.stringify(actual)} != ${JSON.stringify(expected)}`);
  };
  const article = top[0];
  if (!article) return found;
  eq('article lang', attr(article, 'lang'), card.lang);
  eq('article dir', attr(article, 'dir'), card.dir);
  const title = nodes.find((n) => /^h[1-6]$/.test(n.nodeName));
  eq('title', title && text(title), card.title);
  const source = byClass(nodes, 'khabar-source')[0];
  const sourceBdis = source ? elementChildren(source, 'bdi').map(text) : [];
  eq('source', sourceBdis[0] ?? '', card.source);
  eq('credit', sourceBdis[1] ?? '', card.source ? card.credit : '');
  for (const a of nodes.filter((n) => n.nodeName === 'a')) eq('href', attr(a, 'href'), card.url);
  const img = nodes.find((n) => n.nodeName === 'img');
  eq('image.url', img ? attr(img, 'src') : null, card.image ? card.image.url : null);
  eq('image.alt', img ? attr(img, 'alt') : null, card.image ? card.image.alt : null);
  const caption = nodes.find((n) => n.nodeName === 'figcaption');
  eq('image.credit', caption ? text(caption) : '', card.image ? card.image.credit : '');
  const summary = byClass(nodes, 'khabar-summary')[0];
  eq('summary', summary ? text(summary) : '', card.summary.text);
  const figures = nodes.filter((n) => n.nodeName === 'li').map(text);
  eq('figures', JSON.stringify(figures), JSON.stringify(card.figures.map((f) => f.display || f.text)));
  const time = nodes.find((n) => n.nodeName === 'time');
  eq('published', time ? `${attr(time, 'datetime')}|${text(time)}` : null,
    card.published ? `${card.published.iso}|${card.published.display}` : null);
  return found;
}

test('every naughty string and XSS vector, in every field, renders to safe HTML that parses back to the card', () => {
  const list = cases();
  const results = renderAll(list);
  const tried = {};
  const errors = {};
  const failures = [];
  list.forEach((c, i) => {
    const r = results[i];
    assert.equal(r.id, c.id);
    tried[c.field] ??= { blns: 0, xss: 0 };
    tried[c.field][c.list] += 1;
    if (r.error) {
      errors[r.error] = (errors[r.error] ?? 0) + 1;
      failures.push(`${c.id}: error [${r.error}] ${r.message}`);
      return;
    }
    for (const p of problems(r.card, r.html)) failures.push(`${c.id} ${JSON.stringify(c.value)}: ${p}`);
  });
  console.log(`markup: ${naughtyStrings.length} naughty strings and ${xssVectors.length} XSS vectors ` +
    `x ${Object.keys(fields).length} fields = ${list.length} cards`);
  for (const [field, n] of Object.entries(tried)) console.log(`  ${field.padEnd(15)} blns ${n.blns}  xss ${n.xss}`);
  if (Object.keys(errors).length) console.log('  errors:', errors);
  assert.deepEqual(failures.slice(0, 20), [], `${failures.length} failures`);
});

test('the checks catch what they are for', () => {
  const card = { lang: 'en', dir: 'ltr', title: 't', source: '', credit: '', url: '', image: null,
    summary: { text: '' }, figures: [], published: null };
  const ok = '<article lang="en" dir="ltr"><header><h2>t</h2></header></article>';
  assert.deepEqual(problems(card, ok), []);
  assert.ok(problems(card, ok.replace('<h2>t</h2>', '<h2>t</h2><script>x</script>')).some((p) => p.includes('script')));
  assert.ok(problems(card, ok.replace('<h2>', '<h2 onclick="x">')).some((p) => p.includes('onclick')));
  assert.ok(problems(card, ok.replace('<h2>t', '<h2><a href="javascript:x">t</a>')).some((p) => p.includes('javascript')));
  assert.ok(problems(card, ok.replace('<h2>t', '<h2>&lt;b&gt;')).some((p) => p.startsWith('title')));
});
