//! OCR-error correction for Lao text.
//!
//! Tesseract's Lao model misreads glyphs that look alike (ົ/ິ, ໂ/ໄ, ຫ/ທ/ໜ, ບ/ປ,
//! ນ/ມ, ງ/ວ), drops pre-vowels, ◌ັ and tone marks, and leaves spaces where lines
//! wrapped (ເຕັກໂນ ໂລຊີ). Many misreadings are real words themselves (ຕັກ is a
//! word), so the corrector decides in context, as a noisy channel:
//!
//! 1. The line is split into syllables. Every span of one to five syllables (with
//!    at most two spaces or hyphens inside, where a line may have wrapped) is looked
//!    up in an index of the dictionary keyed by a *skeleton*: the span with the
//!    characters Tesseract confuses mapped to one class and the characters it drops
//!    removed. Each dictionary word found is a candidate reading of the span. A
//!    span that does not read as known words (or only as a run of uncommon ones,
//!    ປຶກປັກຮັກສາ) is also looked up with the misreadings the skeleton cannot see
//!    undone: a character often read for a dropped one left
//!    out (ຸ for ູ), a dropped character often read for a kept one read as that one
//!    (ູ for ຸ, ຶ for ື), a ໜ split in two (ຂະແຫງງ) joined, and a vowel Tesseract
//!    often drops (ຸ ໍ ີ ື ົ) missing (ປກຄອງ finds ປົກຄອງ), and two characters that
//!    the model knows as one read as two (ບນ for ໝ) read as that one. A word
//!    followed by ໆ (ອືນໆ) is looked up without it and keeps it.
//! 2. A candidate costs its dictionary cost plus the channel cost of reading it as
//!    the span: a weighted edit distance whose substitution, insertion, deletion
//!    and split costs (one character read as two: ໜ as ຫຼ, ບນ or ຫງ) are −log
//!    probabilities learnt from real Tesseract output (the [error model](ErrorModel),
//!    embedded), plus a fixed price for any change. A tone mark over a vowel sign
//!    above the consonant (ທີ່) is dropped about half the time, one on the
//!    consonant itself (ກ່າ) rarely: the model prices the two apart.
//!    The candidate's fit with its neighbours against the span's as it stands
//!    adjusts it: syllable pairs of Lao web text (the chunks of Tesseract's own Lao
//!    word list) between two Lao syllables (ຢູ່ ທີ່ "at" is common, ຢູ່ ທີ is not),
//!    the train text's counts next to spaces, numbers, punctuation and line ends
//!    (ທີ before a number). Where the span ends in a syllable neither set of
//!    counts has (ດ້ວບ), a reading's link to the right counts only in its favour.
//! 3. The cheapest path through the line, over the words as they stand (known or
//!    unknown) and the candidates, is the correction; where it changes something,
//!    the spans beside each change are weighed again with the corrected word as
//!    their neighbour (ທິຂິນ: once ຂິນ reads as ຂຶ້ນ, ທີ່ fits before it), and the
//!    path is found again. A change is kept only if its
//!    *confidence*, its probability against leaving the span as it was and against
//!    the other candidates for the same span, reaches the
//!    [threshold](CorrectOptions::threshold). For a span's best reading that is more
//!    likely than all the rest together, the confidence is the probability that the
//!    span is misread at all (ສະເຫີ is surely a misreading, of ສະເໜີ at 79 % or
//!    ສະເໝີ at 21 %: it becomes ສະເໜີ). So text that was right comes out
//!    unchanged: precision first. Where the model's `calib` lines show that the
//!    same change (the same span read, the same word written) was right nearly
//!    every time the corrector proposed it on the train lines, the confidence is
//!    that record if higher, (right + 1) / (proposed + 2): ທີ before a word,
//!    written ທີ່ 53 times of 53, gets 0.98 where the scores gave it 0.6.
//!
//! 4. Dirt on the page that Tesseract reads as punctuation at the edges of a line
//!    (". ວັນສຸກ", "ແຫ່ງຊາດ. :", ".ສ້າງ", ".2016") or stuck to the front of a word inside it
//!    ("ແລະ .ໄດ້ມີ") is removed when the error model's counts make it a speck with
//!    a probability at the threshold or above. Alone at the start of a line only
//!    dots and commas go (a list bullet stands there, and Tesseract reads • as -,
//!    ", “, : or +); punctuation alone between two words stays (Lao typists put
//!    spaces around commas); a bracket or quotation mark whose partner is in the
//!    line, and punctuation never seen as a speck, stay. The start of a word that
//!    Tesseract read twice, as a token of its own (ແ ແລະ, ຂໍ ຂໍ້ມູນ) or as a
//!    broken syllable at the end of the word before (ຂໍ້ມ ມູນ), goes the same
//!    way, and so does a *junk run*: dirt at a line's start read as a row of
//!    short tokens (`<. ວວ , ມ , ການກິນ…`, or a lone ະ), though not a short word, a
//!    bullet, an enumeration (ກ., ( ກ )) or a number (1.) right before the text,
//!    nor short words listed with commas (`ແມ່ , ພໍ່ , ລູກ…`); a line of dirt only
//!    is emptied. A character alone before a line's text that is never
//!    the character itself there (", “, :, +, but not -, a real list marker) is
//!    read by the model's `bullet` and `speck lead` counts: a misread list bullet
//!    is written as • again (", “), dirt goes (:, +), when the likelier of the two
//!    is sure at the threshold, or holds at least half and the character is surely
//!    misread (as for a misread span, below).
//! 5. A Roman numeral after the ordinal ທີ (ພາກທີ II, ຄັ້ງທີ IX), which Tesseract's
//!    Lao model, having no Latin letters, reads as punctuation (ພາກທີ |, ໝວດທີ ໄ/|,
//!    ຄັ້ງທີ )(), is written as the numeral the model's `roman` readings make
//!    likeliest, by the same rule of confidence.
//!
//! The output is in [canonical form](crate::Form::Canonical) (so ໍາ becomes ຳ);
//! numbers, Latin text, other punctuation and spacing that is not a line wrap are
//! left alone.
//!
//! Time is linear in the text's length and memory in its longest line: a line
//! longer than 64 KiB is decoded (steps 1 to 3) a stretch of at most 64 KiB at a
//! time, cut after a space where there is one (else between syllables), so
//! decoding holds about 7 MB at most on ordinary text (up to about 150 MB on
//! degenerate text, one pair of confusable letters repeated). A cut can change
//! the reading of the words right at it: no span is read across it, a stretch's
//! first word is read as a line's first, and the context model sees a line's
//! start or end there.
//!
//! ```
//! // A dropped ເ and a space where the line wrapped.
//! assert_eq!(akson::correct("ຕັກໂນ ໂລຊີ ແລະ ການສື່ສານ"), "ເຕັກໂນໂລຊີ ແລະ ການສື່ສານ");
//! // Correct text comes back as it was.
//! assert_eq!(akson::correct("ກະຊວງເຕັກໂນໂລຊີ ແລະ ການສື່ສານ"), "ກະຊວງເຕັກໂນໂລຊີ ແລະ ການສື່ສານ");
//! ```
//!
//! [`corrections`] lists what would change, with spans, candidates and confidences
//! (for a review screen), and [`suggest`] ranks the dictionary words that a single
//! misread word could be.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use crate::chars::is_lao;
use crate::dict::FxBuild;
use crate::{normalize, syllable_indices, Dictionary, Error, Form};

/// The error model learnt from the train split of `dictionaries/ocr`, generated by
/// `python3 dictionaries/ocr/train_model.py`.
static EMBEDDED_MODEL: &str = include_str!("../dictionaries/ocr/model.tsv");
/// Phrases (two words or more) that the segmentation dictionary leaves out by the
/// conventions of `tests/gold/CONVENTIONS.md` (ທີ່ມີ, ເກີດຂຶ້ນ, ດັ່ງນີ້), with what
/// each would cost as one word; generated by `cargo run --release -p
/// akson-dict-build` beside the dictionary.
pub(crate) static EMBEDDED_PHRASES: &[u8] = include_bytes!("../dictionaries/akson-lo-phrases.fst");
/// Syllable bigram counts of the train split's clean text, generated by
/// `python3 dictionaries/ocr/train_model.py`.
static EMBEDDED_CONTEXT: &str = include_str!("../dictionaries/ocr/context.tsv");
/// Syllable bigram counts of Lao web text (the chunks of Tesseract's Lao word list),
/// generated by the same script.
static EMBEDDED_WEB_CONTEXT: &str = include_str!("../dictionaries/ocr/context-web.tsv");

/// Weight of the context evidence (tuned on the dev split).
const CONTEXT_WEIGHT: f64 = 2.0;
/// Bound (nats) of one link's evidence.
const CONTEXT_CAP: f64 = 3.0;
/// Bound (nats) of the context's say on one candidate: the context model is learnt
/// from little text, so it may tip a close call but not overrule the dictionary
/// and the error model. Tuned on the dev and train splits with the web counts:
/// 6 → 8 takes the dev lines' errors from 947 to 923 and the train lines' from
/// 7,677 to 7,639 (the bound held back ໃນກ່ານ → ໃນການ and ຖືກບັ້ງຕັບ → ຖືກບັງຄັບ), and changes only
/// a typo in the clean text (ທີ່ຈະໄຫ້ → ທີ່ຈະໃຫ້); 10 changed the abbreviation
/// ສຕຂ in clean text.
const CONTEXT_MAX_GAIN: f64 = 8.0;

/// Syllable bigram statistics: how much more (or less) likely a syllable is after
/// another than on its own.
///
/// Two sets of counts. The train split's clean text (`context.tsv`) has every kind
/// of unit, as classes (`<sp>`, `<num>`, `<s>`, …), but is small. Lao web text
/// (`context-web.tsv`: the chunks of Tesseract's Lao word list, counted once each)
/// is large but holds Lao syllables only. A link between two Lao syllables is
/// scored with the web counts when the first syllable is in them, any other link
/// with the train counts.
struct Context {
    ids: HashMap<Box<str>, u32, FxBuild>,
    /// Train text: counts by id (0 for tokens it never has), the number of
    /// different tokens it has, and the total count.
    uni: Vec<f64>,
    /// Train text: the number of different tokens seen after each (Witten–Bell).
    followers: Vec<f64>,
    vocab: f64,
    total: f64,
    bi: HashMap<u64, f64, FxBuild>,
    /// Web text: counts by id, the number of different syllables seen after each
    /// (for Witten–Bell smoothing), the number of syllables and the total.
    web: Vec<(f64, f64)>,
    web_vocab: f64,
    web_total: f64,
    web_bi: HashMap<u64, f64, FxBuild>,
    /// Whether the token with this id is a Lao syllable (not a class).
    lao: Vec<bool>,
    /// Whether links are remembered in this thread's `PMI_MEMO` (the embedded
    /// context only: the memo does not say which context a link was scored by).
    memoise: bool,
}

/// Slots of a thread's memo of scored links (see [`Context::pmi`]).
const PMI_MEMO_SLOTS: usize = 1 << 12;

