//! Lao normalisation: the lossless [`Form::Canonical`] repair and the [`Form::Search`] folding.
//!
//! # Canonical form (storage and display)
//!
//! Unicode NFC does not unify the ways Lao is typed: ນໍ້າ, ນ້ໍາ and ນ້ຳ, ໜ and ຫນ, ແ
//! and ເເ, ທີ່ and ທ່ີ all stay distinct. The canonical form applies these rules, each
//! of which is lossless (the text reads and renders the same):
//!
//! | rule | example |
//! | --- | --- |
//! | ໍ + າ → ຳ, with the tone mark before ຳ | ນໍ້າ, ນ້ໍາ, ນໍາ້ → ນ້ຳ |
//! | a tone typed after ຳ goes before it | ນຳ້ → ນ້ຳ |
//! | ຫ + ນ / ຫ + ມ → ໜ / ໝ | ຫນ້າ → ໜ້າ, ຫມູ່ → ໝູ່ |
//! | ເ + ເ → ແ | ເເລະ → ແລະ |
//! | combining marks in stored order: ຼ, then vowel above/below, then tone, then ໌ | ທ່ີ → ທີ່, ກ້ັນ → ກັ້ນ |
//! | a mark repeated on one letter is kept once | ທີ່່ → ທີ່ |
//! | Thai marks and vowels on Lao letters become their Lao twins | ບ + U+0E48 → ບ່ |
//!
//! Thai twins: combining vowels and tone marks (U+0E31, U+0E34–U+0E3A, U+0E48–U+0E4E)
//! after a Lao character, the spacing vowels ะ า ำ and ๆ after a Lao character, and the
//! pre-posed vowels เ แ โ ใ ไ before a Lao consonant. Thai text that does not touch
//! Lao is left alone.
//!
//! The mark order is the one NFC uses where NFC has an opinion (Pali virama before
//! ຸ ູ before tones), so canonical Lao text is also in NFC (a combining mark of
//! another script among a letter's Lao marks, ກ + U+0301 + ່, is left where it
//! stands, which NFC would move after the tone). Text with no Lao in it is
//! returned unchanged, byte for byte; akson does not apply NFC to other scripts.
//!
//! # Search form (matching, never display)
//!
//! Everything the canonical form does, and on top of that:
//!
//! | rule | example |
//! | --- | --- |
//! | dated ຫລ → ຫຼ | ຫລາຍ → ຫຼາຍ |
//! | Lao digits → ASCII digits | ໒໐໑໘ → 2018 |
//! | TAB, NO-BREAK SPACE and every other space (Zs) → U+0020 | `ກ\u{A0}ຂ` → `ກ ຂ` |
//! | zero-width and invisible characters removed (U+200B–U+200D, U+2060, U+FEFF, U+00AD, U+180E) | `ກ\u{200B}ຂ` → `ກຂ` |
//! | the cancellation mark ໌ is removed wherever it stands | ເບີ໌ → ເບີ, ຈັນທ໌ → ຈັນທ |
//!
//! The search form is applied to the canonical form of the text, so
//! `search(canonical(x)) == search(x)` and both forms are idempotent.
//!
//! # Speed
//!
//! A byte-level check finds the first place that may need repair; text before it is
//! not looked at again (only copied to the output once a repair is needed), and
//! already-canonical text is returned as [`Cow::Borrowed`] (without allocating,
//! unless the quick check took something in it for a place to repair, as it does
//! for a Thai character after Lao, and the repair found nothing to change). Work is linear in the length of the input, whatever the input.

use std::borrow::Cow;

use crate::chars::{
    is_lao, is_other_space, is_zero_width, lao_class, thai_follow_twin, thai_mark_twin,
    thai_pre_twin, Lc,
};

/// A normalisation form. See the [module documentation](self) for the rules.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Form {
    /// Lossless repair for storage and display.
    #[default]
    Canonical,
    /// Folding for matching: canonical plus dated spellings, digits, spaces and
    /// invisible characters folded. Never show it to people.
    Search,
}

