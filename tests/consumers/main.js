// A fresh project's use of the packed khabar package, the same through every bundler (the
// consumers test copies this file to each project's src/main.js before it builds): the element
// renders a card from a URL, and analyze() reads the same article.
import { analyze } from 'khabar';
import { define } from 'khabar/element';

define();
const src = '/examples/partner/articles/seed-ar.json';
const card = document.createElement('khabar-card');
card.setAttribute('src', src);
card.setAttribute('locale', 'ar-MA');
card.addEventListener('khabar-ready', () => (document.body.dataset.event = 'khabar-ready'));
card.addEventListener('khabar-error', (e) => (document.body.dataset.event = `khabar-error ${e.detail.code}`));
document.querySelector('#cards').append(card);

fetch(src)
  .then((response) => response.text())
  .then((article) => analyze(article, { locale: 'ar-MA' }))
  .then((result) => (document.querySelector('#reading-time').textContent = result.reading_time.display));
