//! Lao dictionaries: the embedded default and your own word lists.
//!
//! A [`Dictionary`] maps Lao words to a cost (the negative log-probability of the
//! word, in nats): the word segmenter picks the split of a text whose words cost
//! least. The default dictionary is compiled from permissively licensed word lists
//! (see `dictionaries/README.md` in the repository), with frequencies counted on real
//! Lao text, into an [`fst`] map embedded in the library: nothing is read from disk
//! or the network at run time.
//!
//! Words are stored by syllables in their [search form](crate::Form::Search), so
//! every spelling variant of a word (ດໍາລັດ / ດຳລັດ, ຫລາຍ / ຫຼາຍ, ຫນ້າ / ໜ້າ) is the
//! same entry. Consequences worth knowing:
//!
//! - A word written with ໆ (ຕ່າງໆ) is the same entry as the word without it.
//! - No word goes on past ໆ in segmentation, so a word with ໆ inside (ຄ້າຍໆແນວນີ້)
//!   can be added and looked up, but [`Dictionary::words`] never returns it whole.
//! - The variants are those whose syllables are the same. Every well-formed
//!   spelling reads as the syllables of its canonical form (ຂະຫນມ as ຂະ ຫນ ມ, ຂະໜມ
//!   as ຂະ ໜ ມ), but an ill-formed one may not (ແຫມຳ reads as ແຫ ມຳ, its canonical
//!   form ແໝຳ as ແໝ ຳ): such a spelling is an entry of its own.
//! - A few last syllables with a cluster are read one way at the end of a text
//!   and another before more Lao text (ເພລັກ, ເພ|ລັກ): a word that ends in one
//!   (ຄອມເພລັກ) is filed under both, and found in either place.
//!
//! ```
//! use akson::Dictionary;
//!
//! let mut dict = Dictionary::new(); // a copy of the embedded default
//! assert!(dict.contains("ດຳລັດ") && dict.contains("ດໍາລັດ"));
//! dict.add("ສີສະຫວາດ").unwrap(); // a name
//! let words: Vec<&str> = dict.words("ທ່ານສີສະຫວາດ").collect();
//! assert_eq!(words, ["ທ່ານ", "ສີສະຫວາດ"]);
//! ```
//!
//! # Word lists
//!
//! [`Dictionary::load`] and [`Dictionary::extend_from_word_list`] read UTF-8 text:
//! one word per line (LF or CRLF), optionally followed by a TAB and how often the
//! word occurs per million words. A word without a count gets the count
//! [`Dictionary::add`] gives: once per million, or more where the dictionary's
//! other words would split it, so that it is found whole. Empty lines and lines
//! starting with `#` are skipped, and so is a byte-order mark at the start.
//!
//! A list's words without a count are weighed against the dictionary they are
//! added to: to use a list beside the embedded words, extend a copy of the
//! default ([`Dictionary::new`], then [`Dictionary::extend_from_word_list`]) rather
//! than [`merge`](Dictionary::merge) a dictionary read from the list alone.
//!
//! ```text
//! # my words
//! ສີສະຫວາດ
//! ອີເມວ<TAB>25
//! ```
//!
//! (`<TAB>` stands for one tab character.)
//!
//! A compiled dictionary (the `fst` format that `akson-dict-build` writes: canonical
//! words, with U+001F between their syllables, mapped to costs in milli-nats) is read
//! by [`Dictionary::from_fst_bytes`]; [`Dictionary::load`] recognises both. Keys
//! without U+001F (plain words) are read too, and segmented on load. The keys of
//! such a file are checked as the words of a word list are, and a key whose
//! U+001F are not where the segmenter puts its syllable boundaries (a file from
//! another tool, or from a version whose syllable grammar differed) is filed under
//! the syllables text is read in, so that segmentation finds the word.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::error::quoted;
use crate::{normalize, syllables, Error, Form};

/// Whether `bytes` are a compiled dictionary rather than a word list, as
/// [`Dictionary::from_bytes`] tells them apart: an fst map starts with its format
/// version as a little-endian u64 (1 to 3); a word list is text. (For the CLI.)
#[doc(hidden)]
pub fn is_compiled(bytes: &[u8]) -> bool {
    bytes.len() >= 8 && bytes[1..8] == [0; 7] && matches!(bytes[0], 1..=3)
}

/// Version of the embedded dictionary (see `dictionaries/akson-lo.json`).
pub const DICTIONARY_VERSION: &str = "lo-2026.11.25-6";

/// The compiled default dictionary: an `fst` map from canonical word to cost in
/// milli-nats. Rebuilt by `cargo run -p akson-dict-build`.
static EMBEDDED_FST: &[u8] = include_bytes!("../dictionaries/akson-lo.fst");

/// Counts are given per million words: a word given without a count occurs once
/// per million (a cost of ln(10⁶) nats, 13,816 milli-nats), and no count may be
/// larger than this.
const PER_MILLION: f64 = 1_000_000.0;
/// Cost (milli-nats) of a word occurring once per million words: `count_cost(1.0)`.
const DEFAULT_COST: u32 = 13_816;
/// A word added without a count that the dictionary's other words would split
/// costs at least this much (milli-nats, one nat: e times as likely) less than
/// that split (see [`Dictionary::suggested_count`]).
const SPLIT_MARGIN: u32 = 1_000;
/// Marks a trie node that ends no word.
const NO_WORD: u32 = u32::MAX;
/// Longest word, in syllables, that the segmenter looks up.
pub(crate) const MAX_WORD_SYLLABLES: usize = 16;

/// A small, fast, non-cryptographic hash (the Fx hash of rustc).
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap()));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        // The product's low bits depend only on the input's low bits, and the hash
        // table picks a bucket by them: keys that differ only above (the trie's
        // `node << 32 | syllable`, many nodes with a child by the same syllable)
        // would all probe the same chain. Its high bits depend on every input bit;
        // the rotation brings them down (as rustc-hash 2 does).
        self.hash.rotate_left(26)
    }
}

pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;

/// A read-only copy of the trie laid out for fast lookups: the root's children in
/// a table indexed by syllable id, every other node's children in a short list or,
/// for nodes with many, a small hash table of their own.
#[derive(Clone, Debug, Default)]
pub(crate) struct Frozen {
    /// The children of every node but the root, each node's together, likeliest
    /// first: a list of up to `LINEAR_CHILDREN`, or a hash table (see
    /// [`Frozen::child`]); each child is its syllable beside its [`Edge`], so that
    /// one load finds both.
    children: Vec<(u32, Edge)>,
    /// Syllable id → child of the root (`Edge::NONE` if none).
    root_edge: Vec<Edge>,
    /// Words that cost less than this are among the most frequent ones.
    frequent_below: u32,
    /// Syllable keys of at most 16 bytes (see [`pack16`]) → syllable id and the
    /// root's child by it, by open addressing with linear probing (key 0: empty),
    /// key and values side by side, filled likeliest first.
    short: Vec<Short>,
}

/// The bytes of a key of at most 16 bytes as a number (little-endian, zero above),
/// never 0 for a non-empty key of UTF-8 text.
#[inline]
pub(crate) fn pack16(key: &[u8]) -> Option<u128> {
    let mut buf = [0u8; 16];
    buf.get_mut(..key.len())?.copy_from_slice(key);
    Some(u128::from_le_bytes(buf))
}

/// The packed key of `bytes[start..start + len]` within 16 bytes of the end of
/// the text (the last syllables of a short string: a query, a word typed), for
/// [`Frozen::unit_at`].
#[cold]
#[inline(never)]
fn tail_key(bytes: &[u8], start: usize, len: usize) -> Option<u128> {
    pack16(bytes.get(start..start.checked_add(len)?)?).filter(|&k| k != 0)
}

/// A slot of `Frozen::short`: a packed key (see [`pack16`]), its syllable id and
/// the root's child by it.
#[derive(Copy, Clone, Debug)]
struct Short {
    lo: u64,
    hi: u64,
    id: u32,
    /// The root's child by this syllable (`Edge::NONE` if none), so that a lookup
    /// also gives the first step of a walk.
    root: Edge,
}

/// In `Short::id`: the syllable is a lone consonant (a letter of an
/// abbreviation such as ສປປ).
const BARE: u32 = 1 << 31;

/// `KEEP_BYTES[n]` keeps the low `n` bytes of a `u128`.
static KEEP_BYTES: [u128; 17] = {
    let mut t = [0u128; 17];
    let mut n = 1;
    while n <= 16 {
        t[n] = u128::MAX >> (8 * (16 - n));
        n += 1;
    }
    t
};

/// Slot of a packed key in a table of `mask + 1` slots.
#[inline]
fn short_slot(key: u128, mask: usize) -> usize {
    let x = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & mask
}

impl Frozen {
    /// The table's entry for the syllable whose key packs to `key` (see
    /// [`pack16`]), if the dictionary has the syllable.
    #[inline]
    fn short_entry(&self, key: u128) -> Option<&Short> {
        let mask = self.short.len().checked_sub(1)?;
        let (lo, hi) = (key as u64, (key >> 64) as u64);
        let mut i = short_slot(key, mask);
        loop {
            let e = self.short.get(i)?;
            if e.lo == lo && e.hi == hi {
                return Some(e);
            }
            if e.lo | e.hi == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Id of the syllable whose key packs to `key` (see [`pack16`]), with the
    /// root's child by it, if the dictionary has the syllable.
    #[inline]
    pub(crate) fn short_id(&self, key: u128) -> Option<(u32, Edge)> {
        self.short_entry(key).map(|e| (e.id & !BARE, e.root))
    }

    /// The syllable `bytes[start..start + len]` as it stands (no ໆ; search form or
    /// one of the spellings text often has): its id, the root's child by it, and
    /// whether it is a lone consonant. `None` if the table does not have it (the
    /// caller then looks it up otherwise).
    #[inline]
    pub(crate) fn unit_at(
        &self,
        bytes: &[u8],
        start: usize,
        len: usize,
    ) -> Option<(u32, Edge, bool)> {
        let key = match bytes.get(start..)?.first_chunk::<16>() {
            Some(chunk) => u128::from_le_bytes(*chunk) & KEEP_BYTES.get(len)?,
            None => tail_key(bytes, start, len)?,
        };
        self.short_entry(key)
            .map(|e| (e.id & !BARE, e.root, e.id & BARE != 0))
    }

    /// The child by syllable `sid` of the node `at` leads to ([`Edge::ROOT`] for
    /// the root), if there is one.
    #[inline]
    pub(crate) fn step(&self, at: Edge, sid: u32) -> Option<Edge> {
        let e = if at.len == Edge::ROOT.len {
            self.root_edge.get(sid as usize).copied()?
        } else {
            self.child(at, sid)
        };
        (e.len != Edge::NONE.len).then_some(e)
    }

    /// [`Frozen::step`] from a node other than the root: the child by `sid`, or
    /// [`Edge::NONE`].
    #[inline]
    pub(crate) fn child(&self, at: Edge, sid: u32) -> Edge {
        if at.sig & sig_bit(sid) == 0 {
            return Edge::NONE;
        }
        let (a, len) = (at.start as usize, at.len as usize);
        let Some(kids) = self.children.get(a..a + len) else {
            return Edge::NONE;
        };
        if len <= LINEAR_CHILDREN {
            for k in kids {
                if k.0 == sid {
                    return k.1;
                }
            }
            Edge::NONE
        } else {
            // A hash table of a power of two slots, at most half full.
            let mask = len - 1;
            let mut i = child_slot(sid, mask);
            loop {
                match kids.get(i) {
                    Some(&(s, e)) if s == sid => return e,
                    Some(&(NO_SID, _)) | None => return Edge::NONE,
                    _ => i = (i + 1) & mask,
                }
            }
        }
    }

    /// The root's child by syllable `sid` (`Edge::NONE` if none).
    #[inline]
    pub(crate) fn root(&self, sid: u32) -> Edge {
        self.root_edge
            .get(sid as usize)
            .copied()
            .unwrap_or(Edge::NONE)
    }

    /// Words cheaper than this (milli-nats) are among the dictionary's most frequent.
    #[inline]
    pub(crate) fn frequent_below(&self) -> u32 {
        self.frequent_below
    }
}

/// Spellings that text often has of the search-form syllable `s` instead of `s`
/// itself: ໍາ for ຳ (with the tone mark before or after ໍ), ຫນ / ຫມ for ໜ / ໝ,
/// ເເ for ແ, ຫລ for ຫຼ, and a tone mark typed before the vowel sign above, in
/// every combination. The caller keeps those that normalise back to `s`.
fn spelling_variants(s: &str) -> Vec<String> {
    // The rewrites that apply, found in one pass over the pairs of characters.
    let (mut rules, mut prev) = (0u8, '\0');
    for c in s.chars() {
        rules |= match (prev, c) {
            (_, 'ຳ') if TONES.contains(&prev) => 0b11,
            (_, 'ຳ') => 0b1,
            (_, 'ໜ' | 'ໝ') => 0b100,
            (_, 'ແ') => 0b1000,
            ('ຫ', '\u{EBC}') => 0b1_0000,
            (_, t) if TONES.contains(&t) && ABOVE.contains(&prev) => 0b10_0000,
            _ => 0,
        };
        prev = c;
    }
    let rules: Vec<usize> = (0..6).filter(|k| rules & 1 << k != 0).collect();
    // Every combination of them, applied in order (ໍາ and ໍ before the tone mark
    // exclude each other).
    let mut out: Vec<String> = Vec::new();
    'combination: for pick in 1..1u32 << rules.len() {
        let mut v = s.to_string();
        for (bit, &k) in rules.iter().enumerate() {
            if pick & 1 << bit != 0 {
                match respell(k, &v) {
                    Some(w) => v = w,
                    None => continue 'combination,
                }
            }
        }
        out.push(v);
    }
    out
}

/// The Lao vowel signs above a consonant.
const ABOVE: [char; 6] = [
    '\u{EB1}', '\u{EB4}', '\u{EB5}', '\u{EB6}', '\u{EB7}', '\u{EBB}',
];

/// The Lao tone marks.
const TONES: [char; 4] = ['\u{EC8}', '\u{EC9}', '\u{ECA}', '\u{ECB}'];

/// Rewrite `k` of [`spelling_variants`] applied to `x`, if it applies.
fn respell(k: usize, x: &str) -> Option<String> {
    // The first place where one of `a` is followed by one of `b`: the byte
    // offset of the first and the two characters.
    let pair = |a: &[char], b: &[char]| -> Option<(usize, char, char)> {
        let mut it = x.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            match it.peek() {
                Some(&(_, d)) if a.contains(&c) && b.contains(&d) => return Some((i, c, d)),
                _ => {}
            }
        }
        None
    };
    // `x` with the two (3-byte) characters at byte `i` replaced by `with`.
    let splice = |i: usize, with: &str| format!("{}{with}{}", &x[..i], &x[i + 6..]);
    match k {
        0 => x.contains('ຳ').then(|| x.replace('ຳ', "\u{ECD}າ")),
        // ນ້ຳ → ນໍ້າ: ໍ before the tone mark.
        1 => pair(&TONES, &['ຳ']).map(|(i, t, _)| splice(i, &format!("\u{ECD}{t}າ"))),
        2 => x
            .contains(['ໜ', 'ໝ'])
            .then(|| x.replace('ໜ', "ຫນ").replace('ໝ', "ຫມ")),
        3 => x.contains('ແ').then(|| x.replace('ແ', "ເເ")),
        4 => x.contains("ຫຼ").then(|| x.replace("ຫຼ", "ຫລ")),
        // ກີ່ → ກ່ີ: the tone mark before the vowel sign above.
        _ => pair(&ABOVE, &TONES).map(|(i, v, t)| splice(i, &format!("{t}{v}"))),
    }
}

