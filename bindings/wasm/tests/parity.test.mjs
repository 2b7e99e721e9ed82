// API parity: every public function of the Rust core has a JavaScript counterpart
// (the same check as bindings/python/tests/test_parity.py). The core's API is read
// from src/lib.rs (`pub use` items, `pub fn`, `pub const`), the `impl Dictionary`
// blocks of src/dict.rs and src/word.rs, and the `impl Corrector`, `ErrorModel`,
// `CorrectOptions` and `Document` blocks of src/correct.rs. A new core function
// fails this test until it is bound here, or listed below with the reason.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { REPO, loadAkson } from './helpers.mjs';

const akson = await loadAkson();

// Core name -> JavaScript names that provide it ("Dictionary.x" is a method or
// property of Dictionary instances, "Dictionary.static.x" a static method).
const RENAMED = {
  normalize: ['normalize'],
  canonical: ['canonical'],
  search_key: ['searchKey'],
  is_normalized: ['isNormalized'],
  syllable_indices: ['syllableIndices', 'syllableSpans'],
  word_indices: ['wordIndices', 'wordSpans'],
  utf16_spans: ['syllableSpans', 'wordSpans', 'Dictionary.wordSpans'],
  from_utf8: ['fromUtf8'],
  Form: ['FORMS'], // {form: "canonical" | "search"} options
  'Dictionary.new': ['Dictionary'],
  'Dictionary.empty': ['Dictionary.static.empty'],
  'Dictionary.embedded': ['Dictionary.static.embedded'],
  'Dictionary.from_word_list': ['Dictionary.static.fromWordList'],
  'Dictionary.from_bytes': ['Dictionary.static.fromBytes'],
  'Dictionary.from_fst_bytes': ['Dictionary.static.fromFstBytes'],
  'Dictionary.extend_from_word_list': ['Dictionary.extendFromWordList'],
  'Dictionary.add_with_count': ['Dictionary.addWithCount'],
  'Dictionary.len': ['Dictionary.size'],
  'Dictionary.is_empty': ['Dictionary.isEmpty'],
  'Dictionary.word_indices': ['Dictionary.wordIndices', 'Dictionary.wordSpans'],
  CorrectOptions: ['correct'], // correct(text, {threshold, dictionary})
  Corrector: ['correct', 'corrections', 'suggest'], // with {dictionary, threshold}
  Correction: ['corrections'], // plain objects
  Suggestion: ['suggest'], // plain objects
  // A corrector is the options of each call: correct(text, {threshold, dictionary}).
  'Corrector.new': ['correct'],
  'Corrector.with_dictionary': ['correct'],
  'Corrector.with_options': ['correct'],
  'Corrector.correct': ['correct'],
  'Corrector.corrections': ['corrections'],
  'Corrector.suggest': ['suggest'],
  'CorrectOptions.with_threshold': ['correct'],
  'CorrectOptions.set_threshold': ['correct'],
};

// Core names with no JavaScript counterpart, each with the reason.
const EXCLUDED = {
  char_spans: 'code-point offsets are for Python; JavaScript strings index by UTF-16 code unit (utf16_spans)',
  normalize_reference: '#[doc(hidden)] slow reference implementation for the core property tests, not API',
  Error: 'mapped to JS errors: InvalidArgument -> RangeError, InvalidUtf8 -> TypeError, InvalidDictionary -> Error',
  Syllables: 'iterator type; JavaScript functions return arrays',
  SyllableIndices: 'iterator type; JavaScript functions return arrays',
  Words: 'iterator type; JavaScript functions return arrays',
  WordIndices: 'iterator type; JavaScript functions return arrays',
  ErrorModel: 'the embedded error model only: custom models are a training-time tool (Rust crate, Python)',
  'ErrorModel.embedded': 'as ErrorModel',
  'ErrorModel.from_tsv': 'as ErrorModel',
  'Corrector.with_model': 'as ErrorModel',
  'Corrector.options': 'the options are passed with each call, {threshold, dictionary}: nothing to read back',
  'Corrector.dictionary': 'the options are passed with each call, {threshold, dictionary}: nothing to read back',
  'CorrectOptions.set_change_cost': 'the threshold only: the cost of a change is a tuning knob of the error model\'s scores, as custom models are (Rust crate, Python)',
  'Corrector.correct_in': "a Document carries what a document's earlier lines said while its lines come one call at a time (the command line streams so); correct and corrections take a whole document's text in one call, whose lines read each other",
  'Corrector.corrections_in': 'as Corrector.correct_in',
  'Document.new': 'as Corrector.correct_in',
  'Dictionary.load': 'reads a file path; a browser has none: use Dictionary.fromBytes(await (await fetch(url)).arrayBuffer()) or fs.readFileSync in Node',
};