impl Form {
    /// The name used by the CLI and the bindings: `"canonical"` or `"search"`.
    pub fn name(self) -> &'static str {
        match self {
            Form::Canonical => "canonical",
            Form::Search => "search",
        }
    }
}

impl std::str::FromStr for Form {
    type Err = crate::Error;

    /// Parses `"canonical"` or `"search"` (ASCII case-insensitive).
    fn from_str(s: &str) -> Result<Form, crate::Error> {
        if s.eq_ignore_ascii_case("canonical") {
            Ok(Form::Canonical)
        } else if s.eq_ignore_ascii_case("search") {
            Ok(Form::Search)
        } else {
            Err(crate::Error::InvalidArgument(format!(
                "unknown normalisation form {s:?}: use \"canonical\" or \"search\""
            )))
        }
    }
}

impl std::fmt::Display for Form {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Normalises `text` to `form`.
///
/// Returns [`Cow::Borrowed`] when the text is already in that form.
///
/// ```
/// use akson::{normalize, Form};
/// assert_eq!(normalize("ນໍ້າ", Form::Canonical), "ນ້ຳ");
/// assert_eq!(normalize("ຫນ້າທີ່", Form::Canonical), "ໜ້າທີ່");
/// assert_eq!(normalize("ຫລາຍ ໒໐໑໘", Form::Search), "ຫຼາຍ 2018");
/// // Already canonical: nothing is copied.
/// assert!(matches!(normalize("ດຳລັດ", Form::Canonical), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn normalize(text: &str, form: Form) -> Cow<'_, str> {
    match form {
        Form::Canonical => pass(text, false),
        Form::Search => {
            // Text already in search form is in canonical form too: one scan.
            if first_suspect(text.as_bytes(), 0, true).is_none() {
                return Cow::Borrowed(text);
            }
            // The search form is defined on the canonical form, so that removing
            // an invisible character cannot make letters pair differently
            // (ເ\u{200B}ເເ) and search(canonical(x)) = search(x) by construction.
            match pass(text, false) {
                Cow::Borrowed(t) => pass(t, true),
                Cow::Owned(c) => match pass(&c, true) {
                    Cow::Borrowed(_) => Cow::Owned(c),
                    Cow::Owned(s) => Cow::Owned(s),
                },
            }
        }
    }
}

/// One normalisation pass: the canonical rules, or the search folding with them.
fn pass(text: &str, search: bool) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let Some(first) = first_suspect(bytes, 0, search) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 8);
    let mut scratch = Scratch::default();
    let mut done = 0; // bytes of `text` accounted for in `out`
    let mut p = first;
    loop {
        // The repair reaches neither past an ASCII character nor across a cut (see
        // `is_cut`), so the segment around `p` between the nearest of those is all
        // that needs the slow path.
        let mut start = p;
        while start > done && !bytes[start - 1].is_ascii() && !is_cut(bytes, start) {
            start -= 1;
        }
        let mut end = p + 1;
        while end < bytes.len() && !bytes[end].is_ascii() && !is_cut(bytes, end) {
            end += 1;
        }
        out.push_str(&text[done..start]);
        repair(&text[start..end], search, &mut out, &mut scratch);
        done = end;
        match first_suspect(bytes, end, search) {
            Some(next) => p = next,
            None => break,
        }
    }
    out.push_str(&text[done..]);
    if out == text {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(out)
    }
}

/// Whether the slow path, run on the whole text, would start a new cluster at byte
/// `i` with nothing carried over from before it, in both forms: `i` starts a Lao
/// consonant, and the character before it is a Lao character other than ຫ (which
/// pairs with the consonant after it) and ໌ (which the search form removes,
/// bringing what is before it next to the consonant). The consonant starts a new
/// cluster then, no rule reads across it, and the quick check's state after it
/// does not depend on what came before, so the text can be split there.
#[inline]
fn is_cut(bytes: &[u8], i: usize) -> bool {
    let lao = |k: usize| match bytes.get(k..k + 3) {
        Some(&[0xE0, b1 @ (0xBA | 0xBB), b2]) => Some((((b1 & 1) << 6) | (b2 & 0x3F)) as usize),
        _ => None,
    };
    let (Some(here), Some(before)) = (lao(i), i.checked_sub(3).and_then(lao)) else {
        return false;
    };
    matches!(CODES[here], CONS | HO | NO_MO | LO_LOOT) && CODES[before] != HO && before != 0x4C
}

