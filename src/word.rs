//! Word segmentation of Lao text.
//!
//! Lao writes no spaces between words. The segmenter splits each run of Lao
//! syllables into the sequence of dictionary words with the lowest total cost (the
//! most probable split under a unigram model), by dynamic programming over the
//! syllable lattice: a word starts and ends on a syllable boundary (with the
//! exceptions below), and a word is at most 16 syllables long, so the work is
//! linear in the length of the text.
//!
//! Some boundaries are the dictionary's to choose, so a word can end inside a unit
//! that [`syllables`](crate::syllables) returns:
//!
//! - Where the syllable segmenter read a common final that could also open the
//!   next syllable's cluster with ວ, ລ or ຣ (ດີກ|ວ່າ against ດີ|ກວ່າ), the word
//!   segmenter takes the other split if the dictionary reads it as words and
//!   clearly prefers it.
//! - Around a lone consonant (a letter of an abbreviation, a stray letter of OCR
//!   noise), the syllable segmenter, which looks one syllable ahead, can read a
//!   neighbour wrongly. The word segmenter reads the consonant as the first
//!   letter of the next syllable (ຄ|ວາມ|ສ: ຄວາມ|ສ) or the final of the one before
//!   (ເປັ|ນ|ໃ: ເປັນ|ໃ), or the first letter of the next syllable's cluster as one
//!   more lone consonant (ສ|ປ|ປລາວ: ສປປ|ລາວ), on the same terms.
//!
//! ```
//! assert_eq!(akson::syllables("ດີກວ່າ").collect::<Vec<_>>(), ["ດີກ", "ວ່າ"]);
//! assert_eq!(akson::words("ດີກວ່າ").collect::<Vec<_>>(), ["ດີ", "ກວ່າ"]);
//! assert_eq!(akson::words("ຫາກວ່າ").collect::<Vec<_>>(), ["ຫາກ", "ວ່າ"]);
//! assert_eq!(akson::syllables("ສປປລາວ").collect::<Vec<_>>(), ["ສ", "ປ", "ປລາວ"]);
//! assert_eq!(akson::words("ສປປລາວ").collect::<Vec<_>>(), ["ສປປ", "ລາວ"]);
//! ```
//!
//! A run of Lao syllables with nothing between them is segmented as a whole, up to
//! 65,536 syllables (half a megabyte of text with no space, number or
//! punctuation); a longer one is segmented in pieces of that length.
//!
//! Syllables that no dictionary word covers (names, new loanwords, OCR junk) each
//! cost more than any word of the embedded dictionary (20 nats, against at most
//! 11.5); neighbouring unknown syllables are kept together as one token. Such a
//! token never takes in a whole dictionary word of two or more syllables
//! (ທ່ານ|ສີສະຫວາດ|ດີ with ສີສະຫວາດ in a user's list and ທ່ານ and ດີ unknown), not
//! even one split between two unknown words side by side, which make one token,
//! unless the word is rarer than one in a million million (a count below 10⁻⁶
//! per million, a cost above about 27.6 nats): unknown syllables are then the
//! cheaper reading. Words added without a count are at least once per million.
//! Spaces, numbers, Latin and punctuation are tokens of their
//! own, exactly as in [`syllables`](crate::syllables); invisible characters after a
//! Lao syllable (a soft hyphen, ZWJ, ZWNJ, the word joiner, U+FEFF, U+180E) belong
//! to it, and the syllables are those of the text without them, so they do not
//! split a word (ເສລີ\u{AD}ພາບ is the word ເສລີພາບ), while ZERO WIDTH SPACE, which
//! marks a break, is a token. So do combining marks of other scripts (U+0301, a
//! variation selector) after a Lao syllable, which [`syllables`](crate::syllables)
//! gives as units of their own.
//!
//! ```
//! assert_eq!(akson::words("ປະ\u{AD}ເທດ").collect::<Vec<_>>(), ["ປະ\u{AD}ເທດ"]);
//! assert_eq!(akson::words("ເສລີ\u{AD}ພາບ").collect::<Vec<_>>(), ["ເສລີ\u{AD}ພາບ"]);
//! ```
//!
//! Lookups use the [search form](crate::Form::Search) of each syllable, so spelling
//! variants (ດໍາລັດ / ດຳລັດ, ຫລາຍ / ຫຼາຍ) get the same boundaries; the tokens
//! returned are always slices of the text as given.
//!
//! ```
//! let w: Vec<&str> = akson::words("ກະຊວງໄປສະນີ ໂທລະຄົມມະນາຄົມ").collect();
//! assert_eq!(w, ["ກະຊວງ", "ໄປສະນີ", " ", "ໂທລະຄົມມະນາຄົມ"]);
//! ```

use crate::dict::{syllable_key, Dictionary};
use crate::syllable::{joins_syllable, syllable_indices, SyllableIndices};

/// Cost (milli-nats) of one syllable that no dictionary word covers: more than any
/// word of the default dictionary.
const UNKNOWN_SYLLABLE: u32 = 20_000;
/// An unknown word (a name, a new loanword) may span up to this many syllables, if
/// at least one of them is not a dictionary word by itself.
const MAX_UNKNOWN_SYLLABLES: usize = 6;
/// Cost (milli-nats) of such a span: a base plus a part per syllable.
const UNKNOWN_SPAN_BASE: u32 = 16_000;
const UNKNOWN_SPAN_PER_SYLLABLE: u32 = 4_000;
/// Cost (milli-nats) of an abbreviation written as a run of lone consonants.
const ABBREVIATION: u32 = 12_000;
/// Runs are segmented ahead until this many tokens are ready to be returned.
const BATCH: usize = 64;
/// A run of Lao syllables with no space, number or punctuation between them is
/// segmented in pieces of at most this many syllables, so that path costs stay far
/// below `u32::MAX` (at most `UNKNOWN_SYLLABLE` a syllable) and the buffers bounded.
const MAX_RUN: usize = 1 << 16;

/// Iterator over the words (and other units) of a text. Made by [`words`] or
/// [`Dictionary::words`].
#[derive(Debug)]
pub struct Words<'t, 'd> {
    inner: WordIndices<'t, 'd>,
}

/// Iterator over `(byte_offset, word)` pairs. Made by [`word_indices`] or
/// [`Dictionary::word_indices`].
#[derive(Debug)]
pub struct WordIndices<'t, 'd> {
    dict: &'d Dictionary,
    text: &'t str,
    units: SyllableIndices<'t>,
    /// A unit that is not a Lao syllable, read ahead.
    pending: Option<(usize, &'t str)>,
    /// Tokens ready to be returned, as byte ranges.
    ready: Vec<(usize, usize)>,
    next_ready: usize,
    run: Vec<Syl>,
    /// Where the last syllable of `run` ends.
    run_end: usize,
    /// The best path to each syllable boundary of the run (see [`Cell`]).
    best: Vec<u64>,
    /// A window of the run, for [`WordIndices::resplit`].
    scratch: Vec<Syl>,
    /// Syllables of the run whose first letter may be ວ, ລ or ຣ (see [`note_cluster`]).
    clusters: Vec<u32>,
    /// Whether the run holds a lone consonant (see [`WordIndices::reread_lone_consonants`]).
    lone: bool,
}

/// The buffers of a [`WordIndices`], kept by each thread for the next one, so that
/// segmenting many short texts (one call per line, as bindings do) does not
/// allocate them again each time.
#[derive(Default)]
struct Buffers {
    ready: Vec<(usize, usize)>,
    run: Vec<Syl>,
    best: Vec<u64>,
    clusters: Vec<u32>,
}

thread_local! {
    static BUFFERS: std::cell::Cell<Option<Buffers>> = const { std::cell::Cell::new(None) };
}

/// Buffers grown past this many entries are not kept (long texts).
const KEEP_BUFFERS_UP_TO: usize = 1 << 12;

impl Drop for WordIndices<'_, '_> {
    fn drop(&mut self) {
        if self.ready.capacity().max(self.run.capacity()) > KEEP_BUFFERS_UP_TO {
            return;
        }
        let mut b = Buffers {
            ready: std::mem::take(&mut self.ready),
            run: std::mem::take(&mut self.run),
            best: std::mem::take(&mut self.best),
            clusters: std::mem::take(&mut self.clusters),
        };
        b.ready.clear();
        b.run.clear();
        b.clusters.clear();
        let _ = BUFFERS.try_with(|c| c.set(Some(b)));
    }
}

/// One Lao syllable of the current run (it ends where the next one starts, the
/// last at `run_end`).
#[derive(Copy, Clone, Debug)]
struct Syl {
    start: usize,
    /// The dictionary's trie after this syllable (`Edge::NONE` if no word starts
    /// with it); its cost is that of the syllable as a word by itself.
    root: crate::dict::Edge,
    /// Dictionary syllable id, or `u32::MAX` if no word uses this syllable.
    sid: u32,
    /// `KOLA`, `BARE`, `STOP`.
    flags: u8,
}

/// The syllable ends with ໆ: no word goes on past it.
const KOLA: u8 = 1;
/// A consonant with no vowel (letters of an abbreviation such as ສປປ).
const BARE: u8 = 2;
/// No dictionary word goes on past this syllable: it has ໆ, or the next one is
/// unknown to the dictionary, or it ends the run.
const STOP: u8 = 4;

/// Splits `text` into words with the embedded default dictionary.
///
/// The tokens concatenate to `text` exactly.
pub fn words(text: &str) -> Words<'_, 'static> {
    Dictionary::embedded().words(text)
}

/// Like [`words`], with the byte offset of each token.
pub fn word_indices(text: &str) -> WordIndices<'_, 'static> {
    Dictionary::embedded().word_indices(text)
}

impl Dictionary {
    /// Splits `text` into words with this dictionary.
    pub fn words<'t, 'd>(&'d self, text: &'t str) -> Words<'t, 'd> {
        Words {
            inner: self.word_indices(text),
        }
    }

