// WebAssembly memory: at most 4 GiB, and running out of it traps, leaving the
// module unusable. A changed Dictionary holds its own copy of the dictionary
// (about 5-8 MiB for the default) until the garbage collector frees it, which it
// may not do in time (it does not see WebAssembly memory): a change that finds no
// room for a copy throws an Error that says to free() dictionaries instead.
// (node --test runs this file in a process of its own; it grows to about 4 GiB.)

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadAkson } from './helpers.mjs';

const akson = await loadAkson();

test('making changed dictionaries without free() ends in an Error, not a trap', () => {
  const kept = [];
  let error;
  try {
    for (let i = 0; i < 2000; i++) {
      const d = new akson.Dictionary();
      d.add('ວົງວິຈິດ');
      kept.push(d);
    }
  } catch (e) {
    error = e;
  }
  assert.ok(error, `${kept.length} copies made with no error`);
  assert.equal(error.constructor, Error, `${error}`);
  assert.match(error.message, /out of WebAssembly memory.*free\(\)/s);
  assert.ok(kept.length > 100, `only ${kept.length} copies`);
  // The module still works, and once freed the memory serves new copies.
  for (const d of kept) d.free();
  assert.deepEqual(akson.words('ປະເທດລາວ'), ['ປະເທດ', 'ລາວ']);
  const d = new akson.Dictionary();
  d.add('ວົງວິຈິດ');
  assert.deepEqual(d.words('ທ່ານວົງວິຈິດ'), ['ທ່ານ', 'ວົງວິຈິດ']);
  assert.equal(akson.correct('ຕັກໂນ ໂລຊີ', { dictionary: d }), 'ເຕັກໂນໂລຊີ');
  d.free();
});
