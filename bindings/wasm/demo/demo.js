// The Lao input helper: canonical spelling with a one-click fix, word and
// syllable boundaries, counts. Loads the akson package from ../pkg/ (build it with
// `npm run build`). Plain ES module, no framework.

import init, {
  canonical,
  corrections,
  prepare,
  prepareCorrector,
  syllableSpans,
  wordSpans,
  VERSION,
  DICTIONARY_VERSION,
} from '../pkg/akson.js';

const $ = (id) => document.getElementById(id);
const input = $('input');
const status = $('status');
const canonicalOut = $('canonical');
const canonicalState = $('canonical-state');
const changesList = $('changes');
const fixButton = $('fix');
const wordsView = $('words');
const syllablesView = $('syllables');
const wordCount = $('word-count');
const syllableCount = $('syllable-count');
const timing = $('timing');
const corrState = $('corr-state');
const correctedView = $('corrected');
const candidatesBox = $('candidates');
let currentCorrections = [];

// Timings, also read by the end-to-end test.
const stats = { initMs: 0, prepareMs: 0, updateMs: 0, correctMs: 0 };
window.aksonDemo = stats;

/** A unit that counts as a word or syllable: it holds a letter or a digit. */
const isWordLike = (s) => /[\p{L}\p{N}]/u.test(s);

/** Fills `view` with the pieces of `text`: words in alternating backgrounds. */
function render(view, text, spans) {
  const frag = document.createDocumentFragment();
  let n = 0;
  let plain = '';
  for (const [a, b] of spans) {
    const piece = text.slice(a, b);
    if (!isWordLike(piece)) {
      plain += piece;
      continue;
    }
    if (plain) {
      frag.append(plain);
      plain = '';
    }
    const span = document.createElement('span');
    span.className = n % 2 ? 'w b' : 'w a';
    span.textContent = piece;
    frag.append(span);
    n++;
  }
  if (plain) frag.append(plain);
  view.replaceChildren(frag);
  return n;
}

/** The variant spellings of `text`, word by word: [typed, canonical] pairs. */
function changesOf(text, spans) {
  const seen = new Map();
  for (const [a, b] of spans) {
    const w = text.slice(a, b);
    const c = canonical(w);
    if (c !== w && !seen.has(w)) seen.set(w, c);
  }
  return [...seen];
}

function update() {
  const text = input.value;
  const t = performance.now();
  const canon = canonical(text);
  const wSpans = wordSpans(text);
  const sSpans = syllableSpans(text);
  stats.updateMs = performance.now() - t;

  canonicalOut.textContent = canon;
  if (text.trim() === '') {
    canonicalState.textContent = 'Type some Lao text.';
    canonicalState.className = 'state';
    changesList.replaceChildren();
    fixButton.hidden = true;
  } else if (canon === text) {
    canonicalState.textContent = 'The spelling is canonical: nothing to fix.';
    canonicalState.className = 'state ok';
    changesList.replaceChildren();
    fixButton.hidden = true;
  } else {
    const changes = changesOf(text, wSpans);
    canonicalState.textContent =
      changes.length === 1
        ? '1 variant spelling; “Fix spelling” replaces it with the canonical one:'
        : `${changes.length || 'Some'} variant spellings; “Fix spelling” replaces them with the canonical ones:`;
    canonicalState.className = 'state fixable';
    changesList.replaceChildren(
      ...changes.slice(0, 20).map(([from, to]) => {
        const li = document.createElement('li');
        li.textContent = `${from} → ${to}`;
        return li;
      })
    );
    fixButton.hidden = false;
  }

  const tc = performance.now();
  currentCorrections = corrections(text);
  stats.correctMs = performance.now() - tc;
  renderCorrections(text, currentCorrections);

  wordCount.textContent = String(render(wordsView, text, wSpans));
  syllableCount.textContent = String(render(syllablesView, text, sSpans));
  timing.textContent =
    `WebAssembly loaded in ${stats.initMs.toFixed(1)} ms, dictionary tables built in ` +
    `${stats.prepareMs.toFixed(1)} ms; this update took ${stats.updateMs.toFixed(2)} ms ` +
    `(corrections ${stats.correctMs.toFixed(2)} ms) for ${text.length} characters.`;
}

