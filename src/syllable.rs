//! Syllable segmentation of Lao text.
//!
//! A Lao orthographic syllable is
//!
//! ```text
//! [pre-vowel ເ ແ ໂ ໄ ໃ] onset [marks] [vowel letters] [final] [silent letter + ໌] [ໆ]
//! ```
//!
//! where the onset is one consonant, a ຫ-cluster (ຫງ ຫຍ ຫນ ຫມ ຫລ ຫວ ຫຣ, or the
//! ligatures ໜ ໝ), a consonant with subscript ຼ, a consonant with medial ວ (ຄວາມ) or
//! a ລ/ຣ cluster (ໂປຣ, ໂຕຣ); marks are vowels above or below (ັ ິ ີ ຶ ື ຸ ູ ົ ໍ) and a
//! tone mark in any order; vowel letters are ະ າ ຳ ອ ວ ຽ in the patterns Lao
//! allows after each pre-vowel and mark. Pali letters are ordinary consonants and the
//! Pali virama ຺ closes a final.
//!
//! Where a consonant could close one syllable or open the next (ວັດທະນະຖາວອນ:
//! ຖາ|ວອນ or ຖາວ|ອນ?), every reading of the next syllable is scored too and the
//! pair with the lowest cost wins: readings with a written vowel cost least,
//! uncommon finals and clusters a little more, a consonant standing alone (as in
//! abbreviations like ສປປ) much more, and stray marks most. The look-ahead is one
//! syllable, so the segmenter runs in one pass, in time linear in the input.
//!
//! Decisions are memoised: the characters each decision depended on are stored in a
//! per-thread trie with the decision at the leaf, so syllables met before are
//! segmented at a few instructions per character (a lazily built automaton, like a
//! regex engine's lazy DFA, which reads each character once and finds where
//! syllables end without a branch on it), straight on the UTF-8 bytes. The memo
//! never changes a result and never grows past 16,384 nodes of 97 bytes (1.6 MB;
//! a thread has one, or one per iterator alive at the same time); with the
//! iterator's small buffers it is kept by the thread between iterators, and it is
//! the only allocation but one: a run with such an invisible character or mark
//! is read again without them, from a copy of at most 4 KiB of it at a time.
//!
//! Runs of other text are units of their own: whitespace, numbers (ASCII, Lao or
//! other digits, with `.` or `,` between digits), letters of other scripts, and each
//! other character (punctuation, symbols), each with the combining marks and
//! invisible characters that follow it (`co\u{AD}operate` is one unit); an emoji
//! sequence (joined by ZWJ, with a skin tone, a flag's two regional indicators or
//! its tags, a keycap) is one unit, as a grapheme cluster is. ໆ stays with the
//! syllable before it; ຯ is a unit of its own. Invisible characters that mark no
//! break (a soft hyphen, ZWJ, ZWNJ, the word joiner, U+FEFF, U+180E) and combining
//! marks of other scripts (U+0301, a variation selector) after a Lao syllable stay
//! in it, and the syllables are those of the text without them (`ເສລີ\u{AD}ພາບ`
//! is ເສ|ລີ\u{AD}|ພາບ, as ເສລີພາບ is ເສ|ລີ|ພາບ); ZERO WIDTH SPACE, which marks a
//! break, is a unit of its own.
//!
//! ```
//! let s: Vec<&str> = akson::syllables("ວັດທະນະຖາວອນ").collect();
//! assert_eq!(s, ["ວັດ", "ທະ", "ນະ", "ຖາ", "ວອນ"]);
//! let s: Vec<&str> = akson::syllables("ຄອມພິວເຕີ 2 ເຄື່ອງ").collect();
//! assert_eq!(s, ["ຄອມ", "ພິວ", "ເຕີ", " ", "2", " ", "ເຄື່ອງ"]);
//! ```

use std::cell::Cell;

use crate::chars::{thai_follow_twin, thai_mark_twin, thai_pre_twin, Lc};

/// Iterator over the syllables (and other units) of a text, as `&str` slices that
/// concatenate back to the text. Made by [`syllables`].
#[derive(Clone, Debug)]
pub struct Syllables<'a> {
    inner: SyllableIndices<'a>,
}

/// Iterator over `(byte_offset, syllable)` pairs. Made by [`syllable_indices`].
pub struct SyllableIndices<'a> {
    text: &'a str,
    pos: usize,
    /// The window, the buffer of ends and the memo, on the heap and kept by the
    /// thread between iterators (see [`State`]), so that making an iterator is cheap.
    state: Option<Box<State>>,
    /// Whether decisions go through the memo (always, but in tests).
    memoise: bool,
    /// `state.ends[next_end..n_ends]` are ends still to be returned, in bytes from
    /// the byte offset `ends_at`.
    ends_at: usize,
    next_end: usize,
    n_ends: usize,
}

/// What an iterator works with: decoded characters, the ends of the units found
/// ahead, and the decisions already taken, shared by the iterators of a thread
/// (see [`Memo`]).
struct State {
    win: Window,
    /// Ends of the units of a run found ahead by [`Memo::scan_bytes`] or
    /// [`Memo::scan`].
    ends: [u32; ENDS],
    memo: Memo,
}

thread_local! {
    /// The state of the iterators of this thread, lent to one iterator at a time.
    static STATE: Cell<Option<Box<State>>> = const { Cell::new(None) };
}

impl State {
    /// Borrows this thread's state (or a new one if it is lent out already), with
    /// an empty window: what it held was decoded from another text.
    fn take() -> Box<State> {
        let kept = STATE.try_with(|m| m.take()).ok().flatten().map(|mut s| {
            s.win.start = 0;
            s.win.len = 0;
            s
        });
        kept.unwrap_or_else(|| {
            Box::new(State {
                win: Window::new(),
                ends: [0; ENDS],
                memo: Memo::new(),
            })
        })
    }

    /// Returns the state to this thread (keeping the larger memo of two).
    fn give_back(self: Box<State>) {
        let _ = STATE.try_with(|m| {
            let keep = match m.take() {
                Some(old) if old.memo.trans.len() > self.memo.trans.len() => old,
                _ => self,
            };
            m.set(Some(keep));
        });
    }
}

impl Clone for SyllableIndices<'_> {
    fn clone(&self) -> Self {
        let mut state = State::take();
        if let Some(mine) = &self.state {
            state.win = mine.win.clone();
            state.ends = mine.ends;
        }
        SyllableIndices {
            text: self.text,
            pos: self.pos,
            state: Some(state),
            memoise: self.memoise,
            ends_at: self.ends_at,
            next_end: self.next_end,
            n_ends: self.n_ends,
        }
    }
}

impl std::fmt::Debug for SyllableIndices<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SyllableIndices")
            .field("text", &self.text)
            .field("pos", &self.pos)
            .finish_non_exhaustive()
    }
}

impl Drop for SyllableIndices<'_> {
    fn drop(&mut self) {
        if let Some(s) = self.state.take() {
            s.give_back();
        }
    }
}

/// Splits `text` into syllables and other units.
///
/// The slices concatenate to `text` exactly. See the [module documentation](self).
pub fn syllables(text: &str) -> Syllables<'_> {
    Syllables {
        inner: syllable_indices(text),
    }
}

/// Like [`syllables`], with the byte offset of each unit.
///
/// ```
/// let v: Vec<(usize, &str)> = akson::syllable_indices("ສະບາຍດີ!").collect();
/// assert_eq!(v, [(0, "ສະ"), (6, "ບາຍ"), (15, "ດີ"), (21, "!")]);
/// ```
pub fn syllable_indices(text: &str) -> SyllableIndices<'_> {
    SyllableIndices {
        text,
        pos: 0,
        state: Some(State::take()),
        memoise: true,
        ends_at: 0,
        next_end: 0,
        n_ends: 0,
    }
}

impl<'a> Iterator for Syllables<'a> {
    type Item = &'a str;
    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        self.inner.next().map(|(_, s)| s)
    }
}

impl<'a> Iterator for SyllableIndices<'a> {
    type Item = (usize, &'a str);

    #[inline]
    fn next(&mut self) -> Option<(usize, &'a str)> {
        let start = self.pos;
        let end = if self.next_end < self.n_ends {
            let e = self.ends_at
                + self
                    .state
                    .as_ref()
                    .map_or(0, |s| s.ends[self.next_end] as usize);
            self.next_end += 1;
            e
        } else {
            if start >= self.text.len() {
                return None;
            }
            self.unit_end(start)
        };
        self.pos = end;
        Some((start, &self.text[start..end]))
    }
}

impl std::iter::FusedIterator for Syllables<'_> {}
impl std::iter::FusedIterator for SyllableIndices<'_> {}

impl SyllableIndices<'_> {
    /// The units found ahead of the last one returned, all syllables of the same
    /// Lao run (see [`Memo::scan_bytes`]), as the byte offsets of their ends; the
    /// iterator goes on after them. Empty if none are.
    #[inline]
    pub(crate) fn take_ahead(&mut self) -> &[u32] {
        let (from, to) = (self.next_end, self.n_ends);
        let Some(ends) = self.state.as_ref().and_then(|s| s.ends.get(from..to)) else {
            return &[];
        };
        if let Some(&last) = ends.last() {
            self.pos = self.ends_at + last as usize;
            self.next_end = to;
        }
        // Offsets from the start of the run's scan, `ends_at`.
        ends
    }

    /// Puts back the last `n` units that [`SyllableIndices::take_ahead`] gave.
    pub(crate) fn give_back_ahead(&mut self, n: usize) {
        self.next_end -= n;
        self.pos = match self.next_end.checked_sub(1) {
            Some(last) => self.ends_at + self.state.as_ref().map_or(0, |s| s.ends[last] as usize),
            None => self.ends_at,
        };
    }

    /// Where the offsets [`SyllableIndices::take_ahead`] gives count from.
    #[inline]
    pub(crate) fn ahead_base(&self) -> usize {
        self.ends_at
    }
}

// ---------------------------------------------------------------------------
// Compact character codes. Every character of a Lao run is decoded once into a
// `u16`: its class in the low five bits and the properties the grammar asks about
// in the high bits. Thai combining marks in a Lao run take the code of their twin.

type Code = u16;
/// Not a Lao character (ends the run).
const END: Code = 0xFFFF;
const CLASS: Code = 0x1F;
const COMMON_FINAL: Code = 1 << 5;
const NEVER_FINAL: Code = 1 << 6;
const HO_SECOND: Code = 1 << 7;
const LR_FIRST: Code = 1 << 8;
const IS_HO: Code = 1 << 9;
const IS_O: Code = 1 << 10;
const IS_W: Code = 1 << 11;
const IS_LR: Code = 1 << 12;
const IS_MARK: Code = 1 << 13;

