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
//! syllable, so the segmenter runs in one pass, in time linear in the input, with no
//! allocation.
//!
//! Runs of other text are units of their own: whitespace, numbers (ASCII, Lao or
//! other digits, with `.` or `,` between digits), letters of other scripts with their
//! combining marks, and each other character (punctuation, symbols). ໆ stays with the
//! syllable before it; ຯ is a unit of its own.
//!
//! ```
//! let s: Vec<&str> = akson::syllables("ວັດທະນະຖາວອນ").collect();
//! assert_eq!(s, ["ວັດ", "ທະ", "ນະ", "ຖາ", "ວອນ"]);
//! let s: Vec<&str> = akson::syllables("ຄອມພິວເຕີ 2 ເຄື່ອງ").collect();
//! assert_eq!(s, ["ຄອມ", "ພິວ", "ເຕີ", " ", "2", " ", "ເຄື່ອງ"]);
//! ```

use crate::chars::{lao_class, thai_mark_twin, Lc};

/// Iterator over the syllables (and other units) of a text, as `&str` slices that
/// concatenate back to the text. Made by [`syllables`].
#[derive(Clone, Debug)]
pub struct Syllables<'a> {
    inner: SyllableIndices<'a>,
}

/// Iterator over `(byte_offset, syllable)` pairs. Made by [`syllable_indices`].
#[derive(Clone, Debug)]
pub struct SyllableIndices<'a> {
    text: &'a str,
    pos: usize,
    /// Candidates already computed for the syllable starting at `pos`.
    cached: Option<Cands>,
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
        cached: None,
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

    fn next(&mut self) -> Option<(usize, &'a str)> {
        let start = self.pos;
        if start >= self.text.len() {
            return None;
        }
        let end = self.unit_end(start);
        self.pos = end;
        Some((start, &self.text[start..end]))
    }
}

impl std::iter::FusedIterator for Syllables<'_> {}
impl std::iter::FusedIterator for SyllableIndices<'_> {}

impl SyllableIndices<'_> {
    /// End of the unit starting at `start`.
    fn unit_end(&mut self, start: usize) -> usize {
        let text = self.text;
        let b = text.as_bytes();
        if lao_at(b, start).is_some_and(|(c, _)| starts_syllable(c)) {
            let cands = match self.cached.take() {
                Some(c) => c,
                None => lao_candidates(b, start),
            };
            // Choose the candidate whose cost plus the best next syllable is lowest;
            // on a tie, the longer one.
            let mut best: Option<(u32, usize, Option<Cands>)> = None;
            for cand in &cands.list[..cands.len] {
                let (next_cost, next_cands) = match lao_at(b, cand.end) {
                    Some((c, _)) if starts_syllable(c) => {
                        let nc = lao_candidates(b, cand.end);
                        (nc.min_cost(), Some(nc))
                    }
                    _ => (0, None),
                };
                let total = cand.cost as u32 + next_cost;
                let better = match &best {
                    None => true,
                    Some((t, e, _)) => total < *t || (total == *t && cand.end > *e),
                };
                if better {
                    best = Some((total, cand.end, next_cands));
                }
            }
            let (_, mut end, next) = best.expect("at least one candidate");
            self.cached = next;
            // ໆ repeats the syllable before it and stays with it.
            while let Some((Lc::KoLa, _)) = lao_at(b, end) {
                end += 3;
                self.cached = None;
            }
            return end;
        }
        self.cached = None;
        other_unit_end(text, start)
    }
}

/// Whether a syllable (rather than another unit) starts at a Lao character of class `c`.
#[inline]
fn starts_syllable(c: Lc) -> bool {
    !matches!(c, Lc::Digit | Lc::Ellipsis | Lc::Unassigned | Lc::KoLa)
}

