// Runs the native helper (khabar_render_cases) over a list of cases in one process.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { toJsonl } from './cases.mjs';

const root = new URL('../../..', import.meta.url).pathname;

export const helperPath = resolve(
  root,
  process.env.KHABAR_RENDER_CASES ?? 'build/native/tests/hostile/khabar_render_cases',
);

export function renderAll(list) {
  if (!existsSync(helperPath))
    throw new Error(`${helperPath} is missing: build the native tests first (make native), or set KHABAR_RENDER_CASES`);
  const out = execFileSync(helperPath, ['-'], { input: toJsonl(list), maxBuffer: 1 << 30 });
  const results = out.toString('utf8').trimEnd().split('\n').map((line) => JSON.parse(line));
  if (results.length !== list.length) throw new Error(`${results.length} results for ${list.length} cases`);
  return results;
}