const fn lao_code(cp: u32) -> Code {
    let cls = crate::chars::LAO_TABLE[(cp - 0xE80) as usize];
    let mut code = cls as Code;
    if cls.is_mark() {
        code |= IS_MARK;
    }
    // ກ ງ ດ ນ ບ ມ ຍ ວ
    if matches!(
        cp,
        0xE81 | 0xE87 | 0xE94 | 0xE99 | 0xE9A | 0xEA1 | 0xE8D | 0xEA7
    ) {
        code |= COMMON_FINAL;
    }
    // ຫ ອ ຢ ໜ ໝ ຮ
    if matches!(cp, 0xEAB | 0xEAD | 0xEA2 | 0xEDC | 0xEDD | 0xEAE) {
        code |= NEVER_FINAL;
    }
    // ງ ຍ ນ ມ ລ ວ ຣ
    if matches!(cp, 0xE87 | 0xE8D | 0xE99 | 0xEA1 | 0xEA5 | 0xEA7 | 0xEA3) {
        code |= HO_SECOND;
    }
    // ກ ຂ ຄ ປ ຜ ພ ຕ ທ ບ ຟ ຝ ສ ດ ຖ ຈ
    if matches!(
        cp,
        0xE81
            | 0xE82
            | 0xE84
            | 0xE9B
            | 0xE9C
            | 0xE9E
            | 0xE95
            | 0xE97
            | 0xE9A
            | 0xE9F
            | 0xE9D
            | 0xEAA
            | 0xE94
            | 0xE96
            | 0xE88
    ) {
        code |= LR_FIRST;
    }
    if cp == 0xEAB {
        code |= IS_HO;
    }
    if cp == 0xEAD {
        code |= IS_O;
    }
    if cp == 0xEA7 {
        code |= IS_W;
    }
    if cp == 0xEA5 || cp == 0xEA3 {
        code |= IS_LR;
    }
    code
}

const fn build_lao_codes() -> [Code; 128] {
    let mut t = [0; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = lao_code(0xE80 + i as u32);
        i += 1;
    }
    t
}

static LAO_CODES: [Code; 128] = build_lao_codes();

#[inline]
fn class_is(code: Code, c: Lc) -> bool {
    code != END && code & CLASS == c as Code
}

/// Code of the character at byte `i` (Lao, or a Thai character taken as its Lao
/// twin where the canonical form takes it so), or `END`.
#[inline]
fn code_at(b: &[u8], i: usize) -> Code {
    if i + 3 > b.len() || b[i] != 0xE0 {
        return END;
    }
    let (b1, b2) = (b[i + 1], b[i + 2]);
    match b1 {
        0xBA | 0xBB => LAO_CODES[(((b1 & 1) << 6) | (b2 & 0x3F)) as usize],
        0xB8 | 0xB9 => match thai_twin_at(b, i) {
            Some(t) => LAO_CODES[(t as u32 - 0xE80) as usize],
            None => END,
        },
        _ => END,
    }
}

/// Whether `unit` starts with a Thai character that the syllable segmenter reads
/// as its Lao twin (a pre-posed vowel before a Lao consonant, or a mark). Inline:
/// the word segmenter asks it of every unit that starts a run and is not Lao
/// (spaces, punctuation), which the byte test answers.
#[inline]
pub(crate) fn starts_with_thai_twin(unit: &str) -> bool {
    let b = unit.as_bytes();
    matches!(b, [0xE0, 0xB8 | 0xB9, ..]) && code_at(b, 0) != END
}

/// The Lao twin of the Thai character at byte `i` (E0 B8/B9 xx), as the
/// canonical form reads it (see `normalize`): a mark anywhere; a following vowel
/// (ะ า ำ) or ๆ after a Lao character or a Thai one read as Lao; a pre-posed
/// vowel (เ แ โ ใ ไ) before a Lao consonant.
#[cold]
fn thai_twin_at(b: &[u8], i: usize) -> Option<char> {
    // The Thai character of the bytes after E0 (B8 or B9, then its last byte).
    let thai = |b1: u8, b2: u8| char::from_u32(0xE00 | ((b1 as u32 & 1) << 6) | (b2 as u32 & 0x3F));
    let c = thai(b[i + 1], b[i + 2])?;
    if let Some(t) = thai_mark_twin(c) {
        return Some(t);
    }
    if let Some(t) = thai_follow_twin(c) {
        let before = match i.checked_sub(3).and_then(|j| b.get(j..i)) {
            Some(&[0xE0, 0xBA | 0xBB, _]) => true,
            Some(&[0xE0, b1 @ (0xB8 | 0xB9), b2]) => thai(b1, b2)
                .is_some_and(|p| thai_mark_twin(p).or_else(|| thai_follow_twin(p)).is_some()),
            _ => false,
        };
        return before.then_some(t);
    }
    let t = thai_pre_twin(c)?;
    let next = match b.get(i + 3..i + 6) {
        Some(&[0xE0, b1 @ (0xBA | 0xBB), b2]) => {
            LAO_CODES[(((b1 & 1) << 6) | (b2 & 0x3F)) as usize]
        }
        _ => END,
    };
    class_is(next, Lc::Cons).then_some(t)
}

/// Decoded characters (alphabet indices, see [`Memo`]) of up to `WIN` characters
/// of a Lao run.
const WIN: usize = 256;
/// Refill the window when fewer characters than this remain in it.
const LOOK: usize = 24;
/// Room for the ends of a window's units (at most `WIN + 1`), a power of two so
/// that indexing it needs no bounds check.
const ENDS: usize = 512;
const _: () = assert!(ENDS > WIN && ENDS.is_power_of_two());

#[derive(Clone)]
struct Window {
    /// Byte offset of `alphas[0]`.
    start: usize,
    /// Number of decoded characters.
    len: usize,
    /// Alphabet index of each character; the run ends at the first 0 (END).
    alphas: [u8; WIN],
}

impl std::fmt::Debug for Window {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Window")
            .field("start", &self.start)
            .field("len", &self.len)
            .finish()
    }
}

impl Window {
    fn new() -> Window {
        Window {
            start: 0,
            len: 0,
            alphas: [0; WIN],
        }
    }

    /// The characters from byte `pos` on (ending at the end of the Lao run, with its
    /// END, or at the end of the window, whichever comes first).
    #[inline]
    fn at(&mut self, b: &[u8], pos: usize) -> &[u8] {
        let idx = pos.wrapping_sub(self.start) / 3;
        let inside = pos >= self.start && (pos - self.start) % 3 == 0 && idx < self.len;
        // The run ended inside the window if the last decoded code is END.
        let ends_inside = self.len > 0 && self.len < WIN;
        if !(inside && (ends_inside || self.len - idx >= LOOK)) {
            return self.fill(b, pos);
        }
        &self.alphas[idx..self.len]
    }

    /// Decodes the characters from byte `pos` on into the window.
    fn fill(&mut self, b: &[u8], pos: usize) -> &[u8] {
        self.start = pos;
        let mut n = 0;
        let rest = b.get(pos..).unwrap_or(&[]);
        for (slot, c) in self.alphas.iter_mut().zip(rest.chunks_exact(3)) {
            // Fast path for the Lao block; Thai marks and the rest via `code_at`.
            let a = if c[0] == 0xE0 && c[1] & 0xFE == 0xBA {
                LAO_ALPHA[(((c[1] & 1) << 6) | (c[2] & 0x3F)) as usize]
            } else {
                alpha_of_code(code_at(b, pos + 3 * n))
            };
            *slot = a;
            n += 1;
            if a == 0 {
                break;
            }
        }
        // The text ended before the run and the window did.
        if n < WIN && (n == 0 || self.alphas[n - 1] != 0) {
            self.alphas[n] = 0;
            n += 1;
        }
        self.len = n;
        &self.alphas[..n]
    }
}

// ---------------------------------------------------------------------------
// Memoised decisions: a lazily built decision trie (like the lazy DFA of a regex
// engine). Whether a syllable at some position ends after 1, 2, … characters
// depends only on the characters the grammar read to decide it (the syllable and
// at most the next one). The first time a decision is taken, the path of those
// characters' codes is stored in a trie with the decision at its leaf; the next
// time the same characters come, walking the trie gives the answer at a few
// instructions per character. Lao text reuses a few thousand syllables, so nearly
// every decision is found in the trie after the first few kilobytes. Results are
// identical by construction (and checked against the grammar in the tests).
//
// A decision's leaf also learns where the walk of the next decision stands after
// the characters the decision read beyond its syllable (`EMIT` transitions), so
// `Memo::scan_bytes` runs the trie as one automaton over a whole run of Lao text,
// decoding the UTF-8 as it goes: one transition per character, the end of each
// syllable written to a buffer without a branch, and the iterator hands the
// buffered units out. Where the memo does not know the way yet, `Memo::scan` does
// the same on a decoded window and asks the grammar.

/// Whether the grammar reads a character with code `c` as it reads the end of the
/// run: it starts no syllable and is neither a mark, a letter nor ໆ (digits, ຯ,
/// unassigned code points). Such characters get the alphabet index of END, so a run
/// is cut there, as the grammar cuts it anyway.
const fn like_end(c: Code) -> bool {
    let cls = c & CLASS;
    c == END
        || cls == Lc::Digit as Code
        || cls == Lc::Ellipsis as Code
        || cls == Lc::Unassigned as Code
}

/// Codes in a trie node's transition table: index 0 is END (and the codes
/// [`like_end`]), then every other distinct code of the Lao block.
const fn build_alphabet() -> ([u8; 128], usize) {
    let mut alpha = [0u8; 128];
    let mut n = 1usize;
    let mut i = 0;
    while i < 128 {
        if like_end(LAO_CODES[i]) {
            i += 1;
            continue;
        }
        let mut j = 0;
        let mut found = 0u8;
        while j < i {
            if LAO_CODES[j] == LAO_CODES[i] {
                found = alpha[j];
                break;
            }
            j += 1;
        }
        if found == 0 {
            alpha[i] = n as u8;
            n += 1;
        } else {
            alpha[i] = found;
        }
        i += 1;
    }
    (alpha, n)
}

const ALPHABET: ([u8; 128], usize) = build_alphabet();
/// Alphabet index of each character of the Lao block.
static LAO_ALPHA: [u8; 128] = ALPHABET.0;
/// Transitions per trie node (a power of two, so that a node's offset is a shift).
const NA: usize = 32;
const _: () = assert!(ALPHABET.1 <= NA);
/// The code of each alphabet index.
static ALPHA_CODE: [Code; NA] = {
    let mut t = [END; NA];
    let mut i = 0;
    while i < 128 {
        t[ALPHABET.0[i] as usize] = if ALPHABET.0[i] == 0 {
            END
        } else {
            LAO_CODES[i]
        };
        i += 1;
    }
    t
};
/// Alphabet index of ໆ.
const KO_LA: u8 = ALPHABET.0[0xEC6 - 0xE80];

/// Alphabet index of a code (END is 0).
fn alpha_of_code(c: Code) -> u8 {
    if c == END {
        return 0;
    }
    LAO_CODES
        .iter()
        .position(|&x| x == c)
        .map_or(0, |i| LAO_ALPHA[i])
}

