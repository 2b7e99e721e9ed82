// OCR correction from JavaScript: results, UTF-16 spans, options, errors, and the
// same answers as the `akson correct` CLI.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { REPO, loadAkson } from './helpers.mjs';

const akson = await loadAkson();

test('correct fixes a dropped pre-vowel and a line-wrap space', () => {
  assert.equal(akson.correct('ຕັກໂນໂລຊີ'), 'ເຕັກໂນໂລຊີ');
  assert.equal(akson.correct('ເຕັກໂນ ໂລຊີ ແລະ ການສື່ສານ'), 'ເຕັກໂນໂລຊີ ແລະ ການສື່ສານ');
});

test('correcting with a changed dictionary does not copy it on every call', () => {
  // Each call used to copy the whole dictionary (about 26 ms a call, however
  // short the text); the corrector over it is now shared.
  const d = new akson.Dictionary();
  d.add('ວົງວິຈິດ');
  const line = 'ທ່ານວົງວິຈິດ ຕັກໂນ ໂລຊີ';
  assert.equal(akson.correct(line, { dictionary: d }), 'ທ່ານວົງວິຈິດ ເຕັກໂນໂລຊີ'); // builds the index
  const t = performance.now();
  for (let i = 0; i < 100; i++) {
    akson.correct(line, { dictionary: d });
    akson.corrections(line, { dictionary: d });
  }
  const ms = performance.now() - t;
  assert.ok(ms < 1500, `200 calls took ${ms.toFixed(0)} ms`);
  d.free();
});

test('correct text is left alone', () => {
  for (const s of ['ກະຊວງເຕັກໂນໂລຊີ ແລະ ການສື່ສານ', 'Article 12, 2019.', '', 'ຂະແໜງ ການ']) {
    assert.equal(akson.correct(s), s);
    assert.deepEqual(akson.corrections(s), []);
  }
});

test('corrections have UTF-16 spans and candidates', () => {
  const text = '🙂 ຂໍ້ມູນ ຕັກໂນໂລຊີ';
  const list = akson.corrections(text);
  assert.equal(list.length, 1);
  const [c] = list;
  assert.equal(text.slice(c.start, c.end), c.original);
  assert.equal(c.original, 'ຕັກໂນໂລຊີ');
  assert.equal(c.replacement, 'ເຕັກໂນໂລຊີ');
  assert.ok(c.confidence >= 0.9 && c.confidence <= 1);
  assert.equal(c.candidates[0][0], c.replacement);
  assert.ok(Math.abs(c.candidates.reduce((a, x) => a + x[1], 0) - 1) < 1e-9);
});

test('specks read as punctuation at line edges are removed, with UTF-16 spans', () => {
  const text = '🙂\n. ການສື່ສານ :';
  assert.equal(akson.correct(text), '🙂\nການສື່ສານ');
  const list = akson.corrections(text);
  assert.deepEqual(list.map((c) => [text.slice(c.start, c.end), c.replacement]), [['. ', ''], [' :', '']]);
  for (const c of list) assert.ok(c.confidence >= 0.9 && c.confidence < 1);
  // A bullet stays, unless an earlier line of the same text shows the list's
  // bullets read as " (then the - is one of them too).
  assert.equal(akson.correct('- ການສື່ສານ'), '- ການສື່ສານ');
  assert.equal(akson.correct('" ການສື່ສານ\n- ການສື່ສານ'), '• ການສື່ສານ\n• ການສື່ສານ');
  // Full stops between words and no comma: a faded copy, whose full stops
  // between two words are commas (the first line's is evidence only).
  const faded = 'ແຂວງ. ເມືອງ ແລະ ບ້ານ\nລະບຽບ. ກົດໝາຍ ແລະ ດຳລັດ';
  assert.equal(akson.correct(faded), 'ແຂວງ. ເມືອງ ແລະ ບ້ານ\nລະບຽບ, ກົດໝາຍ ແລະ ດຳລັດ');
  const list2 = akson.corrections(faded);
  assert.deepEqual(list2.map((c) => [faded.slice(c.start, c.end), c.replacement]), [['.', ',']]);
});

test('options and errors', () => {
  const noisy = 'ຕັກໂນໂລຊີ ແລະ ການສືສານ ທີມີ';
  assert.ok(akson.corrections(noisy, { threshold: 0 }).length > akson.corrections(noisy, { threshold: 1 }).length);
  assert.throws(() => akson.correct('ກ', { threshold: 2 }), RangeError);
  assert.throws(() => akson.correct(42), TypeError);
  assert.throws(() => akson.correct('ກ', 'fast'), TypeError);
  assert.throws(() => akson.correct('ກ', { dictionary: {} }), TypeError);
  // Wrong types are TypeErrors (values out of range RangeErrors), unknown keys too.
  assert.throws(() => akson.correct('ກ', { threshold: '0.5' }), TypeError);
  assert.throws(() => akson.correct('ກ', 0.5), { name: 'TypeError', message: /correct\(text, \{threshold: 0.5\}\)/ });
  assert.throws(() => akson.corrections('ກ', { treshold: 0.5 }), { name: 'TypeError', message: /unknown option "treshold"/ });
  const d = new akson.Dictionary();
  d.add('ຕັກໂນໂລຊີ');
  assert.equal(akson.correct('ຕັກໂນໂລຊີ', { dictionary: d }), 'ຕັກໂນໂລຊີ');
  d.remove('ຕັກໂນໂລຊີ');
  assert.equal(akson.correct('ຕັກໂນໂລຊີ', { dictionary: d }), 'ເຕັກໂນໂລຊີ');
});

test('suggest ranks dictionary words', () => {
  const s = akson.suggest('ຕັກໂນໂລຊີ');
  assert.equal(s[0].word, 'ເຕັກໂນໂລຊີ');
  assert.ok(Math.abs(s.reduce((a, x) => a + x.probability, 0) - 1) < 1e-9);
  assert.deepEqual(akson.suggest('hello'), []);
  assert.ok(akson.suggest('ເພືອ', { limit: 2 }).length <= 2);
  assert.throws(() => akson.suggest('ກ', { limit: -1 }), RangeError);
  assert.throws(() => akson.suggest('ກ', { limit: '5' }), TypeError);
  assert.throws(() => akson.suggest('ກ', 1), { name: 'TypeError', message: /suggest\(word, \{limit: 1\}\)/ });
  assert.throws(() => akson.suggest('ກ', { limt: 1 }), { name: 'TypeError', message: /unknown option "limt"/ });
  assert.throws(() => akson.suggest('ກ', 'x'), TypeError);
  // A limit past the core's u32 is no limit, not a wrapped one.
  const all = akson.suggest('ເພືອ', { limit: 1000 }).length;
  assert.ok(all > 3);
  assert.equal(akson.suggest('ເພືອ', { limit: 2 ** 32 }).length, all);
  assert.equal(akson.suggest('ເພືອ', { limit: 2 ** 32 + 3 }).length, all);
});

test('same answers as the CLI', { skip: !existsSync(join(REPO, 'target/release/akson')) && 'target/release/akson not built' }, () => {
  const lines = ['ຕັກໂນ ໂລຊີ ແລະ ການສື່ສານ', 'ສິ່ງໃຫ້ບັນດາຂະແໜງການ ແລະ ທ້ອງຖິນ', 'abc', 'ເພືອກວດກາຄືນ'];
  const out = execFileSync(join(REPO, 'target/release/akson'), ['correct'], { input: lines.join('\n') + '\n', encoding: 'utf8' });
  assert.deepEqual(out.split('\n').slice(0, -1), lines.map((l) => akson.correct(l)));
});
