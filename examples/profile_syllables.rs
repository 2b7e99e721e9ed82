//! Profiling helper: runs one task many times over the shared corpus, for
//! `valgrind --tool=callgrind` or `perf`, and prints the token count and MB/s.
//!
//! `cargo run --release --example profile_syllables -- [syllables|words|words-pieces|words-small|words-ocr|normalize|cold|load|new-text] [REPEATS]`
//!
//! `load` decodes the embedded dictionary and builds its lookup tables REPEATS
//! times (what a process's first `words` call does) and prints the time of one,
//! then the same for the file read as a user's (`from_fst_bytes`, every node of
//! the fst checked).
//!
//! `new-text` measures words on text the process has not seen: every distinct
//! line of Lao text in the repository and the corpus (the corpus, both sides of
//! the OCR pairs, the OCR corpus's clean and composed text, the gold sets), in a
//! fixed shuffled order, segmented 200 kB at a time with the syllable memo kept
//! from one part to the next (a long-running process meeting new documents): for
//! each part, its first pass, a second pass, and the memo's size.
//!
//! `words-ocr` segments, warm, the two sides of the OCR test pairs
//! (`dictionaries/ocr/pairs/test`): Tesseract's output and the clean text it read.
//!
//! `words-pieces` segments the corpus's space-separated pieces (about 40
//! bytes each), one call each: what a short text costs beyond its bytes.
//!
//! `words-small` segments with a dictionary of the embedded one's 2,000 cheapest
//! words only (lookup tables that fit the caches), to tell memory latency from
//! the work itself.
fn main() {
    let mut text = String::new();
    for e in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            text.push_str(&std::fs::read_to_string(p).unwrap());
        }
    }
    let what = std::env::args().nth(1).unwrap_or_default();
    let repeats: usize = std::env::args()
        .nth(2)
        .map_or(50, |r| r.parse().expect("REPEATS must be a number"));
    if what == "load" {
        // Decoding the embedded dictionary and building its lookup tables, as the
        // first `words` call of a process does; then the same file read as a
        // user's file is (`--dict`, `Dictionary::load`), every node checked.
        let bytes = include_bytes!("../dictionaries/akson-lo.fst");
        let time = |load: &dyn Fn() -> akson::Dictionary| {
            let start = std::time::Instant::now();
            let mut n = 0;
            for _ in 0..repeats {
                n += load().words("ການ").count();
            }
            (n, start.elapsed().as_secs_f64() * 1e3 / repeats as f64)
        };
        let (n, ms) = time(&akson::dict::decode_embedded);
        let (_, checked) = time(&|| akson::Dictionary::from_fst_bytes(bytes).unwrap());
        println!(
            "{n} tokens, {ms:.1} ms per load ({checked:.1} ms with every node checked, \
             as for a file given with --dict)"
        );
        return;
    }
    if what == "new-text" {
        new_text();
        return;
    }
    if what == "words-ocr" {
        words_ocr(repeats);
        return;
    }
    let small = (what == "words-small").then(|| {
        let mut entries = akson::Dictionary::embedded().entries();
        entries.sort_by_key(|e| e.1);
        let mut d = akson::Dictionary::empty();
        for (w, cost) in entries.iter().take(2_000) {
            d.add_with_count(w, 1e6 * (-(*cost as f64) / 1000.0).exp())
                .unwrap();
        }
        d
    });
    let dict = small.as_ref().unwrap_or(akson::Dictionary::embedded());
    dict.words("ການ").count(); // build the lookup tables before timing
    let start = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..repeats {
        n += match what.as_str() {
            "normalize" => akson::canonical(&text).len(),
            "words" | "words-small" => dict.words(&text).count(),
            // Short strings, one call each (a search box's queries).
            "words-pieces" => text
                .split_whitespace()
                .map(|piece| dict.words(piece).count())
                .sum(),
            "cold" => {
                akson::syllable::clear_memo();
                akson::syllables(&text).count()
            }
            _ => akson::syllables(&text).count(),
        };
    }
    let mbs = (repeats * text.len()) as f64 / start.elapsed().as_secs_f64() / 1e6;
    println!("{n} tokens, {mbs:.0} MB/s");
}

