//! Word segmentation of Lao text.
//!
//! Lao writes no spaces between words. The segmenter splits each run of Lao
//! syllables into the sequence of dictionary words with the lowest total cost (the
//! most probable split under a unigram model), by dynamic programming over the
//! syllable lattice: a word always starts and ends on a syllable boundary, and a word
//! is at most 16 syllables long, so the work is linear in the length of the text.
//!
//! Syllables that no dictionary word covers (names, new loanwords, OCR junk) each
//! cost more than any dictionary word; neighbouring unknown syllables are kept
//! together as one token. Spaces, numbers, Latin and punctuation are tokens of their
//! own, exactly as in [`syllables`](crate::syllables).
//!
//! Lookups use the [search form](crate::Form::Search) of each syllable, so spelling
//! variants (ດໍາລັດ / ດຳລັດ, ຫລາຍ / ຫຼາຍ) get the same boundaries; the tokens
//! returned are always slices of the text as given.
//!
//! ```
//! let w: Vec<&str> = akson::words("ກະຊວງໄປສະນີ ໂທລະຄົມມະນາຄົມ").collect();
//! assert_eq!(w, ["ກະຊວງ", "ໄປສະນີ", " ", "ໂທລະຄົມມະນາຄົມ"]);
//! ```

use crate::dict::{syllable_key, Dictionary, MAX_WORD_SYLLABLES};
use crate::syllable::{syllable_indices, SyllableIndices};

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
    best: Vec<u32>,
    back: Vec<(u32, bool)>,
}

/// The buffers of a [`WordIndices`], kept by each thread for the next one, so that
/// segmenting many short texts (one call per line, as bindings do) does not
/// allocate them again each time.
#[derive(Default)]
struct Buffers {
    ready: Vec<(usize, usize)>,
    run: Vec<Syl>,
    best: Vec<u32>,
    back: Vec<(u32, bool)>,
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
            back: std::mem::take(&mut self.back),
        };
        b.ready.clear();
        b.run.clear();
        let _ = BUFFERS.try_with(|c| c.set(Some(b)));
    }
}

/// One Lao syllable of the current run.
#[derive(Copy, Clone, Debug)]
struct Syl {
    start: usize,
    end: usize,
    /// Dictionary syllable id, or `u32::MAX` if no word uses this syllable.
    sid: u32,
    /// The dictionary's trie after this syllable (`Edge::NONE` if no word starts
    /// with it).
    root: crate::dict::Edge,
    /// Ends with ໆ: no word goes on past it.
    kola: bool,
    /// A consonant with no vowel (letters of an abbreviation such as ສປປ).
    bare: bool,
    /// Not a dictionary word by itself.
    orphan: bool,
    /// One of the dictionary's most frequent words by itself (ແລະ, ການ, ໄດ້):
    /// never part of an unknown word.
    frequent: bool,
}

