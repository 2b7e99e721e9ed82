// Before init(): a clear Error, not a crash inside the glue code. (node --test runs
// each file in its own process, so here the module really is not loaded.)

import assert from 'node:assert/strict';
import { test } from 'node:test';

import * as akson from 'akson';

test('calls before init() say what to do', () => {
  assert.equal(akson.VERSION, undefined);
  for (const call of [() => akson.normalize('ກ'), () => akson.words('ກ'), () => new akson.Dictionary(), () => akson.prepare()]) {
    assert.throws(call, { name: 'Error', message: /not loaded yet: call `await init\(\)` first/ });
  }
});

test('initSync loads it, and the live VERSION binding updates', async () => {
  const { readFileSync } = await import('node:fs');
  const { WASM_FILE } = await import('./helpers.mjs');
  akson.initSync({ module: readFileSync(WASM_FILE) });
  assert.equal(typeof akson.VERSION, 'string');
  assert.equal(akson.canonical('ເເລະ'), 'ແລະ');
});
