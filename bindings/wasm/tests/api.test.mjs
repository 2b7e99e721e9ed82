// The JavaScript API: behaviour, UTF-16 offsets, errors, Dictionary.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { REPO, laoSample, loadAkson } from './helpers.mjs';

const akson = await loadAkson();
const { Dictionary } = akson;

describe('module', () => {
  test('versions match the crates', () => {
    const cargo = readFileSync(join(REPO, 'Cargo.toml'), 'utf8');
    const version = /\[workspace\.package\]\nversion = "([^"]+)"/.exec(cargo)[1];
    assert.equal(akson.VERSION, version);
    const dict = readFileSync(join(REPO, 'src', 'dict.rs'), 'utf8');
    assert.equal(akson.DICTIONARY_VERSION, /DICTIONARY_VERSION: &str = "([^"]+)"/.exec(dict)[1]);
    assert.deepEqual([...akson.FORMS], ['canonical', 'search']);
    assert.ok(Object.isFrozen(akson.FORMS));
  });

  test('init again is harmless', async () => {
    await akson.default({ module_or_path: readFileSync(join(REPO, 'bindings/wasm/pkg/akson_wasm_bg.wasm')) });
    assert.equal(akson.canonical('ນໍ້າ'), 'ນ້ຳ');
  });
});

describe('normalize', () => {
  test('the README examples', () => {
    assert.equal(akson.normalize('ດໍາລັດ ຫນ້າທ່ີ'), 'ດຳລັດ ໜ້າທີ່');
    assert.equal(akson.normalize('ຫລາຍ ໒໐໑໘', { form: 'search' }), 'ຫຼາຍ 2018');
    assert.equal(akson.normalize('ເເລະ', { form: 'SEARCH' }), 'ແລະ');
    assert.equal(akson.normalize('ນໍ້າ', {}), 'ນ້ຳ');
    assert.equal(akson.normalize('ນໍ້າ', { form: undefined }), 'ນ້ຳ');
    assert.equal(akson.isNormalized('ນໍ້າ'), false);
    assert.equal(akson.isNormalized('ນ້ຳ'), true);
    assert.equal(akson.isNormalized('ຫລາຍ', { form: 'search' }), false);
  });

  test('text without Lao, and ill-formed UTF-16, come back unchanged', () => {
    for (const t of ['', 'hello 😀', 'a\uD800b', '\uDC00']) {
      assert.equal(akson.normalize(t), t);
      assert.equal(akson.searchKey(t), t);
      assert.equal(akson.isNormalized(t), true);
    }
  });

  test('astral characters around a repair', () => {
    assert.equal(akson.canonical('😀ນໍ້າ𝐀'), '😀ນ້ຳ𝐀');
  });

  test('bad arguments throw TypeError / RangeError that say how to fix the call', () => {
    assert.throws(() => akson.normalize(42), { name: 'TypeError', message: /text must be a string, not number/ });
    assert.throws(() => akson.normalize(null), TypeError);
    assert.throws(() => akson.words(undefined), { name: 'TypeError', message: /text must be a string, not undefined$/ });
    assert.throws(() => akson.normalize('ກ', ['search']), {
      name: 'TypeError',
      message: /options must be an object like \{form: 'search'\}, not an array/,
    });
    assert.throws(() => akson.normalize('ກ', 'search'), {
      name: 'TypeError',
      message: /normalize\(text, \{form: "search"\}\)/,
    });
    assert.throws(() => akson.normalize('ກ', { from: 'search' }), { name: 'TypeError', message: /unknown option "from"/ });
    assert.throws(() => akson.normalize('ກ', { form: 1 }), TypeError);
    assert.throws(() => akson.normalize('ກ', { form: 'nfc' }), {
      name: 'RangeError',
      message: /"nfc".*"canonical" or "search"/,
    });
    assert.throws(() => akson.isNormalized('ກ', { form: 'nfkc' }), RangeError);
    assert.throws(() => akson.canonical(undefined), TypeError);
  });
});