/// Class and character at byte `i` if it is a Lao character, or a Thai combining mark
/// (taken as its Lao twin so that un-normalised text still segments).
#[inline]
fn lao_at(b: &[u8], i: usize) -> Option<(Lc, char)> {
    if i + 3 > b.len() || b[i] != 0xE0 {
        return None;
    }
    let b1 = b[i + 1];
    let b2 = b[i + 2];
    match b1 {
        0xBA | 0xBB => {
            let cp = 0xE00 | (((b1 as u32) & 0x03) << 6) | (b2 as u32 & 0x3F);
            let c = char::from_u32(cp)?;
            Some((crate::chars::LAO_TABLE[(cp - 0xE80) as usize], c))
        }
        0xB8 | 0xB9 => {
            let cp = 0xE00 | (((b1 as u32) & 0x03) << 6) | (b2 as u32 & 0x3F);
            let twin = thai_mark_twin(char::from_u32(cp)?)?;
            Some((lao_class(twin)?, twin))
        }
        _ => None,
    }
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
/// A mark, vowel or pre-vowel with no consonant to sit on.
const STRAY: u16 = 40;

#[derive(Copy, Clone, Debug)]
struct Cand {
    end: usize,
    cost: u16,
}

const MAX_CANDS: usize = 32;

#[derive(Copy, Clone, Debug)]
struct Cands {
    len: usize,
    list: [Cand; MAX_CANDS],
}

impl Cands {
    fn new() -> Cands {
        Cands {
            len: 0,
            list: [Cand { end: 0, cost: 0 }; MAX_CANDS],
        }
    }
    #[inline]
    fn push(&mut self, end: usize, cost: u16) {
        // Keep the cheapest cost per end.
        for c in &mut self.list[..self.len] {
            if c.end == end {
                c.cost = c.cost.min(cost);
                return;
            }
        }
        if self.len < MAX_CANDS {
            self.list[self.len] = Cand { end, cost };
            self.len += 1;
        }
    }
    fn min_cost(&self) -> u32 {
        self.list[..self.len]
            .iter()
            .map(|c| c.cost as u32)
            .min()
            .unwrap_or(0)
    }
}

/// Vowel-letter elements of a syllable after the onset and its marks.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum El {
    /// ະ
    A,
    /// າ
    Aa,
    /// ຳ
    Am,
    /// ອ as a vowel
    O,
    /// ວ as a vowel (ua)
    W,
    /// ຽ
    Nyo,
    /// a final consonant (required)
    F,
    /// a final consonant (optional)
    OptF,
}

use El::*;

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

/// Tails allowed after (pre-vowel, vowel mark), with their extra cost.
fn tails(pre: Option<Lc>, v: Vm) -> &'static [(&'static [El], u16)] {
    match (pre, v) {
        (None, Vm::None) => &[
            (&[A], 0),
            (&[Aa, OptF], 0),
            (&[Am], 0),
            (&[O, F], 0),
            (&[O], 15),
            (&[W, F], 0),
            (&[Nyo, F], 0),
            (&[Nyo], 6),
        ],
        (None, Vm::MaiKan) => &[(&[F], 0), (&[O, F], 2)],
        (None, Vm::Upper) | (None, Vm::Ue) => &[(&[OptF], 0)],
        (None, Vm::MaiKon) => &[(&[F], 0), (&[W, A], 0)],
        (None, Vm::Niggahita) => &[(&[], 0), (&[Aa], 0)],
        (Some(Lc::PreE), Vm::None) => &[(&[OptF], 0), (&[A], 0), (&[Aa, A], 0), (&[Aa], 2)],
        (Some(Lc::PreE), Vm::MaiKan) => &[(&[F], 0)],
        (Some(Lc::PreE), Vm::Upper) => &[(&[OptF], 0)],
        (Some(Lc::PreE), Vm::Ue) => &[(&[O, OptF], 0), (&[], 3)],
        (Some(Lc::PreE), Vm::MaiKon) => &[(&[Aa], 0)],
        (Some(Lc::PreAe), Vm::None) | (Some(Lc::PreO), Vm::None) => &[(&[OptF], 0), (&[A], 0)],
        (Some(Lc::PreAe), Vm::MaiKan) => &[(&[F], 0)],
        (Some(Lc::PreAi), Vm::None) => &[(&[], 0)],
        _ => &[],
    }
}

#[inline]
fn is_common_final(c: char) -> bool {
    matches!(c, 'ກ' | 'ງ' | 'ດ' | 'ນ' | 'ບ' | 'ມ' | 'ຍ' | 'ວ')
}

