// The card's stylesheet, adopted by every <khabar-card> shadow root as one shared
// constructable stylesheet (no style attributes: a strict style-src CSP works). build.mjs
// also writes it to dist/khabar-card.css for server-rendered cards (a <link> in the
// declarative shadow root), and writes `reserve` to dist/khabar.css for embed pages.
// Logical properties throughout, so one sheet serves rtl and ltr cards. Lengths are in em
// of the host's `font-size: medium` (the reader's default size), never rem: the host page
// may set the root's font size to anything.
//
// Whole lines only. Every text box of the card is a whole number of fixed line boxes: the
// one-line parts (source, byline, meta, read more, figure chips) are one line each with an
// ellipsis, the title and the summary are clamped to as many lines of their script as fit
// their budget (below). The card's height is the sum of these budgets, the same for every
// language, so the space reserved before a card renders (CLS 0) is exactly the space it
// takes, at every width, and no box is ever squeezed to a part of a line.

/** Heights in em of the card's font size; the card's box is their sum. */
const BOX = {
  padStart: 1, // above the header
  padEnd: 0.875, // below the footer
  line: 1.5, // a one-line part: source, byline, meta, read more
  gap: 0.25, // between the header's lines
  headerEnd: 0.5,
  summaryEnd: 0.625,
  chip: 1.625, // one row of key figures
  footerStart: 0.5,
  banner: 5, // narrow cards: the picture above the text
  bannerEnd: 0.75,
};
// The title's and the summary's budgets. Title: two lines of every script on a wide card;
// three of Latin, Hebrew or Naskh and two of Nastaliq on a narrow one (longer lines of
// fewer words). Summary: four lines of Latin or Hebrew, three of Naskh, two of Nastaliq.
const TITLE = { wide: 4.95, narrow: 6.5 };
const SUMMARY = { wide: 5.4, narrow: 5.4 };

/** Per script: title and summary font size and line height; their line boxes divide the budgets. */
// Nastaliq's letters reach 1.9em above the baseline and 0.6em below (Noto Nastaliq Urdu):
// it needs far more line height than Naskh (1.07 and 0.63) or Latin.
const SCRIPTS = {
  latin: { title: [1.3125, 1.45], summary: [0.9375, 1.44], small: 0.8125 },
  naskh: { title: [1.3125, 1.65], summary: [1, 1.8], small: 0.875 },
  nastaliq: { title: [1.125, 2.2], summary: [0.9375, 2.4], small: 0.8125 },
};
const SELECTORS = {
  latin: [''],
  naskh: [':lang(ar)', ':lang(fa)'],
  nastaliq: [':lang(ur)'],
};

const header = BOX.line * 3 + BOX.gap * 3;
const common = BOX.padStart + header + BOX.headerEnd + BOX.summaryEnd + BOX.chip + BOX.footerStart + BOX.line + BOX.padEnd;
const em = (n) => `${Math.round(n * 10000) / 10000}em`;
// The host's border (1px each side) is outside these; the reservation includes it.
const WIDE = common + TITLE.wide + SUMMARY.wide;
const NARROW = common + TITLE.narrow + SUMMARY.narrow + BOX.banner + BOX.bannerEnd;
/** The card's border-box height in each layout (exported for the tests). */
export const blockSize = { wide: `calc(${em(WIDE)} + 2px)`, narrow: `calc(${em(NARROW)} + 2px)` };
/** The same heights as numbers of em, without the border (the service sizes its embed frames by them). */
export const blockSizeEm = { wide: WIDE, narrow: NARROW };
/** Where the picture goes above the text: the card's own width (a container query). */
export const NARROW_CARD = '30em';
// khabar.css, before any script, can only see the viewport: a card as wide as the page less
// its margins (2.5em) is narrow below this. Elsewhere the partner sets --khabar-block-size.
const NARROW_VIEWPORT = '(max-width: 32.5em)';
const MAX_INLINE_SIZE = '40em';