/// Between the syllables of a key of a compiled dictionary (U+001F, the unit
/// separator), so that loading it does not segment every word again. Keys without
/// it (one syllable, or a file written before) are segmented on load.
const SYLLABLE_MARK: char = '\u{1F}';

/// The key under which `akson-dict-build` files `word` in a compiled dictionary:
/// the word with [`SYLLABLE_MARK`] between its syllables.
#[doc(hidden)]
pub fn compiled_key(word: &str) -> String {
    let mut key = String::with_capacity(word.len() + 8);
    for (i, unit) in syllables(word).enumerate() {
        if i > 0 {
            key.push(SYLLABLE_MARK);
        }
        key.push_str(unit);
    }
    key
}

/// Nodes with at most this many children list them; larger ones hash them.
const LINEAR_CHILDREN: usize = 8;
/// An empty slot of a node's hash table of children.
const NO_SID: u32 = u32::MAX;

/// Slot of syllable `sid` in a node's hash table of `mask + 1` slots.
#[inline]
fn child_slot(sid: u32, mask: usize) -> usize {
    ((sid as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & mask
}

/// A node of the trie as the walk needs it: where its children are in
/// `Frozen::children`, and the cost of the word ending there (`NO_WORD` if none).
#[derive(Copy, Clone, Debug)]
pub(crate) struct Edge {
    start: u32,
    len: u32,
    cost: u32,
    /// One bit for each child's syllable (see [`sig_bit`]): a syllable whose bit
    /// is clear has no child here, so most failed steps read no child list.
    sig: u32,
}

/// The bit of syllable `sid` in [`Edge::sig`].
#[inline]
fn sig_bit(sid: u32) -> u32 {
    1 << (sid.wrapping_mul(0x9E37_79B9) >> 27)
}

impl Edge {
    /// The root, to start a walk from (see [`Frozen::step`]).
    pub(crate) const ROOT: Edge = Edge {
        start: 0,
        len: u32::MAX,
        cost: NO_WORD,
        sig: u32::MAX,
    };
    /// No node (an empty slot).
    pub(crate) const NONE: Edge = Edge {
        start: 0,
        len: u32::MAX - 1,
        cost: NO_WORD,
        sig: 0,
    };

    /// Whether this is a node (not `NONE`).
    #[inline]
    pub(crate) fn is_node(self) -> bool {
        self.len != Edge::NONE.len
    }

    /// Cost (milli-nats) of the word ending at this child, if one does.
    #[inline]
    pub(crate) fn word_cost(self) -> Option<u32> {
        (self.cost != NO_WORD).then_some(self.cost)
    }

    /// Cost (milli-nats) of the word ending at this child, `u32::MAX` if none (so
    /// that a walk can add it without a branch, saturating).
    #[inline]
    pub(crate) fn cost_or_max(self) -> u32 {
        self.cost
    }
}

/// A word, its cost and the byte lengths of its first and last syllables if
/// known (see [`Dictionary::entries_unsorted`]).
pub(crate) type EntryWithEnds = (String, u32, Option<(usize, usize)>);

/// [`Dictionary::remove`] builds the trie afresh once the words removed are at
/// least this many, and as many as the words left.
const REBUILD_AFTER_REMOVALS: usize = 4_096;

/// How many of the cheapest words count as frequent (see `frequent_below`).
const FREQUENT_WORDS: usize = 300;

const NO_NODE: u32 = u32::MAX;

/// A Lao word dictionary: a trie over syllables with a cost per word.
///
/// Cheap to query and to change; see the [module documentation](self).
/// [`Dictionary::default`] is [`Dictionary::new`], a copy of the embedded
/// dictionary; [`Dictionary::empty`] has no words.
#[derive(Clone)]
pub struct Dictionary {
    /// Lookup tables, rebuilt on first use after a change.
    frozen: OnceLock<Frozen>,
    /// Search-form syllable → syllable id.
    syllable_ids: HashMap<Box<str>, u32, FxBuild>,
    /// Syllable id → search-form syllable.
    syllable_names: Vec<Box<str>>,
    /// (node << 32 | syllable id) → child node.
    edges: HashMap<u64, u32, FxBuild>,
    /// Cost of the word ending at each node, in milli-nats, or `NO_WORD`.
    costs: Vec<u32>,
    /// Canonical spelling of the word ending at a node (the first one added).
    spellings: HashMap<u32, Box<str>, FxBuild>,
    /// For a word whose syllables are others in running text (see
    /// [`context_splits`]), the nodes of those other paths, which carry its cost
    /// for segmentation but are not entries of their own.
    aliases: HashMap<u32, Vec<u32>, FxBuild>,
    /// Each of those nodes → the node of its word: a spelling that reads as the
    /// other syllables (ຄອມເພ\u{AD}ລັກ, with a soft hyphen) is the same entry.
    owners: HashMap<u32, u32, FxBuild>,
    words: usize,
    /// Words removed since the trie was last built afresh (see [`Dictionary::remove`]).
    removed: usize,
}

/// A copy of the embedded default dictionary, as [`Dictionary::new`] gives; use
/// [`Dictionary::empty`] for one with no words.
///
/// ```
/// let d = akson::Dictionary::default();
/// assert_eq!(d.len(), akson::Dictionary::embedded().len());
/// assert!(d.contains("ປະເທດ"));
/// ```
impl Default for Dictionary {
    fn default() -> Dictionary {
        Dictionary::new()
    }
}

impl std::fmt::Debug for Dictionary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dictionary")
            .field("words", &self.words)
            .field("syllables", &self.syllable_names.len())
            .finish()
    }
}

/// `unit` without the ໆ at its end (compared as bytes: E0 BB 86).
#[inline]
pub(crate) fn strip_kola(mut unit: &str) -> &str {
    while let [.., 0xE0, 0xBB, 0x86] = unit.as_bytes() {
        unit = &unit[..unit.len() - 3];
    }
    unit
}

/// The search-form key of a syllable unit: ໆ dropped.
#[inline]
pub(crate) fn syllable_key(unit: &str) -> std::borrow::Cow<'_, str> {
    let unit = strip_kola(unit);
    normalize(unit, Form::Search)
}

/// Decodes the embedded dictionary afresh, as [`Dictionary::embedded`] does once.
/// Only useful to measure that (`examples/profile_syllables.rs`, `load`).
#[doc(hidden)]
pub fn decode_embedded() -> Dictionary {
    Dictionary::from_embedded_fst(EMBEDDED_FST)
        .expect("the embedded dictionary is valid (checked by the test suite)")
}

/// An error of the `fst` crate with its cause: its `Display` alone says only
/// "FST error" for a file that is too short or fails its checksum.
fn fst_error_text(e: &fst::Error) -> String {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// The error for a compiled dictionary that cannot be read.
fn damaged(why: &str) -> Error {
    Error::InvalidDictionary(format!(
        "the compiled dictionary is damaged ({why}): use an intact copy of the file, \
         or load the word list it was made from"
    ))
}

/// The little-endian `u64` at byte `at`, if the bytes are there.
fn le_u64(bytes: &[u8], at: usize) -> Option<u64> {
    let b: [u8; 8] = bytes.get(at..at.checked_add(8)?)?.try_into().ok()?;
    Some(u64::from_le_bytes(b))
}

/// Checks the nodes of an fst before the fst crate reads them. The crate trusts
/// a file that passes its checksum, so a forged one, or one that a faulty tool
/// wrote, checksum and all, could make it read past the file or fail an
/// assertion (a panic, or a trap in WebAssembly). Each node is checked once, the first time the walk reaches it, with
/// the layout of the crate's format (`fst::raw::node`, versions 1 to 3): every byte
/// that reading the node and its transitions touches lies in the file, the pack
/// sizes are ones the format writes, and every transition leads to a lower
/// address (so every walk ends).
struct FstCheck<'a> {
    bytes: &'a [u8],
    version: u64,
    /// One bit per address: checked already.
    seen: Vec<u64>,
}

impl<'a> FstCheck<'a> {
    fn new(bytes: &'a [u8], version: u64) -> FstCheck<'a> {
        FstCheck {
            bytes,
            version,
            seen: vec![0; bytes.len() / 64 + 1],
        }
    }

    /// Checks the node at `addr`, if not done yet.
    #[inline]
    fn node(&mut self, addr: usize) -> Result<(), Error> {
        let (word, bit) = (addr / 64, 1u64 << (addr % 64));
        if self.seen.get(word).is_some_and(|w| w & bit != 0) {
            return Ok(());
        }
        self.layout(addr).ok_or_else(|| {
            damaged(&if addr < self.bytes.len() {
                format!("its node at byte {addr} is malformed")
            } else {
                format!(
                    "a node address, {addr}, is past its end ({} bytes)",
                    self.bytes.len()
                )
            })
        })?;
        if let Some(w) = self.seen.get_mut(word) {
            *w |= bit;
        }
        Ok(())
    }

    /// `Some` if the node at `addr` can be read, transitions and outputs included.
    fn layout(&self, addr: usize) -> Option<()> {
        // Address 0 is the crate's empty final node, which it never reads.
        if addr == 0 {
            return Some(());
        }
        let b = self.bytes;
        let state = *b.get(addr)?;
        // A transition's address, packed in `size` bytes at `at` as its distance
        // below `end` (0: the empty final node), must not go below 0.
        let delta_ok = |at: usize, size: usize, end: usize| -> Option<()> {
            let d = b.get(at..at + size)?;
            let d = d.iter().rev().fold(0u64, |n, &x| n << 8 | x as u64);
            (d <= end as u64).then_some(())
        };
        // The state byte's low six bits: in a one-transition node, the input
        // byte (as an index of common bytes; 0: the input is the byte before);
        // in another node, the number of transitions (0: it is the byte before).
        let input_len = usize::from(state & 0x3F == 0);
        match state >> 6 {
            // One transition, to the node that ends just below this one.
            0b11 => {
                addr.checked_sub(input_len)?.checked_sub(1)?;
            }
            // One transition, with its address and output packed.
            0b10 => {
                let sizes = *b.get(addr.checked_sub(input_len + 1)?)?;
                let (t, o) = ((sizes >> 4) as usize, (sizes & 0x0F) as usize);
                if !(1..=8).contains(&t) || o > 8 {
                    return None;
                }
                let end = addr.checked_sub(input_len + 1 + t + o)?;
                delta_ok(end + o, t, end)?;
            }
            // Any number of transitions (0 to 256), each with its input, address
            // and output, past 32 with an index of the inputs.
            _ => {
                let ntrans_len = input_len;
                let ntrans = if ntrans_len == 0 {
                    (state & 0x3F) as usize
                } else {
                    match *b.get(addr.checked_sub(1)?)? {
                        1 => 256,
                        n => n as usize,
                    }
                };
                let sizes = *b.get(addr.checked_sub(ntrans_len + 1)?)?;
                let (t, o) = ((sizes >> 4) as usize, (sizes & 0x0F) as usize);
                if (ntrans > 0 && t == 0) || t > 8 || o > 8 {
                    return None;
                }
                let index = if self.version >= 2 && ntrans > 32 {
                    256
                } else {
                    0
                };
                let is_final = state & 0x40 != 0;
                let end = addr.checked_sub(
                    ntrans_len + 1 + index + ntrans * (1 + t + o) + if is_final { o } else { 0 },
                )?;
                // The addresses, below the inputs; the first one highest.
                let top = addr - ntrans_len - 1 - index - ntrans;
                for i in 1..=ntrans {
                    delta_ok(top - i * t, t, end)?;
                }
            }
        }
        Some(())
    }
}

impl Dictionary {
    /// A dictionary with no words.
    pub fn empty() -> Dictionary {
        Dictionary {
            frozen: OnceLock::new(),
            syllable_ids: HashMap::default(),
            syllable_names: Vec::new(),
            edges: HashMap::default(),
            // The root's: no word is the empty string.
            costs: vec![NO_WORD],
            spellings: HashMap::default(),
            aliases: HashMap::default(),
            owners: HashMap::default(),
            words: 0,
            removed: 0,
        }
    }

    /// A copy of the embedded default dictionary, to change as you like.
    ///
    /// Use [`Dictionary::embedded`] to share the default without copying it.
    pub fn new() -> Dictionary {
        Dictionary::embedded().clone()
    }

    /// The embedded default dictionary, built on first use and shared.
    pub fn embedded() -> &'static Dictionary {
        static DICT: OnceLock<Dictionary> = OnceLock::new();
        DICT.get_or_init(|| {
            Dictionary::from_embedded_fst(EMBEDDED_FST)
                .expect("the embedded dictionary is valid (checked by the test suite)")
        })
    }

