//! Fuzz target for word segmentation and dictionary loading.
//!
//! - Any bytes given to `Dictionary::from_bytes` (a compiled fst or a word list)
//!   give a dictionary or an error, never a panic; a loaded dictionary segments.
//! - For any UTF-8 input `x`, `words(x)` (embedded dictionary) concatenates back to
//!   `x` with no empty token, `word_indices` offsets are contiguous, and every word
//!   boundary is also a syllable boundary.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(dict) = akson::Dictionary::from_bytes(data) {
        let _ = dict.words("ກະຊວງໄປສະນີ ໂທລະຄົມມະນາຄົມ").count();
        let _ = dict.entries();
    }
    let Ok(x) = std::str::from_utf8(data) else {
        return;
    };
    let tokens: Vec<&str> = akson::words(x).collect();
    assert_eq!(tokens.concat(), x, "words do not concatenate to {x:?}");
    assert!(tokens.iter().all(|t| !t.is_empty()), "empty token for {x:?}");
    let syllable_starts: std::collections::HashSet<usize> =
        akson::syllable_indices(x).map(|(o, _)| o).collect();
    let mut at = 0;
    for (off, t) in akson::word_indices(x) {
        assert_eq!(off, at, "word offsets not contiguous for {x:?}");
        assert!(syllable_starts.contains(&off), "word boundary {off} inside a syllable of {x:?}");
        at += t.len();
    }
    assert_eq!(at, x.len());
});
