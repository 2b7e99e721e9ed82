//! Fuzz target for `akson::syllables`, `syllable_indices`, `utf16_spans` and
//! `char_spans`.
//!
//! For any UTF-8 input `x`:
//! - the syllables concatenate back to `x`, and no unit is empty;
//! - `syllable_indices` (with the memo learnt from the first pass) yields the same
//!   units as `syllables` (from an empty memo), with byte offsets that
//!   start at 0, are contiguous (each starts where the previous one ended), lie on
//!   char boundaries, and end at `x.len()`;
//! - `utf16_spans` and `char_spans` give one span per unit, contiguous from 0, each as
//!   long as its unit in UTF-16 code units / chars, ending at the text's UTF-16 length
//!   / char count.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(x) = std::str::from_utf8(data) else {
        return;
    };

    // The first pass starts from an empty memo (the grammar decides, and the memo
    // learns); the second (`syllable_indices`, below) runs on what the memo learnt
    // (the automaton on the bytes): both must give the same units.
    akson::syllable::clear_memo();
    let units: Vec<&str> = akson::syllables(x).collect();
    assert_eq!(
        units.concat(),
        x,
        "syllables do not concatenate to {x:?}: {units:?}"
    );
    assert!(
        units.iter().all(|u| !u.is_empty()),
        "empty unit for {x:?}: {units:?}"
    );

    let indexed: Vec<(usize, &str)> = akson::syllable_indices(x).collect();
    assert_eq!(
        indexed.len(),
        units.len(),
        "syllable_indices/syllables count for {x:?}"
    );
    let mut at = 0usize;
    for (i, &(off, s)) in indexed.iter().enumerate() {
        assert_eq!(
            off, at,
            "offset not contiguous at unit {i} for {x:?}: {indexed:?}"
        );
        assert_eq!(
            s, units[i],
            "syllable_indices/syllables differ at unit {i} for {x:?}"
        );
        assert!(!s.is_empty(), "empty unit {i} for {x:?}");
        assert!(
            x.is_char_boundary(off),
            "offset {off} not on a char boundary in {x:?}"
        );
        assert_eq!(
            &x[off..off + s.len()],
            s,
            "unit {i} is not the text at its offset for {x:?}"
        );
        at = off + s.len();
    }
    assert_eq!(at, x.len(), "units do not cover {x:?}");

    let u16s: Vec<(usize, usize)> = akson::utf16_spans(indexed.iter().copied()).collect();
    let chars: Vec<(usize, usize)> = akson::char_spans(indexed.iter().copied()).collect();
    assert_eq!(u16s.len(), units.len());
    assert_eq!(chars.len(), units.len());
    let (mut u_at, mut c_at) = (0usize, 0usize);
    for (i, s) in units.iter().enumerate() {
        let (us, ue) = u16s[i];
        let (cs, ce) = chars[i];
        assert_eq!(us, u_at, "utf16 span {i} not contiguous for {x:?}");
        assert_eq!(cs, c_at, "char span {i} not contiguous for {x:?}");
        assert_eq!(
            ue - us,
            s.encode_utf16().count(),
            "utf16 span {i} length for {x:?}"
        );
        assert_eq!(ce - cs, s.chars().count(), "char span {i} length for {x:?}");
        assert!(ue > us && ce > cs, "empty span {i} for {x:?}");
        u_at = ue;
        c_at = ce;
    }
    assert_eq!(
        u_at,
        x.encode_utf16().count(),
        "utf16 spans do not cover {x:?}"
    );
    assert_eq!(c_at, x.chars().count(), "char spans do not cover {x:?}");
});
