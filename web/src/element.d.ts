import type { LoadOptions } from './index.js';
import type { KhabarCardErrorCode } from './errors.js';

export type { KhabarCardErrorCode } from './errors.js';

/** The host's `data-state` while a card is on the page. */
export type KhabarCardState = 'loading' | 'ready' | 'failed';

/** `<khabar-card>`'s attributes (all strings in HTML; numbers are accepted where JSX passes them). */
export interface KhabarCardAttributes {
  /** The article, in any input format; http(s) only. */
  src?: string;
  /** BCP 47, with -u-nu- and -u-ca-; default: the nearest `lang`. */
  locale?: string;
  theme?: 'light' | 'dark' | 'auto' | 'host';
  /** The title's heading level, 1 to 6 (default 2). */
  'heading-level'?: '1' | '2' | '3' | '4' | '5' | '6' | 1 | 2 | 3 | 4 | 5 | 6;
  /** The reference time for relative dates (ISO 8601; default: now). */
  now?: string;
  /** An IANA time zone (default: the browser's). */
  'time-zone'?: string;
  /** The article fetch's timeout in milliseconds (default 10000). */
  timeout?: string | number;
}

export type KhabarCardAttributeName = keyof KhabarCardAttributes;

/** `khabar-error`'s detail: the stable code and a message for people. */
export interface KhabarErrorDetail {
  code: KhabarCardErrorCode;
  message: string;
}

/** The element's events; both bubble. */
export interface KhabarCardEventMap extends HTMLElementEventMap {
  /** The card is shown (rendered, or a server-rendered card adopted). */
  'khabar-ready': CustomEvent<null>;
  /** The card could not be made; the fallback (or a quiet error line) shows instead. */
  'khabar-error': CustomEvent<KhabarErrorDetail>;
}

/** A listener for one of the element's own events. */
export type KhabarCardListener<K extends keyof KhabarCardEventMap> = (this: KhabarCard, event: KhabarCardEventMap[K]) => unknown;

/** <khabar-card src="…" locale="ar-MA" theme="light|dark|auto|host" heading-level="2">. */
export class KhabarCard extends HTMLElement {
  /** Passed to the package's load() when the first card needs the core. */
  static loadOptions: LoadOptions;
  static readonly observedAttributes: KhabarCardAttributeName[];
  readonly dataset: DOMStringMap & { state?: KhabarCardState };
  addEventListener<K extends keyof KhabarCardEventMap>(type: K, listener: KhabarCardListener<K>, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof KhabarCardEventMap>(type: K, listener: KhabarCardListener<K>, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/**
 * Registers <khabar-card> (once, and only where customElements exists: importing on a server is safe).
 * The cards render in one module worker (the package's worker.js); `worker: false` keeps them on
 * the main thread, sharing the instance of the page's own load()/renderHTML() calls.
 */
export function define(options?: { loadOptions?: LoadOptions; worker?: boolean }): typeof KhabarCard;

declare global {
  interface HTMLElementTagNameMap {
    'khabar-card': KhabarCard;
  }
}