/// Consonants that never close a syllable.
#[inline]
fn never_final(c: char) -> bool {
    matches!(c, 'ຫ' | 'ອ' | 'ຢ' | 'ໜ' | 'ໝ' | 'ຮ')
}

/// Second consonants of a ຫ-cluster.
#[inline]
fn ho_cluster_second(c: char) -> bool {
    matches!(c, 'ງ' | 'ຍ' | 'ນ' | 'ມ' | 'ລ' | 'ວ' | 'ຣ')
}

/// First consonants of a ລ/ຣ cluster.
#[inline]
fn lr_cluster_first(c: char) -> bool {
    matches!(
        c,
        'ກ' | 'ຂ'
            | 'ຄ'
            | 'ປ'
            | 'ຜ'
            | 'ພ'
            | 'ຕ'
            | 'ທ'
            | 'ບ'
            | 'ຟ'
            | 'ສ'
            | 'ດ'
            | 'ຖ'
            | 'ຈ'
    )
}

/// Reads the run of combining marks at `i`: its end and the vowel mark in it.
#[inline]
fn mark_run(b: &[u8], mut i: usize) -> (usize, Vm, bool) {
    let mut v = Vm::None;
    let mut any = false;
    while let Some((c, _)) = lao_at(b, i) {
        let m = match c {
            Lc::MaiKan => Vm::MaiKan,
            Lc::VowelI | Lc::VowelU => Vm::Upper,
            Lc::VowelUe => Vm::Ue,
            Lc::MaiKon => Vm::MaiKon,
            Lc::Niggahita => Vm::Niggahita,
            c if c.is_mark() => Vm::None,
            _ => break,
        };
        if v == Vm::None {
            v = m;
        }
        any = true;
        i += 3;
    }
    (i, v, any)
}

/// Whether the consonant at `i` can close a syllable: it is not followed by a mark or
/// a vowel letter that would make it the next onset. Returns the end of the final
/// (with an attached ໌ or ຺) and its cost.
#[inline]
fn final_at(b: &[u8], i: usize) -> Option<(usize, u16)> {
    let (c, ch) = lao_at(b, i)?;
    if c != Lc::Cons || never_final(ch) {
        return None;
    }
    let mut end = i + 3;
    match lao_at(b, end) {
        Some((Lc::Cancel | Lc::Virama, _)) => {
            end += 3;
        }
        Some((n, _)) if n.is_mark() => return None,
        Some((Lc::VowelA | Lc::VowelAa | Lc::VowelAm | Lc::Nyo, _)) => return None,
        _ => {}
    }
    Some((end, if is_common_final(ch) { 0 } else { RARE_FINAL }))
}

/// Matches `tail` from byte `i`, pushing every end it can reach.
fn match_tail(b: &[u8], i: usize, tail: &[El], cost: u16, out: &mut Cands) {
    let Some((&el, rest)) = tail.split_first() else {
        out.push(i, cost);
        return;
    };
    let want = |c: Lc, ch: char| match el {
        A => c == Lc::VowelA,
        Aa => c == Lc::VowelAa,
        Am => c == Lc::VowelAm,
        O => ch == 'ອ',
        W => ch == 'ວ',
        Nyo => c == Lc::Nyo,
        F | OptF => false,
    };
    match el {
        F | OptF => {
            if el == OptF {
                match_tail(b, i, rest, cost, out);
            }
            if let Some((end, fc)) = final_at(b, i) {
                match_tail(b, end, rest, cost + fc, out);
            }
        }
        _ => {
            if let Some((c, ch)) = lao_at(b, i) {
                if want(c, ch) {
                    let mut end = i + 3;
                    // A tone typed after ຳ or າ (ນຳ້) still belongs to this syllable.
                    if matches!(el, Am | Aa) && rest.is_empty() {
                        while let Some((Lc::Tone, _)) = lao_at(b, end) {
                            end += 3;
                        }
                    }
                    match_tail(b, end, rest, cost, out);
                }
            }
        }
    }
}

