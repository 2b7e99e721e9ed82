// Compiled (not run) by `tsc -p tests/types`: the README's uses of the API must
// type-check against pkg/akson.d.ts, and misuses must not (@ts-expect-error).

import init, {
  canonical,
  Dictionary,
  DICTIONARY_VERSION,
  FORMS,
  fromUtf8,
  isNormalized,
  normalize,
  prepare,
  searchKey,
  syllableIndices,
  syllables,
  syllableSpans,
  VERSION,
  wordIndices,
  words,
  wordSpans,
  type Form,
  type Span,
} from 'akson';

export async function main(bytes: Uint8Array): Promise<number> {
  await init({ module_or_path: bytes });
  prepare();
  const v: string = VERSION + DICTIONARY_VERSION;
  const forms: readonly Form[] = FORMS;
  const s: string = normalize('ນໍ້າ') + normalize('ຫລາຍ', { form: 'search' }) + canonical('x') + searchKey('y');
  const ok: boolean = isNormalized(s, { form: 'canonical' });
  const syl: string[] = syllables(s);
  const spans: Span[] = syllableSpans(s);
  const [start, end] = spans[0];
  const idx: [number, string][] = syllableIndices(s);
  const d = new Dictionary();
  d.add('ສີສະຫວາດ');
  d.addWithCount('ອີເມວ', 25);
  const n: number = d.size + d.extendFromWordList('ກາ\n');
  const c: number | undefined = d.cost('ລາວ');
  const removed: boolean = d.remove('ກາ') && d.contains('ລາວ') && !d.isEmpty();
  d.merge(Dictionary.fromWordList('ຂາ\n'));
  const e: Array<[string, number]> = Dictionary.empty().entries();
  const w: string[] = words(s, d).concat(words(s), d.words(s));
  const ws: Span[] = wordSpans(s, d).concat(d.wordSpans(s));
  const wi = wordIndices(s).concat(d.wordIndices(s));
  const fromBytes = Dictionary.fromBytes(new Uint8Array([])).copy();
  fromBytes.free();
  // What `using` calls (the declaration needs the runtime's Symbol.dispose).
  const dispose: () => void = Dictionary.empty()[Symbol.dispose];
  const text: string = fromUtf8(new Uint8Array([0x61]));
  // @ts-expect-error: the form is an option, not a positional argument
  normalize('ກ', 'search');
  // @ts-expect-error: only "canonical" and "search"
  normalize('ກ', { form: 'nfc' });
  // @ts-expect-error: size is read-only
  d.size = 3;
  return v.length + forms.length + (ok ? 1 : 0) + syl.length + start + end + idx.length + n + (c ?? 0) +
    (removed ? 1 : 0) + e.length + w.length + ws.length + wi.length + text.length;
}
