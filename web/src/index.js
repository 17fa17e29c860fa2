// The khabar npm package: the C++ core in WebAssembly behind four calls.
// load() initialises once (a cached promise); analyze() and renderHTML() call the
// core's one pipeline, so a card rendered here and by the native CLI are the same bytes.
import createCore from './khabar-core.mjs';

// build.mjs writes the version of package.json here, its one home.
export const version = '%KHABAR_VERSION%';

/** An error from the core, with the same stable `code` as the native library. */
export class KhabarError extends Error {
  constructor(code, message, options) {
    super(`[${code}] ${message}`, options);
    this.name = 'KhabarError';
    this.code = code;
  }
}

const isNode = typeof process !== 'undefined' && !!process.versions?.node;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false });
let loading = null;
let core = null;

// In Node the package's own files are on disk. (A bundler's server build may rewrite their
// URLs into URL-likes without a protocol, as Turbopack does: those are paths, too.)
function isLocal(url) {
  if (!isNode) return false;
  return url instanceof URL ? url.protocol === 'file:' || url.protocol === '' : !/^[a-z][a-z0-9+.-]*:/i.test(String(url));
}

// Local files (the package's own .wasm and ICU data in Node) are read through the node:fs reader
// that node.js, the package's entry under the `node` export condition, lends under this key of
// the global symbol registry (image.js reads it too). No other module file is needed, so a host
// that lists the package's modules (workerd) lists the same ones, and this module names no Node
// built-in: no bundler for browsers ever meets one.
async function readLocal(url) {
  const read = globalThis[Symbol.for('khabar.fileReader')];
  if (!read) throw new Error(`${url} is a local file; in Node, import 'khabar' (its node entry reads files)`);
  return read(url);
}

async function readBytes(url, what) {
  // Bytes given as they are (a workerd data module is an ArrayBuffer): nothing to fetch.
  if (url instanceof ArrayBuffer) return new Uint8Array(url);
  if (ArrayBuffer.isView(url)) return new Uint8Array(url.buffer, url.byteOffset, url.byteLength);
  try {
    if (isLocal(url)) return await readLocal(url);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  } catch (cause) {
    throw new KhabarError('load.fetch_failed', `cannot load the ${what} from ${url}: ${cause.message}`, { cause });
  }
}

// In browsers the module compiles while it downloads; in Node the bytes are handed over
// (Emscripten 3.1.6's own loader breaks under Node's global fetch).
// A compiled WebAssembly.Module (a workerd wasm module import: workerd refuses to compile
// bytes at run time) is only instantiated.
function instantiateOptions(wasmUrl) {
  if (globalThis.WebAssembly?.Module && wasmUrl instanceof WebAssembly.Module) {
    return Promise.resolve({
      locateFile: (path) => path, // the glue would resolve its .wasm against import.meta.url
      instantiateWasm(imports, receive) {
        WebAssembly.instantiate(wasmUrl, imports).then((instance) => receive(instance, wasmUrl), (cause) => failInstantiate(cause));
        return {};
      },
    });
  }
  if (wasmUrl instanceof ArrayBuffer || ArrayBuffer.isView(wasmUrl)) return readBytes(wasmUrl).then((wasmBinary) => ({ wasmBinary }));
  if (isLocal(wasmUrl) || !globalThis.WebAssembly?.instantiateStreaming) {
    return readBytes(wasmUrl, 'WebAssembly module').then((wasmBinary) => ({ wasmBinary }));
  }
  return Promise.resolve({
    instantiateWasm(imports, receive) {
      WebAssembly.instantiateStreaming(fetch(wasmUrl), imports).then(
        (r) => receive(r.instance, r.module),
        (cause) => failInstantiate(cause),
      );
      return {};
    },
  });
}

let failInstantiate = () => {};

