// The card's stylesheet, adopted by every <khabar-card> shadow root as one shared
// constructable stylesheet (no style attributes: a strict style-src CSP works). build.mjs
// also writes it to dist/khabar-card.css for server-rendered cards (a <link> in the
// declarative shadow root), and writes `reserve` to dist/khabar.css for embed pages.
// Logical properties throughout, so one sheet serves rtl and ltr cards. Lengths are in em
// of the host's `font-size: medium` (the reader's default size), never rem: the host page
// may set the root's font size to anything.

/** The card's box: the same numbers reserve the space before and after it renders. */
const BLOCK_SIZE = '22em';
const NARROW_BLOCK_SIZE = '26em'; // phones: the picture goes above the text
const NARROW = '(max-width: 34em)';
const MAX_INLINE_SIZE = '40em';

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
  /* Naskh for reading, then the Arabic UI faces of each platform. */
  --khabar-font-arabic: "Noto Naskh Arabic", "Noto Sans Arabic", "SF Arabic", "Geeza Pro", "Segoe UI", "Dubai", Tahoma, sans-serif;
  --khabar-font-hebrew: "Noto Sans Hebrew", "Arial Hebrew", "Segoe UI", Arial, sans-serif;
  --khabar-block-size: ${BLOCK_SIZE};
  --khabar-max-inline-size: ${MAX_INLINE_SIZE};

  display: block !important;
  font-size: medium !important;
  color-scheme: light !important;
  contain: layout paint style !important;
  container-type: inline-size !important;
  box-sizing: border-box !important;
  /* Reserved before the card renders and kept after: the page never jumps. */
  block-size: var(--khabar-block-size) !important;
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
@media ${NARROW} { :host { --khabar-block-size: ${NARROW_BLOCK_SIZE}; } }

