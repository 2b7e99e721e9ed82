// akson — Lao-script text technology for JavaScript (WebAssembly).
//
// The public API of the npm package. It wraps the wasm-bindgen module
// (akson_wasm.js, generated from bindings/wasm/src/lib.rs by `npm run build`):
// segmentation comes back from WebAssembly as UTF-16 boundaries and is sliced
// here, so every token is exactly a piece of the caller's string and offsets are
// what `String.prototype.slice` and `selectionStart` use.
//
// Types and documentation: akson.d.ts.

import * as raw from './akson_wasm.js';

/** The version of akson; set by `init()` / `initSync()`. */
export let VERSION;
/** The version of the embedded dictionary; set by `init()` / `initSync()`. */
export let DICTIONARY_VERSION;
/** The normalisation forms. */
export const FORMS = Object.freeze(['canonical', 'search']);

let ready = false;

function loaded() {
  VERSION = raw.version();
  DICTIONARY_VERSION = raw.dictionaryVersion();
  ready = true;
}

/**
 * Loads the WebAssembly module. In a browser `await init()` fetches
 * `akson_wasm_bg.wasm` next to this file; anywhere, `await init({module_or_path})`
 * takes a URL, a `Response`, the bytes or a compiled `WebAssembly.Module`.
 */
export default async function init(options) {
  let out;
  try {
    out = await raw.default(options);
  } catch (e) {
    // Node's fetch reads no file: and no relative URL: say what works there.
    if (typeof process !== 'undefined' && process.versions?.node && e instanceof TypeError && /fetch/i.test(e.message)) {
      throw new Error(
        `akson: init() could not fetch the WebAssembly module (${e.message}); in Node, pass its bytes: ` +
          '`await init({module_or_path: await fs.promises.readFile(wasmPath)})`',
        { cause: e }
      );
    }
    throw e;
  }
  loaded();
  return out;
}

/** Synchronous `init`: `initSync({module})` with the bytes or a `WebAssembly.Module`. */
export function initSync(options) {
  const out = raw.initSync(options);
  loaded();
  return out;
}

// ---------------------------------------------------------------------------
// Argument checks

function ensureReady(fn) {
  if (!ready) {
    throw new Error(
      `akson.${fn}(): the WebAssembly module is not loaded yet: call \`await init()\` first ` +
        '(in Node: `await init({module_or_path: await fs.promises.readFile(wasmPath)})`)'
    );
  }
}

function describe(v) {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return `an object (${v.constructor?.name ?? 'Object'})`;
  return `${typeof v} ${String(v).slice(0, 40)}`;
}

function checkText(fn, name, v) {
  ensureReady(fn);
  if (typeof v !== 'string') {
    throw new TypeError(`akson.${fn}(): ${name} must be a string, not ${describe(v)}`);
  }
}

