/**
 * akson — Lao-script text technology for JavaScript (WebAssembly): normalisation,
 * syllable and word segmentation with an embedded 50k-word dictionary.
 *
 * Load the module once, then every function is synchronous:
 *
 * ```js
 * import init, { normalize, syllables, words, Dictionary } from 'akson';
 * await init();                       // browser: fetches akson_wasm_bg.wasm beside akson.js
 * // Node: await init({ module_or_path: await readFile(new URL('./node_modules/akson/pkg/akson_wasm_bg.wasm', import.meta.url)) });
 * normalize('ດໍາລັດ ຫນ້າທ່ີ');          // 'ດຳລັດ ໜ້າທີ່'
 * words('ກະຊວງໄປສະນີ');               // ['ກະຊວງ', 'ໄປສະນີ']
 * ```
 *
 * Offsets are UTF-16 code units, the unit of `String.prototype.slice`,
 * `string.length` and `textarea.selectionStart`. Segments always join back to the
 * input exactly. Wrong argument types throw `TypeError`, values out of range
 * (an unknown form, a bad count) `RangeError`, malformed dictionaries `Error`;
 * every message says how to fix the call.
 *
 * @packageDocumentation
 */

/** What `init` accepts: a URL or path to fetch, a `Response`, the bytes, or a compiled module. */
export type InitInput =
  | RequestInfo
  | URL
  | Response
  | BufferSource
  | WebAssembly.Module;

/** Options of {@link init}. */
export interface InitOptions {
  /** Where the `.wasm` comes from (default: `akson_wasm_bg.wasm` next to `akson.js`, fetched). */
  module_or_path?: InitInput | Promise<InitInput>;
}

/** Options of {@link initSync}. */
export interface InitSyncOptions {
  /** The `.wasm` bytes or a compiled `WebAssembly.Module`. */
  module: BufferSource | WebAssembly.Module;
}

/**
 * Loads the WebAssembly module (once; later calls return at once). Must finish
 * before any other function is called; they throw an `Error` saying so otherwise.
 */
export default function init(options?: InitOptions): Promise<unknown>;

/** Loads the WebAssembly module synchronously from its bytes or a compiled module. */
export function initSync(options: InitSyncOptions): unknown;

/** The version of akson (set once {@link init} has run). */
export let VERSION: string;
/** The version of the embedded dictionary, e.g. `"lo-2026.11.25-6"` (set once {@link init} has run). */
export let DICTIONARY_VERSION: string;
/** The normalisation forms: `["canonical", "search"]`. */
export const FORMS: readonly Form[];

/**
 * A normalisation form.
 *
 * - `"canonical"`: the lossless form for storage and display. ໍ + າ → ຳ with the
 *   tone before it (ນໍ້າ → ນ້ຳ), ຫນ/ຫມ → ໜ/ໝ, ເເ → ແ, marks in stored order
 *   (ທ່ີ → ທີ່), repeated marks kept once, Thai marks on Lao letters → Lao.
 * - `"search"`: canonical plus folding for matching: ຫລ → ຫຼ, Lao digits → ASCII,
 *   every space → U+0020, invisible characters and ໌ removed.
 */
export type Form = 'canonical' | 'search';

/** Options of {@link normalize} and {@link isNormalized}. */
export interface NormalizeOptions {
  /** The form (default `"canonical"`; ASCII case-insensitive). */
  form?: Form;
}

/** `[start, end]` in UTF-16 code units: `text.slice(start, end)` is the unit. */
export type Span = [start: number, end: number];
/** `[start, unit]`, the start in UTF-16 code units. */
export type Index = [start: number, unit: string];

/**
 * `text` in the canonical (default) or search form. Returns `text` itself when it
 * is already in that form; text without Lao comes back unchanged in the canonical
 * form (the search form also folds its spaces, digits and invisible characters).
 * (When it repairs a text holding lone surrogates, those come back as U+FFFD.)
 *
 * @throws {TypeError} `text` is not a string, or options is not `{form}`.
 * @throws {RangeError} `form` is not "canonical" or "search".
 */
export function normalize(text: string, options?: NormalizeOptions): string;
/** `normalize(text, {form: 'canonical'})`. */
export function canonical(text: string): string;
/** `normalize(text, {form: 'search'})`: the key to index and match Lao text by. */
export function searchKey(text: string): string;
/** Whether `normalize(text, options) === text` (faster than comparing). */
export function isNormalized(text: string, options?: NormalizeOptions): boolean;

/**
 * The Lao orthographic syllables of `text`; runs of other text are split into
 * spaces, numbers, words of other scripts and single symbols. Works on
 * un-normalised text; the pieces join back to `text`.
 */