/// `normalize(text, Form::Canonical)`.
pub fn canonical(text: &str) -> Cow<'_, str> {
    normalize(text, Form::Canonical)
}

/// `normalize(text, Form::Search)`.
pub fn search_key(text: &str) -> Cow<'_, str> {
    normalize(text, Form::Search)
}

/// The rules applied to the whole text without the quick check (slow; for tests).
#[doc(hidden)]
pub fn normalize_reference(text: &str, form: Form) -> String {
    let mut canon = String::new();
    repair(text, false, &mut canon, &mut Scratch::default());
    if form == Form::Canonical {
        return canon;
    }
    let text = canon.as_str();
    let mut out = String::new();
    repair(text, true, &mut out, &mut Scratch::default());
    out
}

/// Whether `text` is already in `form` (`normalize` would return it unchanged).
///
/// ```
/// use akson::{is_normalized, Form};
/// assert!(is_normalized("ນ້ຳ", Form::Canonical));
/// assert!(!is_normalized("ນໍ້າ", Form::Canonical));
/// ```
pub fn is_normalized(text: &str, form: Form) -> bool {
    matches!(normalize(text, form), Cow::Borrowed(_))
}

// ---------------------------------------------------------------------------
// Quick check.
//
// Each Lao character gets a one-byte code; a pair of neighbouring codes decides
// whether the slow path might change something. The check may flag text that the
// slow path then leaves alone (e.g. two different vowel marks on one letter), never
// the reverse: `normalize` compares the result with its input at the end.

const CONS: u8 = 1;
const HO: u8 = 2;
const NO_MO: u8 = 3;
const LO_LOOT: u8 = 4;
const PRE_E: u8 = 5;
const AA: u8 = 6;
const AM: u8 = 7;
const LAO_OTHER: u8 = 9;
const DIGIT: u8 = 10 | SEARCH_BAD;
/// Bit set on codes of combining marks; the low nibble is the mark's sort key.
const MARK: u8 = 0x10;
/// Bit set on the code of ໍ.
const NIGGA: u8 = 0x20;
/// Bit set on codes of characters the search form always changes.
const SEARCH_BAD: u8 = 0x40;

/// Sort key of a Lao combining mark: ຼ < vowel (ccc 0) < ຺ (ccc 9) < ຸ ູ (ccc 118) <
/// tone (ccc 122) < ໌ ໎. Stable sorting by this key yields NFC order.
fn mark_key(c: char) -> u8 {
    match c {
        '\u{0EBC}' => 1,
        '\u{0EBA}' => 3,
        '\u{0EB8}' | '\u{0EB9}' => 4,
        '\u{0EC8}'..='\u{0ECB}' => 5,
        '\u{0ECC}' | '\u{0ECE}' => 6,
        _ => 2,
    }
}

const fn build_codes() -> [u8; 128] {
    let mut t = [LAO_OTHER; 128];
    let mut i = 0;
    while i < 128 {
        let cls = crate::chars::LAO_TABLE[i];
        let cp = 0xE80 + i as u32;
        t[i] = match cls {
            Lc::Cons => CONS,
            Lc::PreE => PRE_E,
            Lc::VowelAa => AA,
            Lc::VowelAm => AM,
            Lc::Digit => DIGIT,
            Lc::SemiLo => MARK | 1,
            Lc::Virama => MARK | 3,
            Lc::VowelU => MARK | 4,
            Lc::Tone => MARK | 5,
            Lc::Cancel => MARK | 6 | SEARCH_BAD,
            Lc::Yamakkan => MARK | 6,
            Lc::Niggahita => MARK | NIGGA | 2,
            Lc::MaiKan | Lc::VowelI | Lc::VowelUe | Lc::MaiKon => MARK | 2,
            _ => LAO_OTHER,
        };
        if cp == 0xEAB {
            t[i] = HO;
        } else if cp == 0xE99 || cp == 0xEA1 {
            t[i] = NO_MO;
        } else if cp == 0xEA5 {
            t[i] = LO_LOOT;
        }
        i += 1;
    }
    t
}

