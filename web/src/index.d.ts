import type { KhabarErrorCode } from './errors.js';

export type { KhabarErrorCode, KhabarCardErrorCode } from './errors.js';

/** An error from the core; `code` is the same stable string as the native library's. */
export class KhabarError extends Error {
  readonly name: 'KhabarError';
  readonly code: KhabarErrorCode;
}

// Options left undefined are as good as absent (exactOptionalPropertyTypes accepts both).
export interface LoadOptions {
  /** true: the core with the HTML reader, khabar-core-html.wasm (Gumbo and ICU's converters
   *  inside: 136 KB brotli more, plus 324 KB of converter data; `make bench-wasm`), which reads
   *  pages as publishers serve them: metadata, main text, charsets such as windows-1256.
   *  The default core reads article data and an HTML page's JSON-LD article only;
   *  a page without one fails there with `input.html_reader_missing`. One core a page: asking for
   *  the other after a load rejects with `load.module_conflict`. With it the package also loads
   *  khabar-icu-charsets.dat (ICU's converters for pages not in UTF-8) from beside `dataUrl`. */
  html?: boolean | undefined;
  /** With html: where khabar-icu-charsets.dat is served, or its bytes (default: beside dataUrl);
   *  false: not loaded (UTF-8 pages only; one not in UTF-8 then fails with input.invalid_utf8). */
  charsetData?: string | URL | ArrayBuffer | Uint8Array | false | undefined;
  /** Where the .wasm is served (default: next to this module, khabar-core.wasm or khabar-core-html.wasm);
   *  where nothing may be fetched or compiled at run time (workerd), the compiled module itself or its bytes. */
  wasmUrl?: string | URL | WebAssembly.Module | BufferSource | undefined;
  /** Where the shared ICU data is served (default: khabar-icu-base.dat next to this module), or its
   *  bytes; each language's data, khabar-icu-<lang>.dat, is fetched from beside it when first needed. */
  dataUrl?: string | URL | BufferSource | undefined;
  /** false when dataUrl is the complete data file (khabar-icu.dat): no per-language files. */
  packs?: boolean | undefined;
  /** Each language's ICU data as bytes ({ ar: bytes, fr: bytes, … }), instead of fetching
   *  khabar-icu-<lang>.dat (workerd's data modules); a card in a language missing here fails with load.fetch_failed. */
  languageData?: Record<string, BufferSource> | undefined;
}

export interface CardOptions {
  /** BCP 47, honouring -u-nu- and -u-ca- (default: the article's language). */
  locale?: string | undefined;
  /** The reference time for relative dates (none: no relative date). */
  now?: string | Date | undefined;
  /** IANA time zone for dates that carry a time. */
  timeZone?: string | undefined;
  /** The title's heading level, 1 to 6 (default 2). */
  headingLevel?: number | undefined;
  /** Input format (default: detected). */
  input?: 'auto' | 'khabar' | 'jsonld' | 'html' | 'text' | undefined;
  /** Input size limit in bytes (default 5 MB). */
  maxBytes?: number | undefined;
  /** A bad locale or time zone is an error instead of a warning. */
  strict?: boolean | undefined;
  /** The Content-Type header the page came with: its charset decodes an HTML page that is not in
   *  UTF-8, after a byte-order mark and before its <meta charset> (WHATWG; the HTML core only). */
  contentType?: string | undefined;
  /** The Content-Language header the article came with ("fr-MA", "ar, fr"): its language when
   *  the article declares none; after <html lang> and <meta http-equiv>, before og:locale. */
  contentLanguage?: string | undefined;
}

export interface CardDate {
  iso: string;
  date_only: boolean;
  display: string;
  relative: string;
}

/** The Card: everything a story card shows, already formatted (version 1). */
export interface Card {
  khabar_card: 1;
  locale: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  ui_lang: string;
  ui_dir: 'ltr' | 'rtl';
  id: string;
  url: string;
  title: string;
  subtitle: string;
  source: string;
  credit: string;
  authors: string[];
  published: CardDate | null;
  updated: CardDate | null;
  image: { url: string; alt: string; credit: string } | null;
  section: string;
  tags: string[];
  reading_time: { words: number; minutes: number; display: string };
  summary: {
    text: string;
    sentences: { text: string; block: number; start: number; end: number; score: number }[];
  };
  figures: { text: string; value: number; display: string }[];
  quotes: { text: string; speaker: string }[];
  keywords: string[];
  labels: { read_more: string; by: string; source: string };
  warnings: { code: string; message: string }[];
}

/** An article: Khabar JSON (object or text), JSON-LD, an HTML page, or scraped text; as bytes
 *  (Uint8Array, ArrayBuffer) when they are what was served: the core decodes a page's charset. */
export type ArticleInput = string | object | Uint8Array | ArrayBuffer;

export const version: string;
export function load(options?: LoadOptions): Promise<unknown>;
export function analyze(article: ArticleInput, options?: CardOptions): Promise<Card>;
export function renderHTML(article: ArticleInput, options?: CardOptions): Promise<string>;
export function renderJSON(article: ArticleInput, options?: CardOptions): Promise<string>;
export function renderText(article: ArticleInput, options?: CardOptions): Promise<string>;
export function splitSentences(text: string, language?: string): Promise<string[]>;
export function diagnostics(): Promise<{ heapUsed: number; memoryBytes: number }>;
export function loadLanguages(tags: string[]): Promise<void>;