export function syllables(text: string): string[];
/** `[start, end]` of every unit of {@link syllables} (UTF-16 offsets). */
export function syllableSpans(text: string): Span[];
/** `[start, syllable]` for every unit of {@link syllables} (UTF-16 offsets). */
export function syllableIndices(text: string): Index[];

/**
 * The words of `text` by best-path segmentation over `dictionary` (default: the
 * embedded one). Spelling variants get the same boundaries; the pieces join back
 * to `text`. The first call builds the dictionary's lookup tables (see
 * {@link prepare}).
 */
export function words(text: string, dictionary?: Dictionary | null): string[];
/** `[start, end]` of every unit of {@link words} (UTF-16 offsets). */
export function wordSpans(text: string, dictionary?: Dictionary | null): Span[];
/** `[start, word]` for every unit of {@link words} (UTF-16 offsets). */
export function wordIndices(text: string, dictionary?: Dictionary | null): Index[];

/**
 * Decodes the embedded dictionary and builds its lookup tables now (tens of
 * milliseconds, once), so that the first {@link words} call — a keystroke — does
 * not pay for it. Calling it again costs nothing.
 */
export function prepare(): void;

/**
 * Decodes UTF-8 strictly.
 * @throws {TypeError} at the first invalid byte, naming its offset.
 */
export function fromUtf8(bytes: Uint8Array | ArrayBuffer | ArrayBufferView): string;

/**
 * A Lao word dictionary: words with a cost, for word segmentation.
 *
 * `new Dictionary()` is a copy of the embedded default (about 50,000 words); it is
 * shared until you change it, then copied, so changes never reach other
 * dictionaries. Words are matched by their search form: every spelling variant
 * of a word (ດໍາລັດ / ດຳລັດ, ຫລາຍ / ຫຼາຍ) is the same entry.
 *
 * A word list has one word a line, optionally followed by a TAB and how often
 * the word occurs per million words (without one, as `add` gives); empty lines
 * and lines starting with `#` are skipped.
 *
 * ```js
 * const d = new Dictionary();
 * d.add('ສີສະຫວາດ');
 * d.words('ທ່ານສີສະຫວາດ');           // ['ທ່ານ', 'ສີສະຫວາດ']
 * const mine = Dictionary.fromWordList('ສີສະຫວາດ\nອີເມວ\t25\n');
 * ```
 *
 * The WebAssembly memory is freed by the garbage collector, or at once by
 * {@link Dictionary.free} (or `using`). The collector does not see that memory
 * (a changed copy of the default holds about 5–8 MiB), so free dictionaries made
 * in a loop or per request: a change that finds no room for its copy throws an
 * `Error`.
 */
export class Dictionary {
  /** A copy of the embedded default dictionary (takes no arguments). */
  constructor();
  /** A dictionary with no words. */
  static empty(): Dictionary;
  /** The embedded default: the same as `new Dictionary()`. */
  static embedded(): Dictionary;
  /**
   * Reads a word list, its words weighed against the list's alone. To use a list
   * beside the embedded words (as `akson segment --dict` does), extend a copy of
   * the default instead: `new Dictionary().extendFromWordList(text)`.
   * @throws {Error} naming the malformed line.
   */
  static fromWordList(text: string): Dictionary;
  /** Reads a compiled (fst) dictionary or a UTF-8 word list, e.g. from `fetch(...).arrayBuffer()`. */
  static fromBytes(bytes: Uint8Array | ArrayBuffer | ArrayBufferView): Dictionary;
  /** Reads a compiled dictionary (an fst map from word to cost in milli-nats, the embedded dictionary's format; any such map will do). */
  static fromFstBytes(bytes: Uint8Array | ArrayBuffer | ArrayBufferView): Dictionary;