describe('segmentation', () => {
  test('syllables and words', () => {
    assert.deepEqual(akson.syllables('ວັດທະນະຖາວອນ'), ['ວັດ', 'ທະ', 'ນະ', 'ຖາ', 'ວອນ']);
    assert.deepEqual(akson.words('ກະຊວງໄປສະນີໂທລະຄົມມະນາຄົມ'), ['ກະຊວງ', 'ໄປສະນີ', 'ໂທລະຄົມມະນາຄົມ']);
    assert.deepEqual(akson.wordIndices('ກະຊວງໄປສະນີ'), [[0, 'ກະຊວງ'], [5, 'ໄປສະນີ']]);
    assert.deepEqual(akson.wordSpans('ກະຊວງໄປສະນີ'), [[0, 5], [5, 11]]);
    assert.deepEqual(akson.syllables(''), []);
    assert.deepEqual(akson.words(''), []);
    assert.deepEqual(akson.wordSpans(''), []);
  });

  test('spelling variants get the same word boundaries', () => {
    const typed = 'ຫນ້າທ່ີຂອງເເຂວງ';
    const spans = akson.wordSpans(typed).map(([a, b]) => akson.canonical(typed.slice(a, b)));
    assert.deepEqual(spans, akson.words(akson.canonical(typed)));
  });

  test('offsets are UTF-16 code units, with astral characters and emoji', () => {
    const text = 'ລາວ😀ສະບາຍດີ 𝐀𝐁 👩🏽‍💻ກ\u{1F1F1}\u{1F1E6}';
    for (const fn of [akson.syllableSpans, akson.wordSpans]) {
      const spans = fn(text);
      assert.equal(spans[0][0], 0);
      assert.equal(spans.at(-1)[1], text.length);
      for (let i = 1; i < spans.length; i++) assert.equal(spans[i][0], spans[i - 1][1]);
      // No span starts or ends inside a surrogate pair.
      for (const [a] of spans) assert.ok(!/^[\uDC00-\uDFFF]/.test(text.slice(a)), `span at ${a}`);
      assert.equal(spans.map(([a, b]) => text.slice(a, b)).join(''), text);
    }
    const s = akson.syllableIndices(text);
    const emoji = s.find(([, u]) => u === '😀');
    assert.deepEqual(emoji, [3, '😀']);
    assert.deepEqual(s.find(([, u]) => u.startsWith('ສະ')), [5, 'ສະ']);
  });

  test('ill-formed UTF-16 (lone surrogates) survives segmentation exactly', () => {
    const text = 'ລາວ\uD800ສະບາຍ\uDC00';
    assert.equal(akson.syllables(text).join(''), text);
    assert.equal(akson.words(text).join(''), text);
    assert.ok(akson.syllables(text).includes('\uD800'));
  });

  test('a long text joins back and every function agrees', () => {
    const text = laoSample(5000);
    const w = akson.words(text);
    assert.equal(w.join(''), text);
    assert.deepEqual(akson.wordSpans(text).map(([a, b]) => text.slice(a, b)), w);
    assert.ok(w.length > 300, `${w.length} words`);
    assert.equal(akson.syllables(text).join(''), text);
  });

  test('bad arguments', () => {
    assert.throws(() => akson.syllables(['ກ']), { name: 'TypeError', message: /syllables\(\): text must be a string, not an array/ });
    assert.throws(() => akson.words('ກ', 'dict'), { name: 'TypeError', message: /dictionary must be an akson Dictionary/ });
    assert.throws(() => akson.words('ກ', {}), TypeError);
    assert.deepEqual(akson.words('ລາວ', null), ['ລາວ']);
  });
});