static CODES: [u8; 128] = build_codes();

// The pair rules above, compiled into a DFA over the Lao block: the state is the
// class of the previous character (with whether the current mark run holds ໍ),
// and each entry holds the next state and a "suspect" bit.

const S_OTHER: u8 = 0;
const S_THAI: u8 = 1;
const S_HO: u8 = 2;
const S_PRE_E: u8 = 3;
const S_AM: u8 = 4;
const S_LAO: u8 = 5;
/// States 6..=11: after a mark with key 1..=6; 12..=17: the same with ໍ in the run.
const S_MARK: u8 = 5;
const S_MARK_NIG: u8 = 11;
const N_STATES: usize = 18;
const SUSPECT: u8 = 0x80;

const fn dfa_entry(state: u8, code: u8, search: bool) -> u8 {
    let (prev_mark_key, nig) = if state > S_MARK_NIG {
        (state - S_MARK_NIG, true)
    } else if state > S_MARK {
        (state - S_MARK, false)
    } else {
        (0, false)
    };
    if state == S_THAI || (search && code & SEARCH_BAD != 0) {
        return SUSPECT;
    }
    if code & MARK != 0 {
        let key = code & 0x0F;
        let bad = if prev_mark_key > 0 {
            prev_mark_key >= key
        } else {
            state == S_AM
        };
        let nig = nig || code & NIGGA != 0;
        let next = if nig { S_MARK_NIG + key } else { S_MARK + key };
        return next | if bad { SUSPECT } else { 0 };
    }
    let bad = match code {
        AA | AM => nig,
        NO_MO => state == S_HO,
        LO_LOOT => search && state == S_HO,
        PRE_E => state == S_PRE_E,
        _ => false,
    };
    let next = match code {
        HO => S_HO,
        PRE_E => S_PRE_E,
        AM => S_AM,
        _ => S_LAO,
    };
    next | if bad { SUSPECT } else { 0 }
}

const fn build_dfa(search: bool) -> [[u8; 128]; N_STATES] {
    let mut t = [[0u8; 128]; N_STATES];
    let mut st = 0;
    while st < N_STATES {
        let mut i = 0;
        while i < 128 {
            t[st][i] = dfa_entry(st as u8, CODES[i], search);
            i += 1;
        }
        st += 1;
    }
    t
}

static DFA_CANONICAL: [[u8; 128]; N_STATES] = build_dfa(false);
static DFA_SEARCH: [[u8; 128]; N_STATES] = build_dfa(true);

/// Byte offset of the first character at or after `from` that the slow path might
/// change (or that takes part in such a change), or `None`.
#[inline]
fn first_suspect(bytes: &[u8], from: usize, search: bool) -> Option<usize> {
    let dfa = if search { &DFA_SEARCH } else { &DFA_CANONICAL };
    let n = bytes.len();
    let mut i = from;
    let mut state = S_OTHER;
    while i < n {
        let b = bytes[i];
        if b < 0x80 {
            if search && b == b'\t' {
                return Some(i);
            }
            state = S_OTHER;
            i += 1;
            continue;
        }
        if b == 0xE0 {
            // `bytes` is valid UTF-8, so two continuation bytes follow.
            let b1 = bytes[i + 1];
            if b1 & 0xFE == 0xBA {
                let e = dfa[state as usize][(((b1 & 1) << 6) | (bytes[i + 2] & 0x3F)) as usize];
                if e & SUSPECT != 0 {
                    return Some(i);
                }
                state = e;
                i += 3;
                continue;
            }
            if b1 & 0xFE == 0xB8 {
                // Thai next to Lao: maybe a Thai mark on a Lao letter.
                if state != S_OTHER && state != S_THAI {
                    return Some(i);
                }
                state = S_THAI;
                i += 3;
                continue;
            }
        }
        let len = utf8_len(b);
        if search {
            let c = decode_at(bytes, i, len);
            if is_zero_width(c) || is_other_space(c) {
                return Some(i);
            }
        }
        state = S_OTHER;
        i += len;
    }
    None
}

