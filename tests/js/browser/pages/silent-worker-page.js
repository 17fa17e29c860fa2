// The element with a worker that runs but never says it is ready (a broken bundle, say).
import { define } from '/web/dist/card-element.js';

define({
  importCore: () => import('/web/dist/index.js'),
  createWorker: () => new Worker('/tests/js/browser/pages/silent-worker.js', { type: 'module' }),
});
