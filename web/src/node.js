// The package in Node (the `node` export condition): index.js, with the package's own files
// (khabar-core.wasm, the ICU data, the fonts) read from disk through node:fs. index.js and
// image.js read through the reader lent here, under a key of the global symbol registry (in
// Node only: a browser never loads this module); elsewhere they fetch or are given bytes.
import { readFile } from 'node:fs/promises';

// `file` is a file: URL, or a path (a server bundle may rewrite the package's URLs into URL-likes
// without a protocol, as Turbopack does: those are paths, too).
globalThis[Symbol.for('khabar.fileReader')] ??= async (file) => {
  try {
    return new Uint8Array(await readFile(file.protocol === 'file:' ? file : String(file)));
  } catch (cause) {
    // A server bundle that moved the package's files: the package must stay external there.
    const hint = "; bundled for a server? keep 'khabar' external (Next.js: serverExternalPackages: ['khabar'])";
    throw new Error(cause.code === 'ENOENT' ? cause.message + hint : cause.message, { cause });
  }
};

export * from './index.js';