// load({ html: true }): the core with the HTML reader (khabar-core-html.wasm, Gumbo inside), for
// pages as publishers serve them; the default core reads article data and a page's JSON-LD only
// (a page without it fails with input.html_reader_missing). A function, as the pack URLs below.
let loadedHtml = false;
const htmlWasmUrl = () => new URL('./khabar-core-html.wasm', import.meta.url);
// ICU's converters for pages not in UTF-8 (windows-1256, windows-1252, GBK …), given to ICU with
// the shared data: ICU remembers a failed look-up of its converter names, so not later.
function charsetsUrl(options, dataUrl) {
  if (options.charsetData !== undefined) return options.charsetData;
  if (options.dataUrl === undefined) return new URL('./khabar-icu-charsets.dat', import.meta.url);
  return dataUrl instanceof URL ? new URL('khabar-icu-charsets.dat', dataUrl) : String(dataUrl).replace(/[^/]*$/, 'khabar-icu-charsets.dat');
}

function moduleConflict(html) {
  const [want, have] = html ? ['khabar-core-html', 'khabar-core'] : ['khabar-core', 'khabar-core-html'];
  return new KhabarError('load.module_conflict', `load({ html: ${!!html} }) asks for ${want}, but ${have} is loaded (one core a page)`);
}

/**
 * Loads the WebAssembly core and its shared ICU data once; later calls return the same promise.
 * Each language's ICU data (khabar-icu-<lang>.dat beside `dataUrl`) is loaded when a card
 * first needs it; `packs: false` when `dataUrl` is a complete data file (khabar-icu.dat).
 * Where nothing may be fetched or compiled (workerd), `wasmUrl` may be a `WebAssembly.Module`
 * or the module's bytes, `dataUrl` the data's bytes (ArrayBuffer or Uint8Array), and
 * `languageData` each language's bytes ({ ar: ArrayBuffer, … }).
 * `html: true` loads the core with the HTML reader (khabar-core-html.wasm) instead: it reads
 * pages as publishers serve them (metadata, main text, charsets); the default one does not. It
 * also loads khabar-icu-charsets.dat (beside `dataUrl`, or `charsetData`: a URL or the bytes;
 * false: none, and a page not in UTF-8 fails to decode).
 * @param {{html?: boolean, charsetData?: string|URL|BufferSource|false, wasmUrl?: string|URL|WebAssembly.Module|BufferSource, dataUrl?: string|URL|BufferSource,
 *   packs?: boolean, languageData?: Record<string, BufferSource>}} [options]
 */
export function load(options = {}) {
  if (loading) {
    // One instance a package: a module other than the one loaded is an error, not ignored.
    if (options.html !== undefined && !!options.html !== loadedHtml) return Promise.reject(moduleConflict(options.html));
    return loading;
  }
  loadedHtml = !!options.html;
  const wasmUrl = options.wasmUrl ?? (loadedHtml ? htmlWasmUrl() : new URL('./khabar-core.wasm', import.meta.url));
  const dataUrl = options.dataUrl ?? new URL('./khabar-icu-base.dat', import.meta.url);
  packBase = options.packs === false ? null : dataUrl;
  packsBesideData = options.dataUrl !== undefined;
  languageData = options.languageData ?? null;
  loading = (async () => {
    const failed = new Promise((_, reject) => {
      failInstantiate = (cause) => {
        // A page whose CSP lacks 'wasm-unsafe-eval' refuses to compile: say so apart.
        const blocked = /Content Security Policy|unsafe-eval/i.test(cause?.message ?? '');
        const code = blocked ? 'load.wasm_blocked' : 'load.wasm_failed';
        reject(new KhabarError(code, `cannot instantiate the WebAssembly module: ${cause.message}`, { cause }));
      };
    });
    // The module and the ICU data download side by side.
    const instantiated = Promise.all([instantiateOptions(wasmUrl), loadedHtml ? import('./khabar-core-html.mjs').then((m) => m.default) : createCore])
      .then(([moduleOptions, create]) => Promise.race([create(moduleOptions), failed]))
      .catch((cause) => {
        throw cause instanceof KhabarError
          ? cause
          : new KhabarError('load.wasm_failed', `cannot instantiate the WebAssembly module: ${cause.message}`, { cause });
      });
    // No language comes with the shared data, not even English: the binding makes ICU's default
    // locale und_001 (it falls back to root only), so a page of Arabic cards never needs en.
    // charsetData: false, for UTF-8 pages only: 324 KB brotli fewer (most of it CJK tables).
    const charsets = loadedHtml && options.charsetData !== false ? readBytes(charsetsUrl(options, dataUrl), 'ICU converters') : null;
    const [module, data, converters] = await Promise.all([instantiated, readBytes(dataUrl, 'ICU data'), charsets]);
    giveIcuData(module, data, packBase ? '' : '*'); // '*': a complete data file, every language
    if (converters) giveIcuData(module, converters, '');
    core = module;
    return module;
  })();
  loading.catch(() => {
    loading = null; // a failed load may be retried
  });
  return loading;
}