/// A transition, as [`Memo::at`] gives it, is a `u32`: in its low 16 bits (the
/// `u16` stored in the trie) 0 (not known yet), the next node's number (below
/// `EMIT`), or a decision, which has the `EMIT` bit; in bits 16 to 23 its `aux`
/// byte. A decision is either `LEAF` with its length in characters in `aux`, or,
/// once the scan has worked out where the next decision stands after it,
/// `EMIT | node` with a delay in `aux`: the syllable ends `delay` characters before
/// the one that led here, and the characters read since then lead from the root
/// to `node` (never the root), so the scan goes on from there without reading them
/// again (see [`Memo::scan`]). Either way `t & NODE_MASK` is the node to go on
/// from, and 0 (the root) where the scan must stop.
const EMIT: u32 = 1 << 15;
const NODE_MASK: u32 = EMIT - 1;
const LEAF: u32 = EMIT;
/// The trie is cleared when it reaches this many nodes (1.6 MB), so memory stays
/// bounded whatever the input.
const MAX_NODES: usize = 1 << 14;
/// Decisions that read more characters than this are not memoised (rare contexts).
const MAX_PATH: usize = 64;

/// The scan's inner loop (see [`Memo::scan`]): from `node` at `w[i]`, with `k`
/// ends found, up to the end of `w` or the first transition that is not known or
/// not continued. Returns the node, position, number of ends and that transition.
#[inline(never)]
fn run(
    memo: &Memo,
    w: &[u8],
    ends: &mut [u32],
    mut node: usize,
    mut i: usize,
    mut k: usize,
) -> (usize, usize, usize, u32) {
    let (trans, depth) = (&memo.trans[..], &memo.depth[..]);
    let mut byte = 3 * i as u32;
    while let Some(&a) = w.get(i) {
        let t = trans.get(node).map_or(0, |n| n[a as usize % NA]) as u32;
        let next = (t & NODE_MASK) as usize;
        if next == 0 {
            return (node, i, k, memo.at(node, a));
        }
        // Branch-free: an `EMIT` writes an end, a node transition writes a value
        // that the next end overwrites. The delay of an `EMIT` is its node's depth
        // less one.
        let e = t >> 15;
        let delay = depth.get(next).map_or(0, |&d| d as u32).wrapping_sub(1);
        if let Some(end) = ends.get_mut(k) {
            *end = byte.wrapping_sub(3 * delay);
        }
        k += e as usize;
        node = next;
        i += 1;
        byte += 3;
    }
    (node, i, k, 0)
}

/// [`run`] on UTF-8 bytes (see [`Memo::scan_bytes`]): from `node` at character `i`
/// of `rest`, with `k` ends found, while the characters are Lao letters or marks
/// and the transitions known and continued. Returns the node, position and number
/// of ends.
#[inline(never)]
fn run_bytes(
    memo: &Memo,
    rest: &[u8],
    ends: &mut [u32; ENDS],
    mut node: usize,
    mut i: usize,
    mut k: usize,
) -> (usize, usize, usize) {
    let (trans, depth) = (&memo.trans[..], &memo.depth[..]);
    let mut byte = 3 * i as u32;
    for c in rest.get(3 * i..).unwrap_or(&[]).chunks_exact(3) {
        let &[c0, c1, c2] = c else { break };
        if c0 != 0xE0 || c1 & 0xFE != 0xBA {
            break;
        }
        let a = LAO_ALPHA[(((c1 & 1) << 6) | (c2 & 0x3F)) as usize];
        let Some(n) = trans.get(node) else { break };
        let t = n[a as usize % NA] as u32;
        let next = (t & NODE_MASK) as usize;
        if (next == 0) | (a == 0) {
            break;
        }
        // As in `run`: an `EMIT` writes an end, a node transition writes a value
        // that the next end overwrites. At most `WIN` characters, so `k <= WIN`.
        let delay = depth.get(next).map_or(0, |&d| d as u32).wrapping_sub(1);
        ends[k % ENDS] = byte.wrapping_sub(3 * delay);
        k += (t >> 15) as usize;
        node = next;
        i += 1;
        byte += 3;
    }
    (node, i, k)
}

/// The length of the syllable decided by transition `t` (which has `EMIT`; its
/// `aux` byte in bits 16 to 23), read as the `depth`-th character of the decision
/// (0 for its first).
#[inline]
fn decided_len(t: u32, depth: usize) -> usize {
    let aux = (t >> 16) as usize;
    if t & 0xFFFF == LEAF {
        aux
    } else {
        depth.saturating_sub(aux)
    }
}

/// A trie of decisions (see above): node `n` has its `NA` transitions in
/// `trans[n]` (64 bytes, one cache line), the `aux` bytes of its `LEAF`s in
/// `aux[n]`, and the number of characters that lead to it from the root in
/// `depth[n]`; node 0 is the root. A transition's slot is `n * NA + a`. The
/// `aux` of an `EMIT | node` transition is not stored: it is the depth of `node`
/// less one (the characters read since the syllable's end, the last one
/// excepted).
struct Memo {
    trans: Vec<[u16; NA]>,
    aux: Vec<[u8; NA]>,
    depth: Vec<u8>,
}

impl Memo {
    fn new() -> Memo {
        Memo {
            trans: vec![[0; NA]],
            aux: vec![[0; NA]],
            depth: vec![0],
        }
    }

    /// Forgets every decision.
    fn clear(&mut self) {
        self.trans.clear();
        self.trans.push([0; NA]);
        self.aux.clear();
        self.aux.push([0; NA]);
        self.depth.clear();
        self.depth.push(0);
    }

    /// The transition of `node` on the character with alphabet index `a` (with
    /// its `aux` byte in bits 16 to 23).
    #[inline]
    fn at(&self, node: usize, a: u8) -> u32 {
        let a = a as usize % NA;
        let t = self.trans.get(node).map_or(0, |n| n[a]) as u32;
        let aux = if t == LEAF {
            self.aux.get(node).map_or(0, |n| n[a]) as u32
        } else if t & EMIT != 0 {
            let d = self
                .depth
                .get((t & NODE_MASK) as usize)
                .copied()
                .unwrap_or(1);
            d.saturating_sub(1) as u32
        } else {
            0
        };
        t | aux << 16
    }

    /// Number of nodes.
    fn len(&self) -> usize {
        self.trans.len()
    }

    /// Adds a node `depth` characters from the root; returns its number.
    fn push_node(&mut self, depth: usize) -> usize {
        self.trans.push([0; NA]);
        self.aux.push([0; NA]);
        self.depth.push(depth.min(u8::MAX as usize) as u8);
        self.trans.len() - 1
    }

    /// The memoised decision for the syllable whose characters' alphabet indices
    /// are `wa` (a window that ends with an END, 0, if the Lao run ends in it).
    #[inline]
    fn lookup(&self, wa: &[u8]) -> Option<usize> {
        let mut node = 0usize;
        for (depth, &a) in wa.iter().enumerate() {
            let t = self.at(node, a);
            if t & EMIT != 0 {
                return Some(decided_len(t, depth));
            }
            if t == 0 {
                return None;
            }
            node = t as usize;
        }
        // Past the end of the run every read is END.
        if wa.last() != Some(&0) {
            return None;
        }
        for depth in wa.len()..wa.len() + MAX_PATH {
            let t = self.at(node, 0);
            if t & EMIT != 0 {
                return Some(decided_len(t, depth));
            }
            if t == 0 {
                return None;
            }
            node = t as usize;
        }
        None
    }

    /// The node that the characters `wa` lead to from the root, if no decision is
    /// taken on the way.
    fn walk(&self, wa: impl IntoIterator<Item = u8>) -> Option<usize> {
        let mut node = 0usize;
        for a in wa {
            let t = self.at(node, a);
            if t == 0 || t & EMIT != 0 {
                return None;
            }
            node = t as usize;
        }
        Some(node)
    }

    /// [`Memo::decide_at`] where the memo is known to have no decision: `w[..depth]`
    /// leads from the root to `node`, which has no transition for `w[depth]`.
    fn decide_from(&mut self, w: &[u8], node: usize, depth: usize) -> Option<usize> {
        debug_assert_eq!(self.lookup(w), None);
        let (len, far) = decide_far(w)?;
        self.insert_from(w, far, len, node, depth);
        Some(len)
    }

    /// Turns the decision at `slot` into an `EMIT` transition if the characters
    /// `read` since the end of its syllable (`delay + 1` of them, up to the one that
    /// led to `slot`) lead from the root to a node; returns that node.
    fn learn(
        &mut self,
        slot: usize,
        delay: usize,
        read: impl IntoIterator<Item = u8>,
    ) -> Option<usize> {
        let n = self.walk(read).filter(|&n| n > 0)?;
        // The characters read are `delay + 1`, so `n` is that deep.
        debug_assert_eq!(self.depth[n] as usize, delay + 1);
        self.trans[slot / NA][slot % NA] = (EMIT as usize | n) as u16;
        Some(n)
    }

    /// Stores the decision `len` taken on the characters `w[..=far]` (END past `w`).
    fn insert(&mut self, w: &[u8], far: usize, len: usize) {
        self.insert_from(w, far, len, 0, 0);
    }

    /// [`Memo::insert`], given that `w[..depth]` leads from the root to `node`.
    fn insert_from(&mut self, w: &[u8], far: usize, len: usize, mut node: usize, depth: usize) {
        if far > MAX_PATH {
            return;
        }
        let mut from = depth;
        if self.len() + far + 1 > MAX_NODES {
            // Start afresh: the memo only saves time, so forgetting is always safe.
            self.clear();
            (node, from) = (0, 0);
        }
        debug_assert!(from <= far, "a decision cannot depend on fewer characters");
        debug_assert_eq!(self.walk(w[..from].iter().copied()), Some(node));
        for i in from..=far {
            let a = w.get(i).copied().unwrap_or(0) as usize % NA;
            if i == far {
                self.trans[node][a] = LEAF as u16;
                self.aux[node][a] = len as u8;
                return;
            }
            let t = self.trans[node][a] as u32;
            debug_assert!(
                t & EMIT == 0,
                "a decision cannot depend on fewer characters"
            );
            if t == 0 {
                let n = self.push_node(i + 1);
                self.trans[node][a] = n as u16;
                node = n;
            } else {
                node = t as usize;
            }
        }
    }

    /// The decision for the syllable at the start of `w`: from the memo, else from
    /// the grammar (and then memoised). `None` if it would read past the end of a
    /// window that does not hold the whole run.
    fn decide_at(&mut self, w: &[u8]) -> Option<usize> {
        if let Some(len) = self.lookup(w) {
            return Some(len);
        }
        let (len, far) = decide_far(w)?;
        self.insert(w, far, len);
        Some(len)
    }