describe('fromUtf8', () => {
  test('decodes UTF-8 and reports the first bad byte', () => {
    assert.equal(akson.fromUtf8(new TextEncoder().encode('ລາວ 😀')), 'ລາວ 😀');
    assert.equal(akson.fromUtf8(Buffer.from('ລາວ')), 'ລາວ');
    assert.equal(akson.fromUtf8(new TextEncoder().encode('ກ').buffer), 'ກ');
    assert.throws(() => akson.fromUtf8(new Uint8Array([0x6f, 0x6b, 0x20, 0xff])), {
      name: 'TypeError',
      message: /byte offset 3.*iconv/,
    });
    assert.throws(() => akson.fromUtf8('ລາວ'), { name: 'TypeError', message: /expected bytes/ });
  });
});

describe('Dictionary', () => {
  test('the embedded default', () => {
    const d = new Dictionary();
    assert.ok(d.size > 40000, `${d.size} words`);
    assert.equal(d.isEmpty(), false);
    assert.ok(d.contains('ດຳລັດ') && d.contains('ດໍາລັດ'));
    assert.equal(typeof d.cost('ລາວ'), 'number');
    assert.ok(d.cost('ລາວ') > 0);
    assert.equal(d.cost('ວົງວິຈິດ'), undefined);
    assert.match(String(d), /^Dictionary\(\d+ words, embedded default lo-/);
    assert.equal(Object.prototype.toString.call(d), '[object Dictionary]');
    assert.equal(Dictionary.embedded().size, d.size);
  });

  test('add, addWithCount, remove: copy on write, nothing else sees the change', () => {
    const d = new Dictionary();
    const size = d.size;
    assert.ok(!d.words('ທ່ານວົງວິຈິດ').includes('ວົງວິຈິດ'));
    d.add('ວົງວິຈິດ');
    assert.deepEqual(d.words('ທ່ານວົງວິຈິດ'), ['ທ່ານ', 'ວົງວິຈິດ']);
    assert.deepEqual(akson.words('ທ່ານວົງວິຈິດ', d), ['ທ່ານ', 'ວົງວິຈິດ']);
    assert.deepEqual(d.wordIndices('ທ່ານວົງວິຈິດ'), [[0, 'ທ່ານ'], [4, 'ວົງວິຈິດ']]);
    assert.deepEqual(d.wordSpans('ທ່ານວົງວິຈິດ'), [[0, 4], [4, 4 + 'ວົງວິຈິດ'.length]]);
    assert.equal(d.size, size + 1);
    assert.equal(new Dictionary().contains('ວົງວິຈິດ'), false);
    assert.notDeepEqual(akson.words('ທ່ານວົງວິຈິດ'), ['ທ່ານ', 'ວົງວິຈິດ']);
    d.addWithCount('ແສງສຸລິວົງ', 50);
    assert.ok(d.cost('ແສງສຸລິວົງ') < d.cost('ວົງວິຈິດ'));
    assert.equal(d.remove('ວົງວິຈິດ'), true);
    assert.equal(d.remove('ວົງວິຈິດ'), false);
    assert.equal(d.contains('ວົງວິຈິດ'), false);
    const copy = d.copy();
    copy.remove('ແສງສຸລິວົງ');
    assert.equal(d.contains('ແສງສຸລິວົງ'), true);
    assert.equal(copy.contains('ແສງສຸລິວົງ'), false);
  });

  test('add without a count: the word is found whole (suggestedCount)', () => {
    const text = 'ໃຫ້ການສະໜັບສະໜູນ';
    const d = new Dictionary();
    assert.deepEqual(d.words(text), ['ໃຫ້', 'ການ', 'ສະໜັບສະໜູນ']);
    const split = d.cost('ໃຫ້') + d.cost('ການ');
    const count = d.suggestedCount('ໃຫ້ການ');
    assert.ok(Math.abs(-Math.log(count * 1e-6) - (split - 1)) < 2e-3, `${count}`);
    d.add('ໃຫ້ການ');
    assert.deepEqual(d.words(text), ['ໃຫ້ການ', 'ສະໜັບສະໜູນ']);
    assert.ok(Math.abs(d.cost('ໃຫ້ການ') - (split - 1)) < 2e-3);
    assert.deepEqual(new Dictionary().words(text), ['ໃຫ້', 'ການ', 'ສະໜັບສະໜູນ']);
    assert.equal(new Dictionary().suggestedCount('ວົງວິຈິດ'), 1);
    assert.equal(Dictionary.empty().suggestedCount('ໃຫ້ການ'), 1);
    // The default is shared until a word changes it.
    const same = new Dictionary();
    same.add('ການ');
    assert.match(String(same), /embedded default/);
    same.add('ໃຫ້ການ');
    assert.doesNotMatch(String(same), /embedded default/);
    assert.throws(() => d.suggestedCount('abc'), RangeError);
    assert.throws(() => d.suggestedCount(5), TypeError);
  });

  test('invalid words and counts are RangeErrors that say what is allowed', () => {
    const d = Dictionary.empty();
    assert.throws(() => d.add('abc'), { name: 'RangeError', message: /Lao letters and marks only/ });
    assert.throws(() => d.add(''), { name: 'RangeError', message: /empty word/ });
    assert.throws(() => d.add('ລາວ ລາວ'), RangeError);
    assert.throws(() => d.addWithCount('ລາວ', 0), { name: 'RangeError', message: /more than 0 and at most 1000000/ });
    assert.throws(() => d.addWithCount('ລາວ', Number.NaN), RangeError);
    assert.throws(() => d.addWithCount('ລາວ', 2e6), RangeError);
    assert.throws(() => d.addWithCount('ລາວ', '5'), { name: 'TypeError', message: /perMillion must be a number/ });
    assert.throws(() => d.add(5), TypeError);
    assert.throws(() => d.contains(null), TypeError);
    assert.throws(() => new Dictionary('words.txt'), { name: 'TypeError', message: /Dictionary\.fromWordList/ });
    assert.equal(d.size, 0);
    assert.equal(d.isEmpty(), true);
  });

  test('word lists', () => {
    const d = Dictionary.fromWordList('# names\nສີສະຫວາດ\nອີເມວ\t25\n\n');
    assert.equal(d.size, 2);
    assert.deepEqual(d.entries().map(([w]) => w), ['ສີສະຫວາດ', 'ອີເມວ']);
    assert.ok(d.entries().every(([, c]) => typeof c === 'number' && c > 0));
    assert.ok(Math.abs(d.entries()[1][1] - d.cost('ອີເມວ')) < 1e-9);
    assert.equal(d.extendFromWordList('ກາ\nຂາ\t10\n'), 2);
    assert.equal(d.size, 4);
    assert.throws(() => Dictionary.fromWordList('ກາ\nabc\n'), { name: 'Error', message: /line 2/ });
    assert.throws(() => d.extendFromWordList('ກາ\tlots\n'), { message: /line 1/ });
    assert.equal(d.size, 4, 'nothing added on an error');
  });

  test('fromBytes / fromFstBytes: the compiled dictionary and word lists', () => {
    const fst = readFileSync(join(REPO, 'dictionaries', 'akson-lo.fst'));
    const a = Dictionary.fromFstBytes(fst);
    const b = Dictionary.fromBytes(new Uint8Array(fst));
    assert.equal(a.size, new Dictionary().size);
    assert.equal(b.size, a.size);
    const text = 'ສາທາລະນະລັດປະຊາທິປະໄຕປະຊາຊົນລາວ';
    assert.deepEqual(a.words(text), akson.words(text));
    const list = Dictionary.fromBytes(new TextEncoder().encode('ສີສະຫວາດ\n').buffer);
    assert.equal(list.size, 1);
    assert.throws(() => Dictionary.fromFstBytes(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9])), {
      name: 'Error',
      message: /invalid dictionary/,
    });
    assert.throws(() => Dictionary.fromBytes(new Uint8Array([0x6f, 0xff])), /UTF-8/);
    assert.throws(() => Dictionary.fromBytes('ກາ'), TypeError);
    // A footer whose root address does not fit in 32 bits: the fst crate would
    // panic (a RuntimeError from the module), so the core refuses it first.
    const forged = new Uint8Array(40);
    forged[0] = 3;
    new DataView(forged.buffer).setBigUint64(28, 1n << 40n, true);
    assert.throws(() => Dictionary.fromBytes(forged), { name: 'Error', message: /damaged/ });
    // A truncated file: the same cause as in the core on 64-bit platforms.
    assert.throws(() => Dictionary.fromBytes(fst.subarray(0, 1000)), {
      name: 'Error',
      message: /truncated/,
    });
  });

  test('merge, including with itself', () => {
    const d = Dictionary.fromWordList('ກາ\n');
    d.merge(Dictionary.fromWordList('ຂາ\nຄາ\n'));
    assert.equal(d.size, 3);
    d.merge(d);
    assert.equal(d.size, 3);
    const e = new Dictionary();
    e.merge(new Dictionary());
    assert.equal(e.size, new Dictionary().size);
    e.merge(d);
    assert.ok(e.contains('ຄາ'));
    assert.throws(() => d.merge('ກາ'), TypeError);
  });

  test('free: later use throws an Error, never a trap', () => {
    const d = Dictionary.fromWordList('ກາ\n');
    d.free();
    d.free();
    assert.throws(() => d.contains('ກາ'), { name: 'Error', message: /freed/ });
    assert.throws(() => d.words('ກາ'), /freed/);
    assert.throws(() => akson.words('ກາ', d), /freed/);
    assert.throws(() => new Dictionary().merge(d), /freed/);
    assert.equal(String(d), 'Dictionary(freed)');
  });

  test('prepare builds the tables once', () => {
    akson.prepare();
    const d = Dictionary.fromWordList('ກາ\n');
    d.prepare();
    assert.deepEqual(d.words('ກາກາ'), ['ກາ', 'ກາ']);
  });
});