    /// Reads a compiled dictionary: an `fst` map from word to cost in milli-nats,
    /// the format of the embedded dictionary (which `akson-dict-build` writes
    /// with U+001F between the syllables of each key). Any such map will do, for
    /// instance one built with the `fst` crate's `MapBuilder` from sorted words;
    /// a key without U+001F is segmented here. An empty input gives an empty
    /// dictionary. Anything else that is not such a map, fails its checksum,
    /// has a malformed node or a key that a word list could not hold (Latin,
    /// spaces, digits, a mark with no letter: see [`Dictionary::add`]) is an
    /// [`Error::InvalidDictionary`], never a panic.
    pub fn from_fst_bytes(bytes: &[u8]) -> Result<Dictionary, Error> {
        Dictionary::read_fst(bytes, true)
    }

    /// [`Dictionary::from_fst_bytes`] for an fst that this crate embeds, built by
    /// `akson-dict-build` and read by the tests with every node checked: its
    /// nodes are not checked again (`FstCheck` would add an eighth to the load).
    pub(crate) fn from_embedded_fst(bytes: &'static [u8]) -> Result<Dictionary, Error> {
        Dictionary::read_fst(bytes, false)
    }

    /// Reads a compiled dictionary; `check`: check each node before the fst
    /// crate reads it (see `FstCheck`).
    fn read_fst(bytes: &[u8], check: bool) -> Result<Dictionary, Error> {
        let mut dict = Dictionary::empty();
        if bytes.is_empty() {
            return Ok(dict);
        }
        // The format's version, and the root's address from the footer. The
        // crate takes the root's address and the key count as `usize`, and panics
        // where one does not fit (32-bit targets: WebAssembly); `fst::Map::new`
        // checks where the root is only for an empty fst, so `FstCheck` checks
        // the root like every other node.
        let version = le_u64(bytes, 0).unwrap_or(0);
        let mut root = 0;
        if bytes.len() >= 36 {
            let end = bytes.len() - if version >= 3 { 4 } else { 0 };
            let addr = |at| le_u64(bytes, at).map(usize::try_from);
            // A truncated file's footer is other bytes: a root past the end
            // (checked before the number is taken as `usize`, so that every
            // platform gives this cause rather than a checksum or an address).
            match (addr(end - 8), addr(end - 16)) {
                (Some(Ok(r)), Some(Ok(_))) if r < bytes.len() => root = r,
                (Some(Ok(_)), Some(Ok(_))) | (Some(Err(_)), _) => {
                    return Err(damaged(
                        "its footer gives a root past the end of the file, as a truncated \
                         file's does",
                    ))
                }
                _ => {
                    return Err(damaged(
                        "its footer holds a number this platform cannot address",
                    ))
                }
            }
        }
        let map = fst::Map::new(bytes).map_err(|e| {
            Error::InvalidDictionary(format!(
                "not a compiled akson dictionary ({}): that is an fst map from words \
                 to costs in milli-nats; a word list (one word per line) is read as \
                 text instead",
                fst_error_text(&e)
            ))
        })?;
        // A damaged file fails its checksum here instead of being read; a forged
        // one (or one a faulty tool wrote, checksum and all) is caught node by
        // node below (`FstCheck`).
        map.as_fst()
            .verify()
            .map_err(|e| damaged(&fst_error_text(&e)))?;
        // Never trust the header's key count for allocation: it cannot exceed the
        // number of bytes.
        let n = map.len().min(bytes.len());
        dict.edges.reserve(n.saturating_mul(2));
        dict.costs.reserve(n.saturating_mul(2));
        dict.syllable_ids.reserve(n / 4);
        dict.syllable_names.reserve(n / 4);
        dict.spellings.reserve(n);
        // The keys in order, depth first over the fst's nodes (what `Map::stream`
        // gives, without its automaton machinery). `low` is the length of the
        // prefix this key shares with the one before it, so that the syllables
        // of that prefix are not looked up again (see `insert_key`).
        let fst = map.as_fst();
        let mut check = check.then(|| FstCheck::new(bytes, version));
        if let Some(check) = &mut check {
            check.node(root)?;
        }
        let mut key: Vec<u8> = Vec::new();
        let mut stack = vec![(fst.root(), 0usize, 0u64)];
        let mut path = Vec::new();
        let mut low = 0usize;
        if fst.root().is_final() {
            dict.insert_cost("", 0)?;
        }
        while let Some(top) = stack.last_mut() {
            let (node, i, out) = *top;
            if i == node.len() {
                stack.pop();
                key.pop();
                low = low.min(key.len());
                continue;
            }
            top.1 += 1;
            let t = node.transition(i);
            if let Some(check) = &mut check {
                check.node(t.addr)?;
            }
            let child = fst.node(t.addr);
            let out = out.wrapping_add(t.out.value());
            key.push(t.inp);
            if child.is_final() {
                let cost = out.wrapping_add(child.final_output().value());
                let cost = u32::try_from(cost).unwrap_or(NO_WORD - 1).min(NO_WORD - 1);
                dict.insert_key(&key, low, &mut path, cost, check.is_some())?;
                low = key.len();
            }
            stack.push((child, 0, out));
        }
        Ok(dict)
    }

    /// Reads a word list (see the [module documentation](self) for the format).
    pub fn from_word_list(text: &str) -> Result<Dictionary, Error> {
        let mut dict = Dictionary::empty();
        dict.extend_from_word_list(text)?;
        Ok(dict)
    }

