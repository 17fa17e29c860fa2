// khabar/service: the card service as a fetch handler (README: "The card service").

export interface ServiceOptions {
  /** The origins articles may be fetched from (the publisher's own). */
  allowedOrigins: string[] | string;
  /** host:port pairs that may be loopback or private (tests only). */
  allowPrivate?: string[] | string;
  /** Every address of a name, checked before connecting (Node: dns.lookup). */
  resolve?: (hostname: string) => Promise<string[]>;
  /**
   * The outgoing fetch (default: globalThis.fetch). Its init also carries `addresses`, the
   * resolved addresses the check accepted: a fetch that connects to those only (the Node
   * adapter's pinnedFetch) closes the DNS-rebinding gap of one that resolves the name again.
   */
  fetch?: (url: string, init: RequestInit & { addresses: string[] }) => Promise<Response>;
  /** Passed to the core's load(), with html: true by default (the HTML reader); on workerd
   *  { wasmUrl: the khabar-core-html.wasm WebAssembly.Module, dataUrl: ArrayBuffer, languageData }. */
  load?: object;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  maxAge?: number;
  staleWhileRevalidate?: number;
  articleCache?: { entries?: number; bytes?: number };
  /** A Cache API object (workerd: caches.default), or null. */
  cache?: { match(request: Request): Promise<Response | undefined>; put(request: Request, response: Response): Promise<void> } | null;
  /** Concurrent requests for one article share one fetch. Default true, but false on Workers
   *  (workerd), where a request that awaits another request's I/O is cancelled as hung. */
  shareFetches?: boolean;
  providerName?: string;
  providerUrl?: string;
  /** The service's public base URL (oEmbed's iframe src), default the request's origin. */
  publicUrl?: string;
  /** The khabar.js that partners load (your CDN's): /snippet's script tag; without it /snippet is 501. */
  scriptUrl?: string;
  /**
   * The publisher's locale(s) for a card asked without `locale` (KHABAR_DEFAULT_LOCALE): the first
   * in the article's language, else the first. Without it such a card is in the article's
   * language, in the reader's region when Accept-Language names that language.
   */
  defaultLocale?: string[] | string;
  /** GET /image: khabar/image's loadImage() options (workerd: { wasm: the khabar-image.wasm
   *  WebAssembly.Module, icuData: { base, image, ar, … }, fonts: { 'NotoSans-Regular.ttf': …} });
   *  on Node the package's own files are read. */
  image?: import('./image.js').ImageLoadOptions;
  /** The article's picture's size limit for /image, bytes (default maxBytes). */
  maxPictureBytes?: number;
}

export interface Service {
  fetch(request: Request, env?: object, ctx?: { waitUntil(promise: Promise<unknown>): void }): Promise<Response>;
  stats(): { requests: number; rendered: number; notModified: number; refused: number; cacheHits: number; articleFetches: number; articlesCached: number; articleBytes: number };
}

export function createService(options: ServiceOptions): Service;
/** A bounded Cache API object in this process's memory (the Node adapter's default): answers kept for their max-age. */
export function memoryCache(options?: { entries?: number; bytes?: number }): NonNullable<ServiceOptions['cache']> & { readonly entries: number };
/** The service from a worker's environment (KHABAR_* variables); `extra` adds load, cache, resolve, fetch. */
export function serviceFromEnv(env?: Record<string, string | undefined>, extra?: Partial<ServiceOptions>): Service;

export class ServiceError extends Error {
  status: number;
  code: string;
}
/** Why an address may not be fetched ('loopback', 'private', 'link-local', 'reserved'), or null. */
export function addressClass(address: string): 'loopback' | 'private' | 'link-local' | 'reserved' | null;
/** Checks a URL against the policy before anything connects; throws a ServiceError. */
export function checkUrl(href: string, policy: object): Promise<URL>;
