// Time zones in the wasm core, whose offsets come from Node's Intl (no ICU zone data is
// shipped): the table the native tests check with ICU's own zones, case by case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { expectedZoneCase, renderZoneCases } from './zone-cases.mjs';

const table = JSON.parse(await readFile(new URL('../../golden/format/zones.json', import.meta.url), 'utf8'));
const results = await renderZoneCases(table.cases, 'khabar');

for (const [i, c] of table.cases.entries()) {
  test(`zone ${c.tz} ${c.input}${c.now ? ` now ${c.now}` : ''} (${c.locale})`, () => {
    assert.deepEqual(results[i], expectedZoneCase(c), c.source);
  });
}

// The formatter's dates table as cards: locales with -u-ca- and -u-nu- keywords too, whose
// mapping (keyTypeData) once failed as a whole when the zone data left.
const dates = JSON.parse(await readFile(new URL('../../golden/format/dates.json', import.meta.url), 'utf8'));
const dateResults = await renderZoneCases(dates.cases, 'khabar');
for (const [i, c] of dates.cases.entries()) {
  test(`date ${c.locale} ${c.input}${c.tz ? ` in ${c.tz}` : ''}`, () => {
    assert.deepEqual(dateResults[i], expectedZoneCase(c), c.source);
  });
}

test('the ICU data has no zone rules (the host gives the offsets)', async () => {
  const base = await readFile(new URL('../../../web/dist/khabar-icu-base.dat', import.meta.url));
  const names = base.toString('latin1');
  assert.ok(!names.includes('zoneinfo64'), 'zoneinfo64.res is in khabar-icu-base.dat');
  assert.ok(!names.includes('timezoneTypes'), 'timezoneTypes.res is in khabar-icu-base.dat');
  assert.ok(names.includes('supplementalData'), 'the check reads the item names of the data file');
});