    /// Like [`Dictionary::words`], with the byte offset of each token.
    pub fn word_indices<'t, 'd>(&'d self, text: &'t str) -> WordIndices<'t, 'd> {
        let b = BUFFERS
            .try_with(|c| c.take())
            .ok()
            .flatten()
            .unwrap_or_default();
        let Buffers {
            ready,
            run,
            best,
            clusters,
        } = b;
        WordIndices {
            dict: self,
            text,
            units: syllable_indices(text),
            pending: None,
            ready,
            next_ready: 0,
            run,
            run_end: 0,
            best,
            scratch: Vec::new(),
            clusters,
            lone: false,
        }
    }
}

impl<'t> Iterator for Words<'t, '_> {
    type Item = &'t str;
    #[inline]
    fn next(&mut self) -> Option<&'t str> {
        self.inner.next().map(|(_, s)| s)
    }
}

impl<'t> Iterator for WordIndices<'t, '_> {
    type Item = (usize, &'t str);

    fn next(&mut self) -> Option<(usize, &'t str)> {
        if self.next_ready >= self.ready.len() {
            self.fill();
        }
        let &(a, b) = self.ready.get(self.next_ready)?;
        self.next_ready += 1;
        Some((a, &self.text[a..b]))
    }
}

impl std::iter::FusedIterator for Words<'_, '_> {}
impl std::iter::FusedIterator for WordIndices<'_, '_> {}

/// The [`Syl`] of the Lao syllable `text[start..end]`.
#[inline(always)]
fn syllable(dict: &Dictionary, text: &str, start: usize, end: usize) -> Syl {
    // Most syllables are in the table as they stand (which has no key with ໆ).
    let (sid, root, bare, kola) = match dict.frozen().unit_at(text.as_bytes(), start, end - start) {
        Some((sid, root, bare)) => (sid, root, bare, false),
        None => slow_syllable(dict, text.get(start..end).unwrap_or("")),
    };
    Syl {
        start,
        root,
        sid,
        flags: if kola { KOLA } else { 0 } | if bare { BARE } else { 0 },
    }
}

/// [`syllable`] for a syllable the packed table does not have as it stands: one
/// with ໆ, one of more than 16 bytes, or a spelling the table does not list
/// (looked up by its search form). Its id
/// (`u32::MAX` if no word has it), the root's child by it, whether it is a lone
/// consonant and whether it ends with ໆ.
#[cold]
fn slow_syllable(dict: &Dictionary, unit: &str) -> (u32, crate::dict::Edge, bool, bool) {
    // Invisible characters and combining marks of other scripts, kept in the
    // syllable before them by the syllable segmenter, are read
    // past.
    let visible: String;
    let unit = if unit.chars().any(joins_syllable) {
        visible = unit.chars().filter(|&c| !joins_syllable(c)).collect();
        visible.as_str()
    } else {
        unit
    };
    // Thai characters read as their Lao twins (ๆ as ໆ among them), as the
    // canonical form has them.
    let lao: std::borrow::Cow<'_, str>;
    let unit = if unit
        .as_bytes()
        .windows(2)
        .any(|w| w[0] == 0xE0 && w[1] & 0xFE == 0xB8)
    {
        lao = crate::normalize(unit, crate::Form::Canonical);
        &*lao
    } else {
        unit
    };
    let tables = dict.frozen();
    let bare = crate::dict::strip_kola(unit);
    let found = match crate::dict::pack16(bare.as_bytes()) {
        Some(key) if key != 0 => tables.short_id(key),
        _ => dict.syllable_id(bare).map(|sid| (sid, tables.root(sid))),
    };
    let (sid, root) = found
        .or_else(|| match syllable_key(unit) {
            std::borrow::Cow::Owned(key) => {
                dict.syllable_id(&key).map(|sid| (sid, tables.root(sid)))
            }
            std::borrow::Cow::Borrowed(_) => None,
        })
        .unwrap_or((u32::MAX, crate::dict::Edge::NONE));
    let lone_consonant = crate::chars::is_lone_consonant(unit);
    (sid, root, lone_consonant, bare.len() != unit.len())
}

/// Whether a syllable unit is a Lao syllable (rather than a space, number, …),
/// also one that starts with a Thai vowel read as Lao (เມືອງ).
#[inline]
pub(crate) fn is_lao_syllable(unit: &str) -> bool {
    match crate::chars::lao_class_first(unit) {
        Some(cls) => !matches!(
            cls,
            crate::chars::Lc::Digit
                | crate::chars::Lc::Ellipsis
                | crate::chars::Lc::KoLa
                | crate::chars::Lc::Unassigned
        ),
        None => crate::syllable::starts_with_thai_twin(unit),
    }
}

impl WordIndices<'_, '_> {
    /// Reads runs of Lao syllables (each with the unit after it) and segments them,
    /// until `ready` holds `BATCH` tokens or the text ends.
    fn fill(&mut self) {
        self.ready.clear();
        self.next_ready = 0;
        loop {
            if let Some((off, unit)) = self.pending.take() {
                self.ready.push((off, off + unit.len()));
            }
            if self.ready.len() >= BATCH {
                return;
            }
            let more = self.read_run();
            self.segment_run();
            if !more {
                return;
            }
        }
    }

    /// Reads the next run of Lao syllables into `run` (at most `MAX_RUN`), and the
    /// unit after it into `pending`. Returns whether the text goes on.
    fn read_run(&mut self) -> bool {
        self.run.clear();
        self.lone = false;
        let more = self.read_syllables();
        self.resplit();
        if self.lone {
            // Again while a pass changes the syllables (at most three passes).
            let mut starts: Vec<usize> = Vec::new();
            for _ in 0..3 {
                starts.clear();
                starts.extend(self.run.iter().map(|s| s.start));
                self.reread_lone_consonants();
                if self.run.iter().map(|s| s.start).eq(starts.iter().copied()) {
                    break;
                }
            }
        }
        set_stops(&mut self.run);
        more
    }

    /// Where the grammar had to choose whether a consonant closes one syllable or
    /// opens the next as the first letter of a cluster (ດີກ|ວ່າ or ດີ|ກວ່າ, ຫາກ|ວ່າ or
    /// ຫາ|ກວ່າ) and took the final, the spelling alone cannot tell: the dictionary
    /// does. The other split is taken if both of its syllables are in the
    /// dictionary's words and the best path over the syllables around the two (up
    /// to `RESPLIT_CONTEXT` on each side) reads them as words and is cheaper by
    /// `RESPLIT_MARGIN`. Left to right, each choice seeing the ones before it; a
    /// bounded amount of work per syllable.
    fn resplit(&mut self) {
        let n = self.run.len();
        for k in 0..self.clusters.len() {
            let j = self.clusters[k] as usize;
            if j == 0 || j >= n {
                continue;
            }
            let (a, b) = (self.run[j - 1].start, self.run[j].start);
            let c = self.run.get(j + 1).map_or(self.run_end, |s| s.start);
            if let Some(cut) = other_cut(self.text, a, b, c) {
                self.weigh_other_split(j - 1, a, cut, c);
            }
        }
        self.clusters.clear();
    }

    /// [`WordIndices::resplit`] for the pair of syllables `i` and `i + 1`, from
    /// bytes `a` to `c`, which would split at `cut` the other way.
    #[cold]
    #[inline(never)]
    fn weigh_other_split(&mut self, i: usize, a: usize, cut: usize, c: usize) {
        let (dict, text, n) = (self.dict, self.text, self.run.len());
        let y = syllable(dict, text, cut, c);
        if y.sid == u32::MAX {
            return;
        }
        let x = syllable(dict, text, a, cut);
        if x.sid == u32::MAX || x.flags & KOLA != 0 {
            return;
        }
        let lo = i.saturating_sub(RESPLIT_CONTEXT);
        let hi = (i + 2 + RESPLIT_CONTEXT).min(n);
        let (tables, window) = (dict.frozen(), &self.run[lo..hi]);
        let (scratch, best) = (&mut self.scratch, &mut self.best);
        let (keep, _) = window_cost(tables, window, None, false, scratch, best);
        let swap = Some((i - lo, 2, &[x, y][..]));
        let (other, in_words) = window_cost(tables, window, swap, false, scratch, best);
        // The other split must be read as dictionary words, not win through the
        // cost of an unknown span (names, OCR junk) around it.
        if in_words && other.saturating_add(RESPLIT_MARGIN) < keep {
            self.run[i] = x;
            self.run[i + 1] = y;
        }
    }