describe('arbitrary input', () => {
  // A small xorshift generator: the same strings every run.
  let seed = 0x2545f491;
  const rand = (n) => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % n;
  };
  // Lao letters and marks (also unassigned ones), Thai, spaces, invisible
  // characters, digits, ASCII, emoji and lone surrogates.
  const pool = [
    () => String.fromCharCode(0x0e80 + rand(0x80)),
    () => String.fromCharCode(0x0e00 + rand(0x80)),
    () => ' \t\n\u00a0\u200b\u200c\u200d\ufeff'[rand(8)],
    () => String.fromCharCode(0x21 + rand(0x5e)),
    () => ['😀', '👩🏽‍💻', '𝐀', '\u{1F1F1}\u{1F1E6}'][rand(4)],
    () => String.fromCharCode(0xd800 + rand(0x800)),
  ];
  const strings = Array.from({ length: 1500 }, () =>
    Array.from({ length: rand(40) }, () => pool[rand(pool.length)]()).join('')
  );

  test('never traps; segments join back; forms are idempotent', () => {
    const d = Dictionary.fromWordList('ກາ\nຂາ\n');
    for (const s of strings) {
      const where = JSON.stringify(s);
      assert.equal(akson.syllables(s).join(''), s, where);
      assert.equal(akson.words(s).join(''), s, where);
      assert.equal(d.words(s).join(''), s, where);
      for (const form of akson.FORMS) {
        const n = akson.normalize(s, { form });
        assert.equal(akson.normalize(n, { form }), n, `${form} of ${where}`);
        assert.ok(akson.isNormalized(n, { form }), `${form} of ${where}`);
      }
      assert.equal(akson.searchKey(akson.canonical(s)), akson.searchKey(s), where);
      try {
        d.add(s);
      } catch (e) {
        assert.ok(e instanceof RangeError || e.name === 'Error', `${where}: ${e}`);
      }
    }
  });
});
