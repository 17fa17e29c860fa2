// A hostile host page's scripts: globals other embeds and bundlers leave behind, and
// prototype pollution. The card must work the same.
window.Module = { locateFile() { throw new Error('hostile Module.locateFile'); }, print() {} };
window.define = function () { throw new Error('hostile AMD define'); };
window.define.amd = true;
window.process = { env: { NODE_ENV: 'production' } };
window.exports = {};
window.module = {};
Object.prototype.polluted = 'yes';
Array.prototype.hostile = function () {};
