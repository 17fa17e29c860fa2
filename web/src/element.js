// The ES module entry of <khabar-card> (`import { define } from 'khabar/element'`).
import { KhabarCard, define as defineWith } from './card-element.js';

export { KhabarCard };

/** Registers <khabar-card>, loading the core from beside this module when a card needs it. */
export function define({ loadOptions } = {}) {
  return defineWith({ importCore: () => import('./index.js'), loadOptions });
}