#[inline]
fn utf8_len(b: u8) -> usize {
    if b < 0xE0 {
        2
    } else if b < 0xF0 {
        3
    } else {
        4
    }
}

#[inline]
fn decode_at(bytes: &[u8], i: usize, len: usize) -> char {
    let s = &bytes[i..i + len];
    let u = match len {
        2 => ((s[0] as u32 & 0x1F) << 6) | (s[1] as u32 & 0x3F),
        3 => ((s[0] as u32 & 0x0F) << 12) | ((s[1] as u32 & 0x3F) << 6) | (s[2] as u32 & 0x3F),
        _ => {
            ((s[0] as u32 & 0x07) << 18)
                | ((s[1] as u32 & 0x3F) << 12)
                | ((s[2] as u32 & 0x3F) << 6)
                | (s[3] as u32 & 0x3F)
        }
    };
    char::from_u32(u).unwrap_or('\u{FFFD}')
}

// ---------------------------------------------------------------------------
// Slow path: the rules themselves, cluster by cluster.

/// Applies the search form's character folding that does not depend on context.
#[inline]
fn premap(c: char, search: bool) -> Option<char> {
    if !search {
        return Some(c);
    }
    if is_zero_width(c) {
        None
    } else if is_other_space(c) {
        Some(' ')
    } else {
        Some(c)
    }
}

/// Whether `c` is a Lao combining mark.
#[inline]
fn is_lao_mark(c: char) -> bool {
    lao_class(c).is_some_and(Lc::is_mark)
}

/// Replaces Thai marks and following vowels (ะ า ำ ๆ) that come after a Lao
/// character by their Lao twins.
fn map_thai_after_lao(v: &mut [char]) {
    for i in 1..v.len() {
        if ('\u{0E00}'..='\u{0E7F}').contains(&v[i]) && is_lao(v[i - 1]) {
            if let Some(t) = thai_mark_twin(v[i]).or_else(|| thai_follow_twin(v[i])) {
                v[i] = t;
            }
        }
    }
}

/// Replaces Thai pre-posed vowels before a Lao consonant by their Lao twins.
fn map_thai_pre_vowels(v: &mut [char]) {
    for i in 0..v.len().saturating_sub(1) {
        if let Some(t) = thai_pre_twin(v[i]) {
            if lao_class(v[i + 1]) == Some(Lc::Cons) {
                v[i] = t;
            }
        }
    }
}

/// Buffers reused from one segment to the next.
#[derive(Default)]
struct Scratch {
    chars: Vec<char>,
    marks: Vec<char>,
}