/// Every reading of a Lao syllable starting at byte `pos`, with its cost.
fn lao_candidates(b: &[u8], pos: usize) -> Cands {
    let mut out = Cands::new();
    let Some((c0, _)) = lao_at(b, pos) else {
        return out;
    };
    let mut p = pos;
    let mut pre = None;
    if c0.is_pre_vowel() {
        pre = Some(c0);
        p += 3;
        // ເເ typed for ແ.
        if c0 == Lc::PreE && matches!(lao_at(b, p), Some((Lc::PreE, _))) {
            pre = Some(Lc::PreAe);
            p += 3;
        }
    }
    match lao_at(b, p) {
        Some((Lc::Cons, ch)) => {
            // Onsets: (end, cost, medial ວ).
            let mut onsets = [(p + 3, 0u16, false); 3];
            let mut n = 1;
            if let Some((Lc::Cons, ch2)) = lao_at(b, p + 3) {
                if ch == 'ຫ' && ho_cluster_second(ch2) {
                    onsets[n] = (p + 6, 0, false);
                    n += 1;
                } else if matches!(ch2, 'ລ' | 'ຣ') && lr_cluster_first(ch) {
                    onsets[n] = (p + 6, CLUSTER_LR, false);
                    n += 1;
                } else if ch2 == 'ວ' && ch != 'ວ' {
                    onsets[n] = (p + 6, MEDIAL_W, true);
                    n += 1;
                }
            }
            for &(q, oc, medial) in &onsets[..n] {
                let (r, v, _) = mark_run(b, q);
                for &(tail, tc) in tails(pre, v) {
                    // Medial ວ needs a vowel after it, not ວ again.
                    if medial
                        && (tail.is_empty() && pre.is_none() && v == Vm::None
                            || tail.first() == Some(&W))
                    {
                        continue;
                    }
                    match_tail(b, r, tail, BASE + oc + tc, &mut out);
                }
            }
            // Fallback: the consonant (with its marks) alone.
            let (r, _, _) = mark_run(b, p + 3);
            let cost = if pre.is_some() {
                BASE + 12
            } else {
                BARE_CONSONANT
            };
            out.push(r, cost);
        }
        _ => {
            // A pre-vowel with no consonant, or a mark/vowel letter with no onset.
            let first_end = if pre.is_some() { p } else { p + 3 };
            let (r, _, _) = mark_run(b, first_end);
            out.push(r, STRAY);
        }
    }
    // A silent letter with ໌ (ຈັນທ໌, ໄຟລ໌) belongs to the syllable before it.
    for k in 0..out.len {
        let end = out.list[k].end;
        if let Some((Lc::Cons, _)) = lao_at(b, end) {
            let (r, _, any) = mark_run(b, end + 3);
            if any && run_has_cancel(b, end + 3, r) {
                out.list[k].end = r;
            }
        }
    }
    out
}

fn run_has_cancel(b: &[u8], mut i: usize, end: usize) -> bool {
    while i < end {
        if let Some((Lc::Cancel, _)) = lao_at(b, i) {
            return true;
        }
        i += 3;
    }
    false
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
    } else if c.is_alphabetic() {
        Other::Letters
    } else {
        Other::Single
    }
}

/// Non-spacing marks of other scripts that stay with the letter before them.
#[inline]
fn is_foreign_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A | 0x064B..=0x065F
        | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF
        | 0x200C | 0x200D | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F)
}

/// End of the non-syllable unit starting at `start`.
fn other_unit_end(text: &str, start: usize) -> usize {
    let mut it = text[start..].char_indices().peekable();
    let (_, first) = it.next().expect("start < len");
    let kind = kind_of(first);
    let mut end = start + first.len_utf8();
    while let Some(&(off, c)) = it.peek() {
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
            Other::Letters => (c.is_alphabetic() && !crate::chars::is_lao(c)) || is_foreign_mark(c),
            Other::Single => is_foreign_mark(c),
        };
        if !ok {
            break;
        }
        end = start + off + c.len_utf8();
        it.next();
    }
    end
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
    fn stray_marks_are_kept() {
        for s in ["່", "າ", "ເ", "ເເ", "ິິິ", "ກ່່່່", "ໆໆ"] {
            assert_eq!(syllables(s).collect::<String>(), s);
        }
    }
}