/// Every distinct line with Lao text of the files under these folders (of a `.tsv`,
/// every column but the first), in a fixed shuffled order.
fn distinct_lao_lines() -> Vec<String> {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut files = Vec::new();
    for dir in [
        "../shared/corpus",
        "dictionaries/ocr/clean",
        "dictionaries/ocr/composed",
        "dictionaries/ocr/pairs/dev",
        "dictionaries/ocr/pairs/test",
        "tests/gold",
    ] {
        let dir = format!("{root}/{dir}");
        for e in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{dir}: {e}")) {
            files.push(e.unwrap().path());
        }
    }
    files.sort();
    let mut seen = std::collections::HashSet::new();
    let mut lines = Vec::new();
    for p in files {
        let Ok(text) = std::fs::read_to_string(&p) else {
            continue;
        };
        let tsv = p.extension().is_some_and(|x| x == "tsv");
        for line in text.lines() {
            let fields: Vec<&str> = if tsv {
                line.split('\t').skip(1).collect()
            } else {
                vec![line]
            };
            for f in fields {
                let f = f.replace('|', ""); // the gold sets mark words with |
                let lao = f.chars().any(|c| ('\u{E80}'..='\u{EFF}').contains(&c));
                if lao && seen.insert(f.clone()) {
                    lines.push(f);
                }
            }
        }
    }
    // Fisher–Yates with xorshift64, seeded: the same order every run.
    let mut x = 0x2545_F491_4F6C_DD1Du64;
    for i in (1..lines.len()).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        lines.swap(i, (x % (i as u64 + 1)) as usize);
    }
    lines
}

fn new_text() {
    let lines = distinct_lao_lines();
    let bytes: usize = lines.iter().map(|l| l.len() + 1).sum();
    println!("{} distinct lines, {bytes} bytes", lines.len());
    let dict = akson::Dictionary::embedded();
    dict.words("ການ").count(); // build the lookup tables before timing
    akson::syllable::clear_memo();
    let mbs = |text: &str| {
        let start = std::time::Instant::now();
        let n = dict.words(text).count();
        (n, text.len() as f64 / start.elapsed().as_secs_f64() / 1e6)
    };
    let mut part = String::new();
    let mut done = 0;
    for (i, line) in lines.iter().enumerate() {
        part.push_str(line);
        part.push('\n');
        if part.len() >= 200_000 || i + 1 == lines.len() {
            let (n, first) = mbs(&part);
            let (_, again) = mbs(&part);
            done += part.len();
            println!(
                "{done:>8} bytes: first pass {first:.0} MB/s, again {again:.0} MB/s, \
                 memo {} nodes ({n} tokens)",
                akson::syllable::memo_nodes()
            );
            part.clear();
        }
    }
}

/// Words, warm, on each side of the OCR test pairs: the clean text and what
/// Tesseract read of it.
fn words_ocr(repeats: usize) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/dictionaries/ocr/pairs/test");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let (mut clean, mut noisy) = (String::new(), String::new());
    for f in files {
        for line in std::fs::read_to_string(f).unwrap().lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            if let [_, c, n] = cols[..] {
                clean.push_str(c);
                clean.push('\n');
                noisy.push_str(n);
                noisy.push('\n');
            }
        }
    }
    let dict = akson::Dictionary::embedded();
    for (name, text) in [("clean side", &clean), ("Tesseract output", &noisy)] {
        dict.words(text).count(); // the memo learns the text first
        let start = std::time::Instant::now();
        let mut n = 0;
        for _ in 0..repeats {
            n += dict.words(text).count();
        }
        let mbs = (repeats * text.len()) as f64 / start.elapsed().as_secs_f64() / 1e6;
        println!("{name}: {} bytes, {n} tokens, {mbs:.0} MB/s", text.len());
    }
}