    /// Like [`Memo::scan`], straight on the UTF-8 bytes of the text from byte `start`
    /// (where a syllable starts) rather than on a decoded window: each character is
    /// decoded as the automaton reaches it, which costs next to nothing since the
    /// decoding does not wait on the trie's loads. Returns the number of ends
    /// written (byte offsets from `start`); stops, leaving the rest to
    /// [`Memo::scan`], at the first transition not known yet, at a Thai mark, at a
    /// ໆ after a syllable, and after `WIN` characters.
    ///
    /// The characters up to the first that is not a Lao letter or mark (the END of
    /// the run: a space, a digit, other scripts, the end of the text) are read as
    /// the window holds them, and every read from there on gives END, as in
    /// [`Memo::lookup`].
    fn scan_bytes(&mut self, b: &[u8], start: usize, ends: &mut [u32; ENDS]) -> usize {
        let rest = b.get(start..).unwrap_or(&[]);
        let limited = rest.len() > 3 * WIN;
        let rest = &rest[..rest.len().min(3 * WIN)];
        // The alphabet index of character `i`, given that the run's END is at `j`
        // (`None`: a Thai mark, or the window limit).
        let alpha = |i: usize, j: &mut usize| -> Option<u8> {
            if i >= *j {
                return Some(0);
            }
            match rest.get(3 * i..3 * i + 3) {
                Some(&[0xE0, c1 @ (0xBA | 0xBB), c2]) => {
                    let a = LAO_ALPHA[(((c1 & 1) << 6) | (c2 & 0x3F)) as usize];
                    if a == 0 {
                        *j = i;
                    }
                    Some(a)
                }
                Some(&[0xE0, 0xB8 | 0xB9, _]) => None,
                None if limited => None,
                _ => {
                    *j = i;
                    Some(0)
                }
            }
        };
        // Position of the END of the run, once read.
        let mut j = usize::MAX;
        let mut node = 0usize;
        let mut i = 0usize;
        let mut k = 0usize;
        // Bounds the reads past END, whatever the trie holds.
        while i <= WIN + MAX_PATH + 1 {
            // Lao letters and marks, the common case.
            if i < j {
                (node, i, k) = run_bytes(self, rest, ends, node, i, k);
            }
            let Some(a) = alpha(i, &mut j) else {
                return k;
            };
            let slot = node * NA + a as usize;
            let t = self.at(node, a);
            let next = (t & NODE_MASK) as usize;
            let delay = (t >> 16) as usize;
            if next != 0 {
                if let Some(end) = ends.get_mut(k) {
                    *end = 3 * i.wrapping_sub(delay) as u32;
                }
                k += ((t >> 15) & 1) as usize;
                node = next;
                i += 1;
                continue;
            }
            if t == 0 {
                return k;
            }
            // A `LEAF`: the syllable pending since the last end is `delay` long.
            let s = if k > 0 { (ends[k - 1] / 3) as usize } else { 0 };
            let end = s + delay;
            if end <= s || end > j || (end < j && alpha(end, &mut j) == Some(KO_LA)) {
                return k;
            }
            let Some(slot_end) = ends.get_mut(k) else {
                return k;
            };
            *slot_end = 3 * end as u32;
            k += 1;
            if end == j {
                // The run is done.
                return k;
            }
            // As in `scan`: continue from here next time, if the characters read
            // since the end lead to a node.
            if i <= j && end <= i && i - end <= u8::MAX as usize {
                let read = (end..=i).map(|c| alpha(c, &mut j).unwrap_or(0));
                if let Some(n) = self.learn(slot, i - end, read) {
                    node = n;
                    i += 1;
                    continue;
                }
            }
            node = 0;
            i = end;
        }
        k
    }

    /// Ends (byte offsets from the start of `w`) of the units from the start of `w`, where
    /// a syllable starts, into `ends`; returns how many. Stops where a decision
    /// would read past the end of the window, or a ໆ run reaches it.
    ///
    /// This runs the trie as one automaton over the window: each decision found
    /// as `EMIT` both gives the end of a syllable and the node that the characters
    /// read since then lead to, so the characters are read once, and the loop has no
    /// branch that depends on where syllables end.
    fn scan(&mut self, w: &[u8], ends: &mut [u32]) -> usize {
        let n = w.len();
        if ends.len() <= n {
            return 0;
        }
        // Ends are written as byte offsets from the start of `w`.
        let byte = |e: usize| 3 * e as u32;
        let char_at = |v: u32| (v / 3) as usize;
        let mut k = 0usize;
        let mut node = 0usize;
        let mut i = 0usize;
        loop {
            let t;
            (node, i, k, t) = run(self, w, ends, node, i, k);
            if i >= n {
                break;
            }
            // The decision pending starts at the last end.
            let s = if k > 0 { char_at(ends[k - 1]) } else { 0 };
            if w[s] == 0 {
                // The run ended there.
                return k;
            }
            let (len, slot) = if t != 0 {
                (decided_len(t, i - s), Some(node * NA + w[i] as usize))
            } else {
                // The memo has no transition here: the grammar decides, and the
                // decision is filed from `node`, where the characters since `s`
                // led (no need to walk them again from the root).
                match self.decide_from(&w[s..], node, i - s) {
                    Some(len) if len > 0 => (len, None),
                    _ => return k,
                }
            };
            let end = s + len;
            let mut b = end;
            while b < n && w[b] == KO_LA {
                b += 1;
            }
            if b >= n {
                // A ໆ run that may go on past the window: left to `unit_end`.
                return k;
            }
            ends[k] = byte(b);
            k += 1;
            // Continue from here next time, if the characters read since the end
            // lead to a node.
            if let (Some(slot), true) = (slot, b == end && b <= i && i - b <= u8::MAX as usize) {
                if let Some(next) = self.learn(slot, i - b, w[b..=i].iter().copied()) {
                    node = next;
                    i += 1;
                    continue;
                }
            }
            node = 0;
            i = b;
        }
        // A run that ends in the window: the last decisions read past its END.
        if w.last() == Some(&0) {
            let mut s = if k > 0 { char_at(ends[k - 1]) } else { 0 };
            while s + 1 < n {
                let Some(len) = self.decide_at(&w[s..]) else {
                    break;
                };
                let mut b = s + len;
                while b < n && w[b] == KO_LA {
                    b += 1;
                }
                if b >= n || b <= s {
                    break;
                }
                ends[k] = byte(b);
                k += 1;
                s = b;
            }
        }
        k
    }
}

/// Empties this thread's memo of syllable decisions, so that the next text is
/// segmented as if it were the first. Only useful to measure speed on unseen text.
#[doc(hidden)]
pub fn clear_memo() {
    let _ = STATE.try_with(|m| {
        if let Some(mut state) = m.take() {
            state.memo.clear();
            m.set(Some(state));
        }
    });
}

/// The number of nodes in this thread's memo of syllable decisions, the root
/// aside (0 when empty; at most 16,383, and the memo is emptied when full). Only
/// useful to see how the memo grows.
#[doc(hidden)]
pub fn memo_nodes() -> usize {
    STATE
        .try_with(|m| {
            let state = m.take();
            let n = state.as_ref().map_or(0, |s| s.memo.len().saturating_sub(1));
            m.set(state);
            n
        })
        .unwrap_or(0)
}

/// A view of the window that records the furthest position read, so that a
/// decision can be memoised on exactly the characters it depended on.
#[derive(Copy, Clone)]
struct Rd<'a> {
    /// Alphabet indices.
    w: &'a [u8],
    off: usize,
    far: &'a Cell<usize>,
}

impl<'a> Rd<'a> {
    /// The code at position `i` (from this view's start), or `END` past the window.
    #[inline]
    fn get(self, i: usize) -> Code {
        let j = self.off + i;
        if j > self.far.get() {
            self.far.set(j);
        }
        match self.w.get(j) {
            Some(&a) => ALPHA_CODE[a as usize],
            None => END,
        }
    }
}

impl SyllableIndices<'_> {
    /// End of the unit starting at `start`.
    #[inline]
    fn unit_end(&mut self, start: usize) -> usize {
        let text = self.text;
        let b = text.as_bytes();
        let first = match b.get(start..start + 3) {
            Some(&[0xE0, b1 @ (0xBA | 0xBB), b2]) => {
                LAO_CODES[(((b1 & 1) << 6) | (b2 & 0x3F)) as usize]
            }
            _ => code_at(b, start),
        };
        if !starts_syllable(first) {
            return other_unit_end(text, start);
        }
        let st: &mut State = self.state.get_or_insert_with(State::take);
        if self.memoise {
            let mut n = st.memo.scan_bytes(b, start, &mut st.ends);
            if n == 0 {
                n = st.memo.scan(st.win.at(b, start), &mut st.ends);
            }
            if n > 0 {
                self.ends_at = start;
                self.n_ends = n;
                self.next_end = 1;
                let last = start + st.ends[n - 1] as usize;
                let first_end = start + st.ends[0] as usize;
                if may_join(b, last) {
                    return self.rejoin(start, last).unwrap_or(first_end);
                }
                return first_end;
            }
        }
        let w = st.win.at(b, start);
        let memo = if self.memoise {
            st.memo.decide_at(w)
        } else {
            decide_in(w)
        };
        let len = match memo {
            Some(len) => len,
            None => {
                // The decision reads past the end of the window (a run of hundreds
                // of marks): take it on the window that starts here, so that it does
                // not depend on where the window happened to start.
                let far = Cell::new(0);
                decide(Rd {
                    w: st.win.fill(b, start),
                    off: 0,
                    far: &far,
                })
            }
        };
        let w = st.win.at(b, start);
        // ໆ repeats the syllable before it and stays with it.
        let mut n = len;
        while n < w.len() && w[n] == KO_LA {
            n += 1;
        }
        let mut end = start + 3 * n;
        if n == w.len() {
            while class_is(code_at(b, end), Lc::KoLa) {
                end += 3;
            }
        }
        if may_join(b, end) {
            return self.rejoin(start, end).unwrap_or(end);
        }
        end
    }

    /// Where the Lao run read from `start` stops at `at` on a character that joins
    /// the syllable before it ([`joins_syllable`]: ກ + ZWJ + ານ, ປະ + soft hyphen +
    /// ເທດ), the units from `start` on are those of the text without such
    /// characters, each of which stays in the unit before it: they are put in the
    /// buffer of ends, and the first one's end is returned. `None` (nothing done)
    /// if the character at `at` is no such character.
    ///
    /// The run is read up to `REJOIN_MAX` bytes at a time; when it goes on past
    /// that, the units in the last `REJOIN_MARGIN` bytes before the cut are left
    /// to the next call, so that they are read with what follows them, and the
    /// work stays linear. (A single unit longer than that, a consonant with
    /// thousands of marks or ໆ, is cut there.)
    #[cold]
    #[inline(never)]
    fn rejoin(&mut self, start: usize, at: usize) -> Option<usize> {
        let text = self.text;
        if !text.get(at..)?.chars().next().is_some_and(joins_syllable) {
            return None;
        }
        // The stretch: Lao letters, vowels and marks (not digits, ຯ or unassigned
        // code points, units of their own that take no such character), the Thai
        // marks and vowels that have Lao twins (read as Lao in a Lao run), and
        // joining characters.
        let in_run = |c: char| match crate::chars::lao_class(c) {
            Some(cls) => !matches!(cls, Lc::Digit | Lc::Ellipsis | Lc::Unassigned),
            None => {
                thai_mark_twin(c).is_some()
                    || thai_follow_twin(c).is_some()
                    || thai_pre_twin(c).is_some()
                    || joins_syllable(c)
            }
        };
        let mut end = start;
        let mut limited = false;
        for (i, c) in text[start..].char_indices() {
            if !in_run(c) {
                break;
            }
            if i >= REJOIN_MAX {
                limited = true;
                break;
            }
            end = start + i + c.len_utf8();
        }
        // The stretch without them, and where each of its characters is (from
        // `start`): a unit that starts at `bare[i]` starts at `at[i]`, after the
        // joining characters before it.
        let mut bare = String::with_capacity(end - start);
        let mut at = Vec::with_capacity(end - start + 1);
        for (i, c) in text[start..end].char_indices() {
            if !joins_syllable(c) {
                at.resize(bare.len(), u32::MAX);
                at.push(i as u32);
                bare.push(c);
            }
        }
        at.resize(bare.len(), u32::MAX);
        // The nested iterator borrows the thread's state, which this one gives
        // back for the while (its window is read again after).
        if let Some(st) = self.state.take() {
            st.give_back();
        }
        let mut ends: Vec<u32> = syllable_indices(&bare)
            .skip(1)
            .map(|(i, _)| at[i])
            .take(ENDS)
            .collect();
        if limited {
            // The units near the cut were read as if the text ended there: they
            // are read again with what follows, by the next call (the first unit
            // stays, so that the reading goes on).
            let keep = (end - start).saturating_sub(REJOIN_MARGIN) as u32;
            let n = ends.iter().take_while(|&&e| e <= keep).count();
            ends.truncate(n.max(1));
        }
        if ends.is_empty() || (!limited && ends.len() < ENDS) {
            ends.push((end - start) as u32);
        }
        let st = self.state.insert(State::take());
        st.ends[..ends.len()].copy_from_slice(&ends);
        self.ends_at = start;
        self.n_ends = ends.len();
        self.next_end = 1;
        Some(start + ends[0] as usize)
    }
}

