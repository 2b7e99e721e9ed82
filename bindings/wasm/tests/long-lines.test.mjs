// `correct` decodes a line in stretches of at most 64 KiB, so the WebAssembly
// memory it needs does not grow with the line's length (a line decoded whole
// took some 300 bytes a character: a line of 14 million characters trapped the
// module; and past a few million, the line's total cost overflowed, which left
// the corrections of its start undone). node --test runs this file in a
// process of its own, so the memory measured is this test's.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { loadAkson, WASM_FILE } from './helpers.mjs';

const akson = await loadAkson();
// Initialising again gives the module's exports, its memory among them.
const { memory } = await akson.default({ module_or_path: readFileSync(WASM_FILE) });

test('a line of a million characters is corrected in bounded memory', () => {
  akson.correct('ຕັກໂນ ໂລຊີ'); // the corrector's tables, built once
  const before = memory.buffer.byteLength;
  const line = 'ກາ'.repeat(500_000) + ' ຕັກໂນ ໂລຊີ';
  const out = akson.correct(line);
  const grown = memory.buffer.byteLength - before;
  // (Compared whole, not shown whole: a failure shows the line's end.)
  assert.ok(out === 'ກາ'.repeat(500_000) + ' ເຕັກໂນໂລຊີ', `…${out.slice(-30)}`);
  // The line itself is copied in and out (3 MB each); decoding it whole grew
  // the memory by about 300 MiB.
  assert.ok(grown < 64 * 2 ** 20, `memory grew by ${(grown / 2 ** 20).toFixed(1)} MiB`);
});
