//! Fuzz target for OCR correction.
//!
//! For any UTF-8 input `x` (and any threshold derived from its first byte),
//! `correct` returns as many lines as it was given, every correction's span is a
//! slice of `x` holding its `original`, confidences are probabilities, and
//! `suggest` never panics. The error model parser takes any text without panicking.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

/// One corrector for every run (its candidate index is built once; clones share it).
fn base() -> &'static akson::Corrector {
    static C: OnceLock<akson::Corrector> = OnceLock::new();
    C.get_or_init(akson::Corrector::new)
}

fuzz_target!(|data: &[u8]| {
    let Ok(x) = std::str::from_utf8(data) else {
        return;
    };
    let _ = akson::ErrorModel::from_tsv(x);
    let t = data.first().map_or(0.9, |&b| b as f64 / 255.0);
    let c = base()
        .clone()
        .with_options(akson::CorrectOptions::with_threshold(t).expect("0..=1"));
    let out = c.correct(x);
    assert_eq!(out.matches('\n').count(), x.matches('\n').count(), "lines of {x:?}");
    for k in c.corrections(x) {
        assert_eq!(x.get(k.start..k.end), Some(k.original.as_str()), "span in {x:?}");
        assert!((0.0..=1.0).contains(&k.confidence), "confidence for {x:?}");
    }
    let _ = c.suggest(x, 5);
});
