// khabar/embed is khabar.js, a classic script for partners' pages (<script async src>): it
// exports nothing, defines <khabar-card> and upgrades every blockquote.khabar-card, also ones
// added later. Importing it only brings the element's types (HTMLElementTagNameMap).
import type {} from './element.js';

export {};
