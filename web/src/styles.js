// The card's stylesheet, adopted by every <khabar-card> shadow root as one shared
// constructable stylesheet (no style attributes: a strict style-src CSP works).
// Logical properties throughout, so one sheet serves rtl and ltr cards.
export const css = `
:host {
  /* Documented theme properties: set them on khabar-card from the host page. */
  --khabar-bg: #ffffff;
  --khabar-fg: #1a1a1a;
  --khabar-muted: #5c5c5c;
  --khabar-accent: #0b5cad;
  --khabar-border: #d9d9d9;
  --khabar-radius: 12px;
  --khabar-font: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  --khabar-font-arabic: "Noto Naskh Arabic", "Noto Sans Arabic", "Geeza Pro", "Segoe UI", Tahoma, "Arabic Typesetting", sans-serif;
  --khabar-font-hebrew: "Noto Sans Hebrew", "Arial Hebrew", "Segoe UI", Arial, sans-serif;
  --khabar-block-size: 22rem;
  --khabar-max-inline-size: 40rem;

  /* The host page's rules win over :host unless these are !important (CSS Scoping):
     a hostile "* { all: revert }" must not unmake the card's box. */
  display: block !important;
  contain: layout paint style !important;
  box-sizing: border-box !important;
  /* Reserved before the card renders and kept after: the page never jumps. */
  block-size: var(--khabar-block-size) !important;
  max-inline-size: var(--khabar-max-inline-size) !important;
  overflow: hidden !important;
  border: 1px solid var(--khabar-border) !important;
  border-radius: var(--khabar-radius) !important;
  background: var(--khabar-bg) !important;
  padding: 0 !important;
  margin-block: 1rem !important;
}
:host([theme="dark"]) {
  --khabar-bg: #17191c;
  --khabar-fg: #eceff1;
  --khabar-muted: #a7adb3;
  --khabar-accent: #7cb8ff;
  --khabar-border: #34383d;
}
@media (prefers-color-scheme: dark) {
  :host([theme="auto"]) {
    --khabar-bg: #17191c;
    --khabar-fg: #eceff1;
    --khabar-muted: #a7adb3;
    --khabar-accent: #7cb8ff;
    --khabar-border: #34383d;
  }
}
:host([theme="host"]) { --khabar-bg: transparent; }
:host([hidden]) { display: none !important; }

*, *::before, *::after { box-sizing: border-box; }
/* Inherited properties are set here, not taken from the host page, so its font size,
   direction or colours cannot reach inside. */
article, .khabar-error, ::slotted(*) {
  font-family: var(--khabar-font);
  font-size: 16px;
  font-weight: 400;
  font-style: normal;
  line-height: 1.6;
  letter-spacing: normal;
  word-spacing: normal;
  text-transform: none;
  text-align: start;
  color: var(--khabar-fg);
  visibility: visible;
}
article {
  display: flex;
  flex-direction: column;
  gap: 0.5rem;
  block-size: 100%;
  padding-block: 1rem;
  padding-inline: 1.25rem;
  overflow: hidden;
}
article:lang(ar), article:lang(fa), article:lang(ur) {
  font-family: var(--khabar-font-arabic);
  /* Room above and below for harakat and the tall letters of Naskh. */
  line-height: 1.85;
}
article:lang(he) { font-family: var(--khabar-font-hebrew); }
header { display: flex; flex-direction: column; gap: 0.25rem; }
.khabar-source {
  margin: 0;
  font-size: 0.8125rem;
  font-weight: 600;
  color: var(--khabar-accent);
}
/* theme="host": the page's own font and colours (placed after the defaults to win). */
:host([theme="host"]) article, :host([theme="host"]) .khabar-source, :host([theme="host"]) .khabar-read-more {
  font-family: inherit;
  color: inherit;
}
.khabar-title {
  margin: 0;
  font-size: 1.25rem;
  font-weight: 700;
  line-height: 1.4;
}
article:lang(ar) .khabar-title, article:lang(fa) .khabar-title, article:lang(ur) .khabar-title { line-height: 1.6; }
.khabar-title a { color: inherit; text-decoration: none; }
.khabar-title a:hover { text-decoration: underline; text-underline-offset: 0.2em; }
a:focus-visible {
  outline: 2px solid var(--khabar-accent);
  outline-offset: 2px;
  border-radius: 2px;
}
.khabar-meta { margin: 0; font-size: 0.8125rem; color: var(--khabar-muted); }
.khabar-image { margin: 0; }
.khabar-image img {
  display: block;
  inline-size: 100%;
  aspect-ratio: 16 / 9;
  object-fit: cover;
  border-radius: calc(var(--khabar-radius) / 2);
}
.khabar-image figcaption { font-size: 0.75rem; color: var(--khabar-muted); margin-block-start: 0.25rem; }
.khabar-summary {
  margin: 0;
  font-size: 1rem;
  display: -webkit-box;
  -webkit-box-orient: vertical;
  -webkit-line-clamp: 4;
  overflow: hidden;
}
.khabar-figures {
  display: flex;
  flex-wrap: wrap;
  gap: 0.375rem;
  margin: 0;
  padding: 0;
  list-style: none;
}
.khabar-figures li {
  padding-block: 0.125rem;
  padding-inline: 0.5rem;
  border: 1px solid var(--khabar-border);
  border-radius: 999px;
  font-size: 0.8125rem;
  white-space: nowrap;
}
footer { margin-block-start: auto; }
.khabar-read-more {
  color: var(--khabar-accent);
  font-weight: 600;
  font-size: 0.875rem;
  text-decoration: none;
}
.khabar-read-more:hover { text-decoration: underline; }
.khabar-error { margin: 0; padding: 1rem 1.25rem; color: var(--khabar-muted); font-size: 0.875rem; }
::slotted(*) { margin: 0 !important; padding: 1rem 1.25rem !important; }
@media (prefers-reduced-motion: no-preference) {
  article { animation: khabar-in 160ms ease-out; }
  @keyframes khabar-in { from { opacity: 0; } to { opacity: 1; } }
}
`;