/** A candidate as shown: an empty one (a speck of dirt read as punctuation) removes. */
function shown(w) {
  return w === '' ? '(remove)' : w;
}

/** The text with each correction as an underlined button. */
function renderCorrections(text, list) {
  candidatesBox.hidden = true;
  candidatesBox.replaceChildren();
  const frag = document.createDocumentFragment();
  let at = 0;
  list.forEach((c, k) => {
    frag.append(text.slice(at, c.start));
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'corr';
    b.textContent = text.slice(c.start, c.end);
    b.setAttribute('aria-expanded', 'false');
    b.setAttribute('aria-controls', 'candidates');
    b.title = `${shown(c.replacement)} (${Math.round(c.confidence * 100)} %)`;
    b.setAttribute('aria-label', `${b.textContent}: probably ${shown(c.replacement)}`);
    b.addEventListener('click', () => showCandidates(k, b));
    frag.append(b);
    at = c.end;
  });
  frag.append(text.slice(at));
  correctedView.replaceChildren(frag);
  corrState.className = list.length ? 'state fixable' : 'state ok';
  corrState.textContent = text.trim() === ''
    ? ''
    : list.length === 0
      ? 'No likely OCR errors.'
      : `${list.length} likely OCR error${list.length === 1 ? '' : 's'}.`;
}

/** The candidates of correction `k`, as buttons that apply them. */
function showCandidates(k, owner) {
  const c = currentCorrections[k];
  for (const b of correctedView.querySelectorAll('button.corr')) b.setAttribute('aria-expanded', 'false');
  owner.setAttribute('aria-expanded', 'true');
  candidatesBox.replaceChildren(
    ...c.candidates.map(([w, p]) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.lang = 'lo';
      const keep = w === canonical(c.original);
      b.className = keep ? 'keep' : 'cand';
      b.textContent = `${shown(w)} (${Math.round(p * 100)} %)${keep ? ' — keep' : ''}`;
      b.addEventListener('click', () => applyCorrection(c, w));
      return b;
    })
  );
  candidatesBox.hidden = false;
  candidatesBox.querySelector('button')?.focus();
}

function applyCorrection(c, word) {
  const text = input.value;
  if (text.slice(c.start, c.end) !== c.original) return;
  input.value = text.slice(0, c.start) + word + text.slice(c.end);
  const caret = c.start + word.length;
  input.focus();
  input.setSelectionRange(caret, caret);
  update();
  status.textContent = `Replaced ${c.original} with ${word}.`;
}

/**
 * Where the caret goes after the fix: after the canonical form of everything up to
 * the end of the syllable the caret is in (normalisation never crosses a syllable
 * boundary in a way that moves text before it).
 */
function caretAfterFix(text, caret) {
  if (caret <= 0) return 0;
  let end = text.length;
  for (const [, b] of syllableSpans(text)) {
    if (b >= caret) {
      end = b;
      break;
    }
  }
  return canonical(text.slice(0, end)).length;
}

function fix() {
  const text = input.value;
  const canon = canonical(text);
  if (canon === text) return;
  const caret = Math.min(caretAfterFix(text, input.selectionEnd), canon.length);
  input.focus();
  input.select();
  // insertText keeps the browser's undo history (Ctrl+Z brings the typed text back);
  // assigning .value is the fallback where it is unavailable.
  let done = false;
  try {
    done = document.execCommand('insertText', false, canon);
  } catch {
    done = false;
  }
  if (!done || input.value !== canon) input.value = canon;
  input.setSelectionRange(caret, caret);
  update();
  status.textContent = 'Spelling fixed.';
}

try {
  let t = performance.now();
  await init();
  stats.initMs = performance.now() - t;
  t = performance.now();
  prepare(); // once, now: not on the first keystroke
  prepareCorrector();
  stats.prepareMs = performance.now() - t;
} catch (e) {
  status.textContent = `Could not load akson: ${e.message}. Build the package first (npm run build).`;
  status.className = 'status error';
  throw e;
}

$('version').textContent = `${VERSION}, dictionary ${DICTIONARY_VERSION}`;
input.addEventListener('input', () => {
  status.textContent = '';
  update();
});
fixButton.addEventListener('click', fix);
input.disabled = false;
status.textContent = 'Ready.';
update();
document.documentElement.dataset.ready = 'true';
