// package.json's `engines` claims only what is tested: this suite runs the package on the
// machine's Node (Debian 12's machine has Node 20), and Node 20 is the oldest it is run on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

const OLDEST_TESTED_MAJOR = 20;

test('engines.node names no Node older than the oldest the tests run on', async () => {
  const { engines } = JSON.parse(await readFile(new URL('../../../web/package.json', import.meta.url), 'utf8'));
  const bound = /^>=(\d+)(?:\.\d+){0,2}$/.exec(engines.node);
  assert.ok(bound, `engines.node is a lower bound: ${engines.node}`);
  const running = Number(process.versions.node.split('.')[0]);
  assert.ok(Number(bound[1]) >= OLDEST_TESTED_MAJOR, `engines.node ${engines.node} claims a Node older than ${OLDEST_TESTED_MAJOR}, which no test runs on`);
  assert.ok(running >= Number(bound[1]), `these tests run on Node ${process.versions.node}, below engines.node ${engines.node}`);
});
