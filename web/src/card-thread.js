// Which thread renders <khabar-card>'s cards: one module worker for all of them (worker.js),
// or the main thread when define() is given no worker or the worker cannot start. Both call
// the package's renderHTML, so the card is the same bytes on either.

/** A card's failure with its stable code (the element's khabar-error event carries it). */
export class CardFailure extends Error {
  constructor(code, message, options) {
    super(message, options);
    this.code = code;
  }
}

let coreLoading = null;
let coreLoader = null; // how to import the package's core
let workerFactory = null; // how to start the worker, or null for the main thread
let loadOptions = () => ({}); // the element's loadOptions, read when the core is first needed

/** Set by the element's define(). */
export function configureThreads({ importCore, createWorker, loadOptions: options }) {
  coreLoader = importCore;
  workerFactory = createWorker;
  loadOptions = options;
}

// One wasm instance for every card on the page, on the main thread: the path when define() is
// given no worker, and the fallback when the worker cannot start.
function loadCore() {
  coreLoading ??= coreLoader().then(
    async (core) => {
      await core.load(loadOptions());
      return core;
    },
    (cause) => {
      throw new CardFailure('load.module_failed', `cannot import the khabar module: ${cause?.message ?? cause}`, { cause });
    },
  );
  coreLoading.catch(() => {
    coreLoading = null;
  });
  return coreLoading;
}

// The browser's time zone where the card names none: asked on the thread that renders, since
// the first Intl call of a page sets up V8's ICU: 27-42 ms on this machine's main thread.
const withTimeZone = (options) => ({ ...options, timeZone: options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone });

const mainThread = {
  start: () => loadCore().catch(() => {}), // a failed load is reported by the render that needs it
  render: (article, options) => loadCore().then((core) => core.renderHTML(article, withTimeZone(options))),
};

// One module worker for every card (worker.js): the same renderHTML, so the same bytes. It is
// started when the first card nears the viewport; if it cannot start (no Worker, refused by
// the page's CSP, its script missing or from another origin without CORS), the jobs it was
// given and every later card go to the main thread, with no error.
let worker = null; // null: not started yet; then { jobs, queue, start, render } or false (use the main thread)
const READY_TIMEOUT_MS = 10000;
let nextJob = 0;

/** The thread for the next card: `start()` begins loading the core, `render()` gives the HTML. */
export function renderer() {
  if (worker === null) worker = workerFactory && typeof Worker === 'function' ? startWorker() : false;
  return worker || mainThread;
}

function startWorker() {
  let thread;
  try {
    thread = workerFactory();
  } catch {
    return false; // e.g. SecurityError: a worker script from another origin
  }
  // Messages wait for the worker's { ready }: sent before, a bundler's worker chunk that loads
  // its other chunks first would lose them. No ready in time: the main thread takes over.
  const state = { jobs: new Map(), queue: [] };
  const send = (message) => (state.queue ? state.queue.push(message) : thread.postMessage(message));
  const notReady = setTimeout(() => thread.onerror(new Event('error')), READY_TIMEOUT_MS);
  thread.onmessage = ({ data }) => {
    if (data.ready) {
      clearTimeout(notReady);
      state.queue.forEach((message) => thread.postMessage(message));
      state.queue = null;
      return;
    }
    const job = state.jobs.get(data.id);
    if (!job) return;
    state.jobs.delete(data.id);
    if (data.error) job.reject(new CardFailure(data.error.code ?? 'card.failed', data.error.message));
    else job.resolve(data.html);
  };
  // The worker's own script failed (load, CSP, parse) or a message could not be read.
  thread.onerror = thread.onmessageerror = (event) => {
    event.preventDefault();
    clearTimeout(notReady);
    if (worker === state) worker = false;
    thread.terminate();
    for (const job of state.jobs.values()) mainThread.render(job.article, job.options).then(job.resolve, job.reject);
    state.jobs.clear();
  };
  state.start = () => {};
  state.render = (article, options) =>
    new Promise((resolve, reject) => {
      const id = ++nextJob;
      state.jobs.set(id, { article, options, resolve, reject });
      send({ id, article, options });
    });
  // URLs do not cross postMessage: their hrefs do (bytes and a WebAssembly.Module do as they are).
  const load = Object.fromEntries(Object.entries(loadOptions()).map(([k, v]) => [k, v instanceof URL ? v.href : v]));
  send({ load });
  return state;
}