const lines = (budget, [size, lineHeight]) => Math.floor(budget / (size * lineHeight) + 1e-6);
/** How many lines each script's title and summary get (exported for the tests). */
export const clamps = Object.fromEntries(
  Object.entries(SCRIPTS).map(([name, s]) => [
    name,
    {
      title: { wide: lines(TITLE.wide, s.title), narrow: lines(TITLE.narrow, s.title) },
      summary: { wide: lines(SUMMARY.wide, s.summary), narrow: lines(SUMMARY.narrow, s.summary) },
    },
  ]),
);
// A card without a part leaves its height to the summary, so a short card is not a tall
// empty band: the summary gets the lines that fit in the budget plus what the part took.
const OPTIONAL = [
  { part: '.khabar-image', wide: 0, narrow: BOX.banner + BOX.bannerEnd },
  { part: '.khabar-byline', wide: BOX.line + BOX.gap, narrow: BOX.line + BOX.gap, inHeader: true },
  { part: '.khabar-figures', wide: BOX.chip, narrow: BOX.chip },
];
/** Every combination of absent parts: [selector prefix, extra em at wide, extra em at narrow]. */
function absences() {
  const out = [];
  for (let mask = 1; mask < 1 << OPTIONAL.length; mask++) {
    let selector = 'article';
    let wide = 0;
    let narrow = 0;
    OPTIONAL.forEach((o, i) => {
      const child = o.inHeader ? `> header > ${o.part}` : `> ${o.part}`;
      if (mask & (1 << i)) {
        selector += `:not(:has(${child}))`;
        wide += o.wide;
        narrow += o.narrow;
      } else {
        selector += `:has(${child})`;
      }
    });
    out.push([selector, wide, narrow]);
  }
  return out;
}

function scriptRules() {
  let out = '';
  for (const [name, s] of Object.entries(SCRIPTS)) {
    const at = (part) => SELECTORS[name].map((lang) => `${part}${lang}`).join(', ');
    const c = clamps[name];
    out += `${at('.khabar-title')} { font-size: ${em(s.title[0])}; line-height: ${s.title[1]}; -webkit-line-clamp: ${c.title.wide}; }\n`;
    out += `${at('.khabar-summary')} { font-size: ${em(s.summary[0])}; line-height: ${s.summary[1]}; -webkit-line-clamp: ${c.summary.wide}; }\n`;
    // One-line parts: the same line box (BOX.line) in every script.
    const small = `font-size: ${em(s.small)}; line-height: ${Math.round((BOX.line / s.small) * 10000) / 10000};`;
    out += `${at('.khabar-source')}, ${at('.khabar-byline')}, ${at('.khabar-meta')}, ${at('.khabar-read-more')} { ${small} }\n`;
    const chip = Math.round((BOX.chip / s.small) * 10000) / 10000; // in the chip's own em
    out += `${at('.khabar-figures li')} { font-size: ${em(s.small)}; block-size: ${chip}em; line-height: calc(${chip}em - 2px); }\n`;
    out += `@container (max-inline-size: ${NARROW_CARD}) { ${at('.khabar-title')} { -webkit-line-clamp: ${c.title.narrow}; } ${at('.khabar-summary')} { -webkit-line-clamp: ${c.summary.narrow}; } }\n`;
    for (const [absent, wide, narrow] of absences()) {
      const summary = at(`${absent} > .khabar-summary`);
      const more = (budget) => lines(budget, s.summary);
      // Every combination for every script, even when it adds no line: a script's rule must
      // win over the Latin one (its :lang() makes it more specific) at both widths.
      out += `${summary} { -webkit-line-clamp: ${more(SUMMARY.wide + wide)}; }\n`;
      out += `@container (max-inline-size: ${NARROW_CARD}) { ${summary} { -webkit-line-clamp: ${more(SUMMARY.narrow + narrow)}; } }\n`;
    }
  }
  return out;
}