    /// Reads a dictionary file: a compiled `fst` dictionary or a UTF-8 word list.
    pub fn load(path: impl AsRef<std::path::Path>) -> Result<Dictionary, Error> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|e| Error::Io {
            what: format!("cannot read dictionary {}", path.display()),
            source: e,
        })?;
        Dictionary::from_bytes(&bytes).map_err(|e| match e {
            Error::InvalidDictionary(m) => {
                Error::InvalidDictionary(format!("{}: {m}", path.display()))
            }
            other => other,
        })
    }

    /// Reads a compiled dictionary or a UTF-8 word list from memory.
    pub fn from_bytes(bytes: &[u8]) -> Result<Dictionary, Error> {
        if is_compiled(bytes) {
            return Dictionary::from_fst_bytes(bytes);
        }
        let text = std::str::from_utf8(bytes).map_err(|e| {
            let at = e.valid_up_to();
            let before = &bytes[..at];
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            Error::InvalidDictionary(format!(
                "line {line}: invalid UTF-8 at byte offset {} of the line (byte {at} of the \
                 list); word lists must be UTF-8",
                at - line_start
            ))
        })?;
        Dictionary::from_word_list(text)
    }

    /// Adds the words of a word list; returns how many entries were read.
    ///
    /// Words listed with a count are added first; then those without one, fewest
    /// syllables first, each with [`Dictionary::suggested_count`] weighed against
    /// the dictionary as it then is. A word the dictionary has already keeps the
    /// lower of its two costs: a count lower than its own changes nothing.
    ///
    /// On an error nothing is added, and the message names the line.
    pub fn extend_from_word_list(&mut self, text: &str) -> Result<usize, Error> {
        // A byte-order mark, as some editors write at the start of a file.
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let mut parsed = Vec::new();
        for (no, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (word, count) = match line.split_once('\t') {
                Some((w, c)) => {
                    let count: f64 = c.trim().parse().map_err(|_| {
                        Error::InvalidDictionary(format!(
                            "line {}: {} is not a number: write `word<TAB>count per million`",
                            no + 1,
                            quoted(c.trim())
                        ))
                    })?;
                    // A count too small for an f64 (1e-400) reads as 0: say so, with
                    // the number as written.
                    let mantissa = c.trim().split(['e', 'E']).next().unwrap_or("");
                    if count == 0.0 && mantissa.contains(|d: char| matches!(d, '1'..='9')) {
                        return Err(Error::InvalidDictionary(format!(
                            "line {}: count {} is too small to be told from 0 (below about \
                             5e-324): give occurrences per million words, more than 0 and \
                             at most 1000000",
                            no + 1,
                            quoted(c.trim())
                        )));
                    }
                    (w, Some(count))
                }
                None => (line, None),
            };
            let cost = count
                .map(count_cost)
                .transpose()
                .map_err(|m| Error::InvalidDictionary(format!("line {}: {m}", no + 1)))?;
            check_word(word)
                .map_err(|m| Error::InvalidDictionary(format!("line {}: {m}", no + 1)))?;
            parsed.push((word, cost));
        }
        // Words with a count first; then those without, as `add` does, shortest
        // first, so that each is weighed against the words its split can have.
        let mut uncounted = Vec::new();
        for &(word, cost) in &parsed {
            match cost {
                Some(cost) => self.insert_cost(word, cost)?,
                None => uncounted.push((syllables(word).count(), word)),
            }
        }
        // (Length by length, rather than sorted: a sort adds about 4 KiB to the
        // WebAssembly module.)
        for n in 0..=MAX_WORD_SYLLABLES {
            for &(_, word) in uncounted
                .iter()
                .filter(|&&(k, _)| k.min(MAX_WORD_SYLLABLES) == n)
            {
                let cost = self.suggested_cost(word);
                self.insert_cost(word, cost)?;
            }
        }
        Ok(parsed.len())
    }

    /// Adds `word` so that the segmenter finds it whole, or lowers its cost if it
    /// is already there with a higher one.
    ///
    /// The word gets the count [`Dictionary::suggested_count`] gives: once per
    /// million words, or, where the dictionary's other words would split it
    /// (ໃຫ້|ການ for ໃຫ້ການ), often enough to beat that split. Give a count of your
    /// own with [`Dictionary::add_with_count`].
    ///
    /// Errors when the word is empty, holds spaces, characters other than Lao
    /// letters and marks (or a Lao code point Unicode has not assigned), Lao digits
    /// or ຯ, has no consonant, has a syllable that starts with a mark or a vowel
    /// with no letter to sit on or that is a lone ໆ, or has more than 16 syllables.
    ///
    /// ```
    /// let mut d = akson::Dictionary::new();
    /// assert_eq!(d.words("ໃຫ້ການ").collect::<Vec<_>>(), ["ໃຫ້", "ການ"]);
    /// d.add("ໃຫ້ການ").unwrap();
    /// assert_eq!(d.words("ໃຫ້ການສະໜັບສະໜູນ").collect::<Vec<_>>(), ["ໃຫ້ການ", "ສະໜັບສະໜູນ"]);
    /// ```
    pub fn add(&mut self, word: &str) -> Result<(), Error> {
        check_word(word).map_err(Error::InvalidArgument)?;
        let cost = self.suggested_cost(word);
        self.insert_cost(word, cost)
    }

    /// Adds `word` occurring `per_million` times per million words (more than 0,
    /// at most 1,000,000), or lowers its cost to that if it is already there with
    /// a higher one.
    pub fn add_with_count(&mut self, word: &str, per_million: f64) -> Result<(), Error> {
        let cost = count_cost(per_million).map_err(Error::InvalidArgument)?;
        check_word(word).map_err(Error::InvalidArgument)?;
        self.insert_cost(word, cost)
    }

    /// How often, per million words, `word` must occur for the segmenter to find
    /// it whole with this dictionary: 1, or, where the dictionary's other words
    /// cover its syllables more cheaply, e times as often as that cheapest split
    /// (capped at 1,000,000). This is the count [`Dictionary::add`] and word-list
    /// lines without a count give. The word's own entry, if any, is not counted.
    ///
    /// Weighed on the word alone: in running text a neighbour can still take one
    /// of its syllables, where the neighbour's words are likelier.
    ///
    /// Errors on words that [`Dictionary::add`] refuses.
    ///
    /// ```
    /// let d = akson::Dictionary::new();
    /// // A name: its split, ວົງ|ວິຈິດ, is rarer than once per million words.
    /// assert_eq!(d.suggested_count("ວົງວິຈິດ").unwrap(), 1.0);
    /// assert!(d.suggested_count("ໃຫ້ການ").unwrap() > 1.0); // ໃຫ້ and ການ are common
    /// ```
    pub fn suggested_count(&self, word: &str) -> Result<f64, Error> {
        check_word(word).map_err(Error::InvalidArgument)?;
        Ok(cost_count(self.suggested_cost(word)))
    }

    /// The cost (milli-nats) of [`Dictionary::suggested_count`]: the default, or
    /// [`SPLIT_MARGIN`] less than the cheapest cover of the word's syllables by
    /// other words of the dictionary. A checked word.
    fn suggested_cost(&self, word: &str) -> u32 {
        let sids: Vec<Option<u32>> = syllables(word)
            .map(syllable_key)
            .filter(|k| !k.is_empty())
            .map(|k| self.syllable_id(&k))
            .collect();
        let n = sids.len();
        // The cheapest cover of the first i syllables.
        let mut best = vec![u64::MAX; n + 1];
        best[0] = 0;
        for i in 0..n {
            if best[i] == u64::MAX {
                continue;
            }
            let mut node = 0u32;
            for (j, sid) in sids.iter().enumerate().skip(i) {
                let Some(child) = sid.and_then(|sid| self.edge(node, sid)) else {
                    break;
                };
                node = child;
                let c = self.costs[node as usize];
                if c != NO_WORD && !(i == 0 && j + 1 == n) {
                    best[j + 1] = best[j + 1].min(best[i] + c as u64);
                }
            }
        }
        match best[n] {
            u64::MAX => DEFAULT_COST,
            split => split
                .saturating_sub(SPLIT_MARGIN as u64)
                .min(DEFAULT_COST as u64) as u32,
        }
    }

    /// Removes `word` (in any spelling that [`Dictionary::contains`] finds);
    /// returns whether it was there.
    ///
    /// A removed word's place in the trie is not freed at once. Once the words
    /// removed outnumber those left (and are at least 4,096), the trie is built
    /// again from the words left, as [`Dictionary::merge`] into an empty
    /// dictionary would, so that a long-running service that adds and removes
    /// words keeps memory for the words it has. That one call takes about as long
    /// as reading the words again (some 0.1 s for the embedded dictionary's).
    pub fn remove(&mut self, word: &str) -> bool {
        let removed = self.remove_word(word);
        if removed {
            self.removed += 1;
            if self.removed >= self.words.max(REBUILD_AFTER_REMOVALS) {
                let mut fresh = Dictionary::empty();
                fresh.merge(self);
                *self = fresh;
            }
        }
        removed
    }

    /// [`Dictionary::remove`] but for the rebuild.
    fn remove_word(&mut self, word: &str) -> bool {
        match self.node_of(word) {
            Some(node) if self.costs[node as usize] != NO_WORD => {
                self.frozen = OnceLock::new();
                self.costs[node as usize] = NO_WORD;
                for alias in self.aliases.remove(&node).unwrap_or_default() {
                    self.costs[alias as usize] = NO_WORD;
                    self.owners.remove(&alias);
                }
                // Added again later, the word is spelt as it is then.
                self.spellings.remove(&node);
                self.words -= 1;
                true
            }
            _ => false,
        }
    }

    /// Whether `word` is in the dictionary, in any spelling whose syllables have
    /// the same search form (ດໍາລັດ, ດຳລັດ; not ເວັບໄຊທ for ເວັບໄຊທ໌, whose last
    /// syllable the silent ທ໌ ends: ເວັບ|ໄຊ|ທ against ເວັບ|ໄຊທ໌).
    pub fn contains(&self, word: &str) -> bool {
        self.cost(word).is_some()
    }

    /// The cost of `word` in nats (−ln of its probability), if it is in the dictionary.
    pub fn cost(&self, word: &str) -> Option<f64> {
        let node = self.node_of(word)?;
        let c = self.costs[node as usize];
        (c != NO_WORD).then(|| c as f64 / 1000.0)
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words
    }

    /// Whether there are no words.
    pub fn is_empty(&self) -> bool {
        self.words == 0
    }

    /// Adds every word of `other` (keeping the lower cost where both have a word).
    pub fn merge(&mut self, other: &Dictionary) {
        for (word, cost) in other.entries() {
            // Words of a valid dictionary are valid.
            let _ = self.insert_cost(&word, cost);
        }
    }

    /// The `n` costs (milli-nats) that the most words have, commonest first (fewer
    /// if the dictionary has fewer different costs).
    pub(crate) fn commonest_costs(&self, n: usize) -> Vec<u32> {
        let mut by_cost: HashMap<u32, usize, FxBuild> = HashMap::default();
        for &c in self.costs.iter().filter(|&&c| c != NO_WORD) {
            *by_cost.entry(c).or_default() += 1;
        }
        // Each word once.
        for &alias in self.aliases.values().flatten() {
            if let Some(k) = by_cost.get_mut(&self.costs[alias as usize]) {
                *k -= 1;
            }
        }
        let mut all: Vec<(u32, usize)> = by_cost.into_iter().collect();
        all.sort_unstable_by_key(|&(c, k)| (std::cmp::Reverse(k), c));
        all.into_iter().take(n).map(|(c, _)| c).collect()
    }

    /// Every word (in canonical form, as first added) with its cost in milli-nats,
    /// sorted by word. A word whose canonical form has other syllables than the
    /// spelling added (ill-formed ones only: ແຫມຳ reads as ແຫ|ມຳ, its canonical form
    /// ແໝຳ as ແໝ|ຳ) is listed as added,
    /// so that adding the listed words to another dictionary ([`Dictionary::merge`])
    /// gives the same entries.
    pub fn entries(&self) -> Vec<(String, u32)> {
        let mut out: Vec<(String, u32)> = self
            .spellings
            .iter()
            .filter(|(&node, _)| self.costs[node as usize] != NO_WORD)
            .map(|(&node, w)| (w.to_string(), self.costs[node as usize]))
            .collect();
        out.sort_unstable();
        out
    }

    /// [`Dictionary::entries`] in no particular order, each word with its first
    /// and last syllables as they are written in it, where they can be told
    /// without segmenting the word again (see [`Dictionary::ends_of`]).
    pub(crate) fn entries_unsorted(&self) -> Vec<EntryWithEnds> {
        // The first and last syllable of the word at each node. A node is made
        // after its parent, so parents come first.
        let n = self.costs.len();
        let mut up = vec![(NO_NODE, NO_SID); n];
        for (&key, &child) in &self.edges {
            if let Some(e) = up.get_mut(child as usize) {
                *e = ((key >> 32) as u32, key as u32);
            }
        }
        let mut first = vec![NO_SID; n];
        for child in 1..n {
            let (parent, sid) = up[child];
            first[child] = match parent {
                0 => sid,
                p if (p as usize) < child => first[p as usize],
                _ => NO_SID,
            };
        }
        self.spellings
            .iter()
            .filter(|(&node, _)| self.costs[node as usize] != NO_WORD)
            .map(|(&node, w)| {
                let node = node as usize;
                let ends = self.ends_of(w, first[node], up[node].1);
                (w.to_string(), self.costs[node], ends)
            })
            .collect()
    }

    /// The byte lengths of the first and last syllables of `word`, whose trie path
    /// starts with syllable `first` and ends with `last`: the lengths of their
    /// search-form keys, when the word has nothing that search form drops or
    /// shortens (only Lao letters and marks, no ໌, ໆ, ຯ or digit), so that each
    /// syllable keeps its length; `None` otherwise.
    fn ends_of(&self, word: &str, first: u32, last: u32) -> Option<(usize, usize)> {
        let plain = |c: char| {
            matches!(c, '\u{E81}'..='\u{EC4}' | '\u{EC8}'..='\u{ECB}' | '\u{ECD}' | '\u{EDC}'..='\u{EDF}')
                && c != '\u{EAF}'
        };
        if !word.chars().all(plain) {
            return None;
        }
        let a = self.syllable_names.get(first as usize)?.len();
        let b = self.syllable_names.get(last as usize)?.len();
        let (head, tail) = (word.get(..a)?, word.get(word.len().checked_sub(b)?..)?);
        (normalize(head, Form::Search) == *self.syllable_names[first as usize]
            && normalize(tail, Form::Search) == *self.syllable_names[last as usize])
            .then_some((a, b))
    }

    /// Id of a search-form syllable key, if any dictionary word uses it.
    #[inline]
    pub(crate) fn syllable_id(&self, key: &str) -> Option<u32> {
        self.syllable_ids.get(key).copied()
    }

    /// The lookup tables, built from the trie on first use after a change.
    pub(crate) fn frozen(&self) -> &Frozen {
        self.frozen.get_or_init(|| {
            let n = self.costs.len();
            let mut root = vec![NO_NODE; self.syllable_names.len()];
            let mut edges: Vec<(u32, u32, u32)> = Vec::with_capacity(self.edges.len());
            for (&key, &child) in &self.edges {
                let (node, sid) = ((key >> 32) as u32, key as u32);
                if node == 0 {
                    root[sid as usize] = child;
                } else {
                    edges.push((node, sid, child));
                }
            }
            edges.sort_unstable();
            // The cost of each node's cheapest word at or below it, from the
            // deepest nodes up (a child is numbered after its parent).
            let mut below = self.costs.clone();
            let mut parent = vec![NO_NODE; n];
            for &(node, _, child) in &edges {
                if let Some(p) = parent.get_mut(child as usize) {
                    *p = node;
                }
            }
            for child in (1..n).rev() {
                let c = below[child];
                if let Some(b) = below.get_mut(parent[child] as usize) {
                    *b = (*b).min(c);
                }
            }
            // Each node's children together, the likeliest first: a list is read
            // in this order, and a hash table filled in it, so that the children
            // text has most often are met first. (Each node's sorted apart, as
            // triples of `u32` like `edges`: no sort of a new type, which would add
            // to the WebAssembly module.)
            let mut group: Vec<(u32, u32, u32)> = Vec::new();
            let mut at = 0;
            while at < edges.len() {
                let (node, start) = (edges[at].0, at);
                while at < edges.len() && edges[at].0 == node {
                    at += 1;
                }
                if at - start > 1 {
                    group.clear();
                    group.extend(edges[start..at].iter().map(|&(_, sid, child)| {
                        let cost = below.get(child as usize).copied().unwrap_or(NO_WORD);
                        (cost, sid, child)
                    }));
                    group.sort_unstable();
                    for (e, &(_, sid, child)) in edges[start..at].iter_mut().zip(&group) {
                        *e = (node, sid, child);
                    }
                }
            }
            // Where each node's children go: a list, or past `LINEAR_CHILDREN` a
            // hash table of twice as many slots or more (see `Frozen::child`).
            let mut place = vec![(0u32, 0u32); n];
            let mut total = 0usize;
            let mut at = 0;
            while at < edges.len() {
                let node = edges[at].0 as usize;
                let start = at;
                while at < edges.len() && edges[at].0 as usize == node {
                    at += 1;
                }
                let k = at - start;
                let size = if k <= LINEAR_CHILDREN {
                    k
                } else {
                    (2 * k).next_power_of_two()
                };
                place[node] = (total as u32, size as u32);
                total += size;
            }
            let mut sigs = vec![0u32; n];
            for &(node, sid, _) in &edges {
                if let Some(g) = sigs.get_mut(node as usize) {
                    *g |= sig_bit(sid);
                }
            }
            let edge = |node: u32| match place.get(node as usize) {
                Some(&(start, len)) => Edge {
                    start,
                    len,
                    cost: self.costs.get(node as usize).copied().unwrap_or(NO_WORD),
                    sig: sigs.get(node as usize).copied().unwrap_or(0),
                },
                None => Edge::NONE,
            };
            let mut children = vec![(NO_SID, Edge::NONE); total];
            let mut at = 0;
            while at < edges.len() {
                let node = edges[at].0 as usize;
                let (base, size) = (place[node].0 as usize, place[node].1 as usize);
                let start = at;
                while at < edges.len() && edges[at].0 as usize == node {
                    at += 1;
                }
                for (k, &(_, sid, child)) in edges[start..at].iter().enumerate() {
                    let mut i = if size <= LINEAR_CHILDREN {
                        k
                    } else {
                        child_slot(sid, size - 1)
                    };
                    while children[base + i].0 != NO_SID {
                        i = (i + 1) & (size - 1);
                    }
                    children[base + i] = (sid, edge(child));
                }
            }
            let mut word_costs: Vec<u32> = self
                .costs
                .iter()
                .copied()
                .filter(|&c| c != NO_WORD)
                .collect();
            // The FREQUENT_WORDS cheapest words (or the cheaper half of a small
            // dictionary) are the frequent ones.
            let rank = FREQUENT_WORDS.min(word_costs.len() / 2);
            let frequent_below = if word_costs.is_empty() {
                0
            } else {
                *word_costs.select_nth_unstable(rank).1
            };
            // Each syllable by its key, and by the other spellings that text often
            // has of it (ນໍ້າ for ນ້ຳ, ຫນ for ໜ, ຫລ for ຫຼ, …), so that the segmenter
            // finds those as they stand, without normalising them first.
            let mut short: Vec<(u128, u32)> = Vec::with_capacity(self.syllable_names.len());
            for (sid, name) in self.syllable_names.iter().enumerate() {
                short.extend(pack16(name.as_bytes()).map(|k| (k, sid as u32)));
                for v in spelling_variants(name) {
                    if normalize(&v, Form::Search) == **name {
                        short.extend(pack16(v.as_bytes()).map(|k| (k, sid as u32)));
                    }
                }
            }
            short.retain(|&(k, _)| k != 0);
            short.sort_unstable();
            short.dedup_by_key(|e| e.0);
            // Inserted the likeliest first, so that the syllables text has most
            // often sit where their probe starts: by the cost of the cheapest word
            // that has the syllable anywhere (`below`), the spellings other than
            // the search form after it.
            let mut likely = vec![NO_WORD; self.syllable_names.len()];
            let mut note = |sid: u32, node: u32| {
                if let (Some(l), Some(&c)) =
                    (likely.get_mut(sid as usize), below.get(node as usize))
                {
                    *l = (*l).min(c);
                }
            };
            for (sid, &node) in root.iter().enumerate() {
                note(sid as u32, node);
            }
            for &(_, sid, child) in &edges {
                note(sid, child);
            }
            let canonical: Vec<Option<u128>> = self
                .syllable_names
                .iter()
                .map(|n| pack16(n.as_bytes()))
                .collect();
            // (Sorted as `(u128, u32)`, like `short` itself, ties in key order.)
            let mut order: Vec<(u128, u32)> = short
                .iter()
                .enumerate()
                .map(|(i, &(k, sid))| {
                    let cost = likely.get(sid as usize).copied().unwrap_or(NO_WORD);
                    let variant = canonical.get(sid as usize).copied().flatten() != Some(k);
                    (
                        (cost as u128) << 64 | (variant as u128) << 32 | i as u128,
                        i as u32,
                    )
                })
                .collect();
            order.sort_unstable();
            let short: Vec<(u128, u32)> = order.iter().map(|&(_, i)| short[i as usize]).collect();
            // At most two thirds full (linear probing; filled likeliest first, so
            // that the syllables text has most often take one probe).
            let slots = (short.len() * 3 / 2 + 1).next_power_of_two().max(2);
            let root_edge: Vec<Edge> = root.iter().map(|&n| edge(n)).collect();
            let empty = Short {
                lo: 0,
                hi: 0,
                id: 0,
                root: Edge::NONE,
            };
            let mut table = vec![empty; slots];
            for (key, id) in short {
                let mut i = short_slot(key, slots - 1);
                while table[i].lo | table[i].hi != 0 {
                    i = (i + 1) & (slots - 1);
                }
                let bytes = key.to_le_bytes();
                let len = bytes.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
                let bare = len <= 6
                    && crate::chars::is_lone_consonant(
                        std::str::from_utf8(&bytes[..len]).unwrap_or(""),
                    );
                table[i] = Short {
                    lo: key as u64,
                    hi: (key >> 64) as u64,
                    id: id | if bare { BARE } else { 0 },
                    root: root_edge.get(id as usize).copied().unwrap_or(Edge::NONE),
                };
            }
            Frozen {
                frequent_below,
                short: table,
                children,
                root_edge,
            }
        })
    }

    /// The node of `word`, walking the editable trie (not the frozen tables, which
    /// a change invalidates: lookups between changes stay cheap).
    fn node_of(&self, word: &str) -> Option<u32> {
        let mut node = 0u32;
        let mut any = false;
        for unit in syllables(word) {
            let key = syllable_key(unit);
            if key.is_empty() {
                // Characters the search form removes (U+200B, U+00AD, …).
                continue;
            }
            node = self.edge(node, self.syllable_id(&key)?)?;
            any = true;
        }
        any.then(|| self.owner(node))
    }

    /// The node of the word that `node` is a path of: itself, or for the other
    /// syllables a word has in running text (see [`Dictionary::add_aliases`]), the
    /// word's own node.
    #[inline]
    fn owner(&self, node: u32) -> u32 {
        self.owners.get(&node).copied().unwrap_or(node)
    }

    /// The child of `node` by syllable id `sid` in the editable trie.
    #[inline]
    fn edge(&self, node: u32, sid: u32) -> Option<u32> {
        self.edges
            .get(&(((node as u64) << 32) | sid as u64))
            .copied()
    }

    /// Inserts `word` with `cost` (milli-nats), keeping the lower cost if present.
    fn insert_cost(&mut self, word: &str, cost: u32) -> Result<(), Error> {
        self.insert_units(word, syllables(word), cost)
    }

    /// Adds a key of a compiled dictionary: the word with [`SYLLABLE_MARK`] between
    /// its syllables, or a plain word, which is segmented. `path` holds, for the
    /// key added before (which shares its first `low` bytes with this one), where
    /// each of its syllables ends in it and the node it leads to; the syllables the
    /// two keys share are not looked up again.
    ///
    /// `checked`: the file is not one this crate embeds, so the key is checked as
    /// a word of a word list is ([`check_word`]), and its syllables, if the
    /// U+001F between them are not where this crate's segmenter puts them, are
    /// found again (so that the word is where segmentation looks for it).
    fn insert_key(
        &mut self,
        key: &[u8],
        low: usize,
        path: &mut Vec<(usize, u32)>,
        cost: u32,
        checked: bool,
    ) -> Result<(), Error> {
        let mark = SYLLABLE_MARK as u8;
        let key = std::str::from_utf8(key).map_err(|_| {
            Error::InvalidDictionary("a compiled dictionary key is not UTF-8".into())
        })?;
        let bytes = key.as_bytes();
        if checked {
            let mut word = String::with_capacity(key.len());
            word.extend(key.split(SYLLABLE_MARK));
            if bytes.contains(&mark) && key.split(SYLLABLE_MARK).any(str::is_empty) {
                return Err(Error::InvalidDictionary(format!(
                    "{}: a key of the compiled dictionary with U+001F twice in a row or at an end \
                     has an empty part, which is not a syllable (U+001F goes only between \
                     the syllables of a key, or nowhere)",
                    quoted(&word)
                )));
            }
            // A lone ໆ or ໌ as a syllable is refused when the trie is walked
            // (`child_by`).
            let units: Vec<&str> = syllables(&word).collect();
            check_word_in(&word, units.iter().copied(), false).map_err(|m| {
                Error::InvalidDictionary(format!(
                    "{m} (a key of the compiled dictionary: its words must be what a word \
                     list may hold)"
                ))
            })?;
            // Unless the key's syllables are the segmenter's, the word goes where
            // segmentation will look for it.
            if !(bytes.contains(&mark) && units.iter().copied().eq(key.split(SYLLABLE_MARK))) {
                path.clear();
                return self.insert_units(&word, units.into_iter(), cost);
            }
        }
        if !bytes.contains(&mark) {
            path.clear();
            return self.insert_cost(key, cost);
        }
        // A syllable of the key before ends at `end`: it is this key's too if the
        // shared prefix covers it and a syllable of this key ends there as well.
        let shared = path
            .iter()
            .take_while(|&&(end, _)| end <= low && (end == bytes.len() || bytes[end] == mark))
            .count();
        path.truncate(shared);
        self.frozen = OnceLock::new();
        let (mut start, mut node) = path.last().map_or((0, 0), |&(end, node)| (end + 1, node));
        while start <= bytes.len() {
            let end = bytes[start..]
                .iter()
                .position(|&b| b == mark)
                .map_or(bytes.len(), |i| start + i);
            if path.len() == MAX_WORD_SYLLABLES {
                return Err(Error::InvalidDictionary(format!(
                    "{} has more than {MAX_WORD_SYLLABLES} syllables",
                    quoted(&key.replace(SYLLABLE_MARK, ""))
                )));
            }
            let unit = &key[start..end];
            node = self.child_by(node, unit, || key.replace(SYLLABLE_MARK, ""))?;
            path.push((end, node));
            start = end + 1;
        }
        let node = self.owner(node);
        self.set_word(node, cost, || {
            let mut word = String::with_capacity(key.len());
            let mut rest = key;
            while let Some(i) = rest.bytes().position(|b| b == mark) {
                word.push_str(&rest[..i]);
                rest = &rest[i + 1..];
            }
            word.push_str(rest);
            word
        });
        let last = path.len().checked_sub(2).map_or(0, |i| path[i].0 + 1);
        if may_split_in_context(&key[last..]) {
            let word = key.replace(SYLLABLE_MARK, "");
            self.add_aliases(&word, node, cost)?;
        }
        Ok(())
    }

    /// [`Dictionary::insert_cost`] with the syllables of `word` given.
    fn insert_units<'w>(
        &mut self,
        word: &str,
        units: impl Iterator<Item = &'w str>,
        cost: u32,
    ) -> Result<(), Error> {
        self.frozen = OnceLock::new();
        let mut node = 0u32;
        let mut n = 0;
        let mut last = "";
        for unit in units {
            n += 1;
            if n > MAX_WORD_SYLLABLES {
                return Err(Error::InvalidDictionary(format!(
                    "{} has more than {MAX_WORD_SYLLABLES} syllables",
                    quoted(word)
                )));
            }
            node = self.child_by(node, unit, || word.to_string())?;
            last = unit;
        }
        if n == 0 {
            return Err(Error::InvalidDictionary("empty word".into()));
        }
        let node = self.owner(node);
        self.set_word(node, cost, || word.to_string());
        if may_split_in_context(last) {
            self.add_aliases(word, node, cost)?;
        }
        Ok(())
    }

    /// Files the word `word`, which ends at `node` with `cost`, also under the
    /// syllables it has in running text where they are not its own (see
    /// [`context_splits`]), so that segmentation finds it there too.
    #[cold]
    fn add_aliases(&mut self, word: &str, node: u32, cost: u32) -> Result<(), Error> {
        for ends in context_splits(word) {
            let units: Vec<&str> = std::iter::once(0)
                .chain(ends.iter().copied())
                .zip(&ends)
                .map(|(start, &end)| &word[start..end])
                .collect();
            if units.len() > MAX_WORD_SYLLABLES || units.iter().any(|&u| syllable_key(u).is_empty())
            {
                continue;
            }
            let mut at = 0u32;
            for unit in units {
                at = self.child_by(at, unit, || word.to_string())?;
            }
            // Another word's own node is left alone (a path spells one word, so
            // this is not expected).
            if at == node || self.spellings.contains_key(&at) {
                continue;
            }
            let slot = &mut self.costs[at as usize];
            *slot = (*slot).min(cost);
            self.owners.insert(at, node);
            let aliases = self.aliases.entry(node).or_default();
            if !aliases.contains(&at) {
                aliases.push(at);
            }
        }
        Ok(())
    }

    /// The child of `node` by the syllable `unit` (by its search-form key, interned
    /// if new), made if need be. `word` names the word in the error.
    fn child_by(
        &mut self,
        node: u32,
        unit: &str,
        word: impl FnOnce() -> String,
    ) -> Result<u32, Error> {
        let key = syllable_key(unit);
        if key.is_empty() {
            return Err(Error::InvalidDictionary(format!(
                "{}: {} is not a syllable (a lone ໆ or ໌)",
                quoted(&word()),
                quoted(unit)
            )));
        }
        let sid = match self.syllable_ids.get(&*key) {
            Some(&id) => id,
            None => {
                let id = self.syllable_names.len() as u32;
                self.syllable_names.push(key.clone().into());
                self.syllable_ids.insert(key.into(), id);
                id
            }
        };
        let next = self.costs.len() as u32;
        let child = *self
            .edges
            .entry((node as u64) << 32 | sid as u64)
            .or_insert(next);
        if child == next {
            self.costs.push(NO_WORD);
        }
        Ok(child)
    }

    /// Makes the path to `node` a word of cost `cost` (the lower one, if it is a
    /// word already); a new word is spelt `spelling()` in canonical form, or as
    /// given where the canonical form has other syllables (so that the spelling
    /// [`Dictionary::entries`] lists leads back to the same entry).
    fn set_word(&mut self, node: u32, cost: u32, spelling: impl FnOnce() -> String) {
        debug_assert_eq!(node, self.owner(node));
        let slot = &mut self.costs[node as usize];
        if *slot == NO_WORD {
            self.words += 1;
            *slot = cost;
        } else {
            *slot = (*slot).min(cost);
        }
        // The word's other paths carry its cost.
        let cost = *slot;
        for &alias in self.aliases.get(&node).into_iter().flatten() {
            let slot = &mut self.costs[alias as usize];
            *slot = (*slot).min(cost);
        }
        self.spellings.entry(node).or_insert_with(|| {
            let word = spelling();
            match normalize(&word, Form::Canonical) {
                std::borrow::Cow::Owned(w) if same_syllables(&w, &word) => w.into(),
                _ => word.into(),
            }
        });
    }
}

