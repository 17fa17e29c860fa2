import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  // The package finds its .wasm and ICU data with new URL(…, import.meta.url), which `vite build`
  // emits as assets; the dev server's pre-bundler would lose them, so it leaves khabar alone.
  optimizeDeps: { exclude: ['khabar'] },
  build: { outDir: '../../../build/consumers/vite', emptyOutDir: true, target: 'es2022' },
  logLevel: 'warn',
});