  /** An independent copy (cheap: copied on the first change). */
  copy(): Dictionary;
  /**
   * Adds `word`, often enough to be found whole (`suggestedCount`: once per million
   * words, or more where the dictionary's other words would split it), or lowers
   * its cost to that. A word with ໆ before its end (ຕ່າງໆທາງ) is kept but never
   * found whole: a word never goes on past ໆ. @throws {RangeError} when the word
   * is empty, holds spaces, digits or non-Lao characters, or is not made of
   * well-formed syllables. @throws {Error} when a copy of the dictionary finds no
   * room in the WebAssembly memory (free dictionaries you no longer use).
   */
  add(word: string): void;
  /**
   * How often `word` must occur, per million words, to be found whole with this
   * dictionary: 1, or more where its other words would split it (e times as
   * often as that split, at most 1000000). The count `add` gives.
   * @throws {RangeError} for a word `add` refuses.
   */
  suggestedCount(word: string): number;
  /**
   * Adds `word` occurring `perMillion` times per million words.
   * @throws {RangeError} when `perMillion` is not in (0, 1000000] or the word is invalid.
   */
  addWithCount(word: string, perMillion: number): void;
  /**
   * Adds the words of a word list, those without a count weighed against this
   * dictionary's words (`suggestedCount`); returns how many entries were read.
   * A word already there keeps the lower of its two costs. On an error nothing is added.
   */
  extendFromWordList(text: string): number;
  /**
   * Removes `word` (any spelling whose syllables have the same search form); returns whether it was there.
   * Once the words removed outnumber those left (and are at least 4,096), the call builds the
   * dictionary afresh from the words left, freeing the memory of the removed ones (about as long
   * as reading the words again).
   */
  remove(word: string): boolean;
  /** Whether `word` (in any spelling whose syllables have the same search form) is in the dictionary. */
  contains(word: string): boolean;
  /** The cost of `word` in nats (−ln of its probability), or `undefined` if it is not there. */
  cost(word: string): number | undefined;
  /** Number of words. */
  readonly size: number;
  /** Whether there are no words. */
  isEmpty(): boolean;
  /** Adds every word of `other` (keeping the lower cost where both have a word). */
  merge(other: Dictionary): void;
  /** Every `[word, cost in nats]` (word in canonical form), sorted by word. */
  entries(): Array<[word: string, cost: number]>;
  /** {@link words} with this dictionary. */
  words(text: string): string[];
  /** {@link wordSpans} with this dictionary. */
  wordSpans(text: string): Span[];
  /** {@link wordIndices} with this dictionary. */
  wordIndices(text: string): Index[];
  /** Builds the lookup tables now rather than on the first segmentation after a change. */
  prepare(): void;
  /** Frees the WebAssembly memory now; the dictionary cannot be used afterwards. */
  free(): void;
  /** `using d = …` frees it at the end of the block (where the runtime has `Symbol.dispose`). */
  [Symbol.dispose](): void;
  /** `Dictionary(48159 words, embedded default lo-2026.11.25-6)`. */
  toString(): string;
  readonly [Symbol.toStringTag]: 'Dictionary';
}

/** One OCR correction (offsets in UTF-16 code units). */
export interface Correction {
  start: number;
  end: number;
  original: string;
  /** The new text; empty when the span is a speck of dirt read as punctuation at a line's edge or stuck to the front of a word, or the start of a word read twice (ແ ແລະ, ຂໍ້ມ ມູນ). */
  replacement: string;
  /** Probability (0–1) of the replacement against keeping the span and other candidates (for a replacement more likely than all of those together: that the span is misread at all, if higher). */
  confidence: number;
  /** Readings of the span, most probable first: `[reading, probability]`. */
  candidates: Array<[string, number]>;
}

/** A ranked candidate from `suggest`. */
export interface Suggestion {
  word: string;
  probability: number;
  /** Dictionary cost plus channel cost, in nats. */
  cost: number;
}

export interface CorrectOptions {
  /** Minimum confidence of a correction, 0–1 (default 0.9). */
  threshold?: number;
  /** Dictionary to correct against (default: the embedded one). */
  dictionary?: Dictionary;
}

/**
 * Corrects OCR errors in `text`; the result is in canonical form. The lines of
 * `text` are one document (a list bullet read as `"` on one line tells that a `-`
 * on a later one is a bullet too, and the lines tell what kind of scan it is: dirt
 * at the margins, commas read as full stops): pass whole pages.
 */
export function correct(text: string, options?: CorrectOptions): string;
/**
 * The corrections `correct` makes, with UTF-16 offsets. (Lone surrogates in `text`
 * come back from `correct` as U+FFFD.)
 *
 * @throws {TypeError} an option that is not `threshold` or `dictionary`, or of the wrong type.
 * @throws {RangeError} `threshold` outside 0–1.
 */
export function corrections(text: string, options?: CorrectOptions): Correction[];
/**
 * Dictionary words that `word` could be, most probable first; at most `limit`
 * (default 10).
 *
 * @throws {TypeError} an option that is not `limit` or `dictionary`, or of the wrong type.
 * @throws {RangeError} `limit` not a whole number ≥ 0.
 */
export function suggest(word: string, options?: { limit?: number; dictionary?: Dictionary }): Suggestion[];
/** Builds the corrector's candidate index now. */
export function prepareCorrector(): void;

declare global {
  interface SymbolConstructor {
    /** The symbol of `using` declarations (TypeScript's lib `esnext.disposable`). */
    readonly dispose: unique symbol;
  }
}