/// What follows a word in running text, for [`context_splits`]: a syllable that
/// starts with a consonant, and one that starts with a vowel written before it.
const FOLLOWERS: [&str; 2] = ["ກາ", "ເກ"];

/// Whether a word whose last syllable is `last` may have other syllables in
/// running text than its own (see [`context_splits`]): whether ລ, ຣ or ວ follow
/// the syllable's first character (the second letter of a cluster, ເພລັກ).
fn may_split_in_context(last: &str) -> bool {
    let b = last.as_bytes();
    b.len() > 3
        && b[3..]
            .windows(3)
            .any(|w| matches!(w, [0xE0, 0xBA, 0xA3 | 0xA5 | 0xA7]))
}

/// The other ways `word` is split into syllables when Lao text follows it, each
/// as the byte offsets where its syllables end (the last one `word.len()`). The
/// grammar reads some last syllables with a cluster one way at the end of a
/// text and another before more text: ຄອມເພລັກ is ຄອມ|ເພລັກ alone and ຄອມ|ເພ|ລັກ
/// before ດີ, as are ລາຊະເທວີ (ເທວີ, ເທ|ວີ), ຕະຫຼາດເສລີ and some 110 words of the
/// embedded dictionary. A word is filed under its own syllables; these are
/// filed too, so that segmentation finds it in either place.
fn context_splits(word: &str) -> Vec<Vec<usize>> {
    let own: Vec<usize> = syllables(word)
        .scan(0, |end, u| {
            *end += u.len();
            Some(*end)
        })
        .collect();
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut text = String::with_capacity(word.len() + 6);
    for follower in FOLLOWERS {
        text.clear();
        text.push_str(word);
        text.push_str(follower);
        let mut ends = Vec::with_capacity(own.len() + 1);
        let mut end = 0;
        for unit in syllables(&text) {
            end += unit.len();
            if end > word.len() {
                break;
            }
            ends.push(end);
        }
        // Where the word's end is no syllable end in running text (ເທ before ລະ
        // is read ເທລະ), there is no path to file it under.
        if ends.last() == Some(&word.len()) && ends != own && !out.contains(&ends) {
            out.push(ends);
        }
    }
    out
}

/// Whether `a` and `b` have the same syllables, by their search-form keys (as
/// [`Dictionary::node_of`] reads them): whether they are one entry of a dictionary.
/// Not so for some ill-formed spellings and their canonical forms: ແຫມຳ (ແຫ|ມຳ)
/// and ແໝຳ (ແໝ|ຳ).
fn same_syllables(a: &str, b: &str) -> bool {
    let keys = |w| syllables(w).map(syllable_key).filter(|k| !k.is_empty());
    keys(a).eq(keys(b))
}

/// Cost in milli-nats of a word occurring `per_million` times per million words.
fn count_cost(per_million: f64) -> Result<u32, String> {
    if !(per_million.is_finite() && per_million > 0.0 && per_million <= PER_MILLION) {
        // Plain digits for ordinary numbers; 1e308 in the exponent form, not as
        // 309 digits.
        let shown = if per_million.is_finite()
            && (per_million == 0.0 || (1e-4..1e15).contains(&per_million.abs()))
        {
            format!("{per_million}")
        } else {
            format!("{per_million:e}")
        };
        return Err(format!(
            "count {shown} is out of range: give occurrences per million words, \
             more than 0 and at most 1000000"
        ));
    }
    // ln(10⁶ / n); below about n = 1e-302 the quotient is infinite, and the
    // difference of the logarithms (at most about 758 nats, far from `NO_WORD`)
    // is used instead.
    let quotient = PER_MILLION / per_million;
    let nats = if quotient.is_finite() {
        quotient.ln()
    } else {
        PER_MILLION.ln() - per_million.ln()
    };
    Ok((nats * 1000.0).round() as u32)
}

/// The count per million words whose cost ([`count_cost`]) is `cost` milli-nats.
fn cost_count(cost: u32) -> f64 {
    if cost == DEFAULT_COST {
        // 1, not the 0.9995 that ln(10⁶) rounded to milli-nats gives back.
        return 1.0;
    }
    (PER_MILLION / (cost as f64 / 1000.0).exp()).min(PER_MILLION)
}

/// Checks that `word` can be a dictionary entry.
fn check_word(word: &str) -> Result<(), String> {
    check_word_in(word, syllables(word), true)
}