// ICU keeps a pointer to its data for the life of the module: never freed. `language` tells the
// core which language's data it now has ('' for the shared part).
function giveIcuData(module, data, language) {
  const ptr = module._khabar_alloc(data.length);
  module.HEAPU8.set(data, ptr);
  const name = copyIn(module, encoder.encode(`${language}\0`));
  try {
    if (module._khabar_load_icu_data(ptr, data.length, name) !== 0) throw lastError(module);
  } finally {
    module._khabar_free(name);
  }
}

// The languages with their own ICU data file; others use the shared data (root).
const PACK_LANGUAGES = new Set(['ar', 'en', 'fa', 'fr', 'he', 'ur']);
const packs = new Map(); // language -> promise of its data being loaded
let packBase = null;

// Written out one by one so that bundlers (Vite, webpack) see and emit each file; functions,
// so that importing this module where import.meta.url is no URL (workerd) does not throw.
const defaultPackUrls = {
  ar: () => new URL('./khabar-icu-ar.dat', import.meta.url),
  en: () => new URL('./khabar-icu-en.dat', import.meta.url),
  fa: () => new URL('./khabar-icu-fa.dat', import.meta.url),
  fr: () => new URL('./khabar-icu-fr.dat', import.meta.url),
  he: () => new URL('./khabar-icu-he.dat', import.meta.url),
  ur: () => new URL('./khabar-icu-ur.dat', import.meta.url),
};
let packsBesideData = false; // true when load() was given its own dataUrl

let languageData = null; // load()'s languageData: bytes given for each language

function packUrl(language) {
  if (languageData) return languageData[language] ?? `(no languageData for ${language})`;
  if (!packsBesideData) return defaultPackUrls[language]();
  const name = `khabar-icu-${language}.dat`;
  return packBase instanceof URL ? new URL(name, packBase) : String(packBase).replace(/[^/]*$/, name);
}

/**
 * Loads the ICU data of these languages (BCP 47 tags; region and extensions ignored) ahead of
 * need. Cards load what they need themselves; this only saves a round trip.
 */
export async function loadLanguages(tags) {
  await load();
  if (!packBase) return;
  const wanted = new Set(tags.map((t) => String(t ?? '').toLowerCase().split(/[-_]/)[0]).filter((l) => PACK_LANGUAGES.has(l)));
  await Promise.all(
    [...wanted].map((language) => {
      if (!packs.has(language)) {
        const loaded = readBytes(packUrl(language), `ICU data for ${language}`).then((data) => giveIcuData(core, data, language));
        loaded.catch(() => packs.delete(language)); // may be retried
        packs.set(language, loaded);
      }
      return packs.get(language);
    }),
  );
}

function readCString(module, ptr) {
  const heap = module.HEAPU8;
  let end = ptr;
  while (heap[end] !== 0) end++;
  return decoder.decode(heap.subarray(ptr, end));
}

function lastError(module) {
  const message = decoder.decode(module.HEAPU8.subarray(module._khabar_output(), module._khabar_output() + module._khabar_output_size()));
  return new KhabarError(readCString(module, module._khabar_error_code()), message);
}

// Copies bytes into the wasm heap; the caller frees the pointer in `finally`.
function copyIn(module, bytes) {
  const ptr = module._khabar_alloc(Math.max(bytes.length, 1));
  if (!ptr) throw new KhabarError('internal.out_of_memory', 'out of memory');
  module.HEAPU8.set(bytes, ptr);
  return ptr;
}

