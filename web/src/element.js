// The ES module entry of <khabar-card> (`import { define } from 'khabar/element'`).
import { KhabarCard, define as defineWith } from './card-element.js';

export { KhabarCard };

/**
 * Registers <khabar-card>. The cards render in one module worker started from beside this
 * module (written as bundlers recognise it, so Vite, webpack and Next.js emit the worker);
 * `worker: false` renders them on the main thread, sharing the instance of the page's own
 * load()/renderHTML() calls. The core is loaded only when a card needs it.
 */
export function define({ loadOptions, worker = true } = {}) {
  return defineWith({
    importCore: () => import('./index.js'),
    createWorker: worker ? () => new Worker(new URL('./worker.js', import.meta.url), { type: 'module' }) : null,
    loadOptions,
  });
}
