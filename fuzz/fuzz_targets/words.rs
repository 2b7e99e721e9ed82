//! Fuzz target for word segmentation and dictionary loading.
//!
//! - Any bytes given to `Dictionary::from_bytes` (a compiled fst or a word list)
//!   give a dictionary or an error, never a panic; a loaded dictionary segments.
//!   Bytes that look like an fst of format 3 are also tried with their checksum
//!   made right, so that changed nodes are read, not just refused by the checksum.
//! - For any UTF-8 input `x`, `words(x)` (embedded dictionary) concatenates back to
//!   `x` with no empty token, `word_indices` offsets are contiguous, and every word
//!   boundary is also a syllable boundary (but for a consonant moved to the next
//!   syllable's cluster, ດີ|ກວ່າ, a cluster's first letter read as a lone
//!   consonant, ສປປ|ລາວ, and runs read again without invisible characters).
#![no_main]

use libfuzzer_sys::fuzz_target;

/// `bytes` with the checksum of fst format 3 (masked CRC-32C of all but the last
/// four bytes) made right, so that changed fst files get past the checksum and
/// their nodes are read (`FstCheck` in `dict.rs` must refuse the malformed ones).
fn with_checksum(bytes: &[u8]) -> Vec<u8> {
    let mut bytes = bytes.to_vec();
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
    let masked = (!crc).rotate_right(15).wrapping_add(0xA282_EAD8);
    bytes[n..].copy_from_slice(&masked.to_le_bytes());
    bytes
}

fuzz_target!(|data: &[u8]| {
    let fixed =
        (data.len() >= 36 && data[0] == 3 && data[1..8] == [0; 7]).then(|| with_checksum(data));
    for bytes in [Some(data), fixed.as_deref()].into_iter().flatten() {
        if let Ok(dict) = akson::Dictionary::from_bytes(bytes) {
            let _ = dict.words("ກະຊວງໄປສະນີ ໂທລະຄົມມະນາຄົມ").count();
            let _ = dict.entries();
        }
    }
    let Ok(x) = std::str::from_utf8(data) else {
        return;
    };
    let tokens: Vec<&str> = akson::words(x).collect();
    assert_eq!(tokens.concat(), x, "words do not concatenate to {x:?}");
    assert!(
        tokens.iter().all(|t| !t.is_empty()),
        "empty token for {x:?}"
    );
    let syllable_starts: std::collections::HashSet<usize> =
        akson::syllable_indices(x).map(|(o, _)| o).collect();
    let mut at = 0;
    for (off, t) in akson::word_indices(x) {
        assert_eq!(off, at, "word offsets not contiguous for {x:?}");
        // A word boundary is a syllable boundary, but where the word segmenter
        // moved a consonant that the syllable segmenter read as a final to the
        // next syllable's cluster (ດີກ|ວ່າ → ດີ|ກວ່າ: one Lao letter before a
        // syllable start), or read a run again without its invisible characters
        // and other scripts' marks (ເສລີ\u{AD}ພາບ), or read the first letter of a
        // cluster after a lone consonant as one more (ສ|ປ|ປລາວ → ສປປ|ລາວ: one Lao
        // letter after a syllable start).
        let consonant = |c: char| ('\u{E81}'..='\u{EAE}').contains(&c);
        let moved_consonant = x[off..].chars().next().is_some_and(|c| {
            consonant(c) && syllable_starts.contains(&(off + c.len_utf8()))
        });
        let split_cluster = x[..off].chars().next_back().is_some_and(|c| {
            consonant(c) && syllable_starts.contains(&(off - c.len_utf8()))
        });
        let reread = x.chars().any(|c| {
            matches!(c, '\u{AD}' | '\u{180E}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
                || matches!(c as u32, 0x300..=0x36F | 0x483..=0x489 | 0x591..=0x5BD
                    | 0x610..=0x61A | 0x64B..=0x65F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF
                    | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F)
        });
        assert!(
            syllable_starts.contains(&off) || moved_consonant || split_cluster || reread,
            "word boundary {off} inside a syllable of {x:?}"
        );
        at += t.len();
    }
    assert_eq!(at, x.len());
});