// camelCase options of the JS API -> the core's snake_case names.
function coreOptions(options = {}, format) {
  return {
    locale: options.locale,
    now: options.now instanceof Date ? options.now.toISOString() : options.now,
    time_zone: options.timeZone,
    heading_level: options.headingLevel,
    input: options.input,
    max_bytes: options.maxBytes,
    content_type: options.contentType,
    content_language: options.contentLanguage,
    strict: options.strict,
    format,
  };
}

function encodeRequest(article, options, format) {
  const request = { options: encoder.encode(JSON.stringify(coreOptions(options, format))) };
  // Bytes go in as they are: a page in windows-1256 is decoded by the core, as natively.
  if (article instanceof ArrayBuffer) return { ...request, input: new Uint8Array(article) };
  if (ArrayBuffer.isView(article)) return { ...request, input: new Uint8Array(article.buffer, article.byteOffset, article.byteLength) };
  const text = typeof article === 'string' ? article : JSON.stringify(article);
  // Sized in UTF-8 bytes: Arabic is two bytes a letter, so string.length would cut it.
  return { ...request, input: encoder.encode(text) };
}

function output(module) {
  const out = module._khabar_output();
  return decoder.decode(module.HEAPU8.subarray(out, out + module._khabar_output_size()));
}

// One call into the core a card, the input copied in once. The first card in a language may be
// answered "load this language's ICU data first" (status 2): the data is fetched, and the same
// bytes are asked again.
async function call(article, options, format) {
  await load();
  const request = encodeRequest(article, options, format);
  const inPtr = copyIn(core, request.input);
  let optPtr = 0;
  try {
    optPtr = copyIn(core, request.options);
    for (let asked = ''; ; ) {
      const status = core._khabar_card(inPtr, request.input.length, optPtr, request.options.length);
      if (status === 0) return output(core);
      if (status !== 2) throw lastError(core);
      const needed = output(core);
      if (needed === asked) throw new KhabarError('icu.data_invalid', `no ICU data file gives the core ${needed}`);
      asked = needed;
      await loadLanguages(needed.split(' '));
    }
  } finally {
    core._khabar_free(inPtr);
    if (optPtr) core._khabar_free(optPtr);
  }
}

/**
 * The card for an article (Khabar JSON object or text, JSON-LD, an HTML page, or scraped text):
 * a string, an object (Khabar JSON), or the bytes as served (Uint8Array, ArrayBuffer).
 * @returns {Promise<object>} the Card in its JSON form
 */
export async function analyze(article, options) {
  return JSON.parse(await call(article, options, 'json'));
}

/** The card's HTML: the same bytes as `khabar card --format html`. */
export async function renderHTML(article, options) {
  return call(article, options, 'html');
}

/** The card's JSON as the core wrote it (byte-identical to `khabar card --format json`). */
export async function renderJSON(article, options) {
  return call(article, options, 'json');
}

/**
 * Sentences of a text as the core splits them (ICU plus the news rules).
 * @returns {Promise<string[]>}
 */
export async function splitSentences(text, language = '') {
  await load();
  const bytes = encoder.encode(text);
  const inPtr = copyIn(core, bytes);
  let langPtr = 0;
  try {
    langPtr = copyIn(core, encoder.encode(`${language}\0`));
    if (core._khabar_split_sentences(inPtr, bytes.length, langPtr) !== 0) throw lastError(core);
    const out = core._khabar_output();
    const pairs = decoder.decode(core.HEAPU8.subarray(out, out + core._khabar_output_size()));
    const sentences = [];
    for (const line of pairs.split('\n')) {
      if (!line) continue;
      const [start, end] = line.split(' ').map(Number);
      sentences.push(decoder.decode(bytes.subarray(start, end)));
    }
    return sentences;
  } finally {
    core._khabar_free(inPtr);
    if (langPtr) core._khabar_free(langPtr);
  }
}

/** Heap figures of the wasm instance: bytes in use, and the memory's size (its high-water mark). */
export async function diagnostics() {
  await load();
  return { heapUsed: core._khabar_heap_used(), memoryBytes: core.HEAPU8.length };
}

/** The card as plain text with Unicode isolates. */
export async function renderText(article, options) {
  return call(article, options, 'text');
}