    /// Reads the syllables around each lone consonant of the run (a letter of an
    /// abbreviation, OCR noise) again where the grammar, which looks only one
    /// syllable ahead, may have read a neighbour wrongly because of it; takes the
    /// other reading if the dictionary reads it as words (see
    /// [`WordIndices::weigh_reread`]). Four readings, tried in this order:
    ///
    /// - the consonant as the first letter of the next syllable, which starts
    ///   with ວ, ລ or ຣ (ຄ|ວາມ|ສ, where ສ is a stray letter: ຄວາມ|ສ);
    /// - the consonant as the final of the syllable before (ເປັ|ນ|ໃ: ເປັນ|ໃ);
    /// - the consonant with the two syllables before as one syllable (ເຫ|ລື|ອ|ສ:
    ///   ເຫລືອ|ສ; ແກ|ຣ|ມ: ແກຣມ), or those two as one and the consonant kept
    ///   (ເຫ|ນີ|ສ: ເຫນີ|ສ), where a cluster was split or a final left out;
    /// - the first letter of the next syllable, a cluster with ວ, ລ or ຣ, as one
    ///   more lone consonant (ສ|ປ|ປລາວ: the abbreviation ສປປ, then ລາວ).
    ///
    /// Each pass goes left to right, each reading seeing the ones before it; a
    /// pass that changed the run is followed by another (at most three in all), so
    /// that a reading can see one further right (ແຂວ|ງ|ສ|ປ|ປລາວ: ສປປ|ລາວ first,
    /// then ແຂວງ). A bounded amount of work per lone consonant.
    #[cold]
    #[inline(never)]
    fn reread_lone_consonants(&mut self) {
        let (dict, text) = (self.dict, self.text);
        let bytes = text.as_bytes();
        let old = std::mem::take(&mut self.run);
        let mut run: Vec<Syl> = Vec::with_capacity(old.len() + 4);
        let run_end = self.run_end;
        let end_of = |x: usize| old.get(x + 1).map_or(run_end, |s| s.start);
        // Where the ວ, ລ or ຣ starts if the text at byte `a` is a letter
        // (`text[a..a + 3]`), then maybe invisible characters that mark no break,
        // then ວ, ລ or ຣ.
        let cluster_at = |a: usize| -> Option<usize> {
            if !matches!(bytes.get(a..a + 3), Some(&[0xE0, 0xBA, _])) {
                return None;
            }
            let k = after_joins(text, a + 3);
            matches!(bytes.get(k..k + 3), Some(&[0xE0, 0xBA, 0xA3 | 0xA5 | 0xA7])).then_some(k)
        };
        let w_l_r_at =
            |a: usize| matches!(bytes.get(a..a + 3), Some(&[0xE0, 0xBA, 0xA3 | 0xA5 | 0xA7]));
        let mut j = 0;
        while j < old.len() {
            let s = old[j];
            if s.flags & BARE == 0 || s.flags & KOLA != 0 {
                run.push(s);
                j += 1;
                continue;
            }
            let (a, b) = (s.start, end_of(j));
            // 1. With the next syllable, which starts with ວ, ລ or ຣ.
            if let (Some(next), true) = (old.get(j + 1), w_l_r_at(b)) {
                let c = end_of(j + 1);
                if let Some(x) = one_syllable(dict, text, a, c, next.flags & KOLA != 0) {
                    if self.weigh_reread(&mut run, &old[j..j + 2], &old[j + 2..], &[x]) {
                        j += 2;
                        continue;
                    }
                }
            }
            // 2. With the syllable before.
            if let Some(&before) = run.last() {
                if before.flags & (KOLA | BARE) == 0 {
                    if let Some(x) = one_syllable(dict, text, before.start, b, false) {
                        run.pop();
                        if self.weigh_reread(&mut run, &[before, s], &old[j + 1..], &[x]) {
                            j += 1;
                            continue;
                        }
                        run.push(before);
                    }
                }
            }
            // 3. With the two syllables before, which the grammar split where the
            // lone consonant after them made the whole a costlier pair (ເຫ|ລື|ອ|ສ:
            // ເຫລືອ|ສ, the old spelling of ເຫຼືອ; ແກ|ຣ|ມ: ແກຣມ), or those two as one
            // (ເຫ|ນີ|ສ: ເຫນີ|ສ).
            if run.len() >= 2 {
                let (b2, b1) = (run[run.len() - 2], run[run.len() - 1]);
                if b2.flags & (KOLA | BARE) == 0 && b1.flags & KOLA == 0 {
                    run.truncate(run.len() - 2);
                    let whole = one_syllable(dict, text, b2.start, b, false);
                    if let Some(x) = whole {
                        if self.weigh_reread(&mut run, &[b2, b1, s], &old[j + 1..], &[x]) {
                            j += 1;
                            continue;
                        }
                    }
                    let two = match b1.flags & BARE {
                        0 => one_syllable(dict, text, b2.start, a, false),
                        _ => None,
                    };
                    if let Some(x) = two {
                        if self.weigh_reread(&mut run, &[b2, b1, s], &old[j + 1..], &[x, s]) {
                            j += 1;
                            continue;
                        }
                    }
                    run.extend_from_slice(&[b2, b1]);
                }
            }
            // 4. The next syllable's first letter as a lone consonant too.
            if let Some(next) = old.get(j + 1).filter(|n| n.flags & (BARE | KOLA) == 0) {
                let (m, c) = (next.start, end_of(j + 1));
                // (The run gains a syllable: it stays within `MAX_RUN`.)
                let k = cluster_at(m).filter(|&k| c > k + 3);
                if let Some(k) = k.filter(|_| run.len() + old.len() - j < MAX_RUN) {
                    // (Invisible characters after the letter stay with it.)
                    let first = syllable(dict, text, m, k);
                    if first.flags & BARE != 0 {
                        if let Some(rest) = one_syllable(dict, text, k, c, false) {
                            run.push(s);
                            let (mid, after) = (&old[j + 1..j + 2], &old[j + 2..]);
                            if self.weigh_reread(&mut run, mid, after, &[first, rest]) {
                                j += 2;
                                continue;
                            }
                            run.pop();
                        }
                    }
                }
            }
            run.push(s);
            j += 1;
        }
        self.run = run;
    }

    /// For [`WordIndices::reread_lone_consonants`]: whether `new` should replace
    /// the syllables `old`, which stand between `done` (the run reread so far) and
    /// `after` (the rest of the run), judged on up to `RESPLIT_CONTEXT` syllables
    /// on each side as [`WordIndices::resplit`] judges (abbreviations count as
    /// words here). If so, `new` is pushed to `done`.
    fn weigh_reread(
        &mut self,
        done: &mut Vec<Syl>,
        old: &[Syl],
        after: &[Syl],
        new: &[Syl],
    ) -> bool {
        let left = done.len().saturating_sub(RESPLIT_CONTEXT);
        let right = RESPLIT_CONTEXT.min(after.len());
        let mut window = Vec::with_capacity(done.len() - left + old.len() + right);
        window.extend_from_slice(&done[left..]);
        window.extend_from_slice(old);
        window.extend_from_slice(&after[..right]);
        let k = done.len() - left;
        let tables = self.dict.frozen();
        let (scratch, best) = (&mut self.scratch, &mut self.best);
        let (keep, _) = window_cost(tables, &window, None, true, scratch, best);
        let swap = Some((k, old.len(), new));
        let (other, in_words) = window_cost(tables, &window, swap, true, scratch, best);
        let take = in_words && other.saturating_add(RESPLIT_MARGIN) < keep;
        if take {
            done.extend_from_slice(new);
        }
        take
    }

    /// The loop of [`WordIndices::read_run`].
    fn read_syllables(&mut self) -> bool {
        let dict = self.dict;
        let text = self.text;
        loop {
            if self.run.len() >= MAX_RUN {
                return true;
            }
            let Some((off, unit)) = self.units.next() else {
                return false;
            };
            if !is_lao_syllable(unit) {
                self.pending = Some((off, unit));
                return true;
            }
            let mut start = off + unit.len();
            note_cluster(&mut self.clusters, text, off, self.run.len());
            let syl = syllable(dict, text, off, start);
            self.lone |= syl.flags & BARE != 0;
            self.run.push(syl);
            // The rest of the run's syllables that the scan found with this one.
            let base = self.units.ahead_base();
            let room = MAX_RUN - self.run.len();
            let ahead = self.units.take_ahead();
            let (now, later) = ahead.split_at(ahead.len().min(room));
            for &e in now {
                let end = base + e as usize;
                note_cluster(&mut self.clusters, text, start, self.run.len());
                let syl = syllable(dict, text, start, end);
                self.lone |= syl.flags & BARE != 0;
                self.run.push(syl);
                start = end;
            }
            self.run_end = start;
            let later = later.len();
            if later > 0 {
                // Past `MAX_RUN`: handed back to the iterator.
                self.units.give_back_ahead(later);
                return true;
            }
        }
    }