*, *::before, *::after { box-sizing: border-box; }
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
article {
  /* Rows: header, summary (shrinks first when space runs out), figures, free space, footer. */
  display: grid;
  grid-template-columns: minmax(0, 1fr) auto;
  grid-template-rows: auto minmax(0, auto) auto minmax(0, 1fr) auto;
  column-gap: 1em;
  block-size: 100%;
  margin: 0;
  padding-block: 1em 0.875em;
  padding-inline: 1.25em;
  overflow: hidden;
}
article > * { grid-column: 1; }
article:lang(ar), article:lang(fa), article:lang(ur) {
  font-family: var(--khabar-font-arabic);
  /* Room above and below for harakat and the tall letters of Naskh. */
  line-height: 1.8;
}
article:lang(he) { font-family: var(--khabar-font-hebrew); }
/* Naskh reads small beside Latin at the same size. */
article:lang(ar) .khabar-summary, article:lang(fa) .khabar-summary, article:lang(ur) .khabar-summary { font-size: 1em; }
article:lang(ar) .khabar-source, article:lang(ar) .khabar-meta, article:lang(ar) .khabar-byline { font-size: 0.875em; }
:host([theme="host"]) article, :host([theme="host"]) .khabar-error {
  font-family: inherit;
  color: inherit;
}
header { grid-row: 1; display: flex; flex-direction: column; gap: 0.25em; min-inline-size: 0; margin-block-end: 0.5em; }
.khabar-source {
  margin: 0;
  font-size: 0.8125em;
  font-weight: 700;
  line-height: 1.5;
  color: var(--khabar-accent);
}
.khabar-title {
  margin: 0;
  font-size: 1.3125em;
  font-weight: 700;
  line-height: 1.4;
  display: -webkit-box;
  -webkit-box-orient: vertical;
  -webkit-line-clamp: 3;
  overflow: hidden;
}
article:lang(ar) .khabar-title, article:lang(fa) .khabar-title, article:lang(ur) .khabar-title { line-height: 1.65; }
.khabar-title a { color: inherit; text-decoration: none; border-radius: 2px; }
.khabar-title a:hover { text-decoration: underline; text-decoration-thickness: 1px; text-underline-offset: 0.25em; }
a:focus-visible {
  outline: 2px solid var(--khabar-accent);
  outline-offset: 2px;
  border-radius: 2px;
}
.khabar-byline, .khabar-meta { margin: 0; font-size: 0.8125em; line-height: 1.5; color: var(--khabar-muted); }
.khabar-image {
  grid-column: 2;
  grid-row: 1 / 4;
  inline-size: 9.5em;
  margin: 0;
  margin-block-start: 0.25em;
}
.khabar-image img {
  display: block;
  inline-size: 100%;
  aspect-ratio: 4 / 3;
  object-fit: cover;
  border-radius: calc(var(--khabar-radius) / 2);
  background: var(--khabar-chip-bg);
}
.khabar-image figcaption {
  font-size: 0.6875em;
  line-height: 1.4;
  color: var(--khabar-muted);
  margin-block-start: 0.25em;
  white-space: nowrap;
  overflow: hidden;
  text-overflow: ellipsis;
}
.khabar-summary {
  grid-row: 2;
  margin: 0;
  margin-block-end: 0.625em;
  font-size: 0.9375em;
  display: -webkit-box;
  -webkit-box-orient: vertical;
  -webkit-line-clamp: 4;
  overflow: hidden;
}
.khabar-figures {
  grid-row: 3;
  display: flex;
  flex-wrap: wrap;
  gap: 0.375em;
  margin: 0;
  padding: 0;
  list-style: none;
  max-block-size: 4.25em;
  overflow: hidden;
}
.khabar-figures li {
  padding-block: 0.125em;
  padding-inline: 0.625em;
  border: 1px solid var(--khabar-border);
  background: var(--khabar-chip-bg);
  border-radius: 999px;
  font-size: 0.8125em;
  line-height: 1.6;
  white-space: nowrap;
}
footer { grid-row: 5; grid-column: 1 / -1; padding-block-start: 0.5em; }
.khabar-read-more {
  color: var(--khabar-accent);
  font-weight: 700;
  font-size: 0.875em;
  text-decoration: none;
}
.khabar-read-more::after { content: " \\2190"; }
.khabar-read-more:dir(ltr)::after { content: " \\2192"; }
.khabar-read-more:hover { text-decoration: underline; text-underline-offset: 0.25em; }
.khabar-error { margin: 0; padding-block: 1em; padding-inline: 1.25em; color: var(--khabar-muted); font-size: 0.875em; }
/* The fallback (the embed's blockquote) keeps the page's look but not its direction. */
::slotted(*) { margin: 0 !important; padding-block: 1em !important; padding-inline: 1.25em !important; }
::slotted([dir="rtl"]) { direction: rtl !important; }
::slotted([dir="ltr"]) { direction: ltr !important; }
/* Narrow cards: the picture becomes a banner above the text. */
@container (max-inline-size: 30em) {
  article { grid-template-columns: minmax(0, 1fr); padding-inline: 1em; }
  article { grid-template-rows: auto auto minmax(0, auto) auto minmax(0, 1fr) auto; }
  header { grid-row: 2; }
  .khabar-summary { grid-row: 3; }
  .khabar-figures { grid-row: 4; }
  footer { grid-row: 6; }
  .khabar-image { grid-column: 1; grid-row: 1; inline-size: 100%; margin: 0; margin-block-end: 0.75em; }
  .khabar-image img { aspect-ratio: 4 / 1; }
  .khabar-image figcaption { display: none; }
  .khabar-summary { -webkit-line-clamp: 3; }
}
@media (prefers-reduced-motion: no-preference) {
  article { animation: khabar-in 180ms ease-out; }
  a { transition: color 120ms; }
}
@keyframes khabar-in { from { opacity: 0; } to { opacity: 1; } }
`;

/** For embed pages: the blockquote takes the card's box before the script arrives. */
// A partner who sizes the card (--khabar-block-size on khabar-card) sets it on the blockquote too.
export const reserve = `blockquote.khabar-card{box-sizing:border-box;display:block;font-size:medium;block-size:var(--khabar-block-size,${BLOCK_SIZE});max-inline-size:var(--khabar-max-inline-size,${MAX_INLINE_SIZE});margin-block:1em;margin-inline:0;overflow:hidden}
@media ${NARROW}{blockquote.khabar-card{block-size:var(--khabar-block-size,${NARROW_BLOCK_SIZE})}}
`;
