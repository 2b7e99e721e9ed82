//! # akson — Lao-script text technology
//!
//! akson (ອັກສອນ, "script") brings Lao text into one canonical form, splits it
//! into syllables and words (with an embedded dictionary) and corrects the errors of
//! Tesseract's Lao OCR; Lao collation is to come.
//! Everything works on `&str`, allocates only when it must and runs in time linear in
//! the input, whatever the input.
//!
//! ## Normalisation
//!
//! The same Lao word is typed in several ways that Unicode NFC leaves distinct
//! (ນໍ້າ / ນ້ໍາ / ນ້ຳ, ຫນ / ໜ, ເເ / ແ, ທ່ີ / ທີ່). [`normalize()`] brings them together:
//!
//! ```
//! use akson::{normalize, Form};
//!
//! assert_eq!(normalize("ດໍາລັດ", Form::Canonical), "ດຳລັດ");
//! assert_eq!(normalize("ຫນ້າທ່ີ", Form::Canonical), "ໜ້າທີ່");
//! // The search form also folds dated spellings, digits and spaces, for matching:
//! assert_eq!(normalize("ຫລວງ\u{A0}໒໐໑໘", Form::Search), "ຫຼວງ 2018");
//! ```
//!
//! See [`normalize`](mod@normalize) for every rule.
//!
//! ## Syllables
//!
//! ```
//! let s: Vec<&str> = akson::syllables("ໂທລະຄົມມະນາຄົມ").collect();
//! assert_eq!(s, ["ໂທ", "ລະ", "ຄົມ", "ມະ", "ນາ", "ຄົມ"]);
//! ```
//!
//! Units always concatenate back to the input, so boundaries can be mapped onto the
//! original text; [`syllable_indices`] gives byte offsets, [`utf16_spans`] and
//! [`char_spans`] convert them for JavaScript and Python.
//!
//! ## Words
//!
//! Lao writes no spaces between words; [`words`] splits a text into words with the
//! embedded dictionary, and [`Dictionary`] lets you add your own:
//!
//! ```
//! let w: Vec<&str> = akson::words("ສາທາລະນະລັດປະຊາທິປະໄຕປະຊາຊົນລາວ").collect();
//! assert_eq!(w, ["ສາທາລະນະລັດ", "ປະຊາທິປະໄຕ", "ປະຊາຊົນ", "ລາວ"]);
//! ```
//!
//! ## OCR correction
//!
//! [`correct()`] repairs what Tesseract's Lao model gets wrong (dropped pre-vowels and
//! tone marks, look-alike letters, spaces where a line wrapped) in context and only
//! when confident; [`corrections`] lists the changes for a review screen and
//! [`suggest`] ranks candidates for one word. See [`correct`](mod@correct).
//!
//! ```
//! assert_eq!(akson::correct("ຕັກໂນ ໂລຊີ ແລະ ການສື່ສານ"), "ເຕັກໂນໂລຊີ ແລະ ການສື່ສານ");
//! ```
//!
//! ## Errors
//!
//! Functions that take `&str` cannot fail. Byte input is checked with
//! [`from_utf8`], which reports the offset of the first invalid byte as an
//! [`Error::InvalidUtf8`].

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod chars;
pub mod correct;
pub mod dict;
mod error;
pub mod normalize;
pub mod syllable;
pub mod word;

pub use correct::{
    correct, corrections, suggest, CorrectOptions, Correction, Corrector, ErrorModel, Suggestion,
};
pub use dict::{Dictionary, DICTIONARY_VERSION};
pub use error::{from_utf8, Error};
#[doc(hidden)]
pub use normalize::normalize_reference;
pub use normalize::{canonical, is_normalized, normalize, search_key, Form};
pub use syllable::{
    char_spans, syllable_indices, syllables, utf16_spans, SyllableIndices, Syllables,
};
pub use word::{word_indices, words, WordIndices, Words};

/// The version of this crate.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// A deterministic xorshift generator for the unit tests: each call gives a
/// number below its argument.
#[cfg(test)]
pub(crate) fn rng(seed: u64) -> impl FnMut(usize) -> usize {
    let mut x = seed;
    move |n: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % n as u64) as usize
    }
}

/// Deterministic random strings for the unit tests.
#[cfg(test)]
pub(crate) fn random_texts(
    seed: u64,
    extra: &[char],
    max_len: usize,
) -> impl Iterator<Item = String> {
    // Lao block characters plus `extra`, picked by an xorshift generator.
    let mut pool: Vec<char> = (0xE80..0xF00).filter_map(char::from_u32).collect();
    pool.extend_from_slice(extra);
    let mut rnd = rng(seed);
    std::iter::repeat_with(move || {
        let len = rnd(max_len);
        (0..len).map(|_| pool[rnd(pool.len())]).collect()
    })
}