/// Whether the text at byte `i` may start a character that joins the syllable
/// before it ([`joins_syllable`]): every such character's UTF-8 starts with a
/// byte of 0xC2 or more, and none is a Lao character (0xE0 0xBA or 0xBB), which
/// is where a scan stops inside a long run. (A test on the bytes only, for the
/// hot path.)
#[inline]
fn may_join(b: &[u8], i: usize) -> bool {
    match b.get(i..i + 2) {
        Some(&[0xE0, 0xBA | 0xBB]) => false,
        Some(&[c, _]) => c >= 0xC2,
        _ => false,
    }
}

/// How far [`SyllableIndices::rejoin`] reads a run at a time, in bytes.
const REJOIN_MAX: usize = 4096;
/// Where [`SyllableIndices::rejoin`] cut a run, the units that end less than this
/// many bytes before the cut are read again from where they start. (A decision
/// reads its own syllable and the next one: far fewer bytes than this, unless
/// hundreds of marks make them long.)
const REJOIN_MARGIN: usize = 768;

/// Whether `c` belongs to the Lao syllable before it rather than being a unit of
/// its own: an invisible character that does not mark a word break (a soft
/// hyphen, ZWJ, ZWNJ, the word joiner, U+FEFF, U+180E), which the search form
/// removes, or a combining mark of another script (U+0301, a variation selector),
/// which has no other letter to sit on. ZERO WIDTH SPACE, which marks a break,
/// is not one of them; Thai marks are read as Lao ones in a Lao syllable.
#[inline]
pub(crate) fn joins_syllable(c: char) -> bool {
    joins_other(c) || (is_foreign_mark(c) && !('\u{E00}'..='\u{E7F}').contains(&c))
}

/// [`decide`] on the window `w`, with the furthest position it read; `None` if it
/// read past the end of a window that does not hold the whole run.
fn decide_far(w: &[u8]) -> Option<(usize, usize)> {
    let far = Cell::new(0);
    let len = decide(Rd {
        w,
        off: 0,
        far: &far,
    });
    // The decision read positions 0..=far only, so the same characters there always
    // give the same decision (reads past the end of the run give END, as they do in
    // `Memo::lookup`).
    let far = far.get();
    (far < w.len() || w.last() == Some(&0)).then_some((len, far))
}

/// [`decide_far`] without the position.
fn decide_in(w: &[u8]) -> Option<usize> {
    decide_far(w).map(|(len, _)| len)
}

/// Length in characters of the syllable at the start of `w`: the candidate whose
/// cost plus the cheapest next syllable is lowest; on a tie, the longer one.
#[inline]
fn decide(w: Rd) -> usize {
    let cands = lao_candidates(w);
    // Most of the time bounds on the next syllable's cost settle it without reading
    // the next syllable.
    if let Some(len) = sure_winner(w, &cands) {
        return len;
    }
    // A candidate that alone costs more than the best total so far cannot win, so
    // its next syllable is not looked at.
    let mut best_total = u32::MAX;
    let mut best_len = 0usize;
    for cand in cands.as_slice() {
        if cand.cost as u32 > best_total {
            continue;
        }
        let len = cand.len as usize;
        let next_cost = if starts_syllable(w.get(len)) {
            lao_min_cost(Rd {
                off: w.off + len,
                ..w
            })
        } else {
            0
        };
        let total = cand.cost as u32 + next_cost;
        if total < best_total || (total == best_total && len > best_len) {
            best_total = total;
            best_len = len;
        }
    }
    best_len
}

/// Bounds on the cost of the cheapest syllable at `i`: (lower, upper), or `None`
/// for the upper bound when it would take reading the syllable to know.
#[inline]
fn next_bounds(w: Rd, i: usize) -> (u32, Option<u32>) {
    let c = w.get(i);
    if !starts_syllable(c) {
        return (0, Some(0));
    }
    if class_is(c, Lc::Cons) {
        // The consonant alone is always a reading.
        return (BASE as u32, Some(BARE_CONSONANT as u32));
    }
    (BASE as u32, None)
}

/// The length of the candidate that wins whatever the next syllable turns out to
/// be, if the bounds show one.
#[inline]
fn sure_winner(w: Rd, cands: &Cands) -> Option<usize> {
    let list = cands.as_slice();
    let best = list.iter().min_by_key(|c| (c.cost, u8::MAX - c.len))?;
    if list.len() == 1 {
        return Some(best.len as usize);
    }
    let upper = best.cost as u32 + next_bounds(w, best.len as usize).1?;
    for c in list {
        if c.len == best.len {
            continue;
        }
        let lower = c.cost as u32 + next_bounds(w, c.len as usize).0;
        if !(upper < lower || (upper == lower && best.len > c.len)) {
            return None;
        }
    }
    Some(best.len as usize)
}

/// Whether a syllable (rather than another unit) starts at a character with code `c`.
#[inline]
fn starts_syllable(c: Code) -> bool {
    c != END
        && !matches!(
            c & CLASS,
            x if x == Lc::Digit as Code
                || x == Lc::Ellipsis as Code
                || x == Lc::Unassigned as Code
                || x == Lc::KoLa as Code
        )
}

// ---------------------------------------------------------------------------
// Costs. Lower is better; a syllable with a written vowel costs `BASE`.

const BASE: u16 = 10;
/// ລ/ຣ as the second consonant of an onset (ປຣະ, ໂຕຣ).
const CLUSTER_LR: u16 = 3;
/// Medial ວ (ຄວາມ, ກວ້າງ).
const MEDIAL_W: u16 = 1;
/// A final other than ກ ງ ດ ນ ບ ມ ຍ ວ (loanwords, Pali).
const RARE_FINAL: u16 = 4;
/// A consonant standing alone (abbreviations, inherent vowel).
const BARE_CONSONANT: u16 = 25;
/// ຫ read alone after a pre-vowel where it could cluster with the next letter
/// (ເຫ|ມືອນ against ເຫມືອນ): more than a medial ວ, a ລ/ຣ cluster or a rare final
/// on the syllable after the cluster can cost.
const SPLIT_HO_CLUSTER: u16 = 5;
/// A mark, vowel or pre-vowel with no consonant to sit on.
const STRAY: u16 = 40;

/// One reading of a syllable: its length in characters and its cost.
#[derive(Copy, Clone, Debug, Default)]
struct Cand {
    len: u8,
    cost: u8,
}

const MAX_CANDS: usize = 8;

#[derive(Copy, Clone, Debug)]
struct Cands {
    len: u8,
    /// Only the cheapest cost is wanted (the look-ahead): readings that cannot be
    /// cheaper are not listed, and no more characters are read than that takes.
    min_only: bool,
    list: [Cand; MAX_CANDS],
}

impl Cands {
    fn new() -> Cands {
        Cands {
            len: 0,
            min_only: false,
            list: [Cand::default(); MAX_CANDS],
        }
    }
    #[inline]
    fn push(&mut self, len: usize, cost: u16) {
        // Window positions are below 256 and costs below 100.
        let len = len.min(255) as u8;
        let cost = cost.min(255) as u8;
        // Keep the cheapest cost per length.
        for c in &mut self.list[..self.len as usize] {
            if c.len == len {
                c.cost = c.cost.min(cost);
                return;
            }
        }
        if (self.len as usize) < MAX_CANDS {
            self.list[self.len as usize] = Cand { len, cost };
            self.len += 1;
        }
    }
    /// Adds `extra` to the cost of the reading of length `len`, if there is one.
    #[inline]
    fn raise(&mut self, len: usize, extra: u16) {
        for c in &mut self.list[..self.len as usize] {
            if c.len as usize == len {
                c.cost = (c.cost as u16 + extra).min(255) as u8;
            }
        }
    }
    #[inline]
    fn as_slice(&self) -> &[Cand] {
        &self.list[..self.len as usize]
    }
    #[inline]
    fn min_cost(&self) -> u32 {
        self.as_slice()
            .iter()
            .map(|c| c.cost as u32)
            .min()
            .unwrap_or(0)
    }
}

/// Which vowel mark sits on the onset.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Vm {
    None,
    MaiKan,
    Upper,
    Ue,
    MaiKon,
    Niggahita,
}

/// Pre-posed vowel of a syllable.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Pre {
    None,
    E,
    Ae,
    O,
    Ai,
}

/// Reads the run of combining marks at `i`: its end and the vowel mark in it.
#[inline]
fn mark_run(w: Rd, mut i: usize) -> (usize, Vm) {
    let mut v = Vm::None;
    loop {
        let code = w.get(i);
        if code == END || code & IS_MARK == 0 {
            break;
        }
        if v == Vm::None {
            let c = code & CLASS;
            v = if c == Lc::MaiKan as Code {
                Vm::MaiKan
            } else if c == Lc::VowelI as Code || c == Lc::VowelU as Code {
                Vm::Upper
            } else if c == Lc::VowelUe as Code {
                Vm::Ue
            } else if c == Lc::MaiKon as Code {
                Vm::MaiKon
            } else if c == Lc::Niggahita as Code {
                Vm::Niggahita
            } else {
                Vm::None
            };
        }
        i += 1;
    }
    (i, v)
}

/// Whether the consonant at `i` can close a syllable: it is not followed by a mark or
/// a vowel letter that would make it the next onset. Returns the end of the final
/// (with an attached ໌ or ຺) and its cost.
#[inline]
fn final_at(w: Rd, i: usize) -> Option<(usize, u16)> {
    let c = w.get(i);
    if !class_is(c, Lc::Cons) || c & NEVER_FINAL != 0 {
        return None;
    }
    let mut end = i + 1;
    let n = w.get(end);
    if n != END {
        if class_is(n, Lc::Cancel) || class_is(n, Lc::Virama) {
            end += 1;
        } else if n & IS_MARK != 0
            || class_is(n, Lc::VowelA)
            || class_is(n, Lc::VowelAa)
            || class_is(n, Lc::VowelAm)
            || class_is(n, Lc::Nyo)
        {
            return None;
        }
    }
    Some((end, if c & COMMON_FINAL != 0 { 0 } else { RARE_FINAL }))
}

