// The shared conformance corpus (tests/conformance/cases.jsonl), also run by the
// Rust core (tests/conformance.rs) and the Python binding: the same answers here.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { conformanceCases, loadAkson } from './helpers.mjs';

const akson = await loadAkson();
const CASES = conformanceCases();
const NORM = CASES.flatMap((c) => ['canonical', 'search'].filter((f) => f in c).map((f) => [c, f]));
const SYL = CASES.filter((c) => 'syllables' in c);

test('the corpus is big enough', () => {
  assert.ok(NORM.length > 50, `${NORM.length} normalisation cases`);
  assert.ok(SYL.length > 100, `${SYL.length} syllable cases`);
});

test('normalisation cases', () => {
  const failures = [];
  for (const [c, form] of NORM) {
    const got = akson.normalize(c.input, { form });
    const where = `line ${c._line} (${c.note}): ${form}(${JSON.stringify(c.input)})`;
    if (got !== c[form]) failures.push(`${where} = ${JSON.stringify(got)}, want ${JSON.stringify(c[form])}`);
    const other = form === 'canonical' ? akson.canonical(c.input) : akson.searchKey(c.input);
    if (other !== got) failures.push(`${where}: canonical/searchKey disagree with normalize`);
    if (!akson.isNormalized(got, { form })) failures.push(`${where}: the result is not normalized`);
    if (akson.isNormalized(c.input, { form }) !== (got === c.input)) {
      failures.push(`${where}: isNormalized(input) is wrong`);
    }
  }
  assert.deepEqual(failures, []);
});

test('syllable cases, with UTF-16 spans and indices', () => {
  const failures = [];
  for (const c of SYL) {
    const text = c.input;
    const got = akson.syllables(text);
    if (JSON.stringify(got) !== JSON.stringify(c.syllables)) {
      failures.push(`line ${c._line} (${c.note}): ${got.join('|')}, want ${c.syllables.join('|')}`);
      continue;
    }
    const spans = akson.syllableSpans(text);
    assert.deepEqual(spans.map(([a, b]) => text.slice(a, b)), c.syllables, `line ${c._line}`);
    assert.deepEqual(
      akson.syllableIndices(text),
      spans.map(([a], i) => [a, c.syllables[i]]),
      `line ${c._line}`
    );
  }
  assert.deepEqual(failures, []);
});
