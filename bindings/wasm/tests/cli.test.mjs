// Agreement with the Rust CLI (target/release/akson) on lines of the shared corpus
// (../shared/corpus beside the checkout): word segmentation and both forms.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { REPO, loadAkson } from './helpers.mjs';

const akson = await loadAkson();
const CORPUS = join(REPO, '..', 'shared', 'corpus');
const CLI = join(REPO, 'target', 'release', process.platform === 'win32' ? 'akson.exe' : 'akson');
const SEP = '\u241F'; // ␟, in no corpus line (checked below)

/** Every line with Lao of every corpus file. */
function corpusLines() {
  assert.ok(existsSync(CORPUS), `${CORPUS} is missing: the tests need the shared corpus beside the checkout`);
  const lines = [];
  for (const f of readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort()) {
    for (const line of readFileSync(join(CORPUS, f), 'utf8').split('\n')) {
      if (/[\u0E80-\u0EFF]/.test(line)) lines.push(line.replace(/\r$/, ''));
    }
  }
  return lines;
}

function cli(args, input) {
  if (!existsSync(CLI)) {
    execFileSync('cargo', ['build', '--release', '--locked', '--bin', 'akson'], { cwd: REPO, stdio: 'inherit' });
  }
  return execFileSync(CLI, args, { input: input + '\n', encoding: 'utf8', maxBuffer: 1 << 28 }).split('\n').slice(0, -1);
}

const LINES = corpusLines();

test('enough corpus lines, without the separator', () => {
  assert.ok(LINES.length > 200, `${LINES.length} lines`);
  assert.ok(LINES.join('').length > 20000, `${LINES.join('').length} characters`);
  assert.ok(LINES.every((l) => !l.includes(SEP) && !l.includes('\n')));
});

test('words agree with `akson segment --unit word`', () => {
  const want = cli(['segment', '--unit', 'word', '--sep', SEP], LINES.join('\n'));
  assert.equal(want.length, LINES.length);
  let differ = [];
  LINES.forEach((line, i) => {
    const got = akson.words(line).join(SEP);
    if (got !== want[i]) differ.push(`line ${i}:\n  wasm ${got}\n  cli  ${want[i]}`);
  });
  assert.deepEqual(differ.slice(0, 5), []);
});

test('syllables agree with `akson segment`', () => {
  const want = cli(['segment', '--sep', SEP], LINES.join('\n'));
  LINES.forEach((line, i) => assert.equal(akson.syllables(line).join(SEP), want[i], `line ${i}`));
});

test('both forms agree with `akson normalize`', () => {
  for (const form of akson.FORMS) {
    const want = cli(['normalize', '--form', form], LINES.join('\n'));
    LINES.forEach((line, i) => assert.equal(akson.normalize(line, { form }), want[i], `${form}, line ${i}`));
  }
});
