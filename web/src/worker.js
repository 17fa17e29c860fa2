// The core off the page's main thread: <khabar-card> and the embed start one module worker
// from this file for every card on the page (card-element.js), so compiling the wasm, setting
// up ICU and rendering never block the page. Messages, in order:
//   { load: options }                    load() with the element's loadOptions, as soon as a card nears the viewport
//   { id, article, options }             renderHTML(article, options)
// and back: { id, html } or { id, error: { code, message } } (KhabarError's stable code).
// build.mjs bundles this file with index.js and the glue into dist/worker.js: one request,
// and a file a bundler that leaves `new URL(…, import.meta.url)` alone can copy as it is.
import { load, renderHTML } from './index.js';

let loadOptions = {};

self.onmessage = async ({ data }) => {
  if (data.load) {
    loadOptions = data.load;
    load(loadOptions).catch(() => {}); // a failed load is reported by the render that needs it
    return;
  }
  const { id, article, options } = data;
  try {
    await load(loadOptions);
    // The browser's time zone where the card names none (card-element.js's withTimeZone), asked
    // here: the first Intl call sets up V8's ICU, a long task on the page's main thread.
    const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    postMessage({ id, html: await renderHTML(article, { ...options, timeZone }) });
  } catch (error) {
    const code = typeof error?.code === 'string' ? error.code : undefined;
    postMessage({ id, error: { code, message: String(error?.message ?? error) } });
  }
};
postMessage({ ready: true });