const read = (rel) => readFileSync(join(REPO, rel), 'utf8');
const stripComments = (s) => s.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');

function rootItems() {
  const src = stripComments(read('src/lib.rs'));
  const names = new Set();
  for (const [, body] of src.matchAll(/\bpub\s+use\s+([^;]+);/g)) {
    const b = body.replace(/\s+/g, '');
    const m = /^(.*?)\{(.*)\}$/.exec(b);
    for (const part of (m ? m[2].split(',') : [b]).filter(Boolean)) {
      const name = part.split('::').at(-1).split(' as ').at(-1);
      if (name !== 'self' && name !== '*') names.add(name);
    }
  }
  for (const [, n] of src.matchAll(/\bpub\s+(?:fn|const)\s+(\w+)/g)) names.add(n);
  return names;
}

// `Type.method` for the public methods of the core's types.
function dictionaryMethods() {
  const names = new Set();
  const types = [
    ['src/dict.rs', 'Dictionary'],
    ['src/word.rs', 'Dictionary'],
    ['src/correct.rs', 'Corrector'],
    ['src/correct.rs', 'ErrorModel'],
    ['src/correct.rs', 'CorrectOptions'],
    ['src/correct.rs', 'Document'],
  ];
  for (const [rel, type] of types) {
    const src = stripComments(read(rel));
    for (const m of src.matchAll(new RegExp(`\\bimpl\\s+${type}\\s*\\{`, 'g'))) {
      let depth = 1;
      let i = m.index + m[0].length;
      const start = i;
      while (depth && i < src.length) {
        if (src[i] === '{') depth++;
        if (src[i] === '}') depth--;
        i++;
      }
      for (const [, n] of src.slice(start, i - 1).matchAll(/\bpub\s+fn\s+(\w+)/g)) names.add(`${type}.${n}`);
    }
  }
  return names;
}

function jsHas(name) {
  const parts = name.split('.');
  if (parts[0] === 'Dictionary' && parts.length > 1) {
    if (parts[1] === 'static') return typeof akson.Dictionary[parts[2]] === 'function';
    return parts[1] in akson.Dictionary.prototype;
  }
  return name in akson && akson[name] !== undefined;
}

const camel = (s) => s.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

test('the parser finds the core API', () => {
  const items = rootItems();
  const methods = dictionaryMethods();
  for (const k of ['normalize', 'syllables', 'words', 'utf16_spans', 'Dictionary', 'VERSION']) assert.ok(items.has(k), k);
  for (const k of ['Dictionary.add', 'Dictionary.words', 'Dictionary.entries', 'Corrector.correct_in', 'ErrorModel.from_tsv', 'CorrectOptions.set_threshold', 'Document.new']) {
    assert.ok(methods.has(k), k);
  }
});

test('every core function has a JavaScript counterpart', () => {
  const missing = [];
  for (const name of [...rootItems(), ...dictionaryMethods()].sort()) {
    if (name in EXCLUDED) continue;
    const targets = RENAMED[name] ?? [name.includes('.') ? name.replace(/\.(\w+)$/, (_, m) => '.' + camel(m)) : camel(name)];
    const absent = targets.filter((t) => !jsHas(t));
    if (absent.length) missing.push(`${name} -> ${absent.join(', ')}`);
  }
  assert.deepEqual(missing, [], 'bind these in bindings/wasm (src/lib.rs, js/akson.js, js/akson.d.ts) or list them in RENAMED/EXCLUDED with a reason');
});

test('the tables name only real core items', () => {
  const core = new Set([...rootItems(), ...dictionaryMethods()]);
  const stale = [...Object.keys(RENAMED), ...Object.keys(EXCLUDED)].filter((n) => !core.has(n));
  assert.deepEqual(stale, []);
});

test('the .d.ts declares every export of the module', () => {
  const dts = readFileSync(join(REPO, 'bindings/wasm/js/akson.d.ts'), 'utf8');
  for (const name of Object.keys(akson)) {
    const decl = name === 'default' ? /export default function init\(/ : new RegExp(`export (?:function|class|let|const) ${name}\\b`);
    assert.match(dts, decl, `${name} is exported by akson.js but not declared in akson.d.ts`);
  }
  for (const m of Object.getOwnPropertyNames(akson.Dictionary.prototype).filter((m) => m !== 'constructor')) {
    assert.match(dts, new RegExp(`\\n  (?:readonly )?${m}[(:]`), `Dictionary.${m} is not declared in akson.d.ts`);
  }
});
