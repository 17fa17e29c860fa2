// khabar/image: the story card as a picture (PNG or SVG) for og:image, in Node and in workers,
// drawn by the core's one picture renderer in its own WebAssembly module (khabar-image.wasm,
// never part of a page's download): the same bytes as the native CLI's `khabar image`.
// loadImage() initialises once (a cached promise); renderImage() draws one article's card,
// renderCardImage() a card already made (its JSON: no second analysis).
import createImage from './khabar-image.mjs';
import { KhabarError } from './index.js';

// The same class as the package's main entry: `instanceof` holds across both.
export { KhabarError };

const encoder = new TextEncoder();
const decoder = new TextDecoder();
// In khabar::font_file_names' order: the module's font slots 0-7.
const FONT_FILES = ['NotoSans-Regular.ttf', 'NotoSans-Bold.ttf', 'NotoNaskhArabic-Regular.ttf', 'NotoNaskhArabic-Bold.ttf',
  'NotoNastaliqUrdu-Regular.ttf', 'NotoNastaliqUrdu-Bold.ttf', 'NotoSansHebrew-Regular.ttf', 'NotoSansHebrew-Bold.ttf'];
const LANGUAGES = ['ar', 'en', 'fa', 'fr', 'he', 'ur'];

// In Node (image-node.js, the `node` condition, imports node.js, which lends its node:fs reader:
// see index.js) the package's own files beside this module are read from disk. Elsewhere
// (workers) every file is given to loadImage() as bytes: nothing is fetched.
async function readLocal(name) {
  const read = globalThis[Symbol.for('khabar.fileReader')];
  if (!read) throw new KhabarError('load.fetch_failed', `no bytes given for ${name}: pass it to loadImage() (workers), or import khabar/image in Node`);
  return read(new URL(name, import.meta.url));
}

async function bytesOf(given, name) {
  if (given === undefined) return readLocal(name);
  if (given instanceof ArrayBuffer) return new Uint8Array(given);
  if (ArrayBuffer.isView(given)) return new Uint8Array(given.buffer, given.byteOffset, given.byteLength);
  throw new KhabarError('load.fetch_failed', `${name}: give its bytes (ArrayBuffer or Uint8Array)`);
}

let loading = null;
let module = null;

function copyIn(bytes) {
  const ptr = module._khabar_alloc(Math.max(bytes.length, 1));
  if (!ptr) throw new KhabarError('internal.out_of_memory', 'out of memory');
  module.HEAPU8.set(bytes, ptr); // HEAPU8 read after the alloc: memory may have grown
  return ptr;
}

function readCString(ptr) {
  const heap = module.HEAPU8;
  let end = ptr;
  while (heap[end] !== 0) end++;
  return decoder.decode(heap.subarray(ptr, end));
}

const outputBytes = () => module.HEAPU8.slice(module._khabar_output(), module._khabar_output() + module._khabar_output_size());
const lastError = () => new KhabarError(readCString(module._khabar_error_code()), decoder.decode(outputBytes()));

// ICU keeps a pointer to its data for the life of the module: never freed.
function giveIcuData(data, language) {
  const ptr = copyIn(data);
  const name = copyIn(encoder.encode(`${language}\0`));
  try {
    if (module._khabar_load_icu_data(ptr, data.length, name) !== 0) throw lastError();
  } finally {
    module._khabar_free(name);
  }
}

/**
 * Loads khabar-image.wasm, ICU's data (the shared part, every language's, and the line-break
 * rules) and the Noto fonts once; later calls return the same promise. In Node they are read
 * from the package; in a worker give their bytes (or `wasm` as a compiled WebAssembly.Module):
 * `{ wasm, icuData: { base, ar, en, fa, fr, he, ur, image }, fonts: { 'NotoSans-Regular.ttf': bytes, … } }`.
 * `font`: a publisher's own font (bytes), tried first for every character it has.
 */
