import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  // The package finds its .wasm and ICU data with new URL(…, import.meta.url): Vite keeps
  // those as assets when the package is bundled, not pre-bundled by the dev optimizer.
  optimizeDeps: { exclude: ['khabar'] },
  build: { target: 'es2022', assetsInlineLimit: 0 },
});
