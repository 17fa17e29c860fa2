export default {
  // The test builds this app twice, with Turbopack (the default) and with webpack, each in its own folder.
  distDir: process.env.KHABAR_NEXT_DIST_DIR || '.next',
  // khabar reads its own .wasm and .dat files on the server: kept external there, Node imports
  // it from node_modules (its `node` entry). The browser bundle still takes the `browser`
  // entry and emits the files as assets.
  serverExternalPackages: ['khabar'],
  // The pages read the repository's example articles, outside this folder.
  outputFileTracingRoot: new URL('../../../', import.meta.url).pathname,
};