export function loadImage(options = {}) {
  if (loading) return loading;
  loading = (async () => {
    const icu = options.icuData ?? {};
    const [moduleOptions, base, image, packs, fonts, custom] = await Promise.all([
      globalThis.WebAssembly?.Module && options.wasm instanceof WebAssembly.Module
        ? {
            locateFile: (path) => path, // as index.js: the glue would resolve its .wasm against import.meta.url
            instantiateWasm(imports, receive) {
              WebAssembly.instantiate(options.wasm, imports).then((instance) => receive(instance, options.wasm));
              return {};
            },
          }
        : bytesOf(options.wasm, 'khabar-image.wasm').then((wasmBinary) => ({ wasmBinary })),
      bytesOf(icu.base, 'khabar-icu-base.dat'),
      bytesOf(icu.image, 'khabar-icu-image.dat'),
      Promise.all(LANGUAGES.map((l) => bytesOf(icu[l], `khabar-icu-${l}.dat`))),
      Promise.all(FONT_FILES.map((f) => bytesOf(options.fonts?.[f], `fonts/${f}`))),
      options.font === undefined ? null : bytesOf(options.font, 'font'),
    ]);
    module = await createImage(moduleOptions);
    giveIcuData(base, '');
    giveIcuData(image, '');
    packs.forEach((data, i) => giveIcuData(data, LANGUAGES[i]));
    const faces = custom ? [...fonts, custom] : fonts;
    faces.forEach((bytes, slot) => {
      const ptr = copyIn(bytes);
      try {
        if (module._khabar_image_font(slot, ptr, bytes.length) !== 0) throw lastError();
      } finally {
        module._khabar_free(ptr); // the module keeps its own copy
      }
    });
    return module;
  })();
  loading.catch(() => {
    loading = null; // a failed load may be retried
  });
  return loading;
}

// The picture's flags as C strings (khabar_image's and khabar_image_card's), and its picture's bytes.
async function pictureArgs(options) {
  const picture = options.picture === undefined ? new Uint8Array() : await bytesOf(options.picture, 'picture');
  const format = options.format ?? 'png';
  const strings = [options.size ?? 'og', options.theme ?? 'light', format, options.accent ?? ''].map((s) => encoder.encode(`${s}\0`));
  return { picture, format, strings };
}

// Copies `ins` (byte arrays, each followed by its length) and the picture's flags in, calls
// `draw(pointers...)`, and reads the picture and its warnings out; every copy freed.
function drawWith(draw, ins, { picture, format, strings }) {
  const ptrs = [];
  try {
    for (const b of [...ins, ...strings, picture]) ptrs.push(copyIn(b));
    const args = [];
    ins.forEach((b, i) => args.push(ptrs[i], b.length));
    args.push(...ptrs.slice(ins.length, ins.length + strings.length), ptrs[ptrs.length - 1], picture.length);
    const status = draw(...args);
    // Status 2 (a language's ICU data missing) cannot happen: every language's was given.
    if (status !== 0) throw lastError();
    const warnings = readCString(module._khabar_image_warnings())
      .split('\n')
      .filter(Boolean)
      .map((line) => ({ code: line.slice(0, line.indexOf('\t')), message: line.slice(line.indexOf('\t') + 1) }));
    return { bytes: outputBytes(), mimeType: format === 'svg' ? 'image/svg+xml' : 'image/png', warnings };
  } finally {
    for (const p of ptrs) module._khabar_free(p);
  }
}

// An input as UTF-8 bytes: bytes as given, a string encoded, an object as its JSON (sized in
// UTF-8 bytes, never in UTF-16 code units).
function utf8Of(value, name) {
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return bytesOf(value, name);
  return encoder.encode(typeof value === 'string' ? value : JSON.stringify(value));
}

/**
 * The card of an article as a picture: the same bytes as `khabar image`.
 * `article` as analyze() takes it (a string, a Khabar JSON object, or bytes); options: the
 * card's (`locale`, `now`, `timeZone`) and the picture's: `size` ('og' 1200x630, 'square',
 * 'story' or 'WxH'), `theme` ('light' | 'dark'), `format` ('png' | 'svg'), `accent`
 * ('#RRGGBB'), `picture` (the article's picture: JPEG, PNG or WebP bytes).
 * @returns {Promise<{bytes: Uint8Array, mimeType: string, warnings: {code: string, message: string}[]}>}
 */
export async function renderImage(article, options = {}) {
  await loadImage();
  const input = await utf8Of(article, 'article');
  const cardOptions = {
    locale: options.locale,
    now: options.now instanceof Date ? options.now.toISOString() : options.now,
    time_zone: options.timeZone,
  };
  const args = await pictureArgs(options);
  return drawWith((...p) => module._khabar_image(...p), [input, encoder.encode(JSON.stringify(cardOptions))], args);
}

/**
 * A card already made as a picture, with no second reading or analysis: `card` is the Card as
 * analyze() returns it (the object, or its JSON text or bytes, as `khabar card --format json`
 * writes it). The picture's options as renderImage()'s (the card's locale and dates are the
 * card's own). The same bytes as renderImage() of the article the card was made from.
 * Bad Card JSON: KhabarError parse.invalid_json, parse.invalid_field (the field named) or
 * parse.unsupported_version. `warnings`: the picture's only (the card's are in the card).
 * @returns {Promise<{bytes: Uint8Array, mimeType: string, warnings: {code: string, message: string}[]}>}
 */
export async function renderCardImage(card, options = {}) {
  await loadImage();
  const json = await utf8Of(card, 'card');
  const args = await pictureArgs(options);
  return drawWith((...p) => module._khabar_image_card(...p), [json], args);
}