/// [`check_word`] with the syllables of `word` given; `keys`: check that each
/// has a search-form key (is more than a ໆ or ໌).
fn check_word_in<'w>(
    word: &str,
    units: impl Iterator<Item = &'w str>,
    keys: bool,
) -> Result<(), String> {
    if word.is_empty() {
        return Err("empty word".into());
    }
    if let Some(c) = word.chars().find(|&c| !crate::chars::is_lao(c)) {
        return Err(format!(
            "{} contains {} (U+{:04X}): dictionary words are Lao letters and marks \
             only, without spaces",
            quoted(word),
            quoted(c.encode_utf8(&mut [0; 4])),
            c as u32
        ));
    }
    if let Some(c) = word
        .chars()
        .find(|&c| crate::chars::lao_class(c) == Some(crate::chars::Lc::Unassigned))
    {
        return Err(format!(
            "{} contains U+{:04X}, which Unicode has not assigned",
            quoted(word),
            c as u32
        ));
    }
    if let Some(c) = word
        .chars()
        .find(|&c| ('\u{0ED0}'..='\u{0ED9}').contains(&c) || c == 'ຯ')
    {
        return Err(format!(
            "{} contains the digit or sign {}, which is not part of words",
            quoted(word),
            quoted(c.encode_utf8(&mut [0; 4]))
        ));
    }
    // Every syllable must have a base letter (no stray marks or vowels), and be
    // more than a ໆ; a word has at most `MAX_WORD_SYLLABLES` (as
    // `Dictionary::insert_units` checks again).
    for (n, unit) in units.enumerate() {
        if n == MAX_WORD_SYLLABLES {
            return Err(format!(
                "{} has more than {MAX_WORD_SYLLABLES} syllables",
                quoted(word)
            ));
        }
        let first = unit.chars().next().unwrap_or('ະ');
        if crate::chars::lao_class(first).is_some_and(|c| c.is_mark())
            || matches!(first, 'ະ' | 'າ' | 'ຳ' | 'ຽ')
        {
            return Err(format!(
                "{} has a mark or vowel with no letter to sit on in {}",
                quoted(word),
                quoted(unit)
            ));
        }
        if keys && syllable_key(unit).is_empty() {
            return Err(format!(
                "{}: {} is not a syllable (a lone ໆ or ໌)",
                quoted(word),
                quoted(unit)
            ));
        }
    }
    // A word needs a consonant (a stray vowel sign inside one is left alone: the
    // sources have a few such typos, which the embedded dictionary keeps).
    if !word
        .chars()
        .any(|c| crate::chars::lao_class(c) == Some(crate::chars::Lc::Cons))
    {
        return Err(format!(
            "{} has no consonant: vowel signs alone are not a word",
            quoted(word)
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spelling_that_reads_as_a_words_other_syllables_is_that_word() {
        // ຄອມເພລັກ is filed under ຄອມ|ເພລັກ and, for running text, ຄອມ|ເພ|ລັກ; a
        // soft hyphen or ໌, which the search form drops, makes a spelling read as
        // the second. It is the same entry: removed whole, counted once.
        let mut d = Dictionary::new();
        let n = d.len();
        assert_eq!(d.words("ຄອມເພລັກດີ").collect::<Vec<_>>(), ["ຄອມເພລັກ", "ດີ"]);
        assert!(d.contains("ຄອມເພ\u{AD}ລັກ"));
        assert!(d.remove("ຄອມເພ\u{AD}ລັກ"));
        assert_eq!(d.len(), n - 1);
        assert!(!d.contains("ຄອມເພລັກ") && !d.remove("ຄອມເພລັກ"));
        assert_ne!(d.words("ຄອມເພລັກດີ").next(), Some("ຄອມເພລັກ"));
        let mut d = Dictionary::empty();
        d.add_with_count("ລາຊະເທວີ", 1.0).unwrap();
        d.add_with_count("ລາຊະເທ໌ວີ", 1_000.0).unwrap();
        assert_eq!((d.len(), d.entries().len()), (1, 1));
        assert_eq!(
            d.cost("ລາຊະເທວີ"),
            Some(count_cost(1_000.0).unwrap() as f64 / 1000.0)
        );
        // The lower cost reaches the path running text takes too.
        let mut tables = d.clone();
        tables.add_with_count("ດີ", 1.0).unwrap();
        let alias = tables.aliases[&tables.node_of("ລາຊະເທວີ").unwrap()][0];
        assert_eq!(tables.costs[alias as usize], count_cost(1_000.0).unwrap());
        assert!(d.remove("ລາຊະເທ\u{AD}ວີ"));
        assert!(!d.remove("ລາຊະເທວີ"));
        assert_eq!((d.len(), d.entries().len()), (0, 0));
    }

    #[test]
    fn edge_keys_that_differ_only_in_the_node_spread_over_the_buckets() {
        // The trie's edges are keyed `node << 32 | syllable`; a table picks its
        // bucket by the hash's low bits. Many nodes with a child by one syllable
        // (a word list whose words end alike) must not share a bucket, or loading
        // such a list is quadratic.
        use std::hash::BuildHasher;
        let low_bits = |key: u64| FxBuild::default().hash_one(key) & 0x3FF;
        let buckets: std::collections::HashSet<u64> =
            (1..=1024u64).map(|node| low_bits(node << 32 | 7)).collect();
        assert!(buckets.len() > 600, "{} of 1,024 buckets", buckets.len());
    }

    /// Every edge of `d`'s trie, walked in its frozen tables from the root: each
    /// child is found with its word's cost, and no syllable that is not a child
    /// is (the child lists, their hash tables and the children's signatures).
    /// Returns the number of edges checked.
    fn frozen_agrees_with_the_trie(d: &Dictionary) -> usize {
        let tables = d.frozen();
        let mut kids: HashMap<u32, Vec<(u32, u32)>> = HashMap::new();
        for (&key, &child) in &d.edges {
            kids.entry((key >> 32) as u32)
                .or_default()
                .push((key as u32, child));
        }
        let n_sids = d.syllable_names.len() as u32;
        let (mut stack, mut checked) = (vec![(0u32, Edge::ROOT)], 0);
        while let Some((node, at)) = stack.pop() {
            let mine = kids.get(&node).map_or(&[][..], |k| &k[..]);
            for &(sid, child) in mine {
                let e = tables.step(at, sid).unwrap_or_else(|| {
                    panic!("node {node}: no child by syllable {sid} in the frozen tables")
                });
                assert_eq!(
                    e.word_cost(),
                    d.costs[child as usize]
                        .ne(&NO_WORD)
                        .then_some(d.costs[child as usize])
                );
                stack.push((child, e));
                checked += 1;
            }
            // Every other syllable (a sample of them on the root's many) is none.
            let step = if node == 0 { 97 } else { 1 };
            for sid in (0..n_sids).step_by(step) {
                if !mine.iter().any(|&(s, _)| s == sid) {
                    assert!(
                        tables.step(at, sid).is_none(),
                        "node {node}, syllable {sid}"
                    );
                }
            }
        }
        assert_eq!(checked, d.edges.len());
        checked
    }

    #[test]
    fn frozen_tables_find_every_child_and_no_other() {
        let n = frozen_agrees_with_the_trie(Dictionary::embedded());
        assert!(n > 50_000, "{n}");
        // A node with more children than a signature has bits (its own hash
        // table), one with a few (a list), and a word that starts others.
        let mut d = Dictionary::empty();
        let consonants = "ກຂຄງຈສຊຍດຕຖທນບປຜຝພຟມຢຣລວອຮ";
        for (k, c) in consonants.chars().enumerate() {
            d.add(&format!("ກາ{c}ີ")).unwrap();
            d.add(&format!("ກາ{c}ູ")).unwrap();
            if k % 9 == 0 {
                d.add(&format!("ມາ{c}ູ")).unwrap();
            }
        }
        d.add("ມາ").unwrap();
        let ka = d.syllable_id("ກາ").unwrap();
        assert!(
            d.edges
                .keys()
                .filter(|&&k| k >> 32 == d.edges[&(ka as u64)] as u64)
                .count()
                > 32
        );
        assert!(frozen_agrees_with_the_trie(&d) >= 2 + 2 * consonants.chars().count());
    }

    #[test]
    fn default_is_the_embedded_copy_and_empty_takes_words() {
        // `Default` was derived once, which gave a dictionary without its root's
        // cost: ການສຶກສາ added to it came out as ການ|ສຶກສາ.
        let text = "ການສຶກສາຂອງລາວ";
        let embedded: Vec<_> = Dictionary::embedded().words(text).collect();
        let mut d = Dictionary::default();
        assert_eq!(d.len(), Dictionary::embedded().len());
        assert_eq!(d.words(text).collect::<Vec<_>>(), embedded);
        d.add("ສຶກສາຂອງ").unwrap();
        assert!(d.contains("ສຶກສາຂອງ"));
        let mut e = Dictionary::empty();
        assert!(e.is_empty());
        e.add("ການສຶກສາ").unwrap();
        assert_eq!(e.words("ການສຶກສາ").collect::<Vec<_>>(), ["ການສຶກສາ"]);
    }

    #[test]
    fn words_are_found_where_running_text_splits_their_syllables_otherwise() {
        // ເພລັກ is one syllable at the end of a text and ເພ|ລັກ before more.
        let mut d = Dictionary::empty();
        d.add_with_count("ຄອມເພລັກ", 5.0).unwrap();
        d.add("ດີ").unwrap();
        d.add("ມາ").unwrap();
        assert_eq!(d.words("ຄອມເພລັກ").collect::<Vec<_>>(), ["ຄອມເພລັກ"]);
        assert_eq!(d.words("ຄອມເພລັກດີ").collect::<Vec<_>>(), ["ຄອມເພລັກ", "ດີ"]);
        assert_eq!(d.len(), 3);
        assert_eq!(d.entries().len(), 3);
        // One word of the first cost, two of the other: the alias path is not
        // counted (it would make a tie, which the cheaper cost wins).
        let dee = (d.cost("ດີ").unwrap() * 1000.0).round() as u32;
        assert_eq!(d.commonest_costs(1), [dee]);
        // The cost of the word at the end of a path of syllables.
        let cost_at = |d: &Dictionary, path: &[&str]| {
            let mut e = Edge::ROOT;
            for s in path {
                e = d.frozen().step(e, d.syllable_id(s).unwrap()).unwrap();
            }
            e.cost_or_max()
        };
        let cost = cost_at(&d, &["ຄອມ", "ເພລັກ"]);
        assert!(cost < u32::MAX);
        assert_eq!(cost_at(&d, &["ຄອມ", "ເພ", "ລັກ"]), cost);
        // Removed, it is gone from both paths.
        assert!(d.remove("ຄອມເພລັກ"));
        assert_ne!(d.words("ຄອມເພລັກດີ").next(), Some("ຄອມເພລັກ"));
        assert_eq!(cost_at(&d, &["ຄອມ", "ເພລັກ"]), u32::MAX);
        assert_eq!(cost_at(&d, &["ຄອມ", "ເພ", "ລັກ"]), u32::MAX);
        let mut m = Dictionary::empty();
        m.add("ລາຊະເທວີ").unwrap();
        let mut merged = Dictionary::empty();
        merged.merge(&m);
        assert_eq!(merged.words("ລາຊະເທວີແລະ").next(), Some("ລາຊະເທວີ"));

        // Every such word of the embedded dictionary, before a word.
        let d = Dictionary::embedded();
        let (mut split, mut lost) = (0, Vec::new());
        for (w, _) in d.entries() {
            if context_splits(&w).is_empty() {
                continue;
            }
            split += 1;
            for after in ["ດີ", "ແລະ"] {
                let text = format!("{w}{after}");
                if d.words(&text).next() != Some(w.as_str()) {
                    lost.push(text);
                }
            }
        }
        assert!(split > 100, "{split}");
        assert!(lost.is_empty(), "{lost:?}");
    }

    #[test]
    fn add_contains_remove() {
        let mut d = Dictionary::empty();
        d.add("ດໍາລັດ").unwrap();
        assert!(d.contains("ດຳລັດ"));
        assert_eq!(d.len(), 1);
        assert!(d.remove("ດຳລັດ"));
        assert!(!d.contains("ດຳລັດ"));
        assert!(!d.remove("ດຳລັດ"));
        assert_eq!(d.len(), 0);
    }

    #[test]
    fn removed_words_do_not_keep_their_memory() {
        // 64,000 different words of three syllables, each added and removed: the
        // trie keeps no more nodes than a few thousand words need.
        let syllables: Vec<String> = ["ກ", "ຂ", "ຄ", "ງ", "ຈ", "ສ", "ຊ", "ຍ", "ດ", "ຕ"]
            .iter()
            .flat_map(|c| ["າ", "ີ", "ູ", "ໍ"].map(|v| format!("{c}{v}")))
            .collect();
        let mut d = Dictionary::empty();
        d.add("ດຳລັດ").unwrap();
        d.add_with_count("ຄອມເພລັກ", 3.0).unwrap(); // filed under two paths too
        let before = d.entries();
        let mut most = 0;
        for a in &syllables {
            for b in &syllables {
                for c in &syllables {
                    let word = format!("{a}{b}{c}");
                    d.add(&word).unwrap();
                    assert!(d.remove(&word));
                    most = most.max(d.costs.len());
                }
            }
        }
        assert!(most < 4 * REBUILD_AFTER_REMOVALS, "{most} nodes");
        assert_eq!(d.entries(), before);
        assert_eq!(d.len(), 2);
        assert!(d.contains("ດໍາລັດ") && d.contains("ຄອມເພ\u{AD}ລັກ"));
        // The embedded words, all removed but one, then put back.
        let mut d = Dictionary::new();
        let all = d.entries();
        for (w, _) in &all[1..] {
            assert!(d.remove(w), "{w}");
        }
        assert!(
            d.costs.len() < 4 * REBUILD_AFTER_REMOVALS,
            "{} nodes",
            d.costs.len()
        );
        assert_eq!(d.entries(), all[..1]);
        for (w, cost) in &all[1..] {
            d.insert_cost(w, *cost).unwrap();
        }
        assert_eq!(d.entries(), all);
    }

    #[test]
    fn bad_words_are_refused_with_a_reason() {
        let mut d = Dictionary::empty();
        for (w, why) in [
            ("", "empty"),
            ("ສະບາຍ ດີ", "without spaces"),
            ("abc", "Lao letters"),
            ("າກ", "no letter"),
            ("໑໒", "digit"),
        ] {
            let e = d.add(w).unwrap_err().to_string();
            assert!(e.contains(why), "{w:?}: {e}");
        }
    }

    #[test]
    fn messages_quote_lao_as_written_and_keep_short() {
        let e = |list: &str| Dictionary::from_word_list(list).unwrap_err().to_string();
        // Lao marks as they are, not `\u{eb1}`; the character named in quotes.
        let m = e("ກັນx\n");
        assert!(m.contains(r#""ກັນx" contains "x" (U+0078)"#), "{m}");
        // A long word is cut, with its length.
        let m = e(&format!("{}\n", "ກາ".repeat(500)));
        assert!(m.contains("(1000 characters) has more than 16"), "{m}");
        assert!(m.len() < 250, "{m}");
        // Counts as numbers a reader can take in.
        let m = e("ກາ\t1e308\n");
        assert!(m.contains("count 1e308 is out of range"), "{m}");
        let m = e("ກາ\t{} \n".replace("{}", &"9".repeat(400)).as_str());
        assert!(m.contains("is out of range") && m.len() < 200, "{m}");
        assert!(e("ກາ\t2000000\n").contains("count 2000000 is out"));
        // A count that underflows is named as written, not as 0.
        let m = e("ກາ\t1e-400\n");
        assert!(m.contains(r#"line 1: count "1e-400" is too small"#), "{m}");
        assert!(e("ກາ\t0e-400\n").contains("count 0 is out of range"));
    }

    #[test]
    fn word_lists() {
        let d = Dictionary::from_word_list("# comment\nສະບາຍ\n\nອີເມວ\t25\n").unwrap();
        assert_eq!(d.len(), 2);
        // A byte-order mark before a comment or a word, and CRLF.
        for list in ["\u{FEFF}# c\r\nສະບາຍ\r\n", "\u{FEFF}ສະບາຍ\n"] {
            let d = Dictionary::from_bytes(list.as_bytes()).unwrap();
            assert_eq!(d.entries().len(), 1, "{list:?}");
            assert!(d.contains("ສະບາຍ"));
        }
        assert!(d.cost("ອີເມວ").unwrap() < d.cost("ສະບາຍ").unwrap());
        let e = Dictionary::from_word_list("ກາ\nຂາ\tmany\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 2") && e.contains("not a number"), "{e}");
        let e = Dictionary::from_bytes(b"\xe0\xba\x81\n\xff\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 2") && e.contains("UTF-8"), "{e}");
        assert!(
            e.contains("byte offset 0 of the line (byte 4 of the list)"),
            "{e}"
        );
    }

    #[test]
    fn tiny_counts_still_add_the_word() {
        // 10⁶ / 1e-305 is infinite as an f64; the cost must still be a word's.
        let mut d = Dictionary::empty();
        d.add_with_count("ສະບາຍ", 1e-305).unwrap();
        d.add_with_count("ສະບາຍ", 1e-306).unwrap();
        assert_eq!(d.len(), 1);
        assert!(d.contains("ສະບາຍ"));
        let cost = d.cost("ສະບາຍ").unwrap();
        assert!(cost > 700.0 && cost < 800.0, "{cost}");
        assert_eq!(d.entries().len(), 1);
        assert!(d.remove("ສະບາຍ") && d.is_empty());
        // Ordinary counts cost what they always did.
        assert_eq!(count_cost(1.0), Ok(13_816));
        assert_eq!(count_cost(1e6), Ok(0));
    }

    #[test]
    fn words_added_without_a_count_are_found_whole() {
        let seg = |d: &Dictionary, t: &str| d.words(t).collect::<Vec<_>>().join("|");
        let mut d = Dictionary::new();
        assert_eq!(seg(&d, "ໃຫ້ການສະໜັບສະໜູນ"), "ໃຫ້|ການ|ສະໜັບສະໜູນ");
        let split = d.cost("ໃຫ້").unwrap() + d.cost("ການ").unwrap();
        let count = d.suggested_count("ໃຫ້ການ").unwrap();
        assert!((count_cost(count).unwrap() as f64 / 1000.0 - (split - 1.0)).abs() < 0.002);
        d.add("ໃຫ້ການ").unwrap();
        assert!((d.cost("ໃຫ້ການ").unwrap() - (split - 1.0)).abs() < 0.002);
        assert_eq!(seg(&d, "ໃຫ້ການສະໜັບສະໜູນ"), "ໃຫ້ການ|ສະໜັບສະໜູນ");
        // The word's own entry does not count: the same count again.
        assert_eq!(d.suggested_count("ໃຫ້ການ").unwrap(), count);
        // No cheaper split: once per million, the default.
        assert_eq!(d.suggested_count("ວົງວິຈິດ").unwrap(), 1.0);
        d.add("ວົງວິຈິດ").unwrap();
        assert_eq!(d.cost("ວົງວິຈິດ"), Some(13.816));
        // A word already cheaper keeps its cost.
        let before = d.cost("ການ").unwrap();
        d.add("ການ").unwrap();
        assert_eq!(d.cost("ການ"), Some(before));
        assert!(matches!(
            d.suggested_count("ab"),
            Err(Error::InvalidArgument(_))
        ));

        // A count given is kept; a list's words without one are weighed as `add`
        // weighs them.
        let mut listed = Dictionary::new();
        listed.extend_from_word_list("ໃຫ້ການ\t1\n").unwrap();
        assert_eq!(seg(&listed, "ໃຫ້ການສະໜັບສະໜູນ"), "ໃຫ້|ການ|ສະໜັບສະໜູນ");
        let mut listed = Dictionary::new();
        listed.extend_from_word_list("ໃຫ້ການ\n").unwrap();
        assert_eq!(listed.cost("ໃຫ້ການ"), d.cost("ໃຫ້ການ"));

        // Words without a count are weighed shortest first, against the words
        // with one: the longer word is cheaper than the shorter one's path.
        // (Counts high enough that the whole split costs less than the default.)
        let list = "ໃຫ້ການສະໜັບສະໜູນ\nໃຫ້ການ\nໃຫ້\t20000\nການ\t20000\nສະໜັບສະໜູນ\t10000\n";
        let d = Dictionary::from_word_list(list).unwrap();
        let (long, short) = (d.cost("ໃຫ້ການສະໜັບສະໜູນ").unwrap(), d.cost("ໃຫ້ການ").unwrap());
        assert!(
            long < short + d.cost("ສະໜັບສະໜູນ").unwrap() - 0.5,
            "{long} {short}"
        );
        assert_eq!(seg(&d, "ໃຫ້ການສະໜັບສະໜູນ"), "ໃຫ້ການສະໜັບສະໜູນ");
    }

    #[test]
    fn removed_words_are_spelt_as_added_again() {
        let mut d = Dictionary::empty();
        d.add("ຫລວງ").unwrap();
        assert!(d.remove("ຫຼວງ"));
        d.add("ຫຼວງ").unwrap();
        assert_eq!(d.entries()[0].0, "ຫຼວງ");
    }

    #[test]
    fn words_in_any_spelling_are_one_entry_that_survives_entries_and_merge() {
        // ຂະຫນມ reads as ຂະ|ຫນ|ມ, as its canonical form ຂະໜມ reads as ຂະ|ໜ|ມ (a
        // ຫ-cluster standing alone is one syllable, as its ligature is): one entry,
        // listed in canonical form, found in either spelling.
        let mut d = Dictionary::empty();
        for w in ["ຂະຫນມ", "ດໍາລັດ", "ຫລວງ"] {
            d.add(w).unwrap();
        }
        let listed: Vec<String> = d.entries().into_iter().map(|(w, _)| w).collect();
        assert_eq!(listed, ["ຂະໜມ", "ດຳລັດ", "ຫລວງ"]);
        for w in listed.iter().map(String::as_str).chain(["ຂະຫນມ", "ຫຼວງ"]) {
            assert!(d.contains(w), "{w}");
        }
        let mut merged = Dictionary::empty();
        merged.merge(&d);
        assert_eq!(merged.entries(), d.entries());
        assert_eq!(merged.words("ຂະຫນມດີ").collect::<Vec<_>>(), ["ຂະຫນມ", "ດີ"]);
        assert_eq!(merged.words("ຂະໜມດີ").collect::<Vec<_>>(), ["ຂະໜມ", "ດີ"]);
        d.add("ຂະໜມ").unwrap();
        assert_eq!(d.len(), 3, "the same word");
        // An ill-formed spelling whose canonical form reads as other syllables (ແຫມຳ:
        // ແຫ|ມຳ; ແໝຳ: ແໝ|ຳ) is listed as added, so that merging the entries finds it.
        d.add("ແຫມຳ").unwrap();
        assert!(d.entries().iter().any(|(w, _)| w == "ແຫມຳ"));
        assert!(
            d.contains("ແຫມຳ") && !d.contains("ແໝຳ"),
            "an entry of its own"
        );
        let mut merged = Dictionary::empty();
        merged.merge(&d);
        assert_eq!(merged.entries(), d.entries());
        assert_eq!(merged.words("ແຫມຳດີ").collect::<Vec<_>>(), ["ແຫມຳ", "ດີ"]);
    }

    #[test]
    fn invisible_characters_do_not_hide_a_word() {
        let mut d = Dictionary::empty();
        d.add("ປະເທດ").unwrap();
        for w in ["ປະເທດ\u{200B}", "\u{FEFF}ປະເທດ", "ປະ\u{AD}ເທດ"] {
            assert!(d.contains(w), "{w:?}");
            assert!(d.cost(w).is_some(), "{w:?}");
        }
    }

    #[test]
    fn words_need_assigned_letters_and_a_consonant() {
        let mut d = Dictionary::empty();
        for (w, why) in [
            ("ເ", "no consonant"),
            ("ໂໄ", "no consonant"),
            ("\u{E80}", "not assigned"),
            ("ກ\u{EDA}", "not assigned"),
        ] {
            let e = d.add(w).unwrap_err().to_string();
            assert!(e.contains(why), "{w:?}: {e}");
        }
        assert!(d.is_empty());
    }

    #[test]
    fn every_embedded_word_passes_the_checks_for_new_words() {
        let d = Dictionary::embedded();
        let bad: Vec<String> = d
            .entries()
            .into_iter()
            .filter_map(|(w, _)| check_word(&w).err())
            .collect();
        assert!(
            bad.is_empty(),
            "{} refused, e.g. {:?}",
            bad.len(),
            &bad[..bad.len().min(5)]
        );
    }

    #[test]
    fn a_bad_line_adds_nothing_and_is_named() {
        let long = "ກາ".repeat(MAX_WORD_SYLLABLES + 1);
        for (list, why) in [
            (format!("ສະບາຍ\n{long}\n"), "more than 16 syllables"),
            ("ສະບາຍ\nໆ\n".to_string(), "not a syllable"),
        ] {
            let mut d = Dictionary::empty();
            d.add("ດີ").unwrap();
            let e = d.extend_from_word_list(&list).unwrap_err().to_string();
            assert!(e.contains("line 2") && e.contains(why), "{e}");
            assert!(!d.contains("ສະບາຍ"), "nothing added on an error");
            assert_eq!(d.len(), 1);
        }
        // The same checks for one word, as an argument error.
        let mut d = Dictionary::empty();
        let e = d.add(&long).unwrap_err();
        assert!(matches!(e, Error::InvalidArgument(_)), "{e:?}");
        assert!(d.add(&"ກາ".repeat(MAX_WORD_SYLLABLES)).is_ok());
    }

    #[test]
    fn keys_of_foreign_compiled_dictionaries_are_checked_like_word_lists() {
        let fst_of = |keys: &[&str]| {
            let mut b = fst::MapBuilder::memory();
            for k in keys {
                b.insert(k, 5_000).unwrap();
            }
            b.into_inner().unwrap()
        };
        for bad in ["hello", "ກາ ດີ", "ກາ໑", "ກາ\u{1F}x", "\u{1F}ັກ"] {
            let e = Dictionary::from_fst_bytes(&fst_of(&[bad]))
                .unwrap_err()
                .to_string();
            assert!(
                e.contains("a key of the compiled dictionary"),
                "{bad:?}: {e}"
            );
        }
        // U+001F where the segmenter puts no boundary: the word is filed under
        // the syllables text is read in, so segmentation finds it.
        for key in ["ສະບ\u{1F}າຍດີ", "ສະບາຍດີ", "ສະ\u{1F}ບາຍ\u{1F}ດີ"]
        {
            let d = Dictionary::from_fst_bytes(&fst_of(&[key])).unwrap();
            // (Segmentation alone would not tell: three unknown syllables are one
            // token too.)
            assert!(d.contains("ສະບາຍດີ"), "{key:?}");
            assert_eq!(d.cost("ສະບາຍດີ"), Some(5.0), "{key:?}");
            assert_eq!(d.words("ສະບາຍດີ").collect::<Vec<_>>(), ["ສະບາຍດີ"], "{key:?}");
            let mut merged = Dictionary::empty();
            merged.merge(&d);
            assert_eq!(merged.entries(), d.entries());
        }
    }

    #[test]
    fn damaged_compiled_dictionaries_are_errors() {
        // Found by fuzzing: a header claiming a huge key count.
        let crash = include_bytes!("../fuzz/regressions/words/forged_fst_len.bin");
        assert!(Dictionary::from_bytes(crash).is_err());
        let mut good = EMBEDDED_FST.to_vec();
        let mid = good.len() / 2;
        good[mid] ^= 0x55;
        let e = Dictionary::from_fst_bytes(&good).unwrap_err().to_string();
        // The cause, not only the fst crate's "FST error".
        assert!(e.contains("damaged") && e.contains("checksum"), "{e}");
        let e = Dictionary::from_fst_bytes(&EMBEDDED_FST[..20])
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("size 20 bytes") && e.contains("word list"),
            "{e}"
        );
    }

    /// `bytes` with the checksum of fst format 3 (masked CRC-32C of all but the
    /// last four bytes) written again, as a forger, or a faulty tool, would.
    fn with_checksum(mut bytes: Vec<u8>) -> Vec<u8> {
        let n = bytes.len() - 4;
        let mut crc = !0u32;
        for &b in &bytes[..n] {
            crc ^= b as u32;
            for _ in 0..8 {
                crc = if crc & 1 != 0 {
                    crc >> 1 ^ 0x82F6_3B78
                } else {
                    crc >> 1
                };
            }
        }
        let crc = !crc;
        let masked = crc.rotate_right(15).wrapping_add(0xA282_EAD8);
        bytes[n..].copy_from_slice(&masked.to_le_bytes());
        bytes
    }

    #[test]
    fn embedded_fsts_pass_the_node_check_they_skip() {
        // `from_embedded_fst` trusts the embedded files; every node of them is
        // checked here, and both reads give the same dictionary.
        for bytes in [EMBEDDED_FST, crate::correct::EMBEDDED_PHRASES] {
            let checked = Dictionary::from_fst_bytes(bytes).expect("every node checks");
            let trusted = Dictionary::from_embedded_fst(bytes).unwrap();
            assert_eq!(checked.edges, trusted.edges);
            assert_eq!(checked.costs, trusted.costs);
            assert_eq!(checked.spellings, trusted.spellings);
        }
    }

    #[test]
    fn forged_compiled_dictionaries_are_errors_not_panics() {
        // The fst crate trusts a file whose checksum holds; `FstCheck` checks each
        // node before the crate reads it. Random bytes of the phrases' fst changed,
        // the checksum made right again: each load must give a dictionary or an
        // error (before the check, the CLI panicked on 55 of 100 such files).
        let phrases = crate::correct::EMBEDDED_PHRASES;
        assert!(Dictionary::from_fst_bytes(&with_checksum(phrases.to_vec())).is_ok());
        let mut rnd = crate::rng(0x2545_F491_4F6C_DD1Du64);
        let mut malformed = 0;
        for k in 0..300 {
            let mut forged = phrases.to_vec();
            for _ in 0..1 + rnd(4) {
                let at = 16 + rnd(phrases.len() - 16 - 24);
                forged[at] = rnd(256) as u8;
            }
            let forged = with_checksum(forged);
            let loaded = std::panic::catch_unwind(|| Dictionary::from_fst_bytes(&forged));
            let Ok(loaded) = loaded else {
                panic!("forged file {k} panicked");
            };
            if let Err(e) = loaded {
                let e = e.to_string();
                assert!(
                    e.contains("compiled dictionary") || e.contains("UTF-8"),
                    "{e}"
                );
                malformed += usize::from(e.contains("malformed"));
            }
        }
        assert!(malformed > 30, "{malformed} of 300 found malformed");
        // Found by the `words` fuzz target (which fixes the checksum of fst-like
        // input) with the check switched off: a root address past the end of the
        // file, which `fst::Map::new` lets through.
        for crash in [
            &include_bytes!("../fuzz/regressions/words/forged_root_past_end_1.bin")[..],
            &include_bytes!("../fuzz/regressions/words/forged_root_past_end_2.bin")[..],
        ] {
            let e = Dictionary::from_fst_bytes(&with_checksum(crash.to_vec())).unwrap_err();
            assert!(e.to_string().contains("past the end of the file"), "{e}");
        }
        // A footer whose root address does not fit the platform's `usize` (only
        // possible on 32-bit targets) is refused before the crate reads it, with
        // the same cause on every platform: a root past the end, as a truncated
        // file has (WebAssembly said "a number this platform cannot address").
        let mut footer = vec![0u8; 40];
        footer[0] = 3;
        footer[28..36].copy_from_slice(&(1u64 << 40).to_le_bytes());
        let e = Dictionary::from_fst_bytes(&with_checksum(footer)).unwrap_err();
        assert!(e.to_string().contains("past the end of the file"), "{e}");
        for len in [40, 1000, EMBEDDED_FST.len() / 2] {
            let e = Dictionary::from_fst_bytes(&EMBEDDED_FST[..len]).unwrap_err();
            assert!(e.to_string().contains("truncated"), "{len}: {e}");
        }
    }

    #[test]
    fn lone_marks_are_not_words() {
        let mut d = Dictionary::empty();
        assert!(d.add("ໆ").is_err());
        assert!(d.add("໌").is_err());
        assert!(!Dictionary::embedded().contains("ໆ"));
        assert!(!Dictionary::embedded().contains("໌"));
        assert!(Dictionary::embedded().cost("").is_none());
    }

    #[test]
    fn words_with_cancellation_mark_survive_merge() {
        let mut d = Dictionary::empty();
        d.add("ເວັບໄຊທ໌").unwrap();
        let mut e = Dictionary::empty();
        e.merge(&d);
        assert_eq!(e.entries()[0].0, "ເວັບໄຊທ໌");
        assert!(e.contains("ເວັບໄຊທ໌"));
        let all = Dictionary::embedded();
        let mut copy = Dictionary::empty();
        copy.merge(all);
        assert_eq!(copy.len(), all.len());
    }

    #[test]
    fn many_removals_are_fast() {
        let mut d = Dictionary::new();
        let words: Vec<String> = d
            .entries()
            .into_iter()
            .take(20_000)
            .map(|(w, _)| w)
            .collect();
        let t = std::time::Instant::now();
        for w in &words {
            d.contains(w);
            d.remove(w);
        }
        assert!(t.elapsed().as_secs_f64() < 10.0, "{:?}", t.elapsed());
    }

    #[test]
    fn common_spellings_are_found_as_they_stand() {
        let d = Dictionary::embedded();
        let f = d.frozen();
        let found = |s: &str| f.short_id(pack16(s.as_bytes()).unwrap()).map(|e| e.0);
        for (typed, key) in [
            ("ນໍ້າ", "ນ້ຳ"),
            ("ນ້ໍາ", "ນ້ຳ"),
            ("ດໍາ", "ດຳ"),
            ("ຫນ້າ", "ໜ້າ"),
            ("ຫມາຍ", "ໝາຍ"),
            ("ເເລະ", "ແລະ"),
            ("ຫລາຍ", "ຫຼາຍ"),
            ("ທ່ີ", "ທີ່"),
            ("ຫລັງ", "ຫຼັງ"),
        ] {
            let sid = d.syllable_id(key);
            assert!(sid.is_some(), "{key} is a syllable of the dictionary");
            assert_eq!(found(typed), sid, "{typed} is filed under {key}");
            assert_eq!(found(key), sid);
        }
        // Every syllable is still found by its own key, and every key of the
        // table normalises to the syllable it gives.
        for (sid, name) in d.syllable_names.iter().enumerate() {
            if name.len() <= 16 {
                assert_eq!(found(name), Some(sid as u32), "{name}");
            }
        }
        for e in f.short.iter().filter(|e| e.lo | e.hi != 0) {
            let key = (e.lo as u128) | (e.hi as u128) << 64;
            let bytes = key.to_le_bytes();
            let len = bytes.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
            let text = std::str::from_utf8(&bytes[..len]).unwrap();
            assert_eq!(
                normalize(text, Form::Search),
                &*d.syllable_names[(e.id & !BARE) as usize],
                "{text}"
            );
            let lone_consonant = (text.chars().count() == 1
                && crate::chars::lao_class_first(text) == Some(crate::chars::Lc::Cons))
                || ["ຫນ", "ຫມ"].contains(&text);
            assert_eq!(e.id & BARE != 0, lone_consonant, "{text}");
        }
    }

    #[test]
    fn the_commonest_syllables_sit_where_their_probe_starts() {
        // Inserted likeliest first, so that a lookup of the syllables text has most
        // often takes one probe.
        let d = Dictionary::embedded();
        let f = d.frozen();
        let mask = f.short.len() - 1;
        let mut entries = d.entries();
        entries.sort_by_key(|e| e.1);
        let mut seen = std::collections::HashSet::new();
        let (mut home, mut all) = (0, 0);
        for (w, _) in entries.iter().take(300) {
            for s in syllables(w) {
                let Some(key) = pack16(s.as_bytes()).filter(|_| seen.insert(s.to_string())) else {
                    continue;
                };
                let e = &f.short[short_slot(key, mask)];
                all += 1;
                home += usize::from((e.lo, e.hi) == (key as u64, (key >> 64) as u64));
            }
        }
        assert!(
            home * 100 >= all * 97,
            "{home} of {all} at their first probe"
        );
    }

    #[test]
    fn first_and_last_syllables_from_the_trie_are_the_segmenters() {
        let mut d = Dictionary::embedded().clone();
        d.add("ເບີ໌ໂທ").unwrap(); // ໌: segmented again
        d.add("ຕ່າງໆ").unwrap(); // ໆ: the same
        let (mut known, mut all) = (0, 0);
        for (w, _, ends) in d.entries_unsorted() {
            all += 1;
            let units: Vec<&str> = syllables(&w).collect();
            if let Some((a, b)) = ends {
                known += 1;
                assert_eq!(&w[..a], units[0], "{w}");
                assert_eq!(&w[w.len() - b..], *units.last().unwrap(), "{w}");
            } else {
                assert!(
                    w.contains(['໌', 'ໆ']) || w.chars().any(|c| c.is_numeric()),
                    "{w}"
                );
            }
        }
        assert!(known > all * 99 / 100, "{known} of {all}");
    }

    /// The compiled dictionary read the plain way: every key from `Map::stream`,
    /// split at the marks, every syllable looked up.
    fn from_fst_streamed(bytes: &[u8]) -> Result<Dictionary, Error> {
        let map = fst::Map::new(bytes).unwrap();
        let mut dict = Dictionary::empty();
        let mut stream = map.stream();
        while let Some((key, cost)) = fst::Streamer::next(&mut stream) {
            let key = std::str::from_utf8(key).unwrap();
            let cost = u32::try_from(cost).unwrap_or(NO_WORD - 1).min(NO_WORD - 1);
            if !key.contains(SYLLABLE_MARK) {
                dict.insert_cost(key, cost)?;
                continue;
            }
            let word = key.replace(SYLLABLE_MARK, "");
            dict.insert_units(&word, key.split(SYLLABLE_MARK), cost)?;
        }
        Ok(dict)
    }

    #[test]
    fn reading_a_compiled_dictionary_shares_the_syllables_of_keys_in_a_row() {
        // `insert_key` skips the syllables a key shares with the one before; the
        // result must be the same dictionary, ids and all, as looking each up.
        let same = |a: &Dictionary, b: &Dictionary| {
            assert_eq!(a.syllable_names, b.syllable_names);
            assert_eq!(a.syllable_ids, b.syllable_ids);
            assert_eq!(a.edges, b.edges);
            assert_eq!(a.costs, b.costs);
            assert_eq!(a.spellings, b.spellings);
            assert_eq!(a.words, b.words);
        };
        let embedded = Dictionary::from_fst_bytes(EMBEDDED_FST).unwrap();
        same(&embedded, &from_fst_streamed(EMBEDDED_FST).unwrap());
        let phrases = crate::correct::EMBEDDED_PHRASES;
        same(
            &Dictionary::from_fst_bytes(phrases).unwrap(),
            &from_fst_streamed(phrases).unwrap(),
        );
        // Keys in a row that share bytes but not syllables (ກາ|ນ, ການ, ການ|ກາ),
        // plain keys between marked ones, a word and its longer words.
        let mut keys = vec![
            "ກາ\u{1F}ນ",
            "ກາ\u{1F}ນາ",
            "ການ",
            "ການ\u{1F}ກາ",
            "ການ\u{1F}ກາ\u{1F}ນ",
            "ການ\u{1F}ການ",
            "ກິນ",
            "ກິນ\u{1F}ເຂົ້າ",
            "ເຂົ້າ\u{1F}ໄປ",
        ];
        keys.sort();
        let mut b = fst::MapBuilder::memory();
        for (i, k) in keys.iter().enumerate() {
            b.insert(k.as_bytes(), 1_000 + i as u64).unwrap();
        }
        let bytes = b.into_inner().unwrap();
        // Read as the embedded file is, trusting the marks: a file read as a
        // user's has keys whose marks are not the segmenter's filed again
        // (`keys_of_foreign_compiled_dictionaries_are_checked_like_word_lists`).
        let d = Dictionary::read_fst(&bytes, false).unwrap();
        same(&d, &from_fst_streamed(&bytes).unwrap());
        assert_eq!(d.len(), keys.len());
        // Errors are the same too: too many syllables, an empty one.
        for bad in [
            ["ກາ"; 17].join("\u{1F}"),
            ["ກາ"; 16].join("\u{1F}") + "\u{1F}",
            "ກາ\u{1F}\u{1F}ນ".to_string(),
        ] {
            let mut two = ["ກາ\u{1F}ນ".to_string(), bad.clone()];
            two.sort();
            let mut b = fst::MapBuilder::memory();
            for k in &two {
                b.insert(k.as_bytes(), 1).unwrap();
            }
            let bytes = b.into_inner().unwrap();
            assert_eq!(
                Dictionary::read_fst(&bytes, false).unwrap_err().to_string(),
                from_fst_streamed(&bytes).unwrap_err().to_string(),
                "{bad:?}"
            );
            assert!(Dictionary::from_fst_bytes(&bytes).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn compiled_keys_mark_syllables_and_plain_keys_still_load() {
        let d = Dictionary::embedded();
        let entries = d.entries();
        // The keys stored in the embedded file (as akson-dict-build wrote them)
        // split at their marks as the segmenter splits their words, and are
        // what `compiled_key` makes.
        use fst::Streamer;
        let map = fst::Map::new(EMBEDDED_FST).unwrap();
        let mut keys = map.stream();
        let mut n = 0;
        while let Some((key, _)) = keys.next() {
            let key = std::str::from_utf8(key).unwrap();
            let word: String = key.split(SYLLABLE_MARK).collect();
            let units: Vec<&str> = syllables(&word).collect();
            assert_eq!(
                key.split(SYLLABLE_MARK).collect::<Vec<_>>(),
                units,
                "{key:?}"
            );
            assert_eq!(compiled_key(&word), key);
            n += 1;
        }
        assert_eq!(n, map.len());
        assert!(n > 40_000, "{n} keys");
        // A file of plain words (written before the marks) loads the same.
        let mut b = fst::MapBuilder::memory();
        for (w, cost) in &entries {
            b.insert(w.as_bytes(), *cost as u64).unwrap();
        }
        let plain = Dictionary::from_fst_bytes(&b.into_inner().unwrap()).unwrap();
        assert_eq!(plain.entries(), entries);
        let sorted = |d: &Dictionary| {
            let mut v = d.syllable_names.clone();
            v.sort();
            v
        };
        assert_eq!(sorted(&plain), sorted(d));
        let text = "ສາທາລະນະລັດປະຊາທິປະໄຕປະຊາຊົນລາວ ກະຊວງໄປສະນີ ແລະ ການສື່ສານ";
        assert_eq!(
            plain.words(text).collect::<Vec<_>>(),
            d.words(text).collect::<Vec<_>>()
        );
        // A mark with nothing on one side is no syllable.
        let mut b = fst::MapBuilder::memory();
        b.insert("ກາ\u{1F}\u{1F}ນ".as_bytes(), 5_000).unwrap();
        let e = Dictionary::from_fst_bytes(&b.into_inner().unwrap()).unwrap_err();
        assert!(e.to_string().contains("not a syllable"), "{e}");
    }

    #[test]
    fn entries_round_trip() {
        let mut d = Dictionary::empty();
        for w in ["ການ", "ການເມືອງ", "ເມືອງ"] {
            d.add(w).unwrap();
        }
        let mut e: Vec<String> = d.entries().into_iter().map(|(w, _)| w).collect();
        e.sort();
        assert_eq!(e, ["ການ", "ການເມືອງ", "ເມືອງ"]);
    }
}