/// Skips tone marks typed after ຳ or a final າ (ນຳ້): they belong to this syllable.
#[inline]
fn skip_tones(w: Rd, mut i: usize) -> usize {
    while class_is(w.get(i), Lc::Tone) {
        i += 1;
    }
    i
}

/// Pushes the reading that ends with an optional final consonant at `i`.
#[inline]
fn push_opt_final(w: Rd, i: usize, cost: u16, out: &mut Cands) {
    out.push(i, cost);
    // With a final the reading costs at least as much: no need to read it for the
    // cheapest cost.
    if !out.min_only {
        push_final(w, i, cost, out);
    }
}

/// Pushes the reading that ends with a final consonant at `i`, if there is one.
#[inline]
fn push_final(w: Rd, i: usize, cost: u16, out: &mut Cands) {
    if let Some((end, fc)) = final_at(w, i) {
        out.push(end, cost + fc);
    }
}

/// Pushes every reading of the vowel letters and final after the onset and its
/// marks (which end at `r`), as Lao spelling allows them after the pre-vowel `pre`
/// and the vowel mark `v`.
#[inline]
fn push_tails(w: Rd, r: usize, pre: Pre, v: Vm, medial: bool, cost: u16, out: &mut Cands) {
    let c = w.get(r);
    let is = |cls: Lc| class_is(c, cls);
    match (pre, v) {
        (Pre::None, Vm::None) => {
            if is(Lc::VowelA) {
                out.push(r + 1, cost);
            } else if is(Lc::VowelAa) {
                push_opt_final(w, r + 1, cost, out);
            } else if is(Lc::VowelAm) {
                out.push(skip_tones(w, r + 1), cost);
            } else if c == END {
            } else if c & IS_O != 0 {
                // ອ as the vowel: closed (ຕອນ), rarely open.
                push_final(w, r + 1, cost, out);
                out.push(r + 1, cost + 15);
            } else if c & IS_W != 0 && !medial {
                // ວ as the vowel ua in a closed syllable (ສວນ).
                push_final(w, r + 1, cost, out);
            } else if is(Lc::Nyo) {
                push_final(w, r + 1, cost, out);
                out.push(r + 1, cost + 6);
            }
        }
        (Pre::None, Vm::MaiKan) => {
            push_final(w, r, cost, out);
            if c != END && c & IS_O != 0 {
                push_final(w, r + 1, cost + 2, out);
            }
        }
        (Pre::None, Vm::Upper | Vm::Ue) | (Pre::E, Vm::Upper) => push_opt_final(w, r, cost, out),
        (Pre::None, Vm::MaiKon) => {
            push_final(w, r, cost, out);
            if c != END && c & IS_W != 0 && !medial && class_is(w.get(r + 1), Lc::VowelA) {
                out.push(r + 2, cost);
            }
        }
        (Pre::None, Vm::Niggahita) => {
            out.push(r, cost);
            if is(Lc::VowelAa) {
                out.push(skip_tones(w, r + 1), cost);
            }
        }
        (Pre::E, Vm::None) => {
            push_opt_final(w, r, cost, out);
            if is(Lc::VowelA) {
                out.push(r + 1, cost);
            } else if is(Lc::VowelAa) {
                if class_is(w.get(r + 1), Lc::VowelA) {
                    out.push(r + 2, cost);
                }
                out.push(skip_tones(w, r + 1), cost + 2);
            }
        }
        (Pre::E | Pre::Ae, Vm::MaiKan) => push_final(w, r, cost, out),
        (Pre::E, Vm::Ue) => {
            if c != END && c & IS_O != 0 {
                push_opt_final(w, r + 1, cost, out);
            }
            out.push(r, cost + 3);
        }
        (Pre::E, Vm::MaiKon) if is(Lc::VowelAa) => out.push(skip_tones(w, r + 1), cost),
        (Pre::Ae | Pre::O, Vm::None) => {
            push_opt_final(w, r, cost, out);
            if is(Lc::VowelA) {
                out.push(r + 1, cost);
            }
        }
        (Pre::Ai, Vm::None) => out.push(r, cost),
        _ => {}
    }
}

/// Every reading of a Lao syllable at the start of `w`, with its cost.
#[inline]
fn lao_candidates(w: Rd) -> Cands {
    lao_readings(w, false)
}

/// The cheapest cost of a Lao syllable at the start of `w`, reading as few
/// characters as that takes (the decision of the syllable before depends on exactly
/// the characters read, see [`Memo`]).
#[inline]
fn lao_min_cost(w: Rd) -> u32 {
    lao_readings(w, true).min_cost()
}

/// [`lao_candidates`], or with `min_only` a subset with the same cheapest cost.
#[inline]
fn lao_readings(w: Rd, min_only: bool) -> Cands {
    let mut out = Cands::new();
    out.min_only = min_only;
    let c0 = w.get(0);
    if c0 == END {
        return out;
    }
    let c0c = c0 & CLASS;
    let (mut pre, mut p) = if c0c == Lc::PreE as Code {
        (Pre::E, 1)
    } else if c0c == Lc::PreAe as Code {
        (Pre::Ae, 1)
    } else if c0c == Lc::PreO as Code {
        (Pre::O, 1)
    } else if c0c == Lc::PreAi as Code {
        (Pre::Ai, 1)
    } else {
        (Pre::None, 0)
    };
    // ເເ typed for ແ.
    if pre == Pre::E && class_is(w.get(1), Lc::PreE) {
        pre = Pre::Ae;
        p = 2;
    }
    let c = w.get(p);
    if class_is(c, Lc::Cons) {
        let c2 = w.get(p + 1);
        let (r1, v1) = mark_run(w, p + 1);
        push_tails(w, r1, pre, v1, false, BASE, &mut out);
        if pre != Pre::None && c & IS_HO != 0 && class_is(c2, Lc::Cons) && c2 & HO_SECOND != 0 {
            // A pre-vowel on ຫ and a letter it clusters with (ເຫມືອນ, the old
            // spelling of ເໝືອນ): ຫ alone, an open syllable (ເຫ), is a reading at a
            // cost, so that the look-ahead does not split the cluster whenever the
            // next syllable costs a little more (ເຫມືອນຄວາມ).
            out.raise(p + 1, SPLIT_HO_CLUSTER);
        }
        if min_only && out.min_cost() == BASE as u32 {
            // No reading costs less than `BASE`.
            return out;
        }
        // Two-consonant onsets.
        if class_is(c2, Lc::Cons) {
            let second = if c & IS_HO != 0 && c2 & HO_SECOND != 0 {
                Some((0, false))
            } else if c2 & IS_LR != 0 && c & LR_FIRST != 0 {
                Some((CLUSTER_LR, false))
            } else if c2 & IS_W != 0 && c & IS_W == 0 {
                Some((MEDIAL_W, true))
            } else {
                None
            };
            if let Some((oc, medial)) = second {
                let (r2, v2) = mark_run(w, p + 2);
                push_tails(w, r2, pre, v2, medial, BASE + oc, &mut out);
                if pre == Pre::None && oc == 0 && !medial {
                    // A ຫ-cluster standing alone, as its ligature (ຫນ as ໜ, ຫມ as
                    // ໝ) and ຫຼ stand: one unit, so that spellings the search form
                    // makes one (ຂະຫນມ, ຂະໜມ) get the same boundaries. The cost of
                    // a lone consonant, which a tie gives to the longer reading.
                    out.push(r2, BARE_CONSONANT);
                }
            }
        }
        // Fallback: the consonant (with its marks) alone.
        out.push(
            r1,
            if pre != Pre::None {
                BASE + 12
            } else {
                BARE_CONSONANT
            },
        );
    } else {
        // A pre-vowel with no consonant, or a mark/vowel letter with no onset.
        let (r, _) = mark_run(w, if pre != Pre::None { p } else { p + 1 });
        out.push(r, STRAY);
    }
    if min_only {
        // What follows changes lengths, not costs.
        return out;
    }
    // A silent letter with ໌ (ຈັນທ໌, ໄຟລ໌) belongs to the syllable before it.
    for k in 0..out.len as usize {
        let end = out.list[k].len as usize;
        if class_is(w.get(end), Lc::Cons) && w.get(end + 1) & IS_MARK != 0 && w.get(end + 1) != END
        {
            let (r, _) = mark_run(w, end + 1);
            if (end + 1..r).any(|j| class_is(w.get(j), Lc::Cancel)) {
                out.list[k].len = r.min(255) as u8;
            }
        }
    }
    out
}

/// Kinds of units that are not Lao syllables.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Other {
    Space,
    Number,
    Letters,
    Single,
}

fn kind_of(c: char) -> Other {
    if c.is_whitespace() {
        Other::Space
    } else if c.is_numeric() {
        Other::Number
    } else if c.is_alphabetic() && !crate::chars::is_lao(c) {
        // (A Lao character here, ໆ with no syllable before it, is a unit of its
        // own: it does not start a run of another script's letters.)
        Other::Letters
    } else {
        Other::Single
    }
}

/// Combining marks of other scripts that stay with the letter before them:
/// those of the Latin, Cyrillic, Hebrew and Arabic scripts and the general
/// combining blocks, Thai's, the joiners and variation selectors, and the marks
/// of the scripts of Laos's neighbours and of India that are not alphabetic
/// characters (a run of another script's letters takes those that are): the
/// viramas and nuktas of the Indic scripts and Sinhala, Tibetan's, Myanmar's
/// virama, asat and tone marks, Khmer's coeng and signs, Tai Tham's sakot and
/// tone marks, Tai Viet's tone marks.
#[inline]
pub(crate) fn is_foreign_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A | 0x064B..=0x065F
        | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF
        | 0x200C | 0x200D | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F
        // Indic viramas, nuktas and Vedic accents; Sinhala's al-lakuna.
        | 0x093C | 0x094D | 0x0951..=0x0954 | 0x09BC | 0x09CD | 0x0A3C | 0x0A4D | 0x0A51
        | 0x0ABC | 0x0ACD | 0x0AFA..=0x0AFF | 0x0B3C | 0x0B4D | 0x0BCD | 0x0C3C | 0x0C4D
        | 0x0CBC | 0x0CCD | 0x0D3B | 0x0D3C | 0x0D4D | 0x0DCA
        // Tibetan.
        | 0x0F18 | 0x0F19 | 0x0F35 | 0x0F37 | 0x0F39 | 0x0F3E | 0x0F3F | 0x0F82..=0x0F84
        | 0x0F86 | 0x0F87 | 0x0FC6
        // Myanmar, Khmer, Tai Tham, Tai Viet.
        | 0x1037 | 0x1039 | 0x103A | 0x1087..=0x108D | 0x108F | 0x109A..=0x109D
        | 0x17C9..=0x17D3 | 0x17DD | 0x1A60 | 0x1A75..=0x1A7C | 0x1A7F | 0xAABF | 0xAAC1
        // Variation selectors 17–256.
        | 0xE0100..=0xE01EF)
}

