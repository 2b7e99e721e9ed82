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

/// The OCR side (third column) of the test split's line pairs of these settings,
/// Phetsarath OT, one line each.
fn ocr_lines(settings: &[&str]) -> String {
    let mut out = String::new();
    for s in settings {
        let path = format!(
            "{}/dictionaries/ocr/pairs/test/{s}__phetsarath-ot.tsv",
            env!("CARGO_MANIFEST_DIR")
        );
        let tsv = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        for line in tsv.lines() {
            out.push_str(line.split('\t').nth(2).unwrap_or(""));
            out.push('\n');
        }
    }
    out
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
fn measure(bytes: usize, f: &mut dyn FnMut()) -> f64 {
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

/// How many times faster `a` is than `b`, from `pairs` samples taken alternately
/// (one run of `a`, then one of `b`), so that both see the same phase of a machine
/// whose speed drifts: the median, lowest and highest of the per-pair ratios.
fn ratio(pairs: usize, a: &mut dyn FnMut(), b: &mut dyn FnMut()) -> (f64, f64, f64) {
    a();
    b();
    let mut r: Vec<f64> = (0..pairs.max(1))
        .map(|_| {
            let start = Instant::now();
            a();
            let ta = start.elapsed().as_secs_f64();
            let start = Instant::now();
            b();
            start.elapsed().as_secs_f64() / ta
        })
        .collect();
    r.sort_by(f64::total_cmp);
    (r[r.len() / 2], r[0], r[r.len() - 1])
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` runs us once, quickly.
    let quick = !std::env::args().any(|a| a == "--bench");
    let text = akson::canonical(&corpus(if quick { 100_000 } else { 4_000_000 })).into_owned();
    let messy = denormalise(&text);
    // One copy of the corpus, for figures on text never seen before.
    let one = akson::canonical(&corpus(1)).into_owned();
    // Real Tesseract output: the OCR side of the held-out test lines
    // (dictionaries/ocr/pairs/test), as the corrector is meant to get it.
    let ocr = ocr_lines(&["scan150jpg"]);
    let ocr_all = ocr_lines(&["scan150jpg", "scan200bin", "faded200bin", "scan100jpg"]);
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
    // `cargo bench --bench core -- NAME` measures only the rows whose name contains
    // NAME, in any case (`words` takes ICU4X's WordSegmenter row too).
    let only: Option<String> = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .map(|a| a.to_lowercase());
    let skip = |name: &str| {
        only.as_ref()
            .is_some_and(|o| !name.to_lowercase().contains(o.as_str()))
    };
    // A row of the table: `f` measured on `bytes` bytes, unless filtered out.
    let row = |task: &'static str, name: &'static str, bytes: usize, f: &mut dyn FnMut()| {
        let mbs = if skip(name) {
            f64::NAN
        } else {
            measure(bytes, f)
        };
        (task, name, mbs)
    };
    let corrector = akson::Corrector::new();
    // Each run corrects the text as if it had never seen it: the memos of the
    // corrector and of the syllable segmenter emptied first.
    let fresh_correct = |text: &str| {
        akson::syllable::clear_memo();
        akson::correct::clear_memo();
        black_box(corrector.correct(black_box(text)));
    };
    let grapheme = icu_segmenter::GraphemeClusterSegmenter::new();
    let icu_words = icu_segmenter::WordSegmenter::new_dictionary(Default::default());
    let dict = akson::Dictionary::embedded();
    let rows: Vec<(&str, &str, f64)> = vec![
        row(
            "normalise, already canonical",
            "akson canonical",
            text.len(),
            &mut || {
                black_box(akson::normalize(black_box(&text), akson::Form::Canonical));
            },
        ),
        row("", "unicode-normalization is_nfc", text.len(), &mut || {
            black_box(unicode_normalization::is_nfc(black_box(&text)));
        }),
        row("", "unicode-normalization NFC", text.len(), &mut || {
            black_box(black_box(&text).nfc().collect::<String>());
        }),
        row(
            "normalise, needs repair",
            "akson canonical",
            messy.len(),
            &mut || {
                black_box(akson::normalize(black_box(&messy), akson::Form::Canonical));
            },
        ),
        row("", "akson search", messy.len(), &mut || {
            black_box(akson::normalize(black_box(&messy), akson::Form::Search));
        }),
        row("", "unicode-normalization NFC", messy.len(), &mut || {
            black_box(black_box(&messy).nfc().collect::<String>());
        }),
        row("segment", "akson syllables", text.len(), &mut || {
            black_box(akson::syllables(black_box(&text)).count());
        }),
        row(
            "",
            "akson syllables, each text seen once (memo cleared)",
            one.len(),
            &mut || {
                akson::syllable::clear_memo();
                black_box(akson::syllables(black_box(&one)).count());
            },
        ),
        row("", "ICU4X graphemes", text.len(), &mut || {
            black_box(grapheme.segment_str(black_box(&text)).count());
        }),
        row("segment words", "akson words", text.len(), &mut || {
            black_box(dict.words(black_box(&text)).count());
        }),
        row(
            "",
            "akson words, each text seen once (memo cleared)",
            one.len(),
            &mut || {
                akson::syllable::clear_memo();
                black_box(dict.words(black_box(&one)).count());
            },
        ),
        row(
            "",
            "akson words, unnormalised input",
            messy.len(),
            &mut || {
                black_box(dict.words(black_box(&messy)).count());
            },
        ),
        row(
            "",
            "ICU4X WordSegmenter (dictionary)",
            text.len(),
            &mut || {
                black_box(icu_words.segment_str(black_box(&text)).count());
            },
        ),
        row(
            "OCR correction",
            "akson correct, corpus text (one copy)",
            one.len(),
            &mut || fresh_correct(&one),
        ),
        row(
            "",
            "akson correct, Tesseract output (test lines, scan150jpg)",
            ocr.len(),
            &mut || fresh_correct(&ocr),
        ),
        row(
            "",
            "akson correct, Tesseract output (test lines, all four scans)",
            ocr_all.len(),
            &mut || fresh_correct(&ocr_all),
        ),
    ];
    println!(
        "input: {} bytes of canonical corpus text, {} bytes denormalised\n",
        text.len(),
        messy.len()
    );
    println!("| task | implementation | MB/s |");
    println!("| --- | --- | ---: |");
    for &(task, name, mbs) in &rows {
        if mbs.is_nan() {
            continue;
        }
        if mbs < 10.0 {
            println!("| {task} | {name} | {mbs:.1} |");
        } else {
            println!("| {task} | {name} | {mbs:.0} |");
        }
    }
    // Words against ICU4X, from alternate runs on the same input: the table's rows
    // are taken one after another, minutes apart on this machine, while its speed
    // drifts.
    if !skip("akson words") || !skip("ICU4X WordSegmenter (dictionary)") {
        let (median, lo, hi) = ratio(
            21,
            &mut || {
                black_box(dict.words(black_box(&text)).count());
            },
            &mut || {
                black_box(icu_words.segment_str(black_box(&text)).count());
            },
        );
        println!(
            "\nakson words / ICU4X WordSegmenter (dictionary), 21 alternate runs of each: \
             {median:.2}x (median; lowest {lo:.2}, highest {hi:.2})"
        );
    }
    // The correction figures again in Lao words per second (words as akson segments
    // them).
    let texts = [&one, &ocr, &ocr_all];
    for (r, text) in rows[rows.len() - 3..].iter().zip(texts) {
        if r.2.is_nan() {
            continue;
        }
        let lao_words = akson::words(text)
            .filter(|w| w.chars().any(|c| ('\u{E81}'..='\u{EDF}').contains(&c)))
            .count();
        println!(
            "\n{}: {:.0} Lao words/s ({lao_words} words in {} bytes)",
            r.1,
            lao_words as f64 * r.2 * 1e6 / text.len() as f64,
            text.len()
        );
    }
}