thread_local! {
    /// The embedded context's links scored last in this thread, by a hash of the
    /// pair: `(pair, score)`, `u64::MAX` for an empty slot. A line's candidates
    /// are scored against the same few neighbours, and the same words come back
    /// line after line, so most links are found here.
    static PMI_MEMO: std::cell::RefCell<Vec<(u64, f64)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The key of a bigram of ids.
#[inline]
fn pair(a: u32, b: u32) -> u64 {
    (a as u64) << 32 | b as u64
}

impl Context {
    fn embedded() -> &'static Context {
        static C: OnceLock<Context> = OnceLock::new();
        C.get_or_init(|| {
            let mut c = Context::parse(EMBEDDED_CONTEXT, EMBEDDED_WEB_CONTEXT);
            c.memoise = true;
            c
        })
    }

    /// The id of `token`, given one if it has none yet.
    fn intern(&mut self, token: &str) -> u32 {
        if let Some(&id) = self.ids.get(token) {
            return id;
        }
        let id = self.uni.len() as u32;
        self.ids.insert(token.into(), id);
        self.uni.push(0.0);
        self.followers.push(0.0);
        self.web.push((0.0, 0.0));
        self.lao.push(!token.starts_with('<'));
        id
    }

    /// Reads the train counts (`1<TAB>token<TAB>count` and
    /// `2<TAB>a<TAB>b<TAB>count` lines) and the web counts
    /// (`1<TAB>syllable<TAB>count<TAB>continuations` lines, whose order numbers the
    /// syllables from 0, then `2<TAB>a<TAB>b:count,b:count…` lines by those
    /// numbers); other lines are skipped.
    fn parse(text: &str, web: &str) -> Context {
        let mut c = Context {
            ids: HashMap::default(),
            uni: Vec::new(),
            followers: Vec::new(),
            vocab: 0.0,
            total: 0.0,
            bi: HashMap::default(),
            web: Vec::new(),
            web_vocab: 0.0,
            web_total: 0.0,
            web_bi: HashMap::default(),
            lao: Vec::new(),
            memoise: false,
        };
        for line in text.lines() {
            let f: Vec<&str> = line.split('\t').collect();
            match (f.first().copied(), f.len()) {
                (Some("1"), 3 | 4) => {
                    let n: f64 = f[2].parse().unwrap_or(0.0);
                    let id = c.intern(f[1]);
                    c.uni[id as usize] += n;
                    c.followers[id as usize] = f.get(3).and_then(|x| x.parse().ok()).unwrap_or(0.0);
                    c.vocab += 1.0;
                    c.total += n;
                }
                (Some("2"), 4) => {
                    if let (Some(&a), Some(&b)) = (c.ids.get(f[1]), c.ids.get(f[2])) {
                        c.bi.insert(pair(a, b), f[3].parse().unwrap_or(0.0));
                    }
                }
                _ => {}
            }
        }
        let mut by_number = Vec::new();
        for line in web.lines() {
            let f: Vec<&str> = line.split('\t').collect();
            match (f.first().copied(), f.len()) {
                (Some("1"), 4) => {
                    let n: f64 = f[2].parse().unwrap_or(0.0);
                    let id = c.intern(f[1]);
                    c.web[id as usize] = (n, f[3].parse().unwrap_or(0.0));
                    c.web_vocab += 1.0;
                    c.web_total += n;
                    by_number.push(id);
                }
                (Some("2"), 3) => {
                    let num = |x: &str| x.parse::<usize>().ok().and_then(|i| by_number.get(i));
                    let Some(&a) = num(f[1]) else { continue };
                    for item in f[2].split(',') {
                        if let Some((b, k)) = item.split_once(':') {
                            if let (Some(&b), Ok(k)) = (num(b), k.parse::<f64>()) {
                                c.web_bi.insert(pair(a, b), k);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        c
    }

    /// The id of a token, if the model has seen it.
    fn id(&self, token: &str) -> Option<u32> {
        self.ids.get(token).copied()
    }

    /// The ids of the first and last syllables of a word.
    fn ends(&self, word: &str) -> (Option<u32>, Option<u32>) {
        let mut syl = crate::syllables(word);
        let first = syl.next().unwrap_or("");
        let last = syl.last().unwrap_or(first);
        (
            self.id(&context_token(first, true)),
            self.id(&context_token(last, true)),
        )
    }

    /// ln P(b | a) / P(b) for token ids (`None`: never seen), smoothed and bounded;
    /// 0 when `a` was never seen.
    fn pmi(&self, a: Option<u32>, b: Option<u32>) -> f64 {
        let Some(ia) = a else {
            return 0.0;
        };
        if !self.memoise {
            return self.link(ia, b);
        }
        // Ids are below u32::MAX, so no pair is the empty slot's u64::MAX.
        let key = pair(ia, b.unwrap_or(u32::MAX));
        let slot = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 52) as usize;
        PMI_MEMO
            .try_with(|memo| {
                let mut memo = memo.borrow_mut();
                if memo.is_empty() {
                    memo.resize(PMI_MEMO_SLOTS, (u64::MAX, 0.0));
                }
                let e = &mut memo[slot];
                if e.0 != key {
                    *e = (key, self.link(ia, b));
                }
                e.1
            })
            .unwrap_or_else(|_| self.link(ia, b))
    }

    /// [`Context::pmi`] worked out, for `a` seen.
    fn link(&self, ia: u32, b: Option<u32>) -> f64 {
        let (ia, bi) = (ia as usize, b.map(|b| b as usize));
        let ratio =
            if self.lao[ia] && self.web[ia].0 > 0.0 && !matches!(bi, Some(b) if !self.lao[b]) {
                // Witten–Bell: the more different syllables follow `a`, the more an
                // unseen one may. A syllable only ever seen last in its chunk (no
                // followers) makes every syllable after it unlikely: ln 0, bounded
                // below by the cap.
                let (ca, n1) = self.web[ia];
                let (cb, cab) = bi.map_or((0.0, 0.0), |ib| {
                    let k = self.web_bi.get(&pair(ia as u32, ib as u32));
                    (self.web[ib].0, k.copied().unwrap_or(0.0))
                });
                let pb = (cb + 0.5) / (self.web_total + 0.5 * (self.web_vocab + 1.0));
                (cab + n1 * pb) / (ca + n1) / pb
            } else {
                let ca = self.uni[ia];
                if ca == 0.0 {
                    return 0.0;
                }
                let (cb, cab) = bi.map_or((0.0, 0.0), |ib| {
                    let k = self.bi.get(&pair(ia as u32, ib as u32));
                    (self.uni[ib], k.copied().unwrap_or(0.0))
                });
                let pb = (cb + 0.5) / (self.total + 0.5 * (self.vocab + 1.0));
                // Witten–Bell, as for the web counts.
                let n1 = self.followers[ia];
                (cab + n1 * pb) / (ca + n1) / pb
            };
        ratio.ln().clamp(-CONTEXT_CAP, CONTEXT_CAP)
    }
}

/// The context token of a unit: a Lao syllable in canonical form without ໆ, or the
/// class of another unit.
fn context_token(unit: &str, lao: bool) -> Cow<'_, str> {
    if lao {
        return normalize(crate::dict::strip_kola(unit), Form::Canonical);
    }
    let class = if unit.chars().all(char::is_whitespace) {
        "<sp>"
    } else if unit.chars().any(char::is_numeric) {
        "<num>"
    } else if unit.chars().any(char::is_alphabetic) {
        "<lat>"
    } else {
        "<p>"
    };
    Cow::Borrowed(class)
}

/// Number of character slots: the Lao block (128), then space, hyphen, other.
const NC: usize = 131;
const SPACE: u8 = 128;
const HYPHEN: u8 = 129;
const OTHER: u8 = 130;
/// Slot of ໆ (ko la, the repetition mark).
const KOLA: u8 = 0x46;
/// Longest span, in syllables, that is read as one word.
const MAX_SPAN_SYLLABLES: usize = 5;
/// Candidates whose length differs from the span's by more than this are skipped.
const MAX_LEN_DIFF: usize = 4;
/// At most this many candidates (the most frequent ones) per skeleton are compared.
/// 48 → 96 took the dev lines' errors from 889 to 876 (train 7,549 → 7,532, test
/// scan150jpg lines 3.08 → 3.03 %), changing nothing in the clean text, for 18 %
/// more work (affordable once looked-up spans were memoised); 200 did about the
/// same for 37 % more.
const MAX_BUCKET: usize = 96;
/// A span's best reading that holds at least this share of the probability (against
/// the span as it stands and the other readings) takes as its confidence the
/// probability that the span is misread at all. Half: more likely than all the
/// rest together (tuned on the dev split: 0.7 did about as well).
const BEST_READING_SHARE: f64 = 0.5;

/// Candidates kept per span after scoring.
const KEEP_PER_SPAN: usize = 4;

/// A list bullet.
const BULLET: char = '\u{2022}';

/// Whether a slot is a vowel sign above the consonant that a tone mark may stand
/// on: ◌ັ ◌ິ ◌ີ ◌ຶ ◌ື ◌ົ ◌ໍ.
#[inline]
fn is_above_vowel(s: u8) -> bool {
    matches!(s, 0x31 | 0x34..=0x37 | 0x3B | 0x4D)
}

/// FNV-1a over skeleton classes (see [`ErrorModel::skeleton_by`]).
const SKELETON_SEED: u64 = 0xcbf2_9ce4_8422_2325;
const SKELETON_PRIME: u64 = 0x0000_0100_0000_01B3;

/// Whether a span that starts with the character of slot `s` (one no Lao
/// syllable starts with) is likelier a word whose first consonant Tesseract read
/// as nothing than dirt: ະ, which follows the consonant as a glyph of its own
/// (ະຫະກອນ for ສະຫະກອນ; at a line's start in the train split, 19 of 27 times;
/// າ, which dirt makes, 2 of 20; the others 0 of 6).
fn may_have_lost_its_consonant(s: u8) -> bool {
    s == 0x30
}

/// The slot of a character.
#[inline]
fn slot(c: char) -> u8 {
    match c as u32 {
        0x0E80..=0x0EFF => (c as u32 - 0x0E80) as u8,
        0x20 => SPACE,
        0x2D => HYPHEN,
        _ => OTHER,
    }
}

/// The character of a slot (for messages and the model file).
fn slot_char(s: u8) -> char {
    match s {
        SPACE => ' ',
        HYPHEN => '-',
        OTHER => '\u{FFFD}',
        _ => char::from_u32(0x0E80 + s as u32).unwrap_or('\u{FFFD}'),
    }
}

/// How Tesseract misreads Lao characters: the costs (milli-nats, −1000 ln p) of
/// substituting, deleting and inserting each character, and the character classes
/// used to find candidates.
///
/// The embedded model ([`ErrorModel::embedded`]) was estimated from real Tesseract
/// output on rendered and degraded Lao text (see `dictionaries/ocr/README.md`).
#[derive(Clone)]
pub struct ErrorModel {
    /// `sub[a * NC + b]`: clean `a` read as `b`.
    sub: Vec<u32>,
    /// The same by the character read: `sub_read[b * NC + a]` is `sub[a * NC + b]`,
    /// so that the alignment of one OCR character reads one row.
    sub_read: Vec<u32>,
    /// `del[a]`: clean `a` missing from the OCR text.
    del: Vec<u32>,
    /// `del_above[a]`: tone mark `a` missing where it stands over a vowel sign
    /// above the consonant (ກີ່), which Tesseract drops far more often than one on
    /// the consonant itself (`del[a]` then).
    del_above: Vec<u32>,
    /// `ins[b]`: `b` in the OCR text with nothing behind it.
    ins: Vec<u32>,
    /// Skeleton class of each slot; `DROP` if it is left out of skeletons.
    class: Vec<u8>,
    /// Slots that are often a misreading of a slot left out of skeletons (ິ for
    /// ຶ, ຸ for ູ): a span with them is also looked up without them.
    ambiguous: Vec<bool>,
    /// For a slot left out of skeletons that is often a misreading of a Lao
    /// character kept in them (ູ for ຸ, ຶ for ື), that character's class (`DROP`
    /// if none): a span with it is also looked up with it read as that class.
    twin: Vec<u8>,
    /// The skeleton classes of the Lao consonants (each once), which a span that
    /// starts with a character no syllable starts with is also looked up behind.
    consonant_classes: Vec<u8>,
    /// Lao vowel signs kept in skeletons that Tesseract often drops (ຸ ໍ ີ ື ົ with
    /// the embedded model): the index also files each word under its skeleton
    /// without one of them.
    deletable: Vec<bool>,
    /// Specks (at line edges, and stuck to words inside lines): (place,
    /// character) → (times seen as noise, times real), sorted.
    specks: Vec<((Place, char), (u32, u32))>,
    /// Stutters (the start of a word read twice, ແ ແລະ): times seen as noise,
    /// times real.
    stutter: (u32, u32),
    /// Splits: a clean character read as two others (ໜ as ຫຼ or ບນ), as
    /// (first, second, clean, cost), sorted.
    splits: Vec<(u8, u8, u8, u32)>,
    /// Whether a slot is the first character of any split.
    split_first: Vec<bool>,
    /// Junk runs at line starts (dirt read as a row of short tokens, `<. ວວ , ມ ,`;
    /// see [`junk_run`]): times seen as noise, times real.
    junk: (u32, u32),
    /// List bullets (•) alone before a line's text that Tesseract read as another
    /// character: (character, times), sorted. Weighed against the `speck lead`
    /// counts of the same character (see [`ErrorModel::lead_readings`]).
    bullets: Vec<(char, u32)>,
    /// [`ErrorModel::lead_totals`].
    lead_totals: (f64, f64),
    /// The train settings in two classes, clean margins and dirty ones (binarised
    /// photocopies, where dirt at the margins is read as punctuation), if the
    /// model has them (`margin` lines): see [`Margins`].
    margins: Option<Margins>,
    /// The train settings in two classes by how they read a comma between two
    /// words (faded copies: as a full stop), if the model has them (`comma`
    /// lines): see [`Commas`].
    commas: Option<Commas>,
    /// Roman numerals after the ordinal ທີ, which Tesseract reads as punctuation
    /// (ພາກທີ | for ພາກທີ I): how each letter (`ROMAN_LETTERS`) is read, as
    /// (letter, characters read, cost); none if the model has no `roman`
    /// lines.
    roman: Vec<(u8, Box<[char]>, u32)>,
    /// Tokens after an ordinal that were Roman numerals in the train lines, and
    /// tokens the readings explain that were not.
    roman_tokens: (u32, u32),
    /// The record of changes the corrector proposed on the train lines (`calib`
    /// lines): (span as read in slots, word written, posterior probability that
    /// such a change is right), sorted by span and word. See
    /// [`ErrorModel::calibrated`].
    calibration: Vec<(Box<[u8]>, Box<str>, f64)>,
}

/// The letters of Roman numerals up to XXXIX.
const ROMAN_LETTERS: [char; 3] = ['I', 'V', 'X'];
/// A letter is read as at most this many characters (X as `)(`), or as none.
const ROMAN_MAX_READ: usize = 3;

/// The Roman numeral of `n` (1 to 39).
fn roman(mut n: u32) -> String {
    let mut out = String::new();
    for (v, r) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
        while n >= v {
            out.push_str(r);
            n -= v;
        }
    }
    out
}

/// Whether an OCR token may be a Roman numeral misread (as
/// `dictionaries/ocr/train_model.py` tests it): at most 12 characters, no Lao
/// consonant, no Latin letter, and not a number (at most one digit, and more than
/// it: Tesseract reads X as `7(`).
fn is_roman_token(t: &str) -> bool {
    let n = t.chars().count();
    let digits = t.chars().filter(char::is_ascii_digit).count();
    let number = t.starts_with(|c: char| c.is_ascii_digit())
        && t[1..]
            .chars()
            .all(|c| matches!(c, '.' | ':' | ',' | ';' | ')'));
    (1..=12).contains(&n)
        && !t.chars().any(|c| {
            crate::chars::lao_class(c) == Some(crate::chars::Lc::Cons) || c.is_ascii_alphabetic()
        })
        && digits <= 1
        && !number
}

/// Whether an OCR token ends in the ordinal ທີ as Tesseract reads it: ທ alone or
/// with ີ, ິ, ຶ, ື or ໌ (ພາກທີ, ຄັ້ງທິ, ນວດທ໌, ພາກທ).
fn ends_in_ordinal(t: &str) -> bool {
    let mut rev = t.chars().rev();
    match rev.next() {
        Some('\u{E97}') => true,
        Some('\u{EB4}'..='\u{EB7}' | '\u{ECC}') => rev.next() == Some('\u{E97}'),
        _ => false,
    }
}

/// The `comma` lines of an [`ErrorModel`]: for the settings that read a comma
/// between two words as it is (`[0]`) and those that read it as a full stop
/// (`[1]`, faded copies), their lines, the commas and full stops between two words
/// in their OCR lines, and how many of those full stops were commas. A
/// [`Document`] learns from its own commas and full stops which class it is like;
/// in a faded one, a full stop between two words is a comma again.
#[derive(Clone, Debug, Default)]
struct Commas {
    lines: [f64; 2],
    comma: [f64; 2],
    period: [f64; 2],
    was_comma: [f64; 2],
}

impl Commas {
    /// Nats for the faded class of a line with `commas` commas and `periods` full
    /// stops between two words: the log of how much likelier that is in the
    /// faded class (each class's counts per line taken as Poisson rates, half a
    /// count added).
    fn evidence(&self, commas: usize, periods: usize) -> f64 {
        let rate = |c: [f64; 2], k: usize| (c[k] + 0.5) / self.lines[k];
        let (c0, c1) = (rate(self.comma, 0), rate(self.comma, 1));
        let (p0, p1) = (rate(self.period, 0), rate(self.period, 1));
        commas as f64 * (c1 / c0).ln() + periods as f64 * (p1 / p0).ln() - (c1 + p1 - c0 - p0)
    }

    /// The probability that a full stop between two words is a comma misread, in
    /// a document whose evidence is `faded` nats (see [`Document`]).
    fn comma_probability(&self, faded: f64) -> f64 {
        let f = second_class(self.lines, faded);
        let per_line = |c: [f64; 2]| (1.0 - f) * c[0] / self.lines[0] + f * c[1] / self.lines[1];
        let all = per_line(self.period);
        if all > 0.0 {
            per_line(self.was_comma) / all
        } else {
            0.0
        }
    }
}

/// The probability of the second of two classes of train lines (`lines` of each),
/// for a document whose lines gave `nats` of evidence for it: the classes' prior
/// odds (their shares of the train lines) times the evidence.
fn second_class(lines: [f64; 2], nats: f64) -> f64 {
    1.0 / (1.0 + (lines[0] / lines[1]) * (-nats).exp())
}

/// The commas and full stops between two words of `text` (after a Lao character,
/// before spaces and a Lao character), as (byte offset, character). A full stop
/// after one to four Lao consonants and nothing else (an item letter, ກ., or an
/// abbreviation, ປອ., ປທສ.) is not one: it is no comma misread.
fn between_words(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let b = text.as_bytes();
    b.iter().enumerate().filter_map(move |(i, &c)| {
        if c != b',' && c != b'.' {
            return None;
        }
        let before = text[..i].chars().next_back().is_some_and(is_lao);
        if before && c == b'.' {
            let word = text[..i].chars().rev().take_while(|&c| is_lao(c));
            let (mut n, mut all) = (0, true);
            for c in word {
                n += 1;
                all &= is_lao_consonant(c);
            }
            if all && n <= 4 {
                return None;
            }
        }
        let rest = &text[i + 1..];
        let after = rest.trim_start();
        let spaced =
            after.len() < rest.len() && rest[..rest.len() - after.len()].chars().all(|w| w == ' ');
        (before && spaced && after.starts_with(is_lao)).then_some((i, c as char))
    })
}

/// The `margin` and `margin_lead` lines of an [`ErrorModel`]: for the settings
/// with clean margins (`[0]`) and those with dirty ones (`[1]`), their lines,
/// those that end in a token of punctuation alone, and per character how often it
/// was dirt alone at a line's start and a misread bullet there. A [`Document`]
/// learns from its lines' ends which class it is like; a character alone at a
/// line's start is weighed with the counts of that class (: is dirt there in
/// binarised photocopies, a misread bullet in other scans).
#[derive(Clone, Debug, Default)]
struct Margins {
    lines: [f64; 2],
    trail: [f64; 2],
    /// (character, [noise; 2], [bullets; 2]), sorted by character.
    lead: Vec<(char, [f64; 2], [f64; 2])>,
}

impl Margins {
    /// Nats for dirty margins of a line that ends in a token of punctuation alone
    /// (`trail`) or not: the log of how much likelier that is with dirty margins
    /// than with clean ones (add-one smoothed).
    fn evidence(&self, trail: bool) -> f64 {
        let p = |k: usize| {
            let t = (self.trail[k] + 1.0) / (self.lines[k] + 2.0);
            if trail {
                t
            } else {
                1.0 - t
            }
        };
        p(1).ln() - p(0).ln()
    }
}

/// Where a token of punctuation stands in a line (see [`ErrorModel`]'s `speck`
/// lines).
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Place {
    /// Alone before the first space of the line.
    Lead,
    /// Stuck to the front of the line's first word (after any lead tokens),
    /// before a Lao letter, a digit or another letter (".2016").
    Attached,
    /// Alone after the last space of the line.
    Trail,
    /// Stuck to the start of a word other than the first, before a Lao letter.
    Glued,
}

/// A Lao vowel sign kept in skeletons that Tesseract drops at least this often
/// (cost in milli-nats, −1000 ln 0.009: about once in 110 readings; ຸ ໍ ີ ື ົ with
/// the embedded model) is one a word is also filed without in the index. Tuned on
/// the dev split.
const DELETABLE_COST: u32 = 4_700;
/// Class of the characters left out of skeletons.
const DROP: u8 = u8::MAX;
/// A character read for one left out of skeletons at least this often (cost in
/// milli-nats, −1000 ln 0.02) makes a span worth a second lookup without it.
const AMBIGUOUS_COST: u32 = 3_912;

impl std::fmt::Debug for ErrorModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let dropped: String = (0..NC as u8)
            .filter(|&s| self.class[s as usize] == DROP)
            .map(slot_char)
            .collect();
        f.debug_struct("ErrorModel")
            .field("dropped_from_skeleton", &dropped)
            .finish_non_exhaustive()
    }
}

impl ErrorModel {
    /// The model embedded in the library.
    pub fn embedded() -> &'static ErrorModel {
        static MODEL: OnceLock<ErrorModel> = OnceLock::new();
        MODEL.get_or_init(|| {
            ErrorModel::from_tsv(EMBEDDED_MODEL).expect("the embedded error model is valid")
        })
    }

    /// Reads a model in the TSV format of `dictionaries/ocr/model.tsv`: lines
    /// `default<TAB>sub|del|ins<TAB>cost`, `sub<TAB>A<TAB>B<TAB>cost`,
    /// `del<TAB>A<TAB>cost`, `del_above<TAB>A<TAB>cost` (tone mark `A` missing where
    /// it stands over a vowel sign above the consonant, as in ທີ່; `del` then prices
    /// it elsewhere), `ins<TAB>B<TAB>cost`, `split<TAB>A<TAB>B C<TAB>cost` (clean
    /// `A` read as the two characters `B C`, ໜ as ຫຼ), `class<TAB>CHARS` and
    /// `drop<TAB>CHARS`, where characters are written as hexadecimal code points
    /// separated by spaces and costs are in milli-nats; `#` starts a comment line.
    /// Lines `speck<TAB>PLACE<TAB>CHAR<TAB>NOISE<TAB>REAL` count how often a
    /// punctuation character at a line edge (`lead`: a token alone before the first
    /// space; `attached`: stuck to the start of the first word; `trail`: a token
    /// alone after the last space) or inside a line (`glued`: stuck to the start of
    /// a later word, before a Lao letter) was a speck of dirt and how often it was
    /// real text; a model without them removes no specks. A line
    /// `stutter<TAB>NOISE<TAB>REAL` counts the same for a word's start read twice
    /// as a token of its own before it (ແ ແລະ) or as a broken syllable at the end
    /// of the token before (ຂໍ້ມ ມູນ), and `junk<TAB>NOISE<TAB>REAL` for a
    /// run of two or more short tokens at a line's start that dirt was read as
    /// (`<. ວວ , ມ ,`); a model without them removes neither. Lines
    /// `bullet<TAB>CHAR<TAB>COUNT` count how often a list bullet (•) was read as
    /// `CHAR` alone before a line's text; weighed against `CHAR`'s `speck lead`
    /// counts, such a token is written as • again, removed as dirt, or kept.
    /// Lines `margin<TAB>clean|dirty<TAB>LINES<TAB>TRAIL` count, for the train
    /// settings with clean and with dirty margins, their lines and those that end
    /// in a token of punctuation alone, and `margin_lead<TAB>CLASS<TAB>CHAR<TAB>
    /// NOISE<TAB>BULLETS` the `speck lead` noise and the `bullet` count of a
    /// character in each class: a [`Document`] then weighs a character alone at
    /// a line's start with the counts of the class its lines make likelier. Lines
    /// `comma<TAB>other|faded<TAB>LINES<TAB>COMMAS<TAB>PERIODS<TAB>WAS_COMMA` count,
    /// for settings that read a comma between two words as it is and for faded
    /// ones, their lines, the commas and full stops between two words in their OCR
    /// lines and how many of those full stops were commas: in a document its
    /// earlier lines show to be faded, such a full stop is written as a comma.
    /// Both classes or neither, for each kind. Lines `roman<TAB>LETTER<TAB>CHARS<TAB>
    /// COST` price how Tesseract reads a Roman letter (I, V or X) after the ordinal
    /// ທີ, as up to three characters (`-` for none: the letter is lost), and
    /// `roman_tokens<TAB>NUMERALS<TAB>REAL` counts such tokens that were numerals
    /// and that were not; a model without them reads no numerals. Lines
    /// `calib<TAB>READ<TAB>WRITTEN<TAB>PROPOSED<TAB>RIGHT` record how often the
    /// corrector, on the train lines, wrote `WRITTEN` for a span read as `READ`
    /// (canonical form; a space where a line may have wrapped) as the span's best
    /// reading, and how often that was right: such a change then has at least
    /// (RIGHT + 1) / (PROPOSED + 2) as its confidence.
    pub fn from_tsv(text: &str) -> Result<ErrorModel, Error> {
        let mut m = ErrorModel {
            sub: vec![9000; NC * NC],
            sub_read: Vec::new(),
            del: vec![9000; NC],
            del_above: vec![u32::MAX; NC],
            ins: vec![9000; NC],
            class: (0..NC).map(|s| s as u8).collect(),
            ambiguous: vec![false; NC],
            twin: vec![DROP; NC],
            consonant_classes: Vec::new(),
            deletable: vec![false; NC],
            specks: Vec::new(),
            stutter: (0, 0),
            splits: Vec::new(),
            split_first: vec![false; NC],
            junk: (0, 0),
            bullets: Vec::new(),
            lead_totals: (0.0, 0.0),
            margins: None,
            commas: None,
            roman: Vec::new(),
            roman_tokens: (0, 0),
            calibration: Vec::new(),
        };
        let mut commas = Commas::default();
        let mut comma_classes = [false; 2];
        let mut margins = Margins::default();
        let mut margin_classes = [false; 2];
        let bad = |line: usize, what: &str| {
            Error::InvalidArgument(format!(
                "error model, line {line}: {what}; expected `sub A B COST`, `del A COST`, \
                 `del_above A COST`, `ins B COST`, `split A B C COST`, `default KIND COST`, `class CHARS`, `drop CHARS`, `bullet CHAR COUNT`, \
                 `speck lead|attached|trail|glued CHAR NOISE REAL`, `margin clean|dirty LINES TRAIL`, \
                 `margin_lead clean|dirty CHAR NOISE BULLETS` or \
                 `comma other|faded LINES COMMAS PERIODS WAS_COMMA`, `roman LETTER CHARS|- COST` or \
                 `roman_tokens NUMERALS REAL`, `stutter NOISE REAL`, `junk NOISE REAL` or \
                 `calib READ WRITTEN PROPOSED RIGHT` with TABs between fields and \
                 characters as hexadecimal code points"
            ))
        };
        let parse_code_point = |s: &str, line: usize| -> Result<char, Error> {
            u32::from_str_radix(s.trim(), 16)
                .ok()
                .and_then(char::from_u32)
                .ok_or_else(|| bad(line, &format!("`{s}` is not a hexadecimal code point")))
        };
        let parse_char = |s: &str, line: usize| parse_code_point(s, line).map(slot);
        let parse_count = |s: &str, line: usize| -> Result<u32, Error> {
            s.trim()
                .parse::<u32>()
                .map_err(|_| bad(line, &format!("`{s}` is not a count")))
        };
        let parse_cost = |s: &str, line: usize| -> Result<u32, Error> {
            s.trim()
                .parse::<u32>()
                .ok()
                .filter(|&c| c <= 1_000_000)
                .ok_or_else(|| bad(line, &format!("`{s}` is not a cost in milli-nats")))
        };
        // Class 0 or 1 of a `margin` or `comma` line, by its name.
        let parse_class = |s: &str, line: usize, names: [&str; 2], what: &str| {
            names.iter().position(|&n| n == s).ok_or_else(|| {
                bad(
                    line,
                    &format!("unknown {what} class `{s}` ({} or {})", names[0], names[1]),
                )
            })
        };
        let mut defaults: Vec<(usize, &str, u32)> = Vec::new();
        let mut ops: Vec<(usize, Vec<&str>)> = Vec::new();
        // A byte order mark (a file saved by some Windows editors) is not text.
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let l = raw.trim_end_matches('\r');
            if l.trim().is_empty() || l.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = l.split('\t').collect();
            if f[0] == "default" {
                if f.len() != 3 {
                    return Err(bad(line, "wrong number of fields"));
                }
                defaults.push((line, f[1], parse_cost(f[2], line)?));
            } else {
                ops.push((line, f));
            }
        }
        for (line, kind, cost) in defaults {
            match kind {
                "sub" => m.sub.iter_mut().for_each(|c| *c = cost),
                "del" => m.del.iter_mut().for_each(|c| *c = cost),
                "ins" => m.ins.iter_mut().for_each(|c| *c = cost),
                _ => return Err(bad(line, &format!("unknown default `{kind}`"))),
            }
        }
        for (line, f) in ops {
            match (f[0], f.len()) {
                ("sub", 4) => {
                    let (a, b) = (parse_char(f[1], line)?, parse_char(f[2], line)?);
                    m.sub[a as usize * NC + b as usize] = parse_cost(f[3], line)?;
                }
                ("del", 3) => m.del[parse_char(f[1], line)? as usize] = parse_cost(f[2], line)?,
                ("del_above", 3) => {
                    m.del_above[parse_char(f[1], line)? as usize] = parse_cost(f[2], line)?
                }
                ("split", 4) => {
                    let a = parse_char(f[1], line)?;
                    let pair = f[2]
                        .split(' ')
                        .filter(|s| !s.is_empty())
                        .map(|s| parse_char(s, line))
                        .collect::<Result<Vec<u8>, Error>>()?;
                    let &[b, c] = pair.as_slice() else {
                        return Err(bad(line, "a split is read as exactly two characters"));
                    };
                    m.splits.push((b, c, a, parse_cost(f[3], line)?));
                }
                ("ins", 3) => m.ins[parse_char(f[1], line)? as usize] = parse_cost(f[2], line)?,
                ("class", 2) | ("drop", 2) => {
                    let chars = f[1]
                        .split(' ')
                        .filter(|s| !s.is_empty())
                        .map(|s| parse_char(s, line))
                        .collect::<Result<Vec<u8>, Error>>()?;
                    let Some(&first) = chars.first() else {
                        return Err(bad(line, "no characters"));
                    };
                    let class = if f[0] == "drop" { DROP } else { first };
                    for c in chars {
                        m.class[c as usize] = class;
                    }
                }
                ("stutter", 3) | ("junk", 3) => {
                    let counts = (parse_count(f[1], line)?, parse_count(f[2], line)?);
                    if f[0] == "junk" {
                        m.junk = counts;
                    } else {
                        m.stutter = counts;
                    }
                }
                ("bullet", 3) => {
                    let ch = parse_code_point(f[1], line)?;
                    m.bullets.push((ch, parse_count(f[2], line)?));
                }
                ("comma", 6) => {
                    let k = parse_class(f[1], line, ["other", "faded"], "comma")?;
                    commas.lines[k] = parse_count(f[2], line)? as f64;
                    commas.comma[k] = parse_count(f[3], line)? as f64;
                    commas.period[k] = parse_count(f[4], line)? as f64;
                    commas.was_comma[k] = parse_count(f[5], line)? as f64;
                    if commas.was_comma[k] > commas.period[k] {
                        // A share of the full stops, as `calib`'s RIGHT of PROPOSED.
                        return Err(bad(line, "a `comma` line needs WAS_COMMA <= PERIODS"));
                    }
                    comma_classes[k] = true;
                }
                ("margin", 4) | ("margin_lead", 5) => {
                    let k = parse_class(f[1], line, ["clean", "dirty"], "margin")?;
                    if f[0] == "margin" {
                        margins.lines[k] = parse_count(f[2], line)? as f64;
                        margins.trail[k] = parse_count(f[3], line)? as f64;
                        if margins.trail[k] > margins.lines[k] {
                            return Err(bad(line, "a `margin` line needs TRAIL <= LINES"));
                        }
                        margin_classes[k] = true;
                    } else {
                        let ch = parse_code_point(f[2], line)?;
                        let (noise, bullets) = (parse_count(f[3], line)?, parse_count(f[4], line)?);
                        let i = match margins.lead.iter().position(|e| e.0 == ch) {
                            Some(i) => i,
                            None => {
                                margins.lead.push((ch, [0.0; 2], [0.0; 2]));
                                margins.lead.len() - 1
                            }
                        };
                        margins.lead[i].1[k] = noise as f64;
                        margins.lead[i].2[k] = bullets as f64;
                    }
                }
                ("speck", 5) => {
                    let place = match f[1] {
                        "lead" => Place::Lead,
                        "attached" => Place::Attached,
                        "trail" => Place::Trail,
                        "glued" => Place::Glued,
                        other => return Err(bad(line, &format!("unknown speck place `{other}`"))),
                    };
                    let ch = parse_code_point(f[2], line)?;
                    let counts = (parse_count(f[3], line)?, parse_count(f[4], line)?);
                    m.specks.push(((place, ch), counts));
                }
                ("roman", 4) => {
                    let letter = parse_code_point(f[1], line)?;
                    let Some(k) = ROMAN_LETTERS.iter().position(|&l| l == letter) else {
                        return Err(bad(line, &format!("`{}` is not I, V or X", f[1])));
                    };
                    let read = match f[2].trim() {
                        "-" => Vec::new(),
                        chars => chars
                            .split(' ')
                            .filter(|c| !c.is_empty())
                            .map(|c| parse_code_point(c, line))
                            .collect::<Result<Vec<char>, Error>>()?,
                    };
                    if read.len() > ROMAN_MAX_READ {
                        return Err(bad(line, "a Roman letter read as more than 3 characters"));
                    }
                    m.roman
                        .push((k as u8, read.into(), parse_cost(f[3], line)?));
                }
                ("roman_tokens", 3) => {
                    m.roman_tokens = (parse_count(f[1], line)?, parse_count(f[2], line)?);
                }
                ("calib", 5) => {
                    let chars = |s: &str| -> Result<Vec<char>, Error> {
                        s.split(' ')
                            .filter(|c| !c.is_empty())
                            .map(|c| parse_code_point(c, line))
                            .collect()
                    };
                    let read: Box<[u8]> = chars(f[1])?.into_iter().map(slot).collect();
                    let written: String = chars(f[2])?.into_iter().collect();
                    let (proposed, right) = (parse_count(f[3], line)?, parse_count(f[4], line)?);
                    if read.is_empty() || written.is_empty() || right > proposed {
                        return Err(bad(
                            line,
                            "a `calib` line needs text read, text written and RIGHT <= PROPOSED",
                        ));
                    }
                    // Laplace's rule of succession: `right` of `proposed` proposals.
                    let p = (right as f64 + 1.0) / (proposed as f64 + 2.0);
                    m.calibration.push((read, written.into(), p));
                }
                _ => return Err(bad(line, "unknown line")),
            }
        }
        for (above, &del) in m.del_above.iter_mut().zip(&m.del) {
            if *above == u32::MAX {
                *above = del;
            }
        }
        m.bullets.sort_unstable();
        m.bullets.dedup_by_key(|e| e.0);
        m.calibration
            .sort_unstable_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
        m.calibration.dedup_by(|a, b| (&a.0, &a.1) == (&b.0, &b.1));
        m.specks.sort_by_key(|e| e.0);
        m.specks.dedup_by_key(|e| e.0);
        m.splits.sort_unstable();
        m.splits.dedup_by_key(|e| (e.0, e.1, e.2));
        for s in &m.splits {
            m.split_first[s.0 as usize] = true;
        }
        for s in 0..NC {
            m.sub[s * NC + s] = 0;
        }
        m.sub_read = (0..NC * NC)
            .map(|k| m.sub[(k % NC) * NC + k / NC])
            .collect();
        let lao = |s: usize| (1..0x80).contains(&s);
        for x in (0..NC).filter(|&x| m.class[x] == DROP) {
            for y in (0..NC).filter(|&y| m.class[y] != DROP) {
                if m.sub[x * NC + y] <= AMBIGUOUS_COST {
                    m.ambiguous[y] = true;
                }
            }
        }
        // Vowel signs above or below (and ຳ): ັ ຳ ິ ີ ຶ ື ຸ ູ ົ ຼ ໍ.
        let vowel = |s: usize| matches!(s, 0x31 | 0x33..=0x3C | 0x4D);
        for x in (0..NC).filter(|&x| m.class[x] != DROP && vowel(x)) {
            m.deletable[x] = m.del[x] <= DELETABLE_COST;
        }
        // The other way round: a dropped slot often read for a kept Lao character
        // stands for that character's class (the cheapest, if several).
        for y in (0..NC).filter(|&y| m.class[y] == DROP && lao(y)) {
            let best = (0..NC)
                .filter(|&x| m.class[x] != DROP && lao(x))
                .map(|x| (m.sub[x * NC + y], x))
                .min();
            if let Some((cost, x)) = best {
                if cost <= AMBIGUOUS_COST {
                    m.twin[y] = m.class[x];
                }
            }
        }
        let consonants = ('\u{E81}'..='\u{EAE}').chain('\u{EDC}'..='\u{EDF}');
        m.consonant_classes = consonants
            .filter(|&c| {
                crate::chars::lao_class_first(c.encode_utf8(&mut [0; 4]))
                    == Some(crate::chars::Lc::Cons)
            })
            .map(|c| m.class[slot(c) as usize])
            .filter(|&c| c != DROP)
            .collect();
        m.consonant_classes.sort_unstable();
        m.consonant_classes.dedup();
        m.lead_totals = m.lead_totals();
        match margin_classes {
            [true, true] if margins.lines.iter().all(|&n| n > 0.0) => {
                margins.lead.sort_by_key(|e| e.0);
                m.margins = Some(margins);
            }
            [false, false] if margins.lead.is_empty() => {}
            _ => {
                return Err(Error::InvalidArgument(
                    "error model: `margin` lines need both classes, `margin clean LINES TRAIL` \
                     and `margin dirty LINES TRAIL`, with LINES above 0 (`margin_lead` lines \
                     only with them)"
                        .into(),
                ))
            }
        }
        match comma_classes {
            [true, true] if commas.lines.iter().all(|&n| n > 0.0) => m.commas = Some(commas),
            [false, false] => {}
            _ => {
                return Err(Error::InvalidArgument(
                    "error model: `comma` lines need both classes, `comma other LINES COMMAS \
                     PERIODS WAS_COMMA` and `comma faded ...`, with LINES above 0"
                        .into(),
                ))
            }
        }
        Ok(m)
    }

    /// `ch`'s `bullet` count (a list bullet read as it), and its `speck lead`
    /// counts (dirt read as it at a line's start, and the character itself there).
    fn lead_counts(&self, ch: char) -> (f64, f64, f64) {
        let b = match self.bullets.binary_search_by_key(&ch, |e| e.0) {
            Ok(i) => self.bullets[i].1 as f64,
            Err(_) => 0.0,
        };
        let (noise, real) = match self
            .specks
            .binary_search_by_key(&(Place::Lead, ch), |e| e.0)
        {
            Ok(k) => self.specks[k].1,
            Err(_) => (0, 0),
        };
        (b, noise as f64, real as f64)
    }

    /// [`ErrorModel::lead_counts`], with the bullet and dirt counts of the margin
    /// class that a document's lines (`margins`, nats for dirty margins against
    /// the model's share of them, see [`Document`]) make likelier: each class's
    /// counts weighted by how much likelier it is than its share of the train
    /// lines, so that a document that said nothing yet gets the counts of all
    /// classes together, as a model without `margin` lines does.
    fn lead_counts_in(&self, ch: char, margins: f64) -> (f64, f64, f64) {
        let (b, noise, real) = self.lead_counts(ch);
        let Some(m) = &self.margins else {
            return (b, noise, real);
        };
        let Ok(i) = m.lead.binary_search_by_key(&ch, |e| e.0) else {
            return (b, noise, real);
        };
        let (_, noise_k, bullets_k) = m.lead[i];
        let total = m.lines[0] + m.lines[1];
        let share = [m.lines[0] / total, m.lines[1] / total];
        let dirty = second_class(m.lines, margins);
        let weight = [(1.0 - dirty) / share[0], dirty / share[1]];
        let sum = |c: [f64; 2]| c[0] * weight[0] + c[1] * weight[1];
        (sum(bullets_k), sum(noise_k), real)
    }

    /// The totals of [`ErrorModel::lead_counts`] over all characters: bullets
    /// misread, and real characters at a line's start plus one for each
    /// character counted (the `+ 1` of each character's real count). Computed
    /// once, when the model is read.
    fn lead_totals(&self) -> (f64, f64) {
        let lead = || self.specks.iter().filter(|e| e.0 .0 == Place::Lead);
        let bullets: f64 = self.bullets.iter().map(|e| e.1 as f64).sum();
        let mut chars: Vec<char> = lead().map(|e| e.0 .1).collect();
        chars.extend(self.bullets.iter().map(|e| e.0));
        chars.sort_unstable();
        chars.dedup();
        let real = lead().map(|e| e.1 .1 as f64).sum::<f64>() + chars.len() as f64;
        (bullets, real)
    }

    /// How often the corrector was right, on the train lines, when it wrote
    /// `written` for a span read as `read` (its slots, the canonical form with a
    /// space or hyphen where a line may have wrapped) as the span's best reading:
    /// `calib` lines, by Laplace's rule of succession, (right + 1) / (proposed +
    /// 2); `None` without a record. A change the corrector makes right nearly
    /// every time, on evidence its scores weigh too lightly, reaches the threshold
    /// this way (ທີ before a word written ທີ່: 53 of 53 on the train lines, where
    /// its scores give 0.6 to 0.85).
    fn calibrated(&self, read: &[u8], written: &str) -> Option<f64> {
        self.calibration
            .binary_search_by(|e| (&*e.0, &*e.1).cmp(&(read, written)))
            .ok()
            .map(|k| self.calibration[k].2)
    }

    /// The Roman numerals, I to XXXIX, that an OCR token after the ordinal ທີ may
    /// be a misreading of, likeliest first, with their probabilities (none if
    /// the model has no `roman` lines or none explains the token): each numeral
    /// scored by its likeliest reading as the token, letter by letter, and by a
    /// prior of 1/n (every law with a Part IX has Parts I to VIII).
    fn roman_readings(&self, token: &str) -> Vec<(String, f64)> {
        if self.roman.is_empty() {
            return Vec::new();
        }
        let t: Vec<char> = token.chars().collect();
        let n = t.len();
        // (milli-nats, number) of each numeral that explains the token.
        let mut scored: Vec<(u32, u32)> = Vec::new();
        let mut best = Vec::new();
        for number in 1..40 {
            let numeral = roman(number);
            let m = numeral.len();
            // best[i * (m + 1) + j]: nats of the likeliest reading of the first j
            // letters as the first i characters.
            best.clear();
            best.resize((n + 1) * (m + 1), f64::INFINITY);
            best[0] = 0.0;
            for (j, letter) in numeral.chars().enumerate() {
                let k = ROMAN_LETTERS.iter().position(|&l| l == letter).unwrap_or(0) as u8;
                let reads = self.roman.iter().filter(|r| r.0 == k);
                for i in 0..=n {
                    let here = best[i * (m + 1) + j];
                    if here == f64::INFINITY {
                        continue;
                    }
                    for (_, read, cost) in reads.clone() {
                        if t[i..].starts_with(read) {
                            let at = (i + read.len()) * (m + 1) + j + 1;
                            best[at] = best[at].min(here + *cost as f64 / 1000.0);
                        }
                    }
                }
            }
            let nats = best[n * (m + 1) + m];
            if nats.is_finite() {
                scored.push((((nats + (number as f64).ln()) * 1000.0) as u32, number));
            }
        }
        scored.sort_unstable();
        let probs = softmax(scored.iter().map(|s| s.0));
        scored.into_iter().map(|s| roman(s.1)).zip(probs).collect()
    }

    /// How `ch`, alone before the text at a line's start, reads: the probabilities
    /// that it is a list bullet (•) misread, dirt, and the character itself, from
    /// its `bullet` count and its `speck lead` counts, with one more for the
    /// character itself. What the document's earlier lines said (see
    /// [`Document`]) weighs in twice: its lists move belief from the character
    /// itself to a misread bullet (the two readings of a list marker), never to
    /// or from dirt; its margins choose the bullet and dirt counts of the scans
    /// it is like ([`ErrorModel::lead_counts_in`]). For a new document the three
    /// are in proportion to the counts.
    fn lead_readings(&self, ch: char, doc: &Document) -> (f64, f64, f64) {
        let style = doc.bullets;
        let (b, noise, real) = self.lead_counts_in(ch, doc.margins);
        // The list marker's share, b + real + 1, split by the odds of its two
        // readings, b : real + 1, times the document's.
        let (odds_b, odds_r) = (b * style.exp(), real + 1.0);
        let marker = b + real + 1.0;
        let (wb, wr) = (
            marker * odds_b / (odds_b + odds_r),
            marker * odds_r / (odds_b + odds_r),
        );
        let total = marker + noise;
        (wb / total, noise / total, wr / total)
    }

    /// What a lone `ch` at a line's start says of the document's list bullets
    /// (nats for •, against list markers that are read as they are, such as -):
    /// the log of how much likelier `ch` is as a misread bullet than as a
    /// character set there. Only a character that is a list marker more often
    /// than dirt under either reading counts (" for •, - against): dirt is as
    /// common on a page of bullets as on any other, so a character dirt often
    /// makes (: “ ” +) says nothing about the lists.
    fn style_evidence(&self, ch: char) -> f64 {
        let (b, noise, real) = self.lead_counts(ch);
        let (bb, rr) = self.lead_totals;
        if bb == 0.0 || rr == 0.0 {
            return 0.0;
        }
        // Per line of the pooled counts: a bullet read as `ch`, `ch` set there,
        // dirt read as `ch`.
        let lists = bb + rr;
        let (as_bullet, as_itself) = (lists * b / bb, lists * (real + 1.0) / rr);
        if as_bullet <= noise || as_itself <= noise {
            return 0.0;
        }
        (b / bb).ln() - ((real + 1.0) / rr).ln()
    }

    /// Probability that `token` at `place` is a speck rather than real punctuation:
    /// the least over its characters of noise / (noise + real + 1); 0 if any of
    /// them was never seen as noise there.
    fn speck_probability(&self, place: Place, token: &str) -> f64 {
        let mut p = 1.0f64;
        for ch in token.chars() {
            let q = match self.specks.binary_search_by_key(&(place, ch), |e| e.0) {
                Ok(i) => {
                    let (noise, real) = self.specks[i].1;
                    noise as f64 / (noise as f64 + real as f64 + 1.0)
                }
                Err(_) => 0.0,
            };
            p = p.min(q);
        }
        if token.is_empty() {
            0.0
        } else {
            p
        }
    }

    /// The cost of each character of `clean` missing from the OCR text (a tone mark
    /// over a vowel sign above the consonant is priced by `del_above`), into `out`.
    fn deletions(&self, clean: &[u8], out: &mut Vec<u32>) {
        out.clear();
        out.extend(clean.iter().enumerate().map(|(j, &c)| {
            if j > 0 && is_above_vowel(clean[j - 1]) {
                self.del_above[c as usize]
            } else {
                self.del[c as usize]
            }
        }));
    }

    /// Channel cost (milli-nats) of Tesseract reading `clean` as `noisy`: the
    /// cheapest alignment of the two, or `None` if it costs more than `limit`.
    fn distance(&self, noisy: &[u8], clean: &[u8], limit: u32, row: &mut Vec<u32>) -> Option<u32> {
        let mut dels = Vec::with_capacity(clean.len());
        self.deletions(clean, &mut dels);
        self.distance_with(noisy, clean, &dels, limit, row)
    }

    /// [`ErrorModel::distance`] with the deletion costs of `clean`
    /// ([`ErrorModel::deletions`]) worked out beforehand (the index keeps them).
    fn distance_with(
        &self,
        noisy: &[u8],
        clean: &[u8],
        dels: &[u32],
        limit: u32,
        row: &mut Vec<u32>,
    ) -> Option<u32> {
        // cur[j]: cost of aligning noisy[..i] with clean[..j]. With splits, the row
        // before the previous noisy character follows it (`saved`): a split reads
        // two noisy characters for one clean one.
        let n = clean.len();
        let dels = &dels[..n];
        row.clear();
        row.resize(2 * n + 1, u32::MAX);
        let (cur, saved) = row.split_at_mut(n + 1);
        cur[0] = 0;
        for j in 0..n {
            cur[j + 1] = cur[j].saturating_add(dels[j]);
        }
        // Splits read as the previous noisy character then this one.
        let mut splits: &[(u8, u8, u8, u32)] = &[];
        for (i, &a) in noisy.iter().enumerate() {
            // Splits of this character and the next.
            let ahead = noisy.get(i + 1).map_or(&[][..], |&b| self.splits_of(a, b));
            let next_split = !ahead.is_empty();
            let ins = self.ins[a as usize];
            let sub = &self.sub_read[a as usize * NC..(a as usize + 1) * NC];
            let mut diag = cur[0];
            cur[0] = diag.saturating_add(ins);
            let mut best = cur[0];
            if splits.is_empty() && !next_split {
                // The common case: no split to read or keep a row for.
                let mut left = cur[0];
                for ((&c, &del), up) in clean.iter().zip(dels).zip(cur[1..].iter_mut()) {
                    let v = (diag + sub[c as usize])
                        .min(up.saturating_add(ins))
                        .min(left.saturating_add(del));
                    diag = *up;
                    *up = v;
                    left = v;
                    best = best.min(v);
                }
            } else {
                for j in 0..n {
                    let c = clean[j];
                    let up = cur[j + 1];
                    let mut v = (diag + sub[c as usize])
                        .min(up.saturating_add(ins))
                        .min(cur[j].saturating_add(dels[j]));
                    if let Some(&(.., cost)) = splits.iter().find(|s| s.2 == c) {
                        v = v.min(saved[j].saturating_add(cost));
                    }
                    // Before `cur[j + 1]` changes: the row before `a`, kept for a
                    // split of `a` and the next character.
                    if next_split {
                        saved[j] = diag;
                    }
                    diag = up;
                    cur[j + 1] = v;
                    best = best.min(v);
                }
            }
            if best > limit && !next_split {
                return None;
            }
            splits = ahead;
        }
        let d = cur[n];
        (d <= limit).then_some(d)
    }

    /// The splits read as `a` then `b`: (a, b, clean, cost).
    #[inline]
    fn splits_of(&self, a: u8, b: u8) -> &[(u8, u8, u8, u32)] {
        if !self.split_first.get(a as usize).copied().unwrap_or(false) {
            return &[];
        }
        let lo = self.splits.partition_point(|s| (s.0, s.1) < (a, b));
        let hi = lo + self.splits[lo..].partition_point(|s| (s.0, s.1) == (a, b));
        &self.splits[lo..hi]
    }

    /// The skeleton key of a span of slots.
    fn skeleton(&self, slots: &[u8]) -> u64 {
        self.skeleton_without(slots, |_| false)
    }

    /// The skeleton of `slots` with also the positions `skip` says left out.
    fn skeleton_without(&self, slots: &[u8], skip: impl Fn(usize) -> bool) -> u64 {
        self.skeleton_by(slots, |k, c| if skip(k) { DROP } else { c })
    }

    /// The skeleton of `slots` with the class of position `k` read as `class(k, c)`
    /// (where `c` is its own class).
    fn skeleton_by(&self, slots: &[u8], class: impl Fn(usize, u8) -> u8) -> u64 {
        self.skeleton_from(SKELETON_SEED, slots, class)
    }

    /// The skeleton of a consonant of class `first` followed by `slots`.
    fn skeleton_led_by(&self, first: u8, slots: &[u8]) -> u64 {
        let h = (SKELETON_SEED ^ first as u64).wrapping_mul(SKELETON_PRIME);
        self.skeleton_from(h, slots, |_, c| c)
    }

    /// The skeleton hash `h` continued with `slots` (see [`ErrorModel::skeleton_by`]).
    fn skeleton_from(&self, mut h: u64, slots: &[u8], class: impl Fn(usize, u8) -> u8) -> u64 {
        for (k, &s) in slots.iter().enumerate() {
            let c = class(k, self.class[s as usize]);
            if c != DROP {
                h = (h ^ c as u64).wrapping_mul(SKELETON_PRIME);
            }
        }
        h
    }

    /// The skeletons to look `slots` up by: its own (first); where it has characters
    /// that are often misreadings of characters skeletons leave out, the skeleton
    /// without all of them and (for two or three) without each one; and where it
    /// has characters left out that are often misreadings of characters kept (ູ
    /// for ຸ), the skeleton with all of them read as those and (for two or three)
    /// with each one.
    fn skeletons(&self, slots: &[u8], out: &mut Vec<u64>) {
        out.clear();
        out.push(self.skeleton(slots));
        let amb: Vec<usize> = (0..slots.len())
            .filter(|&k| self.ambiguous[slots[k] as usize])
            .collect();
        let twins: Vec<usize> = (0..slots.len())
            .filter(|&k| self.twin[slots[k] as usize] != DROP)
            .collect();
        let mut add = |key: u64| {
            if !out.contains(&key) {
                out.push(key);
            }
        };
        if !amb.is_empty() {
            add(self.skeleton_without(slots, |k| amb.contains(&k)));
            if (2..=3).contains(&amb.len()) {
                for &a in &amb {
                    add(self.skeleton_without(slots, |k| k == a));
                }
            }
        }
        // ໜ or ໝ split in two (ຂະແຫງງ for ຂະແໜງ): the letter after a ຫ of the same
        // class is also left out.
        let ho = slot('\u{EAB}');
        let split: Vec<usize> = (1..slots.len())
            .filter(|&k| {
                slots[k - 1] == ho && self.class[slots[k] as usize] == self.class[ho as usize]
            })
            .collect();
        if !split.is_empty() {
            add(self.skeleton_without(slots, |k| split.contains(&k)));
        }
        // Splits of the model (ໜ read as ບນ): the two characters read as the one.
        for k in 1..slots.len() {
            for &(.., clean, _) in self.splits_of(slots[k - 1], slots[k]) {
                let one = self.class[clean as usize];
                add(self.skeleton_by(slots, |x, c| match x {
                    _ if x == k - 1 => one,
                    _ if x == k => DROP,
                    _ => c,
                }));
            }
        }
        if !twins.is_empty() {
            let twin = |k: usize| self.twin[slots[k] as usize];
            add(self.skeleton_by(slots, |k, c| if twins.contains(&k) { twin(k) } else { c }));
            if (2..=3).contains(&twins.len()) {
                for &a in &twins {
                    add(self.skeleton_by(slots, |k, c| if k == a { twin(k) } else { c }));
                }
            }
        }
    }
}

