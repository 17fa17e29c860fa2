// The khabar npm package: the C++ core in WebAssembly behind four calls.
// load() initialises once (a cached promise); analyze() and renderHTML() call the
// core's one pipeline, so a card rendered here and by the native CLI are the same bytes.
import createCore from './khabar-core.mjs';

export const version = '0.1.0';

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

function isLocal(url) {
  return isNode && (url instanceof URL ? url.protocol === 'file:' : !/^[a-z][a-z0-9+.-]*:/i.test(String(url)));
}

async function readBytes(url, what) {
  try {
    if (isLocal(url)) {
      const { readFile } = await import('node:fs/promises');
      return new Uint8Array(await readFile(url));
    }
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  } catch (cause) {
    throw new KhabarError('load.fetch_failed', `cannot load the ${what} from ${url}: ${cause.message}`, { cause });
  }
}

// In browsers the module compiles while it downloads; in Node the bytes are handed over
// (Emscripten 3.1.6's own loader breaks under Node's global fetch).
function instantiateOptions(wasmUrl) {
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

/**
 * Loads the WebAssembly core and its ICU data once; later calls return the same promise.
 * @param {{wasmUrl?: string|URL, dataUrl?: string|URL}} [options]
 */
export function load(options = {}) {
  if (loading) return loading;
  const wasmUrl = options.wasmUrl ?? new URL('./khabar-core.wasm', import.meta.url);
  const dataUrl = options.dataUrl ?? new URL('./khabar-icu.dat', import.meta.url);
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
    const instantiated = instantiateOptions(wasmUrl)
      .then((moduleOptions) => Promise.race([createCore(moduleOptions), failed]))
      .catch((cause) => {
        throw cause instanceof KhabarError
          ? cause
          : new KhabarError('load.wasm_failed', `cannot instantiate the WebAssembly module: ${cause.message}`, { cause });
      });
    const [module, data] = await Promise.all([instantiated, readBytes(dataUrl, 'ICU data')]);
    // ICU keeps a pointer to its data for the life of the module: never freed.
    const ptr = module._khabar_alloc(data.length);
    module.HEAPU8.set(data, ptr);
    if (module._khabar_load_icu_data(ptr, data.length) !== 0) throw lastError(module);
    core = module;
    return module;
  })();
  loading.catch(() => {
    loading = null; // a failed load may be retried
  });
  return loading;
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
    strict: options.strict,
    format,
  };
}

function call(article, options, format) {
  if (!core) throw new KhabarError('load.not_loaded', 'call and await load() first');
  const text = typeof article === 'string' ? article : JSON.stringify(article);
  // Sized in UTF-8 bytes: Arabic is two bytes a letter, so string.length would cut it.
  const input = encoder.encode(text);
  const opts = encoder.encode(JSON.stringify(coreOptions(options, format)));
  const inPtr = copyIn(core, input);
  let optPtr = 0;
  try {
    optPtr = copyIn(core, opts);
    const status = core._khabar_card(inPtr, input.length, optPtr, opts.length);
    if (status !== 0) throw lastError(core);
    const out = core._khabar_output();
    return decoder.decode(core.HEAPU8.subarray(out, out + core._khabar_output_size()));
  } finally {
    core._khabar_free(inPtr);
    if (optPtr) core._khabar_free(optPtr);
  }
}

/**
 * The card for an article (Khabar JSON object or text, JSON-LD, an HTML page, or scraped text).
 * @returns {Promise<object>} the Card in its JSON form
 */
export async function analyze(article, options) {
  await load();
  return JSON.parse(call(article, options, 'json'));
}

/** The card's HTML: the same bytes as `khabar card --format html`. */
export async function renderHTML(article, options) {
  await load();
  return call(article, options, 'html');
}

/** The card's JSON as the core wrote it (byte-identical to `khabar card --format json`). */
export async function renderJSON(article, options) {
  await load();
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
  await load();
  return call(article, options, 'text');
}
