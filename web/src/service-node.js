// khabar/service in Node (the `node` export condition): the card service over node.js, so that it
// reads the package's own files; service.js (workerd, Deno, Bun) is given the module and the data
// by its host.
import './node.js';

export * from './service.js';
