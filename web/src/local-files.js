// The package's own files (its .wasm, ICU data and fonts) read from disk. Only in Node: node.js
// (the package's entry under the `node` export condition) installs a reader through node:fs.
// Browsers fetch the files and workers are given their bytes, so this module, like every one a
// browser loads, names no Node built-in and no bundler for browsers ever meets one.
let reader = null;

/** Installs the reader of local files (node.js does, through node:fs). */
export function setFileReader(read) {
  reader = read;
}

/** The reader of local files, or null where there is none (browsers, workers). */
export function fileReader() {
  return reader;
}
