//! Character classes of the Lao block (U+0E80–U+0EFF) and the Thai twins of Lao marks.
//!
//! Everything else in the crate (normalisation, syllables, words) works from the
//! [`Lc`] class of a character, looked up in one 128-entry table.

/// Class of a code point of the Lao block, as the syllable grammar and the
/// normaliser see it.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Lc {
    /// Unassigned code point of the Lao block.
    Unassigned,
    /// A consonant letter (ກ … ຮ, ໜ, ໝ, Pali and Khmu letters).
    Cons,
    /// Pre-posed vowel ເ.
    PreE,
    /// Pre-posed vowel ແ.
    PreAe,
    /// Pre-posed vowel ໂ.
    PreO,
    /// Pre-posed vowels ໄ and ໃ.
    PreAi,
    /// ະ
    VowelA,
    /// າ
    VowelAa,
    /// ຳ
    VowelAm,
    /// ັ (mai kan)
    MaiKan,
    /// ິ ີ
    VowelI,
    /// ຶ ື
    VowelUe,
    /// ຸ ູ
    VowelU,
    /// ົ (mai kon)
    MaiKon,
    /// ໍ (niggahita)
    Niggahita,
    /// ຼ (semivowel lo, subscript)
    SemiLo,
    /// ຽ (semivowel nyo)
    Nyo,
    /// ່ ້ ໊ ໋
    Tone,
    /// ໌ (cancellation mark)
    Cancel,
    /// ຺ (Pali virama)
    Virama,
    /// ໎ (yamakkan)
    Yamakkan,
    /// ໆ (ko la, repetition)
    KoLa,
    /// ຯ (ellipsis)
    Ellipsis,
    /// ໐ … ໙
    Digit,
}

impl Lc {
    /// Combining marks: sit on a base letter.
    #[inline]
    pub(crate) const fn is_mark(self) -> bool {
        matches!(
            self,
            Lc::MaiKan
                | Lc::VowelI
                | Lc::VowelUe
                | Lc::VowelU
                | Lc::MaiKon
                | Lc::Niggahita
                | Lc::SemiLo
                | Lc::Tone
                | Lc::Cancel
                | Lc::Virama
                | Lc::Yamakkan
        )
    }
}

const fn build_table() -> [Lc; 128] {
    let mut t = [Lc::Unassigned; 128];
    // Consonants.
    let cons: [u32; 41] = [
        0xE81, 0xE82, 0xE84, 0xE86, 0xE87, 0xE88, 0xE89, 0xE8A, 0xE8C, 0xE8D, 0xE8E, 0xE8F, 0xE90,
        0xE91, 0xE92, 0xE93, 0xE94, 0xE95, 0xE96, 0xE97, 0xE98, 0xE99, 0xE9A, 0xE9B, 0xE9C, 0xE9D,
        0xE9E, 0xE9F, 0xEA0, 0xEA1, 0xEA2, 0xEA3, 0xEA5, 0xEA7, 0xEA8, 0xEA9, 0xEAA, 0xEAB, 0xEAC,
        0xEAD, 0xEAE,
    ];
    let mut i = 0;
    while i < cons.len() {
        t[(cons[i] - 0xE80) as usize] = Lc::Cons;
        i += 1;
    }
    t[0xEDC - 0xE80] = Lc::Cons; // ໜ
    t[0xEDD - 0xE80] = Lc::Cons; // ໝ
    t[0xEDE - 0xE80] = Lc::Cons; // ໞ
    t[0xEDF - 0xE80] = Lc::Cons; // ໟ
    t[0xEAF - 0xE80] = Lc::Ellipsis;
    t[0xEB0 - 0xE80] = Lc::VowelA;
    t[0xEB1 - 0xE80] = Lc::MaiKan;
    t[0xEB2 - 0xE80] = Lc::VowelAa;
    t[0xEB3 - 0xE80] = Lc::VowelAm;
    t[0xEB4 - 0xE80] = Lc::VowelI;
    t[0xEB5 - 0xE80] = Lc::VowelI;
    t[0xEB6 - 0xE80] = Lc::VowelUe;
    t[0xEB7 - 0xE80] = Lc::VowelUe;
    t[0xEB8 - 0xE80] = Lc::VowelU;
    t[0xEB9 - 0xE80] = Lc::VowelU;
    t[0xEBA - 0xE80] = Lc::Virama;
    t[0xEBB - 0xE80] = Lc::MaiKon;
    t[0xEBC - 0xE80] = Lc::SemiLo;
    t[0xEBD - 0xE80] = Lc::Nyo;
    t[0xEC0 - 0xE80] = Lc::PreE;
    t[0xEC1 - 0xE80] = Lc::PreAe;
    t[0xEC2 - 0xE80] = Lc::PreO;
    t[0xEC3 - 0xE80] = Lc::PreAi;
    t[0xEC4 - 0xE80] = Lc::PreAi;
    t[0xEC6 - 0xE80] = Lc::KoLa;
    t[0xEC8 - 0xE80] = Lc::Tone;
    t[0xEC9 - 0xE80] = Lc::Tone;
    t[0xECA - 0xE80] = Lc::Tone;
    t[0xECB - 0xE80] = Lc::Tone;
    t[0xECC - 0xE80] = Lc::Cancel;
    t[0xECD - 0xE80] = Lc::Niggahita;
    t[0xECE - 0xE80] = Lc::Yamakkan;
    let mut d = 0xED0;
    while d <= 0xED9 {
        t[(d - 0xE80) as usize] = Lc::Digit;
        d += 1;
    }
    t
}