/// Options of a [`Corrector`].
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct CorrectOptions {
    /// Minimum confidence (0–1) of a correction: the probability of the new reading
    /// against leaving the span as it is and against the other candidates (for a
    /// reading more likely than all of those together, the probability that the
    /// span is misread, or its record on the train lines, if higher; see
    /// [`Correction::confidence`]). Higher is more cautious. Default 0.9 (tuned on the dev split for precision).
    /// Below 0.5, what the rules remove or replace (specks, bullets, commas, Roman
    /// numerals, a word's start read twice) must still be more probable than the
    /// text as it stands, as the readings of spans always are.
    pub threshold: f64,
    /// Price (nats) of any change, on top of the channel cost: the higher, the
    /// fewer changes. Default 2.0.
    pub change_cost: f64,
}

impl Default for CorrectOptions {
    fn default() -> Self {
        CorrectOptions {
            threshold: 0.9,
            change_cost: 2.0,
        }
    }
}

impl CorrectOptions {
    /// Options with the given threshold (see [`CorrectOptions::threshold`]).
    pub fn with_threshold(threshold: f64) -> Result<CorrectOptions, Error> {
        let mut o = CorrectOptions::default();
        o.set_threshold(threshold)?;
        Ok(o)
    }

    /// Sets the price of a change in nats: a number from 0 to 1000 (default 2.0).
    pub fn set_change_cost(&mut self, nats: f64) -> Result<(), Error> {
        if !(nats.is_finite() && (0.0..=1000.0).contains(&nats)) {
            return Err(Error::InvalidArgument(format!(
                "change cost {nats} must be a number of nats between 0 and 1000 (default 2.0)"
            )));
        }
        self.change_cost = nats;
        Ok(())
    }

    /// Sets the threshold; it must be between 0 and 1.
    pub fn set_threshold(&mut self, threshold: f64) -> Result<(), Error> {
        if !(0.0..=1.0).contains(&threshold) {
            return Err(Error::InvalidArgument(format!(
                "threshold {threshold} is not between 0 and 1: use e.g. 0.9 (the default), \
                 or 0.5 to correct more"
            )));
        }
        self.threshold = threshold;
        Ok(())
    }
}

/// One correction: the span of the input that changes, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Correction {
    /// Byte offset of the span in the input.
    pub start: usize,
    /// Byte offset of the end of the span in the input.
    pub end: usize,
    /// The input text of the span.
    pub original: String,
    /// What it becomes (in canonical form); empty when the span is a speck of dirt
    /// read as punctuation at the edge of a line or stuck to the front of a word,
    /// or the start of a word read twice (ແ ແລະ, ຂໍ້ມ ມູນ).
    pub replacement: String,
    /// Probability (0–1) of the replacement against leaving the span as it was and
    /// against the other candidates; for a replacement more likely than all of those
    /// together, the probability that the span is misread at all (one minus that of
    /// the span as it was), or the share of times the same change was right when
    /// the corrector proposed it on the train lines (the error model's `calib`
    /// lines, (right + 1) / (proposed + 2)), whichever is highest.
    pub confidence: f64,
    /// Readings of the span, most probable first, with their probabilities; the
    /// span as it was is among them when it has a reading of its own.
    pub candidates: Vec<(String, f64)>,
}

/// A ranked candidate from [`suggest`].
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// A dictionary word (canonical form).
    pub word: String,
    /// Its probability among the suggestions (0–1).
    pub probability: f64,
    /// Its total cost in nats: dictionary cost plus channel cost.
    pub cost: f64,
}

/// Dictionary words by skeleton.
struct Index {
    /// Canonical words and their costs, numbered in order of cost (then word), so
    /// that words in ascending order of number are cheapest first.
    words: Vec<(Box<str>, u32)>,
    /// The slots of every word, one after the other (see [`Filed`]).
    slots: Vec<u8>,
    /// The cost of each of those slots missing from the OCR text
    /// ([`ErrorModel::deletions`]), in the same places.
    dels: Vec<u32>,
    /// Skeleton → words, cheapest first.
    by_skeleton: HashMap<u64, Vec<Filed>, FxBuild>,
    /// Skeleton without one character Tesseract often drops (see
    /// `ErrorModel::deletable`) → words, cheapest first.
    by_deletion: HashMap<u64, Vec<Filed>, FxBuild>,
    /// Context-model ids of each word's first and last syllables.
    ends: Vec<(Option<u32>, Option<u32>)>,
    /// A number no other index has, for `SPAN_MEMO` to tell indexes apart.
    serial: u64,
    /// The most slots a word has.
    longest: usize,
}

/// Spans each generation of a thread's memo of looked-up spans holds at most (see
/// [`SpanMemo`]), so that its memory stays bounded (about 3 MB a generation).
const SPAN_MEMO_MAX: usize = 1 << 15;

/// A thread's memo of looked-up spans (see [`Corrector::candidates`]): the serial of
/// the index it was filled from, and for each span (its slots, whether it was
/// looked up widely, its bound) the words found for it with their cost before the
/// change and real-word prices. The same misread words come back line after line
/// (and a line is often corrected on its own, as the CLI does), so about two
/// lookups in five are found here on a page, more on a long text.
///
/// Two generations: when the current one is full it becomes the old one (the one
/// before is dropped), and a span found in the old one is copied into the current
/// one, so the spans that keep coming back stay while the memory stays bounded.
#[derive(Default)]
struct SpanMemo {
    serial: u64,
    spans: HashMap<Box<[u8]>, Found, FxBuild>,
    old: HashMap<Box<[u8]>, Found, FxBuild>,
}

impl SpanMemo {
    /// The words found for a span of the index numbered `serial`, if memoised.
    fn get(&mut self, serial: u64, key: &[u8]) -> Option<&Found> {
        if self.serial != serial {
            return None;
        }
        if !self.spans.contains_key(key) {
            let found = self.old.remove(key)?;
            self.insert(serial, key, found);
        }
        self.spans.get(key)
    }

    /// Memoises the words found for a span of the index numbered `serial`.
    fn insert(&mut self, serial: u64, key: &[u8], found: Found) {
        if self.serial != serial {
            self.spans.clear();
            self.old.clear();
            self.serial = serial;
        }
        if self.spans.len() >= SPAN_MEMO_MAX {
            self.old = std::mem::take(&mut self.spans);
        }
        self.spans.insert(key.into(), found);
    }
}

/// The words found for a span: (word number, cost before the change and
/// real-word prices).
type Found = Box<[(u32, u32)]>;

thread_local! {
    static SPAN_MEMO: std::cell::RefCell<SpanMemo> = std::cell::RefCell::new(SpanMemo::default());
}

/// Empties this thread's memos of the corrector (looked-up spans, scored links), so
/// that the next text is corrected as if it were the first. Only useful to measure
/// speed on unseen text.
#[doc(hidden)]
pub fn clear_memo() {
    let _ = SPAN_MEMO.try_with(|m| *m.borrow_mut() = SpanMemo::default());
    let _ = PMI_MEMO.try_with(|m| m.borrow_mut().clear());
}

/// A word as the index files it: its number, its cost and where its slots are,
/// side by side, so that the candidates of a span are filtered by cost and length
/// without a look at the words themselves (a lookup gathers a few hundred).
#[derive(Copy, Clone, Debug)]
struct Filed {
    word: u32,
    cost: u32,
    at: u32,
    len: u32,
}

impl Index {
    /// The slots of a filed word.
    #[inline]
    fn slots_of(&self, f: &Filed) -> &[u8] {
        &self.slots[f.at as usize..(f.at + f.len) as usize]
    }

    /// The deletion costs of a filed word's slots.
    #[inline]
    fn dels_of(&self, f: &Filed) -> &[u32] {
        &self.dels[f.at as usize..(f.at + f.len) as usize]
    }

    fn build(dict: &Dictionary, model: &ErrorModel) -> Index {
        // By cost, then word (words are unique, so the order is total).
        let mut entries = dict.entries_unsorted();
        entries.sort_unstable_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
        let mut words = Vec::with_capacity(entries.len());
        let mut all_slots: Vec<u8> = Vec::new();
        let mut all_dels: Vec<u32> = Vec::new();
        let mut dels = Vec::new();
        let mut by_skeleton: HashMap<u64, Vec<Filed>, FxBuild> = HashMap::default();
        let mut by_deletion: HashMap<u64, Vec<Filed>, FxBuild> = HashMap::default();
        let mut deleted = Vec::new();
        let ctx = Context::embedded();
        let mut ends = Vec::with_capacity(entries.len());
        for (w, cost, known_ends) in entries {
            let slots: Vec<u8> = w.chars().map(slot).collect();
            let filed = Filed {
                word: words.len() as u32,
                cost,
                at: all_slots.len() as u32,
                len: slots.len() as u32,
            };
            all_slots.extend_from_slice(&slots);
            model.deletions(&slots, &mut dels);
            all_dels.extend_from_slice(&dels);
            let key = model.skeleton(&slots);
            let bucket = by_skeleton.entry(key).or_default();
            if bucket.len() < MAX_BUCKET {
                bucket.push(filed);
            }
            deleted.clear();
            for k in (0..slots.len()).filter(|&k| model.deletable[slots[k] as usize]) {
                let key = model.skeleton_without(&slots, |i| i == k);
                if !deleted.contains(&key) {
                    deleted.push(key);
                    let bucket = by_deletion.entry(key).or_default();
                    if bucket.len() < MAX_BUCKET {
                        bucket.push(filed);
                    }
                }
            }
            ends.push(match known_ends {
                // The first and last syllables, known from the dictionary's trie.
                Some((a, b)) => (ctx.id(&w[..a]), ctx.id(&w[w.len() - b..])),
                None => ctx.ends(&w),
            });
            words.push((w.into_boxed_str(), cost));
        }
        static SERIAL: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let longest = words.iter().map(|w| w.0.chars().count()).max().unwrap_or(0);
        Index {
            serial: SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            longest,
            words,
            slots: all_slots,
            dels: all_dels,
            by_skeleton,
            by_deletion,
            ends,
        }
    }
}

/// An OCR-error corrector: a dictionary, an error model and options.
///
/// [`Corrector::new`] uses the embedded dictionary and model and cannot fail; the
/// free functions [`correct`], [`corrections`] and [`suggest`] use a shared one.
/// The candidate index is built on first use (about 0.1 s for the default
/// dictionary).
///
/// Each thread that corrects keeps a memo of the spans it has looked up and of the
/// context links it has scored (a misreading seen before is not worked out again);
/// it never changes a result and stays under about 7 MB per thread.
pub struct Corrector {
    dict: Shared<Dictionary>,
    model: Shared<ErrorModel>,
    options: CorrectOptions,
    /// Shared by clones and by copies with other options.
    index: Arc<OnceLock<Index>>,
}

/// The embedded value, or one of the caller's shared by every clone: cloning a
/// corrector (for other options, or per call in a binding) never copies a
/// dictionary or a model.
enum Shared<T: 'static> {
    Embedded(&'static T),
    Owned(Arc<T>),
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        match self {
            Shared::Embedded(t) => Shared::Embedded(t),
            Shared::Owned(t) => Shared::Owned(Arc::clone(t)),
        }
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        match self {
            Shared::Embedded(t) => t,
            Shared::Owned(t) => t,
        }
    }
}

impl Clone for Corrector {
    fn clone(&self) -> Self {
        Corrector {
            dict: self.dict.clone(),
            model: self.model.clone(),
            options: self.options.clone(),
            index: Arc::clone(&self.index),
        }
    }
}

impl std::fmt::Debug for Corrector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Corrector")
            .field("dictionary", &*self.dict)
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl Default for Corrector {
    fn default() -> Self {
        Corrector::new()
    }
}

/// How a span of the line is read.
#[derive(Copy, Clone, Debug)]
enum Edge {
    /// As it stands (a dictionary word, an unknown syllable or word, or a unit
    /// that is not a Lao syllable).
    Keep,
    /// As candidate `k` of the line's candidate table.
    Fix(u32),
}

/// A unit of the line.
#[derive(Clone, Debug)]
struct Unit {
    start: usize,
    end: usize,
    /// Slots of the canonical form.
    slots: Vec<u8>,
    /// Dictionary syllable id of the search form, or `u32::MAX`.
    sid: u32,
    /// A Lao syllable (rather than a space, number, punctuation).
    lao: bool,
    /// A space or hyphen (its slot) that may be a line wrap inside a word.
    joiner: Option<u8>,
    /// Its token for the context model.
    tok: Option<u32>,
}

/// Context tokens of a line's units as a first pass corrected them: the token
/// before unit `i` (the last syllable of a correction ending there) and the token
/// at unit `j` (the first syllable of a correction starting there).
struct Neighbours {
    before: Vec<Option<Option<u32>>>,
    at: Vec<Option<Option<u32>>>,
}

/// A span of units with dictionary words it may be a misreading of (see
/// [`Corrector::candidates`]).
struct Span {
    i: usize,
    j: usize,
    /// The span ends with ໆ.
    kola: bool,
    /// The cost of the span read as it stands, if it can be.
    keep: Option<u32>,
    /// Its readings in `Scored::pool`: (word, cost before context).
    scored: std::ops::Range<usize>,
}

/// The spans of a line and their readings.
struct Scored {
    spans: Vec<Span>,
    pool: Vec<(u32, u32)>,
}

/// A candidate reading of a span `i..j` of units.
#[derive(Clone, Debug)]
struct Cand {
    i: usize,
    j: usize,
    word: u32,
    /// The span ends with ໆ, which the word is followed by.
    kola: bool,
    cost: u32,
    confidence: f64,
}

/// Cost (milli-nats) of a Lao syllable read as it stands when no word covers it.
/// Tuned on the dev split: 17,000 → 18,000 took its lines' errors from 921 to
/// 910 (train unchanged, 7,630 → 7,631) and fixed two typos of the clean text
/// (ໃດ້ and ໂດບ for ໄດ້ and ໂດຍ). 19,000 did a little better still (906 and
/// 7,615), but 20,000 changed the title ປອ. ("Dr.") of the clean text into ບອ.,
/// so the value keeps a step of margin.
const UNKNOWN_SYLLABLE: u32 = 18_000;
/// Extra price (milli-nats) of changing a span that reads as known words as it
/// stands (a real-word error needs more evidence than a non-word): the smallest
/// of 0, 250, 500, 750 and 1,000 that changes no correct word of the clean text of
/// the train and dev sources (250 changed the name ບາອູເອ into ປາອູເອ; 500, once
/// tone marks over vowels were priced apart, ເຈັດຫາແປດ "seven to eight" into
/// ຈັດຫາແປດ and ມືເດັກ into ມື້ເດັກ). It was 1,000 before the web context, when the
/// context was the train text's counts alone.
const REAL_WORD: u32 = 750;

/// A span that reads as known words is looked up by its own skeleton only, unless
/// that reading costs this much (milli-nats) or more: about two uncommon words.
/// Tuned on the dev and train splits: 22,000 and 25,000 did the same (dev lines
/// of `faded200bin` 5.71 → 5.45 %); 20,000 changed ປຸກຈິດສຳນຶກ in the clean test
/// text into its other spelling, ປູກຈິດສຳນຶກ (so did widening every span of two
/// syllables or more, which changed a line of the corpus's UDHR as well).
const WIDEN_KNOWN_ABOVE: u32 = 22_000;

/// How many of the embedded dictionary's commonest costs mark a word as weak
/// evidence (see [`is_weak_word`]): its words never met in its corpus, by how
/// many word lists hold them (the word-list prior of one, two, three and four
/// listings; the two versions of the Wilson & Campbell list are two listings).
const WEAK_TIERS: usize = 4;
/// Words of this many listings or fewer (never met) do not count as known words
/// for the real-word price; with more, they do, but a span that reads only as
/// words of up to `WEAK_TIERS` listings is still looked up as widely as a span
/// of unknown syllables.
const WEAK_FOR_PRICE: usize = 2;

/// Whether `cost` is that of a word the embedded dictionary knows from its word
/// lists only and never met in its corpus, listed at most `tiers` times: one of
/// its `tiers` commonest costs (one and two listings are four fifths of its
/// words). Such lists hold misspellings that OCR output shares: ເຮດ for ເຮັດ is in
/// both versions of the Wilson & Campbell list (two listings), ບຸ້ນ in the
/// E-Government and Google lists (ບຸ້ນດາ read for ບັນດາ), ສຶບ (ສືບຫາ read as ສຶບຫາ)
/// in three.
///
/// A span that reads only as words of up to two listings costs no `REAL_WORD` to
/// change; one that reads only as words of up to four is looked up as widely as
/// a span of unknown syllables. Tuned on the dev and train splits: two listings
/// for both took the dev lines' errors from 930 to 921 (train 7,664 → 7,630), the
/// wider look-ups for up to four from 910 to 889 (train 7,631 → 7,549); the clean
/// text was unchanged by both, where up to five listings for the look-ups, or up
/// to three for the price, changed ປຸກຈິດສຳນຶກ into ປູກຈິດສຳນຶກ. New words you add
/// cost more (`Dictionary::add`), so they keep the protection of a known word;
/// give such a word of the embedded dictionary a count
/// (`Dictionary::add_with_count`) to protect it.
fn is_weak_word(cost: u32, tiers: usize) -> bool {
    static COMMONEST: OnceLock<Vec<u32>> = OnceLock::new();
    COMMONEST
        .get_or_init(|| Dictionary::embedded().commonest_costs(WEAK_TIERS))
        .iter()
        .take(tiers)
        .any(|&c| c == cost)
}

#[inline]
fn unknown_syllable() -> u32 {
    UNKNOWN_SYLLABLE
}

/// The embedded phrases. Phrases both give candidates (ທີມີ → ທີ່ມີ) and make a
/// common word sequence read as it stands cheaper, as a word bigram model would.
fn phrases() -> &'static Dictionary {
    static P: OnceLock<Dictionary> = OnceLock::new();
    P.get_or_init(|| {
        Dictionary::from_embedded_fst(EMBEDDED_PHRASES)
            .expect("the embedded phrases are valid (checked by the test suite)")
    })
}

/// The embedded dictionary with the embedded phrases: the corrector's default.
fn dictionary_with_phrases() -> &'static Dictionary {
    static D: OnceLock<Dictionary> = OnceLock::new();
    D.get_or_init(|| {
        let mut d = Dictionary::embedded().clone();
        d.merge(phrases());
        d
    })
}

/// What a [`Corrector`] has learnt of a document from its lines so far, carried
/// from line to line: whether its list bullets are • (which Tesseract reads as
/// ", -, “, : and others) or markers read as they are (-). A lone - at a line's
/// start is a real dash more often than a misread bullet (in the train split's
/// counts), so it stays, unless earlier lines of the same document had bullets
/// that only a • explains (" alone before the text). It also learns what kind of
/// scan the document is: one with dirt at its margins (a binarised photocopy,
/// whose lines often end in a token of punctuation alone), where a lone : before
/// a line's text is dirt, or a cleaner one, where it is a misread bullet; and a
/// faded copy (full stops between words, no commas), whose full stops between
/// two words are commas. Begin each document with a new one;
/// [`Corrector::correct`] makes one for each text it is given, and `akson
/// correct` one for each input file.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Document {
    /// Log-odds (nats) of • against other list markers, relative to the error
    /// model's counts; 0 at the start.
    bullets: f64,
    /// Log-odds (nats) of dirty margins (a binarised photocopy, where dirt at the
    /// margins is read as punctuation) against clean ones, relative to the error
    /// model's share of them (`margin` lines): the evidence of the lines read so
    /// far, each of which ends in a token of punctuation alone or not.
    margins: f64,
    /// Log-odds (nats) of a faded copy (one that reads a comma between two words
    /// as a full stop) against the others, relative to the error model's share
    /// of them (`comma` lines): the evidence of the commas and full stops between
    /// two words of the lines read so far.
    commas: f64,
}

impl Document {
    /// The bound (nats) of each kind of evidence a document keeps (one " line is
    /// worth 3.7 nats for bullets, each - line 1.0 against; a line ending in
    /// punctuation alone 6.2 for dirty margins): the bound makes a new document
    /// in the same stream (files joined on standard input) read as such within a
    /// few lines.
    const MAX_STYLE: f64 = 8.0;

    /// A document with no line read yet.
    pub fn new() -> Document {
        Document::default()
    }
}

impl Corrector {
    /// A corrector with the embedded dictionary and error model. Its dictionary
    /// also holds some 3,460 phrases, as evidence of context: common phrases that
    /// the segmentation dictionary leaves out as two words (ທີ່ມີ, ເກີດຂຶ້ນ), and
    /// pairs of words the corpus has side by side (ຂັ້ນແຂວງ).
    pub fn new() -> Corrector {
        Corrector {
            dict: Shared::Embedded(dictionary_with_phrases()),
            model: Shared::Embedded(ErrorModel::embedded()),
            options: CorrectOptions::default(),
            index: Arc::new(OnceLock::new()),
        }
    }

    /// A corrector with your dictionary (for example the embedded one with your
    /// own words added) and the embedded error model. The phrases of
    /// [`Corrector::new`] are added to it, as evidence of context.
    ///
    /// The dictionary **replaces** the embedded one: a word it lacks reads as a
    /// misspelling of a word it has. To keep names and terms from being
    /// "corrected", add them to a copy of the embedded dictionary (as `akson
    /// correct --dict` does), not to an empty one:
    ///
    /// ```
    /// let mut d = akson::Dictionary::new(); // the embedded words
    /// d.add("ສີສະຫວາດ")?;
    /// let c = akson::Corrector::with_dictionary(d);
    /// assert_eq!(c.correct("ທ່ານ ສີສະຫວາດ ມີໜ້າທີ່"), "ທ່ານ ສີສະຫວາດ ມີໜ້າທີ່");
    ///
    /// // With the name alone, correct words read as misspellings of the few it has
    /// // (here ໜ້ານີ້ ແລະ ວັນນີ້, from the phrases).
    /// let mut names = akson::Dictionary::empty();
    /// names.add("ສີສະຫວາດ")?;
    /// let wrong = akson::Corrector::with_dictionary(names);
    /// assert_ne!(wrong.correct("ໜ້າທີ່ ແລະ ວັນທີ"), "ໜ້າທີ່ ແລະ ວັນທີ");
    /// # Ok::<(), akson::Error>(())
    /// ```
    pub fn with_dictionary(mut dict: Dictionary) -> Corrector {
        dict.merge(phrases());
        // Not `..Corrector::new()`: that would build the default dictionary too.
        Corrector {
            dict: Shared::Owned(Arc::new(dict)),
            model: Shared::Embedded(ErrorModel::embedded()),
            options: CorrectOptions::default(),
            index: Arc::new(OnceLock::new()),
        }
    }

    /// The same corrector with another error model.
    pub fn with_model(mut self, model: ErrorModel) -> Corrector {
        self.model = Shared::Owned(Arc::new(model));
        self.index = Arc::new(OnceLock::new());
        self
    }

