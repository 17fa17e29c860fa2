// A page's first card in a script is the first text in the card's fonts for it (each family
// of the stack, each weight and size): on Linux each is a synchronous look-up in the browser
// process, 60-90 ms in the one frame that lays the cards out (measured in a trace). So the
// first card of each script looks them up ahead, one text style a task, while the core and the
// article load: a hidden, absolutely placed article in its shadow root, gone when the card (or
// its fallback) replaces it. The samples: the card's text styles (the read-more link brings its
// arrow, a glyph most text fonts lack) and, per script, letters, digits and the punctuation
// cards show.
const FONT_ROLES = ['khabar-source', 'khabar-title', 'khabar-summary', 'khabar-meta', 'khabar-figures', 'khabar-read-more'];
const FONT_SAMPLES = {
  naskh: 'أبجد ۱۲۳ ١٢٣ 123 Ab · “ ” ، ـ',
  nastaliq: 'ابجد ۱۲۳ 123 Ab · “ ” ،',
  hebrew: 'אבג 123 Ab · “ ”',
  latin: 'Abc é 123 · “ ” « »',
};
const fontsLookedUp = new Set();

/** Looks up the fonts of `lang`'s script ahead, once a page (into `shadow`, a card's root). */
export function lookUpFonts(shadow, lang) {
  const language = lang.toLowerCase().split(/[-_]/)[0];
  const script = language === 'ur' ? 'nastaliq' : language === 'ar' || language === 'fa' ? 'naskh' : language === 'he' ? 'hebrew' : 'latin';
  if (fontsLookedUp.has(script)) return;
  fontsLookedUp.add(script);
  const probe = document.createElement('article');
  probe.className = 'khabar-card khabar-fonts';
  probe.setAttribute('aria-hidden', 'true');
  probe.lang = language;
  probe.dir = script === 'latin' ? 'ltr' : 'rtl';
  shadow.append(probe);
  const step = (i) => {
    if (!probe.isConnected) return;
    if (i === FONT_ROLES.length) return probe.remove();
    const role = document.createElement(FONT_ROLES[i] === 'khabar-figures' ? 'ul' : 'p');
    role.className = FONT_ROLES[i];
    if (role.localName === 'ul') role.append(document.createElement('li'));
    (role.firstChild ?? role).textContent = FONT_SAMPLES[script];
    probe.append(role);
    probe.getBoundingClientRect(); // lays out this style alone, looking up its fonts
    setTimeout(step, 0, i + 1);
  };
  setTimeout(step, 0, 0);
}