    /// Best path over the run's syllable lattice (see [`best_paths`]) into `ready`.
    fn segment_run(&mut self) {
        let n = self.run.len();
        if n == 0 {
            return;
        }
        best_paths(self.dict.frozen(), &self.run, &mut self.best);
        // Walk back, merging neighbouring unknown syllables into one token.
        let first = self.ready.len();
        let mut k = n;
        let mut end = self.run_end;
        while k > 0 {
            let (mut i, unknown) = Cell::back(self.best[k]);
            if unknown {
                while i > 0 && Cell::back(self.best[i]).1 && self.run[i - 1].flags & KOLA == 0 {
                    i = Cell::back(self.best[i]).0;
                }
            }
            let start = self.run[i].start;
            self.ready.push((start, end));
            end = start;
            k = i;
        }
        self.ready[first..].reverse();
    }
}

/// The best path to each syllable boundary of `run` (whose `STOP` flags are set)
/// into `best` (see [`Cell`]): `best[x]` for the boundary before syllable `x`.
///
/// Paths go forward from each syllable `i` (an unknown syllable, an abbreviation,
/// dictionary words: a walk of the trie, which is at most `MAX_WORD_SYLLABLES`
/// deep); unknown words (spans of 2 to `MAX_UNKNOWN_SYLLABLES`) are pulled into
/// `x` from the boundaries before it, which are final by then, with a loop of
/// fixed length. Keeping the better of two paths is a `min`, without a branch.
#[inline(always)]
fn best_paths(tables: &crate::dict::Frozen, run: &[Syl], best: &mut Vec<u64>) {
    let n = run.len();
    best.clear();
    best.resize(n + 1, u64::MAX);
    if n == 0 {
        best[0] = 0;
        return;
    }
    let frequent = tables.frequent_below();
    {
        // Slices of known length, so that most bounds checks go.
        let run = &run[..n];
        let best = &mut best[..=n];
        best[0] = 0;
        // One past the last syllable before `i` that is frequent, that has ໆ (before
        // `i - 1`), that is an orphan (0: none): the unknown words that may end at
        // `i` start at or after the first two and at or before the third.
        let (mut after_frequent, mut after_kola, mut after_orphan) = (0usize, 0usize, 0usize);
        let mut bare_before = false;
        // Unknown words ending at `i`, of k = 2..=MAX_UNKNOWN_SYLLABLES syllables.
        let pull = |best: &mut [u64], i: usize, lo: usize, end: usize| {
            let mut pulled = u64::MAX;
            for (s, &cell) in (lo..end).zip(&best[lo..end]) {
                // After an unknown word, this one becomes part of the same token.
                if Cell::back(cell).1 && joins_across_word(tables, run, best, s, i) {
                    continue;
                }
                let k = (i - s) as u32;
                let c =
                    cost_of(cell).saturating_add(UNKNOWN_SPAN_BASE + k * UNKNOWN_SPAN_PER_SYLLABLE);
                pulled = pulled.min(Cell::unknown(c, s));
            }
            best[i] = best[i].min(pulled);
        };
        for (i, syl) in run.iter().enumerate() {
            let end = after_orphan.min(i.saturating_sub(1));
            let lo = after_frequent
                .max(after_kola)
                .max(i.saturating_sub(MAX_UNKNOWN_SYLLABLES));
            if lo < end {
                let lo = after_words(tables, run, lo, i);
                if lo < end {
                    pull(best, i, lo, end);
                }
            }
            if i > 0 && run[i - 1].flags & KOLA != 0 {
                after_kola = i;
            }
            let alone = syl.root.cost_or_max();
            if alone < frequent {
                after_frequent = i + 1;
            }
            if alone == u32::MAX {
                after_orphan = i + 1;
            }
            let base = cost_of(best[i]);
            // An unknown syllable.
            let c = base.saturating_add(UNKNOWN_SYLLABLE);
            best[i + 1] = best[i + 1].min(Cell::unknown(c, i));
            // Letters of an abbreviation (ສປປ, ປທສ): the whole run of two or more
            // lone consonants is one token.
            let bare = syl.flags & BARE != 0;
            if bare && !bare_before {
                let j = i + run[i..].iter().take_while(|s| s.flags & BARE != 0).count();
                if j - i >= 2 {
                    let c = base.saturating_add(ABBREVIATION);
                    best[j] = best[j].min(Cell::abbreviation(c, i));
                }
            }
            bare_before = bare;
            // Dictionary words starting here. The first step was taken when the
            // syllable was looked up; no word goes past a syllable with `STOP`.
            let mut edge = syl.root;
            let mut j = i;
            let word = Cell::word(0, i);
            while edge.is_node() {
                // No word ends here: the cost saturates and the cell never wins.
                let c = base.saturating_add(edge.cost_or_max());
                if let Some(b) = best.get_mut(j + 1) {
                    *b = (*b).min(word | (c as u64) << 32);
                }
                let Some(next) = run.get(j) else { break };
                if next.flags & STOP != 0 {
                    break;
                }
                j += 1;
                edge = tables.child(edge, run.get(j).map_or(u32::MAX, |s| s.sid));
            }
        }
        let end = after_orphan.min(n - 1);
        let lo = after_frequent
            .max(after_kola)
            .max(n.saturating_sub(MAX_UNKNOWN_SYLLABLES));
        if lo < end {
            let lo = after_words(tables, run, lo, n);
            if lo < end {
                pull(best, n, lo, end);
            }
        }
    }
}

/// Where the unknown words that end at syllable boundary `i` of `run` may start,
/// from `lo` on, so that none takes in a whole dictionary word of two or more
/// syllables (a name beside a word the dictionary knows, ທ່ານ|ສີສະຫວາດ, or OCR
/// junk beside one, ມູນ|ສືກສາ): one past the start of the last such word that
/// ends at or before `i`. Asked only where an unknown word may end (next to a
/// syllable no word has), so the walks are few (0.9 instructions a byte of the
/// corpus, callgrind); at most `MAX_UNKNOWN_SYLLABLES` of them, each at most as
/// long.
#[cold]
#[inline(never)]
fn after_words(tables: &crate::dict::Frozen, run: &[Syl], lo: usize, i: usize) -> usize {
    for a in (lo..i.saturating_sub(1)).rev() {
        if word_from(tables, run, a, a + 1, i) {
            return a + 1;
        }
    }
    lo
}

/// Whether a dictionary word of two or more syllables starts at syllable `a` of
/// `run`, has its last syllable at or after `last` and ends at or before boundary
/// `i`. Words are walked as `best_paths` walks them: none goes past `STOP`.
#[inline(always)]
fn word_from(tables: &crate::dict::Frozen, run: &[Syl], a: usize, last: usize, i: usize) -> bool {
    let mut edge = run[a].root;
    for j in a + 1..i {
        if !edge.is_node() || run[j - 1].flags & STOP != 0 {
            break;
        }
        edge = tables.child(edge, run[j].sid);
        if j >= last && edge.cost_or_max() != u32::MAX {
            return true;
        }
    }
    false
}

/// Whether an unknown word over syllables `s..i` of `run`, after the unknown word
/// that ends `best[s]`'s path (the two become one token), would make that token
/// take in a whole dictionary word of two or more syllables across `s`: for
/// `after_words`' rule to hold for the token, not only for each unknown word. A
/// user's word between two unknown ones (ທ່ານສີສະຫວາດດີ with only ສີສະຫວາດ) is
/// then its own token. Looks back at most `MAX_WORD_SYLLABLES` syllables.
#[cold]
#[inline(never)]
fn joins_across_word(
    tables: &crate::dict::Frozen,
    run: &[Syl],
    best: &[u64],
    s: usize,
    i: usize,
) -> bool {
    if s == 0 || run[s - 1].flags & KOLA != 0 {
        // Not merged (see `segment_run`).
        return false;
    }
    // Where the token starts, as `segment_run` merges, no further back than a
    // word that ends after `s` can start.
    let floor = s.saturating_sub(crate::dict::MAX_WORD_SYLLABLES - 1);
    let mut from = Cell::back(best[s]).0;
    while from > floor && Cell::back(best[from]).1 && run[from - 1].flags & KOLA == 0 {
        from = Cell::back(best[from]).0;
    }
    (from.max(floor)..s).any(|a| word_from(tables, run, a, s, i))
}

/// The cost of the best path over `window` (syllables of a run, copied to
/// `scratch` with their `STOP` flags set again for the window), with the `m`
/// syllables from `k` on replaced by `swap`'s if given; and whether the path reads
/// those new syllables as parts of dictionary words (no unknown word covers any of
/// them; nor an abbreviation, unless `abbreviations` is set).
fn window_cost(
    tables: &crate::dict::Frozen,
    window: &[Syl],
    swap: Option<(usize, usize, &[Syl])>,
    abbreviations: bool,
    scratch: &mut Vec<Syl>,
    best: &mut Vec<u64>,
) -> (u32, bool) {
    scratch.clear();
    let mut pair = usize::MAX..usize::MAX;
    match swap {
        Some((k, m, new)) => {
            scratch.extend_from_slice(&window[..k]);
            scratch.extend_from_slice(new);
            scratch.extend_from_slice(&window[k + m..]);
            pair = k..k + new.len();
        }
        None => scratch.extend_from_slice(window),
    }
    set_stops(scratch);
    best_paths(tables, scratch, best);
    let mut in_words = true;
    let mut end = scratch.len();
    while end > 0 {
        let (start, _) = Cell::back(best[end]);
        let cell = best[end];
        let counts = !(abbreviations && cell & 1 != 0);
        if cell & Cell::UNKNOWN != 0 && counts && start < pair.end && pair.start < end {
            in_words = false;
        }
        if start >= end {
            break;
        }
        end = start;
    }
    (best.last().map_or(0, |&cell| cost_of(cell)), in_words)
}

