//! One-run benchmark of akson against the reference crates, on the shared Lao corpus.
//!
//! `cargo bench --bench core` prints a Markdown table (MB/s on one core, best of
//! several samples). Input: every `*.txt` of `../shared/corpus` (or `$AKSON_CORPUS`),
//! concatenated and repeated to about 4 MB.

use std::hint::black_box;
use std::time::{Duration, Instant};

use unicode_normalization::UnicodeNormalization;

/// Loads the corpus and repeats it to about `target` bytes.
fn corpus(target: usize) -> String {
    let dir = std::env::var("AKSON_CORPUS")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus").to_string());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read the corpus folder {dir}: {e}; set AKSON_CORPUS"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut one = String::new();
    for f in files {
        one.push_str(&std::fs::read_to_string(f).unwrap());
        one.push('\n');
    }
    let mut s = String::with_capacity(target + one.len());
    while s.len() < target {
        s.push_str(&one);
    }
    s
}

/// The same text typed the way people and OCR type it: ໍາ for ຳ, ຫນ/ຫມ for ໜ/ໝ,
/// ເເ for ແ, and the tone mark before the vowel mark.
fn denormalise(s: &str) -> String {
    let mut out = s
        .replace('ຳ', "ໍາ")
        .replace('ໜ', "ຫນ")
        .replace('ໝ', "ຫມ")
        .replace('ແ', "ເເ");
    for v in ['ິ', 'ີ', 'ຶ', 'ື', 'ັ', 'ົ'] {
        for t in ['່', '້'] {
            out = out.replace(&format!("{v}{t}"), &format!("{t}{v}"));
        }
    }
    out
}