    /// The same corrector with other options (sharing the candidate index).
    ///
    /// The fields are public, so values out of range can reach here: each is
    /// brought into its range (a threshold into 0–1, a change cost into 0–1000
    /// nats), and one that is not a number takes the default.
    ///
    /// ```
    /// use akson::{CorrectOptions, Corrector};
    /// let mut o = CorrectOptions::default();
    /// o.change_cost = 1e7;
    /// o.threshold = f64::NAN;
    /// let c = Corrector::new().with_options(o);
    /// assert_eq!((c.options().change_cost, c.options().threshold), (1000.0, 0.9));
    /// ```
    pub fn with_options(mut self, options: CorrectOptions) -> Corrector {
        let default = CorrectOptions::default();
        let within = |x: f64, lo: f64, hi: f64, default: f64| {
            if x.is_nan() {
                default
            } else {
                x.clamp(lo, hi)
            }
        };
        self.options = CorrectOptions {
            threshold: within(options.threshold, 0.0, 1.0, default.threshold),
            change_cost: within(options.change_cost, 0.0, 1000.0, default.change_cost),
        };
        self
    }

    /// The options.
    pub fn options(&self) -> &CorrectOptions {
        &self.options
    }

    /// The dictionary, with the embedded phrases.
    pub fn dictionary(&self) -> &Dictionary {
        &self.dict
    }

    fn index(&self) -> &Index {
        self.index
            .get_or_init(|| Index::build(&self.dict, &self.model))
    }

    /// The corrected text, in canonical form. Each line is corrected on its own,
    /// except that the text's lines are one [`Document`]: lines that show how
    /// its list bullets were read help read the others.
    pub fn correct(&self, text: &str) -> String {
        self.correct_in(&mut Document::new(), text)
    }

    /// Like [`Corrector::correct`], for a part of a longer document (a line of a
    /// file read line by line): `doc` brings what earlier parts said and takes
    /// what this one says.
    ///
    /// ```
    /// use akson::{correct::Document, Corrector};
    /// let c = Corrector::new();
    /// let mut doc = Document::new();
    /// // Tesseract reads the list bullet • as \" or - (among others); a line
    /// // with \" shows that this document's lists have bullets.
    /// let lines = ["\" ສະຖິຕິກະສິກຳ", "- ສະຖິຕິພົນລະເມືອງ"];
    /// let out: Vec<String> = lines.iter().map(|l| c.correct_in(&mut doc, l)).collect();
    /// assert_eq!(out, ["• ສະຖິຕິກະສິກຳ", "• ສະຖິຕິພົນລະເມືອງ"]);
    /// // On its own, a - at a line's start is more often a real one.
    /// assert_eq!(c.correct("- ສະຖິຕິພົນລະເມືອງ"), "- ສະຖິຕິພົນລະເມືອງ");
    /// ```
    pub fn correct_in(&self, doc: &mut Document, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for line in text.split_inclusive('\n') {
            let (whole, nl) = split_newline(line);
            let (bom, whole) = split_bom(whole);
            out.push_str(bom);
            let line_start = out.len();
            let Prepared {
                trim,
                body,
                comma_p,
                ..
            } = self.prepare(whole, doc);
            out.push_str(&whole[..trim.a]);
            if trim.bullet {
                out.push(BULLET);
            }
            let commas = self.misread_commas(comma_p, &body.text);
            debug_assert!(commas.windows(2).all(|w| w[0].0 < w[1].0));
            for stretch in stretches(&body.text) {
                let (units, cands, path) = self.decode_stretch(&body.text, stretch);
                for (a, b, e) in path {
                    match e {
                        Edge::Keep => {
                            let (start, end) = (units[a].start, units[b - 1].end);
                            // The commas inside (found by binary search: a line may
                            // have many).
                            let inside = &commas[commas.partition_point(|c| c.0 < start)
                                ..commas.partition_point(|c| c.0 < end)];
                            if !inside.is_empty() {
                                // Keep spans are whole units: a full stop is one of
                                // its own, unchanged by normalising.
                                let mut from = start;
                                for &(i, _) in inside {
                                    out.push_str(&normalize(&body.text[from..i], Form::Canonical));
                                    out.push(',');
                                    from = i + 1;
                                }
                                out.push_str(&normalize(&body.text[from..end], Form::Canonical));
                            } else {
                                out.push_str(&normalize(&body.text[start..end], Form::Canonical));
                            }
                        }
                        Edge::Fix(k) => {
                            let c = &cands[k as usize];
                            out.push_str(&self.reading(c.word, c.kola))
                        }
                    }
                }
            }
            out.push_str(&whole[trim.b..]);
            // Spans are normalised one by one, and a mark that starts a span (a
            // Thai vowel after a corrected word: ປກຄອງ + Thai ะ) has no letter
            // there to go with: the line as a whole is put in canonical form.
            if let Cow::Owned(line) = normalize(&out[line_start..], Form::Canonical) {
                out.truncate(line_start);
                out.push_str(&line);
            }
            out.push_str(nl);
        }
        out
    }

    /// The text of dictionary word `word` of the index, followed by ໆ if `kola`.
    fn reading(&self, word: u32, kola: bool) -> String {
        let word = &self.index().words[word as usize].0;
        if kola {
            format!("{word}\u{EC6}")
        } else {
            word.to_string()
        }
    }

    /// The corrections [`Corrector::correct`] makes, with byte spans in `text`.
    pub fn corrections(&self, text: &str) -> Vec<Correction> {
        self.corrections_in(&mut Document::new(), text)
    }

    /// The corrections [`Corrector::correct_in`] makes, with byte spans in `text`.
    pub fn corrections_in(&self, doc: &mut Document, text: &str) -> Vec<Correction> {
        let mut out = Vec::new();
        let mut base = 0;
        for line in text.split_inclusive('\n') {
            let (whole, _) = split_newline(line);
            let (bom, whole) = split_bom(whole);
            // Offsets below are in `whole`, which starts after the mark.
            let base_of_line = base;
            base += bom.len();
            let Prepared {
                trim,
                numerals,
                cuts,
                body,
                comma_p,
            } = self.prepare(whole, doc);
            let speck = |a: usize, b: usize, p: f64| {
                let original = whole[a..b].to_string();
                Correction {
                    start: base + a,
                    end: base + b,
                    replacement: String::new(),
                    confidence: p,
                    candidates: two_way((String::new(), p), original.clone()),
                    original,
                }
            };
            let first = out.len();
            if trim.bullet {
                let original = whole[trim.a..trim.lo].to_string();
                out.push(Correction {
                    start: base + trim.a,
                    end: base + trim.lo,
                    replacement: BULLET.to_string(),
                    confidence: trim.lead,
                    candidates: two_way((BULLET.to_string(), trim.lead), original.clone()),
                    original,
                });
            } else if trim.a < trim.lo {
                out.push(speck(trim.a, trim.lo, trim.lead));
            }
            for r in &numerals {
                out.push(Correction {
                    start: base + r.a,
                    end: base + r.b,
                    original: whole[r.a..r.b].to_string(),
                    replacement: r.numeral.clone(),
                    confidence: r.confidence,
                    candidates: r.candidates.clone(),
                });
            }
            for (i, p) in self.misread_commas(comma_p, &body.text) {
                let at = body.start_in_line(i);
                out.push(Correction {
                    start: base + at,
                    end: base + at + 1,
                    original: ".".into(),
                    replacement: ",".into(),
                    confidence: p,
                    candidates: two_way((",".into(), p), ".".into()),
                });
            }
            let mut fixed: Vec<(usize, usize)> = Vec::new();
            for stretch in stretches(&body.text) {
                let (units, cands, path) = self.decode_stretch(&body.text, stretch);
                for (_, _, e) in path {
                    if let Edge::Fix(k) = e {
                        let c = &cands[k as usize];
                        let (start, end) = (units[c.i].start, units[c.j - 1].end);
                        // Every reading of the same span, with probabilities. The
                        // candidates are in order of where they start.
                        let from = cands.partition_point(|o| o.i < c.i);
                        let to = from + cands[from..].partition_point(|o| o.i == c.i);
                        let mut readings: Vec<(String, u32)> = cands[from..to]
                            .iter()
                            .filter(|o| o.j == c.j)
                            .map(|o| (self.reading(o.word, o.kola), o.cost))
                            .collect();
                        if let Some(keep) = self.keep_cost(&units, c.i, c.j) {
                            let original =
                                normalize(&body.text[start..end], Form::Canonical).into_owned();
                            if !readings.iter().any(|r| r.0 == original) {
                                readings.push((original, keep));
                            }
                        }
                        readings.sort_by_key(|r| r.1);
                        let probs = softmax(readings.iter().map(|r| r.1));
                        // The span in the line (with any speck cut from inside it).
                        let (start, end) = (body.start_in_line(start), body.end_in_line(end));
                        fixed.push((start, end));
                        out.push(Correction {
                            start: base + start,
                            end: base + end,
                            original: whole[start..end].to_string(),
                            replacement: self.reading(c.word, c.kola),
                            confidence: c.confidence,
                            candidates: readings.into_iter().map(|r| r.0).zip(probs).collect(),
                        });
                    }
                }
            }
            // Specks inside the line, unless a correction's span holds them. The
            // spans are in order and apart, so the one that may hold a speck is the
            // last that starts at or before it (binary search: a line may have many).
            debug_assert!(fixed.windows(2).all(|w| w[0].1 <= w[1].0));
            for &(a, b, p) in &cuts {
                let k = fixed.partition_point(|&(s, _)| s <= a);
                if !(k > 0 && b <= fixed[k - 1].1) {
                    out.push(speck(a, b, p));
                }
            }
            if trim.hi < trim.b {
                out.push(speck(trim.hi, trim.b, trim.trail));
            }
            out[first..].sort_by_key(|c| c.start);
            base = base_of_line + line.len();
        }
        out
    }

    /// Punctuation inside `line` (between `trim.lo` and `trim.hi`) that is dirt on
    /// the page read as text: punctuation stuck to the start of a word other than
    /// the first, directly before a Lao letter ("ແລະ .ໄດ້ມີ"; Lao punctuation
    /// follows a word, it never leads one), removed when the error model's speck
    /// probability reaches the threshold; a bracket or quotation mark whose partner
    /// is in the line stays. A token of punctuation alone between two words stays:
    /// Lao typists often put a space before a comma or full stop. Also the start
    /// of a word read twice, as a token of its own before it (ແ ແລະ, ຂໍ ຂໍ້ມູນ) or
    /// as a broken syllable at the end of the token before (ຂໍ້ມ ມູນ), when the
    /// model's stutter counts reach the threshold. Byte ranges in `line`, in
    /// order, with their probabilities.
    fn mid_specks(&self, line: &str, trim: &Trim) -> Vec<(usize, usize, f64)> {
        let mut out = Vec::new();
        let body = &line[trim.lo..trim.hi];
        let toks = tokens(body);
        let brackets = Brackets::new(line);
        // Every token but the first of the body (none if the model has no specks).
        let glued = if self.model.specks.is_empty() {
            0
        } else {
            usize::MAX
        };
        for &(s, e) in toks.iter().skip(1).take(glued) {
            let tok = &body[s..e];
            let Some((m, c)) = tok.char_indices().find(|&(_, c)| !is_punct(c)) else {
                continue;
            };
            if m == 0 || !is_lao(c) {
                continue;
            }
            let lead = &tok[..m];
            if brackets.paired(lead, 0..line.len(), 0..0) {
                continue;
            }
            let p = self.model.speck_probability(Place::Glued, lead);
            if p > 0.0 && p >= self.rule_threshold() {
                out.push((trim.lo + s, trim.lo + s + m, p));
            }
        }
        // The start of a word read twice: the first token and the space after it go.
        let (noise, real) = self.model.stutter;
        let p = noise as f64 / (noise as f64 + real as f64 + 1.0);
        if noise > 0 && p >= self.rule_threshold() {
            for w in toks.windows(2) {
                let (a, b) = (&body[w[0].0..w[0].1], &body[w[1].0..w[1].1]);
                if is_stutter(a, b) {
                    out.push((trim.lo + w[0].0, trim.lo + w[1].0, p));
                } else if let Some(k) = broken_tail(a).filter(|&k| is_stutter(&a[k..], b)) {
                    // Read twice at the end of a longer token (ຂໍ້ມ ມູນ): the
                    // broken syllable and the space after it go.
                    out.push((trim.lo + w[0].0 + k, trim.lo + w[1].0, p));
                }
            }
            out.sort_by_key(|c| c.0);
        }
        out
    }

    /// Punctuation at the edges of `line` that is dirt on the page read as text
    /// (". ວັນສຸກ", "ແຫ່ງຊາດ. :"): tokens of punctuation alone before the first or
    /// after the last space, and punctuation stuck to the start of the first word,
    /// removed when the error model's [speck probability](ErrorModel) reaches the
    /// threshold. Alone at the start, dots and commas, and a character that
    /// the `bullet` and `speck lead` counts make dirt rather than a misread bullet
    /// (a bullet is written as • again). A bracket or quotation mark whose
    /// partner is in the rest of the line is real; a line with no Lao letter is
    /// left alone.
    ///
    /// `doc` holds what the document's earlier lines said of its list bullets and
    /// its margins.
    fn edge_specks(&self, line: &str, doc: &Document) -> Trim {
        let none = Trim::nothing(line);
        let th = self.rule_threshold();
        let model = &self.model;
        if model.specks.is_empty()
            && model.junk.0 == 0
            && model.bullets.is_empty()
            && model.margins.is_none()
        {
            return none;
        }
        let token_is_punct = |t: &str| t.chars().all(is_punct);
        let brackets = Brackets::new(line);
        // Whether `t` holds a bracket or quotation mark whose partner is in
        // `line[rest]`.
        let speck = |place: Place, t: &str, rest: Range<usize>| {
            let p = if brackets.paired(t, rest, 0..0) {
                0.0
            } else {
                model.speck_probability(place, t)
            };
            (p > 0.0 && p >= th).then_some(p)
        };
        let toks: Vec<(usize, usize)> = tokens(line);
        let mut t = none;
        // Tokens alone at the start. A list bullet (•) stands there too, and
        // Tesseract reads it as -, ", “, ”, : or +: dots and commas go, other
        // characters as their counts say (below).
        let dots = |t: &str| t.chars().all(|c| c == '.' || c == ',');
        let mut i = 0;
        let mut p = 1.0f64;
        // First, a run of dirt read as short tokens (`<. ວວ , ມ ,`).
        let (noise, real) = model.junk;
        let q = noise as f64 / (noise as f64 + real as f64 + 1.0);
        let k = junk_run(line, &toks);
        if k > 0 && noise > 0 && q >= th {
            (i, p) = (k, q);
            // A line of dirt only: the run and the punctuation after it all go.
            let end = toks[toks.len() - 1].1;
            if toks[k..].iter().all(|&(s, e)| token_is_punct(&line[s..e])) {
                t.a = toks[0].0;
                (t.lo, t.hi, t.b, t.lead) = (end, end, end, q);
                return t;
            }
        }
        // One character alone before the text, never real there (: or “, which
        // no line starts with, but not -): a bullet read as another character,
        // which becomes • again (the space after it stays), or dirt, which goes.
        // As for a misread span, the likelier reading is taken when it is sure,
        // or when it holds at least half and the character is surely misread
        // (: is dirt 60 % and a bullet 39 % of the time: it goes; “ is a bullet
        // 73 %: it becomes •). Dots and commas of dirt may stand beside it in the
        // same token (`.“`, `<.`): the token reads as its one other character,
        // the dots and commas as dirt (as sure as the least sure of them); read
        // as the character itself, dots before it go and it stays (`.-`).
        if i == 0 && toks.len() > 1 {
            let (s, e) = toks[0];
            let tok = &line[s..e];
            let is_dot = |c: char| c == '.' || c == ',';
            let mut core = tok.char_indices().filter(|&(_, c)| !is_dot(c));
            let lone = tok.chars().nth(1).is_none();
            if let (Some((k, ch)), None, false, true) = (
                core.next(),
                core.next(),
                brackets.paired(tok, e..line.len(), 0..0),
                lone || tok.chars().all(is_punct),
            ) {
                // The dots and commas beside `ch` are dirt this surely (1 with none).
                let dots_p = if lone {
                    1.0
                } else {
                    tok.chars()
                        .filter(|&c| is_dot(c))
                        .map(|c| model.speck_probability(Place::Lead, c.encode_utf8(&mut [0; 4])))
                        .fold(1.0f64, f64::min)
                };
                t.marker = Some(ch);
                let (bullet, dirt, real) = model.lead_readings(ch, doc);
                let sure = |q: f64| {
                    let q = if q >= BEST_READING_SHARE {
                        q.max(1.0 - real)
                    } else {
                        q
                    };
                    q.min(dots_p)
                };
                if bullet > 0.0 && bullet >= dirt && sure(bullet) >= th {
                    (t.a, t.lo, t.lead, t.bullet) = (s, e, sure(bullet), true);
                    i = 1;
                } else if dirt > bullet && sure(dirt) >= th {
                    (i, p) = (1, sure(dirt));
                } else if k > 0 && k + ch.len_utf8() == tok.len() && dots_p >= th {
                    // The character itself, after dots of dirt: they go, it stays.
                    (t.a, t.lo, t.lead) = (s, s + k, dots_p);
                }
            }
        }
        while !t.bullet && i + 1 < toks.len() {
            let (s, e) = toks[i];
            let tok = &line[s..e];
            match dots(tok)
                .then(|| speck(Place::Lead, tok, e..line.len()))
                .flatten()
            {
                Some(q) => p = p.min(q),
                None => break,
            }
            i += 1;
        }
        if i > 0 && !t.bullet {
            (t.a, t.lo, t.lead) = (toks[0].0, toks[i].0, p);
        }
        // Punctuation stuck to the first word.
        if let Some(&(s, e)) = toks.get(i).filter(|_| !t.bullet) {
            let tok = &line[s..e];
            if let Some((k, c)) = tok.char_indices().find(|&(_, c)| !is_punct(c)) {
                if k > 0 && (is_lao(c) || c.is_alphanumeric()) {
                    if let Some(q) = speck(Place::Attached, &tok[..k], s + k..line.len()) {
                        if i == 0 {
                            t.a = s;
                        }
                        (t.lo, t.lead) = (s + k, p.min(q));
                    }
                }
            }
        }
        // Tokens alone at the end.
        let mut j = toks.len();
        let mut p = 1.0f64;
        while j > i + 1 {
            let (s, e) = toks[j - 1];
            let tok = &line[s..e];
            match token_is_punct(tok)
                .then(|| speck(Place::Trail, tok, t.lo..s))
                .flatten()
            {
                Some(q) => p = p.min(q),
                None => break,
            }
            j -= 1;
        }
        if j < toks.len() {
            (t.hi, t.b, t.trail) = (toks[j - 1].1, toks[toks.len() - 1].1, p);
        }
        if line[t.lo..t.hi].chars().any(is_lao) {
            t
        } else {
            none
        }
    }