/// Sets the `STOP` flag where no word goes on: after ໆ, before a syllable no word
/// has, at the end.
fn set_stops(run: &mut [Syl]) {
    for x in 1..run.len() {
        run[x - 1].flags &= !STOP;
        if run[x].sid == u32::MAX || run[x - 1].flags & KOLA != 0 {
            run[x - 1].flags |= STOP;
        }
    }
    if let Some(last) = run.last_mut() {
        last.flags |= STOP;
    }
}

/// Notes syllable `x` of a run, starting at byte `start` of `text`, in `clusters`
/// if its first letter may be ວ, ລ or ຣ (judged by its last byte alone:
/// [`other_cut`] looks closer), for [`WordIndices::resplit`].
#[inline]
fn note_cluster(clusters: &mut Vec<u32>, text: &str, start: usize, x: usize) {
    let bytes = text.as_bytes();
    if matches!(bytes.get(start + 2), Some(0xA3 | 0xA5 | 0xA7)) {
        clusters.push(x as u32);
    }
}

/// Syllables of context on each side of a pair that [`WordIndices::resplit`] weighs.
const RESPLIT_CONTEXT: usize = 3;
/// How much cheaper (milli-nats) the other split's best path must be for
/// [`WordIndices::resplit`] to take it: the dictionary's costs of rare words are
/// rough, so near-ties stay with the grammar (ຫາກ|ວ່າ, 110 more than ຫາ|ກວ່າ).
const RESPLIT_MARGIN: u32 = 500;

/// Where the syllables `text[a..b]` and `text[b..c]` would split if the last
/// letter of the first, a common final (ກ ງ ດ ນ ບ ມ ຍ), went to the second as the
/// first letter of a cluster with the ວ, ລ or ຣ that opens it (ດີກ|ວ່າ → ດີ|ກວ່າ);
/// `None` where it cannot. (The other way, a cluster's first letter to the
/// syllable before, is not looked for: the grammar reads such a letter as a final
/// whenever the syllable before may have one, since a cluster costs more.)
///
/// Invisible characters that mark no break at the end of the first syllable
/// (`ດີກ\u{AD}|ວ່າ`) go with the letter (`ດີ|ກ\u{AD}ວ່າ`).
fn other_cut(text: &str, a: usize, b: usize, c: usize) -> Option<usize> {
    // Where the first syllable's last letter ends.
    let e = before_joins(text, a, b);
    let text = text.as_bytes();
    // Every letter involved is in U+0E80..=U+0EBF: E0 BA and one more byte, whose
    // low six bits index these masks: ກ ງ ດ ນ ບ ມ ຍ before ວ; ກ ບ ດ before ລ, ຣ.
    const BEFORE_W: u64 =
        1 << 0x01 | 1 << 0x07 | 1 << 0x14 | 1 << 0x19 | 1 << 0x1A | 1 << 0x21 | 1 << 0x0D;
    const BEFORE_LR: u64 = 1 << 0x01 | 1 << 0x1A | 1 << 0x14;
    let low = |i: usize| -> Option<u32> {
        match text.get(i..i + 3) {
            Some(&[0xE0, 0xBA, b2]) => Some((b2 & 0x3F) as u32),
            _ => None,
        }
    };
    if e < a + 6 || c < b + 3 {
        return None;
    }
    let mask = match low(b)? {
        0x27 => BEFORE_W,         // ວ
        0x25 | 0x23 => BEFORE_LR, // ລ ຣ
        _ => return None,
    };
    (mask >> low(e - 3)? & 1 != 0).then_some(e - 3)
}

/// The first byte at or after `i` that does not start an invisible character
/// marking no break or another script's mark ([`joins_syllable`]).
fn after_joins(text: &str, i: usize) -> usize {
    match text.get(i..) {
        Some(rest) => i + rest.len() - rest.trim_start_matches(joins_syllable).len(),
        None => i,
    }
}

/// The end of `text[a..b]` without the invisible characters that mark no break
/// and other scripts' marks ([`joins_syllable`]) at its end.
#[inline]
fn before_joins(text: &str, a: usize, b: usize) -> usize {
    // Every such character ends in a byte of 0x80 or more; a Lao letter in one of
    // 0x80..=0xBF too, but after E0 BA or E0 BB, which none of them has.
    let bytes = text.as_bytes();
    if b < a + 3 || matches!(bytes.get(b - 3..b), Some(&[0xE0, 0xBA | 0xBB, _])) {
        return b;
    }
    match text.get(a..b) {
        Some(piece) => a + piece.trim_end_matches(joins_syllable).len(),
        None => b,
    }
}

/// The [`Syl`] of `text[a..c]` if it reads as one syllable that the dictionary
/// has, for [`WordIndices::reread_lone_consonants`]. `kola`: it ends with ໆ.
fn one_syllable(dict: &Dictionary, text: &str, a: usize, c: usize, kola: bool) -> Option<Syl> {
    let piece = text.get(a..c)?;
    let mut units = crate::syllables(piece);
    let first = units.next()?;
    // A ໆ after the syllable is a unit of its own here.
    let whole = first.len() == piece.len() || (kola && units.all(|u| u.starts_with('ໆ')));
    let syl = syllable(dict, text, a, c);
    (whole && syl.sid != u32::MAX && syl.flags & BARE == 0).then_some(syl)
}

/// The cost of the path in a [`Cell`].
#[inline]
fn cost_of(cell: u64) -> u32 {
    (cell >> 32) as u32
}

/// A cell of the best-path table: the cost of the path (milli-nats, high 32 bits)
/// and its last step (low 32 bits), laid out so that the smaller cell is the better
/// path and ties go as they always have: a dictionary word before an unknown word
/// or an abbreviation; of two words, the one that starts later; of two unknown
/// words, the one that starts earlier.
///
/// Low bits: a word from syllable `i` is `WORD_FROM - i`; an unknown word from `i`
/// is `UNKNOWN | i << 1`, an abbreviation `UNKNOWN | i << 1 | 1`.
struct Cell;

impl Cell {
    const UNKNOWN: u64 = 1 << 31;
    const WORD_FROM: u64 = (1 << 31) - 1;

    #[inline]
    fn word(cost: u32, from: usize) -> u64 {
        (cost as u64) << 32 | (Cell::WORD_FROM - from as u64)
    }

    #[inline]
    fn unknown(cost: u32, from: usize) -> u64 {
        (cost as u64) << 32 | Cell::UNKNOWN | (from as u64) << 1
    }

    #[inline]
    fn abbreviation(cost: u32, from: usize) -> u64 {
        Cell::unknown(cost, from) | 1
    }