/// Whether a syllable is a lone consonant (with no vowel, tone or other letter).
#[inline]
fn is_bare_consonant(unit: &str) -> bool {
    unit.len() == 3 && crate::chars::lao_class_first(unit) == Some(crate::chars::Lc::Cons)
}

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
            back,
        } = b;
        WordIndices {
            dict: self,
            text,
            units: syllable_indices(text),
            pending: None,
            ready,
            next_ready: 0,
            run,
            best,
            back,
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

/// Whether a syllable unit is a Lao syllable (rather than a space, number, …).
#[inline]
pub(crate) fn is_lao_syllable(unit: &str) -> bool {
    crate::chars::lao_class_first(unit).is_some_and(|cls| {
        !matches!(
            cls,
            crate::chars::Lc::Digit | crate::chars::Lc::Ellipsis | crate::chars::Lc::KoLa
        )
    })
}

impl WordIndices<'_, '_> {
    /// Reads the next run of Lao syllables (and the unit after it) and segments it.
    fn fill(&mut self) {
        self.ready.clear();
        self.next_ready = 0;
        if let Some((off, unit)) = self.pending.take() {
            self.ready.push((off, off + unit.len()));
            return;
        }
        self.run.clear();
        let dict = self.dict;
        let tables = dict.frozen();
        let bytes = self.text.as_bytes();
        let frequent = tables.frequent_below();
        for (off, unit) in self.units.by_ref() {
            if !is_lao_syllable(unit) {
                self.pending = Some((off, unit));
                break;
            }
            // A syllable found as it is is in search form (keys are, and search
            // form is idempotent), so it is its own key; others are normalised.
            let bare = crate::dict::strip_kola(unit);
            let found = match crate::dict::pack16_at(bytes, off, bare.len()) {
                Some(key) if key != 0 => tables.short_id(key),
                _ => dict.syllable_id(bare).map(|sid| (sid, tables.root(sid))),
            };
            let (sid, root) = match found {
                Some(found) => found,
                None => match syllable_key(unit) {
                    std::borrow::Cow::Owned(key) => self.dict.syllable_id(&key),
                    std::borrow::Cow::Borrowed(_) => None,
                }
                .map_or((u32::MAX, crate::dict::Edge::NONE), |sid| {
                    (sid, tables.root(sid))
                }),
            };
            let alone = root.word_cost();
            self.run.push(Syl {
                start: off,
                end: off + unit.len(),
                sid,
                root,
                kola: unit.len() != bare.len(),
                bare: is_bare_consonant(unit),
                orphan: alone.is_none(),
                frequent: alone.is_some_and(|c| c < frequent),
            });
        }

        self.segment_run();
        if self.ready.is_empty() {
            if let Some((off, unit)) = self.pending.take() {
                self.ready.push((off, off + unit.len()));
            }
        }
    }

    /// Best path over the run's syllable lattice into `ready`.
    fn segment_run(&mut self) {
        let n = self.run.len();
        if n == 0 {
            return;
        }
        let dict = self.dict;
        let tables = dict.frozen();
        self.best.clear();
        self.best.resize(n + 1, u32::MAX);
        self.back.clear();
        self.back.resize(n + 1, (0, true));
        // Slices of known length, so that most bounds checks go.
        let run = &self.run[..n];
        let best = &mut self.best[..=n];
        let back = &mut self.back[..=n];
        best[0] = 0;
        for i in 0..n {
            let base = best[i];
            if base == u32::MAX {
                continue;
            }
            // An unknown syllable.
            let c = base.saturating_add(UNKNOWN_SYLLABLE);
            if c < best[i + 1] {
                best[i + 1] = c;
                back[i + 1] = (i as u32, true);
            }
            // An unknown word: a span with a syllable that is no word by itself.
            let mut has_orphan = false;
            for j in i..n.min(i + MAX_UNKNOWN_SYLLABLES) {
                if run[j].frequent {
                    break;
                }
                has_orphan |= run[j].orphan;
                if has_orphan && j > i {
                    let k = (j + 1 - i) as u32;
                    let c = base.saturating_add(UNKNOWN_SPAN_BASE + k * UNKNOWN_SPAN_PER_SYLLABLE);
                    if c < best[j + 1] {
                        best[j + 1] = c;
                        back[j + 1] = (i as u32, true);
                    }
                }
                if run[j].kola {
                    break;
                }
            }
            // Letters of an abbreviation (ສປປ, ປທສ): the whole run of two or more
            // lone consonants is one token.
            if run[i].bare && (i == 0 || !run[i - 1].bare) {
                let mut j = i;
                while j < n && run[j].bare {
                    j += 1;
                }
                if j - i >= 2 {
                    let c = base.saturating_add(ABBREVIATION);
                    if c < best[j] {
                        best[j] = c;
                        back[j] = (i as u32, false);
                    }
                }
            }
            // Dictionary words starting here.
            // The first step was taken when the syllable was looked up.
            let mut edge = run[i].root;
            let mut j = i;
            let last = n.min(i + MAX_WORD_SYLLABLES);
            while edge.is_node() {
                if let Some(wc) = edge.word_cost() {
                    let c = base.saturating_add(wc);
                    // Prefer the longer word on a tie.
                    if c <= best[j + 1] {
                        best[j + 1] = c;
                        back[j + 1] = (i as u32, false);
                    }
                }
                if run[j].kola {
                    break;
                }
                j += 1;
                if j >= last || run[j].sid == u32::MAX {
                    break;
                }
                match tables.step(edge, run[j].sid) {
                    Some(e) => edge = e,
                    None => break,
                }
            }
        }
        // Walk back, merging neighbouring unknown syllables into one token.
        let first = self.ready.len();
        let mut k = n;
        while k > 0 {
            let (mut i, unknown) = self.back[k];
            if unknown {
                while i > 0 && self.back[i as usize].1 && !self.run[i as usize - 1].kola {
                    i = self.back[i as usize].0;
                }
            }
            self.ready
                .push((self.run[i as usize].start, self.run[k - 1].end));
            k = i as usize;
        }
        self.ready[first..].reverse();
        if let Some((off, unit)) = self.pending.take() {
            self.ready.push((off, off + unit.len()));
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
    }

    #[test]
    fn repetitive_input_is_fast() {
        let d = dict(&["ບັນດາ", "ບັນ", "ດາ"]);
        let text = "ບັນດາ".repeat(20_000);
        let t = std::time::Instant::now();
        assert_eq!(d.words(&text).count(), 20_000);
        assert!(t.elapsed().as_secs_f64() < 5.0, "{:?}", t.elapsed());
    }
}