// The dark palette, for theme="dark" and for theme="auto" when the reader prefers dark.
const dark = `
  color-scheme: dark !important;
  --khabar-bg: #16181c;
  --khabar-fg: #eceff2;
  --khabar-muted: #a4abb3;
  --khabar-accent: #82bcff;
  --khabar-border: #33373d;
  --khabar-chip-bg: #22262b;
`;

// The boxes that hold the card's place: the fallback while it loads, the card, the error line.
const placeHolders = 'slot, article, .khabar-error';

export const css = `
:host {
  /* The host page's rules win over :host unless these are !important (CSS Scoping), and
     ours win over the page's !important ones: "* { all: revert }" cannot reach the card.
     'all' leaves custom properties alone, so the documented --khabar-* theme stays open. */
  all: initial !important;
  --khabar-bg: #ffffff;
  --khabar-fg: #16181b;
  --khabar-muted: #5b6169;
  --khabar-accent: #0a5bb5;
  --khabar-border: #dcdfe3;
  --khabar-chip-bg: #f2f4f6;
  --khabar-radius: 14px;
  --khabar-font: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif;
  /* Naskh for reading Arabic and Persian, then the Arabic UI faces of each platform. */
  --khabar-font-arabic: "Noto Naskh Arabic", "Noto Sans Arabic", "SF Arabic", "Geeza Pro", "Segoe UI", "Dubai", Tahoma, sans-serif;
  /* Urdu is read in Nastaliq; Naskh only where no Nastaliq face is installed. */
  --khabar-font-urdu: "Noto Nastaliq Urdu", "Jameel Noori Nastaleeq", "Urdu Typesetting", "Noto Naskh Arabic", "Segoe UI", Tahoma, sans-serif;
  --khabar-font-hebrew: "Noto Sans Hebrew", "Arial Hebrew", "Segoe UI", Arial, sans-serif;
  --khabar-max-inline-size: ${MAX_INLINE_SIZE};
  /* --khabar-block-size (unset): the card's height; "auto" follows the content. */

  display: block !important;
  font-size: medium !important;
  color-scheme: light !important;
  contain: layout paint style !important;
  container-type: inline-size !important;
  box-sizing: border-box !important;
  /* The boxes inside hold the height (below), so a container query can choose it. */
  block-size: auto !important;
  inline-size: auto !important;
  max-inline-size: var(--khabar-max-inline-size) !important;
  overflow: hidden !important;
  border: 1px solid var(--khabar-border) !important;
  border-radius: var(--khabar-radius) !important;
  background: var(--khabar-bg) !important;
  padding: 0 !important;
  margin-block: 1em !important;
  margin-inline: 0 !important;
  visibility: visible !important;
  opacity: 1 !important;
}
:host([theme="dark"]) {${dark}}
@media (prefers-color-scheme: dark) {
  :host([theme="auto"]) {${dark}}
}
/* theme="host": the page's font and colours, on a transparent card. */
:host([theme="host"]) {
  font-family: inherit !important;
  color: inherit !important;
  --khabar-bg: transparent;
  --khabar-chip-bg: transparent;
}
:host([hidden]) { display: none !important; }

*, *::before, *::after { box-sizing: border-box; }
/* Reserved before the card renders and kept after (CLS 0): the same height from the same
   numbers. A partner's --khabar-block-size wins; "auto" (invalid in calc) is content height. */
${placeHolders} {
  --khabar-reserve: ${em(WIDE)};
  display: block;
  block-size: calc(var(--khabar-block-size, var(--khabar-reserve) + 2px) - 2px);
  overflow: hidden;
}
@container (max-inline-size: ${NARROW_CARD}) { ${placeHolders} { --khabar-reserve: ${em(NARROW)}; } }
/* The first card's fonts looked up ahead (card-element.js): laid out, never seen. */
article.khabar-fonts {
  position: absolute;
  inset-block-start: 0;
  inset-inline-start: 0;
  inline-size: 20em;
  block-size: 0;
  overflow: hidden;
  visibility: hidden;
  pointer-events: none;
}
/* Server-rendered (the stylesheet's <link> before it): in the page from the first paint,
   nothing to hold, so the card is as tall as what it shows. */
link + article { block-size: auto; }
/* Inherited properties are set here, so nothing of the host page reaches inside. */
article, .khabar-error {
  font-family: var(--khabar-font);
  font-size: 1em;
  font-weight: 400;
  font-style: normal;
  line-height: 1.55;
  text-align: start;
  color: var(--khabar-fg);
  overflow-wrap: break-word;
}
:lang(ar), :lang(fa) { font-family: var(--khabar-font-arabic); }
:lang(ur) { font-family: var(--khabar-font-urdu); }
:lang(he) { font-family: var(--khabar-font-hebrew); }
:host([theme="host"]) article, :host([theme="host"]) .khabar-error, :host([theme="host"]) article * {
  font-family: inherit;
  color: inherit;
}
article {
  /* Rows: header, summary, figures, what is left, footer. Nothing shrinks: every part is
     a whole number of lines and their sum is the card's height. */
  display: grid;
  grid-template-columns: minmax(0, 1fr) auto;
  grid-template-rows: auto auto auto minmax(0, 1fr) auto;
  column-gap: 1em;
  margin: 0;
  padding-block: ${em(BOX.padStart)} ${em(BOX.padEnd)};
  padding-inline: 1.25em;
}
article > * { grid-column: 1; min-inline-size: 0; }
header { grid-row: 1; display: flex; flex-direction: column; gap: ${em(BOX.gap)}; margin-block-end: ${em(BOX.headerEnd)}; }
.khabar-source, .khabar-byline, .khabar-meta {
  margin: 0;
  white-space: nowrap;
  overflow: hidden;
  text-overflow: ellipsis;
}
.khabar-source { font-weight: 700; color: var(--khabar-accent); }
.khabar-byline, .khabar-meta { color: var(--khabar-muted); }
.khabar-title, .khabar-summary {
  margin: 0;
  display: -webkit-box;
  -webkit-box-orient: vertical;
  overflow: hidden;
}
.khabar-title { font-weight: 700; }
.khabar-title a { color: inherit; text-decoration: none; border-radius: 2px; }
.khabar-title a:hover { text-decoration: underline; text-decoration-thickness: 1px; text-underline-offset: 0.25em; }
a:focus-visible {
  outline: 2px solid var(--khabar-accent);
  outline-offset: 2px;
  border-radius: 2px;
}
.khabar-image {
  grid-column: 2;
  grid-row: 1 / 4;
  inline-size: 9.5em;
  margin: 0;
  margin-block-start: 0.25em;
  /* The cover of a picture that failed (img::after) spans the figure, credit included. */
  position: relative;
}
.khabar-image img {
  display: block;
  inline-size: 100%;
  aspect-ratio: 4 / 3;
  object-fit: cover;
  border-radius: calc(var(--khabar-radius) / 2);
  background: var(--khabar-chip-bg);
  color: transparent;
}
/* A picture that failed (404, blocked, bad data) is drawn as its fallback, and only then
   does it get ::after: the cover hides the broken icon, the alt text and the credit, and the
   slot keeps its size, so nothing in the card or below it moves. No script needed. */
.khabar-image img::after {
  content: "";
  position: absolute;
  inset: 0;
  z-index: 1;
  background: var(--khabar-bg);
}
:host([theme="host"]) .khabar-image img::after { background: Canvas; }
.khabar-image figcaption {
  font-size: 0.6875em;
  line-height: 1.4;
  color: var(--khabar-muted);
  margin-block-start: 0.25em;
  white-space: nowrap;
  overflow: hidden;
  text-overflow: ellipsis;
}
.khabar-summary { grid-row: 2; margin-block-end: ${em(BOX.summaryEnd)}; }
.khabar-figures {
  grid-row: 3;
  display: flex;
  flex-wrap: wrap;
  gap: 0.375em;
  margin: 0;
  padding: 0;
  list-style: none;
  /* One row of whole chips: a chip that wraps to a second row is not shown. */
  max-block-size: ${em(BOX.chip)};
  overflow: hidden;
}
.khabar-figures li {
  max-inline-size: 100%;
  padding-inline: 0.75em;
  border: 1px solid var(--khabar-border);
  background: var(--khabar-chip-bg);
  border-radius: 999px;
  white-space: nowrap;
  overflow: hidden;
  text-overflow: ellipsis;
}
/* A flex container: the link is its own line, not one inline box on the footer's strut. */
footer { grid-row: 5; grid-column: 1 / -1; display: flex; padding-block-start: ${em(BOX.footerStart)}; }
.khabar-read-more {
  min-inline-size: 0;
  white-space: nowrap;
  overflow: hidden;
  text-overflow: ellipsis;
  color: var(--khabar-accent);
  font-weight: 700;
  text-decoration: none;
}
.khabar-read-more::after { content: " \\2190"; }
.khabar-read-more:dir(ltr)::after { content: " \\2192"; }
.khabar-read-more:hover { text-decoration: underline; text-underline-offset: 0.25em; }
.khabar-error { margin: 0; padding-block: 1em; padding-inline: 1.25em; color: var(--khabar-muted); }
/* The fallback (the embed's blockquote) keeps the page's look but not its direction. */
::slotted(*) { margin: 0 !important; padding-block: 1em !important; padding-inline: 1.25em !important; }
::slotted([dir="rtl"]) { direction: rtl !important; }
::slotted([dir="ltr"]) { direction: ltr !important; }
/* Narrow cards: the picture becomes a banner above the text. */
@container (max-inline-size: ${NARROW_CARD}) {
  article { grid-template-columns: minmax(0, 1fr); padding-inline: 1em; }
  article { grid-template-rows: auto auto auto auto minmax(0, 1fr) auto; }
  header { grid-row: 2; }
  .khabar-summary { grid-row: 3; }
  .khabar-figures { grid-row: 4; }
  footer { grid-row: 6; }
  .khabar-image { grid-column: 1; grid-row: 1; inline-size: 100%; margin: 0; margin-block-end: ${em(BOX.bannerEnd)}; }
  .khabar-image img { aspect-ratio: auto; block-size: ${em(BOX.banner)}; }
  .khabar-image figcaption { display: none; }
}
${scriptRules()}
/* Windows high contrast: system colours, and the boxes that colour alone drew get a border. */
@media (forced-colors: active) {
  :host { border-color: CanvasText !important; background: Canvas !important; }
  .khabar-source, .khabar-byline, .khabar-meta, .khabar-image figcaption { color: CanvasText; }
  .khabar-title a, .khabar-read-more { color: LinkText; }
  .khabar-figures li { border-color: CanvasText; background: Canvas; }
  .khabar-image img::after { background: Canvas; }
  a:focus-visible { outline-color: Highlight; }
}
/* On paper: black on white, as tall as the content, never split across pages. */
@media print {
  :host { background: #fff !important; border-color: #777 !important; break-inside: avoid; }
  ${placeHolders} { block-size: auto; }
  article { color: #000; }
  .khabar-source, .khabar-title a, .khabar-read-more { color: #000; }
  .khabar-byline, .khabar-meta, .khabar-image figcaption { color: #333; }
  .khabar-figures li { background: none; }
}
@media (prefers-reduced-motion: no-preference) {
  a { transition: color 120ms; }
}
`;

/** For embed pages: the blockquote takes the card's box before the script arrives. */
// A partner who sizes the card (--khabar-block-size on khabar-card) sets it on the blockquote too.
export const reserve = `blockquote.khabar-card{box-sizing:border-box;display:block;font-size:medium;block-size:var(--khabar-block-size,${blockSize.wide});max-inline-size:var(--khabar-max-inline-size,${MAX_INLINE_SIZE});margin-block:1em;margin-inline:0;overflow:hidden}
@media ${NARROW_VIEWPORT}{blockquote.khabar-card{block-size:var(--khabar-block-size,${blockSize.narrow})}}
`;