    /// What the decoder needs of one line, and what the document learns from it:
    /// the specks at its edges, its Roman numerals, the specks inside it (not in a
    /// numeral), the text to decode, and what the earlier lines said of the
    /// commas (not this line's own).
    fn prepare<'a>(&self, whole: &'a str, doc: &mut Document) -> Prepared<'a> {
        let mut trim = self.edge_specks(whole, doc);
        let numerals = self.roman_in(whole, &mut trim);
        let comma_p = self.comma_probability(doc);
        self.observe(doc, &trim, &with_numerals(whole, &numerals));
        let mut cuts = self.mid_specks(whole, &trim);
        cuts.retain(|c| !numerals.iter().any(|r| c.0 < r.b && r.a < c.1));
        let body = Spliced::new(whole, &trim, &cuts, &numerals);
        Prepared {
            trim,
            numerals,
            cuts,
            body,
            comma_p,
        }
    }

    /// The Roman numerals of `line` that Tesseract read as punctuation: a token
    /// after the ordinal ທີ as read (see [`ends_in_ordinal`]) that the error
    /// model's `roman` lines explain, when confident enough. As for a span of Lao
    /// text, the confidence of a numeral that holds at least half the probability
    /// is the probability that the token is misread at all: from the train lines,
    /// such a token after ທີ was a numeral every time (`roman_tokens`).
    fn roman_numerals(&self, line: &str) -> Vec<RomanFix> {
        let m = &self.model;
        if m.roman.is_empty() {
            return Vec::new();
        }
        let (numerals, real) = m.roman_tokens;
        let misread = numerals as f64 / (numerals as f64 + real as f64 + 1.0);
        let mut out = Vec::new();
        let mut before: Option<&str> = None;
        let brackets = Brackets::new(line);
        for token in line.split_whitespace() {
            if before.is_some_and(ends_in_ordinal) && is_roman_token(token) {
                // A bracket whose partner is elsewhere in the line is a bracket
                // (ພາກທີ ( I )), as for specks. The token itself is left out of
                // the line, so X read as )( is still a numeral.
                let a = token.as_ptr() as usize - line.as_ptr() as usize;
                if brackets.paired(token, 0..line.len(), a..a + token.len()) {
                    before = Some(token);
                    continue;
                }
                let readings = m.roman_readings(token);
                if let Some((numeral, p)) = readings.first() {
                    let confidence = if *p >= BEST_READING_SHARE {
                        p.max(misread)
                    } else {
                        *p
                    };
                    if confidence >= self.rule_threshold() {
                        let mut candidates: Vec<(String, f64)> = readings
                            .iter()
                            .take(KEEP_PER_SPAN)
                            .map(|(r, q)| (r.clone(), q * misread))
                            .collect();
                        // The token itself among them, likeliest first.
                        let at = candidates
                            .iter()
                            .take_while(|c| c.1 >= 1.0 - misread)
                            .count();
                        candidates.insert(at, (token.to_string(), 1.0 - misread));
                        out.push(RomanFix {
                            a,
                            b: a + token.len(),
                            numeral: numeral.clone(),
                            confidence,
                            candidates,
                        });
                    }
                }
            }
            before = Some(token);
        }
        out
    }

    /// [`Corrector::roman_numerals`] of `line` after its edge specks `trim`:
    /// those in a junk run at its start are left there; a numeral at its end is
    /// kept, with what follows it only removed as specks.
    fn roman_in(&self, line: &str, trim: &mut Trim) -> Vec<RomanFix> {
        let mut numerals = self.roman_numerals(line);
        numerals.retain(|r| r.a >= trim.lo);
        if let Some(end) = numerals.iter().map(|r| r.b).max() {
            if end > trim.hi {
                trim.hi = end;
                trim.b = trim.b.max(end);
            }
        }
        numerals
    }

    /// Takes in what `line` (trimmed as `trim`) says of the document: of its lists
    /// (the marker alone before its text), its margins (whether it ends in a
    /// token of punctuation alone) and its commas (its commas and full stops
    /// between two words).
    fn observe(&self, doc: &mut Document, trim: &Trim, line: &str) {
        if let Some(ch) = trim.marker {
            doc.bullets =
                (doc.bullets + self.model.style_evidence(ch)).clamp(0.0, Document::MAX_STYLE);
        }
        if let Some(m) = &self.model.margins {
            let max = Document::MAX_STYLE;
            doc.margins = (doc.margins + m.evidence(ends_in_punct(line))).clamp(-max, max);
        }
        if let Some(c) = &self.model.commas {
            let (mut commas, mut periods) = (0, 0);
            for (_, ch) in between_words(line) {
                if ch == ',' {
                    commas += 1;
                } else {
                    periods += 1;
                }
            }
            let max = Document::MAX_STYLE;
            doc.commas = (doc.commas + c.evidence(commas, periods)).clamp(-max, max);
        }
    }

    /// The threshold of what the rules remove or replace: the options' threshold,
    /// but at least 0.5, so that a change is always likelier than none (see
    /// [`CorrectOptions::threshold`]).
    fn rule_threshold(&self) -> f64 {
        self.options.threshold.max(0.5)
    }

    /// The probability that a full stop between two words is a comma misread, by
    /// what the document's lines said of its commas (see [`Commas`]); 0 with a
    /// model without `comma` lines.
    fn comma_probability(&self, doc: &Document) -> f64 {
        self.model
            .commas
            .as_ref()
            .map_or(0.0, |c| c.comma_probability(doc.commas))
    }

    /// The full stops between two words of `text`, as commas misread with
    /// probability `p`, if that reaches the threshold.
    fn misread_commas(&self, p: f64, text: &str) -> Vec<(usize, f64)> {
        if p < self.rule_threshold() {
            return Vec::new();
        }
        between_words(text)
            .filter(|&(_, ch)| ch == '.')
            .map(|(i, _)| (i, p))
            .collect()
    }

    /// The dictionary words that `word` (one word as OCR read it) could be, most
    /// probable first, at most `limit` of them. The word itself is first if it is
    /// in the dictionary and the most probable. A word that is not in the
    /// dictionary is looked up as [`correct`](Corrector::correct) looks up a span
    /// that is no known word (ຄູ້ມຄອງ finds ຄຸ້ມຄອງ, ປກຄອງ finds ປົກຄອງ); a ໆ at
    /// its end stays on every suggestion.
    pub fn suggest(&self, word: &str, limit: usize) -> Vec<Suggestion> {
        // Invisible characters (U+200B, U+00AD, …) are not part of the word, as
        // for `Dictionary::contains`.
        let word: Cow<str> = if word.chars().any(crate::chars::is_zero_width) {
            Cow::Owned(
                word.chars()
                    .filter(|&c| !crate::chars::is_zero_width(c))
                    .collect(),
            )
        } else {
            Cow::Borrowed(word)
        };
        let canon = normalize(word.trim(), Form::Canonical);
        let mut slots: Vec<u8> = canon.chars().map(slot).collect();
        let kola = slots.len() > 1 && slots.last() == Some(&KOLA);
        if kola {
            slots.pop();
        }
        let bare = if kola {
            &canon[..canon.len() - '\u{EC6}'.len_utf8()]
        } else {
            &canon[..]
        };
        // Only a word with something left in its skeleton has candidates.
        if slots.iter().all(|&s| self.model.class[s as usize] == DROP) {
            return Vec::new();
        }
        let index = self.index();
        // No word is near a text much longer than every word (and looking one up
        // takes time quadratic in its length).
        if slots.len() > index.longest + MAX_LEN_DIFF {
            return Vec::new();
        }
        let mut row = Vec::new();
        let mut found: Vec<(u32, u32)> = Vec::new();
        let change = (self.options.change_cost * 1000.0) as u32;
        let (mut keys, mut words) = (Vec::new(), Vec::new());
        self.lookup(
            &slots,
            !self.dict.contains(bare),
            true,
            &mut keys,
            &mut words,
        );
        for f in &words {
            if (f.len as usize).abs_diff(slots.len()) > MAX_LEN_DIFF {
                continue;
            }
            let (w, wc) = (f.word, f.cost);
            if let Some(d) = self
                .model
                .distance(&slots, index.slots_of(f), 60_000, &mut row)
            {
                let c = if *index.words[w as usize].0 == *bare {
                    wc
                } else {
                    wc + d + change
                };
                found.push((w, c));
            }
        }
        found.sort_by_key(|&(w, c)| (c, w));
        found.truncate(limit);
        let probs = softmax(found.iter().map(|f| f.1));
        found
            .into_iter()
            .zip(probs)
            .map(|((w, c), p)| Suggestion {
                word: self.reading(w, kola),
                probability: p,
                cost: c as f64 / 1000.0,
            })
            .collect()
    }

    /// The dictionary words (indices into the index, each once) that `noisy` may be
    /// a reading of, into `out`: those of its skeleton; with `widen` (for text that
    /// is no known word), also those of its other skeletons (see
    /// `ErrorModel::skeletons`) and those filed without a vowel Tesseract often
    /// drops (ປກຄອງ for ປົກຄອງ).
    ///
    /// With `lead` too (the line's first Lao text, or a word on its own), a span
    /// that starts with ະ, which no syllable starts with, is also looked up with
    /// each consonant class in front: Tesseract sometimes reads a line's first
    /// letter as nothing (ະຫະກອນ for ສະຫະກອນ; see [`may_have_lost_its_consonant`]).
    fn lookup(
        &self,
        noisy: &[u8],
        widen: bool,
        lead: bool,
        keys: &mut Vec<u64>,
        out: &mut Vec<Filed>,
    ) {
        let index = self.index();
        if widen {
            self.model.skeletons(noisy, keys);
            if lead
                && noisy
                    .first()
                    .is_some_and(|&s| may_have_lost_its_consonant(s))
            {
                for &c in &self.model.consonant_classes {
                    let key = self.model.skeleton_led_by(c, noisy);
                    if !keys.contains(&key) {
                        keys.push(key);
                    }
                }
            }
        } else {
            keys.clear();
            keys.push(self.model.skeleton(noisy));
        }
        out.clear();
        for k in keys.iter() {
            out.extend(index.by_skeleton.get(k).into_iter().flatten());
        }
        if widen {
            out.extend(index.by_deletion.get(&keys[0]).into_iter().flatten());
            // A word can be under two of these keys.
            out.sort_unstable_by_key(|f| f.word);
            out.dedup_by_key(|f| f.word);
        }
    }

    /// Cost of the cheapest reading of units `i..j` as they stand, if they have
    /// one.
    fn keep_cost(&self, units: &[Unit], i: usize, j: usize) -> Option<u32> {
        let edges = self.keep_edges_of(units, i, j);
        let mut best = Default::default();
        self.keep_costs(&edges, units, i, j, &mut best);
        let [best, ..] = best;
        (best[j - i] != u32::MAX).then_some(best[j - i])
    }

    /// The cheapest readings as they stand of units `i..j`, for every `j` up to
    /// `limit` at once (`u32::MAX` where there is none), indexed by `j - i`, three
    /// ways: any reading; known words only, not counting those that
    /// [`is_weak_word`] with `WEAK_FOR_PRICE` tiers; and the same with
    /// `WEAK_TIERS` (so the last two say whether the span is all known words).
    /// `edges` holds the keep edges from the units (see [`Corrector::keep_edges`];
    /// those past `limit` are left out).
    fn keep_costs(
        &self,
        edges: &KeepEdges,
        units: &[Unit],
        i: usize,
        limit: usize,
        best: &mut [Vec<u32>; 3],
    ) {
        let n = limit - i;
        for b in best.iter_mut() {
            b.clear();
            b.resize(n + 1, u32::MAX);
            b[0] = 0;
        }
        for a in 0..n {
            for &(b, c) in edges.from(i + a).iter().filter(|e| e.0 <= limit) {
                // An unknown syllable is no known word; nor are words the embedded
                // dictionary knows from its word lists only and never met in real
                // text (ນີ beside ນີ້).
                let unknown = b == i + a + 1 && units[i + a].lao && c == unknown_syllable();
                let counts = [
                    true,
                    !unknown && !is_weak_word(c, WEAK_FOR_PRICE),
                    !unknown && !is_weak_word(c, WEAK_TIERS),
                ];
                for (best, counts) in best.iter_mut().zip(counts) {
                    if counts && best[a] != u32::MAX {
                        let v = best[a].saturating_add(c);
                        if v < best[b - i] {
                            best[b - i] = v;
                        }
                    }
                }
            }
        }
    }

    /// The keep edges from each of the units `i..j` (ending at or before `j`).
    fn keep_edges_of(&self, units: &[Unit], i: usize, j: usize) -> KeepEdges {
        let mut edges = KeepEdges {
            base: i,
            start: Vec::with_capacity(j - i + 1),
            all: Vec::with_capacity(2 * (j - i)),
        };
        for k in i..j {
            edges.start.push(edges.all.len() as u32);
            self.keep_edges(units, k, j, &mut edges.all);
        }
        edges.start.push(edges.all.len() as u32);
        edges
    }

    /// Keep edges from unit `i` (ending at or before `limit`): (end, cost), onto
    /// `out`.
    fn keep_edges(&self, units: &[Unit], i: usize, limit: usize, out: &mut Vec<(usize, u32)>) {
        let u = &units[i];
        if !u.lao {
            out.push((i + 1, 0));
            return;
        }
        out.push((i + 1, unknown_syllable()));
        let tables = self.dict.frozen();
        let mut at = crate::dict::Edge::ROOT;
        for (j, v) in units.iter().enumerate().take(limit).skip(i) {
            if !v.lao || v.sid == u32::MAX {
                break;
            }
            let Some(e) = tables.step(at, v.sid) else {
                break;
            };
            at = e;
            if let Some(wc) = e.word_cost() {
                out.push((j + 1, wc));
            }
        }
    }

    /// [`Corrector::decode`] of `text[stretch]`, with the units' offsets in `text`.
    fn decode_stretch(&self, text: &str, stretch: std::ops::Range<usize>) -> Decoded {
        let (mut units, cands, path) = self.decode(&text[stretch.clone()]);
        for u in &mut units {
            u.start += stretch.start;
            u.end += stretch.start;
        }
        (units, cands, path)
    }

    /// Best reading of one line: its units, the candidates and the path.
    fn decode(&self, line: &str) -> Decoded {
        let units = self.units(line);
        let n = units.len();
        // The words as they stand, for the candidates and both passes.
        let keeps = self.keep_edges_of(&units, 0, n);
        let scored = self.candidates(&units, &keeps);
        let guarded = issuer_abbreviation(line, &units);
        let unguarded = |c: &Cand| !guarded.get(c.i..c.j).is_some_and(|g| g.contains(&true));
        let mut cands = self.rank(&units, &scored, None);
        cands.retain(unguarded);
        let mut back = self.best_path(&keeps, n, &cands);
        // A second pass, where the first changed something: the spans next to a
        // correction are ranked again with the corrected words as neighbours
        // (ທີ່ before ຂຶ້ນ rather than ທີ before the misread ຂິນ).
        let index = self.index();
        let mut nb = Neighbours {
            before: vec![None; n + 1],
            at: vec![None; n + 1],
        };
        let mut any = false;
        let mut j = n;
        while j > 0 {
            let (i, e) = back[j];
            if let Edge::Fix(k) = e {
                let (first, last) = index.ends[cands[k as usize].word as usize];
                nb.at[i] = Some(first);
                nb.before[j] = Some(last);
                any = true;
            }
            j = i;
        }
        if any {
            cands = self.rank(&units, &scored, Some(&nb));
            cands.retain(unguarded);
            back = self.best_path(&keeps, n, &cands);
        }
        let mut path = Vec::new();
        let mut j = n;
        while j > 0 {
            let (i, e) = back[j];
            path.push((i, j, e));
            j = i;
        }
        path.reverse();
        // Merge neighbouring keep edges so output spans are whole.
        let mut merged: Vec<(usize, usize, Edge)> = Vec::with_capacity(path.len());
        for (i, j, e) in path {
            if let (Some(last), Edge::Keep) = (merged.last_mut(), e) {
                if matches!(last.2, Edge::Keep) {
                    last.1 = j;
                    continue;
                }
            }
            merged.push((i, j, e));
        }
        (units, cands, merged)
    }

    /// The best path's last step into each unit boundary, over the keep edges from
    /// each unit (`keeps`, see [`Corrector::keep_edges`]) and the candidates.
    fn best_path(&self, keeps: &KeepEdges, n: usize, cands: &[Cand]) -> Vec<(usize, Edge)> {
        // The candidates come span by span, in order of their first unit.
        debug_assert!(cands.windows(2).all(|w| w[0].i <= w[1].i));
        // Costs of whole lines may pass what a u32 holds.
        let mut best = vec![u64::MAX; n + 1];
        let mut back: Vec<(usize, Edge)> = vec![(0, Edge::Keep); n + 1];
        best[0] = 0;
        let mut next = 0;
        for i in 0..n {
            // The candidates from `i`: `cands[first..next]`.
            let first = next;
            while next < cands.len() && cands[next].i == i {
                next += 1;
            }
            if best[i] == u64::MAX {
                continue;
            }
            // The keep edges first, then the candidates confident enough.
            let fixes = (first..next)
                .filter(|&k| cands[k].confidence >= self.options.threshold)
                .map(|k| (cands[k].j, cands[k].cost, Edge::Fix(k as u32)));
            let edges = keeps.from(i).iter().map(|&(j, c)| (j, c, Edge::Keep));
            for (j, c, e) in edges.chain(fixes) {
                let v = best[i].saturating_add(c as u64);
                // On a tie, keep the text as it is.
                if v < best[j] || (v == best[j] && matches!(e, Edge::Keep)) {
                    best[j] = v;
                    back[j] = (i, e);
                }
            }
        }
        back
    }

    /// The units of a line.
    fn units(&self, line: &str) -> Vec<Unit> {
        let mut units = Vec::with_capacity(line.len() / 6 + 1);
        for (off, u) in syllable_indices(line) {
            let lao = crate::word::is_lao_syllable(u);
            let canon = normalize(u, Form::Canonical);
            let sid = if lao {
                let key = crate::dict::syllable_key(u);
                self.dict.syllable_id(&key).unwrap_or(u32::MAX)
            } else {
                u32::MAX
            };
            units.push(Unit {
                start: off,
                end: off + u.len(),
                slots: if lao {
                    canon.chars().map(slot).collect()
                } else {
                    Vec::new()
                },
                sid,
                lao,
                tok: Context::embedded().id(&context_token(u, lao)),
                joiner: match u {
                    " " => Some(SPACE),
                    "-" => Some(HYPHEN),
                    _ => None,
                },
            });
        }
        units
    }

    /// The dictionary words each span of the line may be a misreading of, with
    /// their costs before context (see [`Corrector::rank`]).
    fn candidates(&self, units: &[Unit], edges: &KeepEdges) -> Scored {
        let index = self.index();
        let change = (self.options.change_cost * 1000.0) as u32;
        let mut row = Vec::new();
        let mut noisy: Vec<u8> = Vec::new();
        let mut scored: Vec<(u32, u32)> = Vec::new();
        let mut keys: Vec<u64> = Vec::new();
        let mut found: Vec<Filed> = Vec::new();
        let mut memo_key: Vec<u8> = Vec::new();
        let mut readings: [Vec<u32>; 3] = Default::default();
        let mut spans = Vec::new();
        let mut pool = Vec::new();
        let first_lao = units.iter().position(|u| u.lao);
        for i in 0..units.len() {
            if !units[i].lao {
                continue;
            }
            noisy.clear();
            // Spans from `i` hold at most this many syllables and two joiners.
            let limit = units.len().min(i + MAX_SPAN_SYLLABLES + 2);
            self.keep_costs(edges, units, i, limit, &mut readings);
            let [keeps, known, strong] = &readings;
            let mut syllables = 0;
            let mut joiners = 0;
            let mut kola = false;
            let mut j = i;
            while j < units.len() && syllables < MAX_SPAN_SYLLABLES && !kola {
                let u = &units[j];
                if u.lao {
                    // A syllable with ໆ (ອື່ນໆ) ends the span: the word before the
                    // ໆ is looked up, and the ໆ put back after it.
                    let bare = match u.slots.split_last() {
                        Some((&KOLA, rest)) if !rest.is_empty() => {
                            kola = true;
                            rest
                        }
                        _ => &u.slots[..],
                    };
                    noisy.extend_from_slice(bare);
                    syllables += 1;
                } else if let (Some(jc), true) = (u.joiner, joiners < 2 && j + 1 < units.len()) {
                    // A space or hyphen (or both) where a line may have wrapped.
                    noisy.push(jc);
                    joiners += 1;
                    j += 1;
                    continue;
                } else {
                    break;
                }
                j += 1;
                // Spans end on a syllable.
                let keep = (keeps[j - i] != u32::MAX).then_some(keeps[j - i]);
                // A span that reads as known words needs stronger evidence.
                let real_word = if known[j - i] != u32::MAX {
                    REAL_WORD
                } else {
                    0
                };
                // A span that reads as known words is looked up by its own skeleton
                // only: the others find words one more misreading away, too weak
                // evidence against a real word (ປຸກ "arouse" against ປູກ "plant").
                // (Unless it reads as known words only at a high cost: a run of
                // uncommon words is weak evidence against one word a misreading
                // further, ປຶກປັກຮັກສາ against ປົກປັກຮັກສາ; or as words of no more
                // than `WEAK_TIERS` listings, ສຶບຫາ against ສືບຫາ.)
                let widen = real_word == 0
                    || strong[j - i] == u32::MAX
                    || known[j - i] >= WIDEN_KNOWN_ABOVE;
                // The best the span can do as it stands bounds the search.
                let limit = keep
                    .unwrap_or(unknown_syllable() * syllables as u32 + 20_000)
                    .saturating_add(8_000);
                scored.clear();
                // The span's key in the memo: its slots, how widely it is looked
                // up and its bound, which are all the search below depends on.
                memo_key.clear();
                memo_key.extend_from_slice(&noisy);
                // Only the line's first Lao text may have lost its first letter.
                let lead = first_lao == Some(i);
                memo_key.push(widen as u8 | (lead as u8) << 1);
                memo_key.extend_from_slice(&limit.to_le_bytes());
                let known = SPAN_MEMO
                    .try_with(|m| {
                        let mut m = m.borrow_mut();
                        let hit = m.get(index.serial, &memo_key);
                        hit.map(|found| scored.extend_from_slice(found)).is_some()
                    })
                    .unwrap_or(false);
                if !known {
                    self.lookup(&noisy, widen, lead, &mut keys, &mut found);
                    // `found` is cheapest first: past the bound, every word is.
                    for f in &found {
                        let (w, wc) = (f.word, f.cost);
                        if wc >= limit {
                            break;
                        }
                        if (f.len as usize).abs_diff(noisy.len()) > MAX_LEN_DIFF {
                            continue;
                        }
                        let ws = index.slots_of(f);
                        if *ws == *noisy {
                            continue; // the span as it stands: a keep edge
                        }
                        let dels = index.dels_of(f);
                        if let Some(d) =
                            self.model
                                .distance_with(&noisy, ws, dels, limit - wc, &mut row)
                        {
                            scored.push((w, wc + d));
                        }
                    }
                    let _ = SPAN_MEMO.try_with(|m| {
                        m.borrow_mut()
                            .insert(index.serial, &memo_key, scored[..].into())
                    });
                }
                for s in scored.iter_mut() {
                    s.1 += change + real_word;
                }
                if scored.is_empty() {
                    continue;
                }
                let from = pool.len();
                pool.extend_from_slice(&scored);
                spans.push(Span {
                    i,
                    j,
                    kola,
                    keep,
                    scored: from..pool.len(),
                });
            }
        }
        Scored { spans, pool }
    }

    /// The candidates of every span, ranked in context: each reading's cost with
    /// how well it fits its neighbours against the span as it stands, the best
    /// `KEEP_PER_SPAN` of a span kept with their confidences. The neighbours are
    /// the units as they stand or, where `nb` says so, as a first pass corrected
    /// them.
    fn rank(&self, units: &[Unit], scored: &Scored, nb: Option<&Neighbours>) -> Vec<Cand> {
        let index = self.index();
        let ctx = Context::embedded();
        let mut out = Vec::new();
        let mut list: Vec<(u32, u32)> = Vec::new();
        let mut all: Vec<u32> = Vec::new();
        let mut read: Vec<u8> = Vec::new();
        for span in &scored.spans {
            let (i, j, keep) = (span.i, span.j, span.keep);
            let left = match nb.and_then(|nb| nb.before[i]) {
                Some(t) => t,
                None if i == 0 => ctx.id("<s>"),
                None => units[i - 1].tok,
            };
            let right = match nb.and_then(|nb| nb.at[j]) {
                Some(t) => t,
                None => units.get(j).map_or_else(|| ctx.id("</s>"), |u| u.tok),
            };
            // Context: how well each reading fits its neighbours, against the span
            // as it stands.
            let keep_ctx = ctx.pmi(left, units[i].tok) + ctx.pmi(units[j - 1].tok, right);
            list.clear();
            list.extend(scored.pool[span.scored.clone()].iter().map(|&(w, c)| {
                let (first, last) = index.ends[w as usize];
                // A span that ends in a syllable the counts never saw (ດ້ວບ) has no
                // link to its right neighbour to compare with: a reading's link
                // there may count for it, not against it (ດ້ວຍ before ເອເລັກໂຕຣນິກ,
                // a pair the web counts lack).
                let right_link = ctx.pmi(last, right);
                let right_link = match units[j - 1].tok {
                    Some(_) => right_link,
                    None => right_link.max(0.0),
                };
                let gain = ctx.pmi(left, first) + right_link - keep_ctx;
                let g = CONTEXT_MAX_GAIN;
                let adj = (-(CONTEXT_WEIGHT * gain).clamp(-g, g) * 1000.0) as i64;
                (w, (c as i64 + adj).clamp(0, u32::MAX as i64) as u32)
            }));
            list.sort_by_key(|&(w, c)| (c, w));
            list.truncate(KEEP_PER_SPAN);
            // Confidence: probability against the span as it stands and the other
            // candidates; for a best reading that holds at least half of it, the
            // probability that the span is misread at all (the other candidates
            // are other fixes: ສະເໜີ beside ສະເໝີ for ສະເຫີ).
            all.clear();
            all.extend(list.iter().map(|s| s.1).chain(keep));
            let probs = softmax(all.iter().copied());
            // (Without a reading of the span as it stands, nothing says it is
            // misread.)
            let misread = match keep {
                Some(_) => 1.0 - probs.last().copied().unwrap_or(1.0),
                None => 0.0,
            };
            for (k, &(w, c)) in list.iter().enumerate() {
                let confidence = if k == 0 && probs[k] >= BEST_READING_SHARE {
                    // Or how often such a change was right on the train lines.
                    let p = probs[k].max(misread);
                    let record = if self.model.calibration.is_empty() {
                        None
                    } else {
                        span_slots(units, i, j, span.kola, &mut read);
                        self.model.calibrated(&read, &index.words[w as usize].0)
                    };
                    record.map_or(p, |r| p.max(r))
                } else {
                    probs[k]
                };
                out.push(Cand {
                    i,
                    j,
                    word: w,
                    kola: span.kola,
                    cost: c,
                    confidence,
                });
            }
        }
        out
    }
}

/// The slots of units `i..j` as [`Corrector::candidates`] looks them up: each
/// syllable's, a joiner's (space or hyphen) in between, without the ໆ that ends
/// the span if `kola`.
fn span_slots(units: &[Unit], i: usize, j: usize, kola: bool, out: &mut Vec<u8>) {
    out.clear();
    for u in &units[i..j] {
        if u.lao {
            out.extend_from_slice(&u.slots);
        } else if let Some(jc) = u.joiner {
            out.push(jc);
        }
    }
    if kola && out.last() == Some(&KOLA) {
        out.pop();
    }
}

/// The keep edges of units `base..` of a line (see [`Corrector::keep_edges`]),
/// all in one array: those from unit `base + k` are `all[start[k]..start[k + 1]]`.
struct KeepEdges {
    base: usize,
    start: Vec<u32>,
    all: Vec<(usize, u32)>,
}

impl KeepEdges {
    /// The keep edges from unit `i`.
    #[inline]
    fn from(&self, i: usize) -> &[(usize, u32)] {
        let k = i - self.base;
        &self.all[self.start[k] as usize..self.start[k + 1] as usize]
    }
}

/// Whether `c` is punctuation or another symbol: no Lao character, letter, digit or
/// space (Lao is tested first: the Unicode tables are slower).
fn is_punct(c: char) -> bool {
    !is_lao(c) && !c.is_alphanumeric() && !c.is_whitespace()
}

/// Whether `line` ends in a token of punctuation alone after other text (as
/// `train_model.py` counts the `margin` lines).
fn ends_in_punct(line: &str) -> bool {
    let t = line.trim_end();
    let Some(k) = t.rfind(char::is_whitespace) else {
        return false;
    };
    let last = t[k..].trim_start();
    !last.is_empty() && last.chars().all(is_punct) && !t[..k].trim().is_empty()
}

/// What [`Corrector::edge_specks`] removes from a line: `line[a..lo]` at its
/// start and `line[hi..b]` at its end (empty ranges if nothing), with the
/// confidence of each.
#[derive(Copy, Clone, Debug)]
struct Trim {
    a: usize,
    lo: usize,
    hi: usize,
    b: usize,
    lead: f64,
    trail: f64,
    /// `line[a..lo]` is a misread list bullet, to be written as • (not dropped).
    bullet: bool,
    /// The character alone before the line's text that was weighed as a list
    /// marker, if any (evidence for the [`Document`]'s lists).
    marker: Option<char>,
}

impl Trim {
    /// Nothing removed from `line`.
    fn nothing(line: &str) -> Trim {
        Trim {
            a: 0,
            lo: 0,
            hi: line.len(),
            b: line.len(),
            lead: 0.0,
            trail: 0.0,
            bullet: false,
            marker: None,
        }
    }
}

/// A line decoded (see [`Corrector::decode`]): its units, the candidates and the
/// best path, as (first unit, unit after the last, edge) steps.
type Decoded = (Vec<Unit>, Vec<Cand>, Vec<(usize, usize, Edge)>);

/// A line made ready for decoding (see [`Corrector::prepare`]).
struct Prepared<'a> {
    trim: Trim,
    numerals: Vec<RomanFix>,
    cuts: Vec<(usize, usize, f64)>,
    body: Spliced<'a>,
    comma_p: f64,
}

/// A Roman numeral after the ordinal ທີ that Tesseract read as punctuation
/// (see [`Corrector::roman_numerals`]): `line[a..b]` is written as `numeral`.
#[derive(Clone, Debug)]
struct RomanFix {
    a: usize,
    b: usize,
    numeral: String,
    confidence: f64,
    /// Numerals and the token itself, with probabilities, likeliest first.
    candidates: Vec<(String, f64)>,
}

/// `line` with its Roman numerals written as such.
fn with_numerals<'a>(line: &'a str, numerals: &[RomanFix]) -> Cow<'a, str> {
    if numerals.is_empty() {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut at = 0;
    for r in numerals {
        out.push_str(&line[at..r.a]);
        out.push_str(&r.numeral);
        at = r.b;
    }
    out.push_str(&line[at..]);
    Cow::Owned(out)
}

/// The part of a line between its edge specks, with the specks inside it cut out:
/// the text the corrector decodes, and where each of its pieces is in the line.
struct Spliced<'a> {
    text: Cow<'a, str>,
    /// (offset in `text`, offset in the line) of the start of each piece kept.
    pieces: Vec<(usize, usize)>,
}

impl<'a> Spliced<'a> {
    /// `line[trim.lo..trim.hi]` without the byte ranges `cuts`, and with each Roman
    /// numeral's token replaced by the numeral (which the decoder leaves alone: it
    /// has no Lao letter); both in order, inside it, and apart.
    fn new(
        line: &'a str,
        trim: &Trim,
        cuts: &[(usize, usize, f64)],
        numerals: &[RomanFix],
    ) -> Spliced<'a> {
        if cuts.is_empty() && numerals.is_empty() {
            return Spliced {
                text: Cow::Borrowed(&line[trim.lo..trim.hi]),
                pieces: vec![(0, trim.lo)],
            };
        }
        let mut edits: Vec<(usize, usize, &str)> = cuts.iter().map(|c| (c.0, c.1, "")).collect();
        edits.extend(numerals.iter().map(|r| (r.a, r.b, r.numeral.as_str())));
        edits.sort_unstable();
        let mut text = String::with_capacity(trim.hi - trim.lo);
        let mut pieces = Vec::with_capacity(2 * edits.len() + 1);
        let mut at = trim.lo;
        for (a, b, with) in edits {
            pieces.push((text.len(), at));
            text.push_str(&line[at..a]);
            if !with.is_empty() {
                pieces.push((text.len(), a));
                text.push_str(with);
            }
            at = b;
        }
        pieces.push((text.len(), at));
        text.push_str(&line[at..trim.hi]);
        Spliced {
            text: Cow::Owned(text),
            pieces,
        }
    }

    /// Where a span starting at `x` of the text starts in the line.
    fn start_in_line(&self, x: usize) -> usize {
        let k = self.pieces.partition_point(|p| p.0 <= x).saturating_sub(1);
        self.pieces[k].1 + (x - self.pieces[k].0)
    }

    /// Where a span ending at `x` of the text ends in the line.
    fn end_in_line(&self, x: usize) -> usize {
        let k = self.pieces.partition_point(|p| p.0 < x).saturating_sub(1);
        self.pieces[k].1 + (x - self.pieces[k].0)
    }
}

/// The most bytes of a line decoded at once (see [`stretches`]). Decoding holds
/// about 100 bytes for each byte it decodes at its peak (the units, their spans
/// and candidates: 6–7 MB for a whole stretch of corpus text or of one syllable
/// repeated; up to about 150 MB for one of ບນ repeated, whose every span has
/// thousands of readings), so a line of millions of characters decoded whole
/// took gigabytes (and trapped the WebAssembly module); in stretches it needs
/// memory for one stretch only, beside copies of the line itself. OCR lines are
/// far shorter.
const STRETCH: usize = 1 << 16;

/// The byte ranges in which the text of a line is decoded: the whole text if it
/// has at most [`STRETCH`] bytes (always one range, empty for an empty text),
/// else stretches of at most that size, each ending after the last white space
/// in its second half (where a word is least likely to go on), or where there is
/// none, at the last syllable boundary there, else at a character boundary.
fn stretches(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut at = 0;
    let mut first = true;
    std::iter::from_fn(move || {
        if at >= text.len() && !std::mem::take(&mut first) {
            return None;
        }
        first = false;
        let start = at;
        if text.len() - at <= STRETCH {
            at = text.len();
            return Some(start..at);
        }
        let floor = |mut i: usize| {
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let (lo, hi) = (floor(at + STRETCH / 2), floor(at + STRETCH));
        let window = &text[lo..hi];
        let cut = match window.rfind(char::is_whitespace) {
            Some(k) => lo + k + window[k..].chars().next().map_or(1, char::len_utf8),
            None => match syllable_indices(window).map(|(k, _)| k).last() {
                Some(k) if k > 0 => lo + k,
                _ => hi,
            },
        };
        at = cut;
        Some(start..cut)
    })
}

/// Whether token `a` is Tesseract reading the start of the token `b` after it twice
/// (ແ ແລະ, ຂໍ ຂໍ້ມູນ, ທີ່ ທີ່ຫ້ອງ): `a` is one to four Lao letters and marks, the
/// Lao letters and marks that `b` starts with are more and start with `a`, tone
/// marks left out of both, in canonical form (as in
/// `dictionaries/ocr/train_model.py`).
fn is_stutter(a: &str, b: &str) -> bool {
    let letter = |c: char| matches!(c, '\u{E81}'..='\u{ECD}' | '\u{EDC}'..='\u{EDF}');
    // A quick look at the raw tokens first: most pairs fail here.
    if !a.chars().all(letter) || !b.starts_with(|c: char| letter(c)) || a.len() > 4 * 3 + 6 {
        return false;
    }
    let (a, b) = (normalize(a, Form::Canonical), normalize(b, Form::Canonical));
    let na = a.chars().count();
    let nb = b.chars().take_while(|&c| letter(c)).count();
    if !(1..=4).contains(&na) || nb <= na {
        return false;
    }
    let tone = |c: &char| matches!(c, '\u{EC8}'..='\u{ECB}');
    let mut bb = b.chars().take(nb).filter(|c| !tone(c));
    let mut any = false;
    for c in a.chars().filter(|c| !tone(c)) {
        any = true;
        if bb.next() != Some(c) {
            return false;
        }
    }
    any
}

/// Whether a syllable is no syllable a word can end with: one consonant alone
/// (the ມ of ຂໍ້ມ), a vowel written before its consonant alone (ເ), or one
/// consonant with ັ or ົ and no final (ສັ, ຄົ); tone marks aside, a consonant with
/// ຼ as one. (ວ and ອ are vowels after a consonant: ຫຼວງ and ສອນ are whole.)
/// `train_model.py` has the same rule.
fn is_broken(syllable: &str) -> bool {
    let tail = normalize(syllable, Form::Canonical);
    let mut bare: Vec<char> = tail
        .chars()
        .filter(|c| !matches!(c, '\u{EC8}'..='\u{ECB}'))
        .collect();
    if let ['\u{EC0}'..='\u{EC4}'] = bare[..] {
        return true;
    }
    if let Some('\u{EB1}' | '\u{EBB}') = bare.last() {
        bare.pop();
    }
    if let Some('\u{EBC}') = bare.last() {
        bare.pop();
    }
    matches!(bare[..], ['\u{E81}'..='\u{EAE}' | '\u{EDC}'..='\u{EDF}'])
}

/// Where the last syllable of token `a` starts, if `a` has another before it and
/// the last is broken (see [`is_broken`]: ຂໍ້ມ, ທີ່ເ, ຜົນສັ, ບຸກຄົ). Such a tail
/// before a token that starts with it is the start of that word read twice (ຂໍ້ມ
/// ມູນ): no line of the clean text has one.
fn broken_tail(a: &str) -> Option<usize> {
    let (at, last) = crate::syllable_indices(a).last()?;
    (at > 0 && is_broken(last)).then_some(at)
}

/// How Tesseract reads a list bullet (•) or dash at a line's start.
const BULLETS: &[&str] = &["-", "\u{2022}", "+", "\"", "\u{201C}", "\u{201D}", ":", "*"];

/// Whether a token looks like dirt read as text: punctuation alone, a digit with
/// punctuation (9, 2.), or Lao letters
/// and marks (with punctuation or not, no digits or Latin) of up to three
/// characters, or up to five with one letter that is not a mark above or below
/// (ກູ່, ຂໍ້.). (`train_model.py` counts junk runs with the same rules.)
fn is_junk_token(t: &str) -> bool {
    if !t.is_empty() && t.chars().all(|c| !is_lao(c) && !c.is_alphanumeric()) {
        return true;
    }
    if is_numbering(t) {
        return true;
    }
    let n = t.chars().count();
    let mark = |c: char| matches!(c, '\u{EB1}' | '\u{EB4}'..='\u{EBC}' | '\u{EC8}'..='\u{ECD}');
    let letters = t.chars().filter(|&c| is_lao(c) && !mark(c)).count();
    if !((1..=3).contains(&n) || (n <= 5 && letters <= 1)) || !t.chars().any(is_lao) {
        return false;
    }
    !t.chars().any(|c| !is_lao(c) && c.is_alphanumeric())
}

/// Whether a token is a consonant with tone marks and no vowel (ດ້, ຈ້.: no Lao
/// syllable is written so), maybe with ASCII punctuation after it.
fn is_bare_toned(t: &str) -> bool {
    let mut cs = t.chars();
    matches!(
        cs.next(),
        Some('\u{E81}'..='\u{EAE}' | '\u{EDC}'..='\u{EDF}')
    ) && matches!(cs.next(), Some('\u{EC8}'..='\u{ECB}'))
        && cs
            .skip_while(|c| matches!(c, '\u{EC8}'..='\u{ECB}'))
            .all(|c| c.is_ascii_punctuation())
}

/// Whether a token is a digit with one or two ASCII punctuation marks, as items are
/// numbered (1. 2,), or dirt read as one.
fn is_numbering(t: &str) -> bool {
    let b = t.as_bytes();
    (2..=3).contains(&b.len())
        && b[0].is_ascii_digit()
        && b[1..].iter().all(u8::is_ascii_punctuation)
}

/// Whether a token is an enumeration: ກ. ຂ) (ຄ)
fn is_enumeration(t: &str) -> bool {
    let body = t.strip_prefix('(').unwrap_or(t);
    let mut cs = body.chars();
    body.chars().count() == 2
        && matches!(cs.next(), Some('\u{E81}'..='\u{EAE}'))
        && matches!(cs.next(), Some('.' | ')'))
}

/// Whether a token is shaped like a Lao word: two or more characters of the Lao
/// block, letters, vowels, marks and ໆ only (no digits), a consonant first or
/// after one vowel written before it (ເ ແ ໂ ໃ ໄ), no such vowel anywhere else, a
/// vowel or mark somewhere unless it has three characters or more (ຂອງ, not ວດ),
/// no final consonant after ໃ or ໄ (ໃສ, ໃຫ້, not ໃສກ), and not a consonant with
/// tone marks and no vowel (ດ້).
fn is_word_shaped(t: &str) -> bool {
    let consonant = is_lao_consonant;
    let pre = |c: char| matches!(c, '\u{EC0}'..='\u{EC4}');
    let body = t.strip_prefix(pre).unwrap_or(t);
    let mut cs = body.chars();
    let n = t.chars().count();
    // ໃ and ໄ end their syllable: one consonant after them, or a ຫ-cluster.
    let open = !t.starts_with(['ໃ', 'ໄ'])
        || match body.chars().filter(|&c| consonant(c)).count() {
            1 => true,
            2 => body.starts_with('ຫ'),
            _ => false,
        };
    n >= 2
        && cs.next().is_some_and(consonant)
        && cs.all(|c| matches!(c, '\u{E81}'..='\u{ECD}') && !pre(c))
        && (n >= 3 || !t.chars().all(consonant))
        && open
        && !is_bare_toned(t)
}

/// Whether `c` is a Lao consonant (ກ–ຮ, ໜ–ໟ; as `train_model.py` tests it).
fn is_lao_consonant(c: char) -> bool {
    matches!(c, '\u{E81}'..='\u{EAE}' | '\u{EDC}'..='\u{EDF}')
}

/// Whether `c` is a Lao digit (໐–໙).
fn is_lao_digit(c: char) -> bool {
    matches!(c, '\u{ED0}'..='\u{ED9}')
}

/// Whether a token is a number in Lao digits (໔, ໑໒).
fn is_lao_number(t: &str) -> bool {
    !t.is_empty() && t.chars().all(is_lao_digit)
}

/// Whether a token marks a list item at a line's start: a bullet as Tesseract
/// reads one, an enumeration (ກ., (ຂ)) or a number (1., ໑.).
fn is_list_marker(t: &str) -> bool {
    let lao_numbering = {
        let mut cs = t.chars();
        cs.next().is_some_and(is_lao_digit)
            && (1..=2).contains(&cs.clone().count())
            && cs.all(|c| c.is_ascii_punctuation())
    };
    BULLETS.contains(&t) || is_enumeration(t) || is_numbering(t) || lao_numbering
}

/// `toks` without the list markers they start with ([`is_list_marker`], and an
/// enumeration written with spaces, `( ກ )`).
fn after_list_markers<'a, 'b>(mut toks: &'a [&'b str]) -> &'a [&'b str] {
    loop {
        match toks {
            ["(", x, ")", rest @ ..] if is_enumeration(&format!("{x})")) => toks = rest,
            [t, rest @ ..] if is_list_marker(t) => toks = rest,
            _ => return toks,
        }
    }
}