/// Class of every code point U+0E80 + i.
pub(crate) static LAO_TABLE: [Lc; 128] = build_table();

/// Class of `c` if it is in the Lao block.
#[inline]
pub(crate) fn lao_class(c: char) -> Option<Lc> {
    let u = c as u32;
    if (0xE80..0xF00).contains(&u) {
        Some(LAO_TABLE[(u - 0xE80) as usize])
    } else {
        None
    }
}

/// Class of the first character of `s` if it is in the Lao block (read from its
/// UTF-8 bytes, without decoding).
#[inline]
pub(crate) fn lao_class_first(s: &str) -> Option<Lc> {
    match s.as_bytes() {
        [0xE0, b1 @ (0xBA | 0xBB), b2, ..] => {
            Some(LAO_TABLE[(((b1 & 1) << 6) | (b2 & 0x3F)) as usize])
        }
        _ => None,
    }
}

/// Whether `unit` is one Lao consonant and nothing else (a letter of an
/// abbreviation such as ສປປ, or of an issuer's in a document number, 323/ລບ), or
/// ຫນ or ຫມ, which are ໜ and ໝ spelt in two letters.
#[inline]
pub(crate) fn is_lone_consonant(unit: &str) -> bool {
    (unit.len() == 3 && lao_class_first(unit) == Some(Lc::Cons)) || matches!(unit, "ຫນ" | "ຫມ")
}

/// Whether `c` is any character of the Lao block (assigned or not).
#[inline]
pub(crate) fn is_lao(c: char) -> bool {
    matches!(c as u32, 0xE80..=0xEFF)
}

/// Lao twin of a Thai combining mark or dependent vowel, if it has one.
///
/// Thai keyboards and fonts are often used to type Lao; the marks then come out as
/// Thai code points sitting on Lao letters.
#[inline]
pub(crate) fn thai_mark_twin(c: char) -> Option<char> {
    let lao = match c as u32 {
        0x0E31 => 0x0EB1,                   // ั → ັ
        0x0E34..=0x0E39 => c as u32 + 0x80, // ิ ี ึ ื ุ ู → ິ ີ ຶ ື ຸ ູ
        0x0E3A => 0x0EBA,                   // ฺ → ຺
        0x0E48..=0x0E4D => c as u32 + 0x80, // ่ ้ ๊ ๋ ์ ํ → ່ ້ ໊ ໋ ໌ ໍ
        0x0E4E => 0x0ECE,                   // ๎ → ໎
        _ => return None,
    };
    char::from_u32(lao)
}

/// Lao twin of a Thai spacing vowel that follows its consonant (ะ า ำ) or of ๆ.
#[inline]
pub(crate) fn thai_follow_twin(c: char) -> Option<char> {
    match c {
        '\u{0E30}' => Some('\u{0EB0}'),
        '\u{0E32}' => Some('\u{0EB2}'),
        '\u{0E33}' => Some('\u{0EB3}'),
        '\u{0E46}' => Some('\u{0EC6}'),
        _ => None,
    }
}

/// Lao twin of a Thai pre-posed vowel (เ แ โ ใ ไ).
#[inline]
pub(crate) fn thai_pre_twin(c: char) -> Option<char> {
    match c as u32 {
        0x0E40..=0x0E44 => char::from_u32(c as u32 + 0x80),
        _ => None,
    }
}

/// Zero-width and invisible formatting characters removed by the search form.
#[inline]
pub(crate) fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{180E}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Space characters other than U+0020 that the search form folds to U+0020:
/// TAB and every character of general category Zs.
#[inline]
pub(crate) fn is_other_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\u{00A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_matches_unicode_categories() {
        // Every consonant is a letter, every mark is a combining mark (spot checks).
        assert_eq!(lao_class('ກ'), Some(Lc::Cons));
        assert_eq!(lao_class('ໜ'), Some(Lc::Cons));
        assert_eq!(lao_class('ເ'), Some(Lc::PreE));
        assert_eq!(lao_class('່'), Some(Lc::Tone));
        assert_eq!(lao_class('ຳ'), Some(Lc::VowelAm));
        assert_eq!(lao_class('໙'), Some(Lc::Digit));
        assert_eq!(lao_class('\u{0E80}'), Some(Lc::Unassigned));
        assert_eq!(lao_class('a'), None);
        assert!(Lc::Tone.is_mark() && Lc::SemiLo.is_mark() && !Lc::VowelAa.is_mark());
    }

    #[test]
    fn thai_twins() {
        assert_eq!(thai_mark_twin('\u{0E48}'), Some('່'));
        assert_eq!(thai_mark_twin('\u{0E34}'), Some('ິ'));
        assert_eq!(thai_mark_twin('\u{0E4D}'), Some('ໍ'));
        assert_eq!(thai_mark_twin('\u{0E47}'), None);
        assert_eq!(thai_pre_twin('\u{0E40}'), Some('ເ'));
        assert_eq!(thai_follow_twin('\u{0E32}'), Some('າ'));
    }
}
