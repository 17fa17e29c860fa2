// A server component: the card rendered in Node by renderHTML() at request time, sent as
// declarative shadow DOM, which <khabar-card> adopts in the browser without the core.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderHTML } from 'khabar';
import ClientCards from './client-cards.js';

export const dynamic = 'force-dynamic';

const options = { locale: 'ar-MA', now: '2025-11-29T10:00:00+01:00', timeZone: 'Africa/Casablanca' };

export default async function Page() {
  const seed = await readFile(join(process.cwd(), '../../../examples/seed-article-ar.txt'), 'utf8');
  const html = await renderHTML(seed, options);
  return (
    <main>
      <khabar-card id="ssr" dangerouslySetInnerHTML={{ __html: `<template shadowrootmode="open">${html}</template>` }} />
      <ClientCards />
    </main>
  );
}
