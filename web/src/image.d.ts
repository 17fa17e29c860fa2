// khabar/image: the story card as a picture (khabar-image.wasm), in Node and in workers.
export { KhabarError } from './index.js';

type Bytes = ArrayBuffer | Uint8Array;

export interface ImageLoadOptions {
  /** khabar-image.wasm: its bytes or a compiled module (workers); read from the package in Node. */
  wasm?: Bytes | WebAssembly.Module;
  /** ICU's data files' bytes: the shared part, each language's, and the line-break rules (khabar-icu-image.dat). */
  icuData?: { base?: Bytes; image?: Bytes; ar?: Bytes; en?: Bytes; fa?: Bytes; fr?: Bytes; he?: Bytes; ur?: Bytes };
  /** The Noto fonts' bytes by file name (fonts/NotoSans-Regular.ttf ...). */
  fonts?: Record<string, Bytes>;
  /** A publisher's own font, tried first for every character it has. */
  font?: Bytes;
}

export interface ImageOptions {
  locale?: string;
  now?: string | Date;
  timeZone?: string;
  /** 'og' (1200x630, the default), 'square' (1080x1080), 'story' (1080x1920) or 'WxH'. */
  size?: string;
  theme?: 'light' | 'dark';
  format?: 'png' | 'svg';
  /** '#RRGGBB' */
  accent?: string;
  /** The article's picture: JPEG, PNG or WebP bytes. */
  picture?: Bytes;
}

/** The picture's options for a card already made: its locale and dates are the card's. */
export type CardImageOptions = Omit<ImageOptions, 'locale' | 'now' | 'timeZone'>;

export interface ImageResult {
  bytes: Uint8Array;
  mimeType: 'image/png' | 'image/svg+xml';
  warnings: { code: string; message: string }[];
}

/** Loads the module, ICU's data and the fonts once; later calls return the same promise. */
export function loadImage(options?: ImageLoadOptions): Promise<unknown>;
/** The card of an article as a picture: the same bytes as the native `khabar image`. */
export function renderImage(article: string | object | Bytes, options?: ImageOptions): Promise<ImageResult>;
/**
 * A card already made (analyze()'s object, or its JSON as text or bytes) as a picture: no second
 * reading or analysis. The same bytes as renderImage() of its article; `warnings` are the picture's.
 */
export function renderCardImage(card: string | object | Bytes, options?: CardImageOptions): Promise<ImageResult>;