/// Normalises one segment (no ASCII inside that matters) into `out`.
fn repair(seg: &str, search: bool, out: &mut String, scratch: &mut Scratch) {
    let v = &mut scratch.chars;

    v.clear();
    let mut thai = false;
    for c in seg.chars() {
        if let Some(c) = premap(c, search) {
            thai |= ('\u{0E00}'..='\u{0E7F}').contains(&c);
            v.push(c);
        }
    }
    // The order matters for idempotence: ໌ is Lao context for a Thai mark after
    // it, and removing it (search form) can put a Thai pre-vowel next to a consonant.
    if thai {
        map_thai_after_lao(v);
    }
    if search {
        v.retain(|&c| c != '\u{0ECC}');
    }
    if thai {
        map_thai_pre_vowels(v);
    }
    if search {
        for c in v.iter_mut() {
            if ('\u{0ED0}'..='\u{0ED9}').contains(c) {
                *c = char::from(b'0' + (*c as u32 - 0xED0) as u8);
            }
        }
    }
    let marks = &mut scratch.marks;
    let mut i = 0;
    let n = v.len();
    while i < n {
        let mut c = v[i];
        i += 1;
        marks.clear();
        let base = if is_lao_mark(c) {
            marks.push(c);
            None
        } else {
            match (c, v.get(i).copied()) {
                ('ເ', Some('ເ')) => {
                    i += 1;
                    c = 'ແ';
                }
                ('ຫ', Some('ນ')) => {
                    i += 1;
                    c = 'ໜ';
                }
                ('ຫ', Some('ມ')) => {
                    i += 1;
                    c = 'ໝ';
                }
                ('ຫ', Some('ລ')) if search => {
                    i += 1;
                    marks.push('ຼ');
                }
                _ => {}
            }
            Some(c)
        };
        while i < n && is_lao_mark(v[i]) {
            marks.push(v[i]);
            i += 1;
        }
        // ໍ + າ → ຳ; tone marks typed after ຳ join the cluster of a consonant.
        let mut am = false;
        let on_consonant = base.is_some_and(|b| lao_class(b) == Some(Lc::Cons));
        if i < n {
            if v[i] == 'າ' && marks.contains(&'ໍ') {
                marks.retain(|&m| m != 'ໍ');
                am = true;
            } else if v[i] == 'ຳ' && on_consonant {
                am = true;
            }
            if am {
                i += 1;
                // Only the tone marks of the run after ຳ: the other marks stay
                // where they are (a ໍ there may start another ໍ + າ).
                if on_consonant {
                    let mut j = i;
                    while j < n && is_lao_mark(v[j]) {
                        j += 1;
                    }
                    let run: Vec<char> = v[i..j].to_vec();
                    let tones = run.iter().filter(|&&m| lao_class(m) == Some(Lc::Tone));
                    let others = run.iter().filter(|&&m| lao_class(m) != Some(Lc::Tone));
                    for (slot, &m) in v[i..j].iter_mut().zip(tones.chain(others)) {
                        *slot = m;
                    }
                    while i < j && lao_class(v[i]) == Some(Lc::Tone) {
                        marks.push(v[i]);
                        i += 1;
                    }
                }
                // ຳ carries its own ໍ: one typed before it is a repeat.
                marks.retain(|&m| m != 'ໍ');
            }
        }
        order_marks(marks);
        if let Some(b) = base {
            out.push(b);
        }
        out.extend(marks.iter());
        if am {
            out.push('ຳ');
        }
    }
}

