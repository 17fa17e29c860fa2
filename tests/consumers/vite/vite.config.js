import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  // The package finds its .wasm and ICU data with new URL(…, import.meta.url): kept out of the
  // dev pre-bundler, Vite emits each file as an asset (inlined never: assetsInlineLimit 0).
  optimizeDeps: { exclude: ['khabar'] },
  build: { outDir: '../../../build/consumers/vite', emptyOutDir: true, target: 'es2022', assetsInlineLimit: 0 },
  logLevel: 'warn',
});
