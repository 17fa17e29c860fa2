// The cases of tests/golden/format/zones.json through the package: one card a case, what it
// shows or the error's code. Self-contained, so that Chromium runs the very same function
// (page.evaluate in tests/js/browser/parity.test.mjs) as Node does (zones.test.mjs).
export async function renderZoneCases(cases, moduleUrl) {
  const { analyze } = await import(moduleUrl);
  const out = [];
  for (const c of cases) {
    const article = { khabar: 1, title: 't', body: ['b.'], published: c.input };
    try {
      const card = await analyze(article, { locale: c.locale, timeZone: c.tz, now: c.now, strict: c.strict ?? true });
      const warnings = card.warnings.map((w) => w.code).filter((code) => code.startsWith('time.'));
      out.push({ display: card.published?.display, relative: card.published?.relative ?? '', warnings });
    } catch (e) {
      out.push({ error: e.code ?? String(e) });
    }
  }
  return out;
}

// What renderZoneCases must give for a case.
export function expectedZoneCase(c) {
  if (c.error) return { error: c.error };
  return { display: c.expected, relative: c.relative ?? '', warnings: c.warnings ?? [] };
}