/// Best throughput in MB/s over several samples of at least 200 ms each.
fn measure(bytes: usize, mut f: impl FnMut()) -> f64 {
    f(); // warm up
    let mut best = Duration::MAX;
    for _ in 0..5 {
        let start = Instant::now();
        let mut runs = 0u32;
        while start.elapsed() < Duration::from_millis(200) {
            f();
            runs += 1;
        }
        best = best.min(start.elapsed() / runs);
    }
    bytes as f64 / best.as_secs_f64() / 1e6
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` runs us once, quickly.
    let quick = !std::env::args().any(|a| a == "--bench");
    let text = akson::canonical(&corpus(if quick { 100_000 } else { 4_000_000 })).into_owned();
    let messy = denormalise(&text);
    // One copy of the corpus, for figures on text never seen before.
    let one = akson::canonical(&corpus(1)).into_owned();
    assert_eq!(
        akson::canonical(&messy),
        text,
        "denormalised text must repair to the original"
    );
    if quick {
        assert!(akson::syllables(&text).count() > 1000);
        assert!(akson::words(&text).count() > 1000);
        println!(
            "bench smoke run ok ({} bytes); run `cargo bench --bench core` for figures",
            text.len()
        );
        return;
    }
    // `cargo bench --bench core -- NAME` measures only the rows whose name contains NAME.
    let only: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with("--"));
    let skip = |name: &str| only.as_ref().is_some_and(|o| !name.contains(o.as_str()));
    let corrector = akson::Corrector::new();
    let grapheme = icu_segmenter::GraphemeClusterSegmenter::new();
    let icu_words = icu_segmenter::WordSegmenter::new_dictionary(Default::default());
    let dict = akson::Dictionary::embedded();
    let rows: Vec<(&str, &str, f64)> = vec![
        (
            "normalise, already canonical",
            "akson canonical",
            if skip("akson canonical") {
                f64::NAN
            } else {
                measure(text.len(), || {
                    black_box(akson::normalize(black_box(&text), akson::Form::Canonical));
                })
            },
        ),
        (
            "",
            "unicode-normalization is_nfc",
            if skip("unicode-normalization is_nfc") {
                f64::NAN
            } else {
                measure(text.len(), || {
                    black_box(unicode_normalization::is_nfc(black_box(&text)));
                })
            },
        ),
        (
            "",
            "unicode-normalization NFC",
            if skip("unicode-normalization NFC") {
                f64::NAN
            } else {
                measure(text.len(), || {
                    black_box(black_box(&text).nfc().collect::<String>());
                })
            },
        ),
        (
            "normalise, needs repair",
            "akson canonical",
            if skip("akson canonical") {
                f64::NAN
            } else {
                measure(messy.len(), || {
                    black_box(akson::normalize(black_box(&messy), akson::Form::Canonical));
                })
            },
        ),
        (
            "",
            "akson search",
            if skip("akson search") {
                f64::NAN
            } else {
                measure(messy.len(), || {
                    black_box(akson::normalize(black_box(&messy), akson::Form::Search));
                })
            },
        ),
        (
            "",
            "unicode-normalization NFC",
            if skip("unicode-normalization NFC") {
                f64::NAN
            } else {
                measure(messy.len(), || {
                    black_box(black_box(&messy).nfc().collect::<String>());
                })
            },
        ),
        (
            "segment",
            "akson syllables",
            if skip("akson syllables") {
                f64::NAN
            } else {
                measure(text.len(), || {
                    black_box(akson::syllables(black_box(&text)).count());
                })
            },
        ),
        (
            "",
            "akson syllables, each text seen once (memo cleared)",
            if skip("akson syllables, each text seen once (memo cleared)") {
                f64::NAN
            } else {
                measure(one.len(), || {
                    akson::syllable::clear_memo();
                    black_box(akson::syllables(black_box(&one)).count());
                })
            },
        ),
        (
            "",
            "ICU4X graphemes",
            if skip("ICU4X graphemes") {
                f64::NAN
            } else {
                measure(text.len(), || {
                    black_box(grapheme.segment_str(black_box(&text)).count());
                })
            },
        ),
        (
            "segment words",
            "akson words",
            if skip("akson words") {
                f64::NAN
            } else {
                measure(text.len(), || {
                    black_box(dict.words(black_box(&text)).count());
                })
            },
        ),
        (
            "",
            "akson words, unnormalised input",
            if skip("akson words, unnormalised input") {
                f64::NAN
            } else {
                measure(messy.len(), || {
                    black_box(dict.words(black_box(&messy)).count());
                })
            },
        ),
        (
            "",
            "ICU4X WordSegmenter (dictionary)",
            if skip("ICU4X WordSegmenter (dictionary)") {
                f64::NAN
            } else {
                measure(text.len(), || {
                    black_box(icu_words.segment_str(black_box(&text)).count());
                })
            },
        ),
        (
            "OCR correction",
            "akson correct (one copy of the corpus)",
            if skip("akson correct") {
                f64::NAN
            } else {
                corrector.suggest("ກ", 1); // build the candidate index first
                measure(one.len(), || {
                    black_box(corrector.correct(black_box(&one)));
                })
            },
        ),
    ];
    println!(
        "input: {} bytes of canonical corpus text, {} bytes denormalised\n",
        text.len(),
        messy.len()
    );
    println!("| task | implementation | MB/s |");
    println!("| --- | --- | ---: |");
    for (task, name, mbs) in rows {
        if mbs.is_nan() {
            continue;
        }
        if mbs < 10.0 {
            println!("| {task} | {name} | {mbs:.1} |");
        } else {
            println!("| {task} | {name} | {mbs:.0} |");
        }
    }
    if !skip("akson correct") {
        // The same figure in Lao words per second (words as akson segments them).
        let lao_words = akson::words(&one)
            .filter(|w| w.chars().any(|c| ('\u{E81}'..='\u{EDF}').contains(&c)))
            .count();
        let mbs = measure(one.len(), || {
            black_box(corrector.correct(black_box(&one)));
        });
        println!(
            "\nakson correct: {:.0} Lao words/s ({lao_words} words in {} bytes)",
            lao_words as f64 * mbs * 1e6 / one.len() as f64,
            one.len()
        );
    }
}