/// Whether a token separates the items of a list or the cells of a table row: a
/// comma, semicolon, slash, bar, colon or dash, or a dot leader (`...`, `…`).
fn is_separator(t: &str) -> bool {
    matches!(t, "," | ";" | "/" | "|" | ":" | "-" | "–" | "—" | "…")
        || (t.len() >= 3 && t.bytes().all(|b| b == b'.'))
}

/// Whether tokens (at the start of a line) are short words or Lao numbers followed
/// by a comma or another separator ([`is_separator`]; `,` `;` `/` `|` `:` also
/// stuck to the word), in one group or more (`ແມ່ , ພໍ່ ,`, `ປີ, ມື້,`, `ປີ ນີ້ ,`,
/// `໑ , ໒ ,`, `ແມ່ ; ພໍ່ ;`, `ຍິງ /`, `ປີ | ຊາຍ |`, `ເພດ :`, `ຊື່ ........`), maybe
/// after list markers (`1.`, `-`, `( ກ )`, see [`is_list_marker`]): text, a list or
/// a form's row, not dirt, though the words are as short as dirt read as text. No
/// two separators stand together, and the last token is or ends in one.
fn is_comma_list(toks: &[&str]) -> bool {
    let toks = after_list_markers(toks);
    // Whether the token before was a comma or ended in one (true at the start).
    let mut after_comma = true;
    for &t in toks {
        if is_separator(t) {
            if after_comma {
                return false;
            }
            after_comma = true;
            continue;
        }
        let item = t.strip_suffix([',', ';', '/', '|', ':']).unwrap_or(t);
        if !(is_word_shaped(item) || is_lao_number(item)) {
            return false;
        }
        after_comma = item.len() < t.len();
    }
    after_comma && !toks.is_empty()
}

/// The Lao consonants in the order of the alphabet, as items are lettered (ກ, ຂ, ຄ).
const ALPHABET: [char; 27] = [
    'ກ', 'ຂ', 'ຄ', 'ງ', 'ຈ', 'ສ', 'ຊ', 'ຍ', 'ດ', 'ຕ', 'ຖ', 'ທ', 'ນ', 'ບ', 'ປ', 'ຜ', 'ຝ', 'ພ', 'ຟ',
    'ມ', 'ຢ', 'ຣ', 'ລ', 'ວ', 'ຫ', 'ອ', 'ຮ',
];

/// Whether tokens (at the start of a line) are item letters in the alphabet's
/// order, two or more, with a comma or semicolon after each (alone or stuck to it)
/// or ແລະ or ຫຼື before the last (`ກ , ຂ ແລະ ຄ`, `ຄ, ງ,`), maybe after list
/// markers (see [`after_list_markers`]): a reference to lettered items, cut from
/// the line before. Dirt read as letters (`ມ , ຊ ມ,`) is not in the alphabet's
/// order.
fn is_letter_list(toks: &[&str]) -> bool {
    let place = |t: &str| {
        let mut cs = t.chars();
        let c = cs.next()?;
        cs.next()
            .is_none()
            .then(|| ALPHABET.iter().position(|&a| a == c))?
    };
    let (mut letters, mut last, mut joined) = (0, None, true);
    for &t in after_list_markers(toks) {
        if matches!(t, "," | ";" | "ແລະ" | "ຫຼື" | "ຫລື") {
            // One comma or conjunction after each letter, none before the first.
            if joined {
                return false;
            }
            joined = true;
            continue;
        }
        let item = t.strip_suffix([',', ';']).unwrap_or(t);
        let Some(k) = place(item) else { return false };
        if !joined || last.is_some_and(|l| k != l + 1) {
            return false;
        }
        (letters, last, joined) = (letters + 1, Some(k), item.len() < t.len());
    }
    letters >= 2
}

/// How many tokens (`toks`, of `line`) at the start of the line are a run of dirt
/// (`<. ວວ , ມ , ການກິນ...`): the junk-like tokens (see [`is_junk_token`]) before
/// the rest of the line, one token at least left, less those just before the rest
/// that may be real (two or more Lao characters: a short word; a bullet as
/// Tesseract reads one; an enumeration such as ກ., (ຂ) or ( ຄ ); a number such
/// as 1. or ໔; but not a consonant with a tone mark and no vowel, ດ້, first on
/// the line); 0 unless two or more are left with punctuation among them (ແລະ ໆ
/// is text) and they are not a list of short words with commas (`ແມ່ , ພໍ່ ,`,
/// `1. ແມ່ , ພໍ່ ,`: see [`is_comma_list`]) or item letters in order (`ກ , ຂ ແລະ
/// ຄ`: [`is_letter_list`]), or one at least is Lao vowels and
/// marks alone (ະ, າ: no line starts so), or the first is such a consonant
/// (inside a line it is more often a misread short word: ຫ່ for ຫຼື).
fn junk_run(line: &str, toks: &[(usize, usize)]) -> usize {
    let tok = |k: usize| &line[toks[k].0..toks[k].1];
    let mut k = 0;
    while k + 1 < toks.len() && is_junk_token(tok(k)) {
        k += 1;
    }
    loop {
        if k >= 3
            && tok(k - 3) == "("
            && is_enumeration(&format!("{})", tok(k - 2)))
            && tok(k - 1) == ")"
        {
            k -= 3; // ( ກ ): an enumeration written with spaces
            continue;
        }
        if k > 0 && {
            let t = tok(k - 1);
            BULLETS.contains(&t)
                || is_enumeration(t)
                || is_numbering(t)
                || is_lao_number(t)
                || (t.chars().count() >= 2
                    && t.chars().all(is_lao)
                    && !(k == 1 && is_bare_toned(t)))
        } {
            k -= 1;
            continue;
        }
        break;
    }
    let punct = (0..k).any(|j| !tok(j).chars().all(is_lao))
        && !{
            let run: Vec<&str> = (0..k).map(tok).collect();
            is_comma_list(&run) || is_letter_list(&run)
        };
    // Lao vowels and marks alone (ະ, າ, ເ; not ໆ or digits) cannot start a line of text.
    let vowel = |c: char| matches!(c, '\u{EB0}'..='\u{EBC}' | '\u{EC0}'..='\u{EC4}' | '\u{EC8}'..='\u{ECD}');
    let stray = (0..k).any(|j| tok(j).chars().all(vowel)) || (k >= 1 && is_bare_toned(tok(0)));
    if (k >= 2 && punct) || (k >= 1 && stray) {
        k
    } else {
        0
    }
}

/// For each unit of `line`, whether it is a letter of the issuer's abbreviation in
/// a document number, which the corrector leaves alone: two to four lone
/// consonants right after a number and a slash (ເລກທີ 323/ລບ, 22/ນຍ, 561/ປທສ),
/// where a misreading of a word (ລບ for ລູບ) is far less likely.
/// (Empty when the line has no slash: nothing is guarded.)
fn issuer_abbreviation(line: &str, units: &[Unit]) -> Vec<bool> {
    if !line.contains('/') {
        return Vec::new();
    }
    let mut out = vec![false; units.len()];
    let text = |u: &Unit| line.get(u.start..u.end).unwrap_or("");
    let lone = |u: &Unit| u.lao && crate::chars::is_lone_consonant(text(u));
    for k in 2..units.len() {
        let before = text(&units[k - 2]);
        let number = !before.is_empty()
            && before
                .chars()
                .all(|c| c.is_ascii_digit() || is_lao_digit(c));
        if text(&units[k - 1]) != "/" || !number {
            continue;
        }
        let n = units[k..].iter().take_while(|u| lone(u)).count();
        let after = units.get(k + n).map_or(true, |u| !u.lao);
        if (2..=4).contains(&n) && after {
            out[k..k + n].fill(true);
        }
    }
    out
}

/// The candidates of a change made with probability `p` against keeping
/// `original`, most probable first.
fn two_way(change: (String, f64), original: String) -> Vec<(String, f64)> {
    let keep = (original, 1.0 - change.1);
    if change.1 >= keep.1 {
        vec![change, keep]
    } else {
        vec![keep, change]
    }
}

/// The byte ranges of the runs of non-whitespace in `line`.
fn tokens(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, line.len()));
    }
    out
}

/// Where each bracket and quotation mark of a line is, so that asking whether a
/// token's partner is in (part of) the line is a binary search, not a scan of the
/// line: a line of many tokens with brackets stays linear in time.
struct Brackets {
    /// Each bracket or quotation mark with its byte offset, sorted.
    at: Vec<(char, usize)>,
}

impl Brackets {
    fn new(line: &str) -> Brackets {
        let mut at: Vec<(char, usize)> = line
            .char_indices()
            .filter(|&(_, c)| partner(c).is_some())
            .map(|(i, c)| (c, i))
            .collect();
        at.sort_unstable();
        Brackets { at }
    }

    /// Whether `t` holds a bracket or quotation mark whose partner is in
    /// `line[range]`, not counting `line[except]`.
    fn paired(&self, t: &str, range: Range<usize>, except: Range<usize>) -> bool {
        t.chars().filter_map(partner).any(|p| {
            let first = self.at.partition_point(|&x| x < (p, range.start));
            self.at[first..]
                .iter()
                .take_while(|&&(c, i)| c == p && i < range.end)
                .any(|&(_, i)| !except.contains(&i))
        })
    }
}

/// The partner of a bracket or quotation mark.
fn partner(c: char) -> Option<char> {
    Some(match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '\u{201C}' => '\u{201D}',
        '\u{201D}' => '\u{201C}',
        '\u{2018}' => '\u{2019}',
        '\u{2019}' => '\u{2018}',
        '"' => '"',
        '\'' => '\'',
        _ => return None,
    })
}

/// Probabilities from costs in milli-nats.
fn softmax(costs: impl Iterator<Item = u32> + Clone) -> Vec<f64> {
    let min = costs.clone().min().unwrap_or(0);
    let w: Vec<f64> = costs
        .map(|c| (-((c - min) as f64) / 1000.0).exp())
        .collect();
    let sum: f64 = w.iter().sum();
    w.into_iter().map(|x| x / sum).collect()
}

/// A byte order mark at the start of `line` (a file saved with one, or files
/// joined), and the rest: the line's start is where its text starts, for the rules
/// on what a line's first token is.
fn split_bom(line: &str) -> (&str, &str) {
    match line.strip_prefix('\u{FEFF}') {
        Some(rest) => (&line[..3], rest),
        None => ("", line),
    }
}

fn split_newline(line: &str) -> (&str, &str) {
    if let Some(b) = line.strip_suffix("\r\n") {
        (b, "\r\n")
    } else if let Some(b) = line.strip_suffix('\n') {
        (b, "\n")
    } else {
        (line, "")
    }
}

fn shared() -> &'static Corrector {
    static C: OnceLock<Corrector> = OnceLock::new();
    C.get_or_init(Corrector::new)
}

/// Corrects OCR errors in `text` with the embedded dictionary and error model and
/// the default options. See the [module documentation](self).
pub fn correct(text: &str) -> String {
    shared().correct(text)
}

/// The corrections [`correct`] makes, with byte spans, candidates and confidences.
///
/// ```
/// let c = akson::corrections("ຕັກໂນໂລຊີ");
/// assert_eq!(c[0].replacement, "ເຕັກໂນໂລຊີ");
/// assert_eq!((c[0].start, c[0].end), (0, 27));
/// ```
pub fn corrections(text: &str) -> Vec<Correction> {
    shared().corrections(text)
}

