//! ICU4X word segmentation as a line filter, for comparing word segmenters.
//!
//! Reads standard input line by line and writes every line with `|` inserted
//! at each word boundary found by `icu_segmenter::WordSegmenter` (never at the
//! start or end of a line). Line ends (LF or CRLF) are kept as they were.
//!
//! ```text
//! cargo build --release --example icu_words
//! tr -d '|' < tests/gold/words-dev.txt > /tmp/dev.txt
//! target/release/examples/icu_words --mode dictionary < /tmp/dev.txt
//! target/release/examples/icu_words --mode lstm --bench /tmp/dev.txt
//! ```
//!
//! `--mode dictionary|lstm|auto` picks the constructor (`new_dictionary`,
//! `new_lstm`, `new_auto`; default `dictionary`). `--bench FILE` reads FILE
//! once, segments it line by line repeatedly for about 2 s (building the same
//! output as the filter, into memory) and prints the throughput on stderr
//! (the file is taken as is: give it unsegmented text, not a gold file with `|`).
//! `--sep STR` changes the separator.
//! Used by `benches/eval_words.py`.

use icu_segmenter::{WordSegmenter, WordSegmenterBorrowed};
use std::io::{BufRead, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

const USAGE: &str = "Usage: icu_words [--mode dictionary|lstm|auto] [--sep STR] [--bench FILE]";

/// Appends `line` (without line end) to `out`, with `sep` at every inner boundary.
fn segment_into(seg: WordSegmenterBorrowed<'static>, line: &str, sep: &str, out: &mut String) {
    let mut prev = 0;
    for bp in seg.segment_str(line) {
        if bp == 0 {
            continue;
        }
        if prev > 0 {
            out.push_str(sep);
        }
        out.push_str(&line[prev..bp]);
        prev = bp;
    }
}

/// Splits a line (as read by `read_until(b'\n')`) into content and line end.
fn split_eol(line: &str) -> (&str, &str) {
    if let Some(s) = line.strip_suffix("\r\n") {
        (s, "\r\n")
    } else if let Some(s) = line.strip_suffix('\n') {
        (s, "\n")
    } else {
        (line, "")
    }
}

fn bench(seg: WordSegmenterBorrowed<'static>, path: &str, sep: &str, mode: &str) -> ExitCode {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("icu_words: cannot read {path}: {e}");
            return ExitCode::from(1);
        }
    };
    let lines: Vec<&str> = text.split_inclusive('\n').map(|l| split_eol(l).0).collect();
    let mut out = String::with_capacity(text.len() * 2);
    let run = |out: &mut String| {
        out.clear();
        for l in &lines {
            segment_into(seg, l, sep, out);
            out.push('\n');
        }
    };
    // Warm-up (also loads lazily initialised data).
    run(&mut out);
    let budget = Duration::from_secs(2);
    let start = Instant::now();
    let mut iters = 0u64;
    let mut checksum = 0usize;
    while start.elapsed() < budget {
        run(&mut out);
        checksum = checksum.wrapping_add(out.len());
        iters += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    let bytes = text.len() as f64 * iters as f64;
    eprintln!(
        "icu_words --mode {mode}: {iters} passes over {} bytes in {secs:.3} s: {:.3} MB/s (checksum {checksum})",
        text.len(),
        bytes / secs / 1e6
    );
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let mut mode = String::from("dictionary");
    let mut sep = String::from("|");
    let mut bench_file: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| match args.next() {
            Some(v) => Ok(v),
            None => Err(format!("icu_words: {name} needs a value")),
        };
        let r = match a.as_str() {
            "--mode" => value("--mode").map(|v| mode = v),
            "--sep" => value("--sep").map(|v| sep = v),
            "--bench" => value("--bench").map(|v| bench_file = Some(v)),
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ => Err(format!("icu_words: unknown argument {a:?}")),
        };
        if let Err(e) = r {
            eprintln!("{e}\n{USAGE}");
            return ExitCode::from(2);
        }
    }
    let seg: WordSegmenterBorrowed<'static> = match mode.as_str() {
        "dictionary" => WordSegmenter::new_dictionary(Default::default()),
        "lstm" => WordSegmenter::new_lstm(Default::default()),
        "auto" => WordSegmenter::new_auto(Default::default()),
        _ => {
            eprintln!("icu_words: unknown mode {mode:?}: use dictionary, lstm or auto\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if let Some(path) = bench_file {
        return bench(seg, &path, &sep, &mode);
    }

    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let stdout = std::io::stdout();
    let mut output = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut buf = Vec::new();
    let mut out = String::new();
    loop {
        buf.clear();
        match input.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                eprintln!("icu_words: cannot read standard input: {e}");
                return ExitCode::from(1);
            }
        }
        let Ok(line) = std::str::from_utf8(&buf) else {
            eprintln!("icu_words: standard input is not UTF-8");
            return ExitCode::from(1);
        };
        let (content, eol) = split_eol(line);
        out.clear();
        segment_into(seg, content, &sep, &mut out);
        out.push_str(eol);
        if let Err(e) = output.write_all(out.as_bytes()) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                return ExitCode::SUCCESS;
            }
            eprintln!("icu_words: cannot write: {e}");
            return ExitCode::from(1);
        }
    }
    if let Err(e) = output.flush() {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("icu_words: cannot write: {e}");
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}
