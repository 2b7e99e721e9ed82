//! Profiling helper: runs one task many times over the shared corpus, for
//! `valgrind --tool=callgrind` or `perf`.
//!
//! `cargo run --release --example profile_syllables -- [syllables|words|normalize|cold] [REPEATS]`
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
    let mut n = 0;
    for _ in 0..repeats {
        n += match what.as_str() {
            "normalize" => akson::canonical(&text).len(),
            "words" => akson::Dictionary::embedded().words(&text).count(),
            "cold" => {
                akson::syllable::clear_memo();
                akson::syllables(&text).count()
            }
            _ => akson::syllables(&text).count(),
        };
    }
    println!("{n}");
}
