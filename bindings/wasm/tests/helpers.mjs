// Shared by the Node tests: paths, and the package loaded the way a Node user
// loads it (by its package name, with the .wasm bytes).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WASM_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO = resolve(WASM_DIR, '../..');
export const PKG = join(WASM_DIR, 'pkg');
export const WASM_FILE = join(PKG, 'akson_wasm_bg.wasm');

/** The package, initialised as the README tells Node users (by package name). */
export async function loadAkson() {
  const akson = await import('akson'); // self-reference: the package's "exports"
  const wasm = createRequire(import.meta.url).resolve('akson/akson_wasm_bg.wasm');
  if (resolve(wasm) !== WASM_FILE) throw new Error(`akson/akson_wasm_bg.wasm resolves to ${wasm}`);
  await akson.default({ module_or_path: readFileSync(wasm) });
  return akson;
}

/** Lines of tests/conformance/cases.jsonl, parsed, with their line number. */
export function conformanceCases() {
  const text = readFileSync(join(REPO, 'tests', 'conformance', 'cases.jsonl'), 'utf8');
  const out = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim()) out.push({ ...JSON.parse(line), _line: i + 1 });
  });
  return out;
}

/** About `n` UTF-16 code units of Lao text from the repository's sample decree. */
export function laoSample(n = 2000) {
  const text = readFileSync(join(REPO, 'examples', 'decree-323.txt'), 'utf8');
  let out = '';
  for (const line of text.split('\n')) {
    if (!/[\u0E80-\u0EFF]/.test(line)) continue;
    out += line.trim() + ' ';
    if (out.length >= n) break;
  }
  return out.slice(0, n);
}

/** Median of `runs` timings (ms) of `f()`. */
export function medianMs(f, runs = 25) {
  const t = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    f();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)];
}