/// Removes repeated marks (keeping the first) and sorts the rest into stored order.
fn order_marks(marks: &mut Vec<char>) {
    if marks.len() < 2 {
        return;
    }
    let mut seen: u128 = 0;
    marks.retain(|&m| {
        // Every mark is in the Lao block after `as_mark`.
        let bit = 1u128 << ((m as u32 - 0xE80) & 127);
        let fresh = seen & bit == 0;
        seen |= bit;
        fresh
    });
    // At most 128 distinct marks remain, in practice a handful: sorting is cheap.
    marks.sort_by_key(|&m| mark_key(m));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canon(s: &str) -> String {
        normalize(s, Form::Canonical).into_owned()
    }
    fn search(s: &str) -> String {
        normalize(s, Form::Search).into_owned()
    }

    #[test]
    fn am_forms_unify() {
        for v in ["ນໍ້າ", "ນ້ໍາ", "ນ້ຳ", "ນຳ້", "ນໍາ້"] {
            assert_eq!(canon(v), "ນ້ຳ", "{v:?}");
        }
        assert_eq!(canon("ດໍາລັດ"), "ດຳລັດ");
    }

    #[test]
    fn ligatures_and_double_e() {
        assert_eq!(canon("ຫນ້າ"), "ໜ້າ");
        assert_eq!(canon("ຫມູ່"), "ໝູ່");
        assert_eq!(canon("ເເລະ"), "ແລະ");
        assert_eq!(canon("ຫລາຍ"), "ຫລາຍ");
        assert_eq!(search("ຫລາຍ"), "ຫຼາຍ");
        assert_eq!(search("ເຫລົ້າ"), "ເຫຼົ້າ");
    }

    #[test]
    fn mark_order_and_duplicates() {
        assert_eq!(canon("ທ່ີ"), "ທີ່");
        assert_eq!(canon("ກ້ັນ"), "ກັ້ນ");
        assert_eq!(canon("ທີ່່"), "ທີ່");
        assert_eq!(canon("ທີີ່"), "ທີ່");
        assert_eq!(canon("ຜູ້"), "ຜູ້");
    }

    #[test]
    fn thai_marks_on_lao() {
        assert_eq!(canon("ບ\u{0E48}"), "ບ່");
        assert_eq!(canon("ທ\u{0E35}\u{0E48}"), "ທີ່");
        // Thai text alone is untouched.
        assert_eq!(canon("ที่นี่"), "ที่นี่");
        assert_eq!(canon("\u{0E40}ລ"), "ເລ");
    }

    #[test]
    fn non_lao_passes_through() {
        for s in ["", "hello", "e\u{301}", "ที่", "\u{A0}\t", "123"] {
            assert!(matches!(canonical(s), Cow::Borrowed(_)), "{s:?}");
        }
    }

    #[test]
    fn search_folding() {
        assert_eq!(search("໒໐໑໘"), "2018");
        assert_eq!(search("ກ\u{A0}ຂ\tຄ"), "ກ ຂ ຄ");
        assert_eq!(search("ກ\u{200B}ຂ"), "ກຂ");
        assert_eq!(search("ເບີ໌"), "ເບີ");
        // Removing an invisible character can expose a repair.
        assert_eq!(search("ຫ\u{200B}ນ"), "ໜ");
        assert_eq!(canon("ຫ\u{200B}ນ"), "ຫ\u{200B}ນ");
    }

    /// Inputs on which property tests or the fuzzer once found the forms
    /// inconsistent (a ໍ, ຳ or tone next to an invisible character or Thai mark).
    #[test]
    fn found_by_property_tests_and_fuzzing() {
        for s in [
            "ນ\u{200d}ຳໍາ",
            "ກໍ\u{200b}ໍ\u{0E32}",
            "ຌຳໍ",
            "ກ\u{0E33}\u{200b}ໍ\u{0E32}",
            "ກຳ\u{0E4E}\u{0EC8}\u{0E80}",
            "ໍາ\u{200b}່",
            "ເ\u{0E40}ກ",
            "໐\u{0E30}",
            "\u{0ECC}\u{0E46}",
            "\u{0E40}\u{0ECC}ກ",
            "aຳິ",
            "ໍ\u{200b}ໍາ",
            "ໍ\u{AD}ໍ\u{0E32}",
            "ເ\u{200b}ເເ",
            "ເ\u{200b}ເເລະ",
        ] {
            let c = canon(s);
            assert_eq!(canon(&c), c, "canonical idempotent on {s:?}");
            let q = search(s);
            assert_eq!(search(&q), q, "search idempotent on {s:?}");
            assert_eq!(search(&c), q, "search(canonical(x)) = search(x) on {s:?}");
            for form in [Form::Canonical, Form::Search] {
                assert_eq!(normalize(s, form), normalize_reference(s, form), "{s:?}");
            }
        }
    }

    #[test]
    fn long_runs_are_split_where_nothing_reads_across() {
        // Text without ASCII: only the cuts between clusters bound the slow path.
        for x in [
            "ກໍາຫນ",
            "ທ່ີເເກ",
            "ກ\u{E48}ຫມ",
            "\u{E40}ກຫ\u{ECC}ນ",
            "ຫ\u{200B}ລາ",
        ] {
            for n in 1..4 {
                let s = x.repeat(n) + "ດຳລັດ" + &x.repeat(n);
                for form in [Form::Canonical, Form::Search] {
                    assert_eq!(normalize(&s, form), normalize_reference(&s, form), "{s:?}");
                }
            }
        }
        let extra = [
            '\u{E48}', '\u{E40}', '\u{E31}', '\u{200B}', '\u{A0}', '\u{E32}',
        ];
        for s in crate::random_texts(0x5DEE_CE66_D1CE_4E5B, &extra, 200).take(5000) {
            for form in [Form::Canonical, Form::Search] {
                assert_eq!(normalize(&s, form), normalize_reference(&s, form), "{s:?}");
            }
        }
    }

    #[test]
    fn borrowed_when_unchanged() {
        let s = "ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ ນ້ຳ ໜ້າທີ່ ແລະ ທີ່";
        assert!(matches!(canonical(s), Cow::Borrowed(_)));
        assert!(matches!(search_key(s), Cow::Borrowed(_)));
    }
}