    /// Where the last step of the path starts, and whether it is an unknown word.
    #[inline]
    fn back(cell: u64) -> (usize, bool) {
        let low = cell & 0xFFFF_FFFF;
        if low & Cell::UNKNOWN == 0 {
            ((Cell::WORD_FROM - low) as usize, false)
        } else {
            (((low & !Cell::UNKNOWN) >> 1) as usize, low & 1 == 0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dict(words: &[&str]) -> Dictionary {
        let mut d = Dictionary::empty();
        for w in words {
            d.add(w).unwrap();
        }
        d
    }

    fn seg(d: &Dictionary, s: &str) -> String {
        d.words(s).collect::<Vec<_>>().join("|")
    }

    #[test]
    fn a_consonant_between_two_syllables_goes_where_the_dictionary_reads_words() {
        // The grammar reads ກ after an open syllable as its final (ດີກ|ວ່າ); the
        // dictionary's words move it to the cluster of the next (ດີ|ກວ່າ).
        // Common words (a count of 1,000 a million), cheaper than an unknown span.
        let common = |words: &[&str]| {
            let mut d = Dictionary::empty();
            for w in words {
                d.add_with_count(w, 1_000.0).unwrap();
            }
            d
        };
        let d = common(&["ດີ", "ກວ່າ", "ວ່າ", "ຫາກ", "ປີກ", "ນົກ", "ຂອງ"]);
        assert_eq!(crate::syllables("ດີກວ່າ").collect::<Vec<_>>(), ["ດີກ", "ວ່າ"]);
        assert_eq!(seg(&d, "ດີກວ່າ"), "ດີ|ກວ່າ");
        assert_eq!(seg(&d, "ຂອງດີກວ່າ"), "ຂອງ|ດີ|ກວ່າ");
        // Where the grammar's split reads as words, it stays.
        assert_eq!(seg(&d, "ຫາກວ່າ"), "ຫາກ|ວ່າ");
        assert_eq!(seg(&d, "ປີກນົກ"), "ປີກ|ນົກ");
        // The same text, read by two dictionaries.
        let d = common(&["ຫາກ", "ວ່າ", "ຫາ"]);
        assert_eq!(crate::syllables("ຫາກວ່າ").collect::<Vec<_>>(), ["ຫາກ", "ວ່າ"]);
        let mut grammar_wrong = common(&["ຫາ", "ກວ່າ"]);
        grammar_wrong.add_with_count("ວ່າ", 1.0).unwrap();
        assert_eq!(seg(&grammar_wrong, "ຫາກວ່າ"), "ຫາ|ກວ່າ");
        assert_eq!(seg(&d, "ຫາກວ່າ"), "ຫາກ|ວ່າ");
        // Not where the other split's syllables are in no word, nor where it
        // would only win as an unknown word.
        let d = common(&["ດີ", "ວ່າ"]);
        assert_eq!(seg(&d, "ດີກວ່າ ດີ"), "ດີກວ່າ| |ດີ"); // one unknown word
        let d = common(&["ກວ່າ", "ວ່າ", "ດີກ"]);
        assert_eq!(seg(&d, "ດີກວ່າ"), "ດີກ|ວ່າ");
    }

    #[test]
    fn a_word_before_an_abbreviation_is_read_whole() {
        // Before a lone consonant, the grammar's look-ahead weighs a pair that covers
        // less text: it split a cluster or left a final out (ເຫ|ລື|ອ|ສ, ແຂວ|ງ|ສ).
        let syllables = |s: &str| crate::syllables(s).collect::<Vec<_>>().join("|");
        assert_eq!(syllables("ເຫລືອສປປ"), "ເຫ|ລື|ອ|ສ|ປ|ປ");
        assert_eq!(syllables("ແຂວງສປປ"), "ແຂວ|ງ|ສ|ປ|ປ");
        let d = Dictionary::embedded();
        // The syllables before the letter read again as one (and the rest of the
        // abbreviation read first: a second pass).
        assert_eq!(seg(d, "ແຂວງສປປລາວ"), "ແຂວງ|ສປປ|ລາວ");
        assert_eq!(seg(d, "ໃຫ້ການຊ່ວຍເຫລືອສປປລາວ"), "ໃຫ້|ການ|ຊ່ວຍເຫລືອ|ສປປ|ລາວ");
        assert_eq!(seg(d, "ຂີ້ເຫຍື້ອສປປລາວ"), "ຂີ້ເຫຍື້ອ|ສປປ|ລາວ");
        assert_eq!(seg(d, "ເຫນືອສປປລາວ"), "ເຫນືອ|ສປປ|ລາວ");
        // The two syllables before as one, the letter kept.
        assert_eq!(seg(d, "ສະເຫນີສປປ"), "ສະເຫນີ|ສປປ");
        // A consonant the grammar left alone too (ແກ|ຣ|ມ).
        assert_eq!(seg(d, "ໂປຣແກຣມສປ"), "ໂປຣແກຣມ|ສປ");
    }

    #[test]
    fn a_lone_consonant_does_not_take_its_neighbours_into_an_unknown_word() {
        // The grammar looks one syllable ahead, so a lone consonant (a letter of an
        // abbreviation, OCR noise) can make it read its neighbours wrongly: the
        // word layer reads them again, as the dictionary's words read them.
        let syllables = |s: &str| crate::syllables(s).collect::<Vec<_>>().join("|");
        assert_eq!(syllables("ສປປລາວ"), "ສ|ປ|ປລາວ");
        assert_eq!(syllables("ຄວາມສ"), "ຄ|ວາມ|ສ");
        assert_eq!(syllables("ເປັນໃ"), "ເປັ|ນ|ໃ");
        let d = Dictionary::embedded();
        // An abbreviation against the next word; a stray letter after a word.
        assert_eq!(seg(d, "ສປປລາວ"), "ສປປ|ລາວ");
        assert_eq!(seg(d, "ໃນສປປລາວແມ່ນ"), "ໃນ|ສປປ|ລາວ|ແມ່ນ");
        assert_eq!(seg(d, "ຄວາມສ"), "ຄວາມ|ສ");
        assert_eq!(seg(d, "ເປັນໃ"), "ເປັນ|ໃ");
        assert_eq!(seg(d, "ຫຼາຍກວ່າປ່ງ"), "ຫຼາຍ|ກວ່າ|ປ່ງ");
        // Where the grammar's reading is words, it stays.
        assert_eq!(seg(d, "ສປປ ລາວ"), "ສປປ| |ລາວ");
        assert_eq!(seg(d, "ຄວາມສຸກ"), "ຄວາມ|ສຸກ");
        // Not where the other reading's syllables are in no word.
        let d = dict(&["ວາມ", "ລາວ"]);
        assert_eq!(seg(&d, "ຄວາມສ"), "ຄວາມສ");
        let d = dict(&["ຫຼາຍ", "ວ່າ"]);
        assert_eq!(seg(&d, "ຫຼາຍກວ່າ"), "ຫຼາຍກວ່າ"); // ຫຼາຍ|ກ|ວ່າ, one unknown word
                                                 // Any number of lone consonants: linear time.
        let d = Dictionary::embedded();
        for piece in ["ກ", "ສປປລາວ", "ເປັນໃ", "ກຄວາມບນໍໍາເັດ"]
        {
            let text = piece.repeat(200_000 / piece.len());
            let t = std::time::Instant::now();
            assert_eq!(d.words(&text).map(str::len).sum::<usize>(), text.len());
            assert!(
                t.elapsed().as_secs_f64() < 2.0,
                "{piece}: {:?}",
                t.elapsed()
            );
        }
    }

    #[test]
    fn best_path_and_unknown_runs() {
        let mut d = dict(&["ຈັດຕັ້ງ", "ຈັດ", "ຕັ້ງ"]);
        d.add_with_count("ແລະ", 20_000.0).unwrap();
        d.add_with_count("ການ", 10_000.0).unwrap();
        assert_eq!(seg(&d, "ການຈັດຕັ້ງ ແລະ"), "ການ|ຈັດຕັ້ງ| |ແລະ");
        // Unknown syllables stay together.
        assert_eq!(seg(&d, "ສີສະຫວາດແລະການ"), "ສີສະຫວາດ|ແລະ|ການ");
        // Variants segment the same way.
        let d = dict(&["ດຳລັດ", "ຂອງ"]);
        assert_eq!(seg(&d, "ດໍາລັດຂອງ"), "ດໍາລັດ|ຂອງ");
        assert_eq!(seg(&d, "ດຳລັດຂອງ"), "ດຳລັດ|ຂອງ");
    }

    #[test]
    fn spelling_variants_get_the_same_boundaries() {
        // A ຫ-cluster with no vowel (ຫນ, ຫມ, ຫລ) is one syllable, as ໜ, ໝ and ຫຼ
        // are: the embedded dictionary's ຂະໜມຫວານ and ຕົກຫຼມ, in either spelling.
        let d = Dictionary::embedded();
        for (variant, canonical) in [
            ("ຂະຫນມຫວານ", "ຂະໜມຫວານ"),
            ("ຕົກຫລມ", "ຕົກຫຼມ"),
            ("ຄົນຫນຶ່ງກິນຂະຫນມ", "ຄົນໜຶ່ງກິນຂະໜມ"),
            ("ດໍາລັດຂອງລັດຖະບານ", "ດຳລັດຂອງລັດຖະບານ"),
        ] {
            // The same tokens, once each is in search form.
            let search = |s: &str| {
                d.words(s)
                    .map(|w| crate::normalize(w, crate::Form::Search).into_owned())
                    .collect::<Vec<_>>()
            };
            assert_eq!(search(variant), search(canonical), "{variant}");
        }
        assert_eq!(seg(d, "ຂະຫນມຫວານ"), "ຂະຫນມຫວານ");
        assert_eq!(seg(d, "ຕົກຫລມ"), "ຕົກຫລມ");
        assert_eq!(
            crate::syllables("ຂະຫນມ").collect::<Vec<_>>(),
            ["ຂະ", "ຫນ", "ມ"]
        );
        assert_eq!(
            crate::syllables("ຕົກຫລມ").collect::<Vec<_>>(),
            ["ຕົກ", "ຫລ", "ມ"]
        );
    }

    #[test]
    fn a_thai_pre_posed_vowel_after_other_letters_starts_a_lao_syllable() {
        let d = Dictionary::embedded();
        for (text, want) in [
            ("ICT\u{E43}ນ", "ICT|\u{E43}ນ"),
            ("IoT\u{E41}ລະ", "IoT|\u{E41}ລະ"),
            ("\u{E44}ทย\u{E43}ນ", "\u{E44}ทย|\u{E43}ນ"),
            ("ก\u{E40}ກ", "ก|\u{E40}ກ"),
            // Not before a Lao consonant: Thai, in the run of letters.
            ("abc\u{E40}", "abc\u{E40}"),
            ("ก\u{E40}ก ກ", "ก\u{E40}ก| |ກ"),
        ] {
            assert_eq!(seg(d, text), want);
            let syllables: Vec<&str> = crate::syllables(text).collect();
            assert_eq!(syllables.join("|"), want);
        }
    }

    #[test]
    fn thai_vowels_typed_for_lao_ones_get_the_same_boundaries() {
        // Thai and Lao characters take three bytes each in UTF-8, so the variant's
        // boundaries must be at the same byte offsets as the original's.
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");
        let mut text = String::new();
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt") {
                text.push_str(&std::fs::read_to_string(p).unwrap());
            }
        }
        let text = crate::normalize(&text, crate::Form::Canonical).into_owned();
        // Every pre-posed vowel before a consonant, following vowel, ໆ and mark
        // that has a Thai twin, typed as that twin, in every line (also after
        // Latin letters: ICTໃນ, IoTແລະ).
        let thai = |c: char, next: Option<char>| match c as u32 {
            0xEC0..=0xEC4
                if next.is_some_and(|n| {
                    crate::chars::lao_class(n) == Some(crate::chars::Lc::Cons)
                }) =>
            {
                char::from_u32(c as u32 - 0x80).unwrap()
            }
            0xEB0 | 0xEB2 | 0xEC6 | 0xEB1 | 0xEB4..=0xEB9 | 0xEC8..=0xECB => {
                char::from_u32(c as u32 - 0x80).unwrap()
            }
            _ => c,
        };
        let mut changed = 0;
        let d = Dictionary::embedded();
        for (n, line) in text.lines().enumerate() {
            let chars: Vec<char> = line.chars().collect();
            let variant: String = (0..chars.len())
                .map(|i| thai(chars[i], chars.get(i + 1).copied()))
                .collect();
            assert_eq!(variant.len(), line.len());
            assert_eq!(
                crate::normalize(&variant, crate::Form::Canonical),
                line,
                "line {n}"
            );
            changed += (variant != line) as usize;
            let offsets = |it: &mut dyn Iterator<Item = usize>| it.collect::<Vec<_>>();
            assert_eq!(
                offsets(&mut crate::syllable_indices(&variant).map(|(k, _)| k)),
                offsets(&mut crate::syllable_indices(line).map(|(k, _)| k)),
                "syllables of line {n}: {variant}"
            );
            assert_eq!(
                offsets(&mut d.word_indices(&variant).map(|(k, _)| k)),
                offsets(&mut d.word_indices(line).map(|(k, _)| k)),
                "words of line {n}: {variant}"
            );
        }
        assert!(changed > 100, "{changed} lines changed");
    }

    #[test]
    fn unknown_words_do_not_take_in_a_dictionary_word() {
        // Only a user's word list: ທ່ານ is unknown, ສີສະຫວາດ a word of three
        // syllables none of which is a word alone.
        let d = Dictionary::from_word_list("ສີສະຫວາດ\t5\n").unwrap();
        assert_eq!(seg(&d, "ທ່ານສີສະຫວາດ"), "ທ່ານ|ສີສະຫວາດ");
        assert_eq!(seg(&d, "ສີສະຫວາດທ່ານ"), "ສີສະຫວາດ|ທ່ານ");
        // The default dictionary and a rare user word beside an unknown syllable.
        let mut d = Dictionary::new();
        d.add("ຊຽກຟຽກ").unwrap();
        assert_eq!(seg(&d, "ຫຽກຊຽກຟຽກ"), "ຫຽກ|ຊຽກຟຽກ");
        // Unknown syllables next to each other still make one word.
        assert_eq!(seg(&d, "ຫຽກຟຽກ"), "ຫຽກຟຽກ");
        // Nor does a token of two unknown words side by side take in a word
        // split between them (ທ່ານສີ + ສະຫວາດດີ: 52 nats against 53.8 for the
        // word between two unknown syllables).
        let d = Dictionary::from_word_list("ສີສະຫວາດ\n").unwrap();
        assert_eq!(seg(&d, "ທ່ານສີສະຫວາດດີ"), "ທ່ານ|ສີສະຫວາດ|ດີ");
        assert_eq!(seg(&d, "ທ່ານສີສະຫວາດດີຫຼາຍ"), "ທ່ານ|ສີສະຫວາດ|ດີຫຼາຍ");
        assert_eq!(seg(&d, "ທ່ານຫຼາຍສີສະຫວາດດີ"), "ທ່ານຫຼາຍ|ສີສະຫວາດ|ດີ");
    }

    #[test]
    fn syllables_are_found_at_any_length_and_place() {
        // ເຄື່ອງ is 18 bytes (longer than the packed keys), ນ້ຳ 9, ກາ 6; at the end of
        // the text fewer than 16 bytes are left to read.
        let d = dict(&["ເຄື່ອງຈັກ", "ນ້ຳ", "ກາ", "ປາ"]);
        assert_eq!(seg(&d, "ເຄື່ອງຈັກນ້ຳ"), "ເຄື່ອງຈັກ|ນ້ຳ");
        assert_eq!(seg(&d, "ນ້ຳເຄື່ອງຈັກ"), "ນ້ຳ|ເຄື່ອງຈັກ");
        assert_eq!(seg(&d, "ກາປາ"), "ກາ|ປາ");
        assert_eq!(seg(&d, "x ກາ"), "x| |ກາ");
        // Variants are found through their search form.
        assert_eq!(seg(&d, "ນໍ້າກາ"), "ນໍ້າ|ກາ");
    }

    #[test]
    fn nodes_with_many_children() {
        // ການ followed by 40 different syllables: its children are hashed.
        let seconds = [
            "ກາ", "ຂາ", "ຄາ", "ງາ", "ຈາ", "ສາ", "ຊາ", "ຍາ", "ດາ", "ຕາ", "ຖາ", "ທາ", "ນາ", "ບາ",
            "ປາ", "ຜາ", "ຝາ", "ພາ", "ຟາ", "ມາ", "ຢາ", "ຣາ", "ລາ", "ວາ", "ຫາ", "ອາ", "ຮາ", "ກີ", "ຂີ",
            "ຄີ", "ງີ", "ຈີ", "ສີ", "ຊີ", "ຍີ", "ດີ", "ຕີ", "ຖີ", "ທີ", "ນີ",
        ];
        let mut words: Vec<String> = seconds.iter().map(|s| format!("ການ{s}")).collect();
        words.extend(seconds.iter().map(|s| s.to_string()));
        words.push("ການ".into());
        let d = dict(&words.iter().map(String::as_str).collect::<Vec<_>>());
        for s in seconds {
            assert_eq!(seg(&d, &format!("ການ{s}")), format!("ການ{s}"));
        }
        // Pairs that are not words.
        assert_eq!(seg(&d, "ນີການ"), "ນີ|ການ");
        assert_eq!(seg(&d, "ການກີການ"), "ການກີ|ການ");
    }

    #[test]
    fn buffers_kept_between_iterators_start_empty() {
        let d = dict(&["ປີ", "ການ", "ຈັດ"]);
        let whole = seg(&d, "ການຈັດ ປີ");
        // Left half-way through a run, and after a whole text: the next iterator
        // starts afresh.
        let mut it = d.words("ປີການຈັດການ ປີ");
        assert_eq!(it.next(), Some("ປີ"));
        drop(it);
        assert_eq!(seg(&d, "ການຈັດ ປີ"), whole);
        assert_eq!(seg(&d, "ການຈັດ ປີ"), whole);
        assert_eq!(whole, "ການ|ຈັດ| |ປີ");
    }

    #[test]
    fn other_units_pass_through() {
        let d = dict(&["ປີ"]);
        assert_eq!(seg(&d, "ປີ 2016-2020, IoT."), "ປີ| |2016|-|2020|,| |IoT|.");
        assert_eq!(seg(&d, ""), "");
        assert_eq!(seg(&d, "ຕ່າງໆ"), "ຕ່າງໆ");
        assert_eq!(seg(&d, "ສປປ ປີ ນຍ,"), "ສປປ| |ປີ| |ນຍ|,");
        // A code point of the Lao block that Unicode has not assigned is a unit of
        // its own, as in `syllables`, not part of an unknown word beside it.
        assert_eq!(seg(&d, "ກ\u{EFF}ກ"), "ກ|\u{EFF}|ກ");
        assert_eq!(seg(&d, "ປີ\u{EBE}ປີ"), "ປີ|\u{EBE}|ປີ");
    }

    #[test]
    fn invisible_characters_inside_a_word_stay_in_it() {
        let d = dict(&["ປະເທດ", "ລາວ"]);
        // A soft hyphen, ZWNJ, ZWJ, the word joiner: part of the word, as in
        // `contains`. ZERO WIDTH SPACE marks a break and stays one.
        for c in ['\u{AD}', '\u{200C}', '\u{200D}', '\u{2060}'] {
            assert_eq!(seg(&d, &format!("ປະ{c}ເທດລາວ")), format!("ປະ{c}ເທດ|ລາວ"));
            assert_eq!(
                seg(&d, &format!("ປະເທດ{c}{c}ລາວ")),
                format!("ປະເທດ{c}{c}|ລາວ")
            );
            // Before any Lao, it is a token of its own.
            assert_eq!(seg(&d, &format!("{c}ລາວ")), format!("{c}|ລາວ"));
        }
        assert_eq!(seg(&d, "ປະ\u{200B}ເທດ"), "ປະ|\u{200B}|ເທດ");
        assert_eq!(seg(&d, "ປະເທດ\u{AD} ລາວ"), "ປະເທດ\u{AD}| |ລາວ");
        // The syllables are those of the text without them: ເສລີ read alone, with
        // nothing after it, is one syllable (a ສລ cluster), ເສລີພາບ is ເສ|ລີ|ພາບ.
        let d = Dictionary::embedded();
        // Nor does a combining mark of another script (U+0301, a variation
        // selector), which has nothing else to sit on.
        let joining = ['\u{AD}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}'];
        for c in joining
            .into_iter()
            .chain(['\u{180E}', '\u{301}', '\u{FE0F}'])
        {
            for (text, words) in [
                ("ເສລີ{c}ພາບ", "ເສລີ{c}ພາບ"),
                ("ໂທລະ{c}ຄົມມະນາຄົມ", "ໂທລະ{c}ຄົມມະນາຄົມ"),
                ("ເ{c}ສລີພາບ", "ເ{c}ສລີພາບ"),
                ("ດີ{c}ກວ່າ", "ດີ{c}|ກວ່າ"),
                // Where the grammar took a cluster's first letter as a final
                // (ດີກ|ວ່າ), or read a cluster after an abbreviation (ສ|ປ|ປລາວ),
                // one of them between the two letters does not stop the word
                // layer's second reading.
                ("ດີກ{c}ວ່າ", "ດີ|ກ{c}ວ່າ"),
                ("ສປປ{c}ລາວ", "ສປປ{c}|ລາວ"),
                ("ແຂວງ{c}ສປປລາວ", "ແຂວງ{c}|ສປປ|ລາວ"),
                // Lone consonants (an abbreviation) and ໆ, which ends a word.
                ("ສ{c}ປ{c}ປ", "ສ{c}ປ{c}ປ"),
                ("ອື່ນໆ{c}ເຊັ່ນ", "ອື່ນໆ{c}|ເຊັ່ນ"),
                // ໆ after one of them still ends the word it repeats.
                ("ຕ່າງ{c}ໆ ກັນ", "ຕ່າງ{c}ໆ| |ກັນ"),
                ("ປະເທດ{c}ລາວ", "ປະເທດ{c}|ລາວ"),
            ] {
                let (text, words) = (
                    text.replace("{c}", &c.to_string()),
                    words.replace("{c}", &c.to_string()),
                );
                assert_eq!(seg(d, &text), words, "{c:?}");
                assert_eq!(seg(d, &text.replace(c, "")), words.replace(c, ""), "{c:?}");
            }
        }
    }

    #[test]
    fn repetitive_input_is_fast() {
        let d = dict(&["ບັນດາ", "ບັນ", "ດາ"]);
        let text = "ບັນດາ".repeat(20_000);
        let t = std::time::Instant::now();
        assert_eq!(d.words(&text).count(), 20_000);
        assert!(t.elapsed().as_secs_f64() < 5.0, "{:?}", t.elapsed());
    }

    #[test]
    fn runs_longer_than_the_limit_are_cut_between_syllables() {
        // An even number of syllables before the cut: ບັນ|ດາ pairs stay whole. Then an
        // odd one: the cut splits one pair. Either way the tokens give the text back
        // and no path cost overflows (all syllables unknown: 20,000 each).
        let d = dict(&["ບັນດາ", "ບັນ", "ດາ"]);
        let text = "ບັນດາ".repeat(MAX_RUN / 2 + 10);
        assert_eq!(d.words(&text).count(), MAX_RUN / 2 + 10);
        let odd = format!("ກ{text}");
        let w: Vec<&str> = d.words(&odd).collect();
        assert_eq!(w.concat(), odd);
        assert!(
            w.contains(&"ບັນ") && w.contains(&"ດາ"),
            "the cut is at a syllable"
        );
        let unknown = "ຊຸກ".repeat(MAX_RUN + 5);
        let w: Vec<&str> = d.words(&unknown).collect();
        assert_eq!(w, [&unknown[..MAX_RUN * 9], &unknown[MAX_RUN * 9..]]);
        // A soft hyphen and a combining mark right after the cut stay with the
        // syllable before them.
        let text = format!("{}\u{AD}\u{301}ດາ", "ບັນດາ".repeat(MAX_RUN / 2));
        let w: Vec<&str> = d.words(&text).collect();
        assert_eq!(w.concat(), text);
        assert_eq!(w.len(), MAX_RUN / 2 + 1);
        assert_eq!(w[w.len() - 2..], ["ບັນດາ\u{AD}\u{301}", "ດາ"]);
    }

    /// How fast each stage of the word segmenter runs, against ICU4X's dictionary
    /// mode in the same process: every stage of a run of [`Dictionary::words`] in
    /// turn, each row adding one to the row before (the real methods, not copies),
    /// on the shared corpus made canonical and repeated to 4 MB, as
    /// `benches/core.rs` does. 15 rounds; in each, one pass of ICU4X and one of
    /// every row, so each row's ratio to ICU4X (the median of 15) is taken in the
    /// same phase of the machine. A measurement, not a check:
    /// `cargo test --release --lib stage_speeds -- --ignored --nocapture`.
    #[test]
    #[ignore = "a measurement, not a check: run with --ignored --nocapture"]
    fn stage_speeds() {
        use std::hint::black_box;
        use std::time::Instant;
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("cannot read the corpus folder {dir}: {e}"))
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        let mut one = String::new();
        for f in files {
            one.push_str(&std::fs::read_to_string(f).unwrap());
            one.push('\n');
        }
        let mut text = String::new();
        while text.len() < 4_000_000 {
            text.push_str(&one);
        }
        let text = crate::canonical(&text).into_owned();
        let dict = Dictionary::embedded();
        let icu = icu_segmenter::WordSegmenter::new_dictionary(Default::default());
        // The rows: stages of `WordIndices::fill` taken over the whole text.
        let stages = |text: &str, upto: u8| -> usize {
            let mut w = dict.word_indices(text);
            let mut sum = 0;
            loop {
                w.run.clear();
                let more = if upto == 0 {
                    let more = w.read_syllables();
                    w.clusters.clear(); // as `read_run`'s resplit does
                    more
                } else {
                    w.read_run()
                };
                if upto == 2 {
                    best_paths(dict.frozen(), &w.run, &mut w.best);
                }
                if upto == 3 {
                    // The lattice and the walk back from its end.
                    w.ready.clear();
                    w.segment_run();
                    sum += w.ready.len();
                }
                sum += w.run.len();
                if !more {
                    return sum;
                }
            }
        };
        type Row<'a> = (&'a str, Box<dyn Fn() -> usize + 'a>);
        let rows: Vec<Row> = vec![
            (
                "ICU4X WordSegmenter (dictionary)",
                Box::new(|| icu.segment_str(&text).count()),
            ),
            (
                "syllables (the syllable iterator)",
                Box::new(|| crate::syllables(&text).count()),
            ),
            (
                "+ each Lao syllable's id (`syllable`)",
                Box::new(|| {
                    let mut units = syllable_indices(&text);
                    let mut sum = 0usize;
                    while let Some((off, unit)) = units.next() {
                        if !is_lao_syllable(unit) {
                            continue;
                        }
                        let mut start = off + unit.len();
                        sum += syllable(dict, &text, off, start).sid as usize;
                        let base = units.ahead_base();
                        for &e in units.take_ahead() {
                            let end = base + e as usize;
                            sum += syllable(dict, &text, start, end).sid as usize;
                            start = end;
                        }
                    }
                    sum
                }),
            ),
            (
                "+ runs of syllables (`read_syllables`)",
                Box::new(|| stages(&text, 0)),
            ),
            (
                "+ resplit and stops (`read_run`)",
                Box::new(|| stages(&text, 1)),
            ),
            (
                "+ the lattice (`best_paths`)",
                Box::new(|| stages(&text, 2)),
            ),
            ("+ tokens (`segment_run`)", Box::new(|| stages(&text, 3))),
            (
                "words (the word iterator)",
                Box::new(|| dict.words(&text).count()),
            ),
        ];
        for (_, f) in &rows {
            black_box(f());
        }
        const ROUNDS: usize = 15;
        let mut secs = vec![Vec::with_capacity(ROUNDS); rows.len()];
        for _ in 0..ROUNDS {
            for ((_, f), secs) in rows.iter().zip(&mut secs) {
                let start = Instant::now();
                black_box(f());
                secs.push(start.elapsed().as_secs_f64());
            }
        }
        println!("\n{} bytes; {ROUNDS} rounds\n", text.len());
        println!("| stage | MB/s (best) | ns a byte (median) | × ICU4X (median) |");
        println!("| --- | ---: | ---: | ---: |");
        let median = |mut v: Vec<f64>| {
            v.sort_by(f64::total_cmp);
            v[v.len() / 2]
        };
        for (k, (name, _)) in rows.iter().enumerate() {
            let best = secs[k].iter().copied().fold(f64::MAX, f64::min);
            let ns = median(secs[k].clone()) * 1e9 / text.len() as f64;
            let ratio = median((0..ROUNDS).map(|r| secs[0][r] / secs[k][r]).collect());
            let mbs = text.len() as f64 / best / 1e6;
            println!("| {name} | {mbs:.0} | {ns:.2} | {ratio:.2} |");
        }
    }
}
