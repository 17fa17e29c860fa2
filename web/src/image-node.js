// khabar/image in Node (the `node` export condition): image.js over node.js, reading the module,
// the ICU data and the fonts beside it through node:fs; image.js (workers) is given their bytes.
import './node.js';

export * from './image.js';