/// End of the non-syllable unit starting at `start`.
fn other_unit_end(text: &str, start: usize) -> usize {
    let b = text.as_bytes();
    // Fast paths for runs of ASCII spaces or digits that end where the general
    // rules would end them too; anything unusual goes the general way.
    // The ASCII characters that are Unicode White_Space.
    let ascii_space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r');
    if ascii_space(b[start]) {
        let mut i = start + 1;
        while i < b.len() && ascii_space(b[i]) {
            i += 1;
        }
        // Lead bytes of the non-ASCII whitespace characters: U+0085, U+00A0 (C2),
        // U+1680 (E1), U+2000–U+205F (E2), U+3000 (E3).
        if i == b.len() || !matches!(b[i], 0xC2 | 0xE1 | 0xE2 | 0xE3) {
            return i;
        }
    } else if b[start].is_ascii_punctuation() {
        // A single character, unless a combining mark of another script follows
        // (those start with a byte of 0xCC or more that is not a Lao letter).
        let i = start + 1;
        if i == b.len()
            || b[i] < 0x80
            || (b[i] == 0xE0 && matches!(b.get(i + 1), Some(0xBA | 0xBB)))
        {
            return i;
        }
    } else if b[start].is_ascii_digit() {
        let mut i = start + 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        // Stop before ASCII that is not a digit separator, or a Lao letter.
        if i == b.len()
            || (b[i] < 0x80 && b[i] != b'.' && b[i] != b',')
            || (b[i] == 0xE0 && b.get(i + 1) == Some(&0xBA))
        {
            return i;
        }
    }
    let mut it = text[start..].char_indices().peekable();
    let (_, first) = it.next().expect("start < len");
    let kind = kind_of(first);
    let mut end = start + first.len_utf8();
    // The last character taken, and how many regional indicators the unit has.
    let mut last = first;
    let mut flags = usize::from(is_regional_indicator(first));
    let emoji = kind == Other::Single && is_pictographic(first);
    while let Some(&(off, c)) = it.peek() {
        // Marks, and invisible characters that mark no break, stay with the
        // letter, digit or symbol before them (not with a space), as in a Lao
        // syllable; a word or number goes on after them.
        // (Looked at after the kind's own characters, and not for ASCII, which
        // has none of them.)
        let attached = |c: char| {
            kind != Other::Space && !c.is_ascii() && (is_foreign_mark(c) || joins_other(c))
        };
        let ok = match kind {
            Other::Space => c.is_whitespace(),
            Other::Number => {
                if c.is_numeric() {
                    true
                } else if c == '.' || c == ',' {
                    // A separator between two digits.
                    let mut look = text[start + off + 1..].chars();
                    look.next().is_some_and(|d| d.is_numeric())
                } else {
                    false
                }
            }
            // (Not a Thai pre-posed vowel before a Lao consonant: it is read as its
            // Lao twin, and starts a Lao syllable, as after any other unit.)
            Other::Letters => {
                c.is_alphabetic()
                    && !crate::chars::is_lao(c)
                    && !(('\u{E40}'..='\u{E44}').contains(&c)
                        && thai_twin_at(b, start + off).is_some())
            }
            // An emoji sequence is one unit, as a grapheme cluster is: a
            // pictograph after ZWJ, a skin tone, tags (subdivision flags), and
            // the second of a pair of regional indicators (a country's flag).
            Other::Single => {
                (emoji && last == '\u{200D}' && is_pictographic(c))
                    || is_emoji_modifier(c)
                    || is_tag(c)
                    || (flags == 1 && is_regional_indicator(c))
            }
        } || attached(c);
        if !ok {
            break;
        }
        flags += usize::from(is_regional_indicator(c));
        last = c;
        end = start + off + c.len_utf8();
        it.next();
    }
    end
}

/// An invisible character that marks no break (a soft hyphen, the word joiner,
/// U+FEFF, U+180E; ZWJ and ZWNJ are among [`is_foreign_mark`]'s): inside a word
/// or a number of another script it is part of it, as in a Lao syllable.
#[inline]
fn joins_other(c: char) -> bool {
    c != '\u{200B}' && crate::chars::is_zero_width(c)
}

/// A regional indicator (U+1F1E6–U+1F1FF): two of them make a country's flag.
#[inline]
fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

/// An emoji skin-tone modifier (U+1F3FB–U+1F3FF).
#[inline]
fn is_emoji_modifier(c: char) -> bool {
    ('\u{1F3FB}'..='\u{1F3FF}').contains(&c)
}

/// A tag character (U+E0020–U+E007F), which spells a subdivision's flag after
/// 🏴.
#[inline]
fn is_tag(c: char) -> bool {
    ('\u{E0020}'..='\u{E007F}').contains(&c)
}

/// The pictographs that emoji ZWJ sequences join (Unicode's
/// Extended_Pictographic, by its blocks: the symbols of U+2190–U+2BFF that
/// emoji use, and U+1F000–U+1FAFF but the regional indicators and skin tones).
#[inline]
fn is_pictographic(c: char) -> bool {
    matches!(c as u32,
        0x00A9 | 0x00AE | 0x203C | 0x2049 | 0x2122 | 0x2139 | 0x2194..=0x2199 | 0x21A9 | 0x21AA
        | 0x231A | 0x231B | 0x2328 | 0x23CF | 0x23E9..=0x23F3 | 0x23F8..=0x23FA | 0x24C2
        | 0x25AA | 0x25AB | 0x25B6 | 0x25C0 | 0x25FB..=0x25FE | 0x2600..=0x27BF | 0x2934
        | 0x2935 | 0x2B05..=0x2B07 | 0x2B1B | 0x2B1C | 0x2B50 | 0x2B55 | 0x3030 | 0x303D
        | 0x3297 | 0x3299 | 0x1F000..=0x1F1E5 | 0x1F200..=0x1F3FA | 0x1F400..=0x1FAFF
        | 0x1FC00..=0x1FFFD)
}

