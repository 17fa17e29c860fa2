// The package through a bundler: the element for display, analyze() for data. Both share
// one wasm instance (khabar/element imports the same module as 'khabar'): `worker: false`
// keeps the cards on the main thread, where this app's analyze() runs anyway; without it the
// cards render in a worker of their own, a second instance.
import { analyze } from 'khabar';
import { define } from 'khabar/element';
import article from '../../partner/articles/seed-ar.json';

define({ worker: false });

const card = document.createElement('khabar-card');
card.setAttribute('locale', 'ar-MA');
const data = document.createElement('script');
data.type = 'application/json'; // a data block: never executed
data.textContent = JSON.stringify(article);
card.append(data);
document.querySelector('#cards').append(card);

const { reading_time: readingTime } = await analyze(article, { locale: 'ar-MA' });
document.querySelector('#reading-time').textContent = readingTime.display;
