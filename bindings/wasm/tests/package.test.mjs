// The npm package: what it ships, its size budget, and speed in Node.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';

import { WASM_DIR, WASM_FILE, laoSample, loadAkson, medianMs } from './helpers.mjs';

test('npm pack ships the module, the types and the wasm', () => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: WASM_DIR, encoding: 'utf8' });
  const files = JSON.parse(out)[0].files.map((f) => f.path);
  for (const f of ['pkg/akson.js', 'pkg/akson.d.ts', 'pkg/akson_wasm.js', 'pkg/akson_wasm_bg.wasm', 'package.json', 'README.md']) {
    assert.ok(files.includes(f), `${f} missing from ${files.join(', ')}`);
  }
  assert.ok(!files.some((f) => f.startsWith('node_modules/') || f.startsWith('tests/')), files.join(', '));
});

test('gzipped .wasm (with the embedded dictionary) is within the 1.5 MB budget', () => {
  const bytes = readFileSync(WASM_FILE);
  const gz = gzipSync(bytes, { level: 9 }).length;
  console.log(`.wasm ${(bytes.length / 1024).toFixed(1)} KiB, gzip -9 ${(gz / 1024).toFixed(1)} KiB`);
  assert.ok(gz <= 1.5e6, `${gz} bytes gzipped`);
});

test('speed in Node: prepare once, then normalise + segment 2,000 characters', async () => {
  let t = performance.now();
  const akson = await loadAkson();
  const initMs = performance.now() - t;
  t = performance.now();
  akson.prepare();
  const prepareMs = performance.now() - t;
  const text = laoSample(2000);
  assert.equal(text.length, 2000);
  const ms = medianMs(() => {
    akson.canonical(text);
    akson.syllableSpans(text);
    akson.wordSpans(text);
  });
  console.log(
    `node: init ${initMs.toFixed(1)} ms, prepare ${prepareMs.toFixed(1)} ms, ` +
      `normalize + syllables + words of 2,000 chars: ${ms.toFixed(2)} ms (median of 25)`
  );
  // The budget is 5 ms; the assertion allows for a loaded CI machine.
  assert.ok(ms < 25, `${ms} ms`);
});
