// Shared by the browser tests, the demo and the benchmark: Debian's Chromium through
// playwright-core, one static server, and a page instrumented before any of its scripts run.
import { mkdir, readFile } from 'node:fs/promises';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { repoRoot, startServer } from './server.mjs';

export { repoRoot, startServer };
export const screenshots = new URL('../../../build/screenshots/', import.meta.url).pathname;

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--font-render-hinting=none', // the same glyph metrics from run to run
];

/** Starts the server and Chromium before a file's tests, stops both after; hands them to `ready`. */
export function useServerAndBrowser(ready) {
  let server, browser;
  before(async () => {
    server = await startServer();
    browser = await launch();
    ready(server, browser);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
}

export function launch({ args = [] } = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [...chromiumArgs, ...args],
  });
}

// The articles' pictures live at https://news.example/ (an https URL, as the core keeps only
// those); offline, the tests answer for that host from examples/partner/media/.
export async function routeNewsExample(context) {
  await context.route('https://news.example/**', async (route) => {
    const { pathname } = new URL(route.request().url());
    if (pathname.startsWith('/media/')) {
      const body = await readFile(`${repoRoot}examples/partner${pathname}`).catch(() => null);
      if (body) return route.fulfill({ status: 200, contentType: 'image/jpeg', body });
    }
    return route.fulfill({ status: 404, body: '' });
  });
}

// Runs before every page script. Everything it keeps is behind a Symbol, which
// Object.getOwnPropertyNames(window) does not list, so the test adds no window property.
const instrument = () => {
  const key = Symbol.for('khabar.test');
  const log = {
    baseline: Object.getOwnPropertyNames(window),
    instantiations: 0,
    errors: [],
    violations: [],
    shifts: [],
    longTasks: [],
  };
  Object.defineProperty(window, key, { value: log });
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      log.instantiations++;
      return original.apply(this, args);
    };
  }
  addEventListener('error', (e) => log.errors.push(`error: ${e.message}`));
  addEventListener('unhandledrejection', (e) => log.errors.push(`unhandledrejection: ${e.reason?.message ?? e.reason}`));
  document.addEventListener('securitypolicyviolation', (e) =>
    log.violations.push(`${e.violatedDirective} ${e.blockedURI}`),
  );
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (!e.hadRecentInput) log.shifts.push({ value: e.value, time: e.startTime });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) log.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
};

/** A new page (own context: no shared cache) with the instrumentation and a console log. */
export async function openPage(browser, { viewport = { width: 1280, height: 800 }, colorScheme = 'light', reducedMotion = 'reduce' } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, reducedMotion, deviceScaleFactor: 1 });
  await routeNewsExample(context);
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const console_ = [];
  const pageErrors = [];
  page.on('console', (m) => console_.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return { context, page, console: console_, pageErrors };
}

/** What the instrumentation recorded. */
export function testLog(page) {
  return page.evaluate(() => {
    const log = window[Symbol.for('khabar.test')];
    const now = Object.getOwnPropertyNames(window);
    const before = new Set(log.baseline);
    return {
      instantiations: log.instantiations,
      errors: log.errors,
      violations: log.violations,
      cls: log.shifts.reduce((sum, s) => sum + s.value, 0),
      shifts: log.shifts,
      longTasks: log.longTasks,
      addedGlobals: now.filter((name) => !before.has(name)),
    };
  });
}

/** Waits until `selector` (default: every khabar-card) is ready or failed. */
export async function settled(page, selector = 'khabar-card', { count = 1, timeout = 20000 } = {}) {
  await page.waitForFunction(
    ([sel, n]) => {
      const cards = [...document.querySelectorAll(sel)];
      return cards.length >= n && cards.every((c) => c.dataset.state === 'ready' || c.dataset.state === 'failed');
    },
    [selector, count],
    { timeout, polling: 50 },
  );
}

/** The card's shadow markup, title, date and direction. */
export function cardInfo(page, selector = 'khabar-card') {
  return page.$eval(selector, (card) => {
    const root = card.shadowRoot;
    const article = root?.querySelector('article');
    return {
      state: card.dataset.state,
      html: root?.innerHTML ?? '',
      dir: article?.getAttribute('dir'),
      lang: article?.getAttribute('lang'),
      computedDir: article ? getComputedStyle(article).direction : null,
      title: root?.querySelector('.khabar-title')?.textContent,
      titleHref: root?.querySelector('.khabar-title a')?.getAttribute('href') ?? null,
      date: root?.querySelector('time')?.textContent,
      summary: root?.querySelector('.khabar-summary')?.textContent,
      error: root?.querySelector('.khabar-error')?.textContent ?? null,
      slotted: root?.querySelector('slot')?.assignedElements().map((e) => e.localName) ?? [],
    };
  });
}

export async function screenshot(locator, name) {
  await mkdir(screenshots, { recursive: true });
  const path = `${screenshots}${name}.png`;
  await locator.screenshot({ path, animations: 'disabled' });
  return path;
}