/// Converts `(byte_offset, unit)` items of one text, in order and contiguous from
/// the start, into `(start, end)` spans in UTF-16 code units (what JavaScript string
/// indices and `selectionStart` use).
///
/// ```
/// let spans: Vec<(usize, usize)> = akson::utf16_spans(akson::syllable_indices("ສະບາຍ 🙂")).collect();
/// assert_eq!(spans, [(0, 2), (2, 5), (5, 6), (6, 8)]);
/// ```
pub fn utf16_spans<'a, I>(units: I) -> impl Iterator<Item = (usize, usize)> + 'a
where
    I: IntoIterator<Item = (usize, &'a str)> + 'a,
{
    let mut at = 0usize;
    units.into_iter().map(move |(_, s)| {
        let start = at;
        at += s.chars().map(char::len_utf16).sum::<usize>();
        (start, at)
    })
}

/// Converts `(byte_offset, unit)` items of one text, in order and contiguous from
/// the start, into `(start, end)` spans in Unicode code points (what Python string
/// indices use).
pub fn char_spans<'a, I>(units: I) -> impl Iterator<Item = (usize, usize)> + 'a
where
    I: IntoIterator<Item = (usize, &'a str)> + 'a,
{
    let mut at = 0usize;
    units.into_iter().map(move |(_, s)| {
        let start = at;
        at += s.chars().count();
        (start, at)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(s: &str) -> String {
        syllables(s).collect::<Vec<_>>().join("|")
    }

    #[test]
    fn issue_examples() {
        assert_eq!(seg("ວັດທະນະຖາວອນ"), "ວັດ|ທະ|ນະ|ຖາ|ວອນ");
        assert_eq!(seg("ໂທລະຄົມມະນາຄົມ"), "ໂທ|ລະ|ຄົມ|ມະ|ນາ|ຄົມ");
        assert_eq!(seg("ເອເລັກໂຕຣນິກ"), "ເອ|ເລັກ|ໂຕຣ|ນິກ");
        assert_eq!(seg("ຄອມພິວເຕີ"), "ຄອມ|ພິວ|ເຕີ");
    }

    #[test]
    fn clusters_and_vowels() {
        assert_eq!(seg("ຄວາມຮູ້"), "ຄວາມ|ຮູ້");
        assert_eq!(seg("ກະຊວງ"), "ກະ|ຊວງ");
        assert_eq!(seg("ເຄື່ອງ"), "ເຄື່ອງ");
        assert_eq!(seg("ເຂົ້າ"), "ເຂົ້າ");
        assert_eq!(seg("ໃຫຍ່"), "ໃຫຍ່");
        assert_eq!(seg("ຫຼວງ"), "ຫຼວງ");
        assert_eq!(seg("ຫລວງ"), "ຫລວງ");
        assert_eq!(seg("ແຂວງ"), "ແຂວງ");
        assert_eq!(seg("ນາຍົກ"), "ນາ|ຍົກ");
        assert_eq!(seg("ເອກະພາບ"), "ເອ|ກະ|ພາບ");
        assert_eq!(seg("ດໍາລັດ"), "ດໍາ|ລັດ");
        assert_eq!(seg("ດຳລັດ"), "ດຳ|ລັດ");
        assert_eq!(seg("ຕ່າງໆ"), "ຕ່າງໆ");
        assert_eq!(seg("ສປປ"), "ສ|ປ|ປ");
    }

    #[test]
    fn other_units() {
        assert_eq!(seg("ປີ 2016-2020."), "ປີ| |2016|-|2020|.");
        assert_eq!(seg("1.000,5 km"), "1.000,5| |km");
        assert_eq!(seg("ເລກທີ 323 /ປທສ"), "ເລກ|ທີ| |323| |/|ປ|ທ|ສ");
        assert_eq!(seg("  \u{A0}"), "  \u{A0}");
        assert_eq!(seg(""), "");
        assert_eq!(seg("ຯ"), "ຯ");
    }

    #[test]
    fn words_of_other_scripts_keep_their_marks() {
        // A virama, coeng, sakot or asat is a mark, though not a letter.
        for word in [
            "क्ष",
            "ক্ষ",
            "ক্ষ্",
            "ស្រុក",
            "ᨠ\u{1A60}ᨠ",
            "ဂ\u{1039}ဂ",
            "မြန်မာ",
            "ཀྵ",
            "ශ්‍රී",
            "éa\u{301}",
        ] {
            assert_eq!(
                seg(&format!("ລາວ {word} ລາວ")),
                format!("ລາວ| |{word}| |ລາວ")
            );
        }
        // ໆ with no syllable before it is a unit of its own, not the first
        // letter of a word of Latin letters.
        assert_eq!(seg("ຕ່າງ ໆabc"), "ຕ່າງ| |ໆ|abc");
        assert_eq!(seg("ໆໆ"), "ໆ|ໆ");
    }

    #[test]
    fn other_scripts_keep_their_invisible_characters_and_emoji_sequences() {
        // A soft hyphen, the word joiner, U+FEFF, U+180E, ZWJ or ZWNJ inside a
        // word or a number of another script does not split it; ZERO WIDTH SPACE
        // does.
        for c in [
            '\u{AD}', '\u{2060}', '\u{FEFF}', '\u{180E}', '\u{200C}', '\u{200D}',
        ] {
            for (text, want) in [
                ("co{c}operate", "co{c}operate"),
                ("ICT{c}ໃນ", "ICT{c}|ໃນ"),
                ("1{c}000 ກີບ", "1{c}000| |ກີບ"),
                ("໒໐{c}໑໘", "໒໐{c}໑໘"),
                ("(ກ){c}", "(|ກ|){c}"),
                ("ab{c} cd", "ab{c}| |cd"),
                ("ab {c}cd", "ab| |{c}|cd"),
            ] {
                let (text, want) = (
                    text.replace("{c}", &c.to_string()),
                    want.replace("{c}", &c.to_string()),
                );
                assert_eq!(seg(&text), want, "{c:?}");
            }
        }
        assert_eq!(seg("co\u{200B}operate"), "co|\u{200B}|operate");
        // Emoji: ZWJ sequences, skin tones, flags (pairs of regional indicators,
        // and tag sequences), keycaps, variation selectors.
        for (text, want) in [
            (
                "ລາວ👨\u{200D}👩\u{200D}👧ລາວ",
                "ລາວ|👨\u{200D}👩\u{200D}👧|ລາວ",
            ),
            ("❤\u{FE0F}\u{200D}🔥", "❤\u{FE0F}\u{200D}🔥"),
            ("👍🏽👍", "👍🏽|👍"),
            ("🇱🇦🇹🇭🇱", "🇱🇦|🇹🇭|🇱"),
            (
                "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}ລາວ",
                "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}|ລາວ",
            ),
            ("1\u{FE0F}\u{20E3}", "1\u{FE0F}\u{20E3}"),
            ("#\u{FE0F}\u{20E3}", "#\u{FE0F}\u{20E3}"),
            // ZWJ joins pictographs only: not a letter, and not a pictograph after
            // something else.
            ("👍\u{200D}a", "👍\u{200D}|a"),
            ("!\u{200D}👍", "!\u{200D}|👍"),
            ("🙂🙂", "🙂|🙂"),
        ] {
            assert_eq!(seg(text), want);
        }
    }

    #[test]
    fn invisible_characters_and_other_scripts_marks_stay_in_the_syllable() {
        // A soft hyphen, ZWJ, ZWNJ, the word joiner, U+FEFF, U+180E, a variation
        // selector or another script's combining mark: the syllables are those of
        // the text without it, and it stays in the one before it.
        for c in [
            '\u{AD}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{180E}', '\u{301}',
            '\u{FE0F}',
        ] {
            for (text, want) in [
                ("ກ{c}ານ", "ກ{c}ານ"),
                ("ປະ{c}ເທດລາວ", "ປະ{c}|ເທດ|ລາວ"),
                // ເສລີ alone is one syllable (a ສລ cluster); ເສລີພາບ is ເສ|ລີ|ພາບ.
                ("ເສລີ{c}ພາບ", "ເສ|ລີ{c}|ພາບ"),
                ("ເສລີ{c}", "ເສລີ{c}"),
                ("ປະເທດ{c}{c} ລາວ", "ປະ|ເທດ{c}{c}| |ລາວ"),
                ("ອື່ນໆ{c}ເຊັ່ນ", "ອື່ນໆ{c}|ເຊັ່ນ"),
                // After a number it stays in the number (see
                // `other_scripts_keep_their_invisible_characters_and_emoji_sequences`);
                // not after a space, nor at the start.
                ("{c}ລາວ", "{c}|ລາວ"),
                ("໑{c}ລາວ", "໑{c}|ລາວ"),
                ("ລາວ{c}໑{c}ລາວ", "ລາວ{c}|໑{c}|ລາວ"),
                ("ລາວ {c}", "ລາວ| |{c}"),
            ] {
                let (text, want) = (
                    text.replace("{c}", &c.to_string()),
                    want.replace("{c}", &c.to_string()),
                );
                assert_eq!(seg(&text), want, "{c:?}");
                // The same with every decision taken by the grammar.
                let units: Vec<&str> = seg_unmemoised(&text).into_iter().map(|(_, u)| u).collect();
                assert_eq!(units.join("|"), want, "{c:?}");
            }
        }
        // ZERO WIDTH SPACE marks a break.
        assert_eq!(seg("ປະ\u{200B}ເທດ"), "ປະ|\u{200B}|ເທດ");
        // Thai letters after one are not read into the Lao run (and the Thai
        // word keeps the one inside it).
        assert_eq!(seg("ກ\u{AD}ก\u{AD}ข"), "ກ\u{AD}|ก\u{AD}ข");
        // Variation selectors 17–256 too.
        assert_eq!(seg("ກ\u{E0100}ານ"), "ກ\u{E0100}ານ");
        // Runs longer than a stretch: the syllables near each cut are read with
        // what follows them, so they are still the bare text's.
        for (unit, every) in [("ເດືອນ", 1), ("ເສລີພາບ", 1), ("ສະບາຍດີ", 3), ("ກ", 7)]
        {
            let bare = format!("{}ເສລີພາບ", unit.repeat(900));
            let mut text = String::new();
            for (k, c) in bare.chars().enumerate() {
                text.push(c);
                if k % every == 0 {
                    text.push('\u{AD}');
                }
            }
            let units: Vec<String> = syllables(&text).map(|u| u.replace('\u{AD}', "")).collect();
            let want: Vec<&str> = syllables(&bare).collect();
            let first_wrong = units.iter().zip(&want).position(|(a, b)| a != b);
            assert_eq!((first_wrong, units.len()), (None, want.len()), "{unit}");
        }
        // A long run with them is read a stretch at a time, with no unit cut.
        let text = "ສະບາຍດີ\u{AD}".repeat(5_000);
        let units: Vec<&str> = syllables(&text).collect();
        assert_eq!(units.len(), 15_000);
        assert!(units.chunks(3).all(|u| u == ["ສະ", "ບາຍ", "ດີ\u{AD}"]));
    }

    /// The same text with no memo: every decision taken by the grammar.
    fn seg_unmemoised(s: &str) -> Vec<(usize, &str)> {
        let mut it = syllable_indices(s);
        it.memoise = false;
        it.collect()
    }

    #[test]
    fn memo_nodes_counts_this_threads_memo() {
        clear_memo();
        assert_eq!(memo_nodes(), 0);
        assert_eq!(syllables("ກະຊວງໄປສະນີ").count(), 5);
        assert!(memo_nodes() > 0);
        clear_memo();
        assert_eq!(memo_nodes(), 0);
    }

    #[test]
    fn memo_gives_the_grammars_decisions() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");
        let mut texts: Vec<String> = std::fs::read_dir(dir)
            .expect("../shared/corpus beside the project (see ./test)")
            .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
            .collect();
        assert!(texts.len() >= 5, "{} files in {dir}", texts.len());
        // Random strings over Lao letters, Thai marks and a few other characters,
        // so that rare paths (stray marks, runs cut by the window) are memoised too.
        let extra = [
            '\u{E48}', '\u{E34}', '\u{E4C}', ' ', 'a', '1', '.', '\u{A0}',
        ];
        texts.extend(crate::random_texts(0x2545_F491_4F6C_DD1D, &extra, 301).take(3000));
        // Long runs of marks and letters cross the window's refill boundary.
        texts.push("ກ່".repeat(400) + &"\u{E48}".repeat(300) + "ກາ");
        clear_memo();
        for round in 0..2 {
            for t in &texts {
                let memo: Vec<_> = syllable_indices(t).collect();
                assert_eq!(memo, seg_unmemoised(t), "round {round}: {t:?}");
            }
        }
    }

    #[test]
    fn byte_scan_agrees_on_edited_real_text() {
        // `Memo::scan_bytes` runs on text the memo knows well; edits put ends of
        // runs (digits, ຯ, other scripts, the end of the text), ໆ and Thai marks where
        // they fall mid-run.
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");
        let corpus: String = std::fs::read_dir(dir)
            .map(|d| {
                d.filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
                    .collect()
            })
            .unwrap_or_default();
        let corpus = crate::canonical(&corpus).into_owned();
        let edits = ["໑", "ຯ", "ໆ", "\u{E48}", "x", "", "ກ", "ເ"];
        let mut rnd = crate::rng(0x9E37_79B9_7F4A_7C15u64);
        let chars: Vec<(usize, char)> = corpus.char_indices().collect();
        clear_memo();
        let _ = syllables(&corpus).count();
        for _ in 0..3000 {
            let i = rnd(chars.len());
            let j = (i + rnd(1000)).min(chars.len() - 1);
            let (a, b, cut) = (chars[i].0, chars[j].0, chars[(i + j) / 2].0);
            let t = format!(
                "{}{}{}",
                &corpus[a..cut],
                edits[rnd(edits.len())],
                &corpus[cut..b]
            );
            let memo: Vec<_> = syllable_indices(&t).collect();
            assert_eq!(memo, seg_unmemoised(&t), "{t:?}");
        }
        // Runs that reach the end of the window in every possible place, after the
        // memo has learnt how each piece of them ends a run.
        for w in ["ກາງ", "ສະບາຍດີ", "ເຕັກໂນໂລຊີ", "ນ້ຳ", "ປະເທດລາວ"]
        {
            let pieces: Vec<&str> = syllables(w).collect();
            for p in 0..=pieces.len() {
                let head: String = pieces[..p].concat();
                let _ = syllables(&format!("{head} {w} {head}")).count();
                for n in 0..6 {
                    let t = format!("{}{head}", w.repeat(WIN / w.chars().count() - 2 + n));
                    let memo: Vec<_> = syllable_indices(&t).collect();
                    assert_eq!(memo, seg_unmemoised(&t), "{t:?}");
                }
            }
        }
        // Runs far longer than a window, from syllables the memo knows.
        let joined: String = corpus.split_whitespace().collect();
        let memo: Vec<_> = syllable_indices(&joined).collect();
        assert_eq!(memo, seg_unmemoised(&joined));
    }

    #[test]
    fn each_iterator_starts_from_its_own_text() {
        // The window is kept by the thread between iterators: what it decoded from
        // one text must not be read for another at the same offsets.
        let a = "ກ່ຽວກັບ".repeat(100);
        let b = "ສະບາຍດີ".repeat(100);
        let mut half = syllables(&a);
        let _ = half.nth(3);
        drop(half);
        assert_eq!(
            seg(&b),
            seg_unmemoised(&b)
                .iter()
                .map(|u| u.1)
                .collect::<Vec<_>>()
                .join("|")
        );
        let (x, y) = (syllables(&a), syllables(&b));
        assert_eq!(y.collect::<Vec<_>>().join("|"), seg(&b));
        assert_eq!(x.collect::<Vec<_>>().join("|"), seg(&a));
    }

    #[test]
    fn stray_marks_are_kept() {
        for s in ["່", "າ", "ເ", "ເເ", "ິິິ", "ກ່່່່", "ໆໆ"] {
            assert_eq!(syllables(s).collect::<String>(), s);
        }
    }
}