function formOf(fn, options) {
  if (options === undefined || options === null) return 'canonical';
  if (typeof options === 'string') {
    throw new TypeError(
      `akson.${fn}(): pass the form as an option: ${fn}(text, {form: ${JSON.stringify(options)}})`
    );
  }
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`akson.${fn}(): options must be an object like {form: 'search'}, not ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (key !== 'form') {
      throw new TypeError(`akson.${fn}(): unknown option ${JSON.stringify(key)}; the only option is "form"`);
    }
  }
  const form = options.form ?? 'canonical';
  if (typeof form !== 'string') {
    throw new TypeError(`akson.${fn}(): form must be "canonical" or "search", not ${describe(form)}`);
  }
  return form;
}

function bytesOf(fn, v) {
  if (v instanceof Uint8Array) return v;
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  throw new TypeError(`akson.${fn}(): expected bytes (a Uint8Array, ArrayBuffer or Node Buffer), not ${describe(v)}`);
}

// ---------------------------------------------------------------------------
// Results from boundaries

function pieces(text, b) {
  const out = new Array(b.length - 1);
  for (let i = 1; i < b.length; i++) out[i - 1] = text.slice(b[i - 1], b[i]);
  return out;
}

function spans(b) {
  const out = new Array(b.length - 1);
  for (let i = 1; i < b.length; i++) out[i - 1] = [b[i - 1], b[i]];
  return out;
}

function indices(text, b) {
  const out = new Array(b.length - 1);
  for (let i = 1; i < b.length; i++) out[i - 1] = [b[i - 1], text.slice(b[i - 1], b[i])];
  return out;
}

// ---------------------------------------------------------------------------
// Normalisation

/** `text` in the canonical (default) or search form. */
export function normalize(text, options) {
  checkText('normalize', 'text', text);
  const form = formOf('normalize', options);
  return raw.normalizeChanged(text, form) ?? text;
}

/** `normalize(text, {form: 'canonical'})`. */
export function canonical(text) {
  checkText('canonical', 'text', text);
  return raw.normalizeChanged(text, 'canonical') ?? text;
}

/** `normalize(text, {form: 'search'})`. */
export function searchKey(text) {
  checkText('searchKey', 'text', text);
  return raw.normalizeChanged(text, 'search') ?? text;
}

/** Whether `normalize(text, options) === text`, without building the result. */
export function isNormalized(text, options) {
  checkText('isNormalized', 'text', text);
  return raw.isNormalized(text, formOf('isNormalized', options));
}

// ---------------------------------------------------------------------------
// Syllables

/** The syllables (and other units) of `text`; they join back to `text`. */
export function syllables(text) {
  checkText('syllables', 'text', text);
  return pieces(text, raw.syllableBoundaries(text));
}

/** `[start, end]` of each syllable, in UTF-16 code units. */
export function syllableSpans(text) {
  checkText('syllableSpans', 'text', text);
  return spans(raw.syllableBoundaries(text));
}

/** `[start, syllable]` pairs (UTF-16 offsets). */
export function syllableIndices(text) {
  checkText('syllableIndices', 'text', text);
  return indices(text, raw.syllableBoundaries(text));
}

// ---------------------------------------------------------------------------
// Words

function wordBoundaries(fn, text, dictionary) {
  checkText(fn, 'text', text);
  if (dictionary === undefined || dictionary === null) return raw.wordBoundaries(text);
  if (!(dictionary instanceof Dictionary)) {
    throw new TypeError(
      `akson.${fn}(): dictionary must be an akson Dictionary (or omitted for the embedded one), not ${describe(dictionary)}`
    );
  }
  return rawOf(dictionary, fn).wordBoundaries(text);
}

/** The words of `text`, with `dictionary` or the embedded default; they join back to `text`. */
export function words(text, dictionary) {
  return pieces(text, wordBoundaries('words', text, dictionary));
}

/** `[start, end]` of each word, in UTF-16 code units. */
export function wordSpans(text, dictionary) {
  return spans(wordBoundaries('wordSpans', text, dictionary));
}

/** `[start, word]` pairs (UTF-16 offsets). */
export function wordIndices(text, dictionary) {
  const b = wordBoundaries('wordIndices', text, dictionary);
  return indices(text, b);
}

/** Decodes the embedded dictionary and builds its lookup tables now (once). */
export function prepare() {
  ensureReady('prepare');
  raw.prepare();
}

/** Decodes UTF-8 bytes strictly: a `TypeError` names the offset of the first bad byte. */
export function fromUtf8(bytes) {
  ensureReady('fromUtf8');
  return raw.fromUtf8(bytesOf('fromUtf8', bytes));
}


// ---------------------------------------------------------------------------
// OCR correction

let defaultRaw = null;

/** Throws a TypeError for a key of `options` that is not one of `allowed`. */
function checkKeys(fn, options, allowed) {
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      const list = allowed.map((k) => JSON.stringify(k)).join(' and ');
      throw new TypeError(`akson.${fn}(): unknown option ${JSON.stringify(key)}; the options are ${list}`);
    }
  }
}

function correctArgs(fn, options) {
  if (options === undefined || options === null) return { threshold: 0.9, r: defaultDict() };
  if (typeof options === 'number') {
    throw new TypeError(`akson.${fn}(): pass the threshold as an option: ${fn}(text, {threshold: ${options}})`);
  }
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`akson.${fn}(): options must be an object like {threshold: 0.9, dictionary}, not ${describe(options)}`);
  }
  checkKeys(fn, options, ['threshold', 'dictionary']);
  let threshold = options.threshold ?? 0.9;
  if (typeof threshold !== 'number') {
    throw new TypeError(`akson.${fn}(): threshold must be a number between 0 and 1 (default 0.9), not ${describe(threshold)}`);
  }
  if (!(threshold >= 0 && threshold <= 1)) {
    throw new RangeError(`akson.${fn}(): threshold must be between 0 and 1 (default 0.9), not ${describe(threshold)}`);
  }
  let r;
  if (options.dictionary === undefined || options.dictionary === null) r = defaultDict();
  else if (options.dictionary instanceof Dictionary) r = rawOf(options.dictionary, fn);
  else throw new TypeError(`akson.${fn}(): dictionary must be an akson.Dictionary, not ${describe(options.dictionary)}`);
  return { threshold, r };
}

function defaultDict() {
  if (defaultRaw === null) defaultRaw = raw.RawDictionary.embedded();
  return defaultRaw;
}

/**
 * Corrects OCR errors (Tesseract's Lao model) in `text`: dropped pre-vowels and
 * tone marks, look-alike letters, spaces where lines wrapped. The result is in
 * canonical form; text that was right comes back unchanged.
 * Options: `threshold` (0–1, default 0.9), `dictionary`.
 */
export function correct(text, options) {
  checkText('correct', 'text', text);
  const { threshold, r } = correctArgs('correct', options);
  return r.correctRaw(text, threshold);
}

/**
 * The corrections `correct` makes: `{start, end, original, replacement, confidence,
 * candidates: [[reading, probability], …]}` with UTF-16 offsets into `text`.
 */
export function corrections(text, options) {
  checkText('corrections', 'text', text);
  const { threshold, r } = correctArgs('corrections', options);
  return JSON.parse(r.correctionsRaw(text, threshold));
}

/** Dictionary words that `word` (as OCR read it) could be: `[{word, probability, cost}]`. */
export function suggest(word, options) {
  checkText('suggest', 'word', word);
  if (typeof options === 'number') {
    throw new TypeError(`akson.suggest(): pass the limit as an option: suggest(word, {limit: ${options}})`);
  }
  if (options !== undefined && options !== null && (typeof options !== 'object' || Array.isArray(options))) {
    throw new TypeError(`akson.suggest(): options must be an object like {limit: 10, dictionary}, not ${describe(options)}`);
  }
  if (options) checkKeys('suggest', options, ['limit', 'dictionary']);
  const limit = options?.limit ?? 10;
  if (typeof limit !== 'number') {
    throw new TypeError(`akson.suggest(): limit must be a whole number >= 0 (default 10), not ${describe(limit)}`);
  }
  if (!Number.isInteger(limit) || limit < 0) {
    throw new RangeError(`akson.suggest(): limit must be a whole number >= 0 (default 10), not ${describe(limit)}`);
  }
  const { r } = correctArgs('suggest', options?.dictionary == null ? undefined : { dictionary: options.dictionary });
  // The core takes a u32; no dictionary has that many candidates for a word.
  return JSON.parse(r.suggestRaw(word, Math.min(limit, 0xffffffff)));
}

/** Builds the corrector's candidate index now (once), so the first `correct` is fast. */
export function prepareCorrector() {
  ensureReady('prepareCorrector');
  raw.prepareCorrector();
}

// ---------------------------------------------------------------------------
// Dictionary

let adopting = null;
// (dictionary, function name) => its RawDictionary; set in the class's static block.
let rawOf;

function adopt(r) {
  adopting = r;
  try {
    return new Dictionary();
  } finally {
    adopting = null;
  }
}

/** A Lao word dictionary; `new Dictionary()` is a copy of the embedded default. */
export class Dictionary {
  #raw;

  constructor(...args) {
    if (adopting !== null) {
      this.#raw = adopting;
      return;
    }
    if (args.length) {
      throw new TypeError(
        'new Dictionary() takes no arguments (it is a copy of the embedded default): use ' +
          'Dictionary.fromWordList(text), Dictionary.fromBytes(bytes) or Dictionary.empty()'
      );
    }
    ensureReady('Dictionary');
    this.#raw = raw.RawDictionary.embedded();
  }

  static {
    rawOf = (d, fn) => {
      if (d.#raw === null) {
        throw new Error(`akson.${fn}(): this Dictionary was freed (free() was called); make a new one`);
      }
      return d.#raw;
    };
  }

  /** A dictionary with no words. */
  static empty() {
    ensureReady('Dictionary.empty');
    return adopt(raw.RawDictionary.empty());
  }

  /** The embedded default: the same as `new Dictionary()`. */
  static embedded() {
    return new Dictionary();
  }

  /** Reads a word list: one word a line, optionally TAB and occurrences per million. */
  static fromWordList(text) {
    checkText('Dictionary.fromWordList', 'text', text);
    return adopt(raw.RawDictionary.fromWordList(text));
  }

  /** Reads a compiled (fst) dictionary or a UTF-8 word list. */
  static fromBytes(bytes) {
    ensureReady('Dictionary.fromBytes');
    return adopt(raw.RawDictionary.fromBytes(bytesOf('Dictionary.fromBytes', bytes)));
  }

  /** Reads a compiled (fst) dictionary. */
  static fromFstBytes(bytes) {
    ensureReady('Dictionary.fromFstBytes');
    return adopt(raw.RawDictionary.fromFstBytes(bytesOf('Dictionary.fromFstBytes', bytes)));
  }

  /** An independent copy (cheap: copied on the first change). */
  copy() {
    return adopt(rawOf(this, 'Dictionary.copy').copy());
  }

  /**
   * Adds `word`, often enough to be found whole: once per million words, or more
   * where the dictionary's other words would split it (`suggestedCount`).
   */
  add(word) {
    checkText('Dictionary.add', 'word', word);
    rawOf(this, 'Dictionary.add').add(word);
  }

  /**
   * How often `word` must occur, per million words, to be found whole with this
   * dictionary: 1, or more where its other words would split it.
   */
  suggestedCount(word) {
    checkText('Dictionary.suggestedCount', 'word', word);
    return rawOf(this, 'Dictionary.suggestedCount').suggestedCount(word);
  }

  /** Adds `word`, occurring `perMillion` times per million words (0 < perMillion <= 1e6). */
  addWithCount(word, perMillion) {
    checkText('Dictionary.addWithCount', 'word', word);
    if (typeof perMillion !== 'number') {
      throw new TypeError(
        `akson.Dictionary.addWithCount(): perMillion must be a number (occurrences per million words), not ${describe(perMillion)}`
      );
    }
    rawOf(this, 'Dictionary.addWithCount').addWithCount(word, perMillion);
  }

  /** Adds the words of a word list; returns how many entries were read. */
  extendFromWordList(text) {
    checkText('Dictionary.extendFromWordList', 'text', text);
    return rawOf(this, 'Dictionary.extendFromWordList').extendFromWordList(text);
  }

  /** Removes `word` (any spelling whose syllables have the same search form); returns whether it was there. */
  remove(word) {
    checkText('Dictionary.remove', 'word', word);
    return rawOf(this, 'Dictionary.remove').remove(word);
  }

  /** Whether `word` (in any spelling whose syllables have the same search form) is in the dictionary. */
  contains(word) {
    checkText('Dictionary.contains', 'word', word);
    return rawOf(this, 'Dictionary.contains').contains(word);
  }

  /** The cost of `word` in nats (−ln p), or `undefined` if it is not there. */
  cost(word) {
    checkText('Dictionary.cost', 'word', word);
    return rawOf(this, 'Dictionary.cost').cost(word);
  }

  /** Number of words. */
  get size() {
    return rawOf(this, 'Dictionary.size').len();
  }

  /** Whether there are no words. */
  isEmpty() {
    return rawOf(this, 'Dictionary.isEmpty').isEmpty();
  }

  /** Adds every word of `other` (keeping the lower cost where both have one). */
  merge(other) {
    if (!(other instanceof Dictionary)) {
      throw new TypeError(`akson.Dictionary.merge(): other must be a Dictionary, not ${describe(other)}`);
    }
    const mine = rawOf(this, 'Dictionary.merge');
    if (other === this) return;
    mine.merge(rawOf(other, 'Dictionary.merge'));
  }

  /** Every `[word, cost in nats]`, sorted by word. */
  entries() {
    const text = rawOf(this, 'Dictionary.entries').entriesText();
    const out = [];
    let at = 0;
    while (at < text.length) {
      const tab = text.indexOf('\t', at);
      const end = text.indexOf('\n', tab);
      out.push([text.slice(at, tab), Number(text.slice(tab + 1, end)) / 1000]);
      at = end + 1;
    }
    return out;
  }

  /** The words of `text` with this dictionary. */
  words(text) {
    return words(text, this);
  }

  /** `[start, end]` of each word with this dictionary (UTF-16 offsets). */
  wordSpans(text) {
    return wordSpans(text, this);
  }

  /** `[start, word]` pairs with this dictionary (UTF-16 offsets). */
  wordIndices(text) {
    return wordIndices(text, this);
  }

  /** Builds the lookup tables now rather than on the first segmentation. */
  prepare() {
    rawOf(this, 'Dictionary.prepare').prepare();
  }

  /** Frees the WebAssembly memory now (otherwise the garbage collector does). */
  free() {
    if (this.#raw !== null) {
      this.#raw.free();
      this.#raw = null;
    }
  }

  get [Symbol.toStringTag]() {
    return 'Dictionary';
  }

  toString() {
    if (this.#raw === null) return 'Dictionary(freed)';
    const what = this.#raw.isEmbedded() ? `, embedded default ${DICTIONARY_VERSION}` : '';
    return `Dictionary(${this.size} words${what})`;
  }
}

// `using d = Dictionary.fromWordList(...)` frees it at the end of the block.
if (typeof Symbol.dispose === 'symbol') {
  Object.defineProperty(Dictionary.prototype, Symbol.dispose, {
    value() {
      this.free();
    },
    writable: true,
    configurable: true,
  });
}
