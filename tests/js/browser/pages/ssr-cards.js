// Server-rendered golden cards: each expected HTML of tests/golden/cards/expected/ named in
// ?cards=a,b inlined as a declarative shadow root with the card's stylesheet, as
// examples/ssr/render.mjs does, then the element adopts them. For the visual tests.
import { define } from '../../../../web/dist/element.js';

const names = (new URLSearchParams(location.search).get('cards') ?? '').split(',').filter(Boolean);
const htmls = await Promise.all(
  names.map(async (name) => (await fetch(`../../../golden/cards/expected/${name}.html`)).text()),
);
const main = document.querySelector('main');
names.forEach((name, i) => {
  const holder = document.createElement('div');
  holder.setHTMLUnsafe(
    `<khabar-card data-name="${name}" theme="auto"><template shadowrootmode="open">` +
      `<link rel="stylesheet" href="../../../../web/dist/khabar-card.css">${htmls[i]}</template></khabar-card>`,
  );
  main.append(holder.firstElementChild);
});
define();
document.body.dataset.ready = 'yes';
