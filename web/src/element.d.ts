import type { LoadOptions } from './index.js';

/** <khabar-card src="…" locale="ar-MA" theme="light|dark|auto|host" heading-level="2">. */
export class KhabarCard extends HTMLElement {
  static loadOptions: LoadOptions;
}

/** Registers <khabar-card> (once). */
export function define(options?: { loadOptions?: LoadOptions }): typeof KhabarCard;
