// webpack 5 reads new URL('./khabar-core.wasm', import.meta.url) and emits each file as an asset.
import { fileURLToPath } from 'node:url';

export default {
  mode: 'production',
  entry: './src/main.js',
  output: {
    path: fileURLToPath(new URL('../../../build/consumers/webpack/', import.meta.url)),
    filename: 'main.js',
    module: true,
    clean: true,
  },
  experiments: { outputModule: true },
  performance: { hints: false },
};