/// The dictionary words that `word` could be, most probable first (at most 10).
///
/// ```
/// let s = akson::suggest("ຕັກໂນໂລຊີ");
/// assert_eq!(s[0].word, "ເຕັກໂນໂລຊີ");
/// ```
pub fn suggest(word: &str) -> Vec<Suggestion> {
    shared().suggest(word, 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixes_dropped_pre_vowel_and_line_wrap() {
        assert_eq!(correct("ຕັກໂນໂລຊີ"), "ເຕັກໂນໂລຊີ");
        assert_eq!(correct("ເຕັກໂນ ໂລຊີ"), "ເຕັກໂນໂລຊີ");
        assert_eq!(correct("ເຕັກໂນ- ໂລຊີ"), "ເຕັກໂນໂລຊີ");
    }

    #[test]
    fn the_best_path_does_not_saturate_on_long_lines() {
        // 300,000 units read as they stand at 20,000 milli-nats each cost 6e9 in
        // all, more than a u32 holds; the fix of the first unit (cheaper than
        // keeping it) must still win.
        let c = Corrector::new();
        let n = 300_000;
        let keeps = KeepEdges {
            base: 0,
            start: (0..=n as u32).collect(),
            all: (1..=n).map(|j| (j, 20_000)).collect(),
        };
        let fix = Cand {
            i: 0,
            j: 1,
            word: 0,
            kola: false,
            cost: 1_000,
            confidence: 1.0,
        };
        let back = c.best_path(&keeps, n, &[fix]);
        let mut j = n;
        while j > 1 {
            assert!(matches!(back[j], (i, Edge::Keep) if i == j - 1), "at {j}");
            j -= 1;
        }
        assert!(matches!(back[1], (0, Edge::Fix(0))), "{:?}", back[1]);
    }

    #[test]
    fn long_lines_are_decoded_in_stretches_cut_after_a_space() {
        // One stretch up to the limit, whole.
        assert_eq!(stretches("").collect::<Vec<_>>(), vec![0..0; 1]);
        let short = "ກາ ".repeat(STRETCH / 7);
        assert_eq!(
            stretches(&short).collect::<Vec<_>>(),
            vec![0..short.len(); 1]
        );
        for text in [
            "ສະບາຍດີ ".repeat(STRETCH / 5),
            "ສະບາຍດີ".repeat(STRETCH / 5),
            "x".repeat(3 * STRETCH + 1),
            "ກ\u{A0}".repeat(STRETCH),
        ] {
            let parts: Vec<_> = stretches(&text).collect();
            let syllable_starts: std::collections::HashSet<usize> =
                syllable_indices(&text).map(|(k, _)| k).collect();
            assert!(parts.len() > 1, "{}", parts.len());
            assert_eq!(parts[0].start, 0);
            assert_eq!(parts.last().unwrap().end, text.len());
            for w in parts.windows(2) {
                assert_eq!(w[0].end, w[1].start);
            }
            for r in &parts {
                assert!(r.len() <= STRETCH && !r.is_empty(), "{r:?}");
                // Cut after white space where there is some, else between
                // syllables, else between characters.
                let before = text[..r.end].chars().next_back().unwrap();
                if r.end < text.len() {
                    if text.contains(char::is_whitespace) {
                        assert!(before.is_whitespace(), "{r:?}");
                    } else if text.starts_with('ສ') {
                        assert!(syllable_starts.contains(&r.end), "{r:?}");
                    }
                }
            }
        }
        // Corrections on either side of a cut, and byte offsets past it, as in
        // a line of its own.
        let line = "ຕັກໂນໂລຊີ ແລະ ການສື່ສານ ".repeat(3 * STRETCH / 80);
        let c = Corrector::new();
        let out = c.correct(&line);
        let one = c.correct("ຕັກໂນໂລຊີ ແລະ ການສື່ສານ ");
        assert_eq!(out, one.repeat(3 * STRETCH / 80));
        let fixes = c.corrections(&line);
        assert_eq!(fixes.len(), 3 * STRETCH / 80);
        let mut applied = String::new();
        let mut at = 0;
        for f in &fixes {
            applied.push_str(&line[at..f.start]);
            applied.push_str(&f.replacement);
            at = f.end;
        }
        applied.push_str(&line[at..]);
        assert_eq!(applied, out);
    }

    #[test]
    fn the_span_memo_is_kept_apart_per_index_and_changes_nothing() {
        // The same misreading, corrected again, by the same corrector and after
        // another one: each corrector finds its own words, never those another
        // index filed under the same numbers.
        let text = "ຕັກໂນໂລຊີ ແລະ ເຕັກໂນ ໂລຊີ";
        let first = correct(text);
        assert_eq!(first, "ເຕັກໂນໂລຊີ ແລະ ເຕັກໂນໂລຊີ");
        let mut small = Dictionary::empty();
        small.add("ແລະ").unwrap();
        small.add("ໂລຊີ").unwrap();
        let other = Corrector::with_dictionary(small);
        assert_eq!(other.correct(text), "ຕັກໂນໂລຊີ ແລະ ເຕັກໂນ ໂລຊີ");
        assert_eq!(correct(text), first);
        // The embedded words but one: the spans look the same (same bounds), the
        // words are numbered otherwise.
        let mut fewer = Dictionary::embedded().clone();
        assert!(fewer.remove("ຂະແໜງ"));
        let fewer = Corrector::with_dictionary(fewer);
        let misread = "ຂະແຫງງ ສຶບຫາ";
        clear_memo();
        let fresh = fewer.correct(misread);
        assert!(!fresh.contains("ຂະແໜງ"), "{fresh}");
        clear_memo();
        assert_eq!(correct(misread), "ຂະແໜງ ສືບຫາ");
        assert_eq!(fewer.correct(misread), fresh);
        // A memo emptied, or full and started afresh, gives the same output.
        clear_memo();
        assert_eq!(correct(text), first);
        let many: String = (0..SPAN_MEMO_MAX / 4)
            .map(|k| {
                format!(
                    "ຕັກໂນ{}ໂລ ",
                    char::from_u32(0xE81 + (k % 40) as u32).unwrap()
                )
            })
            .collect();
        let _ = correct(&many);
        assert_eq!(correct(text), first);
    }

    #[test]
    fn the_span_memo_keeps_two_generations_and_spans_in_use() {
        let key = |k: usize| (k as u32).to_le_bytes();
        let found = |k: usize| -> Found { vec![(k as u32, 1)].into() };
        let mut m = SpanMemo::default();
        for k in 0..SPAN_MEMO_MAX {
            m.insert(7, &key(k), found(k));
        }
        // Full: the next span starts a new generation, the full one is kept as old.
        m.insert(7, &key(SPAN_MEMO_MAX), found(SPAN_MEMO_MAX));
        assert_eq!(m.spans.len(), 1);
        assert_eq!(m.old.len(), SPAN_MEMO_MAX);
        // A span of the old generation found again moves to the current one ...
        assert_eq!(m.get(7, &key(3)).map(|f| f[0].0), Some(3));
        assert!(m.spans.contains_key(&key(3)[..]) && !m.old.contains_key(&key(3)[..]));
        // ... so it outlives the old generation; the others go with it.
        for k in 0..SPAN_MEMO_MAX {
            m.insert(7, &key(SPAN_MEMO_MAX + 1 + k), found(k));
        }
        assert!(m.spans.len() + m.old.len() <= 2 * SPAN_MEMO_MAX);
        assert!(m.get(7, &key(3)).is_some());
        assert!(m.get(7, &key(4)).is_none());
        // Another index: nothing is found, and the first insert forgets it all.
        assert!(m.get(8, &key(3)).is_none());
        m.insert(8, &key(1), found(1));
        assert_eq!(m.spans.len() + m.old.len(), 1);
        assert!(m.get(7, &key(1)).is_none());
    }

    #[test]
    fn leaves_correct_text_and_other_scripts_alone() {
        for s in [
            "ກະຊວງເຕັກໂນໂລຊີ ແລະ ການສື່ສານ",
            "ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ",
            "ມາດຕາ 12 (ໃໝ່) Article 12, 2019-2020.",
            "",
            "   ",
            "abc ABC 123",
        ] {
            assert_eq!(correct(s), s, "{s:?}");
            assert!(corrections(s).is_empty(), "{s:?}");
        }
        // A space between two known words is a space, not a wrap.
        assert_eq!(correct("ຂະແໜງ ການ"), "ຂະແໜງ ການ");
    }

    #[test]
    fn output_is_canonical_and_keeps_lines() {
        assert_eq!(correct("ດໍາລັດ"), "ດຳລັດ");
        let text = "ຕັກໂນໂລຊີ\r\nແລະ\n\nຕັກໂນໂລຊີ";
        let out = correct(text);
        assert_eq!(out, "ເຕັກໂນໂລຊີ\r\nແລະ\n\nເຕັກໂນໂລຊີ");
        assert!(corrections("").is_empty());
    }

    #[test]
    fn correction_spans_point_into_the_input() {
        let text = "ທົດລອງ\nຂໍ້ມູນ ຕັກໂນໂລຊີ ແລະ ເຕັກໂນ ໂລຊີ";
        let list = corrections(text);
        assert_eq!(list.len(), 2, "{list:?}");
        for c in &list {
            assert_eq!(&text[c.start..c.end], c.original);
            assert_eq!(c.replacement, "ເຕັກໂນໂລຊີ");
            assert!(c.confidence >= 0.9 && c.confidence <= 1.0);
            assert_eq!(c.candidates[0].0, c.replacement);
            let total: f64 = c.candidates.iter().map(|x| x.1).sum();
            assert!((total - 1.0).abs() < 1e-9);
        }
    }

    #[test]
    fn threshold_controls_changes() {
        let all = Corrector::new().with_options(CorrectOptions::with_threshold(0.0).unwrap());
        let none = Corrector::new().with_options(CorrectOptions::with_threshold(1.0).unwrap());
        let noisy = "ຕັກໂນໂລຊີ ແລະ ການສືສານ ທີມີ";
        assert!(all.corrections(noisy).len() > none.corrections(noisy).len());
        // Confidences are below 1 (a probability against keeping the span), so a
        // threshold of 1 changes nothing.
        assert!(none.corrections(noisy).is_empty());
        assert!(CorrectOptions::with_threshold(1.5).is_err());
        assert!(CorrectOptions::with_threshold(f64::NAN).is_err());
    }

    #[test]
    fn web_counts_score_links_between_syllables() {
        // <s> 10 times, followed by 3 different tokens (ທີ 6 times, the others
        // too rarely to be listed).
        let train = "1\t<s>\t10\t3\n1\tທີ່\t5\t0\n1\tທີ\t5\t0\n2\t<s>\tທີ\t6\n";
        // Syllables 0 ຢູ່, 1 ທີ, 2 ທີ່, 3 ຫໍ, 4 ກ, 5 ໂຕ: ຢູ່ is followed by ທີ່ in 150
        // chunks, by ທີ in 10, by two different syllables in all.
        let web = "# comment\n1\tຢູ່\t200\t2\n1\tທີ\t500\t40\n1\tທີ່\t1000\t90\n\
                   1\tຫໍ\t30\t5\n1\tກ\t100000\t900\n1\tໂຕ\t10\t0\n2\t0\t2:150,1:10\n";
        let c = Context::parse(train, web);
        let id = |t: &str| c.id(t);
        let (yu, thi, thii, ho) = (id("ຢູ່"), id("ທີ"), id("ທີ່"), id("ຫໍ"));
        assert!(c.pmi(yu, thii) > 1.0, "{}", c.pmi(yu, thii));
        assert!(c.pmi(yu, thi) < c.pmi(yu, thii));
        // Witten–Bell: after a syllable with few different followers, an unseen one
        // is unlikely.
        assert!(c.pmi(yu, ho) < -1.0, "{}", c.pmi(yu, ho));
        // Bounded, also after a syllable never followed by another (ln 0).
        assert!(c.pmi(yu, thii) <= CONTEXT_CAP);
        assert_eq!(c.pmi(id("ໂຕ"), thii), -CONTEXT_CAP);
        // Links from a class, or from a syllable the web counts lack, use the train
        // counts; a token neither has seen says nothing.
        assert!(c.pmi(id("<s>"), thi) > 0.0);
        assert!(c.pmi(id("<s>"), thi) > c.pmi(id("<s>"), thii));
        // Witten–Bell there too: from a token seen with several different
        // followers, an unseen one is less likely, not ruled out.
        let unseen = c.pmi(id("<s>"), thii);
        assert!(unseen < 0.0 && unseen > -CONTEXT_CAP, "{unseen}");
        assert_eq!(c.pmi(ho, id("<s>")), 0.0);
        assert_eq!(c.pmi(None, thi), 0.0);
        // Bad web lines are skipped.
        let c = Context::parse(train, "1\tຢູ່\tmany\t2\n2\t9\t0:1\n2\t0\tx:1,0:y\n");
        assert!(c.pmi(c.id("ຢູ່"), c.id("ທີ")).is_finite());
    }

    #[test]
    fn context_is_read_again_beside_corrected_words() {
        // ທີ (or ທິ) before ຂິນ, as it stands, reads as the ordinal; once ຂິນ is read
        // as ຂຶ້ນ ("rise", "come under"), the relative ທີ່ before it fits better.
        assert_eq!(correct("ພະນັກງານທີຂິນກັບກະຊວງ"), "ພະນັກງານທີ່ຂຶ້ນກັບກະຊວງ");
        assert_eq!(correct("ຊາວນາທິໄຕ້ຮັບ"), "ຊາວນາທີ່ໄດ້ຮັບ");
    }

    #[test]
    fn an_unseen_syllable_has_no_link_to_hold_against_a_reading() {
        // ດ້ວບ is in no count; ດ້ວຍ before ເອ (ເອເລັກໂຕຣນິກ) is a pair the web counts
        // lack, which must not count against ດ້ວຍ.
        let s = "ລະບົບບໍລິຫານລັດດ້ວບເອເລັກໂຕຣນິກ";
        assert_eq!(correct(s), "ລະບົບບໍລິຫານລັດດ້ວຍເອເລັກໂຕຣນິກ");
    }

    #[test]
    fn context_fixes_a_real_word_misreading() {
        // ທີ ("ordinal") is a word, but after ຢູ່ ("at") the relative ທີ່ is read
        // with its tone mark dropped; the date keeps ທີ.
        assert_eq!(correct("ຢູ່ທີຫໍປະຊຸມ"), "ຢູ່ທີ່ຫໍປະຊຸມ");
        assert_eq!(correct("ວັນທີ 28 ພະຈິກ"), "ວັນທີ 28 ພະຈິກ");
        // Two real words misread in a row (ບັງຄັບ "force" as ບັ້ງຕັບ): the
        // context's say had to be bounded at more than 6 nats to carry them.
        assert_eq!(
            correct("ຈະຕ້ອງຖືກບັ້ງຕັບໃກ້ເຂົ້າເປັນສະມາຊິກ"),
            "ຈະຕ້ອງຖືກບັງຄັບໃກ້ເຂົ້າເປັນສະມາຊິກ"
        );
        assert_eq!(correct("ໜ້າທີ່ໃນກ່ານຄຸ້ມຄອງ"), "ໜ້າທີ່ໃນການຄຸ້ມຄອງ");
    }

    /// `text` with `list` applied.
    fn apply(text: &str, list: &[Correction]) -> String {
        let mut out = String::new();
        let mut at = 0;
        for c in list {
            out.push_str(&text[at..c.start]);
            out.push_str(&c.replacement);
            at = c.end;
        }
        out + &text[at..]
    }

    /// Checks that `noisy` corrects to `want`, and that its `n` corrections,
    /// applied to it, give the same; returns them.
    fn corrects_to(noisy: &str, want: &str, n: usize) -> Vec<Correction> {
        assert_eq!(correct(noisy), want);
        let list = corrections(noisy);
        assert_eq!(list.len(), n, "{list:?}");
        assert_eq!(apply(noisy, &list), want);
        list
    }

    #[test]
    fn removes_specks_at_line_edges() {
        // Specks read as punctuation alone at either end, or stuck to the first word.
        let noisy = ". , ວັນສຸກ, 29 ພະຈິກ 2019 .\n.ສ້າງຕັ້ງຂຶ້ນ ແລະ ທ້ອງຖິ່ນ :\n";
        let want = "ວັນສຸກ, 29 ພະຈິກ 2019\nສ້າງຕັ້ງຂຶ້ນ ແລະ ທ້ອງຖິ່ນ\n";
        let list = corrects_to(noisy, want, 4);
        for c in &list {
            assert_eq!(c.replacement, "");
            assert!(c.confidence >= 0.9 && c.confidence < 1.0, "{c:?}");
            assert_eq!(c.candidates[0], (String::new(), c.confidence));
        }
        assert_eq!(list[0].original, ". , ");
        assert_eq!(list[1].original, " .");
        // Real punctuation stays: a list marker, brackets with their partner, a
        // full stop at the end of a word, a line with no Lao letter. (A bullet as
        // Tesseract reads it, “ or :, goes its own way: see
        // `writes_a_misread_bullet_as_a_bullet`.)
        for s in [
            "- ອີງຕາມ ດຳລັດ",
            "(ກ) ຂໍ້ມູນ ຂ່າວສານ",
            "ຂໍ້ມູນ “ລັດຖະບານ ”",
            "ແຫ່ງຊາດ.",
            ". 2019 :",
            ".",
        ] {
            assert_eq!(correct(s), s, "{s:?}");
        }
        // Dots stuck to a number at a line's start are dirt too; a bracket is not.
        assert_eq!(correct(".2016-2020 ແຜນການ"), "2016-2020 ແຜນການ");
        assert_eq!(correct("(2016-2020) ແຜນການ"), "(2016-2020) ແຜນການ");
        // Confidences are below 1, so a threshold of 1 keeps them.
        let none = Corrector::new().with_options(CorrectOptions::with_threshold(1.0).unwrap());
        assert_eq!(none.correct(noisy), noisy);
        // A model without speck counts removes nothing.
        let plain = Corrector::new().with_model(ErrorModel::from_tsv("").unwrap());
        assert!(plain.correct(noisy).starts_with(". , "));
    }

    #[test]
    fn roman_tokens_match_the_model_trainer() {
        // The same cases are checked against dictionaries/ocr/train_model.py.
        let cases = shared_cases(include_str!("../tests/ocr/roman-tokens.tsv"));
        assert!(cases.len() > 10);
        for (want, line) in cases {
            let toks: Vec<&str> = line.split_whitespace().collect();
            let found: Vec<&str> = toks
                .windows(2)
                .filter(|w| ends_in_ordinal(w[0]) && is_roman_token(w[1]))
                .map(|w| w[1])
                .collect();
            let found = if found.is_empty() {
                "-".to_string()
            } else {
                found.join(" ")
            };
            assert_eq!(found, want, "{line:?}");
        }
        assert_eq!(
            [1, 4, 9, 14, 39].map(roman),
            ["I", "IV", "IX", "XIV", "XXXIX"]
        );
    }

    #[test]
    fn writes_roman_numerals_tesseract_read_as_punctuation() {
        // Tesseract's Lao model has no Latin letters: after the ordinal ທີ it reads
        // I as |, V as ໄ/ and X as )( (dictionaries/ocr/roman, made by
        // make_roman.sh).
        let noisy = "ພາກທີ |\nໝວດທີ ໄ/| ບົດບັນຍັດທົ່ວໄປ\nກອງປະຊຸມໃຫຍ່ຄັ້ງທີ )( ຂອງພັກ\n";
        let want = "ພາກທີ I\nໝວດທີ VI ບົດບັນຍັດທົ່ວໄປ\nກອງປະຊຸມໃຫຍ່ຄັ້ງທີ X ຂອງພັກ\n";
        let list = corrects_to(noisy, want, 3);
        assert_eq!(list[0].original, "|");
        assert_eq!(list[0].candidates[0].0, "I");
        for c in &list {
            // Other numerals and the token itself are the other candidates.
            assert!(c.candidates.iter().any(|r| r.0 == c.original), "{c:?}");
            assert!(c.candidates.len() >= 3, "{c:?}");
            assert!(c.confidence >= 0.9, "{c:?}");
        }
        // The same token elsewhere, a number after ທີ, a numeral in Latin letters
        // and the relative ທີ່ stay.
        for s in ["ຂໍ້ມູນ | ຂອງລັດ", "ວັນທີ 7 ກໍລະກົດ", "ພາກທີ II", "ຂໍ້ມູນທີ່ | ຂອງລັດ"]
        {
            assert_eq!(correct(s), s, "{s:?}");
        }
        // A bracket whose partner is in the line is a bracket; )( alone is X.
        for s in ["ພາກທີ ( I )", "ຄັ້ງທີ ( 1 )"] {
            assert_eq!(correct(s), s, "{s:?}");
        }
        // A numeral at a line's end is no speck of dirt.
        assert_eq!(correct("ແຜນການ 5 ປີ ຄັ້ງທີ |"), "ແຜນການ 5 ປີ ຄັ້ງທີ I");
        // A model without `roman` lines reads none.
        let plain = Corrector::new().with_model(ErrorModel::from_tsv("").unwrap());
        assert_eq!(plain.correct("ພາກທີ ໄ/|"), "ພາກທີ ໄ/|");
        let m = ErrorModel::from_tsv("roman\t0049\t007C\t400\nroman_tokens\t10\t0\n").unwrap();
        assert_eq!(m.roman_readings("|")[0].0, "I");
        assert!(m.roman_readings("%").is_empty());
        for bad in [
            "roman\t0041\t007C\t400",
            "roman\t0049\t0031 0032 0033 0034\t400",
        ] {
            assert!(ErrorModel::from_tsv(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn calibration_records_raise_confident_enough_best_readings() {
        // ທີ before a word is nearly always ທີ່ misread (a tone mark over a vowel
        // dropped): the train lines' record takes the corrector's 0.6 to the
        // threshold. Without the `calib` lines it stays.
        let line = "ໂຄງການທີສະຫັບສະຫມູນ:";
        assert!(
            correct(line).starts_with("ໂຄງການທີ່ສະໜັບ"),
            "{}",
            correct(line)
        );
        let bare: String = EMBEDDED_MODEL
            .lines()
            .filter(|l| !l.starts_with("calib\t"))
            .map(|l| format!("{l}\n"))
            .collect();
        let without = Corrector::new().with_model(ErrorModel::from_tsv(&bare).unwrap());
        assert!(without.correct(line).starts_with("ໂຄງການທີສະໜັບ"));
        // The record only raises a reading the scores already put first: the
        // ordinal before a number or a number word stays.
        for l in ["ເລກທີ 323", "ພາກທີໜຶ່ງ", "ມາດຕາ 5 ວັນທີ 12 ທັນວາ"]
        {
            assert_eq!(correct(l), l);
        }
        // (right + 1) / (proposed + 2).
        let m = ErrorModel::from_tsv("calib\t0E97 0EB5\t0E97 0EB5 0EC8\t10\t10\n").unwrap();
        let read: Vec<u8> = "ທີ".chars().map(slot).collect();
        assert!((m.calibrated(&read, "ທີ່").unwrap() - 11.0 / 12.0).abs() < 1e-12);
        assert_eq!(m.calibrated(&read, "ທີມ"), None);
        for bad in [
            "calib\t0E97 0EB5\t0E97 0EB5 0EC8\t3\t4",
            "calib\t\t0E97\t3\t3",
            "calib\t0E97\t0E97\tthree\t3",
            // Shares of more than the whole, which gave confidences above 1 and
            // the logarithm of a negative number.
            "comma\tfaded\t807\t3\t119\t5000",
            "margin\tclean\t2421\t9999",
        ] {
            let e = ErrorModel::from_tsv(bad).unwrap_err().to_string();
            assert!(e.contains("line 1"), "{bad:?}: {e}");
        }
        // A byte order mark at the start of the file is not a line's text.
        let m = ErrorModel::from_tsv("\u{FEFF}calib\t0E97 0EB5\t0E97 0EB5 0EC8\t10\t10\n").unwrap();
        assert!(m.calibrated(&read, "ທີ່").is_some());
    }

    #[test]
    fn junk_runs_match_the_model_trainer() {
        // The same cases are checked against dictionaries/ocr/train_model.py.
        let cases = shared_cases(include_str!("../tests/ocr/junk-runs.tsv"));
        assert!(cases.len() > 10);
        for (want, line) in cases {
            assert_eq!(
                junk_run(line, &tokens(line)),
                want.parse::<usize>().unwrap(),
                "{line:?}"
            );
        }
    }

    /// The `want<TAB>line` cases of a file of `tests/ocr` (`#` starts a comment).
    fn shared_cases(text: &str) -> Vec<(&str, &str)> {
        text.lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| l.split_once('\t').unwrap_or((l, "")))
            .collect()
    }

    #[test]
    fn removes_dirt_read_as_a_run_of_short_tokens() {
        let noisy = "<. ວວ , ມ , ການກິນອາຫານທີ່ມີປະໂຫຍດ\n";
        let want = "ການກິນອາຫານທີ່ມີປະໂຫຍດ\n";
        let list = corrects_to(noisy, want, 1);
        assert_eq!(list[0].original, "<. ວວ , ມ , ");
        assert!(list[0].confidence >= 0.9 && list[0].confidence < 1.0);
        // A bullet, a short word and an enumeration before the text stay (the
        // speck before the bullet goes).
        assert_eq!(correct(". - 8.2 ປະຕິບັດລະບອບ"), "- 8.2 ປະຕິບັດລະບອບ");
        for s in ["ກ. ຂ. ການຄຸ້ມຄອງ", "ຕົນ ຫຼື ຄວາມເຊື່ອຖື"]
        {
            assert_eq!(correct(s), s);
        }
        assert_eq!(correct("- 3.1 ຜົນຂະຫຍາຍແນວທາງ"), "- 3.1 ຜົນຂະຫຍາຍແນວທາງ");
        // Nor do short words listed with commas, or an enumeration with spaces.
        for s in [
            "ແມ່ , ພໍ່ , ລູກ ແລະ ຫຼານ",
            "ປີ, ມື້, ເດືອນ ແລະ ເວລາ",
            "ຄູ , ນັກຮຽນ ແລະ ພໍ່ແມ່",
            "ປີ ນີ້ , ລາວ ແລະ ໄທ",
            "1. ແມ່ , ພໍ່ , ລູກ ແລະ ຫຼານ",
            "໑ , ໒ , ໓ ແລະ ໔ ແມ່ນມາດຕາ",
            "( ກ ) ແມ່ນການຄຸ້ມຄອງ",
        ] {
            assert_eq!(correct(s), s);
        }
        // The model's counts decide: none, or too few, remove nothing.
        let plain = Corrector::new().with_model(ErrorModel::from_tsv("").unwrap());
        assert!(plain.correct(noisy).starts_with("<. ວວ"));
        let weak = ErrorModel::from_tsv("junk\t5\t5\n").unwrap();
        assert!(Corrector::new()
            .with_model(weak)
            .correct(noisy)
            .starts_with("<. ວວ"));
        let sure = ErrorModel::from_tsv("junk\t50\t0\n").unwrap();
        assert_eq!(Corrector::new().with_model(sure).correct(noisy), want);
        // A line of dirt only is emptied (the line itself stays).
        assert_eq!(correct("> ຖ້ ຈ, ລ້, 3., ຕູ່, ສ, .\nສະບາຍດີ"), "\nສະບາຍດີ");
        assert_eq!(correct("> ຖ້ ຈ, 2019"), "> ຖ້ ຈ, 2019");
    }

    #[test]
    fn writes_a_misread_bullet_as_a_bullet() {
        // Tesseract reads • as ", which never starts a line's text by itself.
        let list = corrects_to("\" ເຮັດໃຫ້ລະບົບການຈັດຕັ້ງ\n", "• ເຮັດໃຫ້ລະບົບການຈັດຕັ້ງ\n", 1);
        assert_eq!((list[0].start, list[0].end), (0, 1));
        assert_eq!(list[0].replacement, "•");
        assert!(list[0].confidence >= 0.9 && list[0].confidence < 1.0);
        // - is a real list marker; a quotation mark with its partner, or stuck to
        // the word, is a quotation; a bullet stays a bullet.
        for s in ["- 3.1 ຜົນຂະຫຍາຍແນວທາງ", "\"ສລອ\" ແມ່ນ", "• ສ້າງໂຄງການ"]
        {
            assert_eq!(correct(s), s, "{s:?}");
        }
        // The counts decide, against the character's `speck lead` counts.
        let model = |t: &str| Corrector::new().with_model(ErrorModel::from_tsv(t).unwrap());
        let line = ": ສ້າງໂຄງການ";
        assert_eq!(model("bullet\t003A\t40\n").correct(line), "• ສ້າງໂຄງການ");
        // Dirt more often than a bullet, and never the character itself there: it
        // goes.
        let dirt = "bullet\t003A\t40\nspeck\tlead\t003A\t50\t0\n";
        assert_eq!(model(dirt).correct(line), "ສ້າງໂຄງການ");
        // Neither reading sure, the character itself possible: it stays.
        let unsure = "bullet\t003A\t40\nspeck\tlead\t003A\t50\t20\n";
        assert_eq!(model(unsure).correct(line), line);
        assert_eq!(model("").correct(line), line);
        // With the embedded model: “ is a bullet more often than dirt, : dirt more
        // often than a bullet; with its partner in the line, “ opens a quotation.
        assert_eq!(correct("“ ສ້າງໂຄງການ"), "• ສ້າງໂຄງການ");
        assert_eq!(correct(": ສ້າງໂຄງການ"), "ສ້າງໂຄງການ");
        assert_eq!(correct("“ ສ້າງ ”ໂຄງການ"), "“ ສ້າງ ”ໂຄງການ");
        assert!(ErrorModel::from_tsv("bullet\tzz\t4\n").is_err());
    }

    #[test]
    fn reads_a_marker_with_dots_of_dirt_beside_it() {
        // Dirt read as a dot beside a bullet read as “: the token is the bullet.
        let list = corrects_to(".“ ສ້າງໂຄງການ\n", "• ສ້າງໂຄງການ\n", 1);
        assert_eq!(
            (list[0].start, list[0].end, list[0].original.as_str()),
            (0, 4, ".“")
        );
        // A dash, a real list marker, keeps its place; the dot before it goes.
        let list = corrects_to(".- 3.5 ຄົ້ນຄວ້າ\n", "- 3.5 ຄົ້ນຄວ້າ\n", 1);
        assert_eq!((list[0].start, list[0].end), (0, 1));
        // Dirt with dirt: the token goes, with the space after it.
        assert_eq!(correct("<. ຜູ້ໃດກໍ່ມີສິດ"), "ຜູ້ໃດກໍ່ມີສິດ");
        assert_eq!(correct("+, ກຸ່ມຜູ້ຜະລິດ"), "ກຸ່ມຜູ້ຜະລິດ");
        // Not sure enough (> is dirt 6 times in 7 at a line's start), two
        // characters besides the dots, a dot after the dash, quotation marks
        // with their partner, and numbers: all stay.
        for s in [
            ">, ປູກຈິດ",
            ":\" ສະຖິຕິ",
            "-. ມາດຕາ 16.",
            ".“ ສ້າງ ”ໂຄງການ",
            "1. ສ້າງໂຄງການ",
            "(ກ) ສ້າງໂຄງການ",
        ] {
            assert_eq!(correct(s), s, "{s:?}");
        }
        // The dots are weighed too: never seen as dirt, they keep the token.
        let model = |t: &str| Corrector::new().with_model(ErrorModel::from_tsv(t).unwrap());
        let bullets = "bullet\t201C\t40\n";
        assert_eq!(model(bullets).correct("“ ສ້າງ"), "• ສ້າງ");
        assert_eq!(model(bullets).correct(".“ ສ້າງ"), ".“ ສ້າງ");
        let dots = "bullet\t201C\t40\nspeck\tlead\t002E\t90\t0\n";
        assert_eq!(model(dots).correct(".“ ສ້າງ"), "• ສ້າງ");
    }

    #[test]
    fn a_document_that_shows_bullets_reads_its_dashes_as_bullets() {
        // Tesseract reads a list's • as " (a quarter of the time), - (a third),
        // “, : and others. A - alone is more often a real dash; after a line
        // whose " only a bullet explains, the document's - are bullets too.
        let (quote, dash) = ("\" ສະຖິຕິກະສິກຳ", "- ສະຖິຕິພົນລະເມືອງ");
        let (bullet_q, bullet_d) = ("• ສະຖິຕິກະສິກຳ", "• ສະຖິຕິພົນລະເມືອງ");
        assert_eq!(correct(dash), dash);
        let text = format!("{quote}\n{dash}\nສະບາຍດີ\n{dash}");
        assert_eq!(
            correct(&text),
            format!("{bullet_q}\n{bullet_d}\nສະບາຍດີ\n{bullet_d}")
        );
        // Line by line with one `Document`, the same; `corrections_in` lists it.
        let c = Corrector::new();
        let mut doc = Document::new();
        assert_eq!(c.correct_in(&mut doc, quote), bullet_q);
        let list = c.corrections_in(&mut doc.clone(), dash);
        assert_eq!(list.len(), 1);
        assert_eq!(
            (list[0].original.as_str(), list[0].replacement.as_str()),
            ("-", "•")
        );
        assert_eq!(c.correct_in(&mut doc, dash), bullet_d);
        // Only what comes before counts, and a new document starts afresh.
        assert_eq!(
            correct(&format!("{dash}\n{quote}")),
            format!("{dash}\n{bullet_q}")
        );
        assert_eq!(c.correct_in(&mut Document::new(), dash), dash);
        // Dashes weigh against: a stray " in a list of dashes changes the next
        // one at most, and a document of dashes never lets a - go.
        let dashes = [dash; 6].join("\n");
        let after = correct(&format!("{quote}\n{dashes}"));
        assert!(
            after.lines().filter(|l| l.starts_with('•')).count() <= 3,
            "{after}"
        );
        assert!(after.ends_with(&format!("{dash}\n{dash}")), "{after}");
        assert_eq!(correct(&dashes), dashes);
        // A character that dirt often makes says nothing of the lists: : goes (as
        // dirt), and the - after it stays.
        assert_eq!(
            correct(&format!(": ສະຖິຕິກະສິກຳ\n{dash}")),
            format!("ສະຖິຕິກະສິກຳ\n{dash}")
        );
        // The evidence: " for •, - against, : and “ none (dirt makes them too).
        let m = ErrorModel::embedded();
        assert!(m.style_evidence('"') > 3.0, "{}", m.style_evidence('"'));
        assert!(m.style_evidence('-') < -0.5, "{}", m.style_evidence('-'));
        assert_eq!(
            (m.style_evidence(':'), m.style_evidence('\u{201C}')),
            (0.0, 0.0)
        );
        // A model with no bullet counts learns nothing.
        let none = ErrorModel::from_tsv("speck\tlead\t002D\t1\t100\n").unwrap();
        assert_eq!(none.style_evidence('-'), 0.0);
    }

    #[test]
    fn a_document_s_margins_tell_dirt_from_bullets() {
        // Binarised photocopies read dirt at the margins as punctuation: at a
        // line's start (: alone, where a bullet also stands) and at its end (a
        // token of punctuation alone). Other scans seldom do, and there a : alone
        // is a misread bullet.
        let colon = ": ສະຖິຕິກະສິກຳ";
        let clean_lines = "ສະບາຍດີ ແລະ ຂອບໃຈ\n".repeat(6);
        let dirty_lines = "ສະບາຍດີ ແລະ ຂອບໃຈ .\n".repeat(6);
        assert_eq!(
            correct(&format!("{clean_lines}{colon}")),
            format!("{clean_lines}• ສະຖິຕິກະສິກຳ")
        );
        let dirty = correct(&format!("{dirty_lines}{colon}"));
        assert!(dirty.ends_with("\nສະຖິຕິກະສິກຳ"), "{dirty}");
        // A new document says nothing yet: the counts of all scans together,
        // where : is dirt more often than a bullet.
        assert_eq!(correct(colon), "ສະຖິຕິກະສິກຳ");
        // The evidence, from the model's `margin` lines.
        let m = ErrorModel::embedded().margins.as_ref().unwrap();
        assert!(m.evidence(true) > 5.0, "{}", m.evidence(true));
        assert!(
            (-1.0..-0.2).contains(&m.evidence(false)),
            "{}",
            m.evidence(false)
        );
        assert!(ends_in_punct("ແລະ ."));
        assert!(ends_in_punct("ແລະ :; "));
        assert!(!ends_in_punct("ແລະ."));
        assert!(!ends_in_punct(" ."));
        assert!(!ends_in_punct("ແລະ 12"));
        // A model's counts per class; both classes or none.
        let model = |t: &str| ErrorModel::from_tsv(t);
        let classes = "margin\tclean\t100\t1\nmargin\tdirty\t100\t50\n\
                       margin_lead\tclean\t003A\t0\t20\nmargin_lead\tdirty\t003A\t40\t5\n";
        let c = Corrector::new().with_model(model(classes).unwrap());
        let clean_doc = format!("{clean_lines}{colon}");
        assert!(c.correct(&clean_doc).ends_with("• ສະຖິຕິກະສິກຳ"));
        assert!(c
            .correct(&format!("{dirty_lines}{colon}"))
            .ends_with("\nສະຖິຕິກະສິກຳ"));
        for bad in [
            "comma\tother\t100\t50\t5\t1\n",
            "comma\tfaded\t0\t1\t50\t48\ncomma\tother\t100\t50\t5\t1\n",
            "comma\tblurred\t100\t1\t50\t48\ncomma\tother\t100\t50\t5\t1\n",
            "margin\tclean\t100\t1\n",
            "margin\tmessy\t100\t1\nmargin\tdirty\t100\t50\n",
            "margin\tclean\t0\t0\nmargin\tdirty\t100\t50\n",
            "margin_lead\tclean\t003A\t0\t20\n",
            "margin\tclean\t100\t1\nmargin\tdirty\t100\n",
        ] {
            assert!(model(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_faded_copy_s_full_stops_between_words_are_commas() {
        // Faded copies read the comma between two words as a full stop (113 of
        // 117 times in the train split), other scans hardly ever. A document
        // whose earlier lines show full stops between words and no comma is a
        // faded one: its full stops between words are commas again.
        let faded = "ແຂວງ. ເມືອງ ແລະ ບ້ານ\n".repeat(3);
        let line = "ລະບຽບ. ກົດໝາຍ ແລະ ດຳລັດ.";
        let out = correct(&format!("{faded}{line}"));
        assert!(out.ends_with("\nລະບຽບ, ກົດໝາຍ ແລະ ດຳລັດ."), "{out}");
        // The earlier lines only: the first full stop of a document stays, and
        // so does one at the end of a line or before a number.
        assert!(out.starts_with("ແຂວງ. ເມືອງ"), "{out}");
        assert_eq!(correct(line), line);
        // A document whose commas are read as commas keeps its full stops.
        let other = "ແຂວງ, ເມືອງ ແລະ ບ້ານ. ບ້ານ\n".repeat(3);
        assert!(correct(&format!("{other}{line}")).ends_with(line));
        // One full stop is evidence enough (barely) for the next line's:
        // `corrections` lists each, as `correct` makes it, surer as they come.
        assert!(out.contains("\nແຂວງ, ເມືອງ"), "{out}");
        let list = corrections(&format!("{faded}{line}"));
        assert_eq!(apply(&format!("{faded}{line}"), &list), out);
        let commas: Vec<&Correction> = list.iter().filter(|c| c.replacement == ",").collect();
        assert_eq!(commas.len(), 3, "{list:?}");
        let at = faded.len() + "ລະບຽບ".len();
        assert_eq!((commas[2].start, commas[2].end), (at, at + 1));
        assert!(commas.windows(2).all(|w| w[0].confidence < w[1].confidence));
        assert!(commas[0].confidence >= 0.9, "{:?}", commas[0]);
        // Only between two words (after a Lao letter, before spaces and one), and
        // no full stop after an item letter or an abbreviation (one to four
        // consonants alone).
        let text = "ກ. ຂ, ຄ.ງ 1. ຈ ກ.  ຊ ກ .ຍ ແຂວງ. ເມືອງ ປທສ. ລົງ ກຂຄງຈ. ສ";
        let found: Vec<(usize, char)> = between_words(text).collect();
        assert_eq!(found, [(8, ','), (56, '.'), (110, '.')]);
        // The evidence, from the model's `comma` lines.
        let c = ErrorModel::embedded().commas.as_ref().unwrap();
        assert!(c.evidence(0, 1) > 1.0 && c.evidence(1, 0) < -2.0);
        assert!(c.comma_probability(0.0) < 0.9 && c.comma_probability(5.0) > 0.9);
    }

    #[test]
    fn item_letters_and_abbreviations_keep_their_full_stops() {
        // Lettered items and titles (ປອ., ປທ.) are no evidence of a faded copy,
        // and their full stops are no misread commas, however faded the copy.
        let items = "ກ. ຂໍ້ມູນທົ່ວໄປ\nຂ. ຈຸດປະສົງ\nຄ. ຂອບເຂດ\nງ. ການຈັດຕັ້ງ";
        assert_eq!(correct(items), items);
        let titles = "ທ່ານ ປອ. ບຸນມີ\nທ່ານ ປທ. ສີດາ\nທ່ານ ປທ. ສີດາ";
        assert_eq!(correct(titles), titles);
        let faded = "ແຂວງ. ເມືອງ ແລະ ບ້ານ\n".repeat(3);
        let out = correct(&format!("{faded}{titles}"));
        assert!(out.ends_with(titles), "{out}");
    }

    #[test]
    fn finds_a_line_s_first_consonant_read_as_nothing() {
        // ສະຫະກອນ with its ສ lost at the line's start: ະ starts no syllable.
        assert_eq!(correct("ະຫະກອນກະສິກຳຊ່ວຍສະມາຊິກ"), "ສະຫະກອນກະສິກຳຊ່ວຍສະມາຊິກ");
        assert_eq!(suggest("ະຫະກອນ")[0].word, "ສະຫະກອນ");
        // Inside a line it is dirt or a broken word as often: left alone.
        assert_eq!(correct("ກະສິກຳ ະຫະກອນ"), "ກະສິກຳ ະຫະກອນ");
        let m = ErrorModel::embedded();
        assert!(m.consonant_classes.len() >= 5, "{:?}", m.consonant_classes);
        let s: Vec<u8> = "ະຫະກອນ".chars().map(slot).collect();
        let whole: Vec<u8> = "ສະຫະກອນ".chars().map(slot).collect();
        assert_eq!(
            m.skeleton_led_by(m.class[slot('ສ') as usize], &s),
            m.skeleton(&whole)
        );
    }

    #[test]
    fn removes_specks_stuck_to_the_start_of_words_inside_a_line() {
        // A speck glued to a later word goes; punctuation alone between words (a
        // space before a comma is common typing) and after a word stays.
        let noisy = "ກອງປະຊຸມ .ໄດ້ມີ ປະຊາຊົນ , ແລະ ທ້ອງຖິ່ນ.";
        let want = "ກອງປະຊຸມ ໄດ້ມີ ປະຊາຊົນ , ແລະ ທ້ອງຖິ່ນ.";
        let list = corrects_to(noisy, want, 1);
        assert_eq!(list[0].original, ".");
        // A word with a wrong letter behind the speck: the speck goes, the word is
        // fixed, and the corrections do not overlap.
        let noisy = "ໄດ້ຈັດຂຶ້ນ ແລະ .ເຕັກໂນ ໂລຊີ ໃໝ່";
        let out = correct(noisy);
        assert!(!out.contains('.'), "{out}");
        let list = corrections(noisy);
        assert_eq!(apply(noisy, &list), out, "{list:?}");
        for w in list.windows(2) {
            assert!(w[0].end <= w[1].start, "{list:?}");
        }
        // A speck inside a word that a correction joins: the correction's span
        // holds it, and there is no correction of its own.
        let noisy = "ໄດ້ຈັດຂຶ້ນ ແລະ ຕັກໂນ .ໂລຊີ ໃໝ່";
        assert_eq!(correct(noisy), "ໄດ້ຈັດຂຶ້ນ ແລະ ເຕັກໂນໂລຊີ ໃໝ່");
        let list = corrections(noisy);
        assert_eq!(list.len(), 1, "{list:?}");
        assert_eq!(list[0].original, "ຕັກໂນ .ໂລຊີ");
        assert_eq!(list[0].replacement, "ເຕັກໂນໂລຊີ");
        assert_eq!(apply(noisy, &list), correct(noisy));
        // A bracket with its partner stays; so does a glued speck at a threshold of 1.
        for s in ["ແລະ (ກ) ຂໍ້ມູນ", "ແລະ “ລັດຖະບານ”"]
        {
            assert_eq!(correct(s), s, "{s:?}");
        }
        let none = Corrector::new().with_options(CorrectOptions::with_threshold(1.0).unwrap());
        assert!(none.correct("ກອງປະຊຸມ .ໄດ້ມີ").contains(".ໄດ້"));
    }

    #[test]
    fn removes_the_start_of_a_word_read_twice() {
        let noisy = "ໄດ້ຮັບ ແ ແລະ ທ້ອງຖິ່ນ ຂໍ ຂໍ້ມູນ";
        let want = "ໄດ້ຮັບ ແລະ ທ້ອງຖິ່ນ ຂໍ້ມູນ";
        let list = corrects_to(noisy, want, 2);
        assert_eq!(
            (list[0].original.as_str(), list[0].replacement.as_str()),
            ("ແ ", "")
        );
        assert_eq!(list[1].original, "ຂໍ ");
        // A word said twice, or two words that only share a letter, stay.
        for s in ["ແລະ ແລະ", "ປີ ປີ", "ກ ຂ", "ກາ ຂາ", "ປີ 2019"]
        {
            assert_eq!(correct(s), s, "{s:?}");
        }
        assert!(is_stutter("ທີ່", "ທີ່ຫ້ອງ") && is_stutter("ທີ", "ທີ່ຫ້ອງ"));
        assert!(is_stutter("ວ່", "ວ່າ:") && !is_stutter("ວ່າ", "ວ່າ"));
        assert!(!is_stutter("1", "12") && !is_stutter("ແລະ", "ແລະ"));
        assert!(!is_stutter("ກາງ", "ກາ") && !is_stutter("", "ກາ"));
        // Punctuation after a word does not make it longer; legacy spellings are
        // compared in canonical form.
        assert!(!is_stutter("ຫຼື", "ຫຼື.") && is_stutter("ຫຼ", "ຫຼື."));
        assert!(is_stutter("ຫນ", "ໜ້າ") && !is_stutter("ຫ", "ຫນ້າ"));
        // A model that never saw a stutter removes none; one with stutter counts
        // and no specks does.
        let m = ErrorModel::from_tsv("stutter\t0\t0\n").unwrap();
        let plain = Corrector::new().with_model(m);
        assert!(plain.correct("ໄດ້ຮັບ ແ ແລະ").contains("ແ ແລະ"));
        let m = ErrorModel::from_tsv("stutter\t30\t0\n").unwrap();
        let only = Corrector::new().with_model(m);
        assert_eq!(only.correct("ໄດ້ຮັບ ແ ແລະ .ທ້ອງຖິ່ນ"), "ໄດ້ຮັບ ແລະ .ທ້ອງຖິ່ນ");
        // Read twice at the end of the token before, as a broken syllable: it goes
        // with the space after it; a whole syllable there is real (ປະທານ ທ່ານ).
        assert_eq!(broken_tail("ຂໍ້ມ"), Some("ຂໍ້".len()));
        assert_eq!(broken_tail("ທີ່ເ"), Some("ທີ່".len()));
        assert_eq!(broken_tail("ຜົນສັ"), Some("ຜົນ".len()));
        assert_eq!(broken_tail("ບຸກຄົ້"), Some("ບຸກ".len()));
        assert_eq!(broken_tail("ປະທານ"), None);
        assert_eq!(broken_tail("ມ"), None); // one syllable: the whole-token rule's
        assert_eq!(broken_tail("ສັນ"), None);
        // ວ and ອ after a consonant are vowels: ສອນ and ຫຼວງ are whole syllables;
        // a consonant with ຼ is one consonant.
        assert_eq!(broken_tail("ການສອນ"), None);
        assert_eq!(broken_tail("ນະຄອນຫຼວງ"), None);
        assert_eq!(broken_tail("ທີ່ຫຼ"), Some("ທີ່".len()));
        assert_eq!(only.correct("ການສອນ ສອນໃຫ້"), "ການສອນ ສອນໃຫ້");
        assert_eq!(
            only.correct("ຖານຂໍ້ມ ມູນ ມີຜົນສັ ສັກສິດ ທີ່ເ ເປັນ"),
            "ຖານຂໍ້ມູນ ມີຜົນສັກສິດ ທີ່ເປັນ"
        );
        assert_eq!(only.correct("ໂດຍການເປັນປະທານ ທ່ານ"), "ໂດຍການເປັນປະທານ ທ່ານ");
        assert!(plain.correct("ຖານຂໍ້ມ ມູນ").contains("ມ ມູນ"));
    }

    #[test]
    fn spliced_offsets_map_back_into_the_line() {
        let line = "ab .cd .ef gh";
        let trim = Trim::nothing(line);
        let s = Spliced::new(line, &trim, &[(3, 4, 1.0), (7, 8, 1.0)], &[]);
        assert_eq!(s.text, "ab cd ef gh");
        // "cd" starts at 3 in the text, 4 in the line; a span over "cd ef" ends at
        // 8 in the text, 10 in the line, and holds the second cut.
        assert_eq!(s.start_in_line(3), 4);
        assert_eq!(s.end_in_line(5), 6);
        assert_eq!(s.end_in_line(8), 10);
        assert_eq!(&line[s.start_in_line(3)..s.end_in_line(8)], "cd .ef");
        // A span that ends where a cut was ends before it.
        assert_eq!(s.end_in_line(6), 7);
        assert_eq!(s.start_in_line(0), 0);
        // A Roman numeral replaces its token (ໄ/| as VI): what follows maps back
        // past the token.
        let line = "ab ໄ/| cd";
        let numeral = RomanFix {
            a: 3,
            b: 8,
            numeral: "VI".into(),
            confidence: 1.0,
            candidates: Vec::new(),
        };
        let s = Spliced::new(line, &Trim::nothing(line), &[], &[numeral]);
        assert_eq!(s.text, "ab VI cd");
        assert_eq!(&line[s.start_in_line(6)..s.end_in_line(8)], "cd");
    }

    #[test]
    fn misread_vowels_find_words_without_them_in_skeletons() {
        // ູ read as ຸ: ູ is left out of skeletons (Tesseract drops it), ຸ is not, so
        // ໝຸ່ບ້ານ is also looked up without its ຸ.
        assert_eq!(correct("ໝຸ່ບ້ານ"), "ໝູ່ບ້ານ");
        let m = ErrorModel::embedded();
        assert!(m.ambiguous[slot('\u{EB8}') as usize]); // ຸ
        assert!(!m.ambiguous[slot('\u{E81}') as usize]); // ກ
        let mut keys = Vec::new();
        let slots: Vec<u8> = "ໝຸ່".chars().map(slot).collect();
        m.skeletons(&slots, &mut keys);
        assert_eq!(keys.len(), 2);
        assert_eq!(keys[0], m.skeleton(&slots));
        // The other way round: ຸ read as ູ, ື or ິ read as ຶ. ູ and ຶ are left out of
        // skeletons, so ຄູ້ມຄອງ is also looked up with its ູ read as ຸ's class.
        assert_eq!(correct("ການຄູ້ມຄອງ"), "ການຄຸ້ມຄອງ");
        assert_eq!(correct("ການສຶສານ"), "ການສື່ສານ");
        assert_eq!(correct("ເອເລັກໂຕຣນຶກ"), "ເອເລັກໂຕຣນິກ");
        let (u, uu) = (slot('\u{EB8}') as usize, slot('\u{EB9}') as usize); // ຸ, ູ
        assert_eq!(m.class[uu], DROP);
        assert_eq!(m.twin[uu], m.class[u]);
        assert_eq!(m.twin[slot('\u{EC8}') as usize], DROP); // ່: never read for a kept one
        let slots: Vec<u8> = "ຄູ້ມ".chars().map(slot).collect();
        m.skeletons(&slots, &mut keys);
        assert_eq!(keys.len(), 2);
        let kept: Vec<u8> = "ຄຸ້ມ".chars().map(slot).collect();
        assert_eq!(keys[1], m.skeleton(&kept));
        // ໜ split into ຫ and another letter of its class: also looked up without
        // that letter. Real words with ຫ before such a letter stay.
        assert_eq!(correct("ທຸກຂະແຫງງການ"), "ທຸກຂະແໜງການ");
        for s in ["ເຮັດຫຍັງ ແລະ", "ຫຍ້າ ແລະ ຫງາຍ"] {
            assert_eq!(correct(s), s);
        }
        let slots: Vec<u8> = "ແຫງງ".chars().map(slot).collect();
        m.skeletons(&slots, &mut keys);
        let joined: Vec<u8> = "ແໜງ".chars().map(slot).collect();
        assert!(keys.contains(&m.skeleton(&joined)), "{keys:?}");
        let slots: Vec<u8> = "ຄູ້ມ".chars().map(slot).collect();
        // A model without those misreadings looks spans up by their own skeleton.
        let plain = ErrorModel::from_tsv("drop\t0EB9\n").unwrap();
        plain.skeletons(&slots, &mut keys);
        assert_eq!(keys.len(), 1);
    }

    #[test]
    fn words_missing_a_vowel_tesseract_often_drops_are_found() {
        // ົ and ໍ are kept in skeletons but often dropped: the index also files
        // ປົກຄອງ under the skeleton of ປກຄອງ.
        assert_eq!(correct("ແລະ ປກຄອງ"), "ແລະ ປົກຄອງ");
        assert_eq!(correct("ບລິຫານ ແລະ"), "ບໍລິຫານ ແລະ");
        let m = ErrorModel::embedded();
        // ົ is filed as dropped; ກ is not, nor ່ (left out of skeletons anyway).
        assert!(m.deletable[slot('\u{EBB}') as usize]);
        assert!(!m.deletable[slot('\u{E81}') as usize]);
        assert!(!m.deletable[slot('\u{EC8}') as usize]);
        // Only spans that do not read as known words are looked up that way.
        for s in ["ປົກຄອງ ແລະ ບໍລິຫານ", "ສອງ ຄົນ"] {
            assert_eq!(correct(s), s);
        }
        // A model that never drops them files words once.
        let plain = Corrector::new().with_model(ErrorModel::from_tsv("del\t0EBB\t9000\n").unwrap());
        assert_eq!(plain.correct("ແລະ ປກຄອງ"), "ແລະ ປກຄອງ");
    }

    #[test]
    fn words_before_ko_la_are_corrected_and_keep_it() {
        // ອື່ນໆ read as ອືນໆ: the word before ໆ is corrected, ໆ stays after it.
        let list = corrects_to("ແລະ ອືນໆ", "ແລະ ອື່ນໆ", 1);
        assert_eq!(list[0].original, "ອືນໆ");
        assert_eq!(list[0].replacement, "ອື່ນໆ");
        assert!(
            list[0].candidates.iter().all(|c| c.0.ends_with('\u{EC6}')),
            "{list:?}"
        );
        // Inside a line, too; right text with ໆ stays.
        assert_eq!(correct("ປະຕິບັດສິດອືນໆຕາມ"), "ປະຕິບັດສິດອື່ນໆຕາມ");
        for s in ["ຕ່າງໆ ແລະ ອື່ນໆ", "ໆ", "ແລະ ໆ ການ", "ເລື້ອຍໆ"]
        {
            assert_eq!(correct(s), s, "{s:?}");
        }
    }

    #[test]
    fn the_default_corrector_knows_phrases() {
        // ທີ່ມີ is two words (ທີ່|ມີ) for segmentation, a phrase for correction.
        assert!(!Dictionary::embedded().contains("ທີ່ມີ"));
        assert!(Corrector::new().dictionary().contains("ທີ່ມີ"));
        assert!(Corrector::new().dictionary().len() > Dictionary::embedded().len() + 1000);
        assert_eq!(Corrector::new().correct("ຄົນທີມີສິດ"), "ຄົນທີ່ມີສິດ");
        // Your own dictionary gets them too (as `akson correct --dict` does).
        let mut names = Dictionary::new();
        names.add("ບຸນສະເຫຼີມໄຊ").unwrap();
        let own = Corrector::with_dictionary(names);
        assert!(own.dictionary().contains("ທີ່ມີ"));
        assert!(own.dictionary().contains("ບຸນສະເຫຼີມໄຊ"));
        assert_eq!(own.correct("ຄົນທີມີສິດ"), "ຄົນທີ່ມີສິດ");
        // Two words the corpus has side by side are phrases too (ຂັ້ນແຂວງ
        // "provincial level"): ຂັນ "bowl" before ແຂວງ has lost its tone mark.
        assert!(Corrector::new().dictionary().contains("ຂັ້ນແຂວງ"));
        assert!(!Dictionary::embedded().contains("ຂັ້ນແຂວງ"));
        assert_eq!(Corrector::new().correct("ບັນດາຂັນແຂວງ"), "ບັນດາຂັ້ນແຂວງ");
    }

    #[test]
    fn suggest_is_fast_on_texts_longer_than_any_word() {
        // Looking up a long text took time quadratic in its length (20,000 ບນ:
        // 3 s); no word is within reach of one longer than every word.
        let c = Corrector::new();
        let longest = c.index().longest;
        let t = std::time::Instant::now();
        assert!(c.suggest(&"ບນ".repeat(20_000), 10).is_empty());
        assert!(
            t.elapsed() < std::time::Duration::from_millis(500),
            "{:?}",
            t.elapsed()
        );
        // The longest word itself is still found.
        let word = c
            .index()
            .words
            .iter()
            .find(|w| w.0.chars().count() == longest)
            .unwrap();
        let word = word.0.to_string();
        assert_eq!(c.suggest(&word, 1)[0].word, word);
    }

    #[test]
    fn suggest_ranks_candidates() {
        let s = suggest("ຕັກໂນໂລຊີ");
        assert_eq!(s[0].word, "ເຕັກໂນໂລຊີ");
        let total: f64 = s.iter().map(|x| x.probability).sum();
        assert!((total - 1.0).abs() < 1e-9);
        // A known word comes first as itself.
        assert_eq!(suggest("ເພື່ອ")[0].word, "ເພື່ອ");
        assert!(suggest("").is_empty());
        assert!(suggest("  ").is_empty());
        assert!(suggest("\u{EC8}").is_empty()); // a lone tone mark
        assert!(suggest("hello").is_empty());
        // A word that is not in the dictionary is looked up as `correct` looks up
        // a span: ູ read for ຸ, a dropped vowel, ໆ kept on every suggestion.
        assert_eq!(suggest("ຄູ້ມຄອງ")[0].word, "ຄຸ້ມຄອງ");
        assert_eq!(suggest("ປກຄອງ")[0].word, "ປົກຄອງ");
        let s = suggest("ອືນໆ");
        assert_eq!(s[0].word, "ອື່ນໆ");
        assert!(s.iter().all(|x| x.word.ends_with('\u{EC6}')), "{s:?}");
        assert!(suggest("ໆ").is_empty());
    }

    #[test]
    fn custom_dictionary_protects_names() {
        let mut d = Dictionary::new();
        d.add("ຕັກໂນໂລຊີ").unwrap();
        let c = Corrector::with_dictionary(d);
        assert_eq!(c.correct("ຕັກໂນໂລຊີ"), "ຕັກໂນໂລຊີ");
    }

    #[test]
    fn words_met_only_in_a_word_list_are_weak_evidence() {
        // ຂິນ is listed by one source and never met in the corpus: the dropped
        // vowel and tone (ຂຶ້ນ) is read. Given a count of your own, it is
        // protected again.
        assert!(Dictionary::embedded().contains("ຂິນ"));
        let milli = |w: &str| {
            Dictionary::embedded()
                .cost(w)
                .map_or(0, |c| (c * 1000.0).round() as u32)
        };
        assert!(is_weak_word(milli("ຂິນ"), WEAK_FOR_PRICE));
        // Words met in the corpus are not.
        assert!(!is_weak_word(milli("ຂຶ້ນ"), WEAK_TIERS));
        assert!(!is_weak_word(milli("ກໍ່"), WEAK_TIERS));
        // Listed twice (both versions of the Wilson & Campbell list; the
        // E-Government and Google lists) and never met: weak evidence too.
        assert!(is_weak_word(milli("ເຮດ"), WEAK_FOR_PRICE));
        assert!(is_weak_word(milli("ບຸ້ນ"), WEAK_FOR_PRICE));
        // Listed three times: a known word for the price, but looked up widely.
        assert!(!is_weak_word(milli("ສຶບ"), WEAK_FOR_PRICE));
        assert!(is_weak_word(milli("ສຶບ"), WEAK_TIERS));
        assert_eq!(correct("ແລະ ສິດທີ່ຈະສຶບຫາຂໍ້ມູນ"), "ແລະ ສິດທີ່ຈະສືບຫາຂໍ້ມູນ");
        assert_eq!(correct("ເຮດໃຫ້ການພັດທະນາ"), "ເຮັດໃຫ້ການພັດທະນາ");
        assert_eq!(correct("ສົ່ງໃຫ້ບຸ້ນດາຂະແໜງການ"), "ສົ່ງໃຫ້ບັນດາຂະແໜງການ");
        assert_eq!(correct("ໃຫ້ດີຂິນ ເພື່ອ"), "ໃຫ້ດີຂຶ້ນ ເພື່ອ");
        let mut d = Dictionary::new();
        d.add_with_count("ຂິນ", 50.0).unwrap();
        assert_eq!(
            Corrector::with_dictionary(d).correct("ໃຫ້ດີຂິນ ເພື່ອ"),
            "ໃຫ້ດີຂິນ ເພື່ອ"
        );
    }

    #[test]
    fn model_errors_name_the_line() {
        let e = ErrorModel::from_tsv("# ok\nsub\t0E9A\n").unwrap_err();
        assert!(e.to_string().contains("line 2"), "{e}");
        let e = ErrorModel::from_tsv("sub\tXYZ\t0E9B\t10").unwrap_err();
        assert!(e.to_string().contains("XYZ"), "{e}");
        let e = ErrorModel::from_tsv("del\t0E9A\t-5").unwrap_err();
        assert!(e.to_string().contains("-5"), "{e}");
        let e = ErrorModel::from_tsv("speck\tmiddle\t002E\t1\t0").unwrap_err();
        assert!(e.to_string().contains("middle"), "{e}");
        let e = ErrorModel::from_tsv("speck\tlead\t002E\tmany\t0").unwrap_err();
        assert!(e.to_string().contains("many"), "{e}");
        let e = ErrorModel::from_tsv("split\t0EDC\t0EAB\t900").unwrap_err();
        assert!(e.to_string().contains("exactly two"), "{e}");
        assert!(ErrorModel::from_tsv("").is_ok());
        let m = ErrorModel::from_tsv(EMBEDDED_MODEL).unwrap();
        // Tone marks are dropped from skeletons in the learnt model.
        assert_eq!(m.class[slot('\u{EC8}') as usize], DROP);
        let e = ErrorModel::from_tsv("del_above\t0EC8").unwrap_err();
        assert!(e.to_string().contains("line 1"), "{e}");
    }

    #[test]
    fn tone_marks_over_vowel_signs_are_dropped_more_often() {
        let slots = |w: &str| w.chars().map(slot).collect::<Vec<u8>>();
        let mut row = Vec::new();
        let mut d = |m: &ErrorModel, noisy: &str, clean: &str| {
            m.distance(&slots(noisy), &slots(clean), u32::MAX / 2, &mut row)
                .unwrap()
        };
        // ່ over ◌ີ (ທີ່ read as ທີ) against ່ on the consonant (ກ່າ read as ກາ).
        let m = ErrorModel::from_tsv("del\t0EC8\t4000\ndel_above\t0EC8\t500\n").unwrap();
        assert_eq!(d(&m, "ທີ", "ທີ່"), 500);
        assert_eq!(d(&m, "ກາ", "ກ່າ"), 4000);
        assert_eq!(d(&m, "ກ", "ກ່"), 4000);
        // Without a `del_above` line, the same cost everywhere.
        let m = ErrorModel::from_tsv("del\t0EC8\t4000\n").unwrap();
        assert_eq!(d(&m, "ທີ", "ທີ່"), 4000);
        // The embedded model learnt it from Tesseract's output.
        let m = ErrorModel::embedded();
        assert!(d(m, "ທີ", "ທີ່") * 2 < d(m, "ກາ", "ກ່າ"));
    }

    #[test]
    fn splits_read_one_character_as_two() {
        let slots = |s: &str| s.chars().map(slot).collect::<Vec<u8>>();
        let text = "default\tsub\t9000\ndefault\tdel\t8000\ndefault\tins\t7000\n\
                    split\t0EDC\t0EAB 0EBC\t1500\n";
        let m = ErrorModel::from_tsv(text).unwrap();
        let plain = ErrorModel::from_tsv(&text[..text.find("split").unwrap()]).unwrap();
        let mut row = Vec::new();
        let d = |m: &ErrorModel, noisy: &str, clean: &str, row: &mut Vec<u32>| {
            m.distance(&slots(noisy), &slots(clean), 100_000, row)
        };
        // ໜ read as ຫຼ: one split instead of a substitution and an insertion.
        assert_eq!(d(&m, "ຫຼ", "ໜ", &mut row), Some(1500));
        assert_eq!(d(&plain, "ຫຼ", "ໜ", &mut row), Some(16_000));
        // Inside a word, with other edits around it (ໜ້າທີ່ read as ຫຼ້າທີ).
        assert_eq!(d(&m, "ຫຼ້າທີ", "ໜ້າທີ່", &mut row), Some(1500 + 8000));
        assert_eq!(d(&m, "ກຫຼາ", "ໜາ", &mut row), Some(7000 + 1500));
        // Only for the clean character of the split, and not across the limit.
        assert_eq!(d(&m, "ຫຼ", "ໝ", &mut row), Some(16_000));
        assert_eq!(
            m.distance(&slots("ຫຼ້າທີ"), &slots("ໜ້າທີ່"), 9000, &mut row),
            None
        );
        // The candidate index finds words through the split (ໝ read as ບນ).
        let m = ErrorModel::from_tsv("split\t0EDD\t0E9A 0E99\t2000\n").unwrap();
        let mut keys = Vec::new();
        m.skeletons(&slots("ກົດບນາຍ"), &mut keys);
        assert!(keys.contains(&m.skeleton(&slots("ກົດໝາຍ"))));
        // The embedded model has ໜ read as ຫຼ, and the corrector uses it.
        let e = ErrorModel::embedded();
        assert!(!e.splits_of(slot('ຫ'), slot('\u{EBC}')).is_empty());
        assert_eq!(correct("ປະຕິບັດຫຼ້າທີ ແລະ ນຳໃຊ້ສິດ"), "ປະຕິບັດໜ້າທີ່ ແລະ ນຳໃຊ້ສິດ");
        assert_eq!(correct("ອາສາສະຫຼັກບ້ານ"), "ອາສາສະໝັກບ້ານ");
    }

    #[test]
    fn a_thai_vowel_after_a_correction_is_repaired_too() {
        // The Thai vowel starts a span of its own after the corrected word.
        let out = correct("ປກຄອງ\u{E30}");
        assert!(crate::is_normalized(&out, Form::Canonical), "{out:?}");
        assert!(out.starts_with("ປົກຄອງ"), "{out:?}");
    }

    #[test]
    fn any_text_gives_text_with_the_same_lines() {
        let c = Corrector::new().with_options(CorrectOptions::with_threshold(0.0).unwrap());
        let extra = [
            ' ', ' ', '\n', '\r', '-', '.', '1', 'a', '\u{E48}', '\u{A0}', '\u{200B}', '🙂',
            '\u{E30}', '\u{E34}',
        ];
        for text in crate::random_texts(0x9E37_79B9_7F4A_7C15, &extra, 120).take(400) {
            let out = c.correct(&text);
            // The result is canonical, whatever the spans it was made of.
            assert!(
                crate::is_normalized(&out, Form::Canonical),
                "{text:?} → {out:?}"
            );
            assert_eq!(
                out.matches('\n').count(),
                text.matches('\n').count(),
                "{text:?}"
            );
            for k in c.corrections(&text) {
                assert_eq!(&text[k.start..k.end], k.original);
                assert!(k.confidence.is_finite());
                // Most probable first, even at threshold 0.
                assert!(
                    k.candidates.windows(2).all(|w| w[0].1 >= w[1].1),
                    "{text:?}: {k:?}"
                );
            }
            let _ = c.suggest(&text, 5);
        }
    }

    #[test]
    fn an_issuers_abbreviation_in_a_document_number_stays() {
        for s in ["ເລກທີ 323/ລບ ລົງວັນທີ", "ເລກທີ 12/ນວ", "ເລກທີ 22/ນຍ, ລົງວັນທີ"]
        {
            assert_eq!(correct(s), s, "{s:?}");
        }
        // Elsewhere the same letters are still read as words with a vowel lost.
        assert_eq!(correct("ລບ ນວ"), "ລູບ ນົວ");
    }

    #[test]
    fn below_half_the_rules_change_only_what_is_likelier_changed() {
        // A - alone before a line's text is a bullet with probability about 0.37:
        // at threshold 0.3 it must still stay, as the likelier reading.
        let c = Corrector::new().with_options(CorrectOptions::with_threshold(0.3).unwrap());
        assert_eq!(c.correct("- ສະຖິຕິພົນລະເມືອງ"), "- ສະຖິຕິພົນລະເມືອງ");
        assert!(c.corrections("- ສະຖິຕິພົນລະເມືອງ").is_empty());
        // What the rules do change there (a bullet read as " or +, specks at a
        // line's edges, a run of dirt), they change as the likelier reading.
        let mut checked = 0;
        for (line, want) in [
            ("\" ສະຖິຕິກະສິກຳ", "\u{2022} ສະຖິຕິກະສິກຳ"),
            // (+ alone in a document that has shown no bullets is dirt.)
            ("+ ສະຖິຕິກະສິກຳ", "ສະຖິຕິກະສິກຳ"),
            (". ວັນສຸກ", "ວັນສຸກ"),
            (": ສະຖິຕິກະສິກຳ", "ສະຖິຕິກະສິກຳ"),
            ("ສະຖິຕິກະສິກຳ .", "ສະຖິຕິກະສິກຳ"),
            ("<. ວວ , ມ , ການກິນອາຫານທີ່ມີປະໂຫຍດ", "ການກິນອາຫານທີ່ມີປະໂຫຍດ"),
        ] {
            assert_eq!(c.correct(line), want, "{line:?}");
            for k in c.corrections(line) {
                assert!(k.confidence >= 0.5, "{k:?}");
                checked += 1;
            }
        }
        assert_eq!(checked, 6);
    }

    #[test]
    fn suggest_sees_past_invisible_characters() {
        let s = suggest("\u{200B}ແລະ");
        assert_eq!(s.first().map(|s| s.word.as_str()), Some("ແລະ"), "{s:?}");
    }

    #[test]
    fn corrections_of_a_long_line_with_many_fixes_are_linear() {
        // Each fix used to scan every candidate of the line: 41 s here at 128k
        // characters, where `correct` took 0.5 s.
        // Time at 16k and at 64k words: four times the text, about four times
        // the time (the bound allows for the machine's noise), not sixteen.
        let time = |words: usize| {
            let line = "ມ ".repeat(words);
            clear_memo();
            let t = std::time::Instant::now();
            let n = corrections(&line).len();
            (t.elapsed().as_secs_f64(), n)
        };
        time(2_000);
        let (small, n_small) = time(16_000);
        let (large, n_large) = time(64_000);
        // The ມs are read as words with vowels lost, as many per word of text
        // in either line.
        assert!(
            n_small > 1_000 && n_large.abs_diff(4 * n_small) < 8,
            "{n_small} {n_large}"
        );
        assert!(large < 10.0, "{n_large} corrections in {large:.2} s");
        assert!(
            large < 8.0 * small.max(0.05),
            "16k words: {small:.3} s, 64k: {large:.3} s"
        );
    }

    #[test]
    fn a_byte_order_mark_does_not_hide_a_line_start() {
        // A file saved with a BOM: its first line's start is still where the
        // rules on bullets and specks at a line's start look.
        let c = Corrector::new();
        for text in ["\" ສະຖິຕິກະສິກຳ\n- ສະຖິຕິພົນລະເມືອງ", ". ວັນສຸກ", "ຕັກໂນ ໂລຊີ"]
        {
            let with = format!("\u{FEFF}{text}");
            assert_eq!(c.correct(&with), format!("\u{FEFF}{}", c.correct(text)));
            let (a, b) = (c.corrections(text), c.corrections(&with));
            assert!(!a.is_empty(), "{text}");
            assert_eq!(a.len(), b.len(), "{text}");
            for (x, y) in a.iter().zip(&b) {
                assert_eq!((x.start + 3, x.end + 3), (y.start, y.end));
                assert_eq!(&with[y.start..y.end], y.original);
            }
        }
        // On a later line too (files joined), with offsets in the whole text.
        let joined = "ກາ\n\u{FEFF}. ວັນສຸກ";
        let fix = c.corrections(joined);
        assert_eq!(fix.len(), 1);
        assert_eq!(&joined[fix[0].start..fix[0].end], ". ");
    }

    #[test]
    fn lines_of_many_brackets_and_numerals_are_linear() {
        // Each token after ທີ that could be a Roman numeral, and each bracket
        // stuck to a word, used to scan the whole line for its partner (and the
        // numeral to copy it): 4× the line took 13× and 16× the time.
        for unit in ["ທີ ( ", "ແລະ (ໄດ້ "] {
            let time = |n: usize| {
                let line = unit.repeat(n);
                let t = std::time::Instant::now();
                std::hint::black_box(correct(&line));
                t.elapsed()
            };
            let (small, large) = (time(25_000), time(100_000));
            assert!(
                large < small * 7 + std::time::Duration::from_millis(300),
                "{unit:?}: {small:?} for 25,000, {large:?} for 100,000"
            );
        }
    }

    #[test]
    fn lines_of_many_commas_or_specks_and_corrections_are_linear() {
        // `correct` in a faded copy looked for the misread commas of each kept span
        // among all of the line's, and `corrections` for the correction that holds
        // each speck among all of the line's: 4× the line took 16× the time.
        let faded = "ກອງປະຊຸມ. ວຽກງານ. ພະນັກງານ. ລັດຖະກອນ. ທຸກ. ຄົນ. ແລະ. ການ\n";
        let time = |f: &dyn Fn(usize)| {
            let t = std::time::Instant::now();
            f(20_000);
            let small = t.elapsed();
            let t = std::time::Instant::now();
            f(80_000);
            (small, t.elapsed())
        };
        let commas = |n: usize| {
            let text = faded.to_string() + &"ຕັກໂນໂລຊີ. ".repeat(n);
            let out = correct(&text);
            assert!(out.matches(',').count() > n / 2, "{}", &out[..200]);
        };
        let specks = |n: usize| {
            let fixes = corrections(&"ຕັກໂນໂລຊີ ແ ແລະ ".repeat(n));
            assert_eq!(fixes.len(), 2 * n);
        };
        for (name, f) in [("commas", &commas as &dyn Fn(usize)), ("specks", &specks)] {
            let (small, large) = time(f);
            assert!(
                large < small * 7 + std::time::Duration::from_millis(300),
                "{name}: {small:?} for 20,000, {large:?} for 80,000"
            );
        }
    }

    #[test]
    fn long_and_repetitive_input_is_fast() {
        let text = "ຕັກໂນ ໂລຊີ".repeat(5_000) + &"ບັນດາ".repeat(20_000);
        let t = std::time::Instant::now();
        let out = correct(&text);
        assert!(out.len() >= text.len() / 2);
        assert!(t.elapsed().as_secs_f64() < 10.0, "{:?}", t.elapsed());
    }
}
